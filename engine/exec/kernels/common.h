// SPDX-License-Identifier: MIT
// Helpers shared by the kernels.
#pragma once

#include "exec/activation.h"
#include "exec/kernel.h"
#include "exec/kernels/kernels.h"
#include "exec/quant_math.h"
#include "exec/thread_pool.h"
#include "model/validate.h"

#include <functional>
#include <limits>
#include <optional>
#include <memory>
#include <type_traits>
#include <vector>

namespace ql::exec {

// A kernel as a closure over the parameters prepare computed. The closure returns void, or a
// Status when it can fail at run time.
template <class F> class FnKernel : public Kernel {
public:
    explicit FnKernel(F fn)
        : m_fn(std::move(fn))
    {
    }
    Status run(const RunContext& ctx) const override
    {
        if constexpr (std::is_void_v<std::invoke_result_t<const F&, const RunContext&>>) {
            m_fn(ctx);
            return {};
        } else {
            return m_fn(ctx);
        }
    }

private:
    F m_fn;
};

template <class F> Result<std::unique_ptr<Kernel>> makeKernel(F fn)
{
    return std::unique_ptr<Kernel>(std::make_unique<FnKernel<F>>(std::move(fn)));
}

inline RtTensor& tensorAt(const RunContext& ctx, int index)
{
    return ctx.tensors[static_cast<std::size_t>(index)];
}

struct Padding2D {
    int top = 0, left = 0;
};

// Output size and leading padding of a convolution or pooling window along one axis, as TFLite
// computes them (SAME: ceil(in / stride); VALID: windows that fit; extra padding goes at the end).
int convOutputSize(tflite::Padding padding, int in, int filter, int stride, int dilation);
int convPaddingBefore(int in, int filter, int stride, int dilation, int out);

// Per-tensor or per-channel requantization of an int32 accumulator to an integer output, prepared
// for both roundings.
struct Requantizer {
    std::vector<FixedMultiplier> fixed; // reference rounding, per channel (size 1 if per-tensor)
    std::vector<float> scale; // xnnpack rounding
    std::int32_t zeroPoint = 0;
    QuantRange range{};
    Rounding rounding = Rounding::Xnnpack;
    // Reference rounding with one rounding shift (ruy, LiteRT's optimized integer GEMM) instead of TFLite's
    // reference two.
    bool singleRounding = false;

    // LiteRT's 16x8 FULLY_CONNECTED requantizes in double: round(acc * in * w / out), half away
    // from zero (set by the kernel; empty otherwise).
    std::vector<double> real;

    // A 64-bit accumulator (16x8 kernels) goes through TFLite's 64-bit multiplier.
    std::int32_t apply(std::int64_t acc, std::size_t channel) const
    {
        const std::size_t c = fixed.size() == 1 ? 0 : channel;
        if (!real.empty()) {
            const double v = std::round(static_cast<double>(acc) * real[real.size() == 1 ? 0 : channel]);
            return addClamped(
                static_cast<std::int64_t>(std::clamp(v, -4.0e18, 4.0e18)), zeroPoint, range.min, range.max);
        }
        return addClamped(multiplyByQuantizedMultiplier64(acc, fixed[c]), zeroPoint, range.min, range.max);
    }

    std::int32_t apply(std::int32_t acc, std::size_t channel) const
    {
        const std::size_t c = fixed.size() == 1 ? 0 : channel;
        if (rounding == Rounding::Reference && singleRounding)
            return addClamped(multiplyByQuantizedMultiplierSingle(acc, fixed[c]), zeroPoint, range.min, range.max);
        return rounding == Rounding::Reference ? requantizeFixed(acc, fixed[c], zeroPoint, range.min, range.max)
                                               : requantizeFloat(acc, scale[c], zeroPoint, range.min, range.max);
    }

    // Requantizes `pixels` rows of `channels` accumulators (acc + base[c]) into out; the xnnpack loop
    // is written so that the compiler vectorizes it (round half to even by the 1.5 * 2^23 trick, exact
    // for the clamped range).
    template <class T>
    void applyRows(const std::int32_t* acc, const std::int32_t* base, std::int64_t pixels, int channels, T* out) const
    {
        if (rounding == Rounding::Reference) {
            for (std::int64_t p = 0; p < pixels; ++p)
                for (int c = 0; c < channels; ++c)
                    out[p * channels + c] =
                        static_cast<T>(apply(acc[p * channels + c] + base[c], static_cast<std::size_t>(c)));
            return;
        }
        const float lo = static_cast<float>(range.min - zeroPoint), hi = static_cast<float>(range.max - zeroPoint);
        const float* sc = scale.data();
        const bool perChannel = scale.size() > 1;
        constexpr float kMagic = 12582912.0f; // 1.5 * 2^23
        for (std::int64_t p = 0; p < pixels; ++p) {
            const std::int32_t* a = acc + p * channels;
            T* o = out + p * channels;
            for (int c = 0; c < channels; ++c) {
                float v = static_cast<float>(a[c] + base[c]) * (perChannel ? sc[c] : sc[0]);
                v = v < lo ? lo : (v > hi ? hi : v);
                o[c] = static_cast<T>(static_cast<std::int32_t>((v + kMagic) - kMagic) + zeroPoint);
            }
        }
    }
};

// Multipliers for output = acc * inputScale * weightScale[c] / outputScale.
Requantizer makeRequantizer(float inputScale, const std::vector<float>& weightScales, float outputScale,
    std::int32_t outputZeroPoint, QuantRange range, Rounding rounding);

// Fails when a sum of `terms` products of 8-bit codes could overflow an int32 accumulator (no real
// model comes near; a hostile one must not cause undefined behaviour).
inline Status checkAccumulator(const NodeContext& ctx, std::int64_t terms)
{
    const model::DType t = ctx.in(0).dtype;
    if (t != model::DType::Int8 && t != model::DType::UInt8)
        return {};
    const std::int64_t maxProduct = t == model::DType::UInt8 ? 255 * 255 : 128 * 128;
    if (terms > (std::int64_t{1} << 30) / maxProduct)
        return ctx.fail("sums of " + std::to_string(terms) + " products could overflow the 32-bit accumulator");
    return {};
}

// The weights' zero point of an 8-bit kernel must be a code of the weights' type (a file may store
// anything; the integer GEMM and the accumulator bound assume this).
// Weights quantized per tensor or with one scale per output channel (`channels` of them).
Status checkWeightScales(const NodeContext& ctx, const RtTensor& w, int channels);

// A 16x8 layer's bias width: LiteRT takes it from the options' quantized_bias_type (FLOAT32: unset),
// not from the tensor. A declared type must be the bias's; an int32 bias left undeclared is read as
// int64 by the kernels that take this path (allowUndeclaredInt32: a caller that runs it otherwise).
Status checkDeclaredBiasType(
    const NodeContext& ctx, tflite::TensorType declared, model::DType bias, bool allowUndeclaredInt32 = false);

template <class TW> Status checkWeightZeroPoint(const NodeContext& ctx, std::int32_t zeroPoint)
{
    if (zeroPoint < std::numeric_limits<TW>::min() || zeroPoint > std::numeric_limits<TW>::max())
        return ctx.fail("the weights' zero point " + std::to_string(zeroPoint) + " is outside the range of their type");
    return {};
}

// An int32 bias (plus folded zero-point terms) limited to +-2^30, so that adding a checked sum of
// products cannot overflow; real models stay far inside.
template <class T> T clampBias(T v)
{
    if constexpr (sizeof(T) == 4)
        return static_cast<T>(std::clamp<std::int64_t>(v, -(std::int64_t{1} << 30), std::int64_t{1} << 30));
    else
        return std::clamp<T>(v, -(T{1} << 48), T{1} << 48);
}

// Integer convolution and fully-connected kernels fold weights (input 1) and bias (input 2) into their
// accumulators when prepared: both must be constants.
inline Status requireConstantWeightsAndBias(NodeContext& ctx)
{
    if (!ctx.in(1).constant)
        return ctx.fail("integer weights must be constants");
    if (ctx.hasInput(2) && !ctx.in(2).constant)
        return ctx.fail("the integer bias must be a constant");
    return {};
}

// bias - zp_x * sum(w - zp_w), the constant part of an accumulator, computed without overflow for any
// bias a file holds and clamped like clampBias.
template <class TAcc> TAcc foldBias(std::int64_t bias, std::int64_t zpTimesSum)
{
    const std::int64_t v = std::clamp<std::int64_t>(bias, -(std::int64_t{1} << 48), std::int64_t{1} << 48) - zpTimesSum;
    if constexpr (sizeof(TAcc) == 4)
        return static_cast<TAcc>(std::clamp<std::int64_t>(v, -(std::int64_t{1} << 30), std::int64_t{1} << 30));
    else
        return clampBias<TAcc>(static_cast<TAcc>(v));
}

// Bytes one element of `t` takes (sub-byte types count as one).
inline std::int64_t elementBytes(model::DType t)
{
    return std::max(1, model::dtypeBits(t) / 8);
}

// An int32 or int64 index tensor (constant or computed) as int64 values.
std::vector<std::int64_t> readIndexVector(const RtTensor& t);

// Calls fn(T{}) with the C++ type of `t` for the plain numeric types (bool included); false when
// `t` is none of them.
template <class F> bool withNumericType(model::DType t, F&& fn)
{
    using model::DType;
    switch (t) {
    case DType::Float32: fn(float{}); return true;
    case DType::Float64: fn(double{}); return true;
    case DType::Int8: fn(std::int8_t{}); return true;
    case DType::UInt8: fn(std::uint8_t{}); return true;
    case DType::Int16: fn(std::int16_t{}); return true;
    case DType::UInt16: fn(std::uint16_t{}); return true;
    case DType::Int32: fn(std::int32_t{}); return true;
    case DType::UInt32: fn(std::uint32_t{}); return true;
    case DType::Int64: fn(std::int64_t{}); return true;
    case DType::UInt64: fn(std::uint64_t{}); return true;
    case DType::Bool: fn(bool{}); return true;
    default: return false;
    }
}

// Whether two tensors carry the same (per-tensor) quantization, as byte-moving operators need.
inline bool sameQuantization(const RtTensor& a, const RtTensor& b)
{
    return a.scale() == b.scale() && a.zeroPoint() == b.zeroPoint();
}

// For byte-moving operators on quantized tensors: the runtimes require the output quantized like
// the input (LiteRT fails to prepare otherwise).
inline Status expectSameQuantization(const NodeContext& ctx, const RtTensor& x, const RtTensor& y)
{
    const bool quantized = x.meta && x.meta->quantization.hasScale();
    if (quantized && !sameQuantization(x, y))
        return ctx.fail("input (scale " + std::to_string(x.scale()) + ", zero point " + std::to_string(x.zeroPoint()) +
            ") and output (scale " + std::to_string(y.scale()) + ", zero point " + std::to_string(y.zeroPoint()) +
            ") must be quantized alike");
    return {};
}

// The padding value of a byte-moving operator: 0, or the zero point of a quantized output.
std::vector<std::uint8_t> zeroValue(const RtTensor& y);

// Offsets of both inputs of a binary element-wise operator for every output element (numpy
// broadcasting, right-aligned).
struct Broadcast {
    bool same = false; // equal shapes: offsets are the output index
    std::vector<std::int32_t> outShape;
    std::vector<std::int64_t> strideA, strideB;

    template <class Fn> void forEach(std::int64_t n, Fn&& fn) const
    {
        if (same) {
            for (std::int64_t i = 0; i < n; ++i)
                fn(i, i, i);
            return;
        }
        const int rank = static_cast<int>(outShape.size());
        std::vector<std::int64_t> idx(static_cast<std::size_t>(rank), 0);
        std::int64_t a = 0, b = 0;
        for (std::int64_t i = 0; i < n; ++i) {
            fn(i, a, b);
            for (int d = rank - 1; d >= 0; --d) {
                const auto u = static_cast<std::size_t>(d);
                ++idx[u];
                a += strideA[u];
                b += strideB[u];
                if (idx[u] < outShape[u])
                    break;
                a -= strideA[u] * idx[u];
                b -= strideB[u] * idx[u];
                idx[u] = 0;
            }
        }
    }
};

// The broadcast of inputs `a` and `b` of the operator; sets the shape of output 0.
Result<Broadcast> makeBroadcast(NodeContext& ctx, int a = 0, int b = 1);

// int16 ADD / SUB in the power-of-two form of older files (add_sub_pot16.cpp): whether LiteRT takes it for
// this node, and the kernel.
bool usesPotInt16AddSub(const NodeContext& ctx);
Prepared preparePotInt16AddSub(NodeContext& ctx, bool subtract, const Broadcast& bc, tflite::ActivationFunctionType act);
// The numpy broadcast of two shapes, or nothing when they do not broadcast.
std::optional<std::vector<std::int32_t>> broadcastShapes(
    const std::vector<std::int32_t>& a, const std::vector<std::int32_t>& b);

// A regular selection of a row-major tensor: per dimension, the first index, the step (negative
// walks backwards) and how many indices.
struct StridedRegion {
    std::vector<std::int64_t> start, step, count;
};
// Copies the selected elements (`elementBytes` each) of `src` of `shape` densely into `dst`.
void copyStrided(const std::uint8_t* src, const std::vector<std::int32_t>& shape, const StridedRegion& region,
    std::int64_t elementBytes, std::uint8_t* dst);

// Range of the integer type of `t` (int8, uint8, int16).
QuantRange typeRange(model::DType t);

// The integer clamp of a fused activation on output `y`, derived the way the runtime of `rounding`
// derives it (16-bit outputs never reach XNNPACK).
QuantRange activationRange(tflite::ActivationFunctionType act, const RtTensor& y, Rounding rounding);

} // namespace ql::exec
