// SPDX-License-Identifier: MIT
// `sensitivity`: which layers to keep in float, measured per layer; with --shard, one stage of it on a share of
// the samples (cli/shard.h).
#pragma once

#include "cli/args.h"
#include "core/result.h"
#include "data/samples.h"
#include "eval/sensitivity.h"
#include "pipeline/source.h"

#include <QStringList>
#include <QTextStream>

namespace ql::cli {

// What a sensitivity run needs, from the arguments: the model, all samples, the ranges (calibrated once) and the
// options (keep-float on the working graph).
struct SensitivityRun {
    pipeline::ModelSource model;
    data::SampleSet data;
    std::vector<quant::TensorRange> ranges;
    eval::SensitivityOptions options;
    std::vector<std::string> notes;
};
Result<SensitivityRun> prepareSensitivity(const Args& a, const data::SampleWindow& window = {});

int sensitivityCommand(const QStringList& args, QTextStream& out, QTextStream& err);

// What `sensitivity` prints (a table, or with `json` one JSON object: docs/cli-json.md), operators in the file's
// numbering; `merge` prints the same, and `run` (the shards' fingerprint) when not empty.
void printSensitivity(QTextStream& out, bool json, const QString& model, const QString& modelSha256,
    const QString& mode, std::int64_t samples,
    double seconds, const std::vector<std::string>& notes, const eval::SensitivityResult& r, const QString& run = {});

} // namespace ql::cli
