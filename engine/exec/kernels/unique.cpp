// SPDX-License-Identifier: MIT
// UNIQUE: the distinct values of a vector in the order they first appear (sized at run time), and for
// every element the position of its value among them (int32 or int64).
#include "exec/kernels/common.h"

#include <map>

namespace ql::exec {

Prepared prepareUnique(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 2); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    using model::DType;
    const DType it = ctx.out(1).dtype;
    if (x.rank() != 1)
        return ctx.fail("the input must be a vector, got " + shapeText(x.shape));
    if (ctx.out(0).dtype != x.dtype || (it != DType::Int32 && it != DType::Int64))
        return ctx.unsupported();
    if (x.dtype != DType::Float32 && x.dtype != DType::Int8 && x.dtype != DType::UInt8 && x.dtype != DType::Int16 &&
        x.dtype != DType::Int32 && x.dtype != DType::Int64)
        return ctx.fail("LiteRT has no UNIQUE for " + model::dtypeName(x.dtype));
    if (auto st = expectSameQuantization(ctx, x, ctx.out(0)); !st)
        return st.error();
    ctx.markDynamic(0);
    if (auto st = ctx.setOutputShape(1, x.shape); !st)
        return st.error();
    const int in = ctx.inputIndex(0), values = ctx.outputIndex(0), idx = ctx.outputIndex(1);
    const bool wide = it == DType::Int64;
    Prepared kernel = ctx.unsupported();
    withNumericType(x.dtype, [&](auto tag) {
        using T = decltype(tag);
        kernel = makeKernel([=](const RunContext& rc) -> Status {
            const RtTensor& src = tensorAt(rc, in);
            const T* v = src.as<T>();
            const std::int64_t n = src.count();
            // An ordered map, as LiteRT keeps one: -0.0 and 0.0 are one value, the first one seen is kept.
            std::map<T, std::int64_t> seen;
            std::vector<T> order;
            std::vector<std::int64_t> positions(static_cast<std::size_t>(n));
            for (std::int64_t i = 0; i < n; ++i) {
                auto [it2, inserted] = seen.try_emplace(v[i], static_cast<std::int64_t>(order.size()));
                if (inserted)
                    order.push_back(v[i]);
                positions[static_cast<std::size_t>(i)] = it2->second;
            }
            if (auto st = rc.resize(values, {static_cast<std::int32_t>(order.size())}); !st)
                return st;
            std::copy(order.begin(), order.end(), tensorAt(rc, values).as<T>());
            RtTensor& y = tensorAt(rc, idx);
            for (std::int64_t i = 0; i < n; ++i) {
                if (wide)
                    y.as<std::int64_t>()[i] = positions[static_cast<std::size_t>(i)];
                else
                    y.as<std::int32_t>()[i] = static_cast<std::int32_t>(positions[static_cast<std::size_t>(i)]);
            }
            return {};
        });
    });
    return kernel;
}

} // namespace ql::exec
