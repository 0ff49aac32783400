// SPDX-License-Identifier: MIT
// SVDF (float32): the singular-value-decomposition filter of keyword-spotting models. Its state, the
// operator's variable input 4, holds for every batch and filter the last `memory_size` feature
// activations. Each invoke shifts them one step to the past, appends dot(weights_feature[f], x), weighs
// the memory with weights_time[f], sums each group of `rank` filters into one unit, adds the bias and
// applies the fused activation.
#include "exec/kernels/common.h"

namespace ql::exec {

Prepared prepareSvdf(NodeContext& ctx)
{
    // Input 3 (bias) may be omitted; the state (input 4) may not.
    if (auto st = ctx.expectArity(3, 5, 1); !st)
        return st.error();
    if (!ctx.hasInput(4))
        return ctx.fail("the state (input 4) is required");
    const RtTensor& x = ctx.in(0);
    const RtTensor& wf = ctx.in(1);
    const RtTensor& wt = ctx.in(2);
    const RtTensor& state = ctx.in(4);
    const bool hasBias = ctx.hasInput(3);
    for (int i : {0, 1, 2, 4})
        if (ctx.in(i).dtype != model::DType::Float32)
            return ctx.fail("SVDF runs on float32 tensors here; quantized and hybrid SVDF are not supported yet (" +
                ctx.dtypes() + ")");
    if (ctx.out(0).dtype != model::DType::Float32 || (hasBias && ctx.in(3).dtype != model::DType::Float32))
        return ctx.unsupported();
    const auto* o = ctx.op.options.AsSVDFOptions();
    if (!o)
        return ctx.fail("has no SVDFOptions");
    if (x.rank() != 2 || wf.rank() != 2 || wt.rank() != 2)
        return ctx.fail("input [batch, input], weights_feature [filters, input] and weights_time [filters, memory] "
                        "expected, got " + shapeText(x.shape) + ", " + shapeText(wf.shape) + ", " + shapeText(wt.shape));
    const int B = x.dim(0), nIn = x.dim(1), filters = wf.dim(0), memory = wt.dim(1), rank = o->rank;
    if (wf.dim(1) != nIn || wt.dim(0) != filters)
        return ctx.fail("weights_feature " + shapeText(wf.shape) + " and weights_time " + shapeText(wt.shape) +
            " do not fit the input " + shapeText(x.shape));
    if (rank < 1 || filters % rank != 0)
        return ctx.fail("rank " + std::to_string(rank) + " must divide the " + std::to_string(filters) + " filters");
    if (memory < 1)
        return ctx.fail("the memory size must be at least 1");
    const int units = filters / rank;
    if (hasBias && ctx.in(3).count() != units)
        return ctx.fail("the bias must have " + std::to_string(units) + " values, got " + shapeText(ctx.in(3).shape));
    if (state.count() != static_cast<std::int64_t>(B) * filters * memory)
        return ctx.fail("the state " + shapeText(state.shape) + " must hold " + std::to_string(B) + " x " +
            std::to_string(filters * memory) + " values");
    if (auto st = ctx.setOutputShape(0, {B, units}); !st)
        return st.error();
    const auto act = o->fused_activation_function;
    const int xi = ctx.inputIndex(0), fi = ctx.inputIndex(1), ti = ctx.inputIndex(2), bi = hasBias ? ctx.inputIndex(3) : -1,
              si = ctx.inputIndex(4), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const float* input = tensorAt(rc, xi).as<float>();
        const float* feature = tensorAt(rc, fi).as<float>();
        const float* time = tensorAt(rc, ti).as<float>();
        const float* bias = bi >= 0 ? tensorAt(rc, bi).as<float>() : nullptr;
        float* s = tensorAt(rc, si).as<float>();
        float* y = tensorAt(rc, out).as<float>();
        for (int b = 0; b < B; ++b) {
            const float* xb = input + static_cast<std::int64_t>(b) * nIn;
            std::vector<float> filtered(static_cast<std::size_t>(filters));
            for (int f = 0; f < filters; ++f) {
                float* mem = s + (static_cast<std::int64_t>(b) * filters + f) * memory;
                std::copy(mem + 1, mem + memory, mem); // one step to the past
                float acc = 0;
                for (int i = 0; i < nIn; ++i)
                    acc += feature[static_cast<std::int64_t>(f) * nIn + i] * xb[i];
                mem[memory - 1] = acc;
                float weighed = 0;
                for (int m = 0; m < memory; ++m)
                    weighed += time[static_cast<std::int64_t>(f) * memory + m] * mem[m];
                filtered[static_cast<std::size_t>(f)] = weighed;
            }
            for (int u = 0; u < units; ++u) {
                float v = bias ? bias[u] : 0.0f;
                for (int r = 0; r < rank; ++r)
                    v += filtered[static_cast<std::size_t>(u * rank + r)];
                y[static_cast<std::int64_t>(b) * units + u] = applyFloatActivation(act, v);
            }
        }
    });
}

} // namespace ql::exec
