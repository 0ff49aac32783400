// SPDX-License-Identifier: MIT
// The basic recurrent cell shared by RNN, UNIDIRECTIONAL_SEQUENCE_RNN and BIDIRECTIONAL_SEQUENCE_RNN:
// h = act(b + W x + W_aux aux + R h_prev), each product added onto the bias in that order (LiteRT's
// order). Weights float32, or int8 with one scale each (dynamic range): every vector a weight matrix
// multiplies is then quantized per batch row at run time.
#pragma once

#include "exec/kernels/hybrid_matrix.h"

#include <memory>

namespace ql::exec {

struct RnnCell {
    WeightMatrix input, aux, recurrent; // aux: absent unless the operator has auxiliary weights
    int units = 0;
    bool hybrid = false, asymmetric = false;
    tflite::ActivationFunctionType act = tflite::ActivationFunctionType::NONE;
};

// Per-run buffers of one cell's step.
struct RnnScratch {
    std::vector<float> next;
    std::vector<std::int8_t> inputCodes, auxCodes, stateCodes;
    RnnScratch(const RnnCell& c, int inputs, int auxInputs);
};

// Loads the cell's weights from inputs `w`, `r` and (when >= 0 and present) `waux`: all float32 or all
// int8. `what` names the cell in errors ("forward", ...; empty for the only one).
Status loadRnnCell(NodeContext& ctx, int w, int r, int waux, int inputs, int auxInputs, const std::string& what, RnnCell& cell);

// One step of one batch row: reads x (and aux when the cell has aux weights), replaces h with the new
// state and writes it to out too.
void rnnStep(const RnnCell& c, const float* bias, const float* x, const float* aux, float* h, float* out, RnnScratch& s);

} // namespace ql::exec
