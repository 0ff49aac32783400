// SPDX-License-Identifier: MIT
// The layer table: one row per operator of a model, from an immutable snapshot of the graph.
#pragma once

#include "eval/weights.h"
#include "model/graph.h"
#include "model/layers.h"

#include <QAbstractTableModel>

#include <memory>

namespace ql::widgets {

// "good", "suspect" or "bad" in the user's language.
QString verdictText(eval::Verdict v);
// The reason behind a layer's verdict, in the user's language (the engine's `reason` is English).
QString reasonText(const eval::LayerWeights& layer);

class LayerTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        Index,
        Op,
        Input,
        Output,
        Dtype,
        Weights,
        WeightDtype,
        Quantization,
        Parameters,
        Bytes,
        WeightSqnr,
        Verdict,
        KeepFloat,
        ColumnCount
    };
    // Sorting uses this role: numbers sort as numbers.
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit LayerTableModel(QObject* parent = nullptr);

    void setGraph(std::shared_ptr<const model::Graph> graph);
    std::shared_ptr<const model::Graph> graph() const { return m_graph; }
    const model::LayerRow* layer(int row) const;

    // The weight analysis of the chosen mode (an immutable snapshot); fills the SQNR and verdict columns.
    void setWeightAnalysis(std::shared_ptr<const std::vector<eval::LayerWeights>> analysis);
    const eval::LayerWeights* weightsOf(int row) const;
    const std::shared_ptr<const std::vector<eval::LayerWeights>>& weightAnalysis() const { return m_analysis; }

    // Operators shown as kept in float (a check box on rows with weights). Checking one does not change
    // the model by itself: keepFloatRequested asks the application, which decides (and can undo).
    void setKeptFloat(const std::vector<int>& ops);
    // Operators of the main subgraph that QuantLens cannot run, with why: their Operator cell is marked and
    // says why in its tooltip.
    void setBlocked(std::vector<std::pair<int, QString>> blocked);
    QString blockedReason(int row) const; // empty: the row's operator runs
    // Operators that would not run on the chosen deployment target (`blocks`) or would fall back to a slower
    // path there, with why: marked in the Operator cell (red, orange) and explained in its tooltip.
    struct TargetMark {
        int op = -1;
        bool blocks = false;
        QString why;
    };
    void setTargetMarks(std::vector<TargetMark> marks);
    const TargetMark* targetMark(int row) const;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void keepFloatRequested(int op, bool keep);

private:
    std::shared_ptr<const model::Graph> m_graph;
    std::vector<model::LayerRow> m_rows;
    std::shared_ptr<const std::vector<eval::LayerWeights>> m_analysis;
    std::vector<const eval::LayerWeights*> m_byRow;
    std::vector<int> m_kept;
    std::vector<std::pair<int, QString>> m_blocked;
    std::vector<TargetMark> m_targetMarks;
};

} // namespace ql::widgets
