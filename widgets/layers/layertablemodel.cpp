// SPDX-License-Identifier: MIT
#include "layers/layertablemodel.h"

#include <QLocale>

namespace ql::widgets {

LayerTableModel::LayerTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void LayerTableModel::setGraph(std::shared_ptr<const model::Graph> graph)
{
    beginResetModel();
    m_graph = std::move(graph);
    m_rows = m_graph ? model::describeLayers(*m_graph) : std::vector<model::LayerRow>{};
    endResetModel();
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
        default: break;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        const int c = index.column();
        return (c == Index || c == Parameters || c == Bytes) ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                             : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole && index.column() == Quantization && !r.quantization.empty())
        return tr("Weight quantization: %1").arg(str(r.quantization));
    return {};
}

QVariant LayerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
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
    default: return {};
    }
}

} // namespace ql::widgets
