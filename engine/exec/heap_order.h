// SPDX-License-Identifier: MIT
// Binary-heap procedures that order equal keys exactly as LiteRT's C++ library (LLVM libc++) does.
// Detection post-processing and non-max suppression pick among equal scores by heap position, so a
// different (even a "better", stable) order selects other boxes. Written from the procedures'
// description in docs/arithmetic.md; `after(a, b)` is true when a belongs below b in the heap.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace ql::exec::heap {

template <class T, class After> void siftDown(std::vector<T>& a, std::size_t n, std::size_t s, After after)
{
    if (n < 2 || (n - 2) / 2 < s)
        return;
    std::size_t c = 2 * s + 1;
    if (c + 1 < n && after(a[c], a[c + 1]))
        ++c;
    if (after(a[c], a[s]))
        return;
    T t = std::move(a[s]);
    do {
        a[s] = std::move(a[c]);
        s = c;
        if ((n - 2) / 2 < c)
            break;
        c = 2 * c + 1;
        if (c + 1 < n && after(a[c], a[c + 1]))
            ++c;
    } while (!after(a[c], t));
    a[s] = std::move(t);
}

template <class T, class After> void makeHeap(std::vector<T>& a, std::size_t n, After after)
{
    if (n < 2)
        return;
    for (std::size_t s = (n - 2) / 2 + 1; s-- > 0;)
        siftDown(a, n, s, after);
}

template <class T, class After> void siftUp(std::vector<T>& a, std::size_t b, After after)
{
    if (b == 0)
        return;
    std::size_t p = (b - 1) / 2;
    if (!after(a[p], a[b]))
        return;
    T t = std::move(a[b]);
    do {
        a[b] = std::move(a[p]);
        b = p;
        if (p == 0)
            break;
        p = (p - 1) / 2;
    } while (after(a[p], t));
    a[b] = std::move(t);
}

// Moves the top to position n-1 and restores the heap on [0, n-1) (Floyd's hole descent).
template <class T, class After> void popHeap(std::vector<T>& a, std::size_t n, After after)
{
    if (n < 2)
        return;
    T top = std::move(a[0]);
    std::size_t hole = 0;
    for (;;) {
        std::size_t c = 2 * hole + 1;
        if (c >= n)
            break;
        if (c + 1 < n && after(a[c], a[c + 1]))
            ++c;
        a[hole] = std::move(a[c]);
        hole = c;
        if (hole > (n - 2) / 2)
            break;
    }
    if (hole == n - 1) {
        a[hole] = std::move(top);
        return;
    }
    a[hole] = std::move(a[n - 1]);
    a[n - 1] = std::move(top);
    siftUp(a, hole, after);
}

template <class T, class After> void sortHeap(std::vector<T>& a, std::size_t n, After after)
{
    for (std::size_t m = n; m > 1; --m)
        popHeap(a, m, after);
}

// The first k elements of `a` in the order `after` defines (as std::partial_sort with `before`).
template <class T, class Before> void partialSort(std::vector<T>& a, std::size_t k, Before before)
{
    if (k == 0)
        return;
    makeHeap(a, k, before);
    for (std::size_t i = k; i < a.size(); ++i)
        if (before(a[i], a[0])) {
            std::swap(a[i], a[0]);
            siftDown(a, k, 0, before);
        }
    sortHeap(a, k, before);
}

// A max-heap queue (std::priority_queue with `less`).
template <class T, class Less> class PriorityQueue {
public:
    explicit PriorityQueue(Less less)
        : m_less(less)
    {
    }
    bool empty() const { return m_a.empty(); }
    const T& top() const { return m_a.front(); }
    void push(T v)
    {
        m_a.push_back(std::move(v));
        siftUp(m_a, m_a.size() - 1, m_less);
    }
    void pop()
    {
        popHeap(m_a, m_a.size(), m_less);
        m_a.pop_back();
    }

private:
    std::vector<T> m_a;
    Less m_less;
};

} // namespace ql::exec::heap
