// SPDX-License-Identifier: MIT
// Edit › Suggest layers to keep in float…: the allowed drop (the budget), the measurement's progress with
// Cancel, and what it found, as the CLI's `sensitivity` prints it: every weighted layer's metric when only it
// stays float and when only it is quantized, ranked, with the layers kept in float marked. The selection
// is applied as one undo step when the measurement ends.
#pragma once

#include "eval/sensitivity.h"

#include <QDialog>

#include <memory>

class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace ql::app {

class SuggestDialog : public QDialog {
    Q_OBJECT

public:
    explicit SuggestDialog(QWidget* parent = nullptr);

    double budget() const; // 0.01: one point
    void setBudget(double budget);
    void showRunning(bool running);
    void showProgress(int done, int total);
    void showFinished(bool ok, const QString& message, std::shared_ptr<const eval::SensitivityResult> result);
    // The table: one row per weighted layer, most sensitive first.
    const QStandardItemModel* table() const { return m_table; }
    QString summary() const;

signals:
    void measureRequested();
    void cancelRequested();

private:
    QDoubleSpinBox* m_budget = nullptr;
    QPushButton* m_measure = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_summary = nullptr;
    QStandardItemModel* m_table = nullptr;
    QTableView* m_view = nullptr;
};

} // namespace ql::app
