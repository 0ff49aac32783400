// SPDX-License-Identifier: MIT
// The quantization step of the pipeline, for the CLI and the GUI alike: activation ranges by one policy,
// then the quantizer, with layers kept in float named by the file's numbering.
//
// Ranges policy (int8 and 16x8): the ranges a model carries (quantization-aware training's min/max, or
// the span an already-quantized file gave each activation) are used as they are; calibration data, when
// given, supplies every other tensor. Without either the step fails and says that it needs data.
// `QuantizeOptions::useModelRanges = false` calibrates everything on the data instead.
#pragma once

#include "core/result.h"
#include "data/samples.h"
#include "passes/quantize.h"
#include "pipeline/source.h"
#include "quant/calibrate.h"

#include <span>
#include <string>
#include <vector>

namespace ql::pipeline {

// True when `mode` needs activation ranges that `m` does not carry (under `useModelRanges`).
bool needsData(const ModelSource& m, const passes::QuantizeOptions& o);

// Ranges for every tensor of `m.work` (empty for the modes that need none). `calibration`: empty, or one
// data set per model input, in input order. Sets o.calibration.samples to what was used and
// o.calibrationSource when it is empty; `notes` say where the ranges came from.
Result<std::vector<quant::TensorRange>> activationRanges(const ModelSource& m, passes::QuantizeOptions& o,
    std::span<const data::SampleSet> calibration, std::vector<std::string>& notes);

// Ranges for a step that has data of its own (an evaluation, an analysis), for the CLI and the GUI alike:
// `calibration` when given; else, when the model does not carry what the mode needs, the first samples of `ownData`
// (a note says so, `what` naming them: "evaluation samples"); notes on calibration data that do not fit the model's
// input. Empty for modes that need no ranges.
Result<std::vector<quant::TensorRange>> rangesWithOwnData(const ModelSource& m, passes::QuantizeOptions& o,
    std::vector<data::SampleSet> calibration, const data::SampleSet& ownData, const std::string& what,
    std::vector<std::string>& notes);

// The note of an evaluation of every mode of `m` about its float32 row (empty when `m` was a float file).
std::string dequantizedEvaluationNote(const ModelSource& m);

// Notes for calibration data whose values do not fit the range the model's input stands for (a wrong input
// scale would follow); empty when they fit or the model does not say.
std::vector<std::string> calibrationFitNotes(const ModelSource& m, std::span<const data::SampleSet> calibration);

// Ranges, then passes::quantizeGraph on `m.work`. `o.keepFloat` names operators by the file's numbering;
// the result's floatOperators are in that numbering too, and its notes begin with the ranges' and the
// dequantization's.
Result<passes::QuantizeResult> quantize(
    const ModelSource& m, passes::QuantizeOptions o, std::span<const data::SampleSet> calibration);

// The same with ranges already chosen (for a step that quantizes several times with one calibration).
Result<passes::QuantizeResult> quantizeWithRanges(
    const ModelSource& m, passes::QuantizeOptions o, const std::vector<quant::TensorRange>& ranges);

} // namespace ql::pipeline
