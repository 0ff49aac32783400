// SPDX-License-Identifier: MIT
// What the tflite-micro "Signal library" operators (SignalWindow ... SignalFilterBankLog, the audio
// front end of micro_speech) share: strict reading of their options, and the integer arithmetic of
// tflite-micro's portable signal/src code (bit length, rounded square root, the fixed-point log, the
// PCAN gain function). Written from the specification in notes/signal_ops.md; tflite-micro is the only
// runtime that has these operators (LiteRT does not), so its portable C path is the reference, under
// both roundings.
#pragma once

#include "exec/kernel.h"

#include <cstdint>
#include <initializer_list>
#include <vector>

namespace ql::exec::signal {

// One integer option and the values QuantLens accepts for it.
struct IntOption {
    const char* key;
    std::int64_t lo, hi;
};

// Reads exactly the options `spec` names (sorted as the FlexBuffer map stores them), in that order.
// tflite-micro reads the map's values by position and ignores the keys, and no kernel has defaults:
// a missing or extra key would shift every later value there, so both are refused here, as are values
// that are not inline integers (bools count as 0/1) and values outside [lo, hi].
Result<std::vector<std::int64_t>> readOptions(const NodeContext& ctx, std::initializer_list<IntOption> spec);

// Number of significant bits (1 for 1); 32 for 0, as tflite-micro's MostSignificantBit32 built with
// GCC or clang.
int mostSignificantBit32(std::uint32_t x);

// Round-to-nearest integer square root: floor(sqrt(x)), plus one when the remainder exceeds it.
// Below 2^32 tflite-micro returns it as uint16, capped at 65535 (4294901761 gives 65535, not 65536).
std::uint32_t roundedSqrt64(std::uint64_t x);

// The filter bank's log: output_scale * ln(x) with 16 fractional bits, rounded, in uint32 (the product
// wraps for large scales as tflite-micro's does). x must be at least 2.
std::uint32_t fixedLog(std::uint32_t x, std::uint32_t scale);

// PCAN's piecewise-quadratic gain lookup of `x` in a 125-entry table.
std::int16_t wideDynamicGain(std::uint32_t x, const std::int16_t* lut);
constexpr int kPcanLutSize = 125;

// PCAN's output compression (12 fractional bits in, 6 out).
std::uint32_t pcanShrink(std::uint32_t v);

} // namespace ql::exec::signal
