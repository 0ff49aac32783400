// SPDX-License-Identifier: MIT
// File › Export report…: where the report goes (HTML, and the same as PDF beside it), whether its tables are
// written as CSV and JSON too and whether the layers are ranked by sensitivity; then the report's progress with
// Cancel, what was written, and the `quantlens-cli report` command that writes it again.
#pragma once

#include "gui/document.h"

#include <QDialog>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace ql::app {

class ReportDialog : public QDialog {
    Q_OBJECT

public:
    explicit ReportDialog(QWidget* parent = nullptr);

    // The HTML path (and a PDF of the same name, tables in NAME_tables beside it) as chosen.
    Document::ReportSettings settings() const;
    void setPath(const QString& htmlPath);
    void setWithPdf(bool on);
    void setWithTables(bool on);
    void setSensitivity(bool on, double budgetPoints = 1.0);
    // What the report will be made of (the model, the data, the mode panel's options), shown above the buttons.
    void setSummary(const QString& text);
    void showRunning(bool running);
    void showProgress(const QString& stage, qint64 done, qint64 total);
    // `message`: the files written, or the error; `command`: what writes it again.
    void showFinished(bool ok, const QString& message, const QString& command);
    QString resultText() const;

signals:
    void writeRequested();
    void cancelRequested();

private:
    void choosePath();

    QLineEdit* m_path = nullptr;
    QCheckBox* m_pdf = nullptr;
    QCheckBox* m_tables = nullptr;
    QCheckBox* m_sensitivity = nullptr;
    QDoubleSpinBox* m_budget = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_write = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_stage = nullptr;
    QLabel* m_result = nullptr;
};

} // namespace ql::app
