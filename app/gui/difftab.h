// SPDX-License-Identifier: MIT
// The Diff tab: the open model (A) against a second one (B, File › Compare with…): both graphs side by side,
// coloured by what differs, and the table of operator pairs (eval/diff.h). Selecting an operator in either
// graph or a row of the table selects its counterpart everywhere.
#pragma once

#include "eval/diff.h"
#include "eval/diff_outputs.h"
#include "model/graph.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace ql::widgets {
class DiffTableModel;
class GraphView;
} // namespace ql::widgets

namespace ql::app {

class DiffTab : public QWidget {
    Q_OBJECT

public:
    explicit DiffTab(QWidget* parent = nullptr);

    // Shows `diff` of `a` against `b` (names as the user knows the files); null `b`: nothing to compare yet.
    void setModels(std::shared_ptr<const model::Graph> a, const QString& nameA, std::shared_ptr<const model::Graph> b,
        const QString& nameB, std::shared_ptr<const eval::ModelDiff> diff);
    void showMessage(const QString& text); // loading, or why B could not be compared
    // Both models' outputs on the data set (null: no data set; `error`: why they could not be compared).
    void setAgreement(std::shared_ptr<const eval::OutputAgreement> agreement, const QString& error);
    void clear(); // a new model: nothing compared yet

    widgets::GraphView* graphA() const { return m_graphA; }
    widgets::GraphView* graphB() const { return m_graphB; }
    widgets::DiffTableModel* table() const { return m_model; }
    // Selects operator `op` of A (or of B) and its counterpart in the other graph and in the table.
    void selectInA(int op);
    void selectInB(int op);
    int selectedRow() const; // of the table model, -1: none

private:
    void selectRow(int modelRow);

    QLabel* m_summary = nullptr;
    QLabel* m_outputs = nullptr;
    QCheckBox* m_changedOnly = nullptr;
    widgets::GraphView* m_graphA = nullptr;
    widgets::GraphView* m_graphB = nullptr;
    widgets::DiffTableModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    bool m_syncing = false;
};

} // namespace ql::app
