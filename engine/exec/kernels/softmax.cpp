// SPDX-License-Identifier: MIT
// SOFTMAX over the last dimension.
#include "exec/kernels/common.h"

#include <array>
#include <cmath>
#include <limits>

namespace ql::exec {

namespace {

using model::DType;

// LiteRT's CPU kernel for integer softmax: exp of every possible input difference from a float
// table, a float sum, and the probability rescaled to the output in float. The table holds
// exp(-s_in * beta * d) for d = 255 - i; row entries index it relative to the row maximum.
template <class T> Prepared lutSoftmax(NodeContext& ctx, float beta, int depth, std::int64_t rows)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    auto table = std::make_shared<std::array<float, 256>>();
    const float scale = -x.scale() * beta;
    for (int v = 0; v <= 255; ++v)
        (*table)[static_cast<std::size_t>(255 - v)] = std::exp(scale * static_cast<float>(v));
    const float outScale = y.scale();
    const std::int32_t zp = y.zeroPoint();
    const QuantRange r = typeRange(y.dtype);
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const T* xi = tensorAt(rc, in).as<T>();
        T* yo = tensorAt(rc, out).as<T>();
        for (std::int64_t row = 0; row < rows; ++row) {
            const T* xr = xi + row * depth;
            T* yr = yo + row * depth;
            std::int32_t maxVal = std::numeric_limits<T>::min();
            for (int j = 0; j < depth; ++j)
                maxVal = std::max(maxVal, static_cast<std::int32_t>(xr[j]));
            const float* t = table->data() + (255 - maxVal);
            float sum = 0;
            for (int j = 0; j < depth; ++j)
                sum += t[xr[j]];
            const float inv = 1.0f / (sum * outScale);
            for (int j = 0; j < depth; ++j) {
                const float p = t[xr[j]] * inv;
                // uint8 outputs: add 0.5 and truncate; others: round half away from zero.
                const std::int32_t q =
                    std::is_same_v<T, std::uint8_t> ? saturatingToInt32(p + 0.5f) : roundToInt32((p));
                yr[j] = static_cast<T>(std::clamp(q + zp, r.min, r.max));
            }
        }
    });
}

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
    if (x.dtype == DType::Int8 && y.dtype == DType::Int8)
        return lutSoftmax<std::int8_t>(ctx, beta, depth, rows);
    if (x.dtype == DType::UInt8 && y.dtype == DType::UInt8)
        return lutSoftmax<std::uint8_t>(ctx, beta, depth, rows);
    return ctx.unsupported();
}

} // namespace ql::exec

namespace ql::exec {

Prepared prepareQuantizedLogSoftmax(NodeContext& ctx, int depth, std::int64_t rows);

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
    return prepareQuantizedLogSoftmax(ctx, depth, rows);
}

} // namespace ql::exec

namespace ql::exec {

Prepared prepareQuantizedLogSoftmax(NodeContext& ctx, int depth, std::int64_t rows)
{
    (void)depth;
    (void)rows;
    return ctx.unsupported();
}

} // namespace ql::exec
