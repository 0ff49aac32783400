// SPDX-License-Identifier: MIT
// The left pane of the main window: a line about the open model, a banner naming the operators that keep it
// from running (when any), a filter and the layer table (sortable, exportable as CSV or JSON from its
// context menu), with the selection other views follow. The # and Operator columns stay in view when the
// table scrolls sideways (a narrow window, a projector); the header's context menu chooses the other columns
// shown, remembered between runs.
#pragma once

#include "exec/env.h"

#include <QWidget>

#include <vector>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace ql::widgets {
class LayerTableModel;
} // namespace ql::widgets

namespace ql::app {

class LayerPane : public QWidget {
    Q_OBJECT

public:
    explicit LayerPane(QWidget* parent = nullptr);

    widgets::LayerTableModel* model() const { return m_layers; }
    void setSummary(const QString& text);
    // One line naming every operator that blocks running (hidden when there is none).
    void showBlockers(const std::vector<exec::Blocker>& blockers);
    void resizeColumns();

    // The selected row of the model (-1: none), and its operator.
    int selectedRow() const;
    int selectedOperator() const;
    // Selects the row of operator `op` (as a click would); false when there is none.
    bool selectOperator(int op);
    // Shows or hides a column of the table (not # or Operator, which always show); remembered in the settings.
    void setColumnShown(int column, bool shown);
    bool columnShown(int column) const;
    // The columns that stay in view when the table scrolls sideways, and the view that draws them over it.
    QTableView* frozenView() const { return m_frozen; }
    QTableView* tableView() const { return m_table; }

signals:
    void selectionChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showContextMenu(const QPoint& at);
    void showColumnMenu(const QPoint& at);
    void placeFrozen(); // over the table's first columns, as wide as they are

    widgets::LayerTableModel* m_layers = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QTableView* m_frozen = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_blockers = nullptr;
};

} // namespace ql::app
