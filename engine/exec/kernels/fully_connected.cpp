// SPDX-License-Identifier: MIT
// FULLY_CONNECTED: float, full integer (int8 / uint8 / 16x8) and hybrid (int8 weights, float input).
#include "exec/kernels/common.h"
#include "exec/kernels/gemm.h"
#include "exec/kernels/hybrid.h"
#include "exec/kernels/igemm.h"

#include <Eigen/Core>

#include <type_traits>

namespace ql::exec {

namespace {

using model::DType;

struct FcShape {
    int batch = 0, depth = 0, units = 0;
};

Prepared prepareFloat(NodeContext& ctx, FcShape s, FloatRange range)
{
    const int in = ctx.inputIndex(0), w = ctx.inputIndex(1), out = ctx.outputIndex(0);
    const int bias = ctx.hasInput(2) ? ctx.inputIndex(2) : -1;
    return makeKernel([=](const RunContext& rc) {
        using Mat = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
        Eigen::Map<const Mat> x(tensorAt(rc, in).as<float>(), s.batch, s.depth);
        Eigen::Map<const Mat> wt(tensorAt(rc, w).as<float>(), s.units, s.depth);
        Eigen::Map<Mat> y(tensorAt(rc, out).as<float>(), s.batch, s.units);
        y.noalias() = x * wt.transpose();
        float* o = y.data();
        const float* b = bias >= 0 ? tensorAt(rc, bias).as<float>() : nullptr;
        for (int r = 0; r < s.batch; ++r)
            for (int c = 0; c < s.units; ++c) {
                float v = o[r * s.units + c] + (b ? b[c] : 0.0f);
                o[r * s.units + c] = std::clamp(v, range.min, range.max);
            }
    });
}

template <class TIn, class TW, class TAcc, class TBias>
Prepared prepareInteger(NodeContext& ctx, FcShape s, tflite::ActivationFunctionType act)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& w = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    const int inIdx = ctx.inputIndex(0), outIdx = ctx.outputIndex(0);
    const auto& wq = w.quantization();
    if (auto st = checkWeightScales(ctx, w, s.units); !st)
        return st.error();
    const bool is16 = sizeof(TIn) == 2;
    // 16x8 kernels are not in XNNPACK; LiteRT runs TFLite's integer kernels for them.
    const Rounding rounding = is16 ? Rounding::Reference : ctx.requantRounding();
    auto req =
        makeRequantizer(x.scale(), wq.scale, y.scale(), y.zeroPoint(), activationRange(act, y, rounding), rounding);
    // LiteRT's 16x8 FULLY_CONNECTED (int64 bias) requantizes in double, tflite-micro's with the
    // fixed-point multiplier.
    if (is16 && ctx.rounding == Rounding::Xnnpack)
        for (const float ws : wq.scale)
            req.real.push_back(
                static_cast<double>(x.scale()) * static_cast<double>(ws) / static_cast<double>(y.scale()));
    // Constant part of the accumulator: bias - zp_x * sum(w - zp_w) per unit.
    const std::int32_t zpX = x.zeroPoint();
    const std::int32_t zpW = w.zeroPoint();
    const TW* wd = w.as<TW>();
    std::vector<TAcc> base = foldedBiases<TAcc>(
        wd, s.units, s.depth, zpW, zpX, ctx.hasInput(2) ? ctx.in(2).as<TBias>() : nullptr);
    return makeKernel([=, base = std::move(base), req = std::move(req)](const RunContext& rc) {
        const TIn* xd = tensorAt(rc, inIdx).as<TIn>();
        auto* yd = tensorAt(rc, outIdx).as<TIn>();
        for (int b = 0; b < s.batch; ++b) {
            const TIn* row = xd + static_cast<std::size_t>(b) * s.depth;
            for (int u = 0; u < s.units; ++u) {
                const TW* wrow = wd + static_cast<std::size_t>(u) * s.depth;
                TAcc acc = dot<TAcc>(row, wrow, s.depth, zpW);
                acc += base[static_cast<std::size_t>(u)];
                const std::int32_t q = req.apply(acc, static_cast<std::size_t>(u));
                yd[static_cast<std::size_t>(b) * s.units + u] = static_cast<TIn>(q);
            }
        }
    });
}

// LiteRT's default 16x8 FULLY_CONNECTED where every zero point is 0 and the bias (if any) is int32: ruy
// with an int32 accumulator (wrapping) and one rounding shift; the multiplier comes from the float
// product of the scales (per tensor) or the double one (per channel), as its Prepare computes it.
Prepared prepareInteger16Ruy(NodeContext& ctx, FcShape s, tflite::ActivationFunctionType act)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& w = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    const auto& wq = w.quantization();
    if (auto st = checkWeightScales(ctx, w, s.units); !st)
        return st.error();
    std::vector<FixedMultiplier> m;
    for (const float ws : wq.scale)
        m.push_back(quantizeMultiplier(wq.scale.size() == 1
                ? static_cast<double>(x.scale() * ws) / static_cast<double>(y.scale())
                : static_cast<double>(x.scale()) * static_cast<double>(ws) / static_cast<double>(y.scale())));
    const QuantRange range = activationRange(act, y, Rounding::Reference);
    const std::int8_t* wd = w.as<std::int8_t>();
    std::vector<std::int64_t> bias(static_cast<std::size_t>(s.units), 0);
    if (ctx.hasInput(2))
        for (int u = 0; u < s.units; ++u)
            bias[static_cast<std::size_t>(u)] = ctx.in(2).as<std::int32_t>()[u];
    const int inIdx = ctx.inputIndex(0), outIdx = ctx.outputIndex(0);
    return makeKernel([=, m = std::move(m), bias = std::move(bias)](const RunContext& rc) {
        const std::int16_t* xd = tensorAt(rc, inIdx).as<std::int16_t>();
        auto* yd = tensorAt(rc, outIdx).as<std::int16_t>();
        for (int b = 0; b < s.batch; ++b)
            for (int u = 0; u < s.units; ++u) {
                const std::int64_t sum = dot<std::int64_t>(xd + static_cast<std::size_t>(b) * s.depth,
                                             wd + static_cast<std::size_t>(u) * s.depth, s.depth, 0) +
                    bias[static_cast<std::size_t>(u)];
                const std::int32_t q = multiplyByQuantizedMultiplierSingle(
                    static_cast<std::int32_t>(sum), m[m.size() == 1 ? 0 : static_cast<std::size_t>(u)]);
                yd[static_cast<std::size_t>(b) * s.units + u] = static_cast<std::int16_t>(std::clamp(q, range.min, range.max));
            }
    });
}

// 8-bit FULLY_CONNECTED: the exact int32 accumulator from the integer GEMM (igemm.h), blocks of rows
// at a time, requantized as the runtime of the rounding does.
template <class T> Prepared prepareInteger8(NodeContext& ctx, FcShape s, tflite::ActivationFunctionType act)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& w = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    const int inIdx = ctx.inputIndex(0), outIdx = ctx.outputIndex(0);
    const auto& wq = w.quantization();
    if (auto st = checkWeightScales(ctx, w, s.units); !st)
        return st.error();
    const std::int32_t zpX = x.zeroPoint(), zpW = w.zeroPoint();
    if (auto st = checkWeightZeroPoint<T>(ctx, zpW); !st)
        return st.error();
    const Rounding rounding = ctx.requantRounding();
    auto req = makeRequantizer(
        x.scale(), wq.scale, y.scale(), y.zeroPoint(), activationRange(act, y, rounding), rounding);
    // LiteRT's own kernel (where XNNPACK does not take the node, e.g. in a control-flow body) multiplies
    // through ruy: one rounding shift (measured: quantize_subgraphs_test's per-channel body).
    // uint8 goes through gemmlowp's two roundings (docs/arithmetic.md).
    req.singleRounding =
        std::is_same_v<T, std::int8_t> && ctx.rounding == Rounding::Xnnpack && rounding == Rounding::Reference;
    // Constant part of the accumulator: bias - zp_x * sum(w - zp_w) per unit.
    const T* wd = w.as<T>();
    std::vector<std::int32_t> base = foldedBiases<std::int32_t>(
        wd, s.units, s.depth, zpW, zpX, ctx.hasInput(2) ? ctx.in(2).as<std::int32_t>() : nullptr);
    auto packed = std::make_shared<const PackedInt16Weights>(wd, s.units, s.depth, zpW);
    const int KP = packed->paddedK();
    constexpr std::int64_t kBlock = 32;
    return makeKernel([=, base = std::move(base), req = std::move(req)](const RunContext& rc) {
        const T* xd = tensorAt(rc, inIdx).as<T>();
        T* yd = tensorAt(rc, outIdx).as<T>();
        parallelFor(rc.pool, s.batch, kBlock, [&](std::int64_t r0, std::int64_t r1) {
            const std::int64_t block = std::min(kBlock, r1 - r0);
            std::vector<std::int16_t> a(static_cast<std::size_t>(block * KP));
            std::vector<std::int32_t> acc(static_cast<std::size_t>(block * s.units));
            for (std::int64_t r = r0; r < r1; r += block) {
                const std::int64_t rows = std::min(block, r1 - r);
                widenRows(xd + r * s.depth, rows, s.depth, s.depth, a.data(), KP);
                packed->multiply(a.data(), rows, KP, acc.data(), s.units);
                req.applyRows(acc.data(), base.data(), rows, s.units, yd + r * s.units);
            }
        });
    });
}

} // namespace

Prepared prepareFullyConnected(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 3, 1); !st)
        return st.error();
    const auto* opts = ctx.op.options.AsFullyConnectedOptions();
    const auto act = opts ? opts->fused_activation_function : tflite::ActivationFunctionType::NONE;
    if (!isClampActivation(act))
        return ctx.fail(
            "fused activation " + std::string(tflite::EnumNameActivationFunctionType(act)) + " is not supported");
    if (opts && opts->weights_format != tflite::FullyConnectedOptionsWeightsFormat::DEFAULT)
        return ctx.fail("shuffled weights are not supported");
    const RtTensor& x = ctx.in(0);
    const RtTensor& w = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    if (w.rank() != 2)
        return ctx.fail("weights have shape " + shapeText(w.shape) + ", expected [units, depth]");
    FcShape s{0, w.dim(1), w.dim(0)};
    if (s.depth <= 0 || x.count() % s.depth != 0)
        return ctx.fail(
            "input of shape " + shapeText(x.shape) + " does not split into rows of " + std::to_string(s.depth));
    s.batch = static_cast<int>(x.count() / s.depth);
    // keep_num_dims keeps the input's leading dimensions; otherwise the output is [rows, units].
    std::vector<std::int32_t> shape{s.batch, s.units};
    if (opts && opts->keep_num_dims) {
        if (x.rank() < 1 || x.dim(-1) != s.depth)
            return ctx.fail("keep_num_dims needs the input's last dimension " + shapeText(x.shape) +
                " to be the depth " + std::to_string(s.depth));
        shape = x.shape;
        shape.back() = s.units;
    }
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    if (ctx.hasInput(2) && ctx.in(2).count() != s.units)
        return ctx.fail(
            "bias has " + std::to_string(ctx.in(2).count()) + " values for " + std::to_string(s.units) + " units");

    if (auto st = checkAccumulator(ctx, s.depth); !st)
        return st.error();
    if (x.dtype == DType::Float32 && w.dtype == DType::Float32 && y.dtype == DType::Float32)
        return prepareFloat(ctx, s, floatActivationRange(act));
    if (x.dtype == DType::Float32 && w.dtype == DType::Int4 && y.dtype == DType::Float32)
        return prepareInt4FullyConnected(ctx, s.batch, s.depth, s.units, floatActivationRange(act));
    if (x.dtype == DType::Float32 && w.dtype == DType::Int8 && y.dtype == DType::Float32)
        return prepareHybridFullyConnected(
            ctx, s.batch, s.depth, s.units, act, opts && opts->asymmetric_quantize_inputs);
    if (auto st = requireConstantWeightsAndBias(ctx); !st)
        return st.error();
    // Without a bias, the accumulator type of the input decides (int64 for 16x8).
    const DType bt = ctx.hasInput(2) ? ctx.in(2).dtype : x.dtype == DType::Int16 ? DType::Int64 : DType::Int32;
    if (x.dtype == DType::Int8 && w.dtype == DType::Int8 && y.dtype == DType::Int8 && bt == DType::Int32)
        return prepareInteger8<std::int8_t>(ctx, s, act);
    if (x.dtype == DType::UInt8 && w.dtype == DType::UInt8 && y.dtype == DType::UInt8 && bt == DType::Int32)
        return prepareInteger8<std::uint8_t>(ctx, s, act);
    if (x.dtype == DType::Int16 && w.dtype == DType::Int8 && y.dtype == DType::Int16 &&
        (bt == DType::Int64 || bt == DType::Int32)) {
        // LiteRT (measured, and its fully_connected.cc): with a declared bias type the bias must be
        // of it; ruy runs the layer where every zero point is 0 and the bias is not int64, the
        // double-precision kernel otherwise, which reads the bias as int64 unless told INT32.
        const auto declared = opts ? opts->quantized_bias_type : tflite::TensorType::FLOAT32;
        if (ctx.hasInput(2))
            if (auto st = checkDeclaredBiasType(ctx, declared, bt, /*allowUndeclaredInt32=*/true); !st)
                return st.error();
        const bool weightZeroPoint = w.quantization().scale.size() <= 1 && w.zeroPoint() != 0;
        if (ctx.rounding == Rounding::Xnnpack && !weightZeroPoint && bt != DType::Int64 &&
            declared != tflite::TensorType::INT64)
            return prepareInteger16Ruy(ctx, s, act);
        if (auto st = checkDeclaredBiasType(ctx, declared, bt); !st)
            return st.error();
        if (bt == DType::Int32)
            return prepareInteger<std::int16_t, std::int8_t, std::int32_t, std::int32_t>(ctx, s, act);
        return prepareInteger<std::int16_t, std::int8_t, std::int64_t, std::int64_t>(ctx, s, act);
    }
    return ctx.unsupported();
}

} // namespace ql::exec
