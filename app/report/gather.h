// SPDX-License-Identifier: MIT
// Gathering a report: from a model, its data and the options, every result the report shows (the modes
// evaluated, weight and activation error, sensitivity and target checks when asked), as one long job with
// progress and cancel. The CLI's `report` and the GUI's File › Export report… both fill a ReportRequest and
// call gatherReport, then writeReport, so the two write the same document for the same options.
#pragma once

#include "core/result.h"
#include "data/samples.h"
#include "eval/activations.h"
#include "eval/evaluate.h"
#include "eval/sensitivity.h"
#include "pipeline/source.h"
#include "quant/calibrate.h"
#include "report/report.h"
#include "target/profile.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ql::report {

struct ReportRequest {
    QString version; // QuantLens'
    QStringList arguments; // of `quantlens-cli report` that regenerate the report (the command is built from them)
    std::vector<FileFact> files; // fileFact() of each input
    QString modelPath; // its file name and size go into the report
    const pipeline::ModelSource* model = nullptr;
    const data::SampleSet* data = nullptr; // the evaluation samples
    // The modes and the options of the evaluation; quantize.keepFloat names operators of the work graph,
    // quantize.calibration says what the ranges were calibrated with.
    eval::EvaluateOptions evaluate;
    std::vector<quant::TensorRange> ranges; // int8 ranges of every tensor (also for the activation analysis)
    QStringList keepFloat; // the same operators as the file numbers them (or tensor names, operator types)
    std::vector<std::string> notes; // on the data and the calibration
    eval::ActivationOptions activations;
    std::optional<double> sensitivityBudget; // run the sensitivity ranking (fraction: 0.01 = one point)
    int sensitivityThreads = 0; // 0: the default
    std::optional<target::Profile> target;
    QString classNamesFile; // one name per line (optional; else classNamesFor's fallbacks)
    QString dataPath; // the data set's path (its name can tell the classes)
};

// Progress of a report: what it is doing (translated, "Evaluating int8"), and how far.
using ReportProgress = std::function<void(const QString& stage, std::int64_t done, std::int64_t total)>;

// Everything the report shows. Fails with the step's error, or "cancelled".
Result<ReportInput> gatherReport(
    const ReportRequest& request, const ReportProgress& progress = {}, const std::atomic<bool>* cancel = nullptr);

// Writes the report to each of `outputs` (.html: the document, written atomically; .pdf: the same on A4 pages)
// and, when `tablesDir` is not empty, its tables there. Returns the error (naming the file), or empty; `written`
// gets one line per file ("wrote report.pdf (11 pages)").
QString writeReport(const ReportInput& r, const QStringList& outputs, const QString& tablesDir, QStringList* written);

// A file the report depends on, with its SHA-256 (a folder: of its files' relative paths and contents).
enum class FileRole { Model, Data, Labels, CalibrationData };
FileFact fileFact(FileRole role, const QString& path);

// `words` as one shell command line (words with special characters in single quotes).
QString shellCommand(const QStringList& words);

// Names of `classes` classes: from `namesFile` (one per line; it must have that many), else the label file the
// model carries when it has that many lines, else Fashion-MNIST's for a 10-class model on data whose path says
// "fashion", else none.
Result<QStringList> classNamesFor(
    const pipeline::ModelSource& m, std::size_t classes, const QString& namesFile, const QString& dataPath);

} // namespace ql::report
