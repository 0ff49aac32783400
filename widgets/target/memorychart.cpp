// SPDX-License-Identifier: MIT
#include "target/memorychart.h"

#include "errors/errorchart.h"
#include "style/chartstyle.h"
#include "style/plotstyle.h"

#include <qcustomplot.h>

#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>

namespace ql::widgets {

namespace {

// Colour-blind-safe pair (Okabe-Ito blue and vermillion), then grey for the limit.
const QColor kColours[] = {style::seriesColor(0), style::seriesColor(3), style::seriesColor(2)};

double kib(std::int64_t bytes)
{
    return static_cast<double>(bytes) / 1024.0;
}

} // namespace

MemoryChart::MemoryChart(QWidget* parent)
    : QWidget(parent)
{
    auto* l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    m_plot = new QCustomPlot(this);
    m_plot->xAxis->setLabel(tr("step (0: the inputs, then each operator)"));
    m_plot->yAxis->setLabel(tr("RAM in use (KiB)"));
    m_plot->legend->setVisible(true);
    m_plot->setMinimumHeight(260);
    stylePlot(m_plot, palette());
    legendAbove(m_plot);
    m_plot->setToolTip(tr("tflite-micro's tensor arena at each step: the tensors and scratch buffers alive then, plus "
                          "the persistent part. The highest point is the arena the device needs. Click a step to "
                          "select its operator."));
    l->addWidget(m_plot);
    installChartMenu(m_plot, tr("device-memory"));
    connect(m_plot, &QCustomPlot::mousePress, this, &MemoryChart::onClick);
}

MemoryChart::~MemoryChart() = default;

void MemoryChart::setSeries(const std::vector<Series>& series, std::int64_t ramBytes, const QString& target)
{
    m_series = series;
    m_plot->clearGraphs();
    m_plot->clearItems();
    double top = 0;
    int steps = 0;
    for (std::size_t s = 0; s < m_series.size(); ++s) {
        const auto t = totals(static_cast<int>(s));
        auto* g = m_plot->addGraph();
        g->setName(m_series[s].name);
        g->setLineStyle(QCPGraph::lsStepCenter);
        g->setPen(QPen(kColours[s % 3], 2));
        QVector<double> x, y;
        for (std::size_t i = 0; i < t.size(); ++i) {
            x.push_back(static_cast<double>(i));
            y.push_back(kib(t[i]));
        }
        g->setData(x, y, true);
        steps = std::max(steps, static_cast<int>(t.size()));
        const int peak = peakStep(static_cast<int>(s));
        if (peak >= 0) {
            top = std::max(top, y[peak]);
            auto* label = new QCPItemText(m_plot);
            label->position->setCoords(peak, y[peak]);
            label->setPositionAlignment(Qt::AlignBottom | Qt::AlignHCenter);
            label->setText(tr("peak %1 KiB").arg(QLocale().toString(y[peak], 'f', 1)));
            label->setColor(kColours[s % 3]);
            label->setClipToAxisRect(false);
        }
    }
    if (ramBytes > 0) {
        auto* limit = new QCPItemStraightLine(m_plot);
        limit->point1->setCoords(0, kib(ramBytes));
        limit->point2->setCoords(1, kib(ramBytes));
        limit->setPen(QPen(style::roleColor(style::Role::Limit), 1.5, Qt::DashLine));
        auto* label = new QCPItemText(m_plot);
        label->position->setCoords(std::max(steps - 1, 0), kib(ramBytes));
        label->setPositionAlignment(Qt::AlignBottom | Qt::AlignRight);
        label->setText(tr("RAM of %1: %2 KiB").arg(target, QLocale().toString(kib(ramBytes), 'f', 0)));
        label->setColor(style::roleColor(style::Role::Neutral));
        top = std::max(top, kib(ramBytes));
    }
    m_plot->xAxis->setRange(-0.5, std::max(steps, 1) - 0.5);
    m_plot->yAxis->setRange(0, top > 0 ? top * 1.4 : 1); // room above for the legend and the labels
    m_plot->replot();
}

std::vector<std::int64_t> MemoryChart::totals(int series) const
{
    std::vector<std::int64_t> t;
    if (series < 0 || series >= seriesCount())
        return t;
    const Series& s = m_series[static_cast<std::size_t>(series)];
    for (auto b : s.liveBytes)
        t.push_back(b + s.persistentBytes);
    return t;
}

int MemoryChart::peakStep(int series) const
{
    const auto t = totals(series);
    if (t.empty())
        return -1;
    return static_cast<int>(std::max_element(t.begin(), t.end()) - t.begin());
}

bool MemoryChart::exportChart(const QString& path, QString* error) const
{
    return exportPlot(m_plot, path, tr("RAM on the device per step"), error);
}

void MemoryChart::onClick(QMouseEvent* e)
{
    const int step = static_cast<int>(std::lround(m_plot->xAxis->pixelToCoord(e->position().x())));
    if (step >= 1 && !m_series.empty() && step < static_cast<int>(m_series.front().liveBytes.size()))
        emit operatorClicked(step - 1);
}

} // namespace ql::widgets
