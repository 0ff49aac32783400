// SPDX-License-Identifier: MIT
// tflite-micro's SignalFilterBank (triangular mel channels over the energy spectrum, in uint64),
// SignalFilterBankSquareRoot (rounded square root, minus FftAutoScale's shift) and SignalFilterBankLog
// (fixed-point natural log times a scale). All stateless.
#include "exec/custom/custom_ops.h"

#include "exec/custom/signal_common.h"
#include "exec/kernels/common.h"

#include <algorithm>
#include <climits>

namespace ql::exec {

namespace {

using model::DType;

// The channel tables of SignalFilterBank: per slot (channels + 1 of them), the first energy bin, the
// first weight and the number of bins.
struct BankTables {
    const std::int16_t* frequencyStarts;
    const std::int16_t* weightStarts;
    const std::int16_t* widths;
};

// The tables are ordinary inputs that tflite-micro uses as indices unchecked; here a slot that would
// read outside the energies or the weights is an error.
Status checkTables(const BankTables& t, int slots, std::int64_t energies, std::int64_t weights)
{
    for (int i = 0; i < slots; ++i) {
        const int width = t.widths[i];
        if (width <= 0)
            continue; // reads nothing
        const int bin = t.frequencyStarts[i], weight = t.weightStarts[i];
        if (bin < 0 || bin + width > energies || weight < 0 || weight + width > weights)
            return Error{"channel slot " + std::to_string(i) + " reads energies " + std::to_string(bin) + " .. " +
                std::to_string(bin + width - 1) + " and weights " + std::to_string(weight) + " .. " +
                std::to_string(weight + width - 1) + ", beyond the " + std::to_string(energies) + " energies or " +
                std::to_string(weights) + " weights"};
    }
    return {};
}

} // namespace

Prepared prepareSignalFilterBank(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(6, 6, 1); !st)
        return st.error();
    auto options = signal::readOptions(ctx, {{"num_channels", 0, INT32_MAX}});
    if (!options)
        return options.error();
    const int channels = static_cast<int>((*options)[0]);
    if (ctx.in(0).dtype != DType::UInt32 || ctx.out(0).dtype != DType::UInt64)
        return ctx.fail("needs uint32 energies and a uint64 output (" + ctx.dtypes() + ")");
    for (int i = 1; i < 6; ++i)
        if (ctx.in(i).dtype != DType::Int16)
            return ctx.fail("the weights and channel tables (inputs 1 to 5) must be int16 (" + ctx.dtypes() + ")");
    for (int i = 0; i < 6; ++i)
        if (ctx.in(i).rank() != 1)
            return ctx.fail("input " + std::to_string(i) + " must be 1-D, got " + shapeText(ctx.in(i).shape));
    for (int i = 3; i < 6; ++i)
        if (ctx.in(i).count() < std::int64_t{channels} + 1)
            return ctx.fail("input " + std::to_string(i) + " has " + std::to_string(ctx.in(i).count()) +
                " entries, the " + std::to_string(channels) + " channels need " + std::to_string(channels + 1));
    const std::int64_t energies = ctx.in(0).count();
    const std::int64_t weights = std::min(ctx.in(1).count(), ctx.in(2).count());
    // Constant tables (as in every model the converter writes) are checked once here, others per run.
    const RtTensor *fs = ctx.valueOf(3), *ws = ctx.valueOf(4), *wd = ctx.valueOf(5);
    const bool checked = fs && ws && wd;
    if (checked) {
        const BankTables t{fs->as<const std::int16_t>(), ws->as<const std::int16_t>(), wd->as<const std::int16_t>()};
        if (auto st = checkTables(t, channels + 1, energies, weights); !st)
            return ctx.fail(st.error().message);
    }
    if (auto st = ctx.setOutputShape(0, {channels}); !st)
        return st.error();
    std::vector<int> in(6);
    for (int i = 0; i < 6; ++i)
        in[static_cast<std::size_t>(i)] = ctx.inputIndex(i);
    const int yi = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) -> Status {
        const auto* e = tensorAt(rc, in[0]).as<const std::uint32_t>();
        const auto* w = tensorAt(rc, in[1]).as<const std::int16_t>();
        const auto* u = tensorAt(rc, in[2]).as<const std::int16_t>();
        const BankTables t{tensorAt(rc, in[3]).as<const std::int16_t>(), tensorAt(rc, in[4]).as<const std::int16_t>(),
            tensorAt(rc, in[5]).as<const std::int16_t>()};
        if (!checked)
            if (auto st = checkTables(t, channels + 1, energies, weights); !st)
                return st;
        auto* y = tensorAt(rc, yi).as<std::uint64_t>();
        // Each slot's bins add weight x energy to its own channel and unweight x energy to the channel
        // before it (slot 0's weighted sum is discarded). Everything is modulo 2^64, with the int16
        // weights sign-extended, as tflite-micro's uint64 accumulators compute it.
        std::uint64_t weighted = 0, unweighted = 0;
        for (int i = 0; i <= channels; ++i) {
            for (int j = 0; j < t.widths[i]; ++j) {
                const std::uint64_t energy = e[t.frequencyStarts[i] + j];
                const int k = t.weightStarts[i] + j;
                weighted += static_cast<std::uint64_t>(std::int64_t{w[k]}) * energy;
                unweighted += static_cast<std::uint64_t>(std::int64_t{u[k]}) * energy;
            }
            if (i > 0)
                y[i - 1] = weighted;
            weighted = unweighted;
            unweighted = 0;
        }
        return {};
    });
}

Prepared prepareSignalFilterBankSquareRoot(NodeContext& ctx)
{
    // No options; tflite-micro never reads them.
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor& scale = ctx.in(1);
    if (x.dtype != DType::UInt64 || scale.dtype != DType::Int32 || ctx.out(0).dtype != DType::UInt32)
        return ctx.fail("needs a uint64 input, an int32 scale and a uint32 output (" + ctx.dtypes() + ")");
    if (scale.count() != 1)
        return ctx.fail("the scale must be a scalar, got shape " + shapeText(scale.shape));
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    const int xi = ctx.inputIndex(0), si = ctx.inputIndex(1), yi = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) -> Status {
        const RtTensor& in = tensorAt(rc, xi);
        const std::int32_t shift = *tensorAt(rc, si).as<const std::int32_t>();
        // SignalFftAutoScale gives 0 .. 14; a shift of 32 or more has no defined meaning in C.
        if (shift < 0 || shift > 31)
            return Error{"the scale is " + std::to_string(shift) + ", it must lie in 0 .. 31"};
        const auto* xs = in.as<const std::uint64_t>();
        auto* ys = tensorAt(rc, yi).as<std::uint32_t>();
        for (std::int64_t i = 0; i < in.count(); ++i)
            ys[i] = signal::roundedSqrt64(xs[i]) >> shift;
        return {};
    });
}

Prepared prepareSignalFilterBankLog(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    auto options = signal::readOptions(ctx, {{"input_correction_bits", 0, 31}, {"output_scale", 1, INT32_MAX}});
    if (!options)
        return options.error();
    const int correction = static_cast<int>((*options)[0]);
    const auto scale = static_cast<std::uint32_t>((*options)[1]);
    const RtTensor& x = ctx.in(0);
    if (x.dtype != DType::UInt32 || ctx.out(0).dtype != DType::Int16)
        return ctx.fail("needs a uint32 input and an int16 output (" + ctx.dtypes() + ")");
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    const int xi = ctx.inputIndex(0), yi = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const RtTensor& in = tensorAt(rc, xi);
        const auto* xs = in.as<const std::uint32_t>();
        auto* ys = tensorAt(rc, yi).as<std::int16_t>();
        for (std::int64_t i = 0; i < in.count(); ++i) {
            // The correction shift wraps in 32 bits (2^31 << 3 is 0), as tflite-micro's does.
            const std::uint32_t v = xs[i] << correction;
            ys[i] = static_cast<std::int16_t>(v <= 1 ? 0 : std::min<std::uint32_t>(signal::fixedLog(v, scale), 32767));
        }
    });
}

} // namespace ql::exec
