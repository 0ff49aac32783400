// SPDX-License-Identifier: MIT
// The prepare function of every operator kernel (one file per family in this folder).
#pragma once

#include "exec/kernel.h"

namespace ql::exec {

using Prepared = Result<std::unique_ptr<Kernel>>;

Prepared prepareAdd(NodeContext& ctx);
Prepared prepareSub(NodeContext& ctx);
Prepared prepareMul(NodeContext& ctx);
Prepared prepareMaximum(NodeContext& ctx);
Prepared prepareMinimum(NodeContext& ctx);
Prepared prepareAveragePool(NodeContext& ctx);
Prepared prepareMaxPool(NodeContext& ctx);
Prepared prepareConcatenation(NodeContext& ctx);
Prepared prepareConv2D(NodeContext& ctx);
Prepared prepareDepthwiseConv2D(NodeContext& ctx);
Prepared prepareTransposeConv(NodeContext& ctx);
Prepared prepareFullyConnected(NodeContext& ctx);
Prepared prepareDequantize(NodeContext& ctx);
Prepared prepareQuantize(NodeContext& ctx);
Prepared prepareReshape(NodeContext& ctx);
Prepared prepareShape(NodeContext& ctx);
Prepared preparePack(NodeContext& ctx);
Prepared prepareStridedSlice(NodeContext& ctx);
Prepared preparePad(NodeContext& ctx);
Prepared prepareTranspose(NodeContext& ctx);
Prepared prepareSoftmax(NodeContext& ctx);
Prepared prepareRelu(NodeContext& ctx);
Prepared prepareRelu6(NodeContext& ctx);
Prepared prepareReluN1To1(NodeContext& ctx);
Prepared prepareLogistic(NodeContext& ctx);
Prepared prepareTanh(NodeContext& ctx);
Prepared prepareLeakyRelu(NodeContext& ctx);
Prepared prepareHardSwish(NodeContext& ctx);
Prepared prepareMean(NodeContext& ctx);
Prepared prepareSum(NodeContext& ctx);
Prepared prepareReduceMax(NodeContext& ctx);
Prepared prepareSlice(NodeContext& ctx);
Prepared prepareSplit(NodeContext& ctx);
Prepared prepareGather(NodeContext& ctx);
Prepared prepareArgMax(NodeContext& ctx);
Prepared prepareArgMin(NodeContext& ctx);
Prepared prepareResizeBilinear(NodeContext& ctx);
Prepared prepareResizeNearest(NodeContext& ctx);
Prepared prepareBatchMatMul(NodeContext& ctx);
Prepared preparePrelu(NodeContext& ctx);
Prepared prepareL2Normalization(NodeContext& ctx);
Prepared prepareUnidirectionalLstm(NodeContext& ctx);

} // namespace ql::exec
