// SPDX-License-Identifier: MIT
// `eval`: every mode of a model over a data set. The evaluation step itself (evaluateForCommand) is shared
// with `report`.
#pragma once

#include "cli/args.h"
#include "core/result.h"
#include "data/samples.h"
#include "eval/evaluate.h"
#include "passes/quantize.h"
#include "pipeline/source.h"
#include "quant/calibrate.h"

#include <QStringList>
#include <QTextStream>

#include <string>
#include <vector>

namespace ql::cli {

// The options `eval` takes a value for (those of quantize included).
QStringList evalOptionsWithValue();

struct Evaluation {
    pipeline::ModelSource model;
    data::Preprocess pre;
    data::SampleSet data;
    passes::QuantizeOptions quantize; // as used: calibration method, samples and source filled in
    eval::EvaluateOptions options; // the modes, threads, latency runs, and `quantize` (keep-float on the work graph)
    std::vector<quant::TensorRange> ranges; // for int8 / 16x8 (empty when no integer mode was asked for)
    std::vector<std::string> notes;
    std::vector<eval::ModeEvaluation> results;
    double seconds = 0;
};

// Everything `eval` needs before it evaluates, for the arguments `a` (one positional model, --data and the
// options above): the model, the data, the options and the calibrated ranges (`results` stays empty). With a
// window, `data` holds only the window's samples (a shard's), and calibration is still one run's.
Result<Evaluation> prepareEvaluation(const Args& a, const data::SampleWindow& window = {});

// What `eval` computes for the arguments `a`.
Result<Evaluation> evaluateForCommand(const Args& a);

int evalCommand(const QStringList& args, QTextStream& out, QTextStream& err);

// What `eval` prints for these results (a table, or with `json` one JSON object: docs/cli-json.md); `merge`
// prints the same.
void printEvaluation(QTextStream& out, bool json, const QString& model, const QString& modelSha256,
    std::int64_t samples, bool labelled, double seconds, const std::vector<std::string>& notes, const std::vector<eval::ModeEvaluation>& rows);

} // namespace ql::cli
