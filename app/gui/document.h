// SPDX-License-Identifier: MIT
// The open document of the main window: the model (its file and the float graph analysed, with the operator
// correspondence), the data set and separate calibration data, and the layers kept in float, whose changes
// are undo commands. Views read it and follow its signals; background jobs take snapshots of it and check
// its generations when they land.
#pragma once

#include "data/samples.h"
#include "pipeline/source.h"

#include <QObject>
#include <QString>

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

signals:
    void modelChanged();
    void dataSetChanged();
    void calibrationDataChanged();
    void keepFloatChanged();

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
};

} // namespace ql::app
