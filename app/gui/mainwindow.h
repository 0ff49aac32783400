// SPDX-License-Identifier: MIT
// The main window: opens a model (File > Open, drag and drop, command line) off the GUI thread and
// shows its layers, the mode panel (a dock) and the selected layer's weights; analysis runs in the background
// and comes back as immutable snapshots.
#pragma once

#include "exec/env.h"
#include "gui/document.h"
#include "gui/job.h"
#include "gui/modepanel.h"
#include "model/graph.h"
#include "model/summary.h"
#include "pipeline/source.h"

#include <QMainWindow>

#include "data/samples.h"

#include <atomic>
#include <memory>

class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QTemporaryDir;
class QUndoStack;
class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace ql::widgets {
class CompareModel;
class ErrorChart;
class GraphView;
class TradeoffChart;
class ValueBars;
class LayerTableModel;
class WeightView;
} // namespace ql::widgets

namespace ql::app {

class CompareTab;
class DiffTab;
class MessageArea;
class MemoryDialog;
class SuggestDialog;
class ReportDialog;
class LayerPane;
class ModePanel;
class SideBySideView;
class TrainView;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Starts loading `path` in the background; modelLoaded or loadFailed follows.
    void openFile(const QString& path);
    // The Fashion-MNIST CNN trained by QuantLens itself, compiled into the application.
    static QString demoModelPath();
    QString currentFile() const { return m_doc->file(); }
    widgets::LayerTableModel* layerModel() const { return m_layers; }
    ModePanel* modePanel() const { return m_modePanel; }
    widgets::WeightView* weightView() const { return m_weightView; }
    widgets::ErrorChart* errorChart() const { return m_errorChart; }
    widgets::GraphView* graphView() const { return m_graphView; }
    // Diff: the open model against `path` (read and compared in the background; diffReady follows), on the
    // data set's first samples too when one is open; `show` switches to the Diff tab. A data set opened later
    // compares again.
    void compareWith(const QString& path, bool show = true);
    DiffTab* diffTab() const { return m_diff; }
    widgets::CompareModel* compareModel() const;
    widgets::TradeoffChart* tradeoffChart() const;
    // The data set used by Compare: the bundled Fashion-MNIST sample for the demo, or one the user opened.
    bool hasDataSet() const { return m_doc->dataSet() != nullptr; }
    // Loads images (IDX, .npy or a folder with one sub-folder per class) and optional labels.
    // Reads it in the background; dataSetOpened follows (a failure is also shown in a message box).
    void openDataSet(const QString& images, const QString& labels);
    std::shared_ptr<const data::SampleSet> dataSet() const { return m_doc->dataSet(); }
    // int8 and 16x8 calibrate on the first samples (the mode panel's count) of this data, the data set unless
    // another was chosen (empty `images`: back to the data set).
    void openCalibrationData(const QString& images);
    std::shared_ptr<const data::SampleSet> calibrationData() const { return m_doc->calibrationData(); }
    QString calibrationDataName() const { return m_doc->calibrationDataName(); }
    // Compare: evaluates every mode on the data set in the background (evaluationFinished follows).
    void evaluateAllModes();
    void cancelEvaluation();
    // Writes the model in the chosen mode (calibrated on the data set's first 100 samples for int8/16x8) to
    // `path` in the background; exportFinished follows. The summary says what will be written.
    void exportModel(const QString& path);
    QString exportSummary() const;
    // Settings (mode panel, window layout, recent files) are read at start-up by main() and written on close.
    void restoreSettings();
    void saveSettings() const;
    QStringList recentFiles() const { return m_recent; }
    SideBySideView* sideBySide() const { return m_sideBySide; }
    // Switches to a view by name (weights, graph, errors, compare, side-by-side, train, diff); false for an
    // unknown name.
    bool showView(const QString& name);
    widgets::ValueBars* activationChart() const { return m_activationBars; }
    // The layer-table operator of each activation bar (clicking a bar selects it).
    std::vector<int> activationOperators() const { return m_activationOps; }
    QString activationCaption() const; // the line over the activation chart
    CompareTab* compareTab() const { return m_compare; }
    // Layers kept in float (operator indices): toggled in the table, undoable (Ctrl+Z), honoured by every
    // analysis, comparison, side-by-side run and export.
    std::vector<int> keptFloat() const { return m_doc->keptFloat(); }
    void setKeepFloat(int op, bool keep) { m_doc->setKeepFloat(op, keep); } // `op` as the layer table numbers it; undoable
    QUndoStack* undoStack() const { return m_doc->undoStack(); }
    Document* document() const { return m_doc; }
    // On the mode panel's target: whether the open file runs there, and the model in the chosen mode as QuantLens
    // would export it (empty: no target).
    QString targetSummary() const { return m_targetSummary; }
    // The band above the views that keeps what went wrong until it no longer applies.
    MessageArea* messageArea() const { return m_messages; }
    // Runs the sensitivity analysis on the data set with the suggestion dialog's budget (shown, with progress
    // and Cancel) and keeps the layers it selects in float (one undo step); its table shows every layer.
    void suggestKeepFloat();
    void cancelSuggestion();
    SuggestDialog* suggestDialog() const { return m_suggest; }
    MemoryDialog* memoryDialog() const { return m_memory; }
    // Edit › Device memory per step…
    void showMemoryDialog();
    // File › Export report…: the dialog, and the report written with `settings` in the background (the dialog
    // shows progress, Cancel and the result); reportFinished follows. reportCommand: the command the last report
    // embeds.
    void showReportDialog();
    void exportReport(const Document::ReportSettings& settings);
    ReportDialog* reportDialog() const { return m_report; }
    QString reportCommand() const { return m_doc->reportCommandLine(); }
    // File › Open results…: an evaluation measured elsewhere (`quantlens-cli eval --json`, or `merge --json` over
    // the shards of a cluster run) shown in Compare as a local one is. The results must be of the open model (the
    // SHA-256 they record); with no model open, the model they name is opened first. False when they cannot be
    // shown (the message area says why).
    bool openResults(const QString& path);
    TrainView* trainView() const { return m_trainView; }
    // Selects the layer-table row of operator `op` (as a click would); false when there is none.
    bool selectOperator(int op);
    int selectedOperator() const; // -1: none

signals:
    void modelLoaded(const QString& path);
    void loadFailed(const QString& path, const QString& message);
    // The weight analysis for the current mode is in the table and the views.
    void analysisFinished();
    // The side-by-side view has the model in the current mode (or knows why it cannot).
    void quantizedReady();
    void suggestionFinished(bool ok, const QString& message);
    // An evaluation ended: `ok` false when it failed or was cancelled (message says which).
    void evaluationFinished(bool ok, const QString& message);
    void exportFinished(bool ok, const QString& message);
    // A data set (or, with `calibration`, calibration data) was read and is in use, or could not be read.
    void dataSetOpened(bool ok, const QString& message, bool calibration);
    void diffReady(bool ok, const QString& message);
    // `message`: the files written (one per line), or the error.
    void reportFinished(bool ok, const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // Each operator output's activation SQNR (propagated and local) in the Errors view's chart and the graph.
    void showActivationSqnr(
        const std::vector<int>& ops, const std::vector<double>& sqnr, const std::vector<double>& local);
    void buildMenus();
    void showOpenDialog();
    void wireDocumentJobs(); // the document's job results into the views
    void wireReport(); // File › Export report…
    QString reportSummary() const; // what the report will be made of
    void applyModel(const QString& path, std::shared_ptr<const model::Graph> graph);
    void updateTitle();
    void runAnalysis();
    void showSelectedLayer();
    void showOpenDataSetDialog();
    void showExportDialog();
    void showAbout();
    void rememberRecent(const QString& path);
    void rebuildRecentMenu();
    void rebuildQuantized();
    void updateClassNames();
    static QString modeDescription(const model::ModeGuess& guess);
    void updateCalibrationSource();
    void showCalibrationDataDialog();
    void showValueRangeDialog();
    void updateRangeWarning(); // the message area says when the calibration data do not fit the model's input
    // The open file (and the model in the chosen mode, when built) checked against the panel's target: marks in
    // the layer table, a line in the message area when something does not run there.
    void updateMemoryDialog(const pipeline::ModelSource& source);
    void updateTarget();
    void wireDocumentData(); // the document's data into the views
    void wireGraphView(); // the graph view's selection, context menu and numbers
    void updateCompareState();
    // The options that decide the evaluation of every mode (not the mode shown), as one comparable text.
    std::string evaluationKey() const;

    LayerPane* m_layerPane = nullptr;
    widgets::LayerTableModel* m_layers = nullptr; // the pane's
    QLabel* m_statusMode = nullptr;
    ModePanel* m_modePanel = nullptr;
    widgets::WeightView* m_weightView = nullptr;
    widgets::ErrorChart* m_errorChart = nullptr;
    widgets::GraphView* m_graphView = nullptr;
    QTabWidget* m_views = nullptr;
    widgets::ValueBars* m_activationBars = nullptr;
    QLabel* m_activationCaption = nullptr;
    // The model, the data, the layers kept in float (and their undo history).
    Document* m_doc = nullptr;
    std::shared_ptr<const model::Graph> workGraph() const { return m_doc->workGraph(); }
    JobGeneration m_loadJob;
    std::unique_ptr<QTemporaryDir> m_demoData;
    CompareTab* m_compare = nullptr;
    ReportDialog* m_report = nullptr;
    MessageArea* m_messages = nullptr;
    SuggestDialog* m_suggest = nullptr;
    MemoryDialog* m_memory = nullptr;
    std::string m_evaluatedKey; // evaluationKey() of the rows Compare shows
    QString m_pendingResults; // opened once the model they name has loaded
    std::shared_ptr<const model::Graph> m_quantized; // the model in the chosen mode (float I/O), when built
    QString m_targetSummary;
    // The open file checked against the target, for (model generation, target name).
    std::pair<std::pair<int, std::string>, target::CheckResult> m_fileCheck{{-1, {}}, {}};
    DiffTab* m_diff = nullptr;
    JobGeneration m_diffJob;
    QString m_diffPath; // the model compared with, while its comparison is shown
    QStringList m_recent;
    SideBySideView* m_sideBySide = nullptr;
    bool needsDataSet() const; // the chosen mode needs ranges that neither the model nor a data set gives
    TrainView* m_trainView = nullptr;
    QMenu* m_recentMenu = nullptr;
    bool m_layoutRestored = false; // the dock layout came from the settings
    QStringList m_modelClassNames; // from a label file inside the model
    std::vector<int> m_activationOps; // the file's operator of each activation bar
    // The mode panel's options as last applied, and whether a change comes from undo / redo / settings.
    ModePanel::State m_panelState;
    bool m_applyingOptions = false;
};

} // namespace ql::app
