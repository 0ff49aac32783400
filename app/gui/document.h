// SPDX-License-Identifier: MIT
// The open document of the main window: the model (its file and the float graph analysed, with the operator
// correspondence), the data set and separate calibration data, and the layers kept in float, whose changes
// are undo commands. It runs the pipeline's background jobs on snapshots of itself (weight analysis, the
// quantized model and its activation error, the evaluation of every mode, the export, the keep-in-float
// suggestion) and reports each through a signal, only when nothing newer replaced it (document_jobs.cpp).
// Views read it and follow its signals.
#pragma once

#include "data/samples.h"
#include "data/value_range.h"
#include "eval/evaluate.h"
#include "eval/sensitivity.h"
#include "eval/weights.h"
#include "exec/env.h"
#include "gui/job.h"
#include "passes/quantize.h"
#include "pipeline/source.h"
#include "report/gather.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

class QUndoStack;

namespace ql::app {

class Document : public QObject {
    Q_OBJECT

public:
    explicit Document(QObject* parent = nullptr);

    // The model: nothing until one is set; a new one clears the layers kept in float and their history.
    // `blockers`: the operators that keep QuantLens from running it (numbered as the file numbers them).
    void setModel(const QString& path, std::shared_ptr<const pipeline::ModelSource> source,
        std::vector<exec::Blocker> blockers = {});
    // One sentence naming what keeps the model from running (every view that needs running shows it), or
    // empty when it runs.
    QString cannotRun() const;
    std::shared_ptr<const pipeline::ModelSource> source() const { return m_source; }
    std::shared_ptr<const model::Graph> workGraph() const { return m_source ? m_source->work : nullptr; }
    QString file() const { return m_file; }

    // The data set (Compare, Side by side, activation error, calibration) and, when chosen, separate
    // calibration data (null: back to the data set).
    // `images`, `labels`: the files `set` was read from with preprocess() (empty: handed over).
    void setDataSet(std::shared_ptr<const data::SampleSet> set, const QString& name, const QString& images = {},
        const QString& labels = {});
    void setCalibrationData(std::shared_ptr<const data::SampleSet> set, const QString& name);
    // Reads a data set (with `labels`, when given) or calibration data in the background: dataSetRead
    // follows, after dataSetChanged / calibrationDataChanged when it could be read.
    void openDataSet(const QString& images, const QString& labels, bool calibration);
    // Calibration on the data set again (a read still running for calibration data no longer lands).
    void calibrateOnDataSet();
    // Reads images (IDX, .npy, or a folder sized to the one input of `graph`) and optional labels; 8-bit
    // values (IDX, uint8 .npy, image files) become value * pre.scale + pre.offset, colour images in BGR order
    // with `bgr`.
    static Result<data::SampleSet> readDataSet(const std::shared_ptr<const model::Graph>& graph, const QString& images,
        const QString& labels, const data::Preprocess& pre = {}, bool bgr = false);

    // How 8-bit data become model inputs: the user's choice, or else the range the model's quantized input stands
    // for (its scale and zero point), or else pixels / 255. Choosing reads the data set and calibration data
    // again with it; so does another model when the data came from an image folder (sized to the new input) or
    // would be read differently for it.
    void setPreprocess(const data::Preprocess& pre, bool bgr);
    void resetPreprocess(); // back to what the model asks for
    data::Preprocess preprocess() const;
    bool bgr() const { return m_bgr; }
    bool preprocessChosen() const { return m_preChosen; }
    QString preprocessBasis() const; // why these values: "your choice", the model's input quantization, the default
    // The range the data set's and the calibration data's values span (nothing without data).
    std::optional<data::ValueRange> dataRange() const { return m_dataRange; }
    std::optional<data::ValueRange> calibrationRange() const { return m_calibData ? m_calibRange : m_dataRange; }
    // Why the calibration data do not fit the range the model's input stands for (empty: they fit, or the model
    // does not say).
    QString rangeWarning() const;
    std::shared_ptr<const data::SampleSet> dataSet() const { return m_data; }
    QString dataSetName() const { return m_dataName; }
    bool hasOwnCalibrationData() const { return m_calibData != nullptr; }
    std::shared_ptr<const data::SampleSet> calibrationData() const { return m_calibData ? m_calibData : m_data; }
    QString calibrationDataName() const { return m_calibData ? m_calibName : m_dataName; }

    // Where the data set, its labels and the separate calibration data were read from (empty: handed over, or
    // none).
    QString dataSetPath() const { return m_dataOrigin.images; }
    QString dataSetLabelsPath() const { return m_dataOrigin.labels; }
    QString calibrationDataPath() const { return m_calibData ? m_calibOrigin.images : QString(); }

    // Layers kept in float, by the file's numbering (the layer table's), sorted.
    const std::vector<int>& keptFloat() const { return m_keepFloat; }
    std::vector<std::string> keptFloatIds() const;
    // Keeps `op` in float or quantizes it again (one undo step); false when `op` is not an operator the
    // quantizer decides on, or nothing changes.
    bool setKeepFloat(int op, bool keep);
    // Adds `ops` to the layers kept in float (one undo step named `text`).
    void keepAlsoInFloat(const std::vector<int>& ops, const QString& text);
    QUndoStack* undoStack() const { return m_undo; }

    // Generations: results measured for an older model, or older inputs (data, options, layers kept in
    // float), no longer apply when they land.
    int modelGeneration() const { return m_modelGeneration; }
    int inputsGeneration() const { return m_inputsGeneration; }
    void inputsChanged() { ++m_inputsGeneration; }

    // Whether the chosen options need ranges that neither the model nor the data give.
    bool needsDataSet(const passes::QuantizeOptions& q) const;

    // Jobs. The weight analysis for `w` (operators by the file's numbering): weightsAnalysed.
    void analyzeWeights(const eval::WeightAnalysisOptions& w);
    // The model in the chosen mode (float I/O; a teaching scheme simulated on the weights) and, with a data
    // set, each operator output's activation SQNR: quantizedBuilt.
    void buildQuantized(const eval::WeightAnalysisOptions& w, passes::QuantizeOptions q);
    // Every mode evaluated on the data set (int8 and 16x8 with `q`'s calibration): evaluationProgress while
    // it runs, then evaluationFinished, also when cancelled or when the model or its inputs changed meanwhile.
    // `teaching`: a teaching scheme evaluated too, as one more row ("w4", as the CLI's eval names it).
    void evaluateAllModes(const passes::QuantizeOptions& q, std::optional<quant::Scheme> teaching = std::nullopt);
    bool evaluating() const { return m_evaluationCancel != nullptr; }
    void cancelEvaluation();
    // The model quantized with `q` written to `path`: exportFinished says how LiteRT will run it.
    void exportModel(const QString& path, passes::QuantizeOptions q);
    // Every layer's sensitivity in `q`'s mode on (at most 500 samples of) the data set; the fewest layers that
    // bring the drop within `budget` (0.01: one point) are kept in float, one undo step: suggestionProgress while
    // it runs, then suggestionFinished with the per-layer table (also when cancelled).
    void suggestKeepFloat(const passes::QuantizeOptions& q, double budget = 0.01);
    // A sensitivity measured elsewhere (File › Open results…), operators in the file's numbering: its selection kept
    // in float as one undo step (unless it holds the ranking only), then suggestionFinished as for a local run.
    void applySensitivity(std::shared_ptr<const eval::SensitivityResult> result);
    // What a finished suggestion says (the selection and its metric, or that nothing needs to stay float).
    static QString suggestionText(const eval::SensitivityResult& r);
    bool suggesting() const { return m_suggestCancel != nullptr; }
    void cancelSuggestion();
    // File › Export report…: the report (app/report) of the model, the data set and `q`'s granularity and
    // calibration (and `target`'s check), written as HTML and/or PDF, and its tables when `tablesDir` is set.
    // The report embeds the `quantlens-cli report` command that writes it again; inputs that live only inside
    // the application or in a temporary folder (the demo) are copied beside the report for it, never over a
    // different file. reportProgress while it runs, then reportFinished (also when cancelled).
    struct ReportSettings {
        QString html, pdf; // either may be empty, not both
        QString tablesDir;
        std::optional<double> sensitivityBudget; // rank the layers too (0.01: one point)
    };
    void exportReport(const ReportSettings& s, passes::QuantizeOptions q, const QString& targetName);
    bool reporting() const { return m_reportCancel != nullptr; }
    void cancelReport();
    // The `quantlens-cli report` arguments of `s` (paths as the command names them, relative to the report's
    // folder), and the copies it needs (application or temporary file -> absolute path beside the report), or why
    // there can be none.
    struct ReportCommand {
        QStringList arguments;
        std::vector<std::pair<QString, QString>> copies;
        QString folder; // the report's, where the command is run
        struct Input {
            report::FileRole role;
            QString path; // absolute, beside the report for a copy
            QString named; // as the command names it
        };
        std::vector<Input> inputs;
    };
    // Why no report can be made now (no model, no data set, a data set not read from a file), or empty.
    QString reportBlocker() const;
    // The command line the last report started embeds.
    QString reportCommandLine() const { return m_reportCommandLine; }
    Result<ReportCommand> reportCommand(
        const ReportSettings& s, const passes::QuantizeOptions& q, const QString& targetName) const;
    // Each operator's mean time in the interpreter, for the model as opened: latencyMeasured.
    void measureLatency();
    // Stops every running job (the window closes).
    void cancelAll();

signals:
    void modelChanged();
    void dataSetChanged();
    void calibrationDataChanged();
    void keepFloatChanged();
    void weightsAnalysed(std::shared_ptr<const std::vector<eval::LayerWeights>> layers, const QString& error);
    // ops: the file's operator of each activation value.
    // sqnrDb: propagated (the quantized model's tensor against the float one); localSqnrDb: the tensor's own
    // quantization only. `error`: why there is no quantized model (null), or, with one, why its activation
    // error could not be measured on the data set.
    void quantizedBuilt(std::shared_ptr<const model::Graph> quantized, const std::vector<int>& ops,
        const std::vector<double>& sqnrDb, const std::vector<double>& localSqnrDb, const QString& error);
    // Per operator of the file (ms), or the error.
    void latencyMeasured(const std::vector<double>& ms, const QString& error);
    void evaluationProgress(const QString& mode, qint64 done, qint64 total);
    // `stopped`: cancelled, or its model or inputs changed meanwhile (no failure to report).
    void evaluationFinished(
        std::shared_ptr<const std::vector<eval::ModeEvaluation>> rows, const QString& error, bool stopped);
    void exportFinished(bool ok, const QString& message);
    void suggestionProgress(int done, int total);
    // `result`: the sensitivity measured, operators by the file's numbering (null on failure).
    void suggestionFinished(
        bool ok, const QString& message, std::shared_ptr<const eval::SensitivityResult> result, bool stopped);
    void dataSetRead(const QString& images, bool ok, const QString& error, bool calibration);
    void reportProgress(const QString& stage, qint64 done, qint64 total);
    // `message`: the files written (one per line), or the error; `stopped`: cancelled.
    void reportFinished(bool ok, const QString& message, bool stopped);

private:
    void applyKeepFloat(std::vector<int> ops);
    void pushKeepFloat(std::vector<int> after, const QString& text);

    std::shared_ptr<const pipeline::ModelSource> m_source;
    std::vector<exec::Blocker> m_blockers;
    QString m_file;
    std::shared_ptr<const data::SampleSet> m_data, m_calibData;
    QString m_dataName, m_calibName;
    // Where the data came from (empty: handed over, not read from a path), to read it again.
    struct Origin {
        QString images, labels;
        data::Preprocess pre; // as read
        bool bgr = false;
    };
    Origin m_dataOrigin, m_calibOrigin;
    std::optional<data::ValueRange> m_dataRange, m_calibRange;
    data::Preprocess m_pre; // the user's choice, when m_preChosen
    bool m_bgr = false, m_preChosen = false;
    void rereadForModel(); // after a new model: the data read again where it would read differently
    std::optional<data::ExpectedRange> expectedInput() const; // what the file's quantized input stands for
    // openDataSet; `refit`: the same data read again for another model or preprocessing (kept even if they do
    // not fit).
    void read(const QString& images, const QString& labels, bool calibration, bool refit);
    std::vector<int> m_keepFloat;
    QUndoStack* m_undo = nullptr;
    int m_modelGeneration = 0;
    int m_inputsGeneration = 0;
    JobGeneration m_analysisJob, m_quantJob, m_dataJob, m_calibJob, m_latencyJob;
    std::shared_ptr<std::atomic<bool>> m_evaluationCancel; // set while an evaluation runs
    std::shared_ptr<std::atomic<bool>> m_suggestCancel; // set while a suggestion runs
    std::shared_ptr<std::atomic<bool>> m_reportCancel; // set while a report is gathered
    QString m_reportCommandLine;
    std::shared_ptr<std::atomic<bool>> m_jobsCancel = std::make_shared<std::atomic<bool>>(false);
};

} // namespace ql::app
