// SPDX-License-Identifier: MIT
// A subgraph of a model as a drawing sees it: one node per operator (the file's numbering, as the layer
// table and `info` number them), one per graph input and output, and one edge per tensor use, labelled with
// the tensor's shape and type. Constant inputs (weights, biases) belong to their operator, not to an edge.
#pragma once

#include "model/graph.h"

#include <string>
#include <vector>

namespace ql::widgets {

struct GraphNode {
    enum class Kind { Operator, Input, Output };
    Kind kind = Kind::Operator;
    int op = -1; // the file's operator index (Kind::Operator), else -1
    int tensor = -1; // the input's or output's tensor; an operator's first output
    std::string title; // "CONV_2D", the custom code, or the input's / output's tensor name
    std::string detail; // "#12 · 1x28x28x16 int8"
    std::string names; // every output tensor's name, for search
    std::string dtype; // of the first output
    bool boundary = false; // QUANTIZE or DEQUANTIZE: where the model changes number format
};

struct GraphEdge {
    int from = 0, to = 0; // node indices
    int tensor = -1;
    std::string label; // "1x28x28x16 int8"
};

struct ModelGraph {
    std::vector<GraphNode> nodes;
    std::vector<GraphEdge> edges;
    int nodeOfOperator(int op) const; // -1 when `op` has no node
    std::vector<int> opNode; // node of each operator
};

// Subgraph `subgraph` (0: the main one, whose operators the rest of QuantLens numbers).
ModelGraph describeGraph(const model::Graph& g, int subgraph = 0);

} // namespace ql::widgets
