// SPDX-License-Identifier: MIT
// Running a classifier model over a data set with the interpreter: the outputs of every sample
// (dequantized), top-1 and top-5 accuracy. Inputs are quantized with the model's own input parameters
// when it takes int8/uint8/int16; models with a batch dimension above 1 get that many samples per run.
#pragma once

#include "core/result.h"
#include "data/samples.h"
#include "exec/interpreter.h"
#include "exec/kernel.h"
#include "model/graph.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace ql::eval {

struct ClassifyOptions {
    exec::Rounding rounding = exec::Rounding::Xnnpack;
    int threads = 2; // one interpreter per thread, each on a contiguous share of the samples
};

struct Classification {
    std::int64_t count = 0;
    int classes = 0;
    std::vector<float> outputs; // count x classes, dequantized
    std::vector<int> top1;
    std::vector<std::uint8_t> top5Hit; // per sample, with labels: the label is among the five highest scores
    double accuracy = -1; // 0..1, -1 without labels
    double top5 = -1;
};

// Top-1 and top-5 accuracy of r.top1 and `top5Hit` against `labels` (one per sample), into r.
void setAccuracies(Classification& r, const std::vector<int>& labels, std::vector<std::uint8_t> top5Hit);

// Sets input 0 of `it` to samples first .. first + batch - 1 of `set` (zeros past the end), quantized with
// the input's own parameters when it takes int8, uint8 or int16; `bytes` is scratch space.
Status feedSamples(exec::Interpreter& it, const data::SampleSet& set, std::int64_t first, std::int64_t batch,
    std::vector<std::uint8_t>& bytes);

// progress(done, total) is called from the worker threads, one call at a time.
using ProgressFn = std::function<void(std::int64_t, std::int64_t)>;

Result<Classification> classify(const model::Graph& g, const data::SampleSet& set, const ClassifyOptions& options = {},
    const ProgressFn& progress = {}, const std::atomic<bool>* cancel = nullptr);

} // namespace ql::eval
