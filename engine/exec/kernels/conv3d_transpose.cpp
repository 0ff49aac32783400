// SPDX-License-Identifier: MIT
// CONV_3D_TRANSPOSE (float32, as LiteRT has it): inputs output_shape [5], filter [KD, KH, KW, Cout, Cin],
// input [N, D, H, W, Cin] and an optional bias [Cout]. Every input element scatters its products with
// the filter into the output at stride steps (dilated filter taps); the padding is the one a CONV_3D
// from the output back to the input would use. Then bias and the fused activation.
#include "exec/kernels/common.h"

namespace ql::exec {

Prepared prepareConv3DTranspose(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(3, 4, 1); !st)
        return st.error();
    const auto* o = ctx.op.options.AsConv3DOptions();
    if (!o)
        return ctx.fail("has no Conv3DOptions");
    const RtTensor& f = ctx.in(1);
    const RtTensor& x = ctx.in(2);
    const bool hasBias = ctx.hasInput(3);
    using model::DType;
    if (x.dtype != DType::Float32 || f.dtype != DType::Float32 || ctx.out(0).dtype != DType::Float32 ||
        (hasBias && ctx.in(3).dtype != DType::Float32))
        return ctx.fail("LiteRT has CONV_3D_TRANSPOSE for float32 only (" + ctx.dtypes() + ")");
    if (x.rank() != 5 || f.rank() != 5)
        return ctx.fail("input and filter must have rank 5, got " + shapeText(x.shape) + " and " + shapeText(f.shape));
    const RtTensor* sv = ctx.valueOf(0);
    if (!sv)
        return ctx.deferred();
    if (sv->dtype != DType::Int32 || sv->count() != 5)
        return ctx.fail("the output shape must be an int32 vector of 5 values");
    const std::int32_t* s = sv->as<std::int32_t>();
    const int N = x.dim(0), D = x.dim(1), H = x.dim(2), W = x.dim(3), C = x.dim(4);
    const int KD = f.dim(0), KH = f.dim(1), KW = f.dim(2), OC = f.dim(3);
    const int OD = s[1], OH = s[2], OW = s[3];
    if (s[0] != N || s[4] != OC || f.dim(4) != C)
        return ctx.fail("filter " + shapeText(f.shape) + " does not fit input " + shapeText(x.shape) +
            " and output shape [" + std::to_string(s[0]) + "," + std::to_string(OD) + "," + std::to_string(OH) + "," +
            std::to_string(OW) + "," + std::to_string(s[4]) + "]");
    if (OD < 1 || OH < 1 || OW < 1)
        return ctx.fail("the output shape must be positive");
    if (hasBias && ctx.in(3).count() != OC)
        return ctx.fail("the bias must have " + std::to_string(OC) + " values, got " + shapeText(ctx.in(3).shape));
    const int sd = o->stride_d, sh = o->stride_h, sw = o->stride_w;
    const int dd = o->dilation_d_factor, dh = o->dilation_h_factor, dw = o->dilation_w_factor;
    if (sd < 1 || sh < 1 || sw < 1 || dd < 1 || dh < 1 || dw < 1)
        return ctx.fail("strides and dilations must be at least 1");
    if (auto st = ctx.setOutputShape(0, {N, OD, OH, OW, OC}); !st)
        return st.error();
    const bool same = o->padding == tflite::Padding::SAME;
    auto padOf = [same](int out, int k, int stride, int dil) {
        return same ? convPaddingBefore(out, k, stride, dil, convOutputSize(tflite::Padding::SAME, out, k, stride, dil))
                    : 0;
    };
    const int pd = padOf(OD, KD, sd, dd), ph = padOf(OH, KH, sh, dh), pw = padOf(OW, KW, sw, dw);
    const FloatRange act = floatActivationRange(o->fused_activation_function);
    const int fi = ctx.inputIndex(1), xi = ctx.inputIndex(2), bi = hasBias ? ctx.inputIndex(3) : -1,
              out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const float* in = tensorAt(rc, xi).as<float>();
        const float* filter = tensorAt(rc, fi).as<float>();
        const float* bias = bi >= 0 ? tensorAt(rc, bi).as<float>() : nullptr;
        RtTensor& yt = tensorAt(rc, out);
        float* y = yt.as<float>();
        std::fill(y, y + yt.count(), 0.0f);
        if (yt.count() == 0)
            return;
        for (int n = 0; n < N; ++n)
            for (int id = 0; id < D; ++id)
                for (int ih = 0; ih < H; ++ih)
                    for (int iw = 0; iw < W; ++iw) {
                        const float* px = in + ((((static_cast<std::int64_t>(n) * D + id) * H + ih) * W + iw) * C);
                        for (int kd = 0; kd < KD; ++kd) {
                            const std::int64_t od = std::int64_t{id} * sd - pd + std::int64_t{kd} * dd;
                            if (od < 0 || od >= OD)
                                continue;
                            for (int kh = 0; kh < KH; ++kh) {
                                const std::int64_t oh = std::int64_t{ih} * sh - ph + std::int64_t{kh} * dh;
                                if (oh < 0 || oh >= OH)
                                    continue;
                                for (int kw = 0; kw < KW; ++kw) {
                                    const std::int64_t ow = std::int64_t{iw} * sw - pw + std::int64_t{kw} * dw;
                                    if (ow < 0 || ow >= OW)
                                        continue;
                                    float* dst = y + ((((static_cast<std::int64_t>(n) * OD + od) * OH + oh) * OW + ow) * OC);
                                    const float* pf = filter + (((static_cast<std::int64_t>(kd) * KH + kh) * KW + kw) * OC) * C;
                                    for (int oc = 0; oc < OC; ++oc) {
                                        const float* row = pf + static_cast<std::int64_t>(oc) * C;
                                        float acc = 0.0f;
                                        for (int c = 0; c < C; ++c)
                                            acc += px[c] * row[c];
                                        dst[oc] += acc;
                                    }
                                }
                            }
                        }
                    }
        const std::int64_t pixels = yt.count() / OC;
        for (std::int64_t p = 0; p < pixels; ++p)
            for (int oc = 0; oc < OC; ++oc) {
                float& v = y[p * OC + oc];
                v = std::clamp(v + (bias ? bias[oc] : 0.0f), act.min, act.max);
            }
    });
}

} // namespace ql::exec
