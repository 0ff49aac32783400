// SPDX-License-Identifier: MIT
// The table of a model diff (eval/diff.h): one row per matched operator pair, then the operators only one
// model has, with the output's scales and zero points in both, the largest scale ratio of any of its
// tensors and the weights' distance in LSB; and the overlay that colours each model's graph by it.
#pragma once

#include "eval/diff.h"
#include "eval/diff_outputs.h"
#include "graph/graphoverlay.h"

#include <QAbstractTableModel>

#include <memory>

namespace ql::widgets {

class DiffTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        OpA,
        OpB,
        Operator,
        Status,
        ScaleA,
        ScaleB,
        Ratio,
        ZeroPoints,
        WeightLsb,
        OutputSqnr,
        OutputCosine,
        Name,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit DiffTableModel(QObject* parent = nullptr);
    void setDiff(std::shared_ptr<const model::Graph> a, std::shared_ptr<const model::Graph> b,
        std::shared_ptr<const eval::ModelDiff> diff);
    // Both models' outputs on a data set (eval/diff_outputs.h), null: none; fills the output columns.
    void setAgreement(std::shared_ptr<const eval::OutputAgreement> agreement);
    const eval::OutputAgreement* agreement() const { return m_agreement.get(); }
    const eval::ModelDiff* diff() const { return m_diff.get(); }

    // The operators of row `row` in A and B (-1 where one has none), and the row of an operator.
    std::pair<int, int> operatorsOf(int row) const;
    int rowOfA(int op) const;
    // Whether row `row` is a pair that differs or an operator only one model has.
    bool rowDiffers(int row) const;
    int rowOfB(int op) const;
    // The partner of A's operator `op` in B (-1: none), and the other way.
    int partnerInB(int op) const;
    int partnerInA(int op) const;

    // Per operator of A (`sideA`) or B: changed (amber, with the largest scale ratio), only in this model
    // (red), unchanged (grey).
    OverlayResult overlay(bool sideA) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        int a = -1, b = -1;
        const eval::OperatorMatch* match = nullptr;
        const eval::PairAgreement* agreement = nullptr;
    };
    std::shared_ptr<const eval::OutputAgreement> m_agreement;
    std::shared_ptr<const model::Graph> m_a, m_b;
    std::shared_ptr<const eval::ModelDiff> m_diff;
    std::vector<Row> m_rows;
};

} // namespace ql::widgets
