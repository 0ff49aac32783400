// SPDX-License-Identifier: MIT
#include "layers/layertablemodel.h"

#include "errors/errorchart.h"

#include <QCoreApplication>

#include <QColor>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace ql::widgets {

QString verdictText(eval::Verdict v)
{
    switch (v) {
    case eval::Verdict::Good: return QCoreApplication::translate("ql::widgets::Verdict", "good");
    case eval::Verdict::Suspect: return QCoreApplication::translate("ql::widgets::Verdict", "suspect");
    case eval::Verdict::Bad: return QCoreApplication::translate("ql::widgets::Verdict", "bad");
    }
    return QStringLiteral("?");
}

QString reasonText(const eval::LayerWeights& L)
{
    // Written out as translate() calls with their context, so that lupdate finds every sentence.
    const auto v = [&L](std::size_t i) { return i < L.reasonValues.size() ? L.reasonValues[i] : 0.0; };
    const auto num = [](double x, int decimals) { return QLocale().toString(x, 'f', decimals); };
    const auto count = [&v](std::size_t i) { return static_cast<int>(std::lround(v(i))); };
    using R = eval::Reason;
    switch (L.reasonKind) {
    case R::NotQuantized:
        return QCoreApplication::translate("ql::widgets::Reason", "not quantized in this mode: no weight error");
    case R::StaysFloat:
        return QCoreApplication::translate("ql::widgets::Reason", "stays float in this mode (%1): no weight error")
            .arg(QString::fromStdString(L.reasonDetail));
    case R::Float16Overflow:
        return QCoreApplication::translate(
            "ql::widgets::Reason", "weights beyond float16's largest value 65504 overflow");
    case R::Float16Precise:
        return QCoreApplication::translate(
            "ql::widgets::Reason", "float16 keeps 11 significant bits: relative error about 2^-12 (%1 dB)")
            .arg(num(v(0), 1));
    case R::Float16Subnormal:
        return QCoreApplication::translate(
            "ql::widgets::Reason", "many weights are below float16's normal range (6.1e-5) and lose precision");
    case R::Clipped:
        return QCoreApplication::translate(
            "ql::widgets::Reason", "%1% of the weights lie outside the clipping range [%2, %3]")
            .arg(num(v(0), 2), num(v(1), 4), num(v(2), 4));
    case R::PerTensorRange:
        return (L.reasonDetail == "dense"
                ? QCoreApplication::translate("ql::widgets::Reason",
                      "channel %1 has a range %2x the median; a per-tensor scale wastes %3 bits of the other "
                      "channels (per-channel dense weights would fix it)")
                : QCoreApplication::translate("ql::widgets::Reason",
                      "channel %1 has a range %2x the median; a per-tensor scale wastes %3 bits of the other "
                      "channels (per-channel weights would fix it)"))
            .arg(count(0))
            .arg(num(v(1), 0), num(v(2), 1));
    case R::DeadChannels:
        return (L.reasonDetail == "good"
                ? QCoreApplication::translate("ql::widgets::Reason",
                      "%1 of %2 channels are (nearly) all zero (pruned or dead) and quantize to zero; the others "
                      "show rounding noise only (%3 dB SQNR)")
                : QCoreApplication::translate("ql::widgets::Reason",
                      "%1 of %2 channels are (nearly) all zero (pruned or dead) and quantize to zero; the others "
                      "lose precision (%3 dB SQNR)"))
            .arg(count(0))
            .arg(count(1))
            .arg(num(v(2), 1));
    case R::Outliers:
        return QCoreApplication::translate("ql::widgets::Reason",
            "outliers: the largest |weight| is %1x the standard deviation, so most weights fall on a few of "
            "the %2 levels (%3 dB SQNR)")
            .arg(num(v(0), 0))
            .arg(count(1))
            .arg(num(v(2), 1));
    case R::TooCoarse:
        return QCoreApplication::translate("ql::widgets::Reason",
            "only %1 dB SQNR: %2 bits are too coarse for this weight distribution (RMSE/scale %3)")
            .arg(num(v(0), 1))
            .arg(count(1))
            .arg(num(v(2), 3));
    case R::RoundingNoise:
        return QCoreApplication::translate(
            "ql::widgets::Reason", "rounding noise only: RMSE/scale %1 (ideal 1/sqrt(12) = 0.289), %2 dB SQNR")
            .arg(num(v(0), 3), num(v(1), 1));
    }
    return QString::fromStdString(L.reason);
}

LayerTableModel::LayerTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void LayerTableModel::setGraph(std::shared_ptr<const model::Graph> graph)
{
    beginResetModel();
    m_graph = std::move(graph);
    m_rows = m_graph ? model::describeLayers(*m_graph) : std::vector<model::LayerRow>{};
    m_analysis.reset();
    m_byRow.assign(m_rows.size(), nullptr);
    endResetModel();
}

void LayerTableModel::setWeightAnalysis(std::shared_ptr<const std::vector<eval::LayerWeights>> analysis)
{
    m_analysis = std::move(analysis);
    m_byRow.assign(m_rows.size(), nullptr);
    if (m_analysis)
        for (const auto& l : *m_analysis)
            for (std::size_t r = 0; r < m_rows.size(); ++r)
                if (m_rows[r].index == l.op)
                    m_byRow[r] = &l;
    if (!m_rows.empty())
        emit dataChanged(index(0, WeightSqnr), index(static_cast<int>(m_rows.size()) - 1, Verdict));
}

void LayerTableModel::setKeptFloat(const std::vector<int>& ops)
{
    m_kept = ops;
    if (!m_rows.empty())
        emit dataChanged(
            index(0, KeepFloat), index(static_cast<int>(m_rows.size()) - 1, KeepFloat), {Qt::CheckStateRole});
}

void LayerTableModel::setBlocked(std::vector<std::pair<int, QString>> blocked)
{
    m_blocked = std::move(blocked);
    if (!m_rows.empty())
        emit dataChanged(index(0, Op), index(static_cast<int>(m_rows.size()) - 1, Op));
}

QString LayerTableModel::blockedReason(int row) const
{
    const auto* r = layer(row);
    if (!r)
        return {};
    for (const auto& [op, why] : m_blocked)
        if (op == r->index)
            return why;
    return {};
}

void LayerTableModel::setTargetMarks(std::vector<TargetMark> marks)
{
    m_targetMarks = std::move(marks);
    if (!m_rows.empty())
        emit dataChanged(index(0, Op), index(static_cast<int>(m_rows.size()) - 1, Op));
}

const LayerTableModel::TargetMark* LayerTableModel::targetMark(int row) const
{
    const auto* r = layer(row);
    if (!r)
        return nullptr;
    for (const auto& m : m_targetMarks)
        if (m.op == r->index)
            return &m;
    return nullptr;
}

Qt::ItemFlags LayerTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == KeepFloat && weightsOf(index.row()))
        f |= Qt::ItemIsUserCheckable;
    return f;
}

bool LayerTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || index.column() != KeepFloat ||
        role != Qt::CheckStateRole || !weightsOf(index.row()))
        return false;
    emit keepFloatRequested(
        m_rows[static_cast<std::size_t>(index.row())].index, value.value<Qt::CheckState>() == Qt::Checked);
    return true;
}

const eval::LayerWeights* LayerTableModel::weightsOf(int row) const
{
    return row >= 0 && row < static_cast<int>(m_byRow.size()) ? m_byRow[static_cast<std::size_t>(row)] : nullptr;
}

const model::LayerRow* LayerTableModel::layer(int row) const
{
    return (row >= 0 && row < static_cast<int>(m_rows.size())) ? &m_rows[static_cast<std::size_t>(row)] : nullptr;
}

int LayerTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LayerTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LayerTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& r = m_rows[static_cast<std::size_t>(index.row())];
    auto str = [](const std::string& s) { return QString::fromStdString(s); };
    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sort = role == SortRole;
        switch (index.column()) {
        case Index: return r.index;
        case Op: return str(r.op);
        case Input: return str(r.inputShape);
        case Output: return str(r.outputShape);
        case Dtype: return str(r.activationDtype.empty() ? r.outputDtype : r.activationDtype);
        case Weights: return str(r.weightShape);
        case WeightDtype: return str(r.weightDtype);
        case Quantization: return str(r.quantization);
        case Parameters:
            return sort ? QVariant(static_cast<qlonglong>(r.parameterCount))
                        : QVariant(QLocale().toString(static_cast<qlonglong>(r.parameterCount)));
        case Bytes:
            return sort ? QVariant(static_cast<qlonglong>(r.constantBytes))
                        : QVariant(QLocale().formattedDataSize(r.constantBytes, 1, QLocale::DataSizeTraditionalFormat));
        case WeightSqnr:
            if (const auto* w = weightsOf(index.row())) {
                const double db = w->metrics.sqnrDb;
                if (sort)
                    return std::isfinite(db) ? db : 1e9;
                return std::isfinite(db) ? QVariant(QString::number(db, 'f', 1)) : QVariant(tr("exact"));
            }
            return sort ? QVariant(2e9) : QVariant();
        case Verdict:
            if (const auto* w = weightsOf(index.row()))
                return sort ? QVariant(static_cast<int>(w->verdict)) : QVariant(verdictText(w->verdict));
            return sort ? QVariant(-1) : QVariant();
        default: break;
        }
        return {};
    }
    if (role == ExportRole) { // files: raw numbers and English words, whatever the interface language
        switch (index.column()) {
        case Parameters: return static_cast<qlonglong>(r.parameterCount);
        case Bytes: return static_cast<qlonglong>(r.constantBytes);
        case WeightSqnr:
            if (const auto* w = weightsOf(index.row()))
                return std::isfinite(w->metrics.sqnrDb) ? QVariant(w->metrics.sqnrDb) : QVariant(QStringLiteral("inf"));
            return {};
        case Verdict:
            if (const auto* w = weightsOf(index.row()))
                return str(eval::verdictName(w->verdict));
            return {};
        case KeepFloat:
            return weightsOf(index.row()) ? QVariant(std::find(m_kept.begin(), m_kept.end(), r.index) != m_kept.end())
                                          : QVariant();
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::TextAlignmentRole) {
        const int c = index.column();
        return (c == Index || c == Parameters || c == Bytes || c == WeightSqnr)
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == Qt::CheckStateRole && index.column() == KeepFloat && weightsOf(index.row()))
        return std::find(m_kept.begin(), m_kept.end(), r.index) != m_kept.end() ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::ToolTipRole && index.column() == KeepFloat && weightsOf(index.row()))
        return tr("Keep this layer in float: it is not quantized, QUANTIZE/DEQUANTIZE go around it (Ctrl+Z undoes)");
    if ((role == Qt::BackgroundRole || role == Qt::ToolTipRole) && index.column() == Op)
        if (const QString why = blockedReason(index.row()); !why.isEmpty())
            return role == Qt::BackgroundRole ? QVariant(QColor(230, 80, 70, 120))
                                              : QVariant(tr("QuantLens cannot run this operator: %1").arg(why));
    if ((role == Qt::BackgroundRole || role == Qt::ToolTipRole) && index.column() == Op)
        if (const auto* m = targetMark(index.row()))
            return role == Qt::BackgroundRole ? QVariant(m->blocks ? QColor(230, 80, 70, 120) : QColor(240, 160, 40, 120))
                                              : QVariant(m->why);
    if (role == Qt::BackgroundRole && index.column() == Verdict)
        if (const auto* w = weightsOf(index.row()))
            return w->verdict == eval::Verdict::Good   ? QColor(120, 200, 120, 90)
                : w->verdict == eval::Verdict::Suspect ? QColor(240, 200, 60, 110)
                                                       : QColor(230, 80, 70, 120);
    if (role == Qt::ToolTipRole && (index.column() == Verdict || index.column() == WeightSqnr))
        if (const auto* w = weightsOf(index.row()))
            return tr("%1 weights: %2. SQNR = 10·log10(Σw² / Σ(w − ŵ)²): each bit is worth about 6 dB.")
                .arg(QString::fromStdString(w->scheme), reasonText(*w));
    if (role == Qt::ToolTipRole && index.column() == Quantization && !r.quantization.empty())
        return tr("Weight quantization: %1").arg(str(r.quantization));
    return {};
}

QVariant LayerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == ExportRole) {
        static const char* const keys[ColumnCount] = {"index", "op", "input", "output", "dtype", "weights",
            "weight_dtype", "quantization", "parameters", "bytes", "weight_sqnr_db", "verdict", "keep_float"};
        return section >= 0 && section < ColumnCount ? QVariant(QLatin1String(keys[section])) : QVariant();
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Index: return tr("#");
    case Op: return tr("Operator");
    case Input: return tr("Input");
    case Output: return tr("Output");
    case Dtype: return tr("Type");
    case Weights: return tr("Weights");
    case WeightDtype: return tr("Weight type");
    case Quantization: return tr("Quantization");
    case Parameters: return tr("Parameters");
    case Bytes: return tr("Bytes");
    case WeightSqnr: return tr("Weight SQNR (dB)");
    case Verdict: return tr("Verdict");
    case KeepFloat: return tr("Keep float");
    default: return {};
    }
}

} // namespace ql::widgets
