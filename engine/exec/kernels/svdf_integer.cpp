// SPDX-License-Identifier: MIT
// The integer SVDF of full-integer models (LiteRT's and tflite-micro's arithmetic, which agree for an
// int16 state): int8 input, weights_feature and output, int16 weights_time and state, int32 bias.
//  1. the state moves one step to the past;
//  2. per filter, sum(weights_feature * (x - zp_x)) in int32 is rescaled by s_x * s_wf / s_state
//     (computed in float, then split into a fixed-point multiplier), clamped to int16 and stored as the
//     newest state value;
//  3. per filter, sum(weights_time * state) over the memory in int32;
//  4. per unit, the sum of its `rank` filters plus the bias;
//  5. rescaled by s_state * s_wt / s_y, plus zp_y, clamped to int8.
// Zero points of the weights and the state are not read (the converter writes them 0). LiteRT accepts
// only a RELU activation and does not apply it (the calibrated output range starts at 0); tflite-micro
// accepts any and applies none. Sums that overflow 32 bits wrap, as in two's complement hardware.
#include "exec/kernels/svdf.h"

namespace ql::exec {

namespace {

using model::DType;

std::int32_t wrap32(std::int64_t v)
{
    return static_cast<std::int32_t>(static_cast<std::uint32_t>(static_cast<std::uint64_t>(v)));
}

} // namespace

Prepared prepareIntegerSvdf(NodeContext& ctx, const SvdfShape& s, const tflite::SVDFOptionsT& o)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& wf = ctx.in(1);
    const RtTensor& wt = ctx.in(2);
    const RtTensor& state = ctx.in(4);
    const RtTensor& y = ctx.out(0);
    const bool hasBias = ctx.hasInput(3);
    if (wf.dtype != DType::Int8 || y.dtype != DType::Int8 || (hasBias && ctx.in(3).dtype != DType::Int32))
        return ctx.fail("integer SVDF needs int8 weights_feature and output and an int32 bias (" + ctx.dtypes() + ")");
    if (wt.dtype != DType::Int16 || state.dtype != DType::Int16)
        return ctx.fail("integer SVDF needs int16 weights_time and state, got " + model::dtypeName(wt.dtype) + " and " +
            model::dtypeName(state.dtype) + " (the int8 form is tflite-micro's alone; LiteRT reads weights_time as int16)");
    if (!wf.constant || !wt.constant)
        return ctx.fail("integer weights must be constants");
    for (const auto* t : {&x, &wf, &wt, &state, &y})
        if (!(t->scale() > 0.0f))
            return ctx.fail("integer SVDF needs a positive scale on its input, weights, state and output");
    if (ctx.rounding != Rounding::Reference && o.fused_activation_function != tflite::ActivationFunctionType::RELU)
        return ctx.fail("LiteRT runs an integer SVDF only with a RELU activation, got " +
            std::string(tflite::EnumNameActivationFunctionType(o.fused_activation_function)));
    // Both effective scales are computed in float, as the runtimes do, and widened only for the split.
    const float s1 = x.scale() * wf.scale() / state.scale();
    const float s2 = state.scale() * wt.scale() / y.scale();
    const FixedMultiplier m1 = quantizeMultiplier(static_cast<double>(s1));
    const FixedMultiplier m2 = quantizeMultiplier(static_cast<double>(s2));
    const std::int32_t zpX = x.zeroPoint(), zpY = y.zeroPoint();
    if (auto st = ctx.setOutputShape(0, {s.batch, s.units}); !st)
        return st.error();
    const auto* feature = wf.as<std::int8_t>();
    const auto* time = wt.as<std::int16_t>();
    const int xi = ctx.inputIndex(0), bi = hasBias ? ctx.inputIndex(3) : -1, si = ctx.inputIndex(4), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const auto* input = tensorAt(rc, xi).as<std::int8_t>();
        const std::int32_t* bias = bi >= 0 ? tensorAt(rc, bi).as<std::int32_t>() : nullptr;
        auto* mem = tensorAt(rc, si).as<std::int16_t>();
        auto* result = tensorAt(rc, out).as<std::int8_t>();
        std::vector<std::int32_t> filtered(static_cast<std::size_t>(s.filters));
        for (int b = 0; b < s.batch; ++b) {
            const std::int8_t* xb = input + static_cast<std::int64_t>(b) * s.inputs;
            for (int f = 0; f < s.filters; ++f) {
                std::int16_t* m = mem + (static_cast<std::int64_t>(b) * s.filters + f) * s.memory;
                std::copy(m + 1, m + s.memory, m);
                std::int64_t acc = 0;
                const std::int8_t* row = feature + static_cast<std::int64_t>(f) * s.inputs;
                for (int i = 0; i < s.inputs; ++i)
                    acc += row[i] * (static_cast<std::int64_t>(xb[i]) - zpX);
                const std::int32_t scaled = multiplyByQuantizedMultiplier(wrap32(acc), m1);
                m[s.memory - 1] = static_cast<std::int16_t>(std::clamp(scaled, -32768, 32767));
                const std::int16_t* tw = time + static_cast<std::int64_t>(f) * s.memory;
                std::int64_t weighed = 0;
                for (int k = 0; k < s.memory; ++k)
                    weighed += static_cast<std::int32_t>(tw[k]) * static_cast<std::int32_t>(m[k]);
                filtered[static_cast<std::size_t>(f)] = wrap32(weighed);
            }
            for (int u = 0; u < s.units; ++u) {
                std::int64_t v = bias ? bias[u] : 0;
                for (int r = 0; r < s.rank; ++r)
                    v += filtered[static_cast<std::size_t>(u * s.rank + r)];
                const std::int64_t q = std::int64_t{multiplyByQuantizedMultiplier(wrap32(v), m2)} + zpY;
                result[static_cast<std::int64_t>(b) * s.units + u] = static_cast<std::int8_t>(std::clamp<std::int64_t>(q, -128, 127));
            }
        }
    });
}

} // namespace ql::exec
