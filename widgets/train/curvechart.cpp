// SPDX-License-Identifier: MIT
#include "train/curvechart.h"

#include "errors/errorchart.h"
#include "style/chartstyle.h"
#include "style/plotstyle.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

namespace ql::widgets {

CurveChart::CurveChart(QWidget* parent)
    : QWidget(parent)
{
    auto* l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    m_plot = new QCustomPlot(this);
    m_plot->xAxis->setLabel(tr("epoch"));
    m_plot->yAxis->setLabel(tr("loss"));
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setLabel(tr("training accuracy"));
    m_plot->yAxis2->setRange(0, 1);
    m_plot->addGraph(m_plot->xAxis, m_plot->yAxis)->setName(tr("loss"));
    m_plot->graph(0)->setPen(QPen(style::seriesColor(1), 2));
    m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2)->setName(tr("accuracy"));
    m_plot->graph(1)->setPen(QPen(style::seriesColor(0), 2));
    m_plot->legend->setVisible(true);
    m_plot->setMinimumHeight(200);
    stylePlot(m_plot, palette());
    legendAbove(m_plot);
    m_plot->setToolTip(tr("Loss (left) and training accuracy (right), averaged over the epoch so far"));
    l->addWidget(m_plot);
    installChartMenu(m_plot, tr("training-curves"));
}

CurveChart::~CurveChart() = default;

void CurveChart::clear()
{
    m_plot->graph(0)->data()->clear();
    m_plot->graph(1)->data()->clear();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CurveChart::addPoint(double epoch, double loss, double accuracy)
{
    m_plot->graph(0)->addData(epoch, loss);
    m_plot->graph(1)->addData(epoch, accuracy);
    m_plot->xAxis->rescale();
    m_plot->yAxis->rescale();
    m_plot->yAxis->setRangeLower(0);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int CurveChart::pointCount() const
{
    return m_plot->graph(0)->dataCount();
}

} // namespace ql::widgets
