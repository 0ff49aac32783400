// SPDX-License-Identifier: MIT
// The layout operators of the XNNPACK delegate predictor (xnnpack_support_layout.cpp), for the dispatch
// in xnnpack_support_ops.cpp, and the same-parameters check they share with the pooling operators. Not
// part of the engine's interface.
#pragma once

#include "quant/xnnpack_support_detail.h"

#include <string>

namespace ql::quant::xnn {

// The build-time check of the same-scale operators (xnn_subgraph_check_quantization_parameter_matches)
// and of the copy-like ones that need one datatype.
std::string sameParams(const Node& n, const model::Tensor& in, const model::Tensor& out, const char* what);

// CONCATENATION, PAD, RESHAPE, RESIZE_BILINEAR, SLICE, STRIDED_SLICE, SPLIT, TRANSPOSE and
// DEPTH_TO_SPACE / SPACE_TO_DEPTH.
XnnpackDecision visitConcatenation(const Node& n);
XnnpackDecision visitPad(const Node& n);
XnnpackDecision visitReshape(const Node& n);
XnnpackDecision visitResizeBilinear(const Node& n);
XnnpackDecision visitSlice(const Node& n);
XnnpackDecision visitStridedSlice(const Node& n);
XnnpackDecision visitSplit(const Node& n);
XnnpackDecision visitTranspose(const Node& n);
XnnpackDecision visitSpaceDepth(const Node& n, tflite::BuiltinOperator code);

} // namespace ql::quant::xnn
