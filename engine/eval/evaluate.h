// SPDX-License-Identifier: MIT
// Evaluation of several quantization modes of one model on a data set: accuracy, agreement with the
// float model, output KL divergence, confusion matrix, size, latency; and collapse detection that names
// the likely cause. Long work: a progress callback and a cancellation flag, the samples split over
// threads.
#pragma once

#include "core/result.h"
#include "data/samples.h"
#include "eval/classify.h"
#include "model/graph.h"
#include "passes/quantize.h"
#include "quant/calibrate.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ql::eval {

struct ModeEvaluation {
    // "float32", "float16", "dynamic", "int8", "16x8", "original" (the file as given) or a teaching scheme
    // ("w4", see parseTeachingMode)
    std::string mode;
    Classification result;
    double agreement = -1; // fraction of samples with the float model's top-1 (1 for the float model)
    double klMean = 0, klP50 = 0, klP90 = 0, klP99 = 0, klMax = 0; // KL(float || this) over the samples
    std::vector<std::vector<std::int64_t>> confusion; // [label][predicted], with labels
    std::int64_t sizeBytes = 0; // the serialized model (its flash on a device)
    std::int64_t microArenaBytes = -1; // tflite-micro's tensor arena for it (target/micro_arena.h); -1: not modelled
    std::map<std::string, std::uint64_t> bytesByDtype;
    double latencyMs = 0; // median single-sample invoke, one thread, this machine
    std::vector<std::string> notes; // from quantization
    std::string collapse; // empty, or what went wrong and the likely cause
    // The likely causes should it collapse (". Likely causes: ..."), found on the first samples: set on a collapse,
    // or for every mode with EvaluateOptions::diagnoseAlways (a shard cannot tell whether the whole set collapses).
    std::string collapseCauses;
};

struct EvaluateOptions {
    std::vector<std::string> modes{"float32", "float16", "dynamic", "int8", "16x8"};
    passes::QuantizeOptions quantize; // mode ignored; per-channel, I/O, keep-float, calibration ...
    int threads = 2;
    int latencyRuns = 20;
    bool diagnoseAlways = false; // collapseCauses for every mode but float32 (the first shard of a sharded run)
};

using EvaluateProgress = std::function<void(const std::string& mode, std::int64_t done, std::int64_t total)>;

// `floatGraph`: the float model (a quantized file dequantized); `original`: the file as given when it
// was quantized (evaluated as mode "original"), else null. `ranges`: calibrated activation ranges for
// int8 / 16x8 (may be empty when those modes are not asked for).
Result<std::vector<ModeEvaluation>> evaluateModes(const model::Graph& floatGraph, const model::Graph* original,
    const data::SampleSet& data, const std::vector<quant::TensorRange>& ranges, const EvaluateOptions& options,
    const EvaluateProgress& progress = {}, const std::atomic<bool>* cancel = nullptr);

// Fills e.agreement, the KL statistics and (when `data` has labels) the confusion matrix of e.result, the
// classification of `data`, against the float model's `reference` (null: e is the float model itself).
Status scoreAgainst(const Classification* reference, const data::SampleSet& data, ModeEvaluation& e);

// Teaching modes for evaluation: "w4" = weights 4-bit symmetric per channel, "w4a" asymmetric, "w4t" per
// tensor (and "w4at"); bits 2..16. The model runs with quantized-dequantized weights and float activations.
std::optional<quant::Scheme> parseTeachingMode(const std::string& name);
// The mode name of a teaching scheme ("w4", "w4at"): what parseTeachingMode reads back.
std::string teachingModeName(const quant::Scheme& s);

// KL(reference || e) per sample (the samples both hold).
std::vector<double> sampleKl(const Classification& reference, const Classification& e);

// Agreement with the float model's `referenceTop1` (null: e is the float model), the KL statistics of the per-sample
// `kls` (mean in sample order, percentiles) and, with `labels`, the confusion matrix of e.result.top1: what one
// evaluation and a merge of shards both compute from per-sample values.
void scoreSamples(const std::vector<int>* referenceTop1, const std::vector<double>& kls,
    const std::vector<int>& labels, ModeEvaluation& e);
// What collapsed, when `e` collapsed against the float model's `reference` (agreement below 90 % or accuracy
// 5 points lower), with e.collapseCauses; empty otherwise.
bool collapsed(const ModeEvaluation& e, const ModeEvaluation& reference);
std::string collapseText(const ModeEvaluation& e, const ModeEvaluation& reference);

// KL(p || q) of two score vectors, each made a distribution first (softmax unless it already is one).
double klDivergence(const float* p, const float* q, int n);

} // namespace ql::eval
