// SPDX-License-Identifier: MIT
// CONV_2D: float (im2col + Eigen GEMM), full integer (int8 per-channel, uint8, 16x8) and hybrid.
#include "exec/kernels/common.h"
#include "exec/kernels/conv_common.h"
#include "exec/kernels/gemm.h"
#include "exec/kernels/hybrid.h"

#include <Eigen/Core>

namespace ql::exec {

namespace {

using model::DType;

Prepared prepareFloat(NodeContext& ctx, const ConvGeometry& g, FloatRange range)
{
    const int in = ctx.inputIndex(0), w = ctx.inputIndex(1), out = ctx.outputIndex(0);
    const int bias = ctx.hasInput(2) ? ctx.inputIndex(2) : -1;
    const bool direct = g.isPointwise();
    auto scratch = std::make_shared<std::vector<float>>(direct ? 0 : static_cast<std::size_t>(g.patchCount() * g.patchSize()));
    return makeKernel([=](const RunContext& rc) {
        using Mat = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
        const float* x = tensorAt(rc, in).as<float>();
        const float* patches = x;
        if (!direct) {
            im2col<float>(x, g, 0.0f, scratch->data());
            patches = scratch->data();
        }
        const std::int64_t rows = g.patchCount();
        const std::int64_t k = g.patchSize();
        Eigen::Map<const Mat> wt(tensorAt(rc, w).as<float>(), g.outChannels, k);
        float* y = tensorAt(rc, out).as<float>();
        const float* b = bias >= 0 ? tensorAt(rc, bias).as<float>() : nullptr;
        parallelFor(rc.pool, rows, 64, [&](std::int64_t r0, std::int64_t r1) {
            Eigen::Map<const Mat> p(patches + r0 * k, r1 - r0, k);
            Eigen::Map<Mat> o(y + r0 * g.outChannels, r1 - r0, g.outChannels);
            o.noalias() = p * wt.transpose();
            for (std::int64_t r = 0; r < r1 - r0; ++r)
                for (int c = 0; c < g.outChannels; ++c)
                    o(r, c) = std::clamp(o(r, c) + (b ? b[c] : 0.0f), range.min, range.max);
        });
    });
}

template <class TIn, class TW, class TAcc, class TBias>
Prepared prepareInteger(NodeContext& ctx, const ConvGeometry& g, tflite::ActivationFunctionType act)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& w = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    const auto& wq = w.quantization();
    if (wq.scale.size() != 1 && static_cast<int>(wq.scale.size()) != g.outChannels)
        return ctx.fail("weights have " + std::to_string(wq.scale.size()) + " scales for " +
                        std::to_string(g.outChannels) + " output channels");
    const bool is16 = sizeof(TIn) == 2;
    const Rounding rounding = is16 ? Rounding::Reference : ctx.rounding;
    auto req = makeRequantizer(x.scale(), wq.scale, y.scale(), y.zeroPoint(),
                               activationRange(act, y, rounding),
                               rounding);
    const std::int32_t zpX = x.zeroPoint();
    const std::int32_t zpW = w.zeroPoint();
    const std::int64_t k = g.patchSize();
    const TW* wd = w.as<TW>();
    const TBias* bias = ctx.hasInput(2) ? ctx.in(2).as<TBias>() : nullptr;
    std::vector<TAcc> base(static_cast<std::size_t>(g.outChannels));
    for (int c = 0; c < g.outChannels; ++c) {
        TAcc sum = 0;
        for (std::int64_t i = 0; i < k; ++i)
            sum += static_cast<TAcc>(wd[c * k + i]) - zpW;
        base[static_cast<std::size_t>(c)] = (bias ? static_cast<TAcc>(bias[c]) : 0) - static_cast<TAcc>(zpX) * sum;
    }
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
                    const TAcc acc = dot<TAcc>(p, wd + c * k, static_cast<int>(k), zpW) + base[static_cast<std::size_t>(c)];
                    std::int32_t q;
                    if constexpr (sizeof(TAcc) == 8) {
                        const auto& m = req.fixed[req.fixed.size() == 1 ? 0 : static_cast<std::size_t>(c)];
                        q = std::clamp(multiplyByQuantizedMultiplier64(acc, m) + req.zeroPoint, req.range.min,
                                       req.range.max);
                    } else {
                        q = req.apply(acc, static_cast<std::size_t>(c));
                    }
                    yd[r * g.outChannels + c] = static_cast<TIn>(q);
                }
            }
        });
    });
}

}  // namespace

Prepared prepareConv2D(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 3, 1); !st)
        return st.error();
    const auto* opts = ctx.op.options.AsConv2DOptions();
    if (!opts)
        return ctx.fail("has no Conv2DOptions");
    const auto act = opts->fused_activation_function;
    if (!isClampActivation(act))
        return ctx.fail("fused activation " + std::string(tflite::EnumNameActivationFunctionType(act)) + " is not supported");
    auto geometry = convGeometry(ctx, opts->padding, opts->stride_h, opts->stride_w, opts->dilation_h_factor,
                                 opts->dilation_w_factor, /*depthwise=*/false, 1);
    if (!geometry)
        return geometry.error();
    const ConvGeometry& g = *geometry;
    const RtTensor& x = ctx.in(0);
    const RtTensor& w = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    if (x.dtype == DType::Float32 && w.dtype == DType::Float32 && y.dtype == DType::Float32)
        return prepareFloat(ctx, g, floatActivationRange(act));
    if (x.dtype == DType::Float32 && w.dtype == DType::Int8 && y.dtype == DType::Float32)
        return prepareHybridConv(ctx, g, act);
    if (!w.constant)
        return ctx.fail("integer weights must be constants");
    const DType bt = ctx.hasInput(2) ? ctx.in(2).dtype : DType::Int32;
    if (x.dtype == DType::Int8 && w.dtype == DType::Int8 && y.dtype == DType::Int8 && bt == DType::Int32)
        return prepareInteger<std::int8_t, std::int8_t, std::int32_t, std::int32_t>(ctx, g, act);
    if (x.dtype == DType::UInt8 && w.dtype == DType::UInt8 && y.dtype == DType::UInt8 && bt == DType::Int32)
        return prepareInteger<std::uint8_t, std::uint8_t, std::int32_t, std::int32_t>(ctx, g, act);
    if (x.dtype == DType::Int16 && w.dtype == DType::Int8 && y.dtype == DType::Int16 && bt == DType::Int64)
        return prepareInteger<std::int16_t, std::int8_t, std::int64_t, std::int64_t>(ctx, g, act);
    return ctx.unsupported();
}

}  // namespace ql::exec
