// SPDX-License-Identifier: MIT
// tflite-micro's SignalRfft (int16 variant: kissfft's Q15 real FFT, see signal_fft.h) and SignalEnergy
// (squared magnitude of a range of bins). Both stateless: the FFT's tables are built once at prepare.
#include "exec/custom/custom_ops.h"

#include "exec/custom/signal_common.h"
#include "exec/custom/signal_fft.h"
#include "exec/kernels/common.h"

#include <algorithm>
#include <climits>

namespace ql::exec {

namespace {

using model::DType;

constexpr std::int64_t kTypeInt16 = 7; // TFLite's TensorType numbers, which the option T holds

} // namespace

Prepared prepareSignalRfft(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    auto options = signal::readOptions(ctx, {{"T", 0, INT32_MAX}, {"fft_length", 0, INT32_MAX}});
    if (!options)
        return options.error();
    const std::int64_t type = (*options)[0], fftLength = (*options)[1];
    // The int32 and float32 variants exist in tflite-micro but are neither specified nor checked here.
    if (type != kTypeInt16)
        return ctx.fail("only the int16 variant (T = 7) is supported, the options ask for T = " + std::to_string(type));
    if (auto why = signal::Q15RealFft::unsupportedLength(fftLength))
        return ctx.fail(*why);
    const RtTensor& x = ctx.in(0);
    if (x.dtype != DType::Int16 || ctx.out(0).dtype != DType::Int16)
        return ctx.fail("input and output must be int16, as T says (" + ctx.dtypes() + ")");
    if (x.rank() < 1 || x.dim(-1) < 1)
        return ctx.fail(
            "needs an input of rank 1 or more with samples in its last dimension, got " + shapeText(x.shape));
    // tflite-micro zero-pads each row to fft_length but does not check that it fits.
    const int rowLength = x.dim(-1);
    if (rowLength > fftLength)
        return ctx.fail("rows of " + std::to_string(rowLength) + " samples are longer than fft_length " +
            std::to_string(fftLength));
    std::vector<std::int32_t> shape = x.shape;
    shape.back() = static_cast<std::int32_t>(fftLength + 2); // (re, im) of bins 0 ... fft_length / 2
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    auto fft = std::make_shared<const signal::Q15RealFft>(static_cast<int>(fftLength));
    const int xi = ctx.inputIndex(0), yi = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const RtTensor& in = tensorAt(rc, xi);
        const auto* xs = in.as<const std::int16_t>();
        auto* ys = tensorAt(rc, yi).as<std::int16_t>();
        const std::int64_t rows = in.count() / rowLength;
        const std::int64_t outLength = fft->length() + 2;
        std::vector<std::int16_t> frame(static_cast<std::size_t>(fft->length()), 0);
        for (std::int64_t r = 0; r < rows; ++r) {
            std::copy(xs + r * rowLength, xs + (r + 1) * rowLength, frame.begin());
            fft->apply(frame.data(), ys + r * outLength);
        }
    });
}

Prepared prepareSignalEnergy(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    auto options = signal::readOptions(ctx, {{"end_index", 0, INT32_MAX}, {"start_index", 0, INT32_MAX}});
    if (!options)
        return options.error();
    const std::int64_t end = (*options)[0], start = (*options)[1];
    const RtTensor& x = ctx.in(0);
    if (x.dtype != DType::Int16 || ctx.out(0).dtype != DType::UInt32)
        return ctx.fail("needs an int16 input and a uint32 output (" + ctx.dtypes() + ")");
    if (x.rank() != 1 || x.dim(0) % 2)
        return ctx.fail("the input must be 1-D (re, im) pairs, got " + shapeText(x.shape));
    const std::int32_t bins = x.dim(0) / 2;
    // The end is exclusive (tflite-micro's loop stops before it, whatever the op's doc string says).
    if (start > end || end > bins)
        return ctx.fail("start_index " + std::to_string(start) + " and end_index " + std::to_string(end) +
            " do not select a range of the " + std::to_string(bins) + " bins");
    if (auto st = ctx.setOutputShape(0, {bins}); !st)
        return st.error();
    const int xi = ctx.inputIndex(0), yi = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const auto* xs = tensorAt(rc, xi).as<const std::int16_t>();
        auto* ys = tensorAt(rc, yi).as<std::uint32_t>();
        // tflite-micro leaves the bins outside [start, end) as the memory held them; they are zero here
        // so that the output does not depend on the arena (the preprocessor model overwrites them).
        std::fill(ys, ys + bins, 0u);
        for (std::int64_t i = start; i < end; ++i) {
            const std::int32_t re = xs[2 * i], im = xs[2 * i + 1];
            // Each square is exact in int32; their sum reaches 2^31 only in uint32.
            ys[i] = static_cast<std::uint32_t>(re * re) + static_cast<std::uint32_t>(im * im);
        }
    });
}

} // namespace ql::exec
