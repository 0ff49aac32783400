// SPDX-License-Identifier: MIT
// CONV_3D (float32, as LiteRT has it): input [N, D, H, W, Cin], filter [KD, KH, KW, Cin, Cout], optional
// bias [Cout], output [N, OD, OH, OW, Cout]; strides, dilations and SAME / VALID padding per axis as in
// CONV_2D, then the fused activation. Video and volumetric models use it.
#include "exec/kernels/common.h"

namespace ql::exec {

Prepared prepareConv3D(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 3, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor& f = ctx.in(1);
    const bool hasBias = ctx.hasInput(2);
    if (x.dtype != model::DType::Float32 || f.dtype != model::DType::Float32 || ctx.out(0).dtype != model::DType::Float32 ||
        (hasBias && ctx.in(2).dtype != model::DType::Float32))
        return ctx.fail("LiteRT has CONV_3D for float32 only (" + ctx.dtypes() + ")");
    if (x.rank() != 5 || f.rank() != 5)
        return ctx.fail("input and filter must have rank 5, got " + shapeText(x.shape) + " and " + shapeText(f.shape));
    const auto* o = ctx.op.options.AsConv3DOptions();
    if (!o)
        return ctx.fail("has no Conv3DOptions");
    const int N = x.dim(0), D = x.dim(1), H = x.dim(2), W = x.dim(3), C = x.dim(4);
    const int KD = f.dim(0), KH = f.dim(1), KW = f.dim(2), OC = f.dim(4);
    if (f.dim(3) != C)
        return ctx.fail("the filter " + shapeText(f.shape) + " takes " + std::to_string(f.dim(3)) +
            " input channels, the input " + shapeText(x.shape) + " has " + std::to_string(C));
    if (hasBias && ctx.in(2).count() != OC)
        return ctx.fail("the bias must have " + std::to_string(OC) + " values, got " + shapeText(ctx.in(2).shape));
    const int sd = o->stride_d, sh = o->stride_h, sw = o->stride_w;
    const int dd = o->dilation_d_factor, dh = o->dilation_h_factor, dw = o->dilation_w_factor;
    if (sd < 1 || sh < 1 || sw < 1 || dd < 1 || dh < 1 || dw < 1)
        return ctx.fail("strides and dilations must be at least 1");
    const int OD = convOutputSize(o->padding, D, KD, sd, dd), OH = convOutputSize(o->padding, H, KH, sh, dh),
              OW = convOutputSize(o->padding, W, KW, sw, dw);
    if (OD <= 0 || OH <= 0 || OW <= 0)
        return ctx.fail("the filter " + shapeText(f.shape) + " does not fit the input " + shapeText(x.shape));
    if (auto st = ctx.setOutputShape(0, {N, OD, OH, OW, OC}); !st)
        return st.error();
    const bool same = o->padding == tflite::Padding::SAME;
    const int pd = same ? convPaddingBefore(D, KD, sd, dd, OD) : 0;
    const int ph = same ? convPaddingBefore(H, KH, sh, dh, OH) : 0;
    const int pw = same ? convPaddingBefore(W, KW, sw, dw, OW) : 0;
    const FloatRange act = floatActivationRange(o->fused_activation_function);
    const int xi = ctx.inputIndex(0), fi = ctx.inputIndex(1), bi = hasBias ? ctx.inputIndex(2) : -1,
              out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const float* in = tensorAt(rc, xi).as<float>();
        const float* filter = tensorAt(rc, fi).as<float>();
        const float* bias = bi >= 0 ? tensorAt(rc, bi).as<float>() : nullptr;
        float* y = tensorAt(rc, out).as<float>();
        std::vector<float> acc(static_cast<std::size_t>(OC));
        for (int n = 0; n < N; ++n)
            for (int od = 0; od < OD; ++od)
                for (int oh = 0; oh < OH; ++oh)
                    for (int ow = 0; ow < OW; ++ow) {
                        for (int oc = 0; oc < OC; ++oc)
                            acc[static_cast<std::size_t>(oc)] = bias ? bias[oc] : 0.0f;
                        for (int kd = 0; kd < KD; ++kd) {
                            const int id = od * sd - pd + kd * dd;
                            if (id < 0 || id >= D)
                                continue;
                            for (int kh = 0; kh < KH; ++kh) {
                                const int ih = oh * sh - ph + kh * dh;
                                if (ih < 0 || ih >= H)
                                    continue;
                                for (int kw = 0; kw < KW; ++kw) {
                                    const int iw = ow * sw - pw + kw * dw;
                                    if (iw < 0 || iw >= W)
                                        continue;
                                    const float* px =
                                        in + ((((static_cast<std::int64_t>(n) * D + id) * H + ih) * W + iw) * C);
                                    const float* pf =
                                        filter + (((static_cast<std::int64_t>(kd) * KH + kh) * KW + kw) * C) * OC;
                                    for (int c = 0; c < C; ++c) {
                                        const float v = px[c];
                                        const float* row = pf + static_cast<std::int64_t>(c) * OC;
                                        for (int oc = 0; oc < OC; ++oc)
                                            acc[static_cast<std::size_t>(oc)] += v * row[oc];
                                    }
                                }
                            }
                        }
                        float* dst = y + ((((static_cast<std::int64_t>(n) * OD + od) * OH + oh) * OW + ow) * OC);
                        for (int oc = 0; oc < OC; ++oc)
                            dst[oc] = std::clamp(acc[static_cast<std::size_t>(oc)], act.min, act.max);
                    }
    });
}

} // namespace ql::exec
