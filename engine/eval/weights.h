// SPDX-License-Identifier: MIT
// Weight analysis: for every weighted operator of a float graph and a quantization scheme (a TFLite mode
// or a teaching scheme of 2..16 bits), the quantized-dequantized weights against the float ones: error
// metrics, per-channel statistics, histograms with the grid and clipping range, and a verdict with a
// plain-language reason. Pure computation on the graph's constants; no data needed.
#pragma once

#include "core/result.h"
#include "eval/metrics.h"
#include "model/graph.h"
#include "passes/quantize.h"
#include "quant/params.h"

#include <optional>
#include <string>
#include <vector>

namespace ql::eval {

struct WeightAnalysisOptions {
    passes::Mode mode = passes::Mode::Int8;
    // A teaching scheme instead of the mode's own (every weight tensor, whatever its size).
    std::optional<quant::Scheme> teaching;
    bool perChannel = true; // TFLite modes: convolution weights per output channel
    bool perChannelDense = true; // TFLite modes: FULLY_CONNECTED weights per output channel
    std::int64_t dynamicMinElements = 1024;
    int bins = 64;
    // Operators the user keeps in float, named as passes::QuantizeOptions::keepFloat names them (index,
    // output tensor name or operator type): reported as not quantized.
    std::vector<std::string> keepFloat;
};

struct ChannelStats {
    float min = 0, max = 0;
    double mean = 0, stddev = 0;
    float scale = 0; // the channel's scale (the tensor's when per-tensor)
    std::int64_t zeroPoint = 0;
    double sqnrDb = 0;
};

enum class Verdict { Good, Suspect, Bad };
// What a verdict's reason says, so that interfaces can word it in the user's language; the numbers the
// sentence quotes are in LayerWeights::reasonValues, in the order given here.
enum class Reason {
    NotQuantized, // -
    StaysFloat, // reasonDetail: why, as in the scheme ("under 1024 elements")
    Float16Overflow, // -
    Float16Precise, // SQNR dB
    Float16Subnormal, // -
    Clipped, // clipped %, clip low, clip high
    PerTensorRange, // channel, range ratio, wasted bits; reasonDetail "dense" or "conv"
    DeadChannels, // dead channels, channels, SQNR dB; reasonDetail "good" or "coarse"
    Outliers, // spread (max/std), levels, SQNR dB
    TooCoarse, // SQNR dB, bits, RMSE/scale
    RoundingNoise, // RMSE/scale, SQNR dB
};
std::string verdictName(Verdict v); // "good", "suspect", "bad"

struct LayerWeights {
    int op = -1; // operator index
    std::string opName;
    int tensor = -1; // the weight tensor
    std::string tensorName;
    std::vector<std::int32_t> shape;
    std::string scheme; // "int8 symmetric per-channel", "float16", "float (under 1024 elements)"
    bool quantized = true; // false: the mode leaves these weights float
    int axis = 0; // the channel axis
    quant::Params params; // empty for float16 / float
    std::int32_t qmin = 0, qmax = 0;
    float clipLo = 0, clipHi = 0; // representable range (per-tensor; the widest channel's when per-channel)
    double clippedFraction = 0; // weights outside their channel's representable range
    ErrorMetrics metrics;
    std::vector<ChannelStats> channels; // along `axis`, whatever the scheme
    Histogram floatHistogram, quantizedHistogram, errorHistogram;
    Verdict verdict = Verdict::Good;
    std::string reason;
    Reason reasonKind = Reason::NotQuantized;
    std::vector<double> reasonValues;
    std::string reasonDetail;
};

// Thresholds of the verdict, in dB of weight SQNR for a b-bit scheme: good >= max(6.02 b - 14, 25), suspect
// >= max(6.02 b - 26, 12), else bad (8 bits: 34.2 and 22.2 dB; 4 bits: 25 and 12). float16: good >= 60 dB.
// A per-tensor scale over channels whose ranges differ 8x or more is at best suspect.
double goodSqnrDb(int bits);
double badSqnrDb(int bits);

Result<std::vector<LayerWeights>> analyzeWeights(const model::Graph& floatGraph, const WeightAnalysisOptions& options);

} // namespace ql::eval
