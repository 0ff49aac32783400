// SPDX-License-Identifier: MIT
// Diagonals of the innermost two dimensions: MATRIX_DIAG (a vector [..., N] becomes the diagonal of a
// zero matrix [..., N, N]) and MATRIX_SET_DIAG (the main diagonal of [..., M, N] replaced by
// [..., min(M, N)]); REVERSE_SEQUENCE (the first seq_lengths[b] entries of each batch b reversed along
// seq_dim). All move bytes, so they take every element type.
#include "exec/kernels/common.h"

#include <cstring>

namespace ql::exec {

Prepared prepareMatrixDiag(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    if (ctx.out(0).dtype != x.dtype)
        return ctx.unsupported();
    if (x.rank() < 1)
        return ctx.fail("the diagonal must have at least one dimension");
    std::vector<std::int32_t> shape = x.shape;
    const int n = x.dim(-1);
    shape.push_back(n);
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    if (auto st = expectSameQuantization(ctx, x, ctx.out(0)); !st)
        return st.error();
    const std::int64_t eb = elementBytes(x.dtype);
    const std::vector<std::uint8_t> zero = zeroValue(ctx.out(0));
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const std::uint8_t* src = tensorAt(rc, in).data;
        std::uint8_t* dst = tensorAt(rc, out).data;
        const std::int64_t matrices = n > 0 ? tensorAt(rc, in).count() / n : 0;
        for (std::int64_t m = 0; m < matrices; ++m)
            for (int r = 0; r < n; ++r)
                for (int c = 0; c < n; ++c) {
                    std::uint8_t* d = dst + ((m * n + r) * n + c) * eb;
                    std::memcpy(d, r == c ? src + (m * n + r) * eb : zero.data(), static_cast<std::size_t>(eb));
                }
    });
}

Prepared prepareMatrixSetDiag(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor& d = ctx.in(1);
    if (d.dtype != x.dtype || ctx.out(0).dtype != x.dtype)
        return ctx.unsupported();
    if (x.rank() < 2)
        return ctx.fail("the input must have at least two dimensions, got " + shapeText(x.shape));
    const int rows = x.dim(-2), cols = x.dim(-1), k = std::min(rows, cols);
    std::vector<std::int32_t> want(x.shape.begin(), x.shape.end() - 2);
    want.push_back(k);
    if (d.shape != want)
        return ctx.fail("the diagonal " + shapeText(d.shape) + " must have shape " + shapeText(want) + " for input " +
            shapeText(x.shape));
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    if (auto st = expectSameQuantization(ctx, x, ctx.out(0)); !st)
        return st.error();
    const std::int64_t eb = elementBytes(x.dtype);
    const int in = ctx.inputIndex(0), dg = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const RtTensor& xt = tensorAt(rc, in);
        RtTensor& yt = tensorAt(rc, out);
        if (yt.data != xt.data)
            std::memcpy(yt.data, xt.data, static_cast<std::size_t>(yt.bytes));
        const std::uint8_t* diag = tensorAt(rc, dg).data;
        const std::int64_t per = static_cast<std::int64_t>(rows) * cols;
        const std::int64_t matrices = per > 0 ? yt.count() / per : 0;
        for (std::int64_t m = 0; m < matrices; ++m)
            for (int i = 0; i < k; ++i)
                std::memcpy(yt.data + (m * per + static_cast<std::int64_t>(i) * cols + i) * eb, diag + (m * k + i) * eb,
                    static_cast<std::size_t>(eb));
    });
}

Prepared prepareReverseSequence(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor& lens = ctx.in(1);
    if (ctx.out(0).dtype != x.dtype)
        return ctx.unsupported();
    if (lens.dtype != model::DType::Int32 && lens.dtype != model::DType::Int64)
        return ctx.fail("seq_lengths must be int32 or int64, not " + model::dtypeName(lens.dtype));
    const auto* o = ctx.op.options.AsReverseSequenceOptions();
    if (!o)
        return ctx.fail("has no ReverseSequenceOptions");
    int seqDim = o->seq_dim, batchDim = o->batch_dim;
    if (seqDim < 0)
        seqDim += x.rank();
    if (batchDim < 0)
        batchDim += x.rank();
    if (seqDim < 0 || seqDim >= x.rank() || batchDim < 0 || batchDim >= x.rank() || seqDim == batchDim)
        return ctx.fail("seq_dim " + std::to_string(o->seq_dim) + " and batch_dim " + std::to_string(o->batch_dim) +
            " must be two different dimensions of " + shapeText(x.shape));
    if (lens.rank() != 1 || lens.dim(0) != x.dim(batchDim))
        return ctx.fail("seq_lengths " + shapeText(lens.shape) + " must hold one length per batch (" +
            std::to_string(x.dim(batchDim)) + ")");
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    if (auto st = expectSameQuantization(ctx, x, ctx.out(0)); !st)
        return st.error();
    const std::vector<std::int32_t> shape = x.shape;
    const std::int64_t eb = elementBytes(x.dtype);
    const int in = ctx.inputIndex(0), li = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) -> Status {
        const std::vector<std::int64_t> len = readIndexVector(tensorAt(rc, li));
        const int seqLen = shape[static_cast<std::size_t>(seqDim)];
        for (const auto l : len)
            if (l < 0 || l > seqLen)
                return Error{"REVERSE_SEQUENCE: a sequence length (" + std::to_string(l) + ") is outside [0, " +
                    std::to_string(seqLen) + "]"};
        const RtTensor& xt = tensorAt(rc, in);
        RtTensor& yt = tensorAt(rc, out);
        const int rank = static_cast<int>(shape.size());
        std::vector<std::int64_t> stride(static_cast<std::size_t>(rank), 1);
        for (int d = rank - 2; d >= 0; --d)
            stride[static_cast<std::size_t>(d)] = stride[static_cast<std::size_t>(d + 1)] * shape[static_cast<std::size_t>(d + 1)];
        std::vector<std::int64_t> idx(static_cast<std::size_t>(rank), 0);
        for (std::int64_t i = 0, n = xt.count(); i < n; ++i) {
            const std::int64_t b = idx[static_cast<std::size_t>(batchDim)], s = idx[static_cast<std::size_t>(seqDim)];
            const std::int64_t l = len[static_cast<std::size_t>(b)];
            const std::int64_t from = s < l ? i + (l - 1 - 2 * s) * stride[static_cast<std::size_t>(seqDim)] : i;
            std::memcpy(yt.data + i * eb, xt.data + from * eb, static_cast<std::size_t>(eb));
            for (int d = rank - 1; d >= 0; --d) {
                if (++idx[static_cast<std::size_t>(d)] < shape[static_cast<std::size_t>(d)])
                    break;
                idx[static_cast<std::size_t>(d)] = 0;
            }
        }
        return {};
    });
}

} // namespace ql::exec
