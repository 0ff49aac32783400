// SPDX-License-Identifier: MIT
// The report a report author hands in: one self-contained HTML document (charts as inline SVG, no
// external file, readable offline, printable) built from the engine's results, with the settings, their
// provenance and the command that regenerates it. The numbers are the ones `eval --json` and
// `analyze --json` print for the same options. Times (latency, run time) are the only parts a re-run
// changes; they sit in elements of class "timing".
#pragma once

#include "eval/activations.h"
#include "eval/evaluate.h"
#include "eval/sensitivity.h"
#include "eval/weights.h"
#include "target/profile.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ql::report {

struct FileFact { // a file the report depends on
    QString role; // "model", "data", "labels", "calibration data"
    QString path;
    QString sha256; // hex
};

struct ReportInput {
    QString version; // QuantLens'
    QString command; // the quantlens-cli command that regenerates this report
    std::vector<FileFact> files;
    // The model.
    QString modelName;
    std::int64_t fileBytes = 0;
    QString modeRecognised; // "float32 - 2 weighted operators with float32 weights and activations"
    std::map<std::string, int> operatorCounts;
    std::map<std::string, std::uint64_t> bytesByDtype;
    QStringList inputs, outputs; // "input 1x28x28 float32"
    // The settings.
    QString calibration; // "minmax on 100 samples of train-images-idx3-ubyte.gz"
    QString weightMode = QStringLiteral("int8"); // the mode of the layer analyses
    bool perChannel = true;
    QStringList keepFloat; // operator numbers as `info` prints them
    std::int64_t samples = 0; // evaluation samples
    bool labelled = false;
    QStringList classNames; // optional, for the confusion matrices
    // Results.
    std::vector<eval::ModeEvaluation> modes;
    std::vector<eval::LayerWeights> weights; // operators by the file's numbering
    std::vector<eval::ActivationLayer> activations; // empty: not analysed
    std::optional<eval::SensitivityResult> sensitivity; // operators by the file's numbering; empty: not run
    struct TargetCheck {
        QString what; // "the file as given", "int8"
        target::CheckResult result;
    };
    std::optional<target::Profile> target;
    std::vector<TargetCheck> targetChecks;
    std::vector<std::string> notes;
    double seconds = 0; // how long the report took (a timing)
};

// The sections of `r`, by id, in order: summary, settings, modes, weights, activations, worst, confusion,
// then sensitivity and target when they were run, and notes.
QStringList sectionIds(const ReportInput& r);

// The whole document.
QString renderHtml(const ReportInput& r);

// The same document as a PDF on A4 pages (Qt's PDF writer; the charts stay vectors). Needs a
// QGuiApplication (fonts). Writes `path` only when the whole file is ready; returns the error, or empty,
// and the number of pages in `pages`.
QString writePdf(const QString& html, const QString& path, int* pages);

// The tables of the report as CSV files (modes.csv, weights.csv, activations.csv when analysed,
// confusion_MODE.csv) and one report.json, written into `dir`; errors name the file.
QString writeTables(const ReportInput& r, const QString& dir);

} // namespace ql::report
