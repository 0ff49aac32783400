// SPDX-License-Identifier: MIT
// The window's message area: a band above the views that keeps what went wrong (a job that failed, what
// keeps the model from running) in full until it no longer applies or the user closes it, instead of a
// status-bar message that is clipped and vanishes. Each message has a topic; a newer message of the same
// topic replaces it, and clear(topic) removes it when the cause is gone.
#pragma once

#include <QString>
#include <QWidget>

#include <vector>

class QLabel;

namespace ql::app {

class MessageArea : public QWidget {
    Q_OBJECT

public:
    explicit MessageArea(QWidget* parent = nullptr);

    enum class Level { Warning, Error };
    void post(const QString& topic, const QString& text, Level level = Level::Error);
    void clear(const QString& topic);
    void clearAll();
    // What is shown, one line per topic, oldest first.
    QStringList messages() const;

private:
    void refresh();

    struct Message {
        QString topic, text;
        Level level;
    };
    std::vector<Message> m_messages;
    QLabel* m_text = nullptr;
};

} // namespace ql::app
