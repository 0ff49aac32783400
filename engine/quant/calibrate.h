// SPDX-License-Identifier: MIT
// Calibration: run the float graph on sample inputs and choose a clipping range for every float
// activation tensor.
//   minmax          smallest and largest value seen (the converter's method)
//   moving-average  per-sample min and max averaged with decay 0.9 (starting at the first sample)
//   percentile:P    the (100 - P)th and Pth percentiles of all values seen
//   mse             the range [a * min, a * max], a in (0, 1], whose int8 grid gives the smallest
//                   mean squared error (rounding plus clipping) over the observed histogram
//   kl              the threshold T whose quantization of |x| on [0, T] (256 levels for a non-negative
//                   tensor, 128 per sign otherwise) has the smallest Kullback-Leibler divergence from
//                   the observed distribution (entropy calibration)
// The histogram methods use 2048 bins over the observed range (a second pass over the samples).
#pragma once

#include "core/result.h"
#include "data/samples.h"
#include "model/graph.h"

#include <span>
#include <string>
#include <vector>

namespace ql::quant {

enum class Calibration { MinMax, MovingAverage, Percentile, Mse, Kl };

struct CalibrationOptions {
    Calibration method = Calibration::MinMax;
    double percentile = 99.99;
    std::int64_t samples = 100; // at most this many samples are used
    std::string describe() const; // "minmax", "percentile:99.99", ...
};

// "minmax", "moving-average", "percentile:99.9", "mse", "kl".
Result<CalibrationOptions> parseCalibration(const std::string& text);

struct TensorRange {
    bool valid = false; // false: not a float activation, or never computed
    float lo = 0, hi = 0; // the chosen range
    float observedLo = 0, observedHi = 0; // what the samples produced
};

// One range per tensor of subgraph 0, followed by one per tensor of every further subgraph in order
// (the bodies of WHILE / IF / CALL_ONCE / composites, seen each time they run: every iteration, every
// branch taken); subgraphRanges() gives one subgraph's. A subgraph that never ran has no valid range.
// The graph must have one float32 input.
Result<std::vector<TensorRange>> calibrate(
    const model::Graph& floatGraph, const data::SampleSet& samples, const CalibrationOptions& options);

// A model of several float32 inputs: one data set per input, in the model's input order, all of the
// same length (sample i of every set forms one run).
Result<std::vector<TensorRange>> calibrate(
    const model::Graph& floatGraph, std::span<const data::SampleSet> perInput, const CalibrationOptions& options);

// Where each subgraph's ranges start in calibrate's result: entry k for subgraph k, the last entry the
// total.
std::vector<std::size_t> rangeOffsets(const model::Graph& g);
// Subgraph k's part of calibrate's result (empty when the result does not reach it).
std::span<const TensorRange> subgraphRanges(const model::Graph& g, std::span<const TensorRange> all, int k);

// Ranges a model carries itself: the quantization min/max of its float activation tensors, as written
// after quantization-aware training (train::toGraph) or by a converter from fake-quant nodes. One entry
// per tensor; `valid` where a single min/max pair is present.
std::vector<TensorRange> recordedRanges(const model::Graph& g);

// Replaces the ranges in `into` (resized to match) by the valid ones of `recorded`; returns how many.
int useRecordedRanges(std::vector<TensorRange>& into, const std::vector<TensorRange>& recorded);

} // namespace ql::quant
