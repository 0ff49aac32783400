// SPDX-License-Identifier: MIT
// tflite-micro's SignalFilterBankSpectralSubtraction (subtracts a running per-channel noise estimate,
// the one Signal operator with state) and SignalPCAN (per-channel amplitude normalisation by a gain
// looked up from that noise estimate; stateless).
//
// State policy. tflite-micro zeroes the noise estimate when the interpreter is prepared and then
// carries it from one Invoke to the next: the operator is a streaming front end, fed one 30 ms frame
// per invoke, and its output for a frame depends on the frames before it. QuantLens follows the
// interpreter's state policy (InterpreterOptions::keepState): by default every invoke starts from a
// zero estimate, like every other state, so that outputs depend on the inputs alone; with keepState
// the estimate carries across invokes as in tflite-micro.
// The operator is therefore not foldable, even when its input is a constant.
#include "exec/custom/custom_ops.h"

#include "exec/custom/signal_common.h"
#include "exec/env.h"
#include "exec/kernels/common.h"

#include <algorithm>
#include <climits>
#include <memory>

namespace ql::exec {

namespace {

using model::DType;

struct SubtractionParams {
    std::uint32_t alternateOneMinusSmoothing = 0, alternateSmoothing = 0, minSignalRemaining = 0;
    std::uint32_t oneMinusSmoothing = 0, smoothing = 0;
    int smoothingBits = 0, subtractionBits = 0, channels = 0;
    bool clamping = false;
};

} // namespace

Prepared prepareSignalFilterBankSpectralSubtraction(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 2); !st)
        return st.error();
    if (ctx.outputIndex(1) < 0)
        return ctx.fail("needs both outputs (signal and noise estimate)");
    // The keys as the FlexBuffer map sorts them, which is the order tflite-micro reads them in.
    auto options = signal::readOptions(ctx,
        {{"alternate_one_minus_smoothing", 0, INT32_MAX}, {"alternate_smoothing", 0, INT32_MAX}, {"clamping", 0, 1},
            {"min_signal_remaining", 0, INT32_MAX}, {"num_channels", 0, INT32_MAX},
            {"one_minus_smoothing", 0, INT32_MAX}, {"smoothing", 0, INT32_MAX}, {"smoothing_bits", 0, 31},
            {"spectral_subtraction_bits", 0, 63}});
    if (!options)
        return options.error();
    const auto& o = *options;
    SubtractionParams p;
    p.alternateOneMinusSmoothing = static_cast<std::uint32_t>(o[0]);
    p.alternateSmoothing = static_cast<std::uint32_t>(o[1]);
    p.clamping = o[2] != 0;
    p.minSignalRemaining = static_cast<std::uint32_t>(o[3]);
    p.channels = static_cast<int>(o[4]);
    p.oneMinusSmoothing = static_cast<std::uint32_t>(o[5]);
    p.smoothing = static_cast<std::uint32_t>(o[6]);
    p.smoothingBits = static_cast<int>(o[7]);
    p.subtractionBits = static_cast<int>(o[8]);
    const RtTensor& x = ctx.in(0);
    if (x.dtype != DType::UInt32 || ctx.out(0).dtype != DType::UInt32 || ctx.out(1).dtype != DType::UInt32)
        return ctx.fail("input and both outputs must be uint32 (" + ctx.dtypes() + ")");
    if (x.rank() != 1 || x.dim(0) != p.channels)
        return ctx.fail(
            "the input must have shape [" + std::to_string(p.channels) + "] (num_channels), got " + shapeText(x.shape));
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    if (auto st = ctx.setOutputShape(1, x.shape); !st)
        return st.error();
    // The noise estimate, scaled up by 2^smoothing_bits; zero at every prepare (see the top of the file).
    auto noise = std::make_shared<std::vector<std::uint32_t>>(static_cast<std::size_t>(p.channels), 0u);
    auto epoch = std::make_shared<std::uint64_t>(ctx.env.stateEpoch);
    const ExecEnv* env = &ctx.env;
    const int xi = ctx.inputIndex(0), yi = ctx.outputIndex(0), ni = ctx.outputIndex(1);
    return makeKernel([=](const RunContext& rc) {
        const auto* xs = tensorAt(rc, xi).as<const std::uint32_t>();
        auto* ys = tensorAt(rc, yi).as<std::uint32_t>();
        if (*epoch != env->stateEpoch) { // a new invoke that starts from the initial state
            std::fill(noise->begin(), noise->end(), 0u);
            *epoch = env->stateEpoch;
        }
        std::uint32_t* est = noise->data();
        for (int i = 0; i < p.channels; ++i) {
            // Even channels smooth with one pair of weights, odd ones with the alternate pair.
            const bool odd = i % 2;
            const std::uint64_t s = odd ? p.alternateSmoothing : p.smoothing;
            const std::uint64_t oms = odd ? p.alternateOneMinusSmoothing : p.oneMinusSmoothing;
            const std::uint32_t up = xs[i] << p.smoothingBits;
            est[i] = static_cast<std::uint32_t>((up * s + est[i] * oms) >> p.subtractionBits);
            std::uint32_t estimate = est[i];
            if (estimate > up) {
                estimate = up;
                if (p.clamping)
                    est[i] = up;
            }
            const auto least =
                static_cast<std::uint32_t>((std::uint64_t{xs[i]} * p.minSignalRemaining) >> p.subtractionBits);
            ys[i] = std::max((up - estimate) >> p.smoothingBits, least);
        }
        std::copy(est, est + p.channels, tensorAt(rc, ni).as<std::uint32_t>());
    });
}

Prepared prepareSignalPcan(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(3, 3, 1); !st)
        return st.error();
    auto options = signal::readOptions(ctx, {{"snr_shift", 0, 63}});
    if (!options)
        return options.error();
    const int snrShift = static_cast<int>((*options)[0]);
    const RtTensor& x = ctx.in(0);
    const RtTensor& noise = ctx.in(1);
    const RtTensor& lut = ctx.in(2);
    if (x.dtype != DType::UInt32 || noise.dtype != DType::UInt32 || lut.dtype != DType::Int16 ||
        ctx.out(0).dtype != DType::UInt32)
        return ctx.fail(
            "needs uint32 signal and noise, an int16 gain table and a uint32 output (" + ctx.dtypes() + ")");
    if (noise.count() != x.count())
        return ctx.fail("signal " + shapeText(x.shape) + " and noise estimate " + shapeText(noise.shape) +
            " must have as many channels");
    // The lookup reads up to entry 124 (for noise estimates of 2^31 and more).
    if (lut.count() < signal::kPcanLutSize)
        return ctx.fail("the gain table has " + std::to_string(lut.count()) + " entries, it needs " +
            std::to_string(signal::kPcanLutSize));
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    const int xi = ctx.inputIndex(0), ni = ctx.inputIndex(1), li = ctx.inputIndex(2), yi = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const RtTensor& in = tensorAt(rc, xi);
        const auto* xs = in.as<const std::uint32_t>();
        const auto* ns = tensorAt(rc, ni).as<const std::uint32_t>();
        const auto* table = tensorAt(rc, li).as<const std::int16_t>();
        auto* ys = tensorAt(rc, yi).as<std::uint32_t>();
        for (std::int64_t i = 0; i < in.count(); ++i) {
            // A negative gain sign-extends, as tflite-micro's int16 -> uint32 conversion does.
            const auto gain = static_cast<std::uint32_t>(std::int32_t{signal::wideDynamicGain(ns[i], table)});
            const auto snr = static_cast<std::uint32_t>((std::uint64_t{xs[i]} * gain) >> snrShift);
            ys[i] = signal::pcanShrink(snr);
        }
    });
}

} // namespace ql::exec
