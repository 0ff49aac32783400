// SPDX-License-Identifier: MIT
// The open document of the main window: the model (its file and the float graph analysed, with the operator
// correspondence), the data set and separate calibration data, and the layers kept in float, whose changes
// are undo commands. It runs the pipeline's background jobs on snapshots of itself (weight analysis, the
// quantized model and its activation error, the evaluation of every mode, the export, the keep-in-float
// suggestion) and reports each through a signal, only when nothing newer replaced it (document_jobs.cpp).
// Views read it and follow its signals.
#pragma once

#include "data/samples.h"
#include "eval/evaluate.h"
#include "eval/weights.h"
#include "gui/job.h"
#include "passes/quantize.h"
#include "pipeline/source.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <vector>

class QUndoStack;

namespace ql::app {

class Document : public QObject {
    Q_OBJECT

public:
    explicit Document(QObject* parent = nullptr);

    // The model: nothing until one is set; a new one clears the layers kept in float and their history.
    void setModel(const QString& path, std::shared_ptr<const pipeline::ModelSource> source);
    std::shared_ptr<const pipeline::ModelSource> source() const { return m_source; }
    std::shared_ptr<const model::Graph> workGraph() const { return m_source ? m_source->work : nullptr; }
    QString file() const { return m_file; }

    // The data set (Compare, Side by side, activation error, calibration) and, when chosen, separate
    // calibration data (null: back to the data set).
    void setDataSet(std::shared_ptr<const data::SampleSet> set, const QString& name);
    void setCalibrationData(std::shared_ptr<const data::SampleSet> set, const QString& name);
    // Reads a data set (with `labels`, when given) or calibration data in the background: dataSetRead
    // follows, after dataSetChanged / calibrationDataChanged when it could be read.
    void openDataSet(const QString& images, const QString& labels, bool calibration);
    // Calibration on the data set again (a read still running for calibration data no longer lands).
    void calibrateOnDataSet();
    // Reads images (IDX, .npy, or a folder sized to the one input of `graph`) and optional labels.
    static Result<data::SampleSet> readDataSet(
        const std::shared_ptr<const model::Graph>& graph, const QString& images, const QString& labels);
    std::shared_ptr<const data::SampleSet> dataSet() const { return m_data; }
    QString dataSetName() const { return m_dataName; }
    bool hasOwnCalibrationData() const { return m_calibData != nullptr; }
    std::shared_ptr<const data::SampleSet> calibrationData() const { return m_calibData ? m_calibData : m_data; }
    QString calibrationDataName() const { return m_calibData ? m_calibName : m_dataName; }

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
    void evaluateAllModes(const passes::QuantizeOptions& q);
    bool evaluating() const { return m_evaluationCancel != nullptr; }
    void cancelEvaluation();
    // The model quantized with `q` written to `path`: exportFinished says how LiteRT will run it.
    void exportModel(const QString& path, passes::QuantizeOptions q);
    // Every layer's sensitivity in `q`'s mode on (at most 500 samples of) the data set; the fewest layers that
    // bring the drop within a point are kept in float, one undo step: suggestionFinished.
    void suggestKeepFloat(const passes::QuantizeOptions& q);
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
    // quantization only.
    void quantizedBuilt(std::shared_ptr<const model::Graph> quantized, const std::vector<int>& ops,
        const std::vector<double>& sqnrDb, const std::vector<double>& localSqnrDb, const QString& error);
    // Per operator of the file (ms), or the error.
    void latencyMeasured(const std::vector<double>& ms, const QString& error);
    void evaluationProgress(const QString& mode, qint64 done, qint64 total);
    void evaluationFinished(std::shared_ptr<const std::vector<eval::ModeEvaluation>> rows, const QString& error);
    void exportFinished(bool ok, const QString& message);
    void suggestionFinished(bool ok, const QString& message);
    void dataSetRead(const QString& images, bool ok, const QString& error, bool calibration);

private:
    void applyKeepFloat(std::vector<int> ops);
    void pushKeepFloat(std::vector<int> after, const QString& text);

    std::shared_ptr<const pipeline::ModelSource> m_source;
    QString m_file;
    std::shared_ptr<const data::SampleSet> m_data, m_calibData;
    QString m_dataName, m_calibName;
    std::vector<int> m_keepFloat;
    QUndoStack* m_undo = nullptr;
    int m_modelGeneration = 0;
    int m_inputsGeneration = 0;
    JobGeneration m_analysisJob, m_quantJob, m_dataJob, m_calibJob, m_latencyJob;
    std::shared_ptr<std::atomic<bool>> m_evaluationCancel; // set while an evaluation runs
    std::shared_ptr<std::atomic<bool>> m_jobsCancel = std::make_shared<std::atomic<bool>>(false);
};

} // namespace ql::app
