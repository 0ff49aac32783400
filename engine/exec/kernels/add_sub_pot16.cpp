// SPDX-License-Identifier: MIT
// The int16 ADD / SUB of older files (pot_scale_int16 = true, the schema's default when the options are
// written): every scale a power of two, every zero point 0, and at least one input on the output's scale.
// The other input is divided by a power of two (rounding half away from zero), then the two are added or
// subtracted with int16 saturation and clamped to the fused activation's range. LiteRT refuses the
// operator at prepare when its parameters do not fit this form, and stops the program on an ADD of this
// form whose inputs need broadcasting (SUB broadcasts); both measured with litert-run.
#include "exec/kernels/common.h"

#include <algorithm>

namespace ql::exec {

namespace {

bool potFlag(const NodeContext& ctx)
{
    if (const auto* o = ctx.op.options.AsAddOptions())
        return o->pot_scale_int16;
    if (const auto* o = ctx.op.options.AsSubOptions())
        return o->pot_scale_int16;
    return false; // no options: LiteRT's parameters default to the general path
}

} // namespace

bool usesPotInt16AddSub(const NodeContext& ctx)
{
    if (ctx.out(0).dtype != model::DType::Int16 || !potFlag(ctx))
        return false;
    // With any scale not a power of two, LiteRT takes the general int16 path instead.
    return powerOfTwoExponent(ctx.in(0).scale()) && powerOfTwoExponent(ctx.in(1).scale()) &&
        powerOfTwoExponent(ctx.out(0).scale());
}

Prepared preparePotInt16AddSub(NodeContext& ctx, bool subtract, const Broadcast& bc, tflite::ActivationFunctionType act)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& z = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    if (x.zeroPoint() != 0 || z.zeroPoint() != 0 || y.zeroPoint() != 0)
        return ctx.fail("the power-of-two int16 form (pot_scale_int16) needs zero points of 0");
    if (!subtract && x.shape != z.shape)
        return ctx.fail("LiteRT stops the program on a power-of-two int16 ADD (pot_scale_int16) whose inputs differ in "
                        "shape (" + shapeText(x.shape) + ", " + shapeText(z.shape) + "): it does not broadcast this form");
    const int shift1 = *powerOfTwoExponent(x.scale()) - *powerOfTwoExponent(y.scale());
    const int shift2 = *powerOfTwoExponent(z.scale()) - *powerOfTwoExponent(y.scale());
    if ((shift1 != 0 && shift2 != 0) || shift1 > 0 || shift2 > 0)
        return ctx.fail("the power-of-two int16 form (pot_scale_int16) needs one input on the output's scale and the "
                        "other on the same or a finer one; LiteRT refuses these scales");
    // An int16 value divided by 2^31 or more rounds to 0 whatever the exponent: clamp it (hostile scales).
    const int e1 = std::min(-shift1, 31), e2 = std::min(-shift2, 31);
    const QuantRange r = quantActivationRange(act, y.scale(), 0, -32768, 32767);
    const int a = ctx.inputIndex(0), b = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const std::int16_t* xi = tensorAt(rc, a).as<std::int16_t>();
        const std::int16_t* zi = tensorAt(rc, b).as<std::int16_t>();
        std::int16_t* yo = tensorAt(rc, out).as<std::int16_t>();
        bc.forEach(tensorAt(rc, out).count(), [&](std::int64_t i, std::int64_t ia, std::int64_t ib) {
            const std::int32_t u = roundingDivideByPot(xi[ia], e1);
            const std::int32_t v = roundingDivideByPot(zi[ib], e2);
            const std::int32_t s = std::clamp(subtract ? u - v : u + v, -32768, 32767);
            yo[i] = static_cast<std::int16_t>(std::clamp(s, r.min, r.max));
        });
    });
}

} // namespace ql::exec
