// SPDX-License-Identifier: MIT
#include "errors/operatorbars.h"

#include "style/chartstyle.h"

#include <qcustomplot.h>

#include <QHelpEvent>
#include <QLocale>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace ql::widgets {

namespace {

constexpr double kBarWidth = 0.7;

// Filters the plot's tooltip events: over a bar, the bar's own text.
class TipFilter : public QObject {
public:
    TipFilter(QObject* parent, std::function<bool(const QPoint&, const QPoint&)> show)
        : QObject(parent)
        , m_show(std::move(show))
    {
    }
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::ToolTip) {
            const auto* help = static_cast<QHelpEvent*>(event);
            if (m_show(help->pos(), help->globalPos()))
                return true;
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<bool(const QPoint&, const QPoint&)> m_show;
};

QString elided(const QString& s, int chars)
{
    return s.size() <= chars ? s : s.left(chars - 1) + QChar(0x2026);
}

} // namespace

OperatorBars::OperatorBars(QCustomPlot* plot, QString unit)
    : QObject(plot)
    , m_plot(plot)
    , m_unit(std::move(unit))
{
    // Wheel and drag zoom and pan along the operators only; the value axis stays put.
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    connect(m_plot, &QCustomPlot::plottableClick, this, [this](QCPAbstractPlottable* p, int dataIndex, QMouseEvent*) {
        const int bar = barOf(p, dataIndex);
        if (bar >= 0 && bar < count())
            emit barClicked(bar);
    });
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this, [this](const QCPRange& r) {
        // Never beyond the bars, never wider than all of them.
        const double lo = -0.6, hi = std::max(1, count()) - 0.4;
        QCPRange bounded = r;
        if (bounded.size() > hi - lo)
            bounded = QCPRange(lo, hi);
        else if (bounded.lower < lo)
            bounded = QCPRange(lo, lo + r.size());
        else if (bounded.upper > hi)
            bounded = QCPRange(hi - r.size(), hi);
        if (bounded.lower != r.lower || bounded.upper != r.upper)
            m_plot->xAxis->setRange(bounded);
        else
            updateTicks();
    });
    connect(m_plot, &QCustomPlot::afterLayout, this, &OperatorBars::updateTicks);
    m_plot->installEventFilter(new TipFilter(this, [this](const QPoint& at, const QPoint& global) {
        const double key = m_plot->xAxis->pixelToCoord(at.x());
        const int bar = static_cast<int>(std::lround(key));
        if (bar < 0 || bar >= count() || std::abs(key - bar) > kBarWidth / 2 ||
            !m_plot->axisRect()->rect().contains(at))
            return false;
        const OperatorBar& b = m_bars[static_cast<std::size_t>(bar)];
        const QString value = std::isinf(b.value) && b.value > 0 ? tr("exact (no error)")
            : std::isnan(b.value)                                ? tr("no value")
                                  : QStringLiteral("%1 %2").arg(QLocale().toString(b.value, 'f', 1), m_unit);
        QToolTip::showText(global, QStringLiteral("%1\n%2").arg(b.tip.isEmpty() ? b.tick : b.tip, value), m_plot);
        return true;
    }));
}

int OperatorBars::barOf(QCPAbstractPlottable* plottable, int dataIndex)
{
    auto* bars = qobject_cast<QCPBars*>(plottable);
    if (!bars || dataIndex < 0 || dataIndex >= bars->data()->size())
        return -1;
    return static_cast<int>(std::lround(bars->data()->at(dataIndex)->key));
}

void OperatorBars::setBars(std::vector<OperatorBar> bars)
{
    const bool sameCount = bars.size() == m_bars.size();
    m_bars = std::move(bars);
    redraw();
    // A new set of bars shows all of them; a refresh of the same ones keeps the user's zoom.
    if (!sameCount || m_plot->xAxis->range().size() <= 0)
        m_plot->xAxis->setRange(-0.6, std::max(1, count()) - 0.4);
    updateTicks();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

double OperatorBars::drawnHeight(int bar) const
{
    if (bar < 0 || bar >= count())
        return std::nan("");
    const double v = m_bars[static_cast<std::size_t>(bar)].value;
    return std::isinf(v) && v > 0 ? m_top : v;
}

QString OperatorBars::valueLabel(int bar) const
{
    if (bar < 0 || bar >= count())
        return {};
    const double v = m_bars[static_cast<std::size_t>(bar)].value;
    return std::isinf(v) && v > 0 ? tr("exact") : QString();
}

std::pair<double, double> OperatorBars::valueRange() const
{
    return {m_plot->yAxis->range().lower, m_plot->yAxis->range().upper};
}

QPoint OperatorBars::barCentre(int bar) const
{
    const double h = drawnHeight(bar);
    const double y = std::isnan(h) ? 0.0 : h / 2;
    return QPoint(static_cast<int>(std::lround(m_plot->xAxis->coordToPixel(bar))),
        static_cast<int>(std::lround(m_plot->yAxis->coordToPixel(y))));
}

QStringList OperatorBars::visibleTicks() const
{
    QStringList out;
    const auto ticker = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerText>();
    if (!ticker)
        return out;
    const QCPRange r = m_plot->xAxis->range();
    for (auto it = ticker->ticks().cbegin(); it != ticker->ticks().cend(); ++it)
        if (it.key() >= r.lower && it.key() <= r.upper)
            out << it.value();
    return out;
}

void OperatorBars::redraw()
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    double hi = 10, lo = 0;
    bool anyExact = false;
    for (const auto& b : m_bars) {
        if (std::isfinite(b.value)) {
            hi = std::max(hi, b.value);
            lo = std::min(lo, b.value);
        }
        anyExact = anyExact || (std::isinf(b.value) && b.value > 0);
    }
    // Exact bars stand a little above every finite one, with their word over them.
    m_top = anyExact ? hi * 1.1 : hi;
    const double bottom = lo < 0 ? lo * 1.15 : 0.0;
    // One bar layer per look (colour, exact or not): a click on any of them is keyed by bar.
    std::map<std::tuple<QRgb, bool>, QCPBars*> layers;
    auto layerFor = [&](const QColor& fill, bool exact) {
        auto& slot = layers[{fill.rgba(), exact}];
        if (!slot) {
            slot = new QCPBars(m_plot->xAxis, m_plot->yAxis);
            slot->setWidth(kBarWidth);
            slot->setBrush(exact ? QBrush(fill, Qt::BDiagPattern) : QBrush(fill));
            slot->setPen(QPen(fill.darker(130)));
            slot->setSelectable(QCP::stNone);
        }
        return slot;
    };
    QFont small = m_plot->xAxis->tickLabelFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    for (int i = 0; i < count(); ++i) {
        const OperatorBar& b = m_bars[static_cast<std::size_t>(i)];
        if (std::isnan(b.value))
            continue;
        const bool exact = std::isinf(b.value) && b.value > 0;
        layerFor(b.fill.isValid() ? b.fill : style::withAlpha(style::seriesColor(0), 170), exact)->addData(i, drawnHeight(i));
        if (exact) {
            auto* word = new QCPItemText(m_plot);
            word->position->setType(QCPItemPosition::ptPlotCoords);
            word->position->setCoords(i, m_top);
            word->setPositionAlignment(count() > 12 ? (Qt::AlignLeft | Qt::AlignVCenter) : (Qt::AlignHCenter | Qt::AlignBottom));
            word->setRotation(count() > 12 ? -90 : 0);
            word->setText(tr("exact"));
            word->setFont(small);
            word->setColor(m_plot->xAxis->tickLabelColor());
            word->setClipToAxisRect(true);
        }
    }
    auto outline = [&](int i, const QPen& pen, double width) {
        auto* o = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        o->setBrush(Qt::NoBrush);
        o->setPen(pen);
        o->setWidth(width);
        o->addData(i, drawnHeight(i));
        o->setSelectable(QCP::stNone);
    };
    for (int i = 0; i < count(); ++i) {
        const OperatorBar& b = m_bars[static_cast<std::size_t>(i)];
        if (std::isnan(b.value))
            continue;
        if (b.outlined)
            outline(i, QPen(style::roleColor(style::Role::Limit), 2.5), 0.8);
        if (b.selected)
            outline(i, QPen(m_plot->palette().color(QPalette::Highlight), 2.0, Qt::DashLine), 0.9);
    }
    // Room over the top for the word "exact"; a zero line when bars hang below it.
    const double room = anyExact ? (count() > 12 ? 0.3 : 0.12) : 0.08;
    m_plot->yAxis->setRange(bottom, m_top + (m_top - bottom) * room);
    if (bottom < 0) {
        auto* zero = new QCPItemStraightLine(m_plot);
        zero->point1->setCoords(0, 0);
        zero->point2->setCoords(1, 0);
        zero->setPen(QPen(m_plot->xAxis->basePen().color(), 1));
    }
}

void OperatorBars::updateTicks()
{
    auto ticker = QSharedPointer<QCPAxisTickerText>(new QCPAxisTickerText);
    const QCPRange r = m_plot->xAxis->range();
    const int first = std::max(0, static_cast<int>(std::ceil(r.lower)));
    const int last = std::min(count() - 1, static_cast<int>(std::floor(r.upper)));
    const int visible = std::max(0, last - first + 1);
    const QFontMetrics fm(m_plot->xAxis->tickLabelFont());
    const int px = std::max(200, m_plot->axisRect()->width());
    constexpr int kChars = 22;
    int widest = 0, total = 0;
    for (int i = first; i <= last; ++i) {
        const int w = fm.horizontalAdvance(elided(m_bars[static_cast<std::size_t>(i)].tick, kChars));
        widest = std::max(widest, w);
        total += w + fm.averageCharWidth() * 2;
    }
    // Side by side when they fit; else turned, and every k-th when even turned ones would overlap.
    const bool turned = total > px;
    const int pitch = turned ? fm.height() + 2 : widest + fm.averageCharWidth() * 2;
    const int step = std::max(1, static_cast<int>(std::ceil(static_cast<double>(visible) * pitch / px)));
    for (int i = first; i <= last; ++i)
        if (i % step == 0)
            ticker->addTick(i, elided(m_bars[static_cast<std::size_t>(i)].tick, kChars));
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setTickLabelRotation(turned ? 90 : 0);
}

} // namespace ql::widgets
