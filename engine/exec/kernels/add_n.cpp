// SPDX-License-Identifier: MIT
// ADD_N: the element-wise sum of two or more tensors of one shape (float32, int32; no broadcasting, as in
// LiteRT). Summed left to right; int32 wraps like the runtime's two's-complement arithmetic.
#include "exec/kernels/common.h"

namespace ql::exec {

Prepared prepareAddN(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, -1, 1); !st)
        return st.error();
    const RtTensor& first = ctx.in(0);
    const model::DType t = first.dtype;
    if (t != model::DType::Float32 && t != model::DType::Int32)
        return ctx.fail("LiteRT has ADD_N for float32 and int32 only, not " + model::dtypeName(t));
    for (int i = 0; i < ctx.inputCount(); ++i) {
        if (!ctx.hasInput(i))
            return ctx.fail("input " + std::to_string(i) + " is missing");
        if (ctx.in(i).dtype != t || ctx.in(i).shape != first.shape)
            return ctx.fail("every input must have the type and shape of the first (" + shapeText(first.shape) +
                "): input " + std::to_string(i) + " is " + model::dtypeName(ctx.in(i).dtype) + " " +
                shapeText(ctx.in(i).shape));
    }
    if (ctx.out(0).dtype != t)
        return ctx.unsupported();
    if (auto st = ctx.setOutputShape(0, first.shape); !st)
        return st.error();
    std::vector<int> inputs;
    for (int i = 0; i < ctx.inputCount(); ++i)
        inputs.push_back(ctx.inputIndex(i));
    const int out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        RtTensor& y = tensorAt(rc, out);
        const std::int64_t n = y.count();
        if (t == model::DType::Float32) {
            float* d = y.as<float>();
            // The output may share memory with no input (the planner keeps inputs alive), so start from
            // a copy of the first.
            std::copy_n(tensorAt(rc, inputs[0]).as<float>(), n, d);
            for (std::size_t k = 1; k < inputs.size(); ++k) {
                const float* s = tensorAt(rc, inputs[k]).as<float>();
                for (std::int64_t i = 0; i < n; ++i)
                    d[i] += s[i];
            }
        } else {
            std::int32_t* d = y.as<std::int32_t>();
            std::copy_n(tensorAt(rc, inputs[0]).as<std::int32_t>(), n, d);
            for (std::size_t k = 1; k < inputs.size(); ++k) {
                const std::int32_t* s = tensorAt(rc, inputs[k]).as<std::int32_t>();
                for (std::int64_t i = 0; i < n; ++i)
                    d[i] = static_cast<std::int32_t>(static_cast<std::uint32_t>(d[i]) + static_cast<std::uint32_t>(s[i]));
            }
        }
    });
}

} // namespace ql::exec
