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

} // namespace ql::exec
