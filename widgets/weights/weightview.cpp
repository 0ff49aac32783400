// SPDX-License-Identifier: MIT
#include "weights/weightview.h"

#include "errors/errorchart.h"
#include "style/chartstyle.h"
#include "style/plotstyle.h"
#include "layers/layertablemodel.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QFileInfo>
#include <QLabel>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QVBoxLayout>

#include <cmath>
#include <filesystem>

namespace ql::widgets {

namespace {

QString num(double v, int digits = 4)
{
    return QString::number(v, 'g', digits);
}

QCustomPlot* makePlot(QWidget* parent, const QString& xLabel, const QString& yLabel)
{
    auto* p = new QCustomPlot(parent);
    p->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    p->axisRect()->setRangeZoom(Qt::Horizontal);
    p->axisRect()->setRangeDrag(Qt::Horizontal);
    p->xAxis->setLabel(xLabel);
    p->yAxis->setLabel(yLabel);
    p->setMinimumHeight(120);
    stylePlot(p, parent->palette());
    p->setNotAntialiasedElements(QCP::aeAll);
    return p;
}

QCPBars* bars(QCustomPlot* p, const eval::Histogram& h, const QColor& colour, const QString& name)
{
    auto* b = new QCPBars(p->xAxis, p->yAxis);
    b->setName(name);
    const double width =
        h.counts.empty() ? 1.0 : (static_cast<double>(h.hi) - h.lo) / static_cast<double>(h.counts.size());
    b->setWidth(width > 0 ? width : 1.0);
    QColor fill = colour;
    fill.setAlpha(110);
    b->setBrush(fill);
    b->setPen(QPen(colour.darker(120)));
    QVector<double> x, y;
    for (std::size_t i = 0; i < h.counts.size(); ++i) {
        x << h.lo + (static_cast<double>(i) + 0.5) * width;
        y << static_cast<double>(h.counts[i]);
    }
    b->setData(x, y, true);
    return b;
}

QCPItemStraightLine* vline(QCustomPlot* p, double x, const QPen& pen)
{
    auto* l = new QCPItemStraightLine(p);
    l->point1->setCoords(x, 0);
    l->point2->setCoords(x, 1);
    l->setPen(pen);
    return l;
}

} // namespace

WeightView::WeightView(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_formula = new QLabel(this);
    m_formula->setWordWrap(true);
    m_formula->setTextFormat(Qt::PlainText);
    m_formula->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_formula->setToolTip(tr("How the scale and zero point of this weight tensor follow from its values"));
    m_log = new QCheckBox(tr("Log scale"), this);
    m_log->setToolTip(tr("Counts on a logarithmic axis: shows the sparse tails where outliers and clipping live"));
    connect(m_log, &QCheckBox::toggled, this, [this] { redraw(); });
    m_hist = makePlot(this, tr("weight value"), tr("count"));
    legendAbove(m_hist);
    m_hist->setToolTip(tr("Float weights (blue) and quantized weights (orange); dashed red: the clipping range; "
                          "grey: the quantization grid. Wheel to zoom, drag to pan."));
    m_error = makePlot(this, tr("quantized − float"), tr("count"));
    m_error->setToolTip(tr("Quantization error of the weights: for pure rounding, flat between −scale/2 and +scale/2"));
    m_channelPlot = makePlot(this, tr("output channel"), tr("weight range"));
    m_channelPlot->setToolTip(tr("Minimum and maximum weight of each output channel: very unequal ranges make a "
                                 "per-tensor scale waste bits"));
    layout->addWidget(m_title);
    layout->addWidget(m_log);
    layout->addWidget(m_hist, 3);
    layout->addWidget(m_error, 1);
    layout->addWidget(m_channelPlot, 1);
    layout->addWidget(m_formula);
    installChartMenu(m_hist, tr("weight-histogram"));
    installChartMenu(m_error, tr("weight-error-histogram"));
    installChartMenu(m_channelPlot, tr("weight-ranges-per-channel"));
    redraw();
}

WeightView::~WeightView() = default;

void WeightView::setLayer(const eval::LayerWeights* layer)
{
    if (layer)
        m_layer = *layer;
    else
        m_layer.reset();
    redraw();
}

void WeightView::setLogScale(bool on)
{
    m_log->setChecked(on);
}

bool WeightView::logScale() const
{
    return m_log->isChecked();
}

QString WeightView::formulaText() const
{
    return m_formula->text();
}

QString WeightView::titleText() const
{
    return m_title->text();
}

void WeightView::redraw()
{
    for (QCustomPlot* p : {m_hist, m_error, m_channelPlot}) {
        p->clearPlottables();
        p->clearItems();
        p->legend->setVisible(false);
    }
    m_gridLines = m_clipLines = m_channels = 0;
    if (!m_layer) {
        m_title->setText(tr("Select a layer with weights to see their histogram."));
        m_formula->clear();
        for (QCustomPlot* p : {m_hist, m_error, m_channelPlot})
            p->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    const eval::LayerWeights& L = *m_layer;
    const auto& m = L.metrics;
    m_title->setText(tr("Operator %1 %2 — weights %3 (%4): %5 — %6")
                         .arg(L.op)
                         .arg(QString::fromStdString(L.opName))
                         .arg(QString::fromStdString(L.tensorName))
                         .arg(QString::fromStdString(L.scheme))
                         .arg(verdictText(L.verdict))
                         .arg(reasonText(L)));

    // Histogram: float vs quantized, grid and clipping range.
    bars(m_hist, L.floatHistogram, style::roleColor(style::Role::Float), tr("float"));
    if (L.quantized)
        bars(m_hist, L.quantizedHistogram, style::roleColor(style::Role::Quantized), tr("quantized"));
    m_hist->legend->setVisible(true);
    m_hist->xAxis->setRange(L.floatHistogram.lo, L.floatHistogram.hi);
    if (L.params.scale.size() == 1) {
        const double s = L.params.scale[0];
        const auto zp = static_cast<double>(L.params.zeroPoint[0]);
        const int levels = L.qmax - L.qmin + 1;
        if (levels <= 64)
            for (int q = L.qmin; q <= L.qmax; ++q, ++m_gridLines)
                vline(m_hist, (q - zp) * s, QPen(style::withAlpha(style::roleColor(style::Role::Neutral), 140), 0, Qt::DotLine));
    }
    if (!L.params.scale.empty()) {
        const QPen clip(style::roleColor(style::Role::Limit), 1.5, Qt::DashLine);
        vline(m_hist, L.clipLo, clip);
        vline(m_hist, L.clipHi, clip);
        m_clipLines = 2;
    }
    const bool log = m_log->isChecked();
    m_hist->yAxis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (log)
        m_hist->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        m_hist->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    m_hist->rescaleAxes(true);
    m_hist->xAxis->setRange(L.floatHistogram.lo, L.floatHistogram.hi);
    if (log)
        m_hist->yAxis->setRange(0.8, std::max(10.0, m_hist->yAxis->range().upper * 2));
    else
        m_hist->yAxis->setRangeLower(0);

    // Error histogram.
    bars(m_error, L.errorHistogram, style::roleColor(style::Role::Error), tr("error"));
    m_error->rescaleAxes();
    m_error->yAxis->setRangeLower(0);

    // Per-channel ranges: min and max per output channel, filled between.
    m_channels = static_cast<int>(L.channels.size());
    QVector<double> cx, chLo, chHi;
    for (int c = 0; c < m_channels; ++c) {
        cx << c;
        chLo << L.channels[static_cast<std::size_t>(c)].min;
        chHi << L.channels[static_cast<std::size_t>(c)].max;
    }
    auto* gMax = m_channelPlot->addGraph();
    gMax->setData(cx, chHi, true);
    gMax->setPen(QPen(style::roleColor(style::Role::Float)));
    auto* gMin = m_channelPlot->addGraph();
    gMin->setData(cx, chLo, true);
    gMin->setPen(QPen(style::roleColor(style::Role::Float)));
    gMax->setBrush(style::withAlpha(style::roleColor(style::Role::Float), 60));
    gMax->setChannelFillGraph(gMin);
    m_channelPlot->rescaleAxes();

    // The derivation, with this tensor's numbers.
    QString f;
    if (!L.quantized) {
        f = tr("Not quantized in this mode: the float32 weights are used as they are.");
    } else if (L.params.scale.empty()) {
        f = tr("float16: each weight is rounded to the nearest float16 (11 significant bits); max |error| = %1, "
               "SQNR %2 dB.")
                .arg(num(m.maxAbsError))
                .arg(num(m.sqnrDb, 3));
    } else {
        // The channel with the largest range stands for all when the scales are per channel.
        std::size_t c = 0;
        for (std::size_t k = 0; k < L.params.scale.size(); ++k)
            if (L.params.scale[k] > L.params.scale[c])
                c = k;
        const auto& ch = L.channels.empty() ? eval::ChannelStats{} : L.channels[std::min(c, L.channels.size() - 1)];
        const bool perChannel = L.params.scale.size() > 1;
        float lo = ch.min, hi = ch.max;
        if (!perChannel)
            for (const auto& x : L.channels) {
                lo = std::min(lo, x.min);
                hi = std::max(hi, x.max);
            }
        const QString which =
            perChannel ? tr(" (per output channel; shown: channel %1, the widest)").arg(c) : QString();
        const double s = L.params.scale[c];
        const auto zp = L.params.zeroPoint[c];
        if (zp == 0 && L.qmin == -L.qmax) {
            const double maxAbs = std::max(std::abs(static_cast<double>(lo)), std::abs(static_cast<double>(hi)));
            f = tr(
                "Symmetric%1: scale = max|w| / %2 = %3 / %2 = %4; zero point 0; q = clamp(round(w / scale), %5, %2); "
                "ŵ = q × scale. Error per weight at most scale / 2 = %6 unless clipped; RMSE / scale = %7 "
                "(1/√12 ≈ 0.289 for pure rounding).")
                    .arg(which)
                    .arg(L.qmax)
                    .arg(num(maxAbs))
                    .arg(num(s))
                    .arg(L.qmin)
                    .arg(num(s / 2))
                    .arg(num(m.rmseOverScale, 3));
        } else {
            f = tr("Asymmetric%1: range [%2, %3] extended to contain 0; scale = (max − min) / (%4 − (%5)) = %6; "
                   "zero point = round(%5 − min / scale) = %7; q = clamp(round(w / scale) + zp, %5, %4); "
                   "ŵ = (q − zp) × scale. RMSE / scale = %8.")
                    .arg(which)
                    .arg(num(std::min(lo, 0.0f)))
                    .arg(num(std::max(hi, 0.0f)))
                    .arg(L.qmax)
                    .arg(L.qmin)
                    .arg(num(s))
                    .arg(zp)
                    .arg(num(m.rmseOverScale, 3));
        }
    }
    m_formula->setText(f);
    for (QCustomPlot* p : {m_hist, m_error, m_channelPlot})
        p->replot(QCustomPlot::rpQueuedReplot);
}

bool WeightView::exportChart(Chart chart, const QString& path, QString* error) const
{
    QCustomPlot* p = chart == Chart::Histogram ? m_hist : chart == Chart::Error ? m_error : m_channelPlot;
    return exportPlot(p, path, m_title->text(), error);
}

} // namespace ql::widgets
