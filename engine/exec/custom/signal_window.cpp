// SPDX-License-Identifier: MIT
// tflite-micro's SignalWindow (int16 samples times int16 window weights, shifted down and saturated)
// and SignalFftAutoScale (shifts a frame up to use the int16 range before the fixed-point FFT, and
// reports the shift so that SignalFilterBankSquareRoot can undo it). Both stateless.
#include "exec/custom/custom_ops.h"

#include "exec/custom/signal_common.h"
#include "exec/kernels/common.h"

#include <algorithm>

namespace ql::exec {

namespace {

using model::DType;

} // namespace

Prepared prepareSignalWindow(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    auto options = signal::readOptions(ctx, {{"shift", 0, 31}});
    if (!options)
        return options.error();
    const int shift = static_cast<int>((*options)[0]);
    const RtTensor& x = ctx.in(0);
    const RtTensor& w = ctx.in(1);
    if (x.dtype != DType::Int16 || w.dtype != DType::Int16 || ctx.out(0).dtype != DType::Int16)
        return ctx.fail("input, weights and output must be int16 (" + ctx.dtypes() + ")");
    if (x.rank() < 1 || w.rank() != 1 || w.dim(0) < 1)
        return ctx.fail("needs an input of rank 1 or more and non-empty 1-D weights, got " + shapeText(x.shape) +
            " and " + shapeText(w.shape));
    // tflite-micro applies the weights to consecutive chunks of the flattened input without checking
    // that they tile it (a remainder would read past the weights).
    const std::int64_t width = w.dim(0);
    if (x.count() % width)
        return ctx.fail("the input " + shapeText(x.shape) + " is not made of whole windows of " +
            std::to_string(width) + " samples");
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    const int xi = ctx.inputIndex(0), wi = ctx.inputIndex(1), yi = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const RtTensor& in = tensorAt(rc, xi);
        const auto* xs = in.as<const std::int16_t>();
        const auto* ws = tensorAt(rc, wi).as<const std::int16_t>();
        auto* ys = tensorAt(rc, yi).as<std::int16_t>();
        const std::int64_t n = in.count();
        for (std::int64_t i = 0; i < n; ++i) {
            // Exact in int32 (|x w| <= 2^30); the shift floors.
            const std::int32_t v = (std::int32_t{xs[i]} * ws[i % width]) >> shift;
            ys[i] = static_cast<std::int16_t>(std::clamp(v, -32768, 32767));
        }
    });
}

Prepared prepareSignalFftAutoScale(NodeContext& ctx)
{
    // The operator has no options and tflite-micro never reads them.
    if (auto st = ctx.expectArity(1, 1, 2); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    if (x.dtype != DType::Int16 || ctx.out(0).dtype != DType::Int16 || ctx.out(1).dtype != DType::Int32)
        return ctx.fail("needs an int16 input, an int16 output and an int32 scale output (" + ctx.dtypes() + ")");
    if (x.rank() != 1)
        return ctx.fail("the input must be 1-D, got " + shapeText(x.shape));
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    if (auto st = ctx.setOutputShape(1, {}); !st)
        return st.error();
    const int xi = ctx.inputIndex(0), yi = ctx.outputIndex(0), si = ctx.outputIndex(1);
    return makeKernel([=](const RunContext& rc) {
        const RtTensor& in = tensorAt(rc, xi);
        const auto* xs = in.as<const std::int16_t>();
        auto* ys = tensorAt(rc, yi).as<std::int16_t>();
        const std::int64_t n = in.count();
        // tflite-micro's max-abs, quirk included: -32768 negates to itself in int16, so the running
        // "maximum" turns negative and every later sample above -32768 replaces it.
        std::int16_t m = 0;
        for (std::int64_t i = 0; i < n; ++i) {
            if (xs[i] > m)
                m = xs[i];
            else if (-xs[i] > m)
                m = static_cast<std::int16_t>(-xs[i]);
        }
        // A negative maximum sign-extends to a 32-bit value, whose top bit gives a negative shift (0).
        const int shift =
            std::max(0, 16 - signal::mostSignificantBit32(static_cast<std::uint32_t>(std::int32_t{m})) - 1);
        for (std::int64_t i = 0; i < n; ++i)
            ys[i] = static_cast<std::int16_t>(static_cast<std::uint32_t>(xs[i]) << shift); // wraps as the C store does
        *tensorAt(rc, si).as<std::int32_t>() = shift;
    });
}

} // namespace ql::exec
