// SPDX-License-Identifier: MIT
#include "exec/kernels/common.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace ql::exec {

// In 64 bits: a file may hold any stride, dilation or filter size.
int convOutputSize(tflite::Padding padding, int in, int filter, int stride, int dilation)
{
    const std::int64_t effective = (std::int64_t{filter} - 1) * dilation + 1;
    const std::int64_t out = padding == tflite::Padding::SAME ? (std::int64_t{in} + stride - 1) / stride
                                                              : (std::int64_t{in} - effective + stride) / stride;
    return static_cast<int>(std::clamp<std::int64_t>(out, -1, std::numeric_limits<int>::max()));
}

int convPaddingBefore(int in, int filter, int stride, int dilation, int out)
{
    const std::int64_t effective = (std::int64_t{filter} - 1) * dilation + 1;
    const std::int64_t total = (std::int64_t{out} - 1) * stride + effective - in;
    return static_cast<int>(std::clamp<std::int64_t>(total / 2, 0, std::int64_t{1} << 30));
}

Requantizer makeRequantizer(float inputScale, const std::vector<float>& weightScales, float outputScale,
    std::int32_t outputZeroPoint, QuantRange range, Rounding rounding)
{
    Requantizer r;
    r.zeroPoint = outputZeroPoint;
    r.range = range;
    r.rounding = rounding;
    for (const float ws : weightScales) {
        // Reference: the real multiplier in double; XNNPACK: in float.
        const double real =
            static_cast<double>(inputScale) * static_cast<double>(ws) / static_cast<double>(outputScale);
        r.fixed.push_back(quantizeMultiplier(real));
        r.scale.push_back(inputScale * ws / outputScale);
    }
    return r;
}

QuantRange activationRange(tflite::ActivationFunctionType act, const RtTensor& y, Rounding rounding)
{
    const QuantRange t = typeRange(y.dtype);
    if (rounding == Rounding::Xnnpack && y.dtype != model::DType::Int16)
        return xnnActivationRange(act, y.scale(), y.zeroPoint(), t.min, t.max);
    return quantActivationRange(act, y.scale(), y.zeroPoint(), t.min, t.max);
}

std::vector<std::int64_t> readIndexVector(const RtTensor& t)
{
    std::vector<std::int64_t> v(static_cast<std::size_t>(t.count()));
    for (std::size_t i = 0; i < v.size(); ++i)
        v[i] = t.dtype == model::DType::Int64 ? t.as<std::int64_t>()[i] : t.as<std::int32_t>()[i];
    return v;
}

std::optional<std::vector<std::int32_t>> broadcastShapes(
    const std::vector<std::int32_t>& a, const std::vector<std::int32_t>& b)
{
    const std::size_t rank = std::max(a.size(), b.size());
    std::vector<std::int32_t> out(rank);
    for (std::size_t k = 0; k < rank; ++k) {
        const std::int32_t x = k < a.size() ? a[a.size() - 1 - k] : 1;
        const std::int32_t y = k < b.size() ? b[b.size() - 1 - k] : 1;
        if (x != y && x != 1 && y != 1)
            return std::nullopt;
        out[rank - 1 - k] = x == 1 ? y : x;
    }
    return out;
}

Result<Broadcast> makeBroadcast(NodeContext& ctx, int ia, int ib)
{
    const RtTensor& x = ctx.in(ia);
    const RtTensor& z = ctx.in(ib);
    const auto shape = broadcastShapes(x.shape, z.shape);
    if (!shape)
        return ctx.fail("inputs " + shapeText(x.shape) + " and " + shapeText(z.shape) + " do not broadcast");
    if (auto st = ctx.setOutputShape(0, *shape); !st)
        return st.error();
    Broadcast b;
    b.outShape = *shape;
    if (x.shape == *shape && z.shape == *shape) {
        b.same = true;
        return b;
    }
    const int rank = static_cast<int>(shape->size());
    auto strides = [&](const RtTensor& t, std::vector<std::int64_t>& s) {
        s.assign(static_cast<std::size_t>(rank), 0);
        std::int64_t stride = 1;
        for (int d = rank - 1, k = t.rank() - 1; d >= 0; --d, --k) {
            const int dim = k >= 0 ? t.dim(k) : 1;
            s[static_cast<std::size_t>(d)] = dim == 1 ? 0 : stride;
            stride *= dim;
        }
    };
    strides(x, b.strideA);
    strides(z, b.strideB);
    return b;
}

void copyStrided(const std::uint8_t* src, const std::vector<std::int32_t>& shape, const StridedRegion& region,
    std::int64_t elementBytes, std::uint8_t* dst)
{
    const std::size_t rank = shape.size();
    std::int64_t total = 1;
    for (const auto c : region.count)
        total *= c;
    if (total == 0)
        return;
    if (rank == 0) {
        std::memcpy(dst, src, static_cast<std::size_t>(elementBytes));
        return;
    }
    std::vector<std::int64_t> stride(rank, 1);
    for (std::size_t d = rank - 1; d-- > 0;)
        stride[d] = stride[d + 1] * shape[d + 1];
    // The last dimension with step 1 is copied as one run.
    const std::size_t last = rank - 1;
    const bool contiguous = region.step[last] == 1;
    const std::int64_t run = contiguous ? region.count[last] : 1;
    const std::int64_t runBytes = run * elementBytes;
    std::vector<std::int64_t> idx(rank, 0);
    std::int64_t base = 0;
    for (std::size_t d = 0; d < rank; ++d)
        base += region.start[d] * stride[d];
    std::int64_t offset = base;
    for (std::int64_t k = 0; k < total; k += run) {
        std::memcpy(dst, src + offset * elementBytes, static_cast<std::size_t>(runBytes));
        dst += runBytes;
        for (std::size_t d = contiguous ? last : rank; d-- > 0;) {
            offset += region.step[d] * stride[d];
            if (++idx[d] < region.count[d])
                break;
            offset -= region.step[d] * stride[d] * idx[d];
            idx[d] = 0;
        }
    }
}

std::vector<std::uint8_t> zeroValue(const RtTensor& y)
{
    std::vector<std::uint8_t> v(static_cast<std::size_t>(elementBytes(y.dtype)), 0);
    const std::int32_t z = y.zeroPoint();
    if (y.dtype == model::DType::Int8)
        v[0] = static_cast<std::uint8_t>(static_cast<std::int8_t>(z));
    else if (y.dtype == model::DType::UInt8)
        v[0] = static_cast<std::uint8_t>(z);
    else if (y.dtype == model::DType::Int16) {
        const auto z16 = static_cast<std::int16_t>(z);
        std::memcpy(v.data(), &z16, 2);
    }
    return v;
}

QuantRange typeRange(model::DType t)
{
    switch (t) {
    case model::DType::Int8: return {-128, 127};
    case model::DType::UInt8: return {0, 255};
    case model::DType::Int16: return {-32768, 32767};
    case model::DType::Int32:
        return {std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int32_t>::max()};
    default: return {0, 0};
    }
}

Status checkWeightScales(const NodeContext& ctx, const RtTensor& w, int channels)
{
    const auto n = w.quantization().scale.size();
    if (n != 1 && static_cast<int>(n) != channels)
        return ctx.fail("weights have " + std::to_string(n) + " scales for " + std::to_string(channels) + " output channels");
    return {};
}

Status checkDeclaredBiasType(const NodeContext& ctx, tflite::TensorType declared, model::DType bias, bool allowUndeclaredInt32)
{
    using T = tflite::TensorType;
    if (declared != T::FLOAT32 && (declared == T::INT32) != (bias == model::DType::Int32))
        return ctx.fail("declares quantized_bias_type " + std::string(tflite::EnumNameTensorType(declared)) +
            " but its bias is " + model::dtypeName(bias));
    if (declared == T::FLOAT32 && bias == model::DType::Int32 && !allowUndeclaredInt32)
        return ctx.fail("has an int32 bias but its options do not declare quantized_bias_type INT32; LiteRT would "
                        "read the bias as int64");
    return {};
}

} // namespace ql::exec
