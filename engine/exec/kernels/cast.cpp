// SPDX-License-Identifier: MIT
// CAST between the numeric types (and bool, complex64 → real part), ignoring quantization as the
// runtime does. Float to integer truncates toward zero and treats out-of-range values as LiteRT's
// WebAssembly build does (see convert); integer to narrower integer wraps.
#include "exec/kernels/common.h"

#include <cmath>
#include <limits>
#include <type_traits>

namespace ql::exec {

namespace {

// x truncated and saturated to the range of Wide (NaN: 0), then wrapped to To.
template <class To, class Wide> To saturateThenWrap(double t)
{
    if (!(t == t))
        return 0;
    if (t <= static_cast<double>(std::numeric_limits<Wide>::min()))
        return static_cast<To>(std::numeric_limits<Wide>::min());
    if (t >= static_cast<double>(std::numeric_limits<Wide>::max()))
        return static_cast<To>(std::numeric_limits<Wide>::max());
    return static_cast<To>(static_cast<Wide>(t));
}

// Float to integer as the runtime converts (measured, notes §6.14): int8 and uint16 saturate to the
// 32-bit type and keep the low bits (200.7 → -56, 70000 → 4464); uint8 and int16 clamp; int32, uint32,
// int64 saturate. NaN gives 0, except int32: 2^31 - 1.
template <class To, class From> To convert(From v)
{
    if constexpr (std::is_same_v<To, bool>) {
        return v != From(0);
    } else if constexpr (std::is_floating_point_v<From> && std::is_integral_v<To>) {
        const double t = std::trunc(static_cast<double>(v));
        if constexpr (std::is_same_v<To, std::int8_t>)
            return saturateThenWrap<To, std::int32_t>(t);
        else if constexpr (std::is_same_v<To, std::uint16_t>)
            return saturateThenWrap<To, std::uint32_t>(t);
        else if constexpr (std::is_same_v<To, std::int32_t>)
            return t == t ? saturateThenWrap<To, To>(t) : std::numeric_limits<To>::max();
        else
            return saturateThenWrap<To, To>(t);
    } else {
        return static_cast<To>(v);
    }
}

} // namespace

Prepared prepareCast(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const model::DType from = x.dtype, to = ctx.out(0).dtype;
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    Prepared result = ctx.unsupported();
    const bool known = withNumericType(to, [&](auto toTag) {
        using To = decltype(toTag);
        if (from == model::DType::Complex64) {
            if constexpr (!std::is_same_v<To, bool>)
                result = makeKernel([=](const RunContext& rc) {
                    const float* src = tensorAt(rc, in).as<float>();
                    To* dst = tensorAt(rc, out).as<To>();
                    for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i)
                        dst[i] = convert<To>(src[2 * i]);
                });
            return;
        }
        withNumericType(from, [&](auto fromTag) {
            using From = decltype(fromTag);
            result = makeKernel([=](const RunContext& rc) {
                const From* src = tensorAt(rc, in).as<From>();
                To* dst = tensorAt(rc, out).as<To>();
                for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i)
                    dst[i] = convert<To>(src[i]);
            });
        });
    });
    if (!known && to == model::DType::Complex64) {
        withNumericType(from, [&](auto fromTag) {
            using From = decltype(fromTag);
            result = makeKernel([=](const RunContext& rc) {
                const From* src = tensorAt(rc, in).as<From>();
                float* dst = tensorAt(rc, out).as<float>();
                for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i) {
                    dst[2 * i] = static_cast<float>(src[i]);
                    dst[2 * i + 1] = 0.0f;
                }
            });
        });
    }
    return result;
}

} // namespace ql::exec
