// SPDX-License-Identifier: MIT
// Results measured elsewhere, read back: the JSON of `quantlens-cli eval --json` or `sensitivity --json`, or of
// `merge --json` over the shards of a cluster run (docs/cli-json.md), as the GUI shows them (File › Open
// results…): an evaluation's rows in Compare, a sensitivity ranking and selection in the suggestion dialog.
#pragma once

#include "core/result.h"
#include "eval/evaluate.h"
#include "eval/sensitivity.h"

#include <QString>

#include <cstdint>
#include <string>
#include <vector>

namespace ql::app {

struct EvaluationResults {
    QString model; // as the command that measured them named it
    QString modelSha256; // of the model's contents (empty in files written before it was recorded)
    std::int64_t samples = 0;
    bool labelled = false;
    std::vector<std::string> notes;
    std::vector<eval::ModeEvaluation> modes; // float32 first; per-sample values are not part of the file
};

struct SensitivityResults {
    QString model, modelSha256;
    QString mode;
    std::int64_t samples = 0;
    std::vector<std::string> notes;
    eval::SensitivityResult result; // operators in the file's numbering
};

// An activation analysis (analyze --data): each operator output's SQNR, propagated and local (+inf: exact).
struct AnalysisResults {
    QString model, modelSha256;
    QString mode;
    std::vector<int> ops; // the file's numbering
    std::vector<double> propagated, local;
};

struct OpenedResults {
    enum class Kind { Evaluation, Sensitivity, Analysis } kind = Kind::Evaluation;
    EvaluationResults evaluation;
    SensitivityResults sensitivity;
    AnalysisResults analysis;
    const QString& model() const
    {
        return kind == Kind::Evaluation ? evaluation.model
            : kind == Kind::Sensitivity ? sensitivity.model
                                        : analysis.model;
    }
    const QString& modelSha256() const
    {
        return kind == Kind::Evaluation ? evaluation.modelSha256
            : kind == Kind::Sensitivity ? sensitivity.modelSha256
                                        : analysis.modelSha256;
    }
};

// Errors name the file and what is wrong with it (not JSON, not results QuantLens wrote, a damaged entry).
Result<OpenedResults> readResults(const QString& path);

} // namespace ql::app
