// SPDX-License-Identifier: MIT
// DYNAMIC_UPDATE_SLICE: the operand with `update` written at `start_indices` (the key-value caches of
// generative models). As in LiteRT, each start index is clamped so that the update fits inside the operand;
// any element type (the bytes are moved).
#include "exec/kernels/common.h"

#include <cstring>

namespace ql::exec {

Prepared prepareDynamicUpdateSlice(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(3, 3, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor& u = ctx.in(1);
    const RtTensor& s = ctx.in(2);
    if (u.dtype != x.dtype || ctx.out(0).dtype != x.dtype)
        return ctx.fail("operand, update and output must have one type: " + ctx.dtypes());
    if (s.dtype != model::DType::Int32 && s.dtype != model::DType::Int64)
        return ctx.fail("start_indices must be int32 or int64, not " + model::dtypeName(s.dtype));
    if (u.rank() != x.rank())
        return ctx.fail("the update " + shapeText(u.shape) + " must have the operand's rank " + shapeText(x.shape));
    if (s.rank() != 1 || s.dim(0) != x.rank())
        return ctx.fail("start_indices " + shapeText(s.shape) + " must hold one index per operand dimension (" +
            std::to_string(x.rank()) + ")");
    for (int d = 0; d < x.rank(); ++d)
        if (u.dim(d) > x.dim(d))
            return ctx.fail("the update " + shapeText(u.shape) + " does not fit in the operand " + shapeText(x.shape));
    if (auto st = expectSameQuantization(ctx, x, ctx.out(0)); !st)
        return st.error();
    if (x.meta && x.meta->quantization.hasScale() && !sameQuantization(x, u))
        return ctx.fail("the update must be quantized like the operand");
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    const std::vector<std::int32_t> xs = x.shape, us = u.shape;
    const std::int64_t eb = elementBytes(x.dtype);
    const int in = ctx.inputIndex(0), upd = ctx.inputIndex(1), idx = ctx.inputIndex(2), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const RtTensor& xt = tensorAt(rc, in);
        RtTensor& yt = tensorAt(rc, out);
        if (yt.data != xt.data)
            std::memcpy(yt.data, xt.data, static_cast<std::size_t>(yt.bytes));
        const std::vector<std::int64_t> start0 = readIndexVector(tensorAt(rc, idx));
        const int rank = static_cast<int>(xs.size());
        if (rank == 0) {
            std::memcpy(yt.data, tensorAt(rc, upd).data, static_cast<std::size_t>(eb));
            return;
        }
        std::vector<std::int64_t> start(start0.size()), stride(static_cast<std::size_t>(rank), 1);
        for (int d = 0; d < rank; ++d)
            start[static_cast<std::size_t>(d)] = std::clamp<std::int64_t>(start0[static_cast<std::size_t>(d)], 0,
                xs[static_cast<std::size_t>(d)] - us[static_cast<std::size_t>(d)]);
        for (int d = rank - 2; d >= 0; --d)
            stride[static_cast<std::size_t>(d)] = stride[static_cast<std::size_t>(d + 1)] * xs[static_cast<std::size_t>(d + 1)];
        // Rows of the update's last dimension, copied one by one.
        const std::int64_t row = us.back() * eb;
        std::int64_t rows = 1;
        for (int d = 0; d + 1 < rank; ++d)
            rows *= us[static_cast<std::size_t>(d)];
        if (row == 0)
            return;
        const std::uint8_t* src = tensorAt(rc, upd).data;
        std::vector<std::int64_t> pos(static_cast<std::size_t>(rank), 0);
        for (std::int64_t r = 0; r < rows; ++r) {
            std::int64_t offset = 0;
            for (int d = 0; d < rank; ++d)
                offset += (start[static_cast<std::size_t>(d)] + pos[static_cast<std::size_t>(d)]) * stride[static_cast<std::size_t>(d)];
            std::memcpy(yt.data + offset * eb, src + r * row, static_cast<std::size_t>(row));
            for (int d = rank - 2; d >= 0; --d) {
                if (++pos[static_cast<std::size_t>(d)] < us[static_cast<std::size_t>(d)])
                    break;
                pos[static_cast<std::size_t>(d)] = 0;
            }
        }
    });
}

} // namespace ql::exec
