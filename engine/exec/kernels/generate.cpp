// SPDX-License-Identifier: MIT
// Operators that make tensors from a few numbers: FILL, ZEROS_LIKE, RANGE.
#include "exec/kernels/common.h"

#include <cmath>
#include <cstring>

namespace ql::exec {

namespace {

using model::DType;

// Writes `value` (of the output's element type) into every element.
Prepared fillWith(NodeContext& ctx, std::vector<std::uint8_t> value)
{
    const int out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        RtTensor& y = tensorAt(rc, out);
        const auto eb = value.size();
        for (std::int64_t i = 0, n = y.count(); i < n; ++i)
            std::memcpy(y.data + i * static_cast<std::int64_t>(eb), value.data(), eb);
    });
}

} // namespace

Prepared prepareFill(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    const RtTensor* dims = ctx.valueOf(0);
    if (!dims)
        return ctx.deferred();
    const RtTensor& v = ctx.in(1);
    if (v.rank() != 0 || v.dtype != ctx.out(0).dtype || model::dtypeBits(v.dtype) < 8)
        return ctx.fail("the value must be a scalar of the output's type (" + ctx.dtypes() + ")");
    if (dims->rank() != 1 || (dims->dtype != DType::Int32 && dims->dtype != DType::Int64))
        return ctx.fail("dims must be a 1-D int32 or int64 tensor");
    if (v.dtype == DType::Int16 && v.zeroPoint() != 0)
        return ctx.fail("an int16 value must have zero point 0");
    std::vector<std::int32_t> shape;
    for (const auto d : readIndexVector(*dims)) {
        if (d < 0 || d > model::kMaxTensorElements)
            return ctx.fail("dimension " + std::to_string(d) + " is out of range");
        shape.push_back(static_cast<std::int32_t>(d));
    }
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    if (auto st = expectSameQuantization(ctx, v, ctx.out(0)); !st)
        return st.error();
    const int val = ctx.inputIndex(1), out = ctx.outputIndex(0);
    const auto eb = static_cast<std::size_t>(elementBytes(v.dtype));
    return makeKernel([=](const RunContext& rc) {
        RtTensor& y = tensorAt(rc, out);
        const std::uint8_t* src = tensorAt(rc, val).data;
        for (std::int64_t i = 0, n = y.count(); i < n; ++i)
            std::memcpy(y.data + i * static_cast<std::int64_t>(eb), src, eb);
    });
}

Prepared prepareZerosOnesLike(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    if (x.dtype != y.dtype)
        return ctx.unsupported();
    // LiteRT's ZEROS_LIKE takes these three only.
    if (x.dtype != DType::Float32 && x.dtype != DType::Int32 && x.dtype != DType::Int64)
        return ctx.fail("LiteRT has ZEROS_LIKE for float32, int32 and int64 only, not " + model::dtypeName(x.dtype));
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    const bool ones = false; // TFLite has ZEROS_LIKE only (ONES_LIKE is converted to FILL)
    std::vector<std::uint8_t> value;
    const bool known = withNumericType(x.dtype, [&](auto tag) {
        using T = decltype(tag);
        const T v = ones ? T(1) : T(0);
        value.resize(sizeof(T));
        std::memcpy(value.data(), &v, sizeof(T));
    });
    if (!known)
        return ctx.unsupported();
    return fillWith(ctx, std::move(value));
}

Prepared prepareRange(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(3, 3, 1); !st)
        return st.error();
    const RtTensor* s = ctx.valueOf(0);
    const RtTensor* l = ctx.valueOf(1);
    const RtTensor* d = ctx.valueOf(2);
    if (!s || !l || !d)
        return ctx.deferred();
    const DType t = ctx.out(0).dtype;
    if (s->dtype != t || l->dtype != t || d->dtype != t || s->count() != 1 || l->count() != 1 || d->count() != 1)
        return ctx.fail("start, limit and delta must be scalars of the output's type (" + ctx.dtypes() + ")");
    auto build = [&](auto tag) -> Prepared {
        using T = decltype(tag);
        const T start = *s->as<T>(), limit = *l->as<T>(), delta = *d->as<T>();
        if (delta == 0)
            return ctx.fail("delta must not be 0");
        if ((start > limit && delta > 0) || (start < limit && delta < 0))
            return ctx.fail("start, limit and delta do not make a range");
        // Element count as the runtime computes it: ceil(|limit - start| / |delta|).
        double count;
        if constexpr (std::is_integral_v<T>)
            count = static_cast<double>((std::abs(static_cast<std::int64_t>(limit) - start) +
                                            std::abs(static_cast<std::int64_t>(delta)) - 1) /
                std::abs(static_cast<std::int64_t>(delta)));
        else
            count = std::ceil(std::abs((static_cast<double>(limit) - start) / delta));
        if (!(count <= static_cast<double>(model::kMaxTensorElements)))
            return ctx.fail("the range is too long");
        if (auto st = ctx.setOutputShape(0, {static_cast<std::int32_t>(count)}); !st)
            return st.error();
        const int out = ctx.outputIndex(0);
        return makeKernel([=](const RunContext& rc) {
            T* y = tensorAt(rc, out).as<T>();
            T v = start;
            for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i) {
                y[i] = v;
                v = static_cast<T>(v + delta);
            }
        });
    };
    switch (t) {
    case DType::Int32: return build(std::int32_t{});
    case DType::Int64: return build(std::int64_t{});
    case DType::Float32: return build(float{});
    default: return ctx.unsupported();
    }
}

} // namespace ql::exec
