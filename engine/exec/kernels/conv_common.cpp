// SPDX-License-Identifier: MIT
#include "exec/kernels/conv_common.h"

#include "exec/kernels/hybrid.h"
#include "exec/kernels/igemm.h"

namespace ql::exec {

Result<ConvGeometry> convGeometry(NodeContext& ctx, tflite::Padding padding, int strideH, int strideW, int dilH,
    int dilW, bool depthwise, int depthMultiplier)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& w = ctx.in(1);
    if (x.rank() != 4 || w.rank() != 4)
        return ctx.fail("input and filter must have rank 4, got " + shapeText(x.shape) + " and " + shapeText(w.shape));
    if (strideH < 1 || strideW < 1 || dilH < 1 || dilW < 1)
        return ctx.fail("strides and dilations must be at least 1");
    ConvGeometry g;
    g.batch = x.dim(0);
    g.inH = x.dim(1);
    g.inW = x.dim(2);
    g.inC = x.dim(3);
    g.kH = w.dim(1);
    g.kW = w.dim(2);
    g.strideH = strideH;
    g.strideW = strideW;
    g.dilH = dilH;
    g.dilW = dilW;
    if (depthwise) {
        if (w.dim(0) != 1)
            return ctx.fail("depthwise filter of shape " + shapeText(w.shape) + " must start with 1");
        g.outC = w.dim(3);
        if (g.inC <= 0 || g.outC % g.inC != 0)
            return ctx.fail("depthwise filter has " + std::to_string(g.outC) + " channels for " +
                std::to_string(g.inC) + " input channels");
        g.depthMultiplier = g.outC / g.inC;
        if (depthMultiplier > 0 && depthMultiplier != g.depthMultiplier && depthMultiplier != 1)
            return ctx.fail("depth multiplier " + std::to_string(depthMultiplier) + " does not match the filter");
    } else {
        g.outC = w.dim(0);
        // A filter with a divisor of the input's channels convolves groups of them (LiteRT's rule);
        // each group of output channels reads one group of input channels.
        if (w.dim(3) <= 0 || g.inC < w.dim(3) || g.inC % w.dim(3) != 0 || g.outC % (g.inC / w.dim(3)) != 0)
            return ctx.fail("filter of shape " + shapeText(w.shape) + " expects " + std::to_string(w.dim(3)) +
                " input channels, the input has " + std::to_string(g.inC) +
                " (a grouped convolution needs a divisor of the input channels that also divides the output channels)");
        g.groups = g.inC / w.dim(3);
    }
    g.outChannels = g.outC;
    if (g.kH <= 0 || g.kW <= 0)
        return ctx.fail("filter of shape " + shapeText(w.shape) + " is empty");
    g.outH = convOutputSize(padding, g.inH, g.kH, strideH, dilH);
    g.outW = convOutputSize(padding, g.inW, g.kW, strideW, dilW);
    if (g.outH <= 0 || g.outW <= 0)
        return ctx.fail("the filter " + shapeText(w.shape) + " does not fit the input " + shapeText(x.shape));
    if (auto st = ctx.setOutputShape(0, {g.batch, g.outH, g.outW, g.outC}); !st)
        return st.error();
    g.padTop = padding == tflite::Padding::SAME ? convPaddingBefore(g.inH, g.kH, strideH, dilH, g.outH) : 0;
    g.padLeft = padding == tflite::Padding::SAME ? convPaddingBefore(g.inW, g.kW, strideW, dilW, g.outW) : 0;
    if (ctx.hasInput(2) && ctx.in(2).count() != g.outC)
        return ctx.fail("bias has " + std::to_string(ctx.in(2).count()) + " values for " + std::to_string(g.outC) +
            " output channels");
    return g;
}

Prepared prepareHybridConv(NodeContext& ctx, const ConvGeometry& g, tflite::ActivationFunctionType act)
{
    const RtTensor& w = ctx.in(1);
    if (!w.constant)
        return ctx.fail("int8 weights must be constants");
    const auto& wq = w.quantization();
    if (auto st = checkWeightScales(ctx, w, g.outC); !st)
        return st.error();
    // TFLite: per-channel weights quantize the input asymmetrically, per-tensor weights symmetrically,
    // one scale per batch element. XNNPACK (LiteRT): qd8 per image, or per pixel for a 1x1 stride-1
    // unpadded convolution, which it runs as a fully connected layer.
    const bool asymmetric = wq.scale.size() > 1;
    // An operator XNNPACK refuses (e.g. weights with a zero-scale channel) runs on TFLite's kernel.
    const bool xnn = ctx.xnnpackRuns();
    const bool perPixel = xnn && g.isPointwise() && g.inC + g.outC > 2;
    const std::int64_t k = g.patchSize();
    const std::int8_t* wd = w.as<std::int8_t>();
    std::vector<std::int32_t> rowSums(static_cast<std::size_t>(g.outC), 0);
    for (int c = 0; c < g.outC; ++c)
        for (std::int64_t i = 0; i < k; ++i)
            rowSums[static_cast<std::size_t>(c)] += wd[c * k + i];
    std::vector<float> scales(wq.scale.begin(), wq.scale.end());
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    const int bias = ctx.hasInput(2) ? ctx.inputIndex(2) : -1;
    const FloatRange range = floatActivationRange(act);
    const std::int64_t imageSize = static_cast<std::int64_t>(g.inH) * g.inW * g.inC;
    const std::int64_t pixels = static_cast<std::int64_t>(g.outH) * g.outW;
    // The integer products come from the integer GEMM, a block of output pixels at a time.
    auto packed = std::make_shared<const PackedInt16Weights>(wd, g.outC, static_cast<int>(k), 0);
    const int KP = packed->paddedK();
    constexpr std::int64_t kBlock = 64;
    auto qInput = std::make_shared<std::vector<std::int8_t>>(static_cast<std::size_t>(imageSize));
    auto patches = std::make_shared<std::vector<std::int8_t>>(static_cast<std::size_t>(pixels * k));
    auto a = std::make_shared<std::vector<std::int16_t>>(static_cast<std::size_t>(kBlock * KP));
    auto acc = std::make_shared<std::vector<std::int32_t>>(static_cast<std::size_t>(kBlock * g.outC));
    auto rows = std::make_shared<std::vector<RowQuantization>>(static_cast<std::size_t>(kBlock));
    ConvGeometry one = g;
    one.batch = 1;
    return makeKernel([=](const RunContext& rc) {
        const float* x = tensorAt(rc, in).as<float>();
        float* y = tensorAt(rc, out).as<float>();
        const float* b = bias >= 0 ? tensorAt(rc, bias).as<float>() : nullptr;
        for (int n = 0; n < g.batch; ++n) {
            const float* image = x + n * imageSize;
            float* yImage = y + n * pixels * g.outC;
            if (perPixel) {
                std::int8_t* q = qInput->data();
                for (std::int64_t p0 = 0; p0 < pixels; p0 += kBlock) {
                    const std::int64_t count = std::min(kBlock, pixels - p0);
                    for (std::int64_t p = 0; p < count; ++p)
                        (*rows)[static_cast<std::size_t>(p)] =
                            quantizeQd8(image + (p0 + p) * g.inC, g.inC, q + (p0 + p) * g.inC);
                    widenRows(q + p0 * g.inC, count, static_cast<int>(k), k, a->data(), KP);
                    packed->multiply(a->data(), count, KP, acc->data(), g.outC);
                    dequantizeHybridRows(acc->data(), count, g.outC, rows->data(), 1, rowSums.data(), scales, b, xnn,
                        range, yImage + p0 * g.outC);
                }
                continue;
            }
            const RowQuantization rq = xnn ? quantizeQd8(image, imageSize, qInput->data())
                : asymmetric               ? quantizeAsymmetric(image, imageSize, qInput->data())
                                           : quantizeSymmetric(image, imageSize, qInput->data());
            im2col<std::int8_t>(qInput->data(), one, static_cast<std::int8_t>(rq.offset), patches->data());
            for (std::int64_t p0 = 0; p0 < pixels; p0 += kBlock) {
                const std::int64_t count = std::min(kBlock, pixels - p0);
                widenRows(patches->data() + p0 * k, count, static_cast<int>(k), k, a->data(), KP);
                packed->multiply(a->data(), count, KP, acc->data(), g.outC);
                dequantizeHybridRows(
                    acc->data(), count, g.outC, &rq, 0, rowSums.data(), scales, b, xnn, range, yImage + p0 * g.outC);
            }
        }
    });
}

} // namespace ql::exec
