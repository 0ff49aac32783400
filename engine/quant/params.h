// SPDX-License-Identifier: MIT
// Quantization parameters as the TensorFlow Lite converter derives them, and the teaching schemes
// (any bit width 2..16, symmetric or asymmetric, per tensor or per channel). Pure functions on
// float data; no graph knowledge.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace ql::quant {

// A fixed-point scheme: `bits` wide signed codes. Symmetric schemes use the narrow range
// [-(2^(bits-1) - 1), 2^(bits-1) - 1] and zero point 0 (as TFLite's int8 weights do); asymmetric ones
// use the full range [-2^(bits-1), 2^(bits-1) - 1] and a zero point.
struct Scheme {
    int bits = 8;
    bool symmetric = true;
    bool perChannel = true;
    std::int32_t qmin() const;
    std::int32_t qmax() const;
    std::string describe() const; // "int8 symmetric per-channel"
};

Status checkScheme(const Scheme& s);

// Scale(s) and zero point(s) of one tensor; one entry per channel along `axis` when per-channel.
struct Params {
    std::vector<float> scale;
    std::vector<std::int64_t> zeroPoint;
    int axis = 0;
    // Symmetric weights: the range each scale came from (scale = maxAbs / qmax); quantization
    // multiplies by qmax / maxAbs, as the converter does, rather than dividing by the scale.
    std::vector<float> maxAbs;
    bool perChannel() const { return scale.size() > 1; }
};

// Weights: the range of each channel (or of the whole tensor) mapped onto the scheme.
// Symmetric: scale = max|w| / qmax (1 when the channel is all zeros). Asymmetric: [min, max]
// extended to contain 0, scale = (max - min) / (qmax - qmin), zero point rounded into range.
Params weightParams(std::span<const float> w, const std::vector<std::int32_t>& shape, int axis, const Scheme& s);

// Activations from a calibrated range [lo, hi] (extended to contain 0).
Params activationParams(float lo, float hi, const Scheme& s);

// The converter's adjustment of symmetric weight scales for an int32 bias: a channel whose bias
// would not fit in half the int32 range at scale inputScale * weightScale gets a larger weight
// range (its weights then quantize to 0 or nearly). Per-tensor parameters use the largest |bias|.
// Returns the number of channels changed.
int adjustForBias(Params& weights, std::span<const float> bias, float inputScale, const Scheme& s);

// Symmetric weights: round(x * (qmax / maxAbs)); otherwise round(x / scale) + zero point; clamped,
// in float, rounding half away from zero, as the converter does.
std::vector<std::int32_t> quantizeValues(
    std::span<const float> x, const std::vector<std::int32_t>& shape, const Params& p, const Scheme& s);
std::vector<float> dequantizeValues(
    std::span<const std::int32_t> q, const std::vector<std::int32_t>& shape, const Params& p);

// Channel of element i for a per-channel `axis` of `shape` (0 for per-tensor parameters).
struct ChannelIndexer {
    std::int64_t inner = 1; // product of the dimensions after axis
    std::int64_t channels = 1;
    ChannelIndexer(const std::vector<std::int32_t>& shape, int axis, bool perChannel);
    std::int64_t operator()(std::int64_t i) const { return channels == 1 ? 0 : (i / inner) % channels; }
};

// A bias for int32 (int8 activations) or int64 (16x8) accumulators: with s = float(inputScale *
// weightScale[c]), round(b * float(1 / s)) in float (the converter's exact steps), zero point 0.
std::vector<std::int64_t> quantizeBias(
    std::span<const float> b, float inputScale, const std::vector<float>& weightScales, int bits);

} // namespace ql::quant
