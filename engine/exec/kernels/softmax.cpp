// SPDX-License-Identifier: MIT
// SOFTMAX over the last dimension.
#include "exec/kernels/common.h"

#include <cmath>

namespace ql::exec {

namespace {

using model::DType;

}  // namespace

Prepared prepareSoftmax(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    if (x.shape != y.shape || x.rank() < 1)
        return ctx.fail("input " + shapeText(x.shape) + " and output " + shapeText(y.shape) + " must have one shape");
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
    return ctx.unsupported();
}

}  // namespace ql::exec
