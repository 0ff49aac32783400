// SPDX-License-Identifier: MIT
#include "exec/kernels/hybrid_matrix.h"

#include "exec/kernels/gemm.h"

namespace ql::exec {

Status loadWeightMatrix(NodeContext& ctx, int i, int rows, int cols, WeightMatrix& w)
{
    if (i < 0 || !ctx.hasInput(i))
        return {};
    const RtTensor& t = ctx.in(i);
    if (!t.constant)
        return ctx.fail("weights (input " + std::to_string(i) + ") must be constants");
    if (t.rank() != 2 || t.dim(0) != rows || t.dim(1) != cols)
        return ctx.fail("input " + std::to_string(i) + " has shape " + shapeText(t.shape) + ", expected [" +
            std::to_string(rows) + "," + std::to_string(cols) + "]");
    w.rows = rows;
    w.cols = cols;
    if (t.dtype == model::DType::Float32) {
        w.f = t.as<float>();
        return {};
    }
    if (t.dtype != model::DType::Int8)
        return ctx.fail("weights (input " + std::to_string(i) + ") must be float32 or int8, not " +
            model::dtypeName(t.dtype));
    const auto& q = t.quantization();
    if (q.scale.size() != 1 || (!q.zeroPoint.empty() && q.zeroPoint[0] != 0))
        return ctx.fail("int8 weights (input " + std::to_string(i) +
            ") need one scale and zero point 0 (dynamic-range weights of this operator are quantized per tensor)");
    w.q = t.as<std::int8_t>();
    w.scale = q.scale[0];
    w.rowSums.assign(static_cast<std::size_t>(rows), 0);
    for (int r = 0; r < rows; ++r)
        for (int k = 0; k < cols; ++k)
            w.rowSums[static_cast<std::size_t>(r)] += w.q[static_cast<std::int64_t>(r) * cols + k];
    return {};
}

MatrixOperand matrixOperand(const float* v, int n, bool hybrid, bool asymmetric, std::vector<std::int8_t>& codes)
{
    MatrixOperand o{v, nullptr, {}};
    if (hybrid && n > 0) {
        o.rq = asymmetric ? quantizeAsymmetric(v, n, codes.data()) : quantizeSymmetric(v, n, codes.data());
        o.q = codes.data();
    }
    return o;
}

void accumulate(const WeightMatrix& w, const MatrixOperand& v, float* out)
{
    for (int r = 0; r < w.rows; ++r) {
        if (w.f) {
            const float* row = w.f + static_cast<std::int64_t>(r) * w.cols;
            float d = 0;
            for (int c = 0; c < w.cols; ++c)
                d += row[c] * v.f[c];
            out[r] += d;
        } else {
            std::int32_t acc = dot<std::int32_t>(v.q, w.q + static_cast<std::int64_t>(r) * w.cols, w.cols, 0);
            acc -= v.rq.offset * w.rowSums[static_cast<std::size_t>(r)];
            out[r] += static_cast<float>(acc) * (v.rq.scale * w.scale);
        }
    }
}

} // namespace ql::exec
