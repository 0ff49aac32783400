// SPDX-License-Identifier: MIT
// Results measured elsewhere, read back: the JSON of `quantlens-cli eval --json` or of `merge --json` over the
// shards of a cluster run (docs/cli-json.md), as the evaluation rows the GUI shows (File › Open results…).
#pragma once

#include "core/result.h"
#include "eval/evaluate.h"

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

// Errors name the file and what is wrong with it (not JSON, not an evaluation, a damaged mode).
Result<EvaluationResults> readEvaluationResults(const QString& path);

} // namespace ql::app
