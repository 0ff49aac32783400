// SPDX-License-Identifier: MIT
// MediaPipe's Convolution2DTransposeBias: a transposed convolution with the bias as a third input
// (options: a raw C struct of 3 int32: padding, stride w, stride h). Weights are [O, KH, KW, I].
// LiteRT runs it through XNNPACK's deconvolution, which needs constant weights and bias and, with
// SAME padding, a kernel at least as large as the stride.
#include "exec/custom/custom_ops.h"

#include "exec/custom/options.h"
#include "exec/kernels/common.h"

namespace ql::exec {

Prepared prepareTransposeConvBias(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(3, 3, 1); !st)
        return st.error();
    const auto& b = ctx.op.customOptions;
    const auto pad = rawInt32(b, 0), sw = rawInt32(b, 1), sh = rawInt32(b, 2);
    if (!pad || !sw || !sh)
        return ctx.fail("options must hold the padding and both strides (" + std::to_string(b.size()) + " bytes)");
    if (*sw < 1 || *sh < 1)
        return ctx.fail("strides must be at least 1");
    // XNNPACK (LiteRT) takes SAME (1) and VALID (2) only; MediaPipe's kernel treats the rest as VALID.
    if (ctx.rounding == Rounding::Xnnpack && *pad != 1 && *pad != 2)
        return ctx.fail("padding must be SAME (1) or VALID (2), got " + std::to_string(*pad));
    const bool same = *pad == 1;
    const RtTensor& x = ctx.in(0);
    const RtTensor& w = ctx.in(1);
    const RtTensor& bias = ctx.in(2);
    if (x.dtype != model::DType::Float32 || w.dtype != model::DType::Float32 || bias.dtype != model::DType::Float32 ||
        ctx.out(0).dtype != model::DType::Float32)
        return ctx.fail("input, weights, bias and output must be float32 (" + ctx.dtypes() + ")");
    if (x.rank() != 4 || w.rank() != 4 || w.dim(3) != x.dim(3) || bias.count() != w.dim(0))
        return ctx.fail("input " + shapeText(x.shape) + ", weights " + shapeText(w.shape) + " [O,KH,KW,I] and bias " +
            shapeText(bias.shape) + " do not fit together");
    if (!w.constant || !bias.constant)
        return ctx.fail("weights and bias must be constants");
    const int N = x.dim(0), H = x.dim(1), W = x.dim(2), I = x.dim(3);
    const int O = w.dim(0), KH = w.dim(1), KW = w.dim(2), SH = *sh, SW = *sw;
    if (same && ctx.rounding == Rounding::Xnnpack && (KH < SH || KW < SW))
        return ctx.fail("LiteRT runs SAME padding only with kernels at least as large as the stride");
    auto total = [&](int in, int k, int s) { return same ? std::max(0, k - ((in - 1) % s) - 1) : 0; };
    const int PH = total(H, KH, SH), PW = total(W, KW, SW);
    const int OH = SH * (H - 1) + KH - PH, OW = SW * (W - 1) + KW - PW;
    if (OH <= 0 || OW <= 0)
        return ctx.fail("the output would be empty");
    if (auto st = ctx.setOutputShape(0, {N, OH, OW, O}); !st)
        return st.error();
    const int padT = PH / 2, padL = PW / 2;
    const int in = ctx.inputIndex(0), wi = ctx.inputIndex(1), bi = ctx.inputIndex(2), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const float* xi = tensorAt(rc, in).as<float>();
        const float* wd = tensorAt(rc, wi).as<float>();
        const float* bd = tensorAt(rc, bi).as<float>();
        float* y = tensorAt(rc, out).as<float>();
        for (std::int64_t p = 0; p < static_cast<std::int64_t>(N) * OH * OW; ++p)
            for (int o = 0; o < O; ++o)
                y[p * O + o] = bd[o];
        for (int n = 0; n < N; ++n)
            for (int iy = 0; iy < H; ++iy)
                for (int ix = 0; ix < W; ++ix) {
                    const float* px = xi + ((static_cast<std::int64_t>(n) * H + iy) * W + ix) * I;
                    for (int ky = 0; ky < KH; ++ky) {
                        const int oy = iy * SH - padT + ky;
                        if (oy < 0 || oy >= OH)
                            continue;
                        for (int kx = 0; kx < KW; ++kx) {
                            const int ox = ix * SW - padL + kx;
                            if (ox < 0 || ox >= OW)
                                continue;
                            float* po = y + ((static_cast<std::int64_t>(n) * OH + oy) * OW + ox) * O;
                            for (int o = 0; o < O; ++o) {
                                const float* wk = wd + ((static_cast<std::int64_t>(o) * KH + ky) * KW + kx) * I;
                                float s = 0;
                                for (int i = 0; i < I; ++i)
                                    s += px[i] * wk[i];
                                po[o] += s;
                            }
                        }
                    }
                }
    });
}

} // namespace ql::exec
