// SPDX-License-Identifier: MIT
#include "diff/difftablemodel.h"

#include <QColor>

#include <algorithm>
#include <cmath>

namespace ql::widgets {
namespace {

const QColor kChanged = QColor::fromHsv(40, 170, 250);
const QColor kOnly = QColor::fromHsv(0, 150, 245);
const QColor kSame = QColor(215, 215, 215);

double largestRatio(const eval::OperatorMatch& m)
{
    double r = 1;
    for (const auto& t : m.tensors)
        r = std::max(r, t.scaleRatio);
    return r;
}

const eval::TensorDiff* outputDiff(const eval::OperatorMatch& m)
{
    for (const auto& t : m.tensors)
        if (t.role == "output")
            return &t;
    return nullptr;
}

QString scaleText(const std::vector<float>& s)
{
    if (s.empty())
        return QStringLiteral("—");
    if (s.size() > 1)
        return DiffTableModel::tr("%n channel(s)", nullptr, static_cast<int>(s.size()));
    return QString::number(static_cast<double>(s[0]), 'g', 5);
}

} // namespace

DiffTableModel::DiffTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void DiffTableModel::setDiff(std::shared_ptr<const model::Graph> a, std::shared_ptr<const model::Graph> b,
    std::shared_ptr<const eval::ModelDiff> diff)
{
    beginResetModel();
    m_a = std::move(a);
    m_b = std::move(b);
    m_diff = std::move(diff);
    m_agreement.reset();
    m_rows.clear();
    if (m_diff) {
        for (const auto& m : m_diff->matches)
            m_rows.push_back({m.a, m.b, &m});
        for (const int i : m_diff->onlyA)
            m_rows.push_back({i, -1, nullptr});
        for (const int j : m_diff->onlyB)
            m_rows.push_back({-1, j, nullptr});
    }
    endResetModel();
}

void DiffTableModel::setAgreement(std::shared_ptr<const eval::OutputAgreement> agreement)
{
    m_agreement = std::move(agreement);
    for (Row& r : m_rows) {
        r.agreement = nullptr;
        if (m_agreement && r.match)
            for (const auto& p : m_agreement->pairs)
                if (p.a == r.a && p.b == r.b)
                    r.agreement = &p;
    }
    if (!m_rows.empty())
        emit dataChanged(index(0, OutputSqnr), index(static_cast<int>(m_rows.size()) - 1, OutputCosine));
}

std::pair<int, int> DiffTableModel::operatorsOf(int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_rows.size())
        return {-1, -1};
    return {m_rows[static_cast<std::size_t>(row)].a, m_rows[static_cast<std::size_t>(row)].b};
}

bool DiffTableModel::rowDiffers(int row) const
{
    if (row < 0 || static_cast<std::size_t>(row) >= m_rows.size())
        return false;
    const Row& r = m_rows[static_cast<std::size_t>(row)];
    return !r.match || r.match->changed();
}

int DiffTableModel::rowOfA(int op) const
{
    for (std::size_t r = 0; r < m_rows.size(); ++r)
        if (op >= 0 && m_rows[r].a == op)
            return static_cast<int>(r);
    return -1;
}

int DiffTableModel::rowOfB(int op) const
{
    for (std::size_t r = 0; r < m_rows.size(); ++r)
        if (op >= 0 && m_rows[r].b == op)
            return static_cast<int>(r);
    return -1;
}

int DiffTableModel::partnerInB(int op) const
{
    const int r = rowOfA(op);
    return r < 0 ? -1 : m_rows[static_cast<std::size_t>(r)].b;
}

int DiffTableModel::partnerInA(int op) const
{
    const int r = rowOfB(op);
    return r < 0 ? -1 : m_rows[static_cast<std::size_t>(r)].a;
}

OverlayResult DiffTableModel::overlay(bool sideA) const
{
    OverlayResult out;
    const auto& g = sideA ? m_a : m_b;
    if (!g || g->subgraphs.empty())
        return out;
    out.paint.resize(g->main().operators.size());
    for (const Row& r : m_rows) {
        const int op = sideA ? r.a : r.b;
        if (op < 0 || static_cast<std::size_t>(op) >= out.paint.size())
            continue;
        auto& p = out.paint[static_cast<std::size_t>(op)];
        if (!r.match) {
            p = {kOnly, sideA ? tr("only in A") : tr("only in B"), 0, std::nullopt};
        } else if (r.match->changed()) {
            const double ratio = largestRatio(*r.match);
            p = {kChanged, ratio > 1 + 1e-6 ? QStringLiteral("×%1").arg(ratio, 0, 'f', 3) : tr("changed"), 1, ratio};
        } else {
            p = {kSame, tr("same"), 2, 1.0};
        }
    }
    out.legend.title = tr("Difference");
    out.legend.swatches = {{kChanged, tr("changed (largest scale ratio)")}, {kOnly, tr("only in this model")},
        {kSame, tr("same")}};
    return out;
}

int DiffTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DiffTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiffTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || static_cast<std::size_t>(index.row()) >= m_rows.size())
        return {};
    const Row& r = m_rows[static_cast<std::size_t>(index.row())];
    const eval::TensorDiff* out = r.match ? outputDiff(*r.match) : nullptr;
    const bool sort = role == SortRole;
    if (role == Qt::BackgroundRole && index.column() == Status)
        return !rowDiffers(index.row()) ? QVariant() : r.match ? kChanged : kOnly;
    if (role != Qt::DisplayRole && !sort)
        return {};
    auto outputTensor = [&](bool a) -> const model::Tensor* {
        const auto& g = a ? m_a : m_b;
        const int op = a ? r.a : r.b;
        if (!g || op < 0)
            return nullptr;
        const auto& o = g->main().operators[static_cast<std::size_t>(op)];
        return o.outputs.empty() || o.outputs[0] < 0 ? nullptr : &g->main().tensors[static_cast<std::size_t>(o.outputs[0])];
    };
    switch (index.column()) {
    case OpA: return r.a >= 0 ? QVariant(r.a) : QVariant(sort ? QVariant(1 << 30) : QVariant(QStringLiteral("—")));
    case OpB: return r.b >= 0 ? QVariant(r.b) : QVariant(sort ? QVariant(1 << 30) : QVariant(QStringLiteral("—")));
    case Operator: {
        const auto& g = r.a >= 0 ? m_a : m_b;
        const int op = r.a >= 0 ? r.a : r.b;
        QString s = QString::fromStdString(g->opName(g->main().operators[static_cast<std::size_t>(op)]));
        if (r.match && !r.match->opB.empty())
            s += QStringLiteral(" → ") + QString::fromStdString(r.match->opB);
        return s;
    }
    case Status:
        if (!r.match)
            return r.a >= 0 ? tr("only in A") : tr("only in B");
        return r.match->changed() ? tr("changed") : tr("same");
    case ScaleA:
    case ScaleB: {
        const model::Tensor* t = outputTensor(index.column() == ScaleA);
        if (!t)
            return {};
        if (sort)
            return t->quantization.scale.empty() ? 0.0 : static_cast<double>(t->quantization.scale[0]);
        return scaleText(t->quantization.scale);
    }
    case Ratio: {
        const double ratio = r.match ? largestRatio(*r.match) : 0;
        if (sort)
            return ratio;
        return r.match && ratio > 1 + 1e-6 ? QStringLiteral("×%1").arg(ratio, 0, 'f', 3) : QString();
    }
    case ZeroPoints:
        if (!out || !out->zeroPointsDiffer)
            return {};
        return QStringLiteral("%1 → %2")
            .arg(out->zeroPointA.empty() ? 0 : out->zeroPointA[0])
            .arg(out->zeroPointB.empty() ? 0 : out->zeroPointB[0]);
    case WeightLsb:
        if (!r.match || !r.match->weightMaxLsb)
            return sort ? QVariant(-1.0) : QVariant();
        return sort ? QVariant(*r.match->weightMaxLsb) : QVariant(QString::number(*r.match->weightMaxLsb, 'f', 2));
    case OutputSqnr:
        if (!r.agreement || !r.agreement->compared)
            return sort ? QVariant(1e9) : QVariant();
        if (sort)
            return std::isfinite(r.agreement->sqnrDb) ? r.agreement->sqnrDb : 1e8;
        return std::isfinite(r.agreement->sqnrDb) ? QString::number(r.agreement->sqnrDb, 'f', 1) : tr("equal");
    case OutputCosine:
        if (!r.agreement || !r.agreement->compared)
            return sort ? QVariant(2.0) : QVariant();
        return sort ? QVariant(r.agreement->cosine) : QVariant(QString::number(r.agreement->cosine, 'f', 4));
    case Name: {
        const model::Tensor* t = outputTensor(r.a >= 0);
        return t ? QString::fromStdString(t->name) : QString();
    }
    default: return {};
    }
}

QVariant DiffTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OpA: return tr("# A");
    case OpB: return tr("# B");
    case Operator: return tr("Operator");
    case Status: return tr("Difference");
    case ScaleA: return tr("Output scale A");
    case ScaleB: return tr("Output scale B");
    case Ratio: return tr("Largest scale ratio");
    case ZeroPoints: return tr("Output zero point");
    case WeightLsb: return tr("Weights (max LSB)");
    case OutputSqnr: return tr("Output SQNR B vs A (dB)");
    case OutputCosine: return tr("Output cosine");
    case Name: return tr("Output tensor");
    default: return {};
    }
}

} // namespace ql::widgets
