// SPDX-License-Identifier: MIT
// BATCH_MATMUL (float): [..., M, K] x [..., K, N] with broadcast batch dimensions and adj_x / adj_y.
#include "exec/kernels/common.h"

namespace ql::exec {

Prepared prepareBatchMatMul(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    const auto* o = ctx.op.options.AsBatchMatMulOptions();
    const bool adjX = o && o->adj_x, adjY = o && o->adj_y;
    const RtTensor& a = ctx.in(0);
    const RtTensor& b = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    if (a.dtype != model::DType::Float32 || b.dtype != model::DType::Float32 || y.dtype != model::DType::Float32)
        return ctx.unsupported();
    if (a.rank() < 2 || b.rank() < 2 || a.rank() > 6 || b.rank() > 6)
        return ctx.fail("operands must have rank 2 to 6");
    const int M = adjX ? a.dim(-1) : a.dim(-2), K = adjX ? a.dim(-2) : a.dim(-1);
    const int K2 = adjY ? b.dim(-1) : b.dim(-2), N = adjY ? b.dim(-2) : b.dim(-1);
    if (K != K2)
        return ctx.fail("inner dimensions differ: " + shapeText(a.shape) + " x " + shapeText(b.shape));
    const int rank = std::max(a.rank(), b.rank());
    std::vector<std::int32_t> shape;
    std::vector<std::int64_t> strideA, strideB; // per batch dimension, in matrices
    std::int64_t sa = 1, sb = 1;
    std::vector<std::int32_t> batch(static_cast<std::size_t>(rank - 2));
    strideA.assign(batch.size(), 0);
    strideB.assign(batch.size(), 0);
    for (int d = rank - 3, da = a.rank() - 3, db = b.rank() - 3; d >= 0; --d, --da, --db) {
        const int x = da >= 0 ? a.dim(da) : 1, z = db >= 0 ? b.dim(db) : 1;
        if (x != z && x != 1 && z != 1)
            return ctx.fail(
                "batch dimensions of " + shapeText(a.shape) + " and " + shapeText(b.shape) + " do not broadcast");
        batch[static_cast<std::size_t>(d)] = std::max(x, z);
        strideA[static_cast<std::size_t>(d)] = x == 1 ? 0 : sa;
        strideB[static_cast<std::size_t>(d)] = z == 1 ? 0 : sb;
        sa *= x;
        sb *= z;
    }
    shape = batch;
    shape.push_back(M);
    shape.push_back(N);
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    std::int64_t batches = 1;
    for (auto d : batch)
        batches *= d;
    const int ia = ctx.inputIndex(0), ib = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const float* A = tensorAt(rc, ia).as<float>();
        const float* B = tensorAt(rc, ib).as<float>();
        float* Y = tensorAt(rc, out).as<float>();
        std::vector<std::int64_t> idx(batch.size(), 0);
        for (std::int64_t t = 0; t < batches; ++t) {
            std::int64_t oa = 0, ob = 0;
            for (std::size_t d = 0; d < batch.size(); ++d) {
                oa += idx[d] * strideA[d];
                ob += idx[d] * strideB[d];
            }
            const float* a0 = A + oa * M * K;
            const float* b0 = B + ob * K * N;
            float* y0 = Y + t * M * N;
            for (int i = 0; i < M; ++i)
                for (int j = 0; j < N; ++j) {
                    float s = 0;
                    for (int k = 0; k < K; ++k)
                        s += (adjX ? a0[k * M + i] : a0[i * K + k]) * (adjY ? b0[j * K + k] : b0[k * N + j]);
                    y0[i * N + j] = s;
                }
            for (std::size_t d = batch.size(); d-- > 0;) {
                if (++idx[d] < batch[d])
                    break;
                idx[d] = 0;
            }
        }
    });
}

} // namespace ql::exec
