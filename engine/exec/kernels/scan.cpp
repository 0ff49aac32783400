// SPDX-License-Identifier: MIT
// CUMSUM along one axis (inclusive or exclusive, forward or reverse), and DENSIFY (its sparse
// constant input is already dense in the interpreter, so it copies).
#include "exec/kernels/common.h"

#include <cstring>

#include <cstdint>
#include <type_traits>

namespace ql::exec {

Prepared prepareCumsum(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor* av = ctx.valueOf(1);
    if (!av)
        return ctx.deferred();
    if (av->count() != 1)
        return ctx.fail("the axis must be a scalar");
    std::int64_t axis = readIndexVector(*av)[0];
    if (axis < 0)
        axis += x.rank();
    if (axis < 0 || axis >= x.rank())
        return ctx.fail("axis " + std::to_string(axis) + " is out of range for " + shapeText(x.shape));
    if (x.dtype != ctx.out(0).dtype)
        return ctx.unsupported();
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    const auto* o = ctx.op.options.AsCumsumOptions();
    const bool exclusive = o && o->exclusive, reverse = o && o->reverse;
    std::int64_t outer = 1, inner = 1;
    for (int d = 0; d < axis; ++d)
        outer *= x.dim(d);
    for (int d = static_cast<int>(axis) + 1; d < x.rank(); ++d)
        inner *= x.dim(d);
    const std::int64_t n = x.dim(static_cast<int>(axis));
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    auto build = [&](auto tag) -> Prepared {
        using T = decltype(tag);
        return makeKernel([=](const RunContext& rc) {
            const T* xi = tensorAt(rc, in).as<T>();
            T* yo = tensorAt(rc, out).as<T>();
            for (std::int64_t a = 0; a < outer; ++a)
                for (std::int64_t c = 0; c < inner; ++c) {
                    // Integers wrap on overflow, as in LiteRT.
                    auto add = [](T p, T q) {
                        if constexpr (std::is_integral_v<T>)
                            return static_cast<T>(static_cast<std::uint64_t>(p) + static_cast<std::uint64_t>(q));
                        else
                            return static_cast<T>(p + q);
                    };
                    T acc{};
                    for (std::int64_t k = 0; k < n; ++k) {
                        const std::int64_t j = reverse ? n - 1 - k : k;
                        const std::int64_t at = (a * n + j) * inner + c;
                        if (exclusive) {
                            yo[at] = acc;
                            acc = add(acc, xi[at]);
                        } else {
                            acc = add(acc, xi[at]);
                            yo[at] = acc;
                        }
                    }
                }
        });
    };
    switch (x.dtype) {
    case model::DType::Float32: return build(float{});
    case model::DType::Int32: return build(std::int32_t{});
    case model::DType::Int64: return build(std::int64_t{});
    default: return ctx.unsupported();
    }
}

Prepared prepareDensify(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    if (!x.constant)
        return ctx.fail("the input must be a (sparse) constant");
    if (x.dtype != ctx.out(0).dtype)
        return ctx.unsupported();
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    const auto bytes = static_cast<std::size_t>(x.bytes);
    return makeKernel([=](const RunContext& rc) { std::memcpy(tensorAt(rc, out).data, tensorAt(rc, in).data, bytes); });
}

} // namespace ql::exec
