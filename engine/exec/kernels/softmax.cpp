// SPDX-License-Identifier: MIT
// SOFTMAX and LOG_SOFTMAX over the last dimension (float; the integer kernels are in
// softmax_integer.cpp).
#include "exec/kernels/fixed_activations.h"

#include <array>
#include <cmath>
#include <limits>

namespace ql::exec {

namespace {

using model::DType;

} // namespace

Prepared prepareSoftmax(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    if (x.rank() < 1)
        return ctx.fail("input must have at least one dimension");
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    const auto* o = ctx.op.options.AsSoftmaxOptions();
    const float beta = o ? o->beta : 1.0f;
    const int depth = x.dim(-1);
    const std::int64_t rows = depth ? x.count() / depth : 0;
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    if (x.dtype == DType::Float32 && y.dtype == DType::Float32) {
        return makeKernel([=](const RunContext& rc) {
            const float* xi = tensorAt(rc, in).as<float>();
            float* yo = tensorAt(rc, out).as<float>();
            for (std::int64_t r = 0; r < rows; ++r) {
                const float* row = xi + r * depth;
                float* o2 = yo + r * depth;
                float m = row[0];
                for (int i = 1; i < depth; ++i)
                    m = std::max(m, row[i]);
                float sum = 0;
                for (int i = 0; i < depth; ++i) {
                    o2[i] = std::exp((row[i] - m) * beta);
                    sum += o2[i];
                }
                for (int i = 0; i < depth; ++i)
                    o2[i] /= sum;
            }
        });
    }
    return integerSoftmax(ctx, beta, depth, rows);
}

} // namespace ql::exec

namespace ql::exec {

Prepared prepareLogSoftmax(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    if (x.rank() < 1)
        return ctx.fail("input must have at least one dimension");
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    const int depth = x.dim(-1);
    const std::int64_t rows = depth ? x.count() / depth : 0;
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    if (x.dtype == model::DType::Float32 && ctx.out(0).dtype == model::DType::Float32)
        return makeKernel([=](const RunContext& rc) {
            const float* xi = tensorAt(rc, in).as<float>();
            float* yo = tensorAt(rc, out).as<float>();
            for (std::int64_t r = 0; r < rows; ++r) {
                const float* row = xi + r * depth;
                float m = row[0];
                for (int i = 1; i < depth; ++i)
                    m = std::max(m, row[i]);
                float sum = 0;
                for (int i = 0; i < depth; ++i)
                    sum += std::exp(row[i] - m);
                const float logSum = std::log(sum);
                for (int i = 0; i < depth; ++i)
                    yo[r * depth + i] = row[i] - m - logSum;
            }
        });
    return integerLogSoftmax(ctx, depth, rows);
}

} // namespace ql::exec

