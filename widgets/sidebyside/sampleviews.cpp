// SPDX-License-Identifier: MIT
#include "sidebyside/sampleviews.h"

#include "errors/operatorbars.h"

#include "errors/errorchart.h"
#include "style/chartstyle.h"
#include "style/plotstyle.h"

#include <qcustomplot.h>

#include <QMouseEvent>
#include <QPainter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ql::widgets {

QImage sampleImage(const data::SampleSet& set, std::int64_t index)
{
    const auto& s = set.sampleShape;
    int h = 0, w = 0, c = 1;
    if (s.size() == 2) {
        h = static_cast<int>(s[0]);
        w = static_cast<int>(s[1]);
    } else if (s.size() == 3 && (s[2] == 1 || s[2] == 3)) {
        h = static_cast<int>(s[0]);
        w = static_cast<int>(s[1]);
        c = static_cast<int>(s[2]);
    } else if (s.size() == 4 && s[0] == 1 && (s[3] == 1 || s[3] == 3)) {
        h = static_cast<int>(s[1]);
        w = static_cast<int>(s[2]);
        c = static_cast<int>(s[3]);
    } else {
        return {};
    }
    const float* v = set.sample(index);
    const std::int64_t n = set.sampleSize();
    const auto [lo, hi] = std::minmax_element(v, v + n);
    const float range = *hi > *lo ? *hi - *lo : 1.0f;
    QImage img(w, h, c == 3 ? QImage::Format_RGB32 : QImage::Format_Grayscale8);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            auto at = [&](int ch) {
                const float t = (v[(static_cast<std::int64_t>(y) * w + x) * c + ch] - *lo) / range;
                return static_cast<int>(std::lround(std::clamp(t, 0.0f, 1.0f) * 255.0f));
            };
            if (c == 3)
                img.setPixel(x, y, qRgb(at(0), at(1), at(2)));
            else
                img.scanLine(y)[x] = static_cast<uchar>(at(0));
        }
    return img;
}

SampleListModel::SampleListModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

void SampleListModel::setSamples(std::shared_ptr<const data::SampleSet> set, QStringList classNames)
{
    beginResetModel();
    m_set = std::move(set);
    m_classes = std::move(classNames);
    m_thumbs.assign(m_set ? static_cast<std::size_t>(m_set->count) : 0, QImage());
    endResetModel();
}

int SampleListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_set ? 0 : static_cast<int>(m_set->count);
}

QVariant SampleListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    if (role == Qt::DisplayRole) {
        if (m_set->labels.size() == static_cast<std::size_t>(m_set->count)) {
            const int l = m_set->labels[row];
            return tr("#%1 %2")
                .arg(index.row())
                .arg(l >= 0 && l < m_classes.size() ? m_classes[l] : QString::number(l));
        }
        return tr("#%1").arg(index.row());
    }
    if (role == Qt::DecorationRole) {
        if (m_thumbs[row].isNull())
            m_thumbs[row] =
                sampleImage(*m_set, index.row()).scaled(56, 56, Qt::KeepAspectRatio, Qt::FastTransformation);
        return m_thumbs[row];
    }
    return {};
}

DrawCanvas::DrawCanvas(QWidget* parent)
    : QWidget(parent)
    , m_values(28 * 28, 0.0f)
{
    setMinimumSize(140, 140);
    setToolTip(tr("Draw with the left mouse button, erase with the right one"));
    setCursor(Qt::CrossCursor);
}

void DrawCanvas::clear()
{
    std::fill(m_values.begin(), m_values.end(), 0.0f);
    update();
    emit changed();
}

void DrawCanvas::ink(double cx, double cy, bool erase)
{
    // A soft round brush of about 1.5 cells, like a pen stroke in MNIST-style images.
    for (int y = 0; y < 28; ++y)
        for (int x = 0; x < 28; ++x) {
            const double d = std::hypot(x + 0.5 - cx, y + 0.5 - cy);
            const double amount = std::clamp(1.6 - d, 0.0, 1.0);
            float& v = m_values[static_cast<std::size_t>(y * 28 + x)];
            v = erase ? std::min(v, static_cast<float>(1.0 - amount)) : std::max(v, static_cast<float>(amount));
        }
}

void DrawCanvas::paintAt(double cx, double cy, bool erase)
{
    ink(cx, cy, erase);
    m_last = QPointF(cx, cy);
    update();
    emit changed();
}

void DrawCanvas::strokeTo(const QPointF& p, bool erase, bool continues)
{
    const double cell = std::min(width(), height()) / 28.0;
    const QPointF to(p.x() / cell, p.y() / cell);
    // A fast stroke moves many cells between two mouse events: the brush goes along the line in steps of
    // a quarter cell, so the stroke stays one line.
    if (continues && m_last) {
        const QPointF from = *m_last;
        const double length = std::hypot(to.x() - from.x(), to.y() - from.y());
        const int steps = static_cast<int>(std::ceil(length / 0.25));
        for (int k = 1; k < steps; ++k) {
            const double t = static_cast<double>(k) / steps;
            ink(from.x() + (to.x() - from.x()) * t, from.y() + (to.y() - from.y()) * t, erase);
        }
    }
    paintAt(to.x(), to.y(), erase);
}

void DrawCanvas::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const double cell = std::min(width(), height()) / 28.0;
    for (int y = 0; y < 28; ++y)
        for (int x = 0; x < 28; ++x) {
            const int g = static_cast<int>(std::lround(m_values[static_cast<std::size_t>(y * 28 + x)] * 255.0f));
            painter.fillRect(QRectF(x * cell, y * cell, cell, cell), QColor(g, g, g));
        }
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(QRectF(0, 0, 28 * cell - 1, 28 * cell - 1));
}

void DrawCanvas::mousePressEvent(QMouseEvent* e)
{
    strokeTo(e->position(), e->button() == Qt::RightButton, false);
}

void DrawCanvas::mouseMoveEvent(QMouseEvent* e)
{
    if (e->buttons() & (Qt::LeftButton | Qt::RightButton))
        strokeTo(e->position(), (e->buttons() & Qt::RightButton) != 0, true);
}

void DrawCanvas::mouseReleaseEvent(QMouseEvent*)
{
    m_last.reset();
}

OutputBars::OutputBars(QWidget* parent)
    : QWidget(parent)
{
    auto* l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumHeight(160);
    stylePlot(m_plot, palette());
    m_plot->xAxis->setLabel(tr("score"));
    m_plot->setToolTip(tr("The top classes of the float model, with both models' scores"));
    legendAbove(m_plot, true); // one entry per line: mode names are long
    l->addWidget(m_plot);
    installChartMenu(m_plot, tr("outputs"));
}

OutputBars::~OutputBars() = default;

void OutputBars::setOutputs(const std::vector<float>& a, const std::vector<float>& b, const QStringList& names,
    const QString& nameA, const QString& nameB, int k)
{
    m_plot->clearPlottables();
    m_shown.clear();
    std::vector<int> order(a.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
        [&](int x, int y) { return a[static_cast<std::size_t>(x)] > a[static_cast<std::size_t>(y)]; });
    order.resize(std::min<std::size_t>(static_cast<std::size_t>(k), order.size()));
    m_shown = order;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    auto* barsA = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    auto* barsB = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    barsA->setName(nameA);
    barsB->setName(nameB);
    barsA->setBrush(style::withAlpha(style::roleColor(style::Role::Float), 170));
    barsB->setBrush(style::withAlpha(style::roleColor(style::Role::Quantized), 170));
    barsA->setWidth(0.38);
    barsB->setWidth(0.38);
    double top = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const double pos = static_cast<double>(order.size() - 1 - i);
        const auto c = static_cast<std::size_t>(order[i]);
        barsA->addData(pos + 0.2, a[c]);
        if (c < b.size())
            barsB->addData(pos - 0.2, b[c]);
        top = std::max({top, static_cast<double>(a[c]), c < b.size() ? static_cast<double>(b[c]) : 0.0});
        ticker->addTick(pos, order[i] < names.size() ? names[order[i]] : QString::number(order[i]));
    }
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(-0.6, static_cast<double>(order.size()) - 0.4);
    m_plot->xAxis->setRange(0, std::max(top * 1.1, 1e-6));
    m_plot->legend->setVisible(!a.empty());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

ValueBars::ValueBars(const QString& yLabel, QWidget* parent)
    : QWidget(parent)
{
    auto* l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumHeight(140);
    stylePlot(m_plot, palette());
    m_plot->yAxis->setLabel(yLabel);
    m_plot->xAxis->setLabel(tr("operator"));
    m_bars = new OperatorBars(m_plot, tr("dB"));
    connect(m_bars, &OperatorBars::barClicked, this, &ValueBars::barClicked);
    l->addWidget(m_plot);
    installChartMenu(m_plot, yLabel);
}

ValueBars::~ValueBars() = default;

void ValueBars::setValues(const QStringList& labels, const std::vector<double>& values)
{
    m_lowest = -1;
    m_count = static_cast<int>(values.size());
    double low = 0;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (std::isfinite(values[i]) && (m_lowest < 0 || values[i] < low)) {
            low = values[i];
            m_lowest = static_cast<int>(i);
        }
    std::vector<OperatorBar> bars(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        bars[i].value = values[i];
        bars[i].tick = i < static_cast<std::size_t>(labels.size()) ? labels[static_cast<int>(i)] : QString();
        bars[i].outlined = static_cast<int>(i) == m_lowest;
    }
    m_bars->setBars(std::move(bars));
}

} // namespace ql::widgets
