// SPDX-License-Identifier: MIT
#include "compare/comparemodel.h"

#include "errors/errorchart.h"
#include "style/chartstyle.h"
#include "style/plotstyle.h"

#include <qcustomplot.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace ql::widgets {

namespace {

QString percent(double v)
{
    return v < 0 ? QString() : QLocale().toString(100.0 * v, 'f', 2) + QLatin1Char('%'); // 92,33% in German, like sizes
}

} // namespace

CompareModel::CompareModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void CompareModel::setResults(std::shared_ptr<const std::vector<eval::ModeEvaluation>> results)
{
    beginResetModel();
    m_results = std::move(results);
    endResetModel();
}

void CompareModel::setTargetLimits(const QString& target, std::int64_t ramBytes, std::int64_t flashBytes)
{
    m_target = target;
    m_ramLimit = ramBytes;
    m_flashLimit = flashBytes;
    if (rowCount() > 0)
        emit dataChanged(index(0, Size), index(rowCount() - 1, MicroArena));
}

bool CompareModel::exceedsTarget(int row, int column) const
{
    if (!m_results || row < 0 || row >= rowCount())
        return false;
    const auto& e = (*m_results)[static_cast<std::size_t>(row)];
    if (column == Size)
        return m_flashLimit > 0 && e.sizeBytes > m_flashLimit;
    if (column == MicroArena)
        return m_ramLimit > 0 && e.microArenaBytes > m_ramLimit;
    return false;
}

int CompareModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_results ? 0 : static_cast<int>(m_results->size());
}

int CompareModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CompareModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& e = (*m_results)[static_cast<std::size_t>(index.row())];
    if (role == SortRole) {
        switch (index.column()) {
        case Mode: return QString::fromStdString(e.mode);
        case Size: return static_cast<qlonglong>(e.sizeBytes);
        case MicroArena: return static_cast<qlonglong>(e.microArenaBytes);
        case Accuracy: return e.result.accuracy;
        case Top5: return e.result.top5;
        case Agreement: return e.agreement;
        case KlMean: return e.klMean;
        case Latency: return e.latencyMs;
        case Collapse: return QString::fromStdString(e.collapse);
        default: return {};
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Mode: return QString::fromStdString(e.mode);
        case Size: return QLocale().formattedDataSize(e.sizeBytes, 1, QLocale::DataSizeTraditionalFormat);
        case MicroArena:
            return e.microArenaBytes < 0 ? tr("n/a")
                                         : QLocale().formattedDataSize(e.microArenaBytes, 1, QLocale::DataSizeTraditionalFormat);
        case Accuracy: return percent(e.result.accuracy);
        case Top5: return percent(e.result.top5);
        case Agreement: return percent(e.agreement);
        case KlMean: return std::isnan(e.klMean) ? tr("n/a") : QLocale().toString(e.klMean, 'g', 3);
        case Latency: return std::isnan(e.latencyMs) ? tr("n/a") : QLocale().toString(e.latencyMs, 'f', 3);
        case Collapse: return e.collapse.empty() ? QString() : tr("collapse");
        default: return {};
        }
    }
    if (exceedsTarget(index.row(), index.column())) {
        if (role == Qt::BackgroundRole)
            return style::withAlpha(style::roleColor(style::Role::Limit), 120);
        if (role == Qt::ToolTipRole)
            return index.column() == Size
                ? tr("%1 has %2 of flash; this mode's file takes more")
                      .arg(m_target, QLocale().formattedDataSize(m_flashLimit, 1, QLocale::DataSizeTraditionalFormat))
                : tr("%1 has %2 of RAM; this mode needs more for its tensor arena")
                      .arg(m_target, QLocale().formattedDataSize(m_ramLimit, 1, QLocale::DataSizeTraditionalFormat));
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == Collapse && !e.collapse.empty())
            return QString::fromStdString(e.collapse);
        if (index.column() == Agreement)
            return tr("Share of samples where this mode picks the same class as the float model");
        if (index.column() == Size)
            return tr("The model file: what it takes in flash on a device");
        if (index.column() == MicroArena)
            return tr("The tensor arena tflite-micro's interpreter needs for this mode on a microcontroller (activations "
                      "and its persistent data; 64-bit host figure, as arena_used_bytes() reports it)");
        if (index.column() == KlMean)
            return tr("Mean KL divergence of this mode's output distribution from the float model's: 0 = identical");
        if (index.column() == Latency)
            return tr("Median time of one single-sample run on this machine, one thread (QuantLens' interpreter)");
    }
    if (role == Qt::BackgroundRole && !e.collapse.empty())
        return style::withAlpha(style::roleColor(style::Role::Limit), 70);
    if (role == Qt::TextAlignmentRole && index.column() != Mode && index.column() != Collapse)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant CompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Mode: return tr("Mode");
    case Size: return tr("Size");
    case MicroArena: return tr("MCU RAM");
    case Accuracy: return tr("Accuracy");
    case Top5: return tr("Top-5");
    case Agreement: return tr("Agreement");
    case KlMean: return tr("KL (mean)");
    case Latency: return tr("Latency (ms)");
    case Collapse: return tr("Warning");
    default: return {};
    }
}

QString CompareModel::toCsv() const
{
    auto quote = [](QString s) {
        if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
            s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        return s;
    };
    QString out = QStringLiteral("mode,size_bytes,tflite_micro_arena_bytes,accuracy,top5,agreement,kl_mean,latency_ms,collapse\n");
    if (m_results)
        for (const auto& e : *m_results)
            out += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9\n")
                       .arg(quote(QString::fromStdString(e.mode)))
                       .arg(e.sizeBytes)
                       .arg(e.microArenaBytes >= 0 ? QString::number(e.microArenaBytes) : QString())
                       .arg(e.result.accuracy >= 0 ? QString::number(e.result.accuracy, 'g', 6) : QString())
                       .arg(e.result.top5 >= 0 ? QString::number(e.result.top5, 'g', 6) : QString())
                       .arg(e.agreement, 0, 'g', 6)
                       .arg(std::isnan(e.klMean) ? QString() : QString::number(e.klMean, 'g', 6))
                       .arg(std::isnan(e.latencyMs) ? QString() : QString::number(e.latencyMs, 'g', 6))
                       .arg(quote(QString::fromStdString(e.collapse)));
    return out;
}

QByteArray CompareModel::toJson() const
{
    QJsonArray modes;
    if (m_results)
        for (const auto& e : *m_results)
            modes.append(QJsonObject{{QStringLiteral("mode"), QString::fromStdString(e.mode)},
                {QStringLiteral("size_bytes"), static_cast<qint64>(e.sizeBytes)},
                {QStringLiteral("tflite_micro_arena_bytes"),
                    e.microArenaBytes >= 0 ? QJsonValue(static_cast<qint64>(e.microArenaBytes)) : QJsonValue()},
                {QStringLiteral("accuracy"), e.result.accuracy >= 0 ? QJsonValue(e.result.accuracy) : QJsonValue()},
                {QStringLiteral("top5"), e.result.top5 >= 0 ? QJsonValue(e.result.top5) : QJsonValue()},
                {QStringLiteral("agreement"), e.agreement},
                {QStringLiteral("kl_mean"), std::isnan(e.klMean) ? QJsonValue() : QJsonValue(e.klMean)},
                {QStringLiteral("latency_ms"), std::isnan(e.latencyMs) ? QJsonValue() : QJsonValue(e.latencyMs)},
                {QStringLiteral("collapse"),
                    e.collapse.empty() ? QJsonValue() : QJsonValue(QString::fromStdString(e.collapse))}});
    return QJsonDocument(QJsonObject{{QStringLiteral("modes"), modes}}).toJson(QJsonDocument::Indented);
}

TradeoffChart::TradeoffChart(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_plot = new QCustomPlot(this);
    m_plot->xAxis->setLabel(tr("model size (kB)"));
    m_plot->yAxis->setLabel(tr("accuracy (%) — or agreement without labels"));
    m_plot->setToolTip(tr("Each mode as a point: further left is smaller, higher is more accurate; the dashed "
                          "line is the float model. Labels give the latency."));
    m_plot->setMinimumHeight(220);
    stylePlot(m_plot, palette());
    connect(m_plot, &QCustomPlot::afterLayout, this, &TradeoffChart::placeLabels);
    layout->addWidget(m_plot);
    installChartMenu(m_plot, tr("accuracy-vs-size"));
}

TradeoffChart::~TradeoffChart() = default;

void TradeoffChart::setResults(const std::vector<eval::ModeEvaluation>& results)
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_labels.clear();
    m_at.clear();
    m_points = 0;
    double lo = 100, hi = 0, maxKb = 1;
    double baseline = -1;
    auto* points = m_plot->addGraph();
    points->setLineStyle(QCPGraph::lsNone);
    points->setPen(QPen(style::seriesColor(0)));
    points->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, style::seriesColor(0), 9));
    for (const auto& e : results) {
        const double y = 100.0 * (e.result.accuracy >= 0 ? e.result.accuracy : e.agreement);
        const double x = static_cast<double>(e.sizeBytes) / 1024.0;
        points->addData(x, y);
        auto* label = new QCPItemText(m_plot);
        label->position->setType(QCPItemPosition::ptAbsolute); // placed in pixels by placeLabels()
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
        label->setColor(palette().color(QPalette::Text));
        label->setText(e.latencyMs > 0
                ? QStringLiteral("%1 (%2 ms)").arg(QString::fromStdString(e.mode), QLocale().toString(e.latencyMs, 'f', 2))
                : QString::fromStdString(e.mode));
        label->setClipToAxisRect(false);
        m_labels.push_back(label);
        m_at.emplace_back(x, y);
        lo = std::min(lo, y);
        hi = std::max(hi, y);
        maxKb = std::max(maxKb, x);
        if (e.mode == "float32")
            baseline = y;
        ++m_points;
    }
    if (baseline >= 0) {
        auto* line = new QCPItemStraightLine(m_plot);
        line->point1->setCoords(0, baseline);
        line->point2->setCoords(1, baseline);
        line->setPen(QPen(style::roleColor(style::Role::Neutral), 1, Qt::DashLine));
    }
    // Points at 100 % stay inside: the range goes past them, whatever the ticks say.
    const double pad = std::max(0.5, (hi - lo) * 0.2);
    m_plot->xAxis->setRange(0, maxKb * 1.35);
    m_plot->yAxis->setRange(std::max(0.0, lo - pad), hi + pad);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TradeoffChart::placeLabels()
{
    const QRectF area = m_plot->axisRect()->rect();
    std::vector<QRectF> placed;
    // Points from the top down; each label takes the first place beside its point that is free: right, left,
    // then further above and below, in steps of a line.
    std::vector<std::size_t> order(m_labels.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) { return m_at[a].y() > m_at[b].y(); });
    for (const std::size_t i : order) {
        QCPItemText* label = m_labels[i];
        const QPointF p(m_plot->xAxis->coordToPixel(m_at[i].x()), m_plot->yAxis->coordToPixel(m_at[i].y()));
        const QFontMetricsF fm(label->font());
        const QSizeF size(fm.horizontalAdvance(label->text()) + 4, fm.height() + 2);
        auto candidate = [&](int k) {
            const bool left = (k % 2) == 1;
            const int step = k / 2; // 0, 0, 1, 1, ...: further away, alternating above and below
            const double dy = step == 0 ? 0 : ((step % 2) ? -1.0 : 1.0) * ((step + 1) / 2) * size.height();
            const double x = left ? p.x() - 8 - size.width() : p.x() + 8;
            return QRectF(QPointF(x, p.y() + dy - size.height() / 2), size);
        };
        QRectF chosen = candidate(0);
        for (int k = 0; k < 24; ++k) {
            const QRectF r = candidate(k);
            const bool inside = area.contains(r);
            const bool free = std::none_of(placed.begin(), placed.end(), [&](const QRectF& o) { return o.intersects(r); });
            if (inside && free) {
                chosen = r;
                break;
            }
        }
        placed.push_back(chosen);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->position->setPixelPosition(chosen.topLeft() + QPointF(2, 1));
    }
}

std::vector<QRectF> TradeoffChart::labelRects() const
{
    std::vector<QRectF> out;
    for (QCPItemText* label : m_labels) {
        const QFontMetricsF fm(label->font());
        out.emplace_back(label->position->pixelPosition() - QPointF(2, 1),
            QSizeF(fm.horizontalAdvance(label->text()) + 4, fm.height() + 2));
    }
    return out;
}

QRectF TradeoffChart::dataArea() const
{
    return m_plot->axisRect()->rect();
}

bool TradeoffChart::exportChart(const QString& path, QString* error) const
{
    return exportPlot(m_plot, path, tr("Accuracy against size"), error);
}

} // namespace ql::widgets
