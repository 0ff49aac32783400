// SPDX-License-Identifier: MIT
// The value range of model inputs: the range a data set's samples span, the range a model's quantized input
// stands for (its scale and zero point over the codes), the preprocessing of 8-bit pixels that gives a range,
// and whether a data set and a model disagree. A model expecting raw 0..255 pixels calibrated on pixels/255
// gets an input scale 255 times too small; this is how QuantLens notices before the export.
#pragma once

#include "data/samples.h"
#include "model/graph.h"

#include <optional>
#include <string>

namespace ql::data {

struct ValueRange {
    float lo = 0, hi = 0;
    float span() const { return hi - lo; }
};

// The smallest and largest sample value (0, 0 for an empty set).
ValueRange valueRange(const SampleSet& set);

struct ExpectedRange {
    ValueRange range;
    std::string basis; // "the model's int8 input quantization (scale 1, zero point -128)"
};

// The real values a quantized input (int8, uint8, int16) can stand for; nothing for a float input, which
// does not say.
std::optional<ExpectedRange> expectedInputRange(const model::Tensor& input);
// The same for a model of one input (nothing for several inputs); for a float input, the range the
// metadata's NormalizationOptions map 8-bit values onto ((0 - mean) / std to (255 - mean) / std), if any.
std::optional<ExpectedRange> expectedInputRange(const model::Graph& g);

// 8-bit pixels (0..255) mapped onto `range`: value = pixel * scale + offset.
Preprocess preprocessFor(const ValueRange& range);

// Why `data` does not fit `expected` (spans more than 3x apart, or most of the data outside it), or nothing
// when they agree.
std::optional<std::string> rangeMismatch(const ValueRange& data, const ValueRange& expected);

// "[0, 1]", "[-1, 0.992]": up to three significant digits.
std::string describe(const ValueRange& r);

} // namespace ql::data
