// SPDX-License-Identifier: MIT
#include "exec/thread_pool.h"

namespace ql::exec {

namespace {

std::pair<std::int64_t, std::int64_t> chunk(std::int64_t n, int parts, int i)
{
    const std::int64_t base = n / parts;
    const std::int64_t extra = n % parts;
    const std::int64_t begin = i * base + std::min<std::int64_t>(i, extra);
    return {begin, begin + base + (i < extra ? 1 : 0)};
}

} // namespace

ThreadPool::ThreadPool(int threads)
{
    for (int i = 1; i < threads; ++i)
        m_workers.emplace_back([this, i] { work(i); });
}

ThreadPool::~ThreadPool()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_start.notify_all();
    for (auto& t : m_workers)
        t.join();
}

// Workers spin a little before they sleep: kernels come in quick succession during an invocation,
// and waking a sleeping thread costs more than most layers take.
void ThreadPool::work(int id)
{
    std::uint64_t seen = 0;
    for (;;) {
        for (int spin = 0; spin < 20000 && m_generation.load(std::memory_order_acquire) == seen && !m_stop; ++spin)
            std::this_thread::yield();
        if (m_generation.load(std::memory_order_acquire) == seen) {
            std::unique_lock lock(m_mutex);
            m_start.wait(lock, [&] { return m_stop || m_generation.load() != seen; });
        }
        if (m_stop)
            return;
        seen = m_generation.load(std::memory_order_acquire);
        const auto* fn = m_fn;
        const std::int64_t n = m_n;
        const auto [b, e] = chunk(n, threads(), id);
        if (b < e)
            (*fn)(b, e);
        if (m_pending.fetch_sub(1, std::memory_order_acq_rel) == 1) {
            std::lock_guard lock(m_mutex);
            m_done.notify_one();
        }
    }
}

void ThreadPool::parallelFor(std::int64_t n, const std::function<void(std::int64_t, std::int64_t)>& fn)
{
    {
        std::lock_guard lock(m_mutex);
        m_fn = &fn;
        m_n = n;
        m_pending.store(static_cast<int>(m_workers.size()), std::memory_order_release);
        m_generation.fetch_add(1, std::memory_order_acq_rel);
    }
    m_start.notify_all();
    const auto [b, e] = chunk(n, threads(), 0);
    if (b < e)
        fn(b, e);
    for (int spin = 0; spin < 20000 && m_pending.load(std::memory_order_acquire) != 0; ++spin)
        std::this_thread::yield();
    if (m_pending.load(std::memory_order_acquire) != 0) {
        std::unique_lock lock(m_mutex);
        m_done.wait(lock, [&] { return m_pending.load() == 0; });
    }
}

void parallelFor(
    ThreadPool* pool, std::int64_t n, std::int64_t minChunk, const std::function<void(std::int64_t, std::int64_t)>& fn)
{
    if (n <= 0)
        return;
    if (!pool || pool->threads() == 1 || n < 2 * minChunk) {
        fn(0, n);
        return;
    }
    pool->parallelFor(n, fn);
}

} // namespace ql::exec
