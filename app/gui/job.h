// SPDX-License-Identifier: MIT
// Background jobs of the GUI: work runs on Qt's thread pool and its result comes back on the GUI thread, to
// an owner that may have moved on. A JobGeneration tells a job's result whether a newer job of its kind (or
// a change of what it measured) has replaced it.
#pragma once

#include <QFutureWatcher>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

namespace ql::app {

// Runs `work()` off the GUI thread and calls `done(result)` on `owner`'s thread; nothing is delivered once
// `owner` is destroyed.
template <class Work, class Done> void runJob(QObject* owner, Work work, Done done)
{
    using Result = std::invoke_result_t<Work>;
    auto* watcher = new QFutureWatcher<Result>(owner);
    QObject::connect(watcher, &QFutureWatcher<Result>::finished, owner, [watcher, done = std::move(done)]() mutable {
        Result r = watcher->result();
        watcher->deleteLater();
        done(std::move(r));
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

// A callable the worker may call (progress): each call runs `fn(args...)` on `owner`'s thread, queued,
// while the owner lives.
template <class Fn> auto onGuiThread(QObject* owner, Fn fn)
{
    return [owner = QPointer<QObject>(owner), fn = std::move(fn)](auto... args) {
        QMetaObject::invokeMethod(
            owner.data(),
            [owner, fn, args...] {
                if (owner)
                    fn(args...);
            },
            Qt::QueuedConnection);
    };
}

// The newest job of one kind: start() makes every earlier token stale.
class JobGeneration {
public:
    int start() { return ++m_value; }
    bool isCurrent(int token) const { return token == m_value; }
    int current() const { return m_value; }

private:
    int m_value = 0;
};

} // namespace ql::app
