// SPDX-License-Identifier: MIT
// Reductions: MEAN, SUM, REDUCE_MAX, REDUCE_MIN, REDUCE_PROD, REDUCE_ANY, REDUCE_ALL (the axes are
// an input whose values must be known when the operator is prepared).
#include "exec/kernels/common.h"

#include <cmath>
#include <limits>
#include <type_traits>

namespace ql::exec {

namespace {

using model::DType;
enum class Reduce { Mean, Sum, Max, Min, Prod, Any, All };

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

// Quantized SUM (XNNPACK's float rescale of the code sum for 8-bit tensors; TFLite's for int16;
// tflite-micro's fixed point) and REDUCE_PROD (TFLite: the product rescaled after every factor with a
// 64-bit multiplier; tflite-micro has none).
Prepared prepareQuantizedSumProd(NodeContext& ctx, bool product, const Axes& ax, std::vector<std::int64_t> map)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    const DType t = x.dtype;
    const std::int64_t n = ax.reduceCount, outCount = ax.outCount;
    const std::int32_t zi = x.zeroPoint(), zo = y.zeroPoint();
    const QuantRange r = typeRange(t);
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    auto code = [t](const RtTensor& xt, std::size_t i) -> std::int32_t {
        return t == DType::Int8 ? xt.as<std::int8_t>()[i] : t == DType::UInt8 ? xt.as<std::uint8_t>()[i] : xt.as<std::int16_t>()[i];
    };
    auto store = [t](RtTensor& yt, std::int64_t k, std::int32_t v) {
        if (t == DType::Int8)
            yt.as<std::int8_t>()[k] = static_cast<std::int8_t>(v);
        else if (t == DType::UInt8)
            yt.as<std::uint8_t>()[k] = static_cast<std::uint8_t>(v);
        else
            yt.as<std::int16_t>()[k] = static_cast<std::int16_t>(v);
    };
    if (product) {
        if (ctx.rounding == Rounding::Reference)
            return ctx.fail("tflite-micro has no REDUCE_PROD");
        if (t == DType::UInt8 || (t == DType::Int16 && (zi != 0 || zo != 0)))
            return ctx.unsupported();
        const FixedMultiplier m = quantizeMultiplier(
            static_cast<double>(x.scale()) / std::pow(static_cast<double>(y.scale()), 1.0 / static_cast<double>(n)));
        return makeKernel([=, map = std::move(map)](const RunContext& rc) {
            const RtTensor& xt = tensorAt(rc, in);
            std::vector<std::int32_t> acc(static_cast<std::size_t>(outCount), 0);
            std::vector<bool> started(static_cast<std::size_t>(outCount), false);
            for (std::size_t i = 0; i < map.size(); ++i) {
                const auto k = static_cast<std::size_t>(map[i]);
                const std::int32_t v = code(xt, i) - zi;
                if (!started[k]) {
                    acc[k] = v;
                    started[k] = true;
                } else {
                    acc[k] = multiplyByQuantizedMultiplier64(static_cast<std::int64_t>(acc[k]) * v, m);
                }
            }
            for (std::int64_t k = 0; k < outCount; ++k)
                store(tensorAt(rc, out), k,
                    addClamped(multiplyByQuantizedMultiplier64(acc[static_cast<std::size_t>(k)], m), zo, r.min, r.max));
        });
    }
    const float c = x.scale() / y.scale();
    const bool xnn = ctx.rounding == Rounding::Xnnpack && t != DType::Int16;
    const bool lite = ctx.rounding == Rounding::Xnnpack;
    const FixedMultiplier fixedM = quantizeMultiplier(static_cast<double>(x.scale()) / y.scale());
    if (t == DType::Int16 && (zi != 0 || zo != 0))
        return ctx.fail("int16 sums need zero points 0");
    return makeKernel([=, map = std::move(map)](const RunContext& rc) {
        const RtTensor& xt = tensorAt(rc, in);
        std::vector<std::int32_t> sum(static_cast<std::size_t>(outCount), 0);
        for (std::size_t i = 0; i < map.size(); ++i)
            sum[static_cast<std::size_t>(map[i])] += code(xt, i);
        for (std::int64_t k = 0; k < outCount; ++k) {
            const std::int32_t s = sum[static_cast<std::size_t>(k)];
            std::int32_t v;
            if (xnn) {
                const float zShift = static_cast<float>(zo) - (static_cast<float>(n * zi) * c);
                v = std::clamp(roundHalfEven(static_cast<float>(s) * c + zShift), r.min, r.max);
            } else if (lite) { // LiteRT's own kernel (int16)
                const float bias = (static_cast<float>(-zi) * c) * static_cast<float>(n);
                v = addClamped(roundToInt32(static_cast<float>(s) * c + bias), zo, r.min, r.max);
            } else { // tflite-micro: the centred sum through the fixed-point multiplier
                v = addClamped(multiplyByQuantizedMultiplier(saturate32(std::int64_t{s} - std::int64_t{zi} * n), fixedM), zo,
                    r.min, r.max);
            }
            store(tensorAt(rc, out), k, v);
        }
    });
}

// Plain (not quantized) reduction of T, accumulated in the element type as the runtimes do.
template <class T> Prepared plainReduce(NodeContext& ctx, Reduce kind, const Axes& ax, std::vector<std::int64_t> map)
{
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    const std::int64_t outCount = ax.outCount;
    const std::int64_t reduceCount = ax.reduceCount;
    T init{};
    if constexpr (std::is_same_v<T, bool>) {
        init = kind == Reduce::All;
    } else {
        if (kind == Reduce::Max)
            init = std::numeric_limits<T>::has_infinity ? -std::numeric_limits<T>::infinity() : std::numeric_limits<T>::lowest();
        else if (kind == Reduce::Min)
            init = std::numeric_limits<T>::has_infinity ? std::numeric_limits<T>::infinity() : std::numeric_limits<T>::max();
        else if (kind == Reduce::Prod)
            init = T(1);
    }
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        // Integer MEAN (not quantized): LiteRT adds up in int64, then divides truncating.
        if (kind == Reduce::Mean)
            return makeKernel([=, map = std::move(map)](const RunContext& rc) {
                const T* xi = tensorAt(rc, in).as<T>();
                T* yo = tensorAt(rc, out).as<T>();
                std::vector<std::int64_t> acc(static_cast<std::size_t>(outCount), 0);
                for (std::size_t i = 0; i < map.size(); ++i)
                    acc[static_cast<std::size_t>(map[i])] =
                        static_cast<std::int64_t>(static_cast<std::uint64_t>(acc[static_cast<std::size_t>(map[i])]) + static_cast<std::uint64_t>(xi[i]));
                const auto n = static_cast<std::int64_t>(reduceCount);
                for (std::int64_t k = 0; k < outCount; ++k)
                    yo[k] = static_cast<T>(n > 0 ? acc[static_cast<std::size_t>(k)] / n : 0);
            });
    }
    return makeKernel([=, map = std::move(map)](const RunContext& rc) {
        const T* xi = tensorAt(rc, in).as<T>();
        T* yo = tensorAt(rc, out).as<T>();
        std::fill(yo, yo + outCount, init);
        for (std::size_t i = 0; i < map.size(); ++i) {
            T& acc = yo[map[i]];
            if constexpr (std::is_same_v<T, bool>) {
                acc = kind == Reduce::All ? (acc && xi[i]) : (acc || xi[i]);
            } else {
                switch (kind) {
                case Reduce::Max: acc = xi[i] > acc ? xi[i] : acc; break;
                case Reduce::Min: acc = xi[i] < acc ? xi[i] : acc; break;
                case Reduce::Prod:
                    if constexpr (std::is_integral_v<T>) // integers wrap, as in LiteRT
                        acc = static_cast<T>(static_cast<std::uint64_t>(acc) * static_cast<std::uint64_t>(xi[i]));
                    else
                        acc = static_cast<T>(acc * xi[i]);
                    break;
                default:
                    if constexpr (std::is_integral_v<T>)
                        acc = static_cast<T>(static_cast<std::uint64_t>(acc) + static_cast<std::uint64_t>(xi[i]));
                    else
                        acc = static_cast<T>(acc + xi[i]);
                    break;
                }
            }
        }
        if constexpr (!std::is_same_v<T, bool>)
            if (kind == Reduce::Mean && reduceCount > 0)
                for (std::int64_t k = 0; k < outCount; ++k)
                    yo[k] = static_cast<T>(yo[k] / static_cast<T>(reduceCount));
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
    if (x.dtype == DType::Float32 && kind != Reduce::Max && kind != Reduce::Min && kind != Reduce::Prod) {
        return makeKernel([=, map = std::move(map)](const RunContext& rc) {
            const float* xi = tensorAt(rc, in).as<float>();
            float* yo = tensorAt(rc, out).as<float>();
            std::fill(yo, yo + outCount, 0.0f);
            for (std::size_t i = 0; i < map.size(); ++i)
                yo[map[i]] += xi[i];
            if (kind == Reduce::Mean)
                for (std::int64_t k = 0; k < outCount; ++k)
                    yo[k] /= reduceCount;
        });
    }
    if (x.dtype == DType::Float32)
        return plainReduce<float>(ctx, kind, *ax, std::move(map));
    const bool quantized = x.meta->quantization.hasScale() &&
        (x.dtype == DType::Int8 || x.dtype == DType::UInt8 || x.dtype == DType::Int16);
    if ((kind == Reduce::Any || kind == Reduce::All) != (x.dtype == DType::Bool))
        return ctx.unsupported();
    if (quantized) {
        // MAX and MIN pick codes: input and output must be quantized alike.
        if (kind == Reduce::Max || kind == Reduce::Min) {
            // XNNPACK (LiteRT, 8-bit) returns the raw extreme code whatever the output's parameters;
            // TFLite's and tflite-micro's kernels require them equal.
            const bool xnnpack = ctx.rounding == Rounding::Xnnpack && x.dtype != DType::Int16;
            if (!xnnpack)
                if (auto st = expectSameQuantization(ctx, x, y); !st)
                    return st.error();
            if (x.dtype == DType::Int8)
                return plainReduce<std::int8_t>(ctx, kind, *ax, std::move(map));
            if (x.dtype == DType::UInt8)
                return plainReduce<std::uint8_t>(ctx, kind, *ax, std::move(map));
            return plainReduce<std::int16_t>(ctx, kind, *ax, std::move(map));
        }
        if (kind == Reduce::Mean)
            return prepareIntMean(ctx, *ax, std::move(map));
        return prepareQuantizedSumProd(ctx, kind == Reduce::Prod, *ax, std::move(map));
    }
    switch (x.dtype) {
    case DType::Int32: return plainReduce<std::int32_t>(ctx, kind, *ax, std::move(map));
    case DType::Int64: return plainReduce<std::int64_t>(ctx, kind, *ax, std::move(map));
    case DType::Int8: return plainReduce<std::int8_t>(ctx, kind, *ax, std::move(map));
    case DType::Int16: return plainReduce<std::int16_t>(ctx, kind, *ax, std::move(map));
    case DType::UInt8: return plainReduce<std::uint8_t>(ctx, kind, *ax, std::move(map));
    case DType::Bool: return plainReduce<bool>(ctx, kind, *ax, std::move(map));
    default: return ctx.unsupported();
    }
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
Prepared prepareReduceMin(NodeContext& ctx)
{
    return prepareReduce(ctx, Reduce::Min);
}
Prepared prepareReduceProd(NodeContext& ctx)
{
    return prepareReduce(ctx, Reduce::Prod);
}
Prepared prepareReduceAny(NodeContext& ctx)
{
    return prepareReduce(ctx, Reduce::Any);
}
Prepared prepareReduceAll(NodeContext& ctx)
{
    return prepareReduce(ctx, Reduce::All);
}

} // namespace ql::exec
