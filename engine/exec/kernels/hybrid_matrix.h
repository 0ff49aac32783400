// SPDX-License-Identifier: MIT
// A constant weight matrix of the recurrent operators (LSTM, RNN, SVDF), float32 or int8 with one scale
// (dynamic range, "hybrid"), and the product TFLite's hybrid recurrent kernels take with it: the vector is
// quantized per batch row at run time (symmetric, or asymmetric), multiplied in int32 and scaled back by
// the product of the row's scale and the weights' scale.
#pragma once

#include "exec/kernels/hybrid.h"

#include <cstdint>
#include <vector>

namespace ql::exec {

struct WeightMatrix {
    const float* f = nullptr;
    const std::int8_t* q = nullptr;
    float scale = 1.0f;
    std::vector<std::int32_t> rowSums; // sum of each row's codes (the asymmetric zero-point term)
    int rows = 0, cols = 0;
    bool present() const { return f != nullptr || q != nullptr; }
};

// A vector about to be multiplied: float, and its int8 codes when the weights are int8.
struct MatrixOperand {
    const float* f = nullptr;
    const std::int8_t* q = nullptr;
    RowQuantization rq;
};

// Loads the constant matrix at input `i` ([rows x cols] expected; nothing when the input is absent).
Status loadWeightMatrix(NodeContext& ctx, int i, int rows, int cols, WeightMatrix& w);

// v[0..n) as an operand; when `hybrid`, quantized into `codes` (n values), asymmetrically or not.
MatrixOperand matrixOperand(const float* v, int n, bool hybrid, bool asymmetric, std::vector<std::int8_t>& codes);

// out[r] += W[r] . v for every row (one dot product per row added to what out holds, as LiteRT
// accumulates); int8 weights need v's codes.
void accumulate(const WeightMatrix& w, const MatrixOperand& v, float* out);

} // namespace ql::exec
