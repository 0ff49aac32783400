// SPDX-License-Identifier: MIT
// SVDF: the singular-value-decomposition filter of keyword-spotting models. Its state, the operator's
// variable input 4, holds for every batch and filter the last `memory_size` feature activations. Each
// invoke shifts them one step to the past, appends dot(weights_feature[f], x), weighs the memory with
// weights_time[f], sums each group of `rank` filters into one unit, then adds the bias and applies the
// fused activation (LiteRT's order: the rank sum first, the bias after).
//
// Float32, or dynamic range ("hybrid"): int8 weights_feature and weights_time with one scale each, float
// input, state and output. weights_time is then dequantized once (code times scale, in float); each
// batch row of the input is quantized at run time (symmetric, or asymmetric with the operator's
// asymmetric_quantize_inputs), multiplied with weights_feature in int32 and scaled back by the row's
// scale times the weights' scale, as LiteRT's hybrid SVDF does. The integer SVDF is svdf_integer.cpp.
#include "exec/kernels/svdf.h"

#include "exec/kernels/hybrid_matrix.h"

namespace ql::exec {

namespace {

using model::DType;

Prepared prepareFloatSvdf(NodeContext& ctx, const SvdfShape& s, const tflite::SVDFOptionsT& o)
{
    const RtTensor& wf = ctx.in(1);
    const RtTensor& wt = ctx.in(2);
    const bool hasBias = ctx.hasInput(3);
    const bool hybrid = wf.dtype == DType::Int8;
    if ((wf.dtype != DType::Float32 && !hybrid) || ctx.in(4).dtype != DType::Float32 ||
        ctx.out(0).dtype != DType::Float32 || (hasBias && ctx.in(3).dtype != DType::Float32))
        return ctx.fail("float SVDF needs float32 state, bias and output and float32 or int8 weights (" +
            ctx.dtypes() + ")");
    if (wt.dtype != wf.dtype)
        return ctx.fail("weights_feature (" + model::dtypeName(wf.dtype) + ") and weights_time (" +
            model::dtypeName(wt.dtype) + ") must both be float32 or both int8 (LiteRT reads weights_time as the "
            "type of weights_feature)");
    auto feature = std::make_shared<WeightMatrix>();
    if (auto st = loadWeightMatrix(ctx, 1, s.filters, s.inputs, *feature); !st)
        return st.error();
    // weights_time as float: dequantized once in the hybrid case, as LiteRT does on its first run.
    WeightMatrix time;
    if (auto st = loadWeightMatrix(ctx, 2, s.filters, s.memory, time); !st)
        return st.error();
    auto timeWeights = std::make_shared<std::vector<float>>(static_cast<std::size_t>(s.filters) * s.memory);
    for (std::size_t k = 0; k < timeWeights->size(); ++k)
        (*timeWeights)[k] = hybrid ? static_cast<float>(time.q[k]) * time.scale : time.f[k];
    if (auto st = ctx.setOutputShape(0, {s.batch, s.units}); !st)
        return st.error();
    const auto act = o.fused_activation_function;
    const bool asymmetric = o.asymmetric_quantize_inputs;
    const int xi = ctx.inputIndex(0), bi = hasBias ? ctx.inputIndex(3) : -1, si = ctx.inputIndex(4), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const float* input = tensorAt(rc, xi).as<float>();
        const float* bias = bi >= 0 ? tensorAt(rc, bi).as<float>() : nullptr;
        float* state = tensorAt(rc, si).as<float>();
        float* y = tensorAt(rc, out).as<float>();
        std::vector<float> filtered(static_cast<std::size_t>(s.filters));
        std::vector<std::int8_t> codes(static_cast<std::size_t>(s.inputs));
        for (int b = 0; b < s.batch; ++b) {
            const MatrixOperand x = matrixOperand(input + static_cast<std::int64_t>(b) * s.inputs, s.inputs, hybrid, asymmetric, codes);
            std::fill(filtered.begin(), filtered.end(), 0.0f);
            accumulate(*feature, x, filtered.data());
            for (int f = 0; f < s.filters; ++f) {
                float* mem = state + (static_cast<std::int64_t>(b) * s.filters + f) * s.memory;
                std::copy(mem + 1, mem + s.memory, mem); // one step to the past
                mem[s.memory - 1] = filtered[static_cast<std::size_t>(f)];
                const float* tw = timeWeights->data() + static_cast<std::int64_t>(f) * s.memory;
                float weighed = 0;
                for (int m = 0; m < s.memory; ++m)
                    weighed += tw[m] * mem[m];
                filtered[static_cast<std::size_t>(f)] = weighed;
            }
            for (int u = 0; u < s.units; ++u) {
                float v = 0;
                for (int r = 0; r < s.rank; ++r)
                    v += filtered[static_cast<std::size_t>(u * s.rank + r)];
                if (bias)
                    v += bias[u];
                y[static_cast<std::int64_t>(b) * s.units + u] = applyFloatActivation(act, v);
            }
        }
    });
}

} // namespace

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
    const auto* o = ctx.op.options.AsSVDFOptions();
    if (!o)
        return ctx.fail("has no SVDFOptions");
    if (x.rank() != 2 || wf.rank() != 2 || wt.rank() != 2)
        return ctx.fail("input [batch, input], weights_feature [filters, input] and weights_time [filters, memory] "
                        "expected, got " + shapeText(x.shape) + ", " + shapeText(wf.shape) + ", " + shapeText(wt.shape));
    SvdfShape s;
    s.batch = x.dim(0);
    s.inputs = x.dim(1);
    s.filters = wf.dim(0);
    s.memory = wt.dim(1);
    s.rank = o->rank;
    if (wf.dim(1) != s.inputs || wt.dim(0) != s.filters)
        return ctx.fail("weights_feature " + shapeText(wf.shape) + " and weights_time " + shapeText(wt.shape) +
            " do not fit the input " + shapeText(x.shape));
    if (s.rank < 1 || s.filters % s.rank != 0)
        return ctx.fail("rank " + std::to_string(s.rank) + " must divide the " + std::to_string(s.filters) + " filters");
    if (s.memory < 1)
        return ctx.fail("the memory size must be at least 1");
    s.units = s.filters / s.rank;
    if (ctx.hasInput(3) && ctx.in(3).count() != s.units)
        return ctx.fail("the bias must have " + std::to_string(s.units) + " values, got " + shapeText(ctx.in(3).shape));
    if (state.count() != static_cast<std::int64_t>(s.batch) * s.filters * s.memory)
        return ctx.fail("the state " + shapeText(state.shape) + " must hold " + std::to_string(s.batch) + " x " +
            std::to_string(s.filters * s.memory) + " values");
    if (x.dtype == DType::Int8)
        return prepareIntegerSvdf(ctx, s, *o);
    if (x.dtype != DType::Float32)
        return ctx.fail("SVDF runs on float32 input (float or dynamic range) or int8 input (integer), not " +
            model::dtypeName(x.dtype));
    return prepareFloatSvdf(ctx, s, *o);
}

} // namespace ql::exec
