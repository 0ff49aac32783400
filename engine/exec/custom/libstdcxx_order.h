// SPDX-License-Identifier: MIT
// std::priority_queue and std::sort as GCC's libstdc++ runs them (its __push_heap, __adjust_heap,
// __pop_heap, introsort and insertion sort), so that equal keys come out in libstdc++'s order.
// PosenetDecoderOp needs that order: Coral built its runtime with GCC (see posenet_decoder.cpp); the
// libc++ order that LiteRT.js's operators need is exec/heap_order.h.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace ql::exec::gnu {

// __push_heap: moves `value` up from `hole` while its parent is less.
template <class T, class Less> void gnuPushUp(T* a, std::ptrdiff_t hole, std::ptrdiff_t top, T value, Less less)
{
    std::ptrdiff_t parent = (hole - 1) / 2;
    while (hole > top && less(a[parent], value)) {
        a[hole] = std::move(a[parent]);
        hole = parent;
        parent = (hole - 1) / 2;
    }
    a[hole] = std::move(value);
}

// __adjust_heap: walks the hole down to a leaf (right child unless it is less than the left one),
// then pushes `value` back up.
template <class T, class Less> void gnuAdjust(T* a, std::ptrdiff_t hole, std::ptrdiff_t len, T value, Less less)
{
    const std::ptrdiff_t top = hole;
    std::ptrdiff_t child = hole;
    while (child < (len - 1) / 2) {
        child = 2 * (child + 1);
        if (less(a[child], a[child - 1]))
            --child;
        a[hole] = std::move(a[child]);
        hole = child;
    }
    if ((len & 1) == 0 && child == (len - 2) / 2) {
        child = 2 * (child + 1);
        a[hole] = std::move(a[child - 1]);
        hole = child - 1;
    }
    gnuPushUp(a, hole, top, std::move(value), less);
}

// __pop_heap: the top goes to *result, the element that was there is re-inserted into [a, a + len).
template <class T, class Less> void gnuPopTo(T* a, std::ptrdiff_t len, T* result, Less less)
{
    T value = std::move(*result);
    *result = std::move(a[0]);
    gnuAdjust(a, 0, len, std::move(value), less);
}

template <class T, class Less> void gnuMakeHeap(T* a, std::ptrdiff_t len, Less less)
{
    if (len < 2)
        return;
    for (std::ptrdiff_t parent = (len - 2) / 2;; --parent) {
        T value = std::move(a[parent]);
        gnuAdjust(a, parent, len, std::move(value), less);
        if (parent == 0)
            return;
    }
}

// std::priority_queue<T, std::vector<T>, Less> as libstdc++ runs it.
template <class T, class Less> class GnuPriorityQueue {
public:
    explicit GnuPriorityQueue(Less less)
        : m_less(less)
    {
    }
    bool empty() const { return m_a.empty(); }
    const T& top() const { return m_a.front(); }
    void push(T v)
    {
        m_a.push_back(std::move(v));
        T last = std::move(m_a.back());
        gnuPushUp(m_a.data(), static_cast<std::ptrdiff_t>(m_a.size()) - 1, 0, std::move(last), m_less);
    }
    void pop()
    {
        const auto n = static_cast<std::ptrdiff_t>(m_a.size());
        if (n > 1)
            gnuPopTo(m_a.data(), n - 1, m_a.data() + n - 1, m_less);
        m_a.pop_back();
    }

private:
    std::vector<T> m_a;
    Less m_less;
};

template <class T, class Less> void gnuLinearInsert(T* last, Less less)
{
    T value = std::move(*last);
    T* next = last - 1;
    while (less(value, *next)) {
        *last = std::move(*next);
        last = next;
        --next;
    }
    *last = std::move(value);
}

template <class T, class Less> void gnuInsertionSort(T* first, T* last, Less less)
{
    if (first == last)
        return;
    for (T* i = first + 1; i != last; ++i) {
        if (less(*i, *first)) {
            T value = std::move(*i);
            std::move_backward(first, i, i + 1);
            *first = std::move(value);
        } else {
            gnuLinearInsert(i, less);
        }
    }
}

template <class T, class Less> void gnuMoveMedianToFirst(T* result, T* a, T* b, T* c, Less less)
{
    if (less(*a, *b)) {
        if (less(*b, *c))
            std::iter_swap(result, b);
        else if (less(*a, *c))
            std::iter_swap(result, c);
        else
            std::iter_swap(result, a);
    } else if (less(*a, *c)) {
        std::iter_swap(result, a);
    } else if (less(*b, *c)) {
        std::iter_swap(result, c);
    } else {
        std::iter_swap(result, b);
    }
}

template <class T, class Less> T* gnuPartition(T* first, T* last, T* pivot, Less less)
{
    for (;;) {
        while (less(*first, *pivot))
            ++first;
        --last;
        while (less(*pivot, *last))
            --last;
        if (!(first < last))
            return first;
        std::iter_swap(first, last);
        ++first;
    }
}

inline constexpr std::ptrdiff_t kGnuSortThreshold = 16;

template <class T, class Less> void gnuIntrosortLoop(T* first, T* last, int depth, Less less)
{
    while (last - first > kGnuSortThreshold) {
        if (depth == 0) { // heap sort of what is left
            gnuMakeHeap(first, last - first, less);
            for (T* end = last; end - first > 1;) {
                --end;
                gnuPopTo(first, end - first, end, less);
            }
            return;
        }
        --depth;
        T* mid = first + (last - first) / 2;
        gnuMoveMedianToFirst(first, first + 1, mid, last - 1, less);
        T* cut = gnuPartition(first + 1, last, first, less);
        gnuIntrosortLoop(cut, last, depth, less);
        last = cut;
    }
}

// std::sort as libstdc++ runs it (introsort, then insertion sort). `less` must be a strict weak
// order: the unguarded loops rely on it.
template <class T, class Less> void gnuSort(std::vector<T>& v, Less less)
{
    if (v.size() < 2)
        return;
    T* first = v.data();
    T* last = first + v.size();
    int lg = 0;
    for (std::size_t n = v.size(); n > 1; n >>= 1)
        ++lg;
    gnuIntrosortLoop(first, last, 2 * lg, less);
    if (last - first > kGnuSortThreshold) {
        gnuInsertionSort(first, first + kGnuSortThreshold, less);
        for (T* i = first + kGnuSortThreshold; i != last; ++i)
            gnuLinearInsert(i, less);
    } else {
        gnuInsertionSort(first, last, less);
    }
}

} // namespace ql::exec::gnu
