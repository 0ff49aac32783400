// SPDX-License-Identifier: MIT
// A model's output as numbers a person compares: the real values of an output tensor whatever its type,
// and class scores as a probability distribution. Every view and every command reads outputs this way.
#pragma once

#include "exec/tensor.h"

#include <span>
#include <vector>

namespace ql::eval {

// The real value of element `i`: float32 as stored, float16 widened, int8 / uint8 / int16 / int32
// dequantized with the tensor's scale and zero point (the raw value when it has no scale); 0 for other types.
float realValue(const exec::RtTensor& t, std::int64_t i);
std::vector<float> realValues(const exec::RtTensor& t);

// Scores as a distribution: kept (normalised to sum 1) when they already are probabilities — every value
// in [0, 1] and a sum within kProbabilitySumTolerance of 1 — else their softmax.
inline constexpr double kProbabilitySumTolerance = 0.02;
std::vector<double> probabilities(std::span<const float> scores);

} // namespace ql::eval
