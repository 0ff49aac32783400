// SPDX-License-Identifier: MIT
// MediaPipe's MaxPoolingWithArgmax2D and MaxUnpooling2D (encoder-decoder segmentation models).
// Options are a raw C struct of 8 int32: padding, stride w/h, filter w/h, activation, 2 unused.
// The argmax index is local to the pooling window and stored in a FLOAT32 tensor. LiteRT runs both
// through XNNPACK, which numbers window positions column-major, lets padded positions repeat the
// nearest edge pixel, and stores the index as raw uint32 bits (xnnpack rounding). MediaPipe's own
// kernels number them row-major and store the float value index + 0.1 (reference rounding).
#include "exec/custom/custom_ops.h"

#include "exec/custom/options.h"
#include "exec/kernels/common.h"

#include <cfloat>
#include <cstring>

namespace ql::exec {

namespace {

using model::DType;

struct PoolOptions {
    tflite::Padding padding = tflite::Padding::VALID;
    int strideW = 0, strideH = 0, filterW = 0, filterH = 0, activation = 0;
};

Result<PoolOptions> readPoolOptions(NodeContext& ctx)
{
    const auto& b = ctx.op.customOptions;
    PoolOptions o;
    const auto pad = rawInt32(b, 0), sw = rawInt32(b, 1), sh = rawInt32(b, 2), fw = rawInt32(b, 3), fh = rawInt32(b, 4);
    if (!pad || !sw || !sh || !fw || !fh)
        return ctx.fail("options must hold padding, strides and filter size (" + std::to_string(b.size()) + " bytes)");
    if (*pad != 1 && *pad != 2)
        return ctx.fail("padding must be SAME (1) or VALID (2), got " + std::to_string(*pad));
    o.padding = *pad == 1 ? tflite::Padding::SAME : tflite::Padding::VALID;
    o.strideW = *sw;
    o.strideH = *sh;
    o.filterW = *fw;
    o.filterH = *fh;
    o.activation = rawInt32(b, 5).value_or(0);
    if (o.strideW < 1 || o.strideH < 1 || o.filterW < 1 || o.filterH < 1)
        return ctx.fail("strides and filter sizes must be at least 1");
    // XNNPACK (LiteRT) takes only windows that tile the input; other activations than the relu
    // family (which it ignores) are refused.
    if (ctx.rounding == Rounding::Xnnpack) {
        if (o.filterW != o.strideW || o.filterH != o.strideH)
            return ctx.fail("LiteRT runs this operator only with the filter equal to the stride");
        if (o.activation < 0 || o.activation > 3)
            return ctx.fail("fused activation " + std::to_string(o.activation) + " is not supported");
    }
    return o;
}

std::uint32_t bitsOf(float f)
{
    std::uint32_t u;
    std::memcpy(&u, &f, 4);
    return u;
}

float floatOf(std::uint32_t u)
{
    float f;
    std::memcpy(&f, &u, 4);
    return f;
}

} // namespace

Prepared prepareMaxPoolingWithArgmax(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 2); !st)
        return st.error();
    auto opt = readPoolOptions(ctx);
    if (!opt)
        return opt.error();
    const PoolOptions o = *opt;
    const RtTensor& x = ctx.in(0);
    if (x.dtype != DType::Float32 || ctx.out(0).dtype != DType::Float32 || ctx.out(1).dtype != DType::Float32)
        return ctx.fail("input and both outputs must be float32 (" + ctx.dtypes() + ")");
    if (x.rank() != 4)
        return ctx.fail("input must have rank 4, got " + shapeText(x.shape));
    const int N = x.dim(0), H = x.dim(1), W = x.dim(2), C = x.dim(3);
    const int OH = convOutputSize(o.padding, H, o.filterH, o.strideH, 1);
    const int OW = convOutputSize(o.padding, W, o.filterW, o.strideW, 1);
    if (OH <= 0 || OW <= 0)
        return ctx.fail("the window does not fit the input " + shapeText(x.shape));
    for (int i = 0; i < 2; ++i)
        if (auto st = ctx.setOutputShape(i, {N, OH, OW, C}); !st)
            return st.error();
    const int padT = o.padding == tflite::Padding::SAME ? convPaddingBefore(H, o.filterH, o.strideH, 1, OH) : 0;
    const int padL = o.padding == tflite::Padding::SAME ? convPaddingBefore(W, o.filterW, o.strideW, 1, OW) : 0;
    const bool xnn = ctx.rounding == Rounding::Xnnpack;
    const int in = ctx.inputIndex(0), vo = ctx.outputIndex(0), io = ctx.outputIndex(1);
    return makeKernel([=](const RunContext& rc) {
        const float* xi = tensorAt(rc, in).as<float>();
        float* val = tensorAt(rc, vo).as<float>();
        float* idx = tensorAt(rc, io).as<float>();
        auto at = [&](int n, int yy, int xx, int c) {
            return xi[((static_cast<std::int64_t>(n) * H + yy) * W + xx) * C + c];
        };
        for (int n = 0; n < N; ++n)
            for (int oy = 0; oy < OH; ++oy)
                for (int ox = 0; ox < OW; ++ox)
                    for (int c = 0; c < C; ++c) {
                        const int y0 = oy * o.strideH - padT, x0 = ox * o.strideW - padL;
                        float best;
                        std::uint32_t where = 0;
                        if (xnn) {
                            // Column-major over the window, edge pixels repeated into the padding.
                            best = 0;
                            for (int px = 0; px < o.filterW; ++px)
                                for (int py = 0; py < o.filterH; ++py) {
                                    const float v = at(n, std::clamp(y0 + py, 0, H - 1), std::clamp(x0 + px, 0, W - 1), c);
                                    const auto j = static_cast<std::uint32_t>(px * o.filterH + py);
                                    if (j == 0 || v > best) {
                                        best = v;
                                        where = j;
                                    }
                                }
                        } else {
                            // Row-major over the positions inside the image.
                            best = -FLT_MAX;
                            for (int fy = 0; fy < o.filterH; ++fy)
                                for (int fx = 0; fx < o.filterW; ++fx) {
                                    const int yy = y0 + fy, xx = x0 + fx;
                                    if (yy < 0 || yy >= H || xx < 0 || xx >= W)
                                        continue;
                                    const float v = at(n, yy, xx, c);
                                    if (v > best) {
                                        best = v;
                                        where = static_cast<std::uint32_t>(fy * o.filterW + fx);
                                    }
                                }
                            if (o.activation == 1)
                                best = std::max(best, 0.0f);
                            else if (o.activation == 2)
                                best = std::clamp(best, -1.0f, 1.0f);
                            else if (o.activation == 3)
                                best = std::clamp(best, 0.0f, 6.0f);
                        }
                        const std::int64_t k = ((static_cast<std::int64_t>(n) * OH + oy) * OW + ox) * C + c;
                        val[k] = best;
                        idx[k] = xnn ? floatOf(where) : static_cast<float>(where) + 0.1f;
                    }
    });
}

Prepared prepareMaxUnpooling(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    auto opt = readPoolOptions(ctx);
    if (!opt)
        return opt.error();
    const PoolOptions o = *opt;
    const RtTensor& x = ctx.in(0);
    const RtTensor& ix = ctx.in(1);
    if (x.dtype != DType::Float32 || ix.dtype != DType::Float32 || ctx.out(0).dtype != DType::Float32)
        return ctx.fail("values, indices and output must be float32 (" + ctx.dtypes() + ")");
    if (x.rank() != 4 || ix.shape != x.shape)
        return ctx.fail("values and indices must have one 4-D shape, got " + shapeText(x.shape) + " and " +
            shapeText(ix.shape));
    const int N = x.dim(0), H = x.dim(1), W = x.dim(2), C = x.dim(3);
    const int OH = H * o.filterH, OW = W * o.filterW;
    if (auto st = ctx.setOutputShape(0, {N, OH, OW, C}); !st)
        return st.error();
    // MediaPipe pads back as the pooling did; with the stride no larger than the filter it is 0.
    const int padT = std::max(0, ((H - 1) * o.strideH + o.filterH - OH) / 2);
    const int padL = std::max(0, ((W - 1) * o.strideW + o.filterW - OW) / 2);
    const bool xnn = ctx.rounding == Rounding::Xnnpack;
    const int vi = ctx.inputIndex(0), ii = ctx.inputIndex(1), out = ctx.outputIndex(0);
    const int window = o.filterH * o.filterW;
    return makeKernel([=](const RunContext& rc) -> Status {
        const float* v = tensorAt(rc, vi).as<float>();
        const float* id = tensorAt(rc, ii).as<float>();
        float* y = tensorAt(rc, out).as<float>();
        std::fill(y, y + tensorAt(rc, out).count(), 0.0f);
        for (int n = 0; n < N; ++n)
            for (int yy = 0; yy < H; ++yy)
                for (int xx = 0; xx < W; ++xx)
                    for (int c = 0; c < C; ++c) {
                        const std::int64_t k = ((static_cast<std::int64_t>(n) * H + yy) * W + xx) * C + c;
                        int oy, ox;
                        if (xnn) {
                            // Raw uint32 bits, column-major; out-of-range indices are dropped.
                            const std::uint32_t j = bitsOf(id[k]);
                            if (j >= static_cast<std::uint32_t>(window))
                                continue;
                            oy = yy * o.filterH + static_cast<int>(j % static_cast<std::uint32_t>(o.filterH));
                            ox = xx * o.filterW + static_cast<int>(j / static_cast<std::uint32_t>(o.filterH));
                        } else {
                            // The float index truncated; row-major within the window.
                            if (!(id[k] >= 0.0f && id[k] < static_cast<float>(window)))
                                return Error{"index " + std::to_string(id[k]) + " is outside the pooling window"};
                            const int j = static_cast<int>(id[k]);
                            oy = yy * o.strideH - padT + j / o.filterW;
                            ox = xx * o.strideW - padL + j % o.filterW;
                            if (oy < 0 || oy >= OH || ox < 0 || ox >= OW)
                                return Error{"index " + std::to_string(j) + " points outside the output"};
                        }
                        y[((static_cast<std::int64_t>(n) * OH + oy) * OW + ox) * C + c] = v[k];
                    }
        return {};
    });
}

} // namespace ql::exec
