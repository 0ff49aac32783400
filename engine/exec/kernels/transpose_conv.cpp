// SPDX-License-Identifier: MIT
// TRANSPOSE_CONV: inputs (output_shape, weights [outC, kH, kW, inC], input, optional bias).
// Every input pixel scatters its products into the output window it covers.
#include "exec/kernels/common.h"
#include "exec/kernels/hybrid.h"

namespace ql::exec {

namespace {

using model::DType;

struct TGeometry {
    int batch, inH, inW, inC, outH, outW, outC, kH, kW, strideH, strideW, padTop, padLeft;
};

// Calls fn(outOffset, inOffset, weightOffset) for every product of the scatter.
template <class Fn> void scatter(const TGeometry& g, Fn&& fn)
{
    for (int b = 0; b < g.batch; ++b)
        for (int iy = 0; iy < g.inH; ++iy)
            for (int ix = 0; ix < g.inW; ++ix)
                for (int ky = 0; ky < g.kH; ++ky) {
                    const int oy = iy * g.strideH - g.padTop + ky;
                    if (oy < 0 || oy >= g.outH)
                        continue;
                    for (int kx = 0; kx < g.kW; ++kx) {
                        const int ox = ix * g.strideW - g.padLeft + kx;
                        if (ox < 0 || ox >= g.outW)
                            continue;
                        const std::int64_t o = ((static_cast<std::int64_t>(b) * g.outH + oy) * g.outW + ox) * g.outC;
                        const std::int64_t i = ((static_cast<std::int64_t>(b) * g.inH + iy) * g.inW + ix) * g.inC;
                        for (int oc = 0; oc < g.outC; ++oc)
                            fn(o + oc, i, ((static_cast<std::int64_t>(oc) * g.kH + ky) * g.kW + kx) * g.inC);
                    }
                }
}

Status checkOutputShape(const RtTensor& shapeTensor, const RtTensor& y)
{
    for (int d = 0; d < 4; ++d)
        if (shapeTensor.as<std::int32_t>()[d] != y.dim(d))
            return Error{"the output shape input asks for a shape other than the output's " + shapeText(y.shape)};
    return {};
}

Prepared prepareFloat(NodeContext& ctx, const TGeometry& g, FloatRange range)
{
    const int shapeIdx = ctx.inputIndex(0), w = ctx.inputIndex(1), in = ctx.inputIndex(2), out = ctx.outputIndex(0);
    const int bias = ctx.hasInput(3) ? ctx.inputIndex(3) : -1;
    return makeKernel([=](const RunContext& rc) -> Status {
        if (auto st = checkOutputShape(tensorAt(rc, shapeIdx), tensorAt(rc, out)); !st)
            return st;
        const float* x = tensorAt(rc, in).as<float>();
        const float* wd = tensorAt(rc, w).as<float>();
        float* y = tensorAt(rc, out).as<float>();
        const std::int64_t n = tensorAt(rc, out).count();
        std::fill(y, y + n, 0.0f);
        scatter(g, [&](std::int64_t o, std::int64_t i, std::int64_t wo) {
            float s = 0;
            for (int c = 0; c < g.inC; ++c)
                s += x[i + c] * wd[wo + c];
            y[o] += s;
        });
        const float* b = bias >= 0 ? tensorAt(rc, bias).as<float>() : nullptr;
        for (std::int64_t k = 0; k < n; ++k)
            y[k] = std::clamp(y[k] + (b ? b[k % g.outC] : 0.0f), range.min, range.max);
        return {};
    });
}

// TW: int8 weights (zero point 0, per tensor or per channel) or uint8 ones (per tensor, any zero
// point: the uint8 kernel subtracts it).
template <class TIn, class TAcc, class TBias, class TW = std::int8_t>
Prepared prepareInteger(NodeContext& ctx, const TGeometry& g, tflite::ActivationFunctionType act)
{
    const RtTensor& w = ctx.in(1);
    const RtTensor& x = ctx.in(2);
    const RtTensor& y = ctx.out(0);
    const auto& wq = w.quantization();
    if (auto st = checkWeightScales(ctx, w, g.outC); !st)
        return st.error();
    const Rounding rounding = sizeof(TIn) == 2 ? Rounding::Reference : ctx.requantRounding();
    auto req =
        makeRequantizer(x.scale(), wq.scale, y.scale(), y.zeroPoint(), activationRange(act, y, rounding), rounding);
    const std::int32_t zpX = x.zeroPoint();
    const std::int32_t zpW = w.zeroPoint();
    if (auto st = checkWeightZeroPoint<TW>(ctx, zpW); !st)
        return st.error();
    if (auto st = checkAccumulator(ctx, static_cast<std::int64_t>(g.kH) * g.kW * g.inC * g.inH); !st)
        return st.error();
    const int shapeIdx = ctx.inputIndex(0), wIdx = ctx.inputIndex(1), in = ctx.inputIndex(2), out = ctx.outputIndex(0);
    const int bias = ctx.hasInput(3) ? ctx.inputIndex(3) : -1;
    auto scratch = std::make_shared<std::vector<TAcc>>(static_cast<std::size_t>(y.count()));
    return makeKernel([=, req = std::move(req)](const RunContext& rc) -> Status {
        if (auto st = checkOutputShape(tensorAt(rc, shapeIdx), tensorAt(rc, out)); !st)
            return st;
        const TIn* xd = tensorAt(rc, in).as<TIn>();
        const TW* wd = tensorAt(rc, wIdx).as<TW>();
        TIn* yd = tensorAt(rc, out).as<TIn>();
        TAcc* acc = scratch->data();
        const std::int64_t n = tensorAt(rc, out).count();
        std::fill(acc, acc + n, 0);
        scatter(g, [&](std::int64_t o, std::int64_t i, std::int64_t wo) {
            TAcc s = 0;
            for (int c = 0; c < g.inC; ++c)
                s += (static_cast<TAcc>(xd[i + c]) - zpX) * (static_cast<TAcc>(wd[wo + c]) - zpW);
            acc[o] += s;
        });
        const TBias* b = bias >= 0 ? tensorAt(rc, bias).as<TBias>() : nullptr;
        for (std::int64_t k = 0; k < n; ++k) {
            const auto c = static_cast<std::size_t>(k % g.outC);
            const TAcc a = acc[k] + (b ? clampBias<TAcc>(static_cast<TAcc>(b[c])) : 0);
            std::int32_t q;
            // 16x8 with an int32 bias: LiteRT's int32 accumulator (wrapping), its 32-bit multiplier.
            if constexpr (sizeof(TIn) == 2 && std::is_same_v<TBias, std::int32_t>)
                q = req.apply(static_cast<std::int32_t>(a), c);
            else
                q = req.apply(a, c);
            yd[k] = static_cast<TIn>(q);
        }
        return {};
    });
}

// Float activations, int8 weights. LiteRT hands it to XNNPACK as a dynamically quantized (qd8)
// deconvolution: each image quantized asymmetrically, the integer scatter, then the two scales in turn
// and the bias. TFLite's own kernel quantizes each image asymmetrically too (its own rounding) and reads
// one weight scale per output channel.
Prepared prepareHybrid(NodeContext& ctx, const TGeometry& g, tflite::ActivationFunctionType act)
{
    const RtTensor& w = ctx.in(1);
    if (!w.constant)
        return ctx.fail("int8 weights must be constants");
    const auto& wq = w.quantization();
    if (auto st = checkWeightScales(ctx, w, g.outC); !st)
        return st.error();
    // Every output sums at most kH * kW * inC products of 8-bit codes (255 * 127 each) in int32.
    if (static_cast<std::int64_t>(g.kH) * g.kW * g.inC > (std::int64_t{1} << 31) / (255 * 127))
        return ctx.fail("sums of " + std::to_string(static_cast<std::int64_t>(g.kH) * g.kW * g.inC) +
            " products could overflow the 32-bit accumulator");
    const bool xnn = ctx.xnnpackRuns();
    if (!xnn && wq.scale.size() == 1 && g.outC > 1)
        return ctx.fail("has per-tensor int8 weights; TFLite's hybrid TRANSPOSE_CONV kernel (used where XNNPACK does "
                        "not take the node) reads one scale per output channel and would read past the single one");
    std::vector<float> scales(wq.scale.begin(), wq.scale.end());
    const FloatRange range = floatActivationRange(act);
    const int shapeIdx = ctx.inputIndex(0), wIdx = ctx.inputIndex(1), in = ctx.inputIndex(2), out = ctx.outputIndex(0);
    const int bias = ctx.hasInput(3) ? ctx.inputIndex(3) : -1;
    const std::int64_t imageSize = static_cast<std::int64_t>(g.inH) * g.inW * g.inC;
    const std::int64_t pixels = static_cast<std::int64_t>(g.outH) * g.outW;
    auto qInput = std::make_shared<std::vector<std::int8_t>>(static_cast<std::size_t>(imageSize * g.batch));
    auto acc = std::make_shared<std::vector<std::int32_t>>(static_cast<std::size_t>(pixels * g.outC * g.batch));
    auto rows = std::make_shared<std::vector<RowQuantization>>(static_cast<std::size_t>(g.batch));
    const std::vector<std::int32_t> noRowSums(static_cast<std::size_t>(g.outC), 0);
    return makeKernel([=](const RunContext& rc) -> Status {
        if (auto st = checkOutputShape(tensorAt(rc, shapeIdx), tensorAt(rc, out)); !st)
            return st;
        const float* x = tensorAt(rc, in).as<float>();
        const std::int8_t* wd = tensorAt(rc, wIdx).as<std::int8_t>();
        float* y = tensorAt(rc, out).as<float>();
        const float* b = bias >= 0 ? tensorAt(rc, bias).as<float>() : nullptr;
        std::int8_t* q = qInput->data();
        for (int n = 0; n < g.batch && imageSize > 0; ++n)
            (*rows)[static_cast<std::size_t>(n)] = xnn ? quantizeQd8(x + n * imageSize, imageSize, q + n * imageSize)
                                                       : quantizeAsymmetric(x + n * imageSize, imageSize, q + n * imageSize);
        std::int32_t* a = acc->data();
        std::fill(a, a + acc->size(), 0);
        // Products with the input's zero point taken off: taps outside the input add nothing.
        if (imageSize > 0)
            scatter(g, [&](std::int64_t o, std::int64_t i, std::int64_t wo) {
                const std::int32_t zp = (*rows)[static_cast<std::size_t>(i / imageSize)].offset;
                std::int32_t s = 0;
                for (int c = 0; c < g.inC; ++c)
                    s += (static_cast<std::int32_t>(q[i + c]) - zp) * wd[wo + c];
                a[o] += s;
            });
        for (int n = 0; n < g.batch; ++n) {
            RowQuantization rq = (*rows)[static_cast<std::size_t>(n)];
            rq.offset = 0; // already taken off
            dequantizeHybridRows(a + n * pixels * g.outC, pixels, g.outC, &rq, 0, noRowSums.data(), scales, b, xnn,
                range, y + n * pixels * g.outC);
        }
        return {};
    });
}

} // namespace

Prepared prepareTransposeConv(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(3, 4, 1); !st)
        return st.error();
    const auto* o = ctx.op.options.AsTransposeConvOptions();
    if (!o)
        return ctx.fail("has no TransposeConvOptions");
    const RtTensor* sv = ctx.valueOf(0);
    if (!sv)
        return ctx.deferred();
    const RtTensor& s = *sv;
    const RtTensor& w = ctx.in(1);
    const RtTensor& x = ctx.in(2);
    const RtTensor& y = ctx.out(0);
    if (s.dtype != DType::Int32 || s.count() != 4)
        return ctx.fail("the output shape must be an int32 vector of 4 values");
    if (x.rank() != 4 || w.rank() != 4)
        return ctx.fail("input and filter must have rank 4");
    if (o->stride_h < 1 || o->stride_w < 1)
        return ctx.fail("strides must be at least 1");
    if (auto st = ctx.setOutputShape(0, {s.as<std::int32_t>()[0], s.as<std::int32_t>()[1], s.as<std::int32_t>()[2],
                                            s.as<std::int32_t>()[3]});
        !st)
        return st.error();
    TGeometry g{x.dim(0), x.dim(1), x.dim(2), x.dim(3), y.dim(1), y.dim(2), y.dim(3), w.dim(1), w.dim(2), o->stride_h,
        o->stride_w, 0, 0};
    if (w.dim(0) != g.outC || w.dim(3) != g.inC || y.dim(0) != g.batch)
        return ctx.fail("filter " + shapeText(w.shape) + " does not fit input " + shapeText(x.shape) + " and output " +
            shapeText(y.shape));
    // Padding as for a convolution from the output back to the input.
    const int convH = convOutputSize(o->padding, g.outH, g.kH, g.strideH, 1);
    const int convW = convOutputSize(o->padding, g.outW, g.kW, g.strideW, 1);
    g.padTop = o->padding == tflite::Padding::SAME ? convPaddingBefore(g.outH, g.kH, g.strideH, 1, convH) : 0;
    g.padLeft = o->padding == tflite::Padding::SAME ? convPaddingBefore(g.outW, g.kW, g.strideW, 1, convW) : 0;
    if (ctx.hasInput(3) && ctx.in(3).count() != g.outC)
        return ctx.fail(
            "bias has " + std::to_string(ctx.in(3).count()) + " values for " + std::to_string(g.outC) + " channels");
    const auto act = o->fused_activation_function;
    if (!isClampActivation(act))
        return ctx.fail(
            "fused activation " + std::string(tflite::EnumNameActivationFunctionType(act)) + " is not supported");
    if (x.dtype == DType::Float32 && w.dtype == DType::Float32 && y.dtype == DType::Float32)
        return prepareFloat(ctx, g, floatActivationRange(act));
    if (x.dtype == DType::Float32 && w.dtype == DType::Int8 && y.dtype == DType::Float32 &&
        (!ctx.hasInput(3) || ctx.in(3).dtype == DType::Float32))
        return prepareHybrid(ctx, g, act);
    const DType bt = ctx.hasInput(3) ? ctx.in(3).dtype : x.dtype == DType::Int16 ? DType::Int64 : DType::Int32;
    if (x.dtype == DType::UInt8 && w.dtype == DType::UInt8 && y.dtype == DType::UInt8 && bt == DType::Int32)
        return prepareInteger<std::uint8_t, std::int32_t, std::int32_t, std::uint8_t>(ctx, g, act);
    if (w.dtype != DType::Int8)
        return ctx.unsupported();
    if (x.dtype == DType::Int8 && y.dtype == DType::Int8 && bt == DType::Int32)
        return prepareInteger<std::int8_t, std::int32_t, std::int32_t>(ctx, g, act);
    if (x.dtype == DType::Int16 && ctx.hasInput(3))
        if (auto st = checkDeclaredBiasType(ctx, o->quantized_bias_type, bt); !st)
            return st.error();
    if (x.dtype == DType::Int16 && y.dtype == DType::Int16 && bt == DType::Int32)
        return prepareInteger<std::int16_t, std::int64_t, std::int32_t>(ctx, g, act);
    if (x.dtype == DType::Int16 && y.dtype == DType::Int16 && bt == DType::Int64)
        return prepareInteger<std::int16_t, std::int64_t, std::int64_t>(ctx, g, act);
    return ctx.unsupported();
}

} // namespace ql::exec
