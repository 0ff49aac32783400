// SPDX-License-Identifier: MIT
#include "gui/memorydialog.h"

#include "target/memorychart.h"
#include "target/micro_arena.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>

namespace ql::app {

MemoryDialog::MemoryDialog(QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Device memory per step"));
    auto* l = new QVBoxLayout(this);
    m_chart = new widgets::MemoryChart(this);
    l->addWidget(m_chart, 1);
    m_caption = new QLabel(this);
    m_caption->setWordWrap(true);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->addWidget(m_caption);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    l->addWidget(buttons);
    connect(m_chart, &widgets::MemoryChart::operatorClicked, this, &MemoryDialog::operatorClicked);
    resize(820, 520);
}

void MemoryDialog::setModels(
    const model::Graph& file, const model::Graph* chosen, const QString& chosenName, const target::Profile* profile)
{
    const QLocale locale;
    auto kib = [&](std::int64_t b) { return locale.toString(static_cast<double>(b) / 1024.0, 'f', 1); };
    std::vector<widgets::MemoryChart::Series> series;
    QStringList lines;
    auto add = [&](const model::Graph& g, const QString& name) {
        auto a = target::microArena(g);
        if (!a) {
            lines << tr("%1: %2").arg(name, QString::fromStdString(a.error().message));
            return;
        }
        series.push_back({name, a->liveBytes, a->persistent});
        const auto peak = std::max_element(a->liveBytes.begin(), a->liveBytes.end()) - a->liveBytes.begin();
        const QString where = peak == 0 ? tr("the inputs")
                                        : tr("operator %1 (%2)").arg(peak - 1).arg(QString::fromStdString(g.opName(
                                              g.main().operators[static_cast<std::size_t>(peak - 1)])));
        QString line = tr("%1: %2 KiB at %3: %4 KiB of tensors and scratch buffers, %5 KiB persistent.")
                           .arg(name, kib(a->total()), where, kib(a->plan), kib(a->persistent));
        if (!a->unknown.empty())
            line += QLatin1Char(' ') +
                tr("Kernel data of %n operator(s) unknown here, counted as 0.", nullptr, static_cast<int>(a->unknown.size()));
        lines << line;
    };
    add(file, tr("as opened"));
    if (chosen && chosen != &file)
        add(*chosen, tr("in %1").arg(chosenName));
    const std::int64_t ram = profile ? profile->ramBytes : 0;
    m_chart->setSeries(series, ram, profile ? QString::fromStdString(profile->title) : QString());
    lines << tr("tflite-micro's greedy memory planner on a 64-bit host, as MicroInterpreter::arena_used_bytes() "
                "reports it. Each model is drawn over its own operators; clicking a step of the file as opened selects "
                "that operator.");
    m_caption->setText(lines.join(QLatin1Char('\n')));
}

QString MemoryDialog::caption() const
{
    return m_caption->text();
}

} // namespace ql::app
