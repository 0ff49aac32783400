// SPDX-License-Identifier: MIT
// CONV_2D: float (im2col + Eigen GEMM), full integer (int8 per-channel, uint8, 16x8) and hybrid.
#include "exec/kernels/common.h"
#include "exec/kernels/conv_common.h"
#include "exec/kernels/gemm.h"
#include "exec/kernels/hybrid.h"
#include "exec/kernels/igemm.h"
#include "exec/kernels/sgemm.h"

#include <limits>
#include <type_traits>

namespace ql::exec {

namespace {

using model::DType;

Prepared prepareFloat(NodeContext& ctx, const ConvGeometry& g, FloatRange range)
{
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    const RtTensor& w = ctx.in(1);
    if (!w.constant)
        return ctx.fail("float weights must be constants (or come from a constant DEQUANTIZE)");
    const float* bias = ctx.hasInput(2) && ctx.in(2).constant ? ctx.in(2).as<float>() : nullptr;
    if (ctx.hasInput(2) && !ctx.in(2).constant)
        return ctx.fail("the bias must be a constant");
    auto packed =
        std::make_shared<const PackedWeights>(w.as<float>(), bias, g.outChannels, static_cast<int>(g.patchSize()));
    const bool direct = g.isPointwise();
    const std::int64_t k = g.patchSize();
    // im2col per block of output rows, so the scratch stays small and each thread has its own.
    const std::int64_t rowsPerImage = static_cast<std::int64_t>(g.outH);
    return makeKernel([=](const RunContext& rc) {
        const float* x = tensorAt(rc, in).as<float>();
        float* y = tensorAt(rc, out).as<float>();
        if (direct) {
            parallelFor(rc.pool, g.patchCount(), 256, [&](std::int64_t r0, std::int64_t r1) {
                packed->multiply(x + r0 * k, r1 - r0, k, y + r0 * g.outChannels, g.outChannels, range.min, range.max);
            });
            return;
        }
        parallelFor(
            rc.pool, static_cast<std::int64_t>(g.batch) * rowsPerImage, 1, [&](std::int64_t r0, std::int64_t r1) {
                std::vector<float> patches(static_cast<std::size_t>(g.outW * k));
                for (std::int64_t r = r0; r < r1; ++r) {
                    const int b = static_cast<int>(r / rowsPerImage), oy = static_cast<int>(r % rowsPerImage);
                    im2colRow<float>(x, g, b, oy, 0.0f, patches.data());
                    packed->multiply(
                        patches.data(), g.outW, k, y + r * g.outW * g.outChannels, g.outChannels, range.min, range.max);
                }
            });
    });
}

// Narrow32: the accumulator is LiteRT's int32 one (16x8 with an int32 bias, its optimized kernel): the
// sum wraps modulo 2^32 and is requantized as ruy does (one rounding).
template <class TIn, class TW, class TAcc, class TBias, bool Narrow32 = false>
Prepared prepareIntegerGeneric(NodeContext& ctx, const ConvGeometry& g, tflite::ActivationFunctionType act)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& w = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    const auto& wq = w.quantization();
    if (auto st = checkWeightScales(ctx, w, g.outChannels); !st)
        return st.error();
    const bool is16 = sizeof(TIn) == 2;
    const Rounding rounding = is16 ? Rounding::Reference : ctx.requantRounding();
    // LiteRT's int32-accumulating 16x8 kernel goes through ruy; tflite-micro's reference does not.
    const bool ruy = Narrow32 && ctx.rounding == Rounding::Xnnpack;
    auto req =
        makeRequantizer(x.scale(), wq.scale, y.scale(), y.zeroPoint(), activationRange(act, y, rounding), rounding);
    const std::int32_t zpX = x.zeroPoint();
    const std::int32_t zpW = w.zeroPoint();
    const std::int64_t k = g.patchSize();
    const TW* wd = w.as<TW>();
    std::vector<TAcc> base = foldedBiases<TAcc>(
        wd, g.outChannels, k, zpW, zpX, ctx.hasInput(2) ? ctx.in(2).as<TBias>() : nullptr);
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    const bool direct = g.isPointwise();
    auto scratch = std::make_shared<std::vector<TIn>>(direct ? 0 : static_cast<std::size_t>(g.patchCount() * k));
    return makeKernel([=, base = std::move(base), req = std::move(req)](const RunContext& rc) {
        const TIn* xd = tensorAt(rc, in).as<TIn>();
        const TIn* patches = xd;
        if (!direct) {
            im2col<TIn>(xd, g, static_cast<TIn>(zpX), scratch->data());
            patches = scratch->data();
        }
        TIn* yd = tensorAt(rc, out).as<TIn>();
        parallelFor(rc.pool, g.patchCount(), 16, [&](std::int64_t r0, std::int64_t r1) {
            for (std::int64_t r = r0; r < r1; ++r) {
                const TIn* p = patches + r * k;
                for (int c = 0; c < g.outChannels; ++c) {
                    const TAcc acc =
                        dot<TAcc>(p, wd + c * k, static_cast<int>(k), zpW) + base[static_cast<std::size_t>(c)];
                    std::int32_t q;
                    if constexpr (Narrow32)
                        q = !ruy ? req.apply(static_cast<std::int32_t>(acc), static_cast<std::size_t>(c))
                                 : addClamped(multiplyByQuantizedMultiplierSingle(static_cast<std::int32_t>(acc),
                                           req.fixed[req.fixed.size() == 1 ? 0 : static_cast<std::size_t>(c)]),
                            req.zeroPoint, req.range.min, req.range.max);
                    else
                        q = req.apply(acc, static_cast<std::size_t>(c));
                    yd[r * g.outChannels + c] = static_cast<TIn>(q);
                }
            }
        });
    });
}

// 8-bit convolutions: the exact int32 accumulator from the integer GEMM (igemm.h; weights minus
// their zero point packed once, patches widened to 16 bits), requantized as the runtime of `rounding`
// does.
template <class TIn>
Prepared prepareInteger8(NodeContext& ctx, const ConvGeometry& g, tflite::ActivationFunctionType act)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& w = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    const auto& wq = w.quantization();
    if (auto st = checkWeightScales(ctx, w, g.outChannels); !st)
        return st.error();
    const std::int32_t zpX = x.zeroPoint(), zpW = w.zeroPoint();
    if (auto st = checkWeightZeroPoint<TIn>(ctx, zpW); !st)
        return st.error();
    const Rounding rounding = ctx.requantRounding();
    auto req = makeRequantizer(
        x.scale(), wq.scale, y.scale(), y.zeroPoint(), activationRange(act, y, rounding), rounding);
    // LiteRT's own int8 kernel (where XNNPACK does not take the node, e.g. a channel with scale 0)
    // multiplies through ruy: one rounding shift (docs/arithmetic.md; measured again by
    // export_requantize_test on automl_video_traffic's re-quantized box predictor). uint8 goes through
    // gemmlowp's two.
    req.singleRounding =
        std::is_same_v<TIn, std::int8_t> && ctx.rounding == Rounding::Xnnpack && rounding == Rounding::Reference;
    const int K = static_cast<int>(g.patchSize());
    const int N = g.outChannels;
    const TIn* wd = w.as<TIn>();
    std::vector<std::int32_t> base =
        foldedBiases<std::int32_t>(wd, N, K, zpW, zpX, ctx.hasInput(2) ? ctx.in(2).as<std::int32_t>() : nullptr);
    auto packed = std::make_shared<const PackedInt16Weights>(wd, N, K, zpW);
    const int KP = packed->paddedK();
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    const bool direct = g.isPointwise();
    const std::int64_t rows = direct ? g.patchCount() : static_cast<std::int64_t>(g.batch) * g.outH;
    const std::int64_t rowPixels = direct ? 1 : g.outW;
    return makeKernel([=, base = std::move(base), req = std::move(req)](const RunContext& rc) {
        const TIn* xd = tensorAt(rc, in).as<TIn>();
        TIn* yd = tensorAt(rc, out).as<TIn>();
        parallelFor(rc.pool, rows, direct ? 64 : 1, [&](std::int64_t r0, std::int64_t r1) {
            const std::int64_t block = direct ? std::min<std::int64_t>(64, r1 - r0) : rowPixels;
            std::vector<TIn> patches(direct ? 0 : static_cast<std::size_t>(block * K));
            std::vector<std::int16_t> a(static_cast<std::size_t>(block * KP));
            std::vector<std::int32_t> acc(static_cast<std::size_t>(block * N));
            for (std::int64_t r = r0; r < r1;) {
                std::int64_t pixels;
                if (direct) {
                    pixels = std::min<std::int64_t>(block, r1 - r);
                    widenRows(xd + r * K, pixels, K, K, a.data(), KP);
                } else {
                    pixels = rowPixels;
                    im2colRow<TIn>(xd, g, static_cast<int>(r / g.outH), static_cast<int>(r % g.outH),
                        static_cast<TIn>(zpX), patches.data());
                    widenRows(patches.data(), pixels, K, K, a.data(), KP);
                }
                packed->multiply(a.data(), pixels, KP, acc.data(), N);
                req.applyRows(acc.data(), base.data(), pixels, N, yd + (direct ? r : r * rowPixels) * N);
                r += direct ? pixels : 1;
            }
        });
    });
}

} // namespace

Prepared prepareConv2D(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 3, 1); !st)
        return st.error();
    const auto* opts = ctx.op.options.AsConv2DOptions();
    if (!opts)
        return ctx.fail("has no Conv2DOptions");
    const auto act = opts->fused_activation_function;
    if (!isClampActivation(act))
        return ctx.fail(
            "fused activation " + std::string(tflite::EnumNameActivationFunctionType(act)) + " is not supported");
    // LiteRT's built-in kernel requires the bias in every type, and XNNPACK does not take a
    // convolution without one.
    if (!ctx.hasInput(2))
        return ctx.fail("has no bias; LiteRT's CONV_2D requires one (a zero bias, if the model has none)");
    auto geometry = convGeometry(ctx, opts->padding, opts->stride_h, opts->stride_w, opts->dilation_h_factor,
        opts->dilation_w_factor, /*depthwise=*/false, 1);
    if (!geometry)
        return geometry.error();
    const ConvGeometry& g = *geometry;
    if (auto st = checkAccumulator(ctx, g.patchSize()); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor& w = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    if (x.dtype == DType::Int16)
        if (auto st = checkDeclaredBiasType(ctx, opts->quantized_bias_type, ctx.in(2).dtype); !st)
            return st.error();
    if (g.groups > 1)
        return prepareGroupedConv(ctx, g, act);
    if (x.dtype == DType::Float32 && w.dtype == DType::Float32 && y.dtype == DType::Float32)
        return prepareFloat(ctx, g, floatActivationRange(act));
    if (x.dtype == DType::Float32 && w.dtype == DType::Int8 && y.dtype == DType::Float32)
        return prepareHybridConv(ctx, g, act);
    if (auto st = requireConstantWeightsAndBias(ctx); !st)
        return st.error();
    const DType bt = ctx.hasInput(2) ? ctx.in(2).dtype : DType::Int32;
    if (x.dtype == DType::Int8 && w.dtype == DType::Int8 && y.dtype == DType::Int8 && bt == DType::Int32)
        return prepareInteger8<std::int8_t>(ctx, g, act);
    if (x.dtype == DType::UInt8 && w.dtype == DType::UInt8 && y.dtype == DType::UInt8 && bt == DType::Int32)
        return prepareInteger8<std::uint8_t>(ctx, g, act);
    if (x.dtype == DType::Int16 && w.dtype == DType::Int8 && y.dtype == DType::Int16) {
        if (bt == DType::Int32)
            return prepareIntegerGeneric<std::int16_t, std::int8_t, std::int64_t, std::int32_t, true>(ctx, g, act);
        if (bt == DType::Int64)
            return prepareIntegerGeneric<std::int16_t, std::int8_t, std::int64_t, std::int64_t>(ctx, g, act);
    }
    return ctx.unsupported();
}

} // namespace ql::exec
