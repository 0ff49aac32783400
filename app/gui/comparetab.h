// SPDX-License-Identifier: MIT
// The Compare tab: every mode evaluated on the data set, as a table and a trade-off chart, with the run's
// buttons, its progress and a line saying which data it uses. The main window starts the evaluation; this
// tab shows its state and results.
#pragma once

#include "eval/evaluate.h"

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;

namespace ql::widgets {
class CompareModel;
class TradeoffChart;
} // namespace ql::widgets

namespace ql::app {

class CompareTab : public QWidget {
    Q_OBJECT

public:
    explicit CompareTab(QWidget* parent = nullptr);

    widgets::CompareModel* model() const { return m_model; }
    widgets::TradeoffChart* chart() const { return m_chart; }

    // The line above the buttons (which data, or why there is none) and whether a run can start or is on.
    void setState(const QString& dataText, bool canRun, bool running);
    // The evaluation of every mode (null: none). Rows of the Train tab (addTrainingResults) stay under them.
    void setResults(std::shared_ptr<const std::vector<eval::ModeEvaluation>> rows);
    // The Train tab's rows, replacing those of an earlier training.
    void addTrainingResults(const std::vector<eval::ModeEvaluation>& rows);
    // Progress of a run: busy with no count yet, a count, or the end (the message on failure).
    void showBusy(const QString& what);
    void showProgress(const QString& mode, std::int64_t done, std::int64_t total);
    void showFinished(bool ok, const QString& message);
    // Another model: no rows, no progress or message of the previous one.
    void reset();
    // The rows shown were measured before `why` changed (the options, the data, the layers kept in float):
    // they stay, under a line saying so, until the next evaluation.
    void markOutOfDate(const QString& why);
    QString outOfDateText() const; // empty: up to date
    // The rows shown were measured elsewhere (opened from a file): `origin` says where, under the buttons.
    void showOrigin(const QString& origin);
    QString originText() const; // empty: measured here
    QString progressText() const;
    QString stateText() const; // the line over the buttons
    bool canEvaluate() const;

signals:
    void evaluateRequested();
    void cancelRequested();

private:
    void exportTable();
    void refresh(); // the evaluated rows and the trained ones in the table and the chart

    std::shared_ptr<const std::vector<eval::ModeEvaluation>> m_evaluated;
    std::vector<eval::ModeEvaluation> m_trained;

    QLabel* m_dataLabel = nullptr;
    QLabel* m_outOfDate = nullptr; // out of date, or where the rows were measured
    bool m_fromElsewhere = false;
    QPushButton* m_evaluate = nullptr;
    QPushButton* m_cancel = nullptr;
    QProgressBar* m_progress = nullptr;
    widgets::CompareModel* m_model = nullptr;
    widgets::TradeoffChart* m_chart = nullptr;
};

} // namespace ql::app
