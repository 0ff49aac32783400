// SPDX-License-Identifier: MIT
#include "gui/messagearea.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

#include <algorithm>

namespace ql::app {

MessageArea::MessageArea(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("messageArea"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 4, 4);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss these messages"));
    connect(close, &QToolButton::clicked, this, &MessageArea::clearAll);
    layout->addWidget(m_text, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    setAutoFillBackground(true);
    hide();
}

void MessageArea::post(const QString& topic, const QString& text, Level level)
{
    const auto it = std::find_if(m_messages.begin(), m_messages.end(), [&](const Message& m) { return m.topic == topic; });
    if (it != m_messages.end())
        m_messages.erase(it);
    m_messages.push_back({topic, text, level});
    refresh();
}

void MessageArea::clear(const QString& topic)
{
    std::erase_if(m_messages, [&](const Message& m) { return m.topic == topic; });
    refresh();
}

void MessageArea::clearAll()
{
    m_messages.clear();
    refresh();
}

QStringList MessageArea::messages() const
{
    QStringList out;
    for (const auto& m : m_messages)
        out << m.text;
    return out;
}

void MessageArea::refresh()
{
    if (m_messages.empty()) {
        m_text->clear();
        hide();
        return;
    }
    const bool error = std::any_of(
        m_messages.begin(), m_messages.end(), [](const Message& m) { return m.level == Level::Error; });
    QPalette p = palette();
    p.setColor(QPalette::Window, error ? QColor(0xf8, 0xd7, 0xda) : QColor(0xff, 0xf3, 0xcd));
    p.setColor(QPalette::WindowText, error ? QColor(0x58, 0x15, 0x1c) : QColor(0x66, 0x4d, 0x03));
    setPalette(p);
    m_text->setText(messages().join(QLatin1Char('\n')));
    show();
}

} // namespace ql::app
