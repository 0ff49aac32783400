// SPDX-License-Identifier: MIT
// Two models of the same network side by side (the converter's int8 and QuantLens' export of the float twin,
// two exports, an old and a new version): operators matched by the name of the tensor they write, then by
// position among operators of the same type; for each match, what differs in the quantization of its output,
// its activation input and its weights (type, scales as a ratio, zero points) and how far the weights are
// apart in steps (LSB) of the second model's scale; the operators only one model has.
#pragma once

#include "model/graph.h"

#include <optional>
#include <string>
#include <vector>

namespace ql::eval {

struct TensorDiff {
    std::string role; // "output", "input", "weights"
    std::string nameA, nameB;
    std::string dtypeA, dtypeB;
    std::vector<float> scaleA, scaleB; // per channel when per channel
    std::vector<std::int64_t> zeroPointA, zeroPointB;
    // The largest max(a / b, b / a) over channels (1: equal scales; 0: only one side has a scale).
    double scaleRatio = 1;
    bool zeroPointsDiffer = false;
    bool dtypeDiffers = false;
    // Scales closer than one part in a million count as equal (1/255 written by two programs).
    bool differs() const { return dtypeDiffers || zeroPointsDiffer || scaleRatio == 0 || scaleRatio > 1 + 1e-6; }
};

struct OperatorMatch {
    int a = -1, b = -1; // operator indices in each model's main subgraph (the numbering `info` prints)
    std::string op; // "CONV_2D" (of model A; opB when the types differ)
    std::string opB;
    std::string name; // model A's output tensor name
    bool byName = true; // false: matched by position among operators of its type
    std::vector<TensorDiff> tensors; // output, activation input, weights, as each has them
    // Weights of both models as real values: the largest and the mean |a - b| in steps of model B's scale
    // (its channel's); empty when either has no weights, their shapes differ, or B's are float.
    std::optional<double> weightMaxLsb, weightMeanLsb;
    bool changed() const;
};

struct ModelDiff {
    std::vector<OperatorMatch> matches; // in model A's order
    std::vector<int> onlyA, onlyB; // operators without a counterpart
    int changed = 0; // matches that differ
};

ModelDiff diffModels(const model::Graph& a, const model::Graph& b);

} // namespace ql::eval
