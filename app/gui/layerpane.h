// SPDX-License-Identifier: MIT
// The left pane of the main window: a line about the open model, a banner naming the operators that keep it
// from running (when any), a filter and the layer table (sortable, exportable as CSV or JSON from its
// context menu), with the selection other views follow.
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

signals:
    void selectionChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showContextMenu(const QPoint& at);

    widgets::LayerTableModel* m_layers = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_blockers = nullptr;
};

} // namespace ql::app
