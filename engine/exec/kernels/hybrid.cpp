// SPDX-License-Identifier: MIT
#include "exec/kernels/hybrid.h"

#include "exec/kernels/igemm.h"

#include <algorithm>
#include <cmath>

namespace ql::exec {

RowQuantization quantizeSymmetric(const float* x, std::int64_t n, std::int8_t* q)
{
    float lo = 0, hi = 0;
    for (std::int64_t i = 0; i < n; ++i) {
        lo = std::min(lo, x[i]);
        hi = std::max(hi, x[i]);
    }
    const float range = std::max(std::abs(lo), std::abs(hi));
    if (range == 0) {
        std::fill(q, q + n, 0);
        return {1.0f, 0};
    }
    const float inv = 127.0f / range;
    for (std::int64_t i = 0; i < n; ++i)
        q[i] = static_cast<std::int8_t>(std::clamp(roundToInt32((x[i] * inv)), -127, 127));
    return {range / 127.0f, 0};
}

RowQuantization quantizeAsymmetric(const float* x, std::int64_t n, std::int8_t* q)
{
    float lo = 0, hi = 0;
    for (std::int64_t i = 0; i < n; ++i) {
        lo = std::min(lo, x[i]);
        hi = std::max(hi, x[i]);
    }
    if (lo == hi) {
        std::fill(q, q + n, 0);
        return {1.0f, 0};
    }
    const double qmin = -128, qmax = 127;
    const double scale = (static_cast<double>(hi) - lo) / (qmax - qmin);
    const double fromMin = qmin - lo / scale;
    const double fromMax = qmax - hi / scale;
    const double errMin = qmin + std::abs(lo / scale);
    const double errMax = qmax + std::abs(hi / scale);
    const double zp = errMin < errMax ? fromMin : fromMax;
    std::int32_t nudged;
    if (zp <= qmin)
        nudged = -128;
    else if (zp >= qmax)
        nudged = 127;
    else
        nudged = roundToInt32((zp));
    const auto fscale = static_cast<float>(scale);
    const float inv = 1.0f / fscale;
    for (std::int64_t i = 0; i < n; ++i)
        q[i] = static_cast<std::int8_t>(std::clamp(roundToInt32((static_cast<float>(nudged) + x[i] * inv)), -128, 127));
    return {fscale, nudged};
}

RowQuantization quantizeQd8(const float* x, std::int64_t n, std::int8_t* q)
{
    float lo = 0, hi = 0;
    for (std::int64_t i = 0; i < n; ++i) {
        lo = std::min(lo, x[i]);
        hi = std::max(hi, x[i]);
    }
    float inv = 1.0f;
    std::int32_t zp = 0;
    if (lo != hi) {
        inv = 255.0f / (hi - lo);
        const float a = lo * inv;
        const float b = hi * inv;
        const float zf = ((-128.0f + a) + (127.0f + b)) > 0 ? -128.0f - a : 127.0f - b;
        zp = roundHalfEven(std::clamp(zf, -128.0f, 127.0f));
    }
    for (std::int64_t i = 0; i < n; ++i)
        q[i] = static_cast<std::int8_t>(std::clamp(roundHalfEven(x[i] * inv) + zp, -128, 127));
    return {1.0f / inv, zp};
}

void dequantizeHybridRows(const std::int32_t* acc, std::int64_t rows, int channels, const RowQuantization* rq,
    std::int64_t rqStep, const std::int32_t* rowSums, const std::vector<float>& scales, const float* bias,
    bool xnnpackOrder, FloatRange range, float* y)
{
    for (std::int64_t r = 0; r < rows; ++r) {
        const RowQuantization& q = rq[r * rqStep];
        for (int c = 0; c < channels; ++c) {
            const std::int32_t v = acc[r * channels + c] - q.offset * rowSums[c];
            const float ws = scales[scales.size() == 1 ? 0 : static_cast<std::size_t>(c)];
            const float scaled =
                xnnpackOrder ? static_cast<float>(v) * q.scale * ws : static_cast<float>(v) * (q.scale * ws);
            y[r * channels + c] = std::clamp(scaled + (bias ? bias[c] : 0.0f), range.min, range.max);
        }
    }
}

Prepared prepareHybridFullyConnected(
    NodeContext& ctx, int batch, int depth, int units, tflite::ActivationFunctionType act, bool asymmetricInputs)
{
    const RtTensor& w = ctx.in(1);
    if (!w.constant)
        return ctx.fail("int8 weights must be constants");
    const auto& wq = w.quantization();
    if (auto st = checkWeightScales(ctx, w, units); !st)
        return st.error();
    if (!wq.zeroPoint.empty() && std::any_of(wq.zeroPoint.begin(), wq.zeroPoint.end(), [](auto z) { return z != 0; }))
        return ctx.fail("hybrid weights must be symmetric (zero point 0)");
    std::vector<std::int32_t> rowSums(static_cast<std::size_t>(units), 0);
    const std::int8_t* wd = w.as<std::int8_t>();
    for (int u = 0; u < units; ++u)
        for (int k = 0; k < depth; ++k)
            rowSums[static_cast<std::size_t>(u)] += wd[static_cast<std::size_t>(u) * depth + k];
    std::vector<float> scales(wq.scale.begin(), wq.scale.end());
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    const int bias = ctx.hasInput(2) ? ctx.inputIndex(2) : -1;
    const FloatRange range = floatActivationRange(act);
    // Rows are quantized one by one (each its own scale and offset), multiplied a block at a time by
    // the integer GEMM.
    auto packed = std::make_shared<const PackedInt16Weights>(wd, units, depth, 0);
    const int KP = packed->paddedK();
    constexpr int kBlock = 32;
    auto q = std::make_shared<std::vector<std::int8_t>>(static_cast<std::size_t>(kBlock) * depth);
    auto a = std::make_shared<std::vector<std::int16_t>>(static_cast<std::size_t>(kBlock) * KP);
    auto acc = std::make_shared<std::vector<std::int32_t>>(static_cast<std::size_t>(kBlock) * units);
    // LiteRT hands hybrid FC to XNNPACK: qd8 per batch row, asymmetric_quantize_inputs ignored.
    const bool xnn = ctx.xnnpackRuns();
    return makeKernel([=](const RunContext& rc) {
        const float* x = tensorAt(rc, in).as<float>();
        float* y = tensorAt(rc, out).as<float>();
        const float* b = bias >= 0 ? tensorAt(rc, bias).as<float>() : nullptr;
        RowQuantization rq[kBlock];
        for (int r0 = 0; r0 < batch; r0 += kBlock) {
            const int rows = std::min(kBlock, batch - r0);
            for (int r = 0; r < rows; ++r) {
                const float* row = x + static_cast<std::size_t>(r0 + r) * depth;
                std::int8_t* qr = q->data() + static_cast<std::size_t>(r) * depth;
                rq[r] = xnn            ? quantizeQd8(row, depth, qr)
                    : asymmetricInputs ? quantizeAsymmetric(row, depth, qr)
                                       : quantizeSymmetric(row, depth, qr);
            }
            widenRows(q->data(), rows, depth, depth, a->data(), KP);
            packed->multiply(a->data(), rows, KP, acc->data(), units);
            dequantizeHybridRows(acc->data(), rows, units, rq, 1, rowSums.data(), scales, b, xnn, range,
                y + static_cast<std::size_t>(r0) * units);
        }
    });
}

} // namespace ql::exec
