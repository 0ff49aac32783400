// SPDX-License-Identifier: MIT
// Calibrated ranges that LiteRT's integer kernels cannot rescale between. An ADD or SUB whose output
// range is far narrower than an input's (inputs that cancel out, an EXP that reached 1e35) gets scales
// whose ratio LiteRT's kernel cannot represent, and the program stops (quant::addSubOutputMultiplier).
// Before choosing parameters, such an output range is widened to 2^-(limit-2) of the widest input range:
// no precision is lost that the inputs' own steps could carry.
#pragma once

#include "model/graph.h"
#include "quant/calibrate.h"

#include <string>
#include <vector>

namespace ql::passes::detail {

// Widens, in `ranges` (one per tensor of subgraph `subgraph`), the output range of every ADD / SUB of
// that subgraph that needs it; returns one note per widened output.
std::vector<std::string> widenAddSubOutputRanges(
    const model::Graph& g, std::vector<quant::TensorRange>& ranges, bool int16, int subgraph = 0);

} // namespace ql::passes::detail
