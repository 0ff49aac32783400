// SPDX-License-Identifier: MIT
// RESIZE_BILINEAR (float; integer types in resize_integer.cpp) and RESIZE_NEAREST_NEIGHBOR (any
// type) on NHWC tensors.
#include "exec/kernels/resize.h"

#include <cmath>
#include <cstring>

namespace ql::exec {

namespace {

using model::DType;

float resizeScale(int in, int out, bool alignCorners)
{
    return (alignCorners && out > 1) ? static_cast<float>(in - 1) / static_cast<float>(out - 1)
                                     : static_cast<float>(in) / static_cast<float>(out);
}

Result<ResizeGeometry> resizeGeometry(NodeContext& ctx, bool alignCorners, bool halfPixel)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor* sv = ctx.valueOf(1);
    if (!sv)
        return ctx.deferred();
    const RtTensor& s = *sv;
    const RtTensor& y = ctx.out(0);
    if (x.rank() != 4)
        return ctx.fail("input must have rank 4, got " + shapeText(x.shape));
    if (s.dtype != DType::Int32 || s.count() != 2)
        return ctx.fail("the size must be an int32 vector [height, width]");
    const ResizeGeometry g{x.dim(0), x.dim(1), x.dim(2), x.dim(3), s.as<std::int32_t>()[0], s.as<std::int32_t>()[1],
        alignCorners, halfPixel};
    if (g.outH <= 0 || g.outW <= 0 || g.inH <= 0 || g.inW <= 0)
        return ctx.fail("sizes must be positive");
    if (auto st = ctx.setOutputShape(0, {g.batch, g.outH, g.outW, g.C}); !st)
        return st.error();
    if (y.dtype != x.dtype)
        return ctx.unsupported();
    return g;
}

} // namespace

Prepared prepareResizeBilinear(NodeContext& ctx)
{
    const auto* o = ctx.op.options.AsResizeBilinearOptions();
    auto geometry = resizeGeometry(ctx, o && o->align_corners, o && o->half_pixel_centers);
    if (!geometry)
        return geometry.error();
    const ResizeGeometry g = *geometry;
    if (ctx.in(0).dtype != DType::Float32)
        return prepareIntegerResizeBilinear(ctx, g);
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const float* x = tensorAt(rc, in).as<float>();
        float* y = tensorAt(rc, out).as<float>();
        const float sy = resizeScale(g.inH, g.outH, g.alignCorners);
        const float sx = resizeScale(g.inW, g.outW, g.alignCorners);
        auto coord = [&](int v, float scale, int size, int& lo, int& hi) {
            const float c = g.halfPixel ? (static_cast<float>(v) + 0.5f) * scale - 0.5f : static_cast<float>(v) * scale;
            lo = std::max(static_cast<int>(std::floor(c)), 0);
            hi = std::min(static_cast<int>(std::ceil(c)), size - 1);
            return c;
        };
        for (int b = 0; b < g.batch; ++b)
            for (int oy = 0; oy < g.outH; ++oy) {
                int y0, y1;
                const float iy = coord(oy, sy, g.inH, y0, y1);
                for (int ox = 0; ox < g.outW; ++ox) {
                    int x0, x1;
                    const float ix = coord(ox, sx, g.inW, x0, x1);
                    const float dy = iy - static_cast<float>(y0), dx = ix - static_cast<float>(x0);
                    auto at = [&](int yy, int xx) {
                        return x + ((static_cast<std::int64_t>(b) * g.inH + yy) * g.inW + xx) * g.C;
                    };
                    const float *p00 = at(y0, x0), *p01 = at(y0, x1), *p10 = at(y1, x0), *p11 = at(y1, x1);
                    float* o2 = y + ((static_cast<std::int64_t>(b) * g.outH + oy) * g.outW + ox) * g.C;
                    for (int c = 0; c < g.C; ++c)
                        o2[c] = p00[c] * (1 - dy) * (1 - dx) + p10[c] * dy * (1 - dx) + p01[c] * (1 - dy) * dx +
                            p11[c] * dy * dx;
                }
            }
    });
}

Prepared prepareResizeNearest(NodeContext& ctx)
{
    const auto* o = ctx.op.options.AsResizeNearestNeighborOptions();
    auto geometry = resizeGeometry(ctx, o && o->align_corners, o && o->half_pixel_centers);
    if (!geometry)
        return geometry.error();
    const ResizeGeometry g = *geometry;
    const std::int64_t eb = elementBytes(ctx.in(0).dtype);
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    auto nearest = [g](int v, int inSize, int outSize) {
        const float scale = resizeScale(inSize, outSize, g.alignCorners);
        const float offset = g.halfPixel ? 0.5f : 0.0f;
        int r = g.alignCorners ? roundToInt32((static_cast<float>(v) + offset) * scale)
                               : static_cast<int>(std::floor((static_cast<float>(v) + offset) * scale));
        r = std::min(r, inSize - 1);
        return std::max(r, 0);
    };
    return makeKernel([=](const RunContext& rc) {
        const std::uint8_t* x = tensorAt(rc, in).data;
        std::uint8_t* y = tensorAt(rc, out).data;
        const std::size_t pixel = static_cast<std::size_t>(g.C * eb);
        for (int b = 0; b < g.batch; ++b)
            for (int oy = 0; oy < g.outH; ++oy) {
                const int iy = nearest(oy, g.inH, g.outH);
                for (int ox = 0; ox < g.outW; ++ox) {
                    const int ix = nearest(ox, g.inW, g.outW);
                    std::memcpy(y + ((static_cast<std::int64_t>(b) * g.outH + oy) * g.outW + ox) * g.C * eb,
                        x + ((static_cast<std::int64_t>(b) * g.inH + iy) * g.inW + ix) * g.C * eb, pixel);
                }
            }
    });
}

} // namespace ql::exec
