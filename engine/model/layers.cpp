// SPDX-License-Identifier: MIT
#include "model/layers.h"

#include "model/summary.h"

#include <cstdio>

namespace ql::model {

std::string shapeString(const std::vector<std::int32_t>& shape)
{
    if (shape.empty())
        return "scalar";
    std::string s;
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? "x" : "") + std::to_string(shape[i]);
    return s;
}

std::string quantizationString(const Quantization& q)
{
    if (q.scale.empty())
        return {};
    if (q.perChannel())
        return "per-channel x" + std::to_string(q.scale.size()) + " (dim " + std::to_string(q.quantizedDimension) + ")";
    char buf[64];
    std::snprintf(buf, sizeof buf, "s=%.6g zp=%lld", static_cast<double>(q.scale[0]),
        static_cast<long long>(q.zeroPoint.empty() ? 0 : q.zeroPoint[0]));
    return buf;
}

std::vector<LayerRow> describeLayers(const Graph& g)
{
    std::vector<LayerRow> rows;
    const Subgraph& sg = g.main();
    const auto producer = producerIndex(sg);
    auto tensor = [&](std::int32_t i) -> const Tensor& { return sg.tensors[static_cast<std::size_t>(i)]; };

    for (std::size_t i = 0; i < sg.operators.size(); ++i) {
        const Operator& op = sg.operators[i];
        LayerRow r;
        r.index = static_cast<int>(i);
        r.op = g.opName(op);
        const auto code = g.opcodeOf(op);
        const int ai = activationInputIndex(code);
        if (ai < static_cast<int>(op.inputs.size()) && op.inputs[static_cast<std::size_t>(ai)] >= 0) {
            const Tensor& in = tensor(op.inputs[static_cast<std::size_t>(ai)]);
            if (!g.isConstant(in)) {
                r.inputShape = shapeString(in.shape);
                r.activationDtype = dtypeName(in.dtype);
            }
        }
        if (!op.outputs.empty()) {
            r.outputShape = shapeString(tensor(op.outputs[0]).shape);
            r.outputDtype = dtypeName(tensor(op.outputs[0]).dtype);
        }
        const int wi = weightInputIndex(code, op, sg, g, producer);
        if (wi >= 0) {
            // Weights behind a DEQUANTIZE (float16 or int8 constants) are shown as stored.
            const auto w = constantSource(g, sg, op.inputs[static_cast<std::size_t>(wi)], producer);
            if (w.tensor) {
                r.weightTensor = w.index;
                r.weightShape = shapeString(w.tensor->shape);
                r.weightDtype = dtypeName(w.tensor->dtype);
                r.quantization = quantizationString(w.tensor->quantization);
            }
        }
        for (auto in : op.inputs) {
            if (const auto c = constantSource(g, sg, in, producer); c.tensor) {
                r.parameterCount += c.tensor->elementCount();
                r.constantBytes += static_cast<std::int64_t>(g.tensorData(*c.tensor).size());
            }
        }
        rows.push_back(std::move(r));
    }
    return rows;
}

} // namespace ql::model
