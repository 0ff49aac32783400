// SPDX-License-Identifier: MIT
#include "passes/rescale_limits.h"

#include "passes/common.h"
#include "quant/op_rules.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace ql::passes::detail {

namespace {

// The width that sets a tensor's scale: the range stretched to hold 0 (int8's asymmetric grid), or
// twice the largest magnitude (int16's symmetric one); both are at least the stretched range.
double scaleWidth(double lo, double hi, bool int16)
{
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
    return int16 ? 2.0 * std::max(-lo, hi) : hi - lo;
}

} // namespace

std::vector<std::string> widenAddSubOutputRanges(
    const model::Graph& g, std::vector<quant::TensorRange>& ranges, bool int16, int subgraph)
{
    std::vector<std::string> notes;
    if (subgraph < 0 || static_cast<std::size_t>(subgraph) >= g.subgraphs.size())
        return notes;
    const model::Subgraph& sg = g.subgraphs[static_cast<std::size_t>(subgraph)];
    const model::DType type = int16 ? model::DType::Int16 : model::DType::Int8;
    // Two powers of two of margin below the limit: zero-point nudging moves scales a little.
    const double maxRatio = std::ldexp(1.0, quant::addSubMaxScaleRatioLog2(type) - 2);
    auto rangeOf = [&](int t, double& lo, double& hi) {
        if (t < 0 || static_cast<std::size_t>(t) >= sg.tensors.size())
            return false;
        const model::Tensor& x = sg.tensors[static_cast<std::size_t>(t)];
        if (x.dtype != model::DType::Float32)
            return false;
        if (g.isConstant(x)) {
            const auto v = floatsOf(g, x);
            if (v.empty())
                return false;
            const auto [mn, mx] = std::minmax_element(v.begin(), v.end());
            lo = *mn;
            hi = *mx;
            return std::isfinite(lo) && std::isfinite(hi);
        }
        if (static_cast<std::size_t>(t) >= ranges.size() || !ranges[static_cast<std::size_t>(t)].valid)
            return false;
        lo = ranges[static_cast<std::size_t>(t)].lo;
        hi = ranges[static_cast<std::size_t>(t)].hi;
        return std::isfinite(lo) && std::isfinite(hi);
    };
    for (std::size_t i = 0; i < sg.operators.size(); ++i) {
        const model::Operator& op = sg.operators[i];
        const auto code = g.opcodeOf(op);
        if ((code != tflite::BuiltinOperator::ADD && code != tflite::BuiltinOperator::SUB) || op.inputs.size() < 2 ||
            op.outputs.empty())
            continue;
        const int out = op.outputs[0];
        double lo = 0, hi = 0;
        if (!rangeOf(out, lo, hi) || g.isConstant(sg.tensors[static_cast<std::size_t>(out)]))
            continue;
        double widest = 0;
        for (int k = 0; k < 2; ++k) {
            double a = 0, b = 0;
            if (rangeOf(op.inputs[static_cast<std::size_t>(k)], a, b))
                widest = std::max(widest, scaleWidth(a, b, int16));
        }
        const double width = scaleWidth(lo, hi, int16);
        const double needed = widest / maxRatio;
        if (!(width < needed))
            continue;
        const double grow = (needed - width) / 2;
        quant::TensorRange& r = ranges[static_cast<std::size_t>(out)];
        const float newLo = static_cast<float>(std::min(lo, 0.0) - grow);
        const float newHi = static_cast<float>(std::max(hi, 0.0) + grow);
        std::ostringstream n;
        n.precision(4);
        if (subgraph != 0)
            n << "subgraph " << subgraph << ", ";
        n << "operator " << i << " (" << g.opName(op) << "): output range [" << r.lo << ", " << r.hi << "] widened to ["
          << newLo << ", " << newHi << "]; its inputs' ranges are over 2^" << quant::addSubMaxScaleRatioLog2(type)
          << " times wider, which LiteRT's kernel cannot rescale (it would stop the program)";
        r.lo = newLo;
        r.hi = newHi;
        notes.push_back(n.str());
    }
    return notes;
}

} // namespace ql::passes::detail
