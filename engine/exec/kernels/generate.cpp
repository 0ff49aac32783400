// SPDX-License-Identifier: MIT
// Operators that make tensors from a few numbers: FILL, ZEROS_LIKE, RANGE, ONE_HOT, BROADCAST_ARGS.
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

// ONE_HOT: indices with a dimension of `depth` inserted at `axis`, on_value where the index equals the
// position along it, off_value elsewhere (an index outside [0, depth) gives a row of off_value).
Prepared prepareOneHot(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(4, 4, 1); !st)
        return st.error();
    const RtTensor& idx = ctx.in(0);
    const RtTensor& on = ctx.in(2);
    const RtTensor& off = ctx.in(3);
    const RtTensor& y = ctx.out(0);
    if (idx.dtype != DType::Int32 && idx.dtype != DType::Int64)
        return ctx.fail("the indices must be int32 or int64, not " + model::dtypeName(idx.dtype));
    if (on.dtype != y.dtype || off.dtype != y.dtype || on.count() != 1 || off.count() != 1)
        return ctx.fail("on_value and off_value must be scalars of the output's type (" + ctx.dtypes() + ")");
    const DType t = y.dtype;
    if (t != DType::Float32 && t != DType::Int16 && t != DType::Int32 && t != DType::Int64 && t != DType::Int8 &&
        t != DType::UInt8 && t != DType::Bool)
        return ctx.unsupported();
    const RtTensor* depthT = ctx.valueOf(1);
    if (!depthT)
        return ctx.deferred();
    if (depthT->dtype != DType::Int32 || depthT->count() != 1)
        return ctx.fail("depth must be an int32 scalar");
    const std::int64_t depth = *depthT->as<std::int32_t>();
    if (depth < 0)
        return ctx.fail("depth must not be negative, got " + std::to_string(depth));
    const auto* o = ctx.op.options.AsOneHotOptions();
    int axis = o ? o->axis : -1;
    if (axis == -1)
        axis = idx.rank();
    if (axis < 0 || axis > idx.rank())
        return ctx.fail("axis " + std::to_string(axis) + " is out of range for indices " + shapeText(idx.shape));
    std::vector<std::int32_t> shape = idx.shape;
    shape.insert(shape.begin() + axis, static_cast<std::int32_t>(depth));
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    std::int64_t prefix = 1, suffix = 1;
    for (int d = 0; d < axis; ++d)
        prefix *= idx.dim(d);
    for (int d = axis; d < idx.rank(); ++d)
        suffix *= idx.dim(d);
    const auto eb = elementBytes(t);
    const int in = ctx.inputIndex(0), onI = ctx.inputIndex(2), offI = ctx.inputIndex(3), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const std::vector<std::int64_t> v = readIndexVector(tensorAt(rc, in));
        const std::uint8_t* onV = tensorAt(rc, onI).data;
        const std::uint8_t* offV = tensorAt(rc, offI).data;
        std::uint8_t* dst = tensorAt(rc, out).data;
        for (std::int64_t p = 0; p < prefix; ++p)
            for (std::int64_t d = 0; d < depth; ++d)
                for (std::int64_t s = 0; s < suffix; ++s, dst += eb)
                    std::memcpy(dst, v[static_cast<std::size_t>(p * suffix + s)] == d ? onV : offV,
                        static_cast<std::size_t>(eb));
    });
}

// BROADCAST_ARGS: the shape two shapes broadcast to (numpy rules), as a 1-D tensor of their type.
Prepared prepareBroadcastArgs(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    const RtTensor& a = ctx.in(0);
    const RtTensor& b = ctx.in(1);
    const DType t = a.dtype;
    if ((t != DType::Int32 && t != DType::Int64) || b.dtype != t || ctx.out(0).dtype != t)
        return ctx.fail("both shapes and the output must be int32, or all int64 (" + ctx.dtypes() + ")");
    if (a.rank() != 1 || b.rank() != 1)
        return ctx.fail("the shapes must be 1-D tensors, got " + shapeText(a.shape) + " and " + shapeText(b.shape));
    if (auto st = ctx.setOutputShape(0, {std::max(a.dim(0), b.dim(0))}); !st)
        return st.error();
    const int ia = ctx.inputIndex(0), ib = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) -> Status {
        const auto x = readIndexVector(tensorAt(rc, ia)), z = readIndexVector(tensorAt(rc, ib));
        const std::size_t n = std::max(x.size(), z.size());
        RtTensor& yt = tensorAt(rc, out);
        for (std::size_t i = 0; i < n; ++i) {
            // Right-aligned: missing leading dimensions count as 1.
            const std::int64_t p = i + x.size() >= n ? x[i + x.size() - n] : 1;
            const std::int64_t q = i + z.size() >= n ? z[i + z.size() - n] : 1;
            if (p != q && p != 1 && q != 1)
                return Error{"BROADCAST_ARGS: shapes with dimensions " + std::to_string(p) + " and " +
                    std::to_string(q) + " do not broadcast"};
            const std::int64_t r = p == 1 ? q : p;
            if (t == DType::Int32)
                yt.as<std::int32_t>()[i] = static_cast<std::int32_t>(r);
            else
                yt.as<std::int64_t>()[i] = r;
        }
        return {};
    });
}

} // namespace ql::exec
