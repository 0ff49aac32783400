// SPDX-License-Identifier: MIT
// LOCAL_RESPONSE_NORMALIZATION (float32, along the last axis, as older image classifiers use it):
// y[c] = x[c] / (bias + alpha * sum of x[k]^2 for k in [c - radius, c + radius]) ^ beta.
// As in TFLite, alpha multiplies the plain sum (it is not divided by the window's size).
#include "exec/kernels/common.h"

#include <cmath>

namespace ql::exec {

Prepared prepareLocalResponseNorm(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    if (x.dtype != model::DType::Float32 || ctx.out(0).dtype != model::DType::Float32)
        return ctx.fail("LiteRT has LOCAL_RESPONSE_NORMALIZATION for float32 only (" + ctx.dtypes() + ")");
    if (x.rank() != 4)
        return ctx.fail("the input must have rank 4, got " + shapeText(x.shape));
    const auto* o = ctx.op.options.AsLocalResponseNormalizationOptions();
    if (!o)
        return ctx.fail("has no LocalResponseNormalizationOptions");
    if (o->radius < 0)
        return ctx.fail("the radius must not be negative, got " + std::to_string(o->radius));
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    const int radius = o->radius;
    const float bias = o->bias, alpha = o->alpha, beta = o->beta;
    const int depth = x.dim(3);
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const float* xs = tensorAt(rc, in).as<float>();
        float* ys = tensorAt(rc, out).as<float>();
        const std::int64_t pixels = depth > 0 ? tensorAt(rc, out).count() / depth : 0;
        std::vector<float> sq(static_cast<std::size_t>(depth));
        for (std::int64_t p = 0; p < pixels; ++p) {
            const float* v = xs + p * depth;
            float* w = ys + p * depth;
            for (int c = 0; c < depth; ++c)
                sq[static_cast<std::size_t>(c)] = v[c] * v[c] * alpha;
            for (int c = 0; c < depth; ++c) {
                float sum = 0;
                for (int k = std::max(0, c - radius); k <= std::min(depth - 1, c + radius); ++k)
                    sum += sq[static_cast<std::size_t>(k)];
                w[c] = v[c] * std::pow(bias + sum, -beta);
            }
        }
    });
}

} // namespace ql::exec
