// SPDX-License-Identifier: MIT
// DILATE: spreads the elements of a tensor apart by a factor per dimension, the gaps filled with a
// padding value: dimension d of size n becomes (n - 1) * dilation[d] + 1.
#include "exec/kernels/common.h"

#include <cstring>

namespace ql::exec {

Prepared prepareDilate(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(3, 3, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor& pad = ctx.in(2);
    if (ctx.in(1).dtype != model::DType::Int32)
        return ctx.fail("dilations must be int32");
    if (pad.dtype != x.dtype || ctx.out(0).dtype != x.dtype || pad.count() != 1)
        return ctx.fail("the padding value must be a scalar of the input's type (" + ctx.dtypes() + ")");
    if (x.dtype == model::DType::String || model::dtypeBits(x.dtype) < 8)
        return ctx.unsupported();
    if (x.rank() > 6)
        return ctx.fail("LiteRT dilates tensors of rank up to 6, got " + shapeText(x.shape));
    const RtTensor* dv = ctx.valueOf(1);
    if (!dv)
        return ctx.deferred();
    if (dv->count() != x.rank())
        return ctx.fail("needs one dilation per dimension of " + shapeText(x.shape) + ", got " + shapeText(dv->shape));
    std::vector<std::int32_t> factor(dv->as<std::int32_t>(), dv->as<std::int32_t>() + dv->count());
    std::vector<std::int32_t> shape = x.shape;
    for (std::size_t d = 0; d < shape.size(); ++d) {
        if (factor[d] < 1)
            return ctx.fail("dilation " + std::to_string(factor[d]) + " must be at least 1");
        if (shape[d] > 0) {
            const std::int64_t n = static_cast<std::int64_t>(shape[d] - 1) * factor[d] + 1;
            if (n > (std::int64_t{1} << 30))
                return ctx.fail("the dilated dimension " + std::to_string(n) + " is too large");
            shape[d] = static_cast<std::int32_t>(n);
        }
    }
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    const int xi = ctx.inputIndex(0), pi = ctx.inputIndex(2), out = ctx.outputIndex(0);
    const std::int64_t bytes = elementBytes(x.dtype);
    const auto inShape = x.shape;
    return makeKernel([=](const RunContext& rc) {
        const RtTensor& src = tensorAt(rc, xi);
        RtTensor& dst = tensorAt(rc, out);
        const std::uint8_t* p = tensorAt(rc, pi).data;
        const std::int64_t total = dst.count();
        for (std::int64_t i = 0; i < total; ++i)
            std::memcpy(dst.data + i * bytes, p, static_cast<std::size_t>(bytes));
        const int rank = static_cast<int>(inShape.size());
        // Output strides, each scaled by the dilation of its dimension.
        std::vector<std::int64_t> step(static_cast<std::size_t>(rank), 1);
        std::int64_t s = 1;
        for (int d = rank - 1; d >= 0; --d) {
            step[static_cast<std::size_t>(d)] = s * factor[static_cast<std::size_t>(d)];
            s *= shape[static_cast<std::size_t>(d)];
        }
        std::vector<std::int32_t> idx(static_cast<std::size_t>(rank), 0);
        const std::int64_t n = src.count();
        std::int64_t o = 0;
        for (std::int64_t i = 0; i < n; ++i) {
            std::memcpy(dst.data + o * bytes, src.data + i * bytes, static_cast<std::size_t>(bytes));
            for (int d = rank - 1; d >= 0; --d) {
                const auto u = static_cast<std::size_t>(d);
                o += step[u];
                if (++idx[u] < inShape[u])
                    break;
                o -= step[u] * idx[u];
                idx[u] = 0;
            }
        }
    });
}

} // namespace ql::exec
