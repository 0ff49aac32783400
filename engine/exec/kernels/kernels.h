// SPDX-License-Identifier: MIT
// The prepare function of every operator kernel (one file per family in this folder).
#pragma once

#include "exec/activation.h"
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
Prepared prepareL2Pool(NodeContext& ctx);
Prepared prepareFakeQuant(NodeContext& ctx);
Prepared prepareRnn(NodeContext& ctx);
Prepared prepareBidirectionalRnn(NodeContext& ctx);
Prepared prepareSvdf(NodeContext& ctx);
Prepared prepareConv3D(NodeContext& ctx);
Prepared prepareConv3DTranspose(NodeContext& ctx);
Prepared prepareRank(NodeContext& ctx);
Prepared prepareBucketize(NodeContext& ctx);
Prepared prepareUnique(NodeContext& ctx);
Prepared prepareSparseToDense(NodeContext& ctx);
Prepared prepareDilate(NodeContext& ctx);
Prepared prepareBitwiseBinary(NodeContext& ctx); // BITWISE_XOR, RIGHT_SHIFT
Prepared prepareBitcast(NodeContext& ctx);
Prepared prepareMatrixDiag(NodeContext& ctx);
Prepared prepareMatrixSetDiag(NodeContext& ctx);
Prepared prepareReverseSequence(NodeContext& ctx);
Prepared prepareSequenceRnn(NodeContext& ctx);
Prepared prepareRelu0To1(NodeContext& ctx);
Prepared prepareAddN(NodeContext& ctx);
Prepared prepareOneHot(NodeContext& ctx);
Prepared prepareBroadcastArgs(NodeContext& ctx);
Prepared prepareDynamicUpdateSlice(NodeContext& ctx);
Prepared prepareLocalResponseNorm(NodeContext& ctx);
Prepared prepareSegmentSum(NodeContext& ctx);
Prepared prepareUnsortedSegment(NodeContext& ctx);
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
// lstm_float.cpp (float and dynamic-range LSTMs; int8 goes to lstm_integer.cpp)
Prepared prepareUnidirectionalLstm(NodeContext& ctx);
Prepared prepareLstm(NodeContext& ctx);
Prepared prepareBidirectionalLstm(NodeContext& ctx);
// fully_connected_int4.cpp (called by FULLY_CONNECTED's prepare)
Prepared prepareInt4FullyConnected(NodeContext& ctx, int batch, int depth, int units, FloatRange act);
// layout_ops.cpp
Prepared prepareDepthToSpace(NodeContext& ctx);
Prepared prepareSpaceToDepth(NodeContext& ctx);
Prepared prepareSpaceToBatchNd(NodeContext& ctx);
Prepared prepareBatchToSpaceNd(NodeContext& ctx);
Prepared prepareMirrorPad(NodeContext& ctx);
Prepared prepareReverseV2(NodeContext& ctx);
Prepared prepareTile(NodeContext& ctx);
Prepared prepareBroadcastTo(NodeContext& ctx);
// binary_math.cpp, unary_math.cpp
Prepared prepareBinaryMath(NodeContext& ctx);
Prepared prepareUnaryMath(NodeContext& ctx);
// generate.cpp, cast.cpp
Prepared prepareFill(NodeContext& ctx);
Prepared prepareZerosOnesLike(NodeContext& ctx);
Prepared prepareRange(NodeContext& ctx);
Prepared prepareCast(NodeContext& ctx);
// gather_scatter.cpp
Prepared prepareGatherNd(NodeContext& ctx);
Prepared prepareScatterNd(NodeContext& ctx);
Prepared prepareSelect(NodeContext& ctx);
Prepared prepareWhere(NodeContext& ctx);
Prepared prepareTopK(NodeContext& ctx);
Prepared prepareEmbeddingLookup(NodeContext& ctx);
// indexing.cpp
Prepared prepareSplitV(NodeContext& ctx);
Prepared prepareUnpack(NodeContext& ctx);
// reduce.cpp, softmax.cpp, scan.cpp
Prepared prepareReduceMin(NodeContext& ctx);
Prepared prepareReduceProd(NodeContext& ctx);
Prepared prepareReduceAny(NodeContext& ctx);
Prepared prepareReduceAll(NodeContext& ctx);
Prepared prepareLogSoftmax(NodeContext& ctx);
Prepared prepareCumsum(NodeContext& ctx);
Prepared prepareDensify(NodeContext& ctx);
// fft.cpp, nms.cpp
Prepared prepareRfft2d(NodeContext& ctx);
Prepared prepareComplexPart(NodeContext& ctx);
Prepared prepareNonMaxSuppression(NodeContext& ctx);
// control_flow.cpp, variables.cpp
Prepared prepareIf(NodeContext& ctx);
Prepared prepareWhile(NodeContext& ctx);
Prepared prepareCallOnce(NodeContext& ctx);
Prepared prepareStablehloComposite(NodeContext& ctx);
Prepared prepareVarHandle(NodeContext& ctx);
Prepared prepareAssignVariable(NodeContext& ctx);
Prepared prepareReadVariable(NodeContext& ctx);

} // namespace ql::exec
