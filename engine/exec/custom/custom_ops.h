// SPDX-License-Identifier: MIT
// The prepare function of every custom operator (one file each in this folder).
#pragma once

#include "exec/kernel.h"

namespace ql::exec {

using Prepared = Result<std::unique_ptr<Kernel>>;

Prepared prepareDetectionPostProcess(NodeContext& ctx);
Prepared prepareTransposeConvBias(NodeContext& ctx);
Prepared prepareMaxPoolingWithArgmax(NodeContext& ctx);
Prepared prepareMaxUnpooling(NodeContext& ctx);
Prepared prepareLandmarksToTransformMatrix(NodeContext& ctx);
Prepared prepareTransformTensorBilinear(NodeContext& ctx);
Prepared prepareTransformLandmarks(NodeContext& ctx);
Prepared preparePosenetDecoder(NodeContext& ctx); // posenet_decoder.cpp (Coral)
Prepared prepareResizeArgmax(NodeContext& ctx); // resize_argmax.cpp (MLPerf Mobile)
// tflite-micro's Signal library (signal_*.cpp)
Prepared prepareSignalWindow(NodeContext& ctx);
Prepared prepareSignalFftAutoScale(NodeContext& ctx);
Prepared prepareSignalRfft(NodeContext& ctx);
Prepared prepareSignalEnergy(NodeContext& ctx);
Prepared prepareSignalFilterBank(NodeContext& ctx);
Prepared prepareSignalFilterBankSquareRoot(NodeContext& ctx);
Prepared prepareSignalFilterBankSpectralSubtraction(NodeContext& ctx);
Prepared prepareSignalPcan(NodeContext& ctx);
Prepared prepareSignalFilterBankLog(NodeContext& ctx);

} // namespace ql::exec
