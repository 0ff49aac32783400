// SPDX-License-Identifier: MIT
// MediaPipe's landmark operators (version 2), as its CPU kernels compute them; no LiteRT build runs
// them on the CPU, so they follow MediaPipe's definitions (docs/arithmetic.md):
//   Landmarks2TransformMatrix: a 4x4 matrix mapping crop pixels to the box around a subset of
//     landmarks, rotated so that the line between two landmarks has the target angle;
//   TransformTensorBilinear: a bilinear crop of a feature map through such a matrix;
//   TransformLandmarks: landmarks mapped through such a matrix.
#include "exec/custom/custom_ops.h"

#include "exec/custom/options.h"
#include "exec/kernels/common.h"

#include <array>
#include <cmath>

namespace ql::exec {

namespace {

using model::DType;
using Mat4 = std::array<float, 16>;

Mat4 multiply(const Mat4& a, const Mat4& b)
{
    Mat4 c{};
    for (int r = 0; r < 4; ++r)
        for (int k = 0; k < 4; ++k) {
            float s = 0;
            for (int j = 0; j < 4; ++j)
                s += a[static_cast<std::size_t>(r * 4 + j)] * b[static_cast<std::size_t>(j * 4 + k)];
            c[static_cast<std::size_t>(r * 4 + k)] = s;
        }
    return c;
}

Mat4 identity()
{
    return {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1};
}

Mat4 shift(float x, float y)
{
    Mat4 m = identity();
    m[3] = x;
    m[7] = y;
    return m;
}

Mat4 rotation(float t)
{
    Mat4 m = identity();
    m[0] = std::cos(t);
    m[1] = -std::sin(t);
    m[4] = std::sin(t);
    m[5] = std::cos(t);
    return m;
}

Mat4 scaling(float x, float y)
{
    Mat4 m = identity();
    m[0] = x;
    m[5] = y;
    return m;
}

} // namespace

Prepared prepareLandmarksToTransformMatrix(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    auto o = FlexOptions::parse(ctx.op.customOptions);
    if (!o)
        return ctx.fail(o.error().message);
    const RtTensor& lm = ctx.in(0);
    if (lm.dtype != DType::Float32 || ctx.out(0).dtype != DType::Float32 || lm.rank() != 3 || lm.dim(-1) < 2)
        return ctx.fail("landmarks must be float32 [1, N, 2 or 3] (" + ctx.dtypes() + ", " + shapeText(lm.shape) + ")");
    const std::int64_t N = lm.dim(1), stride = lm.dim(2);
    const auto subset = o->integers("subset_idxs");
    const std::int64_t left = o->integer("left_rotation_idx", -1), right = o->integer("right_rotation_idx", -1);
    const auto target = static_cast<float>(o->number("target_rotation_radians", 0));
    const auto outH = static_cast<float>(o->integer("output_height", 0));
    const auto outW = static_cast<float>(o->integer("output_width", 0));
    const auto scaleX = static_cast<float>(o->number("scale_x", 0)), scaleY = static_cast<float>(o->number("scale_y", 0));
    if (subset.empty() || !(outH > 0) || !(outW > 0) || !(scaleX > 0) || !(scaleY > 0))
        return ctx.fail("needs subset_idxs, a positive output size and positive scales");
    for (const auto i : subset)
        if (i < 0 || i >= N)
            return ctx.fail("landmark index " + std::to_string(i) + " is outside the " + std::to_string(N) + " landmarks");
    if (left < 0 || left >= N || right < 0 || right >= N)
        return ctx.fail("rotation landmark indices must lie in [0, " + std::to_string(N) + ")");
    if (auto st = ctx.setOutputShape(0, {1, 4, 4}); !st)
        return st.error();
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const float* p = tensorAt(rc, in).as<float>();
        auto X = [&](std::int64_t i) { return p[i * stride]; };
        auto Y = [&](std::int64_t i) { return p[i * stride + 1]; };
        const float rot = target - std::atan2(Y(right) - Y(left), X(right) - X(left));
        const float c = std::cos(rot), s = std::sin(rot);
        float minX = 0, maxX = 0, minY = 0, maxY = 0;
        for (std::size_t k = 0; k < subset.size(); ++k) {
            const float x = X(subset[k]), y = Y(subset[k]);
            const float rx = c * x - s * y, ry = s * x + c * y;
            if (k == 0) {
                minX = maxX = rx;
                minY = maxY = ry;
            } else {
                minX = std::min(minX, rx);
                maxX = std::max(maxX, rx);
                minY = std::min(minY, ry);
                maxY = std::max(maxY, ry);
            }
        }
        const float w = maxX - minX, h = maxY - minY;
        const float bx = (minX + maxX) / 2, by = (minY + maxY) / 2;
        // The box centre rotated back.
        const float ci = std::cos(-rot), si = std::sin(-rot);
        const float cx = ci * bx - si * by, cy = si * bx + ci * by;
        const Mat4 m = multiply(multiply(multiply(shift(cx, cy), rotation(-rot)), scaling(scaleX * w / outW, scaleY * h / outH)),
            shift(-outW / 2, -outH / 2));
        std::copy(m.begin(), m.end(), tensorAt(rc, out).as<float>());
    });
}

Prepared prepareTransformTensorBilinear(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor& m = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    if (x.dtype != DType::Float32 || m.dtype != DType::Float32 || y.dtype != DType::Float32 || x.rank() != 4 ||
        m.count() < 8)
        return ctx.fail("needs a float32 [1,H,W,C] tensor and a 4x4 float32 matrix (" + ctx.dtypes() + ")");
    // The output size comes from the output's stored shape, as MediaPipe's kernel takes it; the options
    // repeat it.
    auto o = FlexOptions::parse(ctx.op.customOptions);
    if (!o)
        return ctx.fail(o.error().message);
    std::vector<std::int32_t> shape = y.meta->shape;
    if (shape.size() != 4) {
        const auto oh = o->integer("output_height", 0), ow = o->integer("output_width", 0);
        if (oh <= 0 || ow <= 0)
            return ctx.fail("the output size is neither stored nor in the options");
        shape = {1, static_cast<std::int32_t>(oh), static_cast<std::int32_t>(ow), x.dim(3)};
    }
    if (shape[3] > x.dim(3))
        return ctx.fail("the output has more channels than the input");
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    const int H = x.dim(1), W = x.dim(2), C = x.dim(3), OH = shape[1], OW = shape[2], OC = shape[3];
    const int in = ctx.inputIndex(0), mi = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const float* src = tensorAt(rc, in).as<float>();
        const float* mm = tensorAt(rc, mi).as<float>();
        float* dst = tensorAt(rc, out).as<float>();
        // Half-pixel centres: src + 0.5 = M (dst + 0.5).
        const auto a3 = static_cast<float>(mm[3] + 0.5 * mm[0] + 0.5 * mm[1] - 0.5);
        const auto b3 = static_cast<float>(mm[7] + 0.5 * mm[4] + 0.5 * mm[5] - 0.5);
        auto q = [&](int yy, int xx, int c) {
            return (yy < 0 || yy >= H || xx < 0 || xx >= W) ? 0.0f
                                                            : src[(static_cast<std::int64_t>(yy) * W + xx) * C + c];
        };
        for (int oy = 0; oy < OH; ++oy)
            for (int ox = 0; ox < OW; ++ox) {
                const float sx = mm[0] * static_cast<float>(ox) + mm[1] * static_cast<float>(oy) + mm[2] * 0.0f + a3;
                const float sy = mm[4] * static_cast<float>(ox) + mm[5] * static_cast<float>(oy) + mm[6] * 0.0f + b3;
                float* o2 = dst + (static_cast<std::int64_t>(oy) * OW + ox) * OC;
                if (!(sx >= 0 && sx <= static_cast<float>(W - 1) && sy >= 0 && sy <= static_cast<float>(H - 1))) {
                    std::fill(o2, o2 + OC, 0.0f);
                    continue;
                }
                const int x0 = static_cast<int>(std::floor(sx)), y0 = static_cast<int>(std::floor(sy));
                const float fx = sx - static_cast<float>(x0), fy = sy - static_cast<float>(y0);
                for (int c = 0; c < OC; ++c) {
                    const auto top = static_cast<float>((1.0 - fx) * q(y0, x0, c) + static_cast<double>(fx * q(y0, x0 + 1, c)));
                    const auto bottom =
                        static_cast<float>((1.0 - fx) * q(y0 + 1, x0, c) + static_cast<double>(fx * q(y0 + 1, x0 + 1, c)));
                    o2[c] = static_cast<float>(static_cast<double>(fy * bottom) + (1.0 - fy) * top);
                }
            }
    });
}

Prepared prepareTransformLandmarks(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    const RtTensor& lm = ctx.in(0);
    const RtTensor& m = ctx.in(1);
    if (lm.dtype != DType::Float32 || m.dtype != DType::Float32 || ctx.out(0).dtype != DType::Float32 || lm.rank() != 3 ||
        (lm.dim(2) != 2 && lm.dim(2) != 3) || m.count() < 8)
        return ctx.fail("needs float32 landmarks [1, K, 2 or 3] and a 4x4 float32 matrix (" + ctx.dtypes() + ")");
    if (auto st = ctx.setOutputShape(0, lm.shape); !st)
        return st.error();
    const std::int64_t K = lm.dim(1), D = lm.dim(2);
    const int in = ctx.inputIndex(0), mi = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const float* p = tensorAt(rc, in).as<float>();
        const float* mm = tensorAt(rc, mi).as<float>();
        float* o = tensorAt(rc, out).as<float>();
        for (std::int64_t k = 0; k < K; ++k) {
            const float x = p[k * D], y = p[k * D + 1];
            o[k * D] = mm[0] * x + mm[1] * y + mm[2] * 0.0f + mm[3] * 1.0f;
            o[k * D + 1] = mm[4] * x + mm[5] * y + mm[6] * 0.0f + mm[7] * 1.0f;
            if (D == 3)
                o[k * D + 2] = p[k * D + 2];
        }
    });
}

} // namespace ql::exec
