// SPDX-License-Identifier: MIT
// Reductions over constant axes: MEAN, SUM, REDUCE_MAX.
#include "exec/kernels/common.h"

#include <cmath>
#include <limits>

namespace ql::exec {

namespace {

using model::DType;
enum class Reduce { Mean, Sum, Max };

struct Axes {
    std::vector<bool> reduced; // per input dimension
    std::vector<std::int32_t> outShape;
    std::int64_t outCount = 1, reduceCount = 1;
};

Result<Axes> reduceAxes(NodeContext& ctx)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor* av = ctx.valueOf(1);
    if (!av)
        return ctx.deferred();
    const RtTensor& a = *av;
    if (a.dtype != DType::Int32 && a.dtype != DType::Int64)
        return ctx.fail("axes must be an int32/int64 tensor");
    const auto* o = ctx.op.options.AsReducerOptions();
    const bool keep = o && o->keep_dims;
    Axes r;
    r.reduced.assign(static_cast<std::size_t>(x.rank()), false);
    for (std::int64_t i = 0; i < a.count(); ++i) {
        std::int64_t ax = a.dtype == DType::Int64 ? a.as<std::int64_t>()[i] : a.as<std::int32_t>()[i];
        if (ax < 0)
            ax += x.rank();
        if (ax < 0 || ax >= x.rank())
            return ctx.fail("axis " + std::to_string(ax) + " is out of range for rank " + std::to_string(x.rank()));
        r.reduced[static_cast<std::size_t>(ax)] = true;
    }
    for (int d = 0; d < x.rank(); ++d) {
        if (r.reduced[static_cast<std::size_t>(d)]) {
            r.reduceCount *= x.dim(d);
            if (keep)
                r.outShape.push_back(1);
        } else {
            r.outShape.push_back(x.dim(d));
            r.outCount *= x.dim(d);
        }
    }
    if (auto st = ctx.setOutputShape(0, r.outShape); !st)
        return st.error();
    return r;
}

// For each input element, the index of the output element it reduces into.
std::vector<std::int64_t> outputIndexMap(const RtTensor& x, const Axes& ax)
{
    std::vector<std::int64_t> map(static_cast<std::size_t>(x.count()));
    const int rank = x.rank();
    std::vector<std::int64_t> idx(static_cast<std::size_t>(rank), 0);
    for (std::int64_t i = 0; i < x.count(); ++i) {
        std::int64_t o = 0;
        for (int d = 0; d < rank; ++d)
            if (!ax.reduced[static_cast<std::size_t>(d)])
                o = o * x.dim(d) + idx[static_cast<std::size_t>(d)];
        map[static_cast<std::size_t>(i)] = o;
        for (int d = rank - 1; d >= 0; --d) {
            if (++idx[static_cast<std::size_t>(d)] < x.dim(d))
                break;
            idx[static_cast<std::size_t>(d)] = 0;
        }
    }
    return map;
}

// Integer MEAN. xnnpack: the sum of (x - zp_in) scaled in float by s_in / (s_out * n), rounded half to
// even. reference: the sum requantized by s_in / s_out with the fixed-point multiplier, then divided
// by n rounding half away from zero (TFLite's integer kernel).
Prepared prepareIntMean(NodeContext& ctx, const Axes& ax, std::vector<std::int64_t> map)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    const std::int64_t n = ax.reduceCount;
    // xnnpack: c = f32(s_in/s_out) * f32(1/n); the input zero point folds into z'.
    const float c = (x.scale() / y.scale()) * (1.0f / static_cast<float>(n));
    const float zShift = static_cast<float>(y.zeroPoint()) - static_cast<float>(n * x.zeroPoint()) * c;
    // reference: the multiplier of s_in/s_out gains k = min(floor(log2 n), 32, 31 + e) bits and is
    // divided by n in 64-bit integers.
    FixedMultiplier fixed = quantizeMultiplier(static_cast<double>(x.scale()) / y.scale());
    {
        int k = 0;
        while ((std::int64_t{2} << k) <= n)
            ++k;
        k = std::min({k, 32, 31 + fixed.shift});
        fixed.multiplier = static_cast<std::int32_t>((static_cast<std::int64_t>(fixed.multiplier) << k) / n);
        fixed.shift -= k;
    }
    const std::int32_t zpIn = x.zeroPoint(), zpOut = y.zeroPoint();
    const QuantRange r = typeRange(y.dtype);
    const Rounding rounding = x.dtype == DType::Int16 ? Rounding::Reference : ctx.rounding;
    const DType t = x.dtype;
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    const std::int64_t outCount = ax.outCount;
    return makeKernel([=, map = std::move(map)](const RunContext& rc) {
        const RtTensor& xt = tensorAt(rc, in);
        RtTensor& yt = tensorAt(rc, out);
        std::vector<std::int32_t> acc(static_cast<std::size_t>(outCount), 0);
        for (std::size_t i = 0; i < map.size(); ++i) {
            const std::int32_t v = t == DType::Int8 ? xt.as<std::int8_t>()[i]
                : t == DType::UInt8                 ? xt.as<std::uint8_t>()[i]
                                                    : xt.as<std::int16_t>()[i];
            acc[static_cast<std::size_t>(map[i])] += v; // raw codes
        }
        for (std::int64_t k = 0; k < outCount; ++k) {
            const std::int32_t sum = acc[static_cast<std::size_t>(k)];
            std::int32_t q;
            if (rounding == Rounding::Xnnpack) {
                const float v = static_cast<float>(sum) * c + zShift;
                q = std::clamp(roundHalfEven(v), r.min, r.max);
            } else {
                const auto nn = static_cast<std::int32_t>(n);
                const std::int64_t centered = std::int64_t{sum} - std::int64_t{zpIn} * nn;
                q = addClamped(multiplyByQuantizedMultiplier(saturate32(centered), fixed), zpOut, r.min, r.max);
            }
            if (t == DType::Int8)
                yt.as<std::int8_t>()[k] = static_cast<std::int8_t>(q);
            else if (t == DType::UInt8)
                yt.as<std::uint8_t>()[k] = static_cast<std::uint8_t>(q);
            else
                yt.as<std::int16_t>()[k] = static_cast<std::int16_t>(q);
        }
    });
}

Prepared prepareReduce(NodeContext& ctx, Reduce kind)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    auto ax = reduceAxes(ctx);
    if (!ax)
        return ax.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    if (x.dtype != y.dtype)
        return ctx.unsupported();
    auto map = outputIndexMap(x, *ax);
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    const std::int64_t outCount = ax->outCount;
    const auto reduceCount = static_cast<float>(ax->reduceCount);
    if (x.dtype == DType::Float32) {
        return makeKernel([=, map = std::move(map)](const RunContext& rc) {
            const float* xi = tensorAt(rc, in).as<float>();
            float* yo = tensorAt(rc, out).as<float>();
            std::fill(yo, yo + outCount, kind == Reduce::Max ? -std::numeric_limits<float>::infinity() : 0.0f);
            for (std::size_t i = 0; i < map.size(); ++i)
                yo[map[i]] = kind == Reduce::Max ? std::max(yo[map[i]], xi[i]) : yo[map[i]] + xi[i];
            if (kind == Reduce::Mean)
                for (std::int64_t k = 0; k < outCount; ++k)
                    yo[k] /= reduceCount;
        });
    }
    if (kind == Reduce::Max && (x.dtype == DType::Int8 || x.dtype == DType::UInt8)) {
        if (x.scale() != y.scale() || x.zeroPoint() != y.zeroPoint())
            return ctx.fail("input and output must share their quantization");
        const bool isSigned = x.dtype == DType::Int8;
        return makeKernel([=, map = std::move(map)](const RunContext& rc) {
            const RtTensor& xt = tensorAt(rc, in);
            RtTensor& yt = tensorAt(rc, out);
            std::vector<std::int32_t> m(static_cast<std::size_t>(outCount), std::numeric_limits<std::int32_t>::min());
            for (std::size_t i = 0; i < map.size(); ++i) {
                const std::int32_t v = isSigned ? xt.as<std::int8_t>()[i] : xt.as<std::uint8_t>()[i];
                m[static_cast<std::size_t>(map[i])] = std::max(m[static_cast<std::size_t>(map[i])], v);
            }
            for (std::int64_t k = 0; k < outCount; ++k)
                yt.data[k] = static_cast<std::uint8_t>(m[static_cast<std::size_t>(k)]);
        });
    }
    if (kind == Reduce::Mean && (x.dtype == DType::Int8 || x.dtype == DType::UInt8 || x.dtype == DType::Int16))
        return prepareIntMean(ctx, *ax, std::move(map));
    return ctx.unsupported();
}

} // namespace

Prepared prepareMean(NodeContext& ctx)
{
    return prepareReduce(ctx, Reduce::Mean);
}
Prepared prepareSum(NodeContext& ctx)
{
    return prepareReduce(ctx, Reduce::Sum);
}
Prepared prepareReduceMax(NodeContext& ctx)
{
    return prepareReduce(ctx, Reduce::Max);
}

} // namespace ql::exec
