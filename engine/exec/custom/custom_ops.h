// SPDX-License-Identifier: MIT
// The prepare function of every custom operator (one file each in this folder).
#pragma once

#include "exec/kernel.h"

namespace ql::exec {

using Prepared = Result<std::unique_ptr<Kernel>>;

Prepared prepareDetectionPostProcess(NodeContext& ctx);

} // namespace ql::exec
