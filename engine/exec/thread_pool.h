// SPDX-License-Identifier: MIT
// A small fixed pool of worker threads for splitting a kernel's loop.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ql::exec {

class ThreadPool {
public:
    explicit ThreadPool(int threads); // threads includes the calling one
    ~ThreadPool();
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;

    int threads() const { return static_cast<int>(m_workers.size()) + 1; }
    // Calls fn(begin, end) on disjoint chunks covering [0, n); returns when all are done.
    void parallelFor(std::int64_t n, const std::function<void(std::int64_t, std::int64_t)>& fn);

private:
    void work(int id);

    std::vector<std::thread> m_workers;
    std::mutex m_mutex;
    std::condition_variable m_start, m_done;
    const std::function<void(std::int64_t, std::int64_t)>* m_fn = nullptr;
    std::int64_t m_n = 0;
    std::atomic<std::uint64_t> m_generation{0};
    std::atomic<int> m_pending{0};
    std::atomic<bool> m_stop{false};
};

// Runs fn over [0, n) on the pool, or on the calling thread when there is none or n is small.
void parallelFor(
    ThreadPool* pool, std::int64_t n, std::int64_t minChunk, const std::function<void(std::int64_t, std::int64_t)>& fn);

} // namespace ql::exec
