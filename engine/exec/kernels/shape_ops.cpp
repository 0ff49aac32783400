// SPDX-License-Identifier: MIT
// Operators that move bytes: RESHAPE / SQUEEZE / EXPAND_DIMS, SHAPE, PACK, STRIDED_SLICE,
// CONCATENATION, PAD / PADV2, TRANSPOSE. Quantized tensors pass through unchanged where input and
// output share their quantization; CONCATENATION requantizes inputs that do not.
#include "exec/kernels/common.h"

#include <cmath>
#include <cstring>

namespace ql::exec {

namespace {

using model::DType;

bool sameQuantization(const RtTensor& a, const RtTensor& b)
{
    return a.scale() == b.scale() && a.zeroPoint() == b.zeroPoint();
}

int normalizeAxis(int axis, int rank)
{
    return axis < 0 ? axis + rank : axis;
}

} // namespace

Prepared prepareReshape(NodeContext& ctx)
{
    if (ctx.inputCount() < 1 || ctx.outputCount() != 1 || !ctx.hasInput(0))
        return ctx.fail("needs one data input and one output");
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    if (x.dtype != y.dtype)
        return ctx.unsupported();
    if (x.count() != y.count())
        return ctx.fail(
            "input " + shapeText(x.shape) + " and output " + shapeText(y.shape) + " have different element counts");
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    const auto bytes = static_cast<std::size_t>(y.bytes);
    return makeKernel([=](const RunContext& rc) {
        const RtTensor& src = tensorAt(rc, in);
        RtTensor& dst = tensorAt(rc, out);
        if (src.data != dst.data && bytes)
            std::memmove(dst.data, src.data, bytes);
    });
}

Prepared prepareShape(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    if (y.count() != x.rank() || (y.dtype != DType::Int32 && y.dtype != DType::Int64))
        return ctx.fail("output must be an int32 or int64 vector of " + std::to_string(x.rank()) + " values");
    const auto shape = x.shape;
    const int out = ctx.outputIndex(0);
    const bool wide = y.dtype == DType::Int64;
    return makeKernel([=](const RunContext& rc) {
        RtTensor& o = tensorAt(rc, out);
        for (std::size_t i = 0; i < shape.size(); ++i) {
            if (wide)
                o.as<std::int64_t>()[i] = shape[i];
            else
                o.as<std::int32_t>()[i] = shape[i];
        }
    });
}

Prepared preparePack(NodeContext& ctx)
{
    const auto* o = ctx.op.options.AsPackOptions();
    if (!o || ctx.inputCount() < 1 || ctx.outputCount() != 1 || o->values_count != ctx.inputCount())
        return ctx.fail("needs PackOptions with values_count equal to the number of inputs");
    const RtTensor& first = ctx.in(0);
    const int rank = first.rank() + 1;
    const int axis = normalizeAxis(o->axis, rank);
    if (axis < 0 || axis >= rank)
        return ctx.fail("axis " + std::to_string(o->axis) + " is out of range for rank " + std::to_string(rank));
    std::vector<std::int32_t> shape = first.shape;
    shape.insert(shape.begin() + axis, ctx.inputCount());
    for (int i = 0; i < ctx.inputCount(); ++i)
        if (!ctx.hasInput(i) || ctx.in(i).shape != first.shape || ctx.in(i).dtype != first.dtype)
            return ctx.fail("input " + std::to_string(i) + " differs in shape or type from input 0");
    if (auto st = ctx.expectShape(ctx.out(0), shape, "output"); !st)
        return st.error();
    if (ctx.out(0).dtype != first.dtype)
        return ctx.unsupported();
    std::int64_t outer = 1;
    for (int i = 0; i < axis; ++i)
        outer *= first.shape[static_cast<std::size_t>(i)];
    const std::int64_t innerBytes = first.count() / std::max<std::int64_t>(outer, 1) * elementBytes(first.dtype);
    std::vector<int> ins(ctx.op.inputs.begin(), ctx.op.inputs.end());
    const int out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        std::uint8_t* dst = tensorAt(rc, out).data;
        for (std::int64_t o2 = 0; o2 < outer; ++o2)
            for (const int in : ins) {
                std::memcpy(dst, tensorAt(rc, in).data + o2 * innerBytes, static_cast<std::size_t>(innerBytes));
                dst += innerBytes;
            }
    });
}

Prepared prepareConcatenation(NodeContext& ctx)
{
    const auto* o = ctx.op.options.AsConcatenationOptions();
    if (!o || ctx.inputCount() < 1 || ctx.outputCount() != 1)
        return ctx.fail("needs ConcatenationOptions, inputs and one output");
    const RtTensor& y = ctx.out(0);
    const int rank = y.rank();
    const int axis = normalizeAxis(o->axis, rank);
    if (axis < 0 || axis >= rank)
        return ctx.fail("axis " + std::to_string(o->axis) + " is out of range for rank " + std::to_string(rank));
    const auto act = o->fused_activation_function;
    if (act != tflite::ActivationFunctionType::NONE && y.dtype != DType::Float32)
        return ctx.fail("fused activations on integer concatenation are not supported");
    std::int64_t outer = 1;
    for (int i = 0; i < axis; ++i)
        outer *= y.dim(i);
    std::int32_t total = 0;
    struct Part {
        int index;
        std::int64_t inner; // elements per outer step
        bool requantize;
        float scale, bias; // real = (q - zp_in) * s_in; out = round(q * scale + bias) + zp_out
    };
    std::vector<Part> parts;
    for (int i = 0; i < ctx.inputCount(); ++i) {
        if (!ctx.hasInput(i))
            return ctx.fail("input " + std::to_string(i) + " is omitted");
        const RtTensor& x = ctx.in(i);
        if (x.rank() != rank || x.dtype != y.dtype)
            return ctx.fail("input " + std::to_string(i) + " " + shapeText(x.shape) + " " + model::dtypeName(x.dtype) +
                " does not fit the output " + shapeText(y.shape) + " " + model::dtypeName(y.dtype));
        for (int d = 0; d < rank; ++d)
            if (d != axis && x.dim(d) != y.dim(d))
                return ctx.fail("input " + std::to_string(i) + " " + shapeText(x.shape) + " does not fit the output " +
                    shapeText(y.shape));
        total += x.dim(axis);
        Part p{ctx.inputIndex(i), x.count() / std::max<std::int64_t>(outer, 1), false, 1, 0};
        if (y.dtype == DType::Int8 || y.dtype == DType::UInt8 || y.dtype == DType::Int16) {
            p.requantize = !sameQuantization(x, y);
            p.scale = x.scale() / y.scale();
            p.bias = -static_cast<float>(x.zeroPoint()) * p.scale;
        }
        parts.push_back(p);
    }
    if (total != y.dim(axis))
        return ctx.fail("inputs add up to " + std::to_string(total) + " along axis " + std::to_string(axis) +
            ", the output has " + std::to_string(y.dim(axis)));
    const int out = ctx.outputIndex(0);
    const DType t = y.dtype;
    const std::int64_t eb = elementBytes(t);
    const FloatRange fr = floatActivationRange(act);
    const QuantRange qr = typeRange(t);
    const std::int32_t zpOut = y.zeroPoint();
    return makeKernel([=](const RunContext& rc) {
        std::uint8_t* dst = tensorAt(rc, out).data;
        for (std::int64_t o2 = 0; o2 < outer; ++o2)
            for (const Part& p : parts) {
                const std::uint8_t* src = tensorAt(rc, p.index).data + o2 * p.inner * eb;
                if (!p.requantize) {
                    std::memcpy(dst, src, static_cast<std::size_t>(p.inner * eb));
                } else {
                    for (std::int64_t k = 0; k < p.inner; ++k) {
                        std::int32_t q;
                        if (t == DType::Int8)
                            q = reinterpret_cast<const std::int8_t*>(src)[k];
                        else if (t == DType::UInt8)
                            q = src[k];
                        else
                            q = reinterpret_cast<const std::int16_t*>(src)[k];
                        const std::int32_t v = std::clamp(
                            roundToInt32((static_cast<float>(q) * p.scale + p.bias)) + zpOut, qr.min, qr.max);
                        if (t == DType::Int8)
                            reinterpret_cast<std::int8_t*>(dst)[k] = static_cast<std::int8_t>(v);
                        else if (t == DType::UInt8)
                            dst[k] = static_cast<std::uint8_t>(v);
                        else
                            reinterpret_cast<std::int16_t*>(dst)[k] = static_cast<std::int16_t>(v);
                    }
                }
                dst += p.inner * eb;
            }
        if (t == DType::Float32 && (fr.min > -INFINITY || fr.max < INFINITY)) {
            float* f = tensorAt(rc, out).as<float>();
            for (std::int64_t k = 0, n = tensorAt(rc, out).count(); k < n; ++k)
                f[k] = std::clamp(f[k], fr.min, fr.max);
        }
    });
}

Prepared prepareStridedSlice(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(4, 4, 1); !st)
        return st.error();
    const auto* o = ctx.op.options.AsStridedSliceOptions();
    if (!o)
        return ctx.fail("has no StridedSliceOptions");
    if (o->ellipsis_mask || o->new_axis_mask)
        return ctx.fail("ellipsis and new-axis masks are not supported");
    const RtTensor& x = ctx.in(0);
    const int rank = x.rank();
    for (int i = 1; i <= 3; ++i)
        if (ctx.in(i).count() != rank || (ctx.in(i).dtype != DType::Int32 && ctx.in(i).dtype != DType::Int64))
            return ctx.fail(
                "begin, end and strides must be int32 or int64 vectors of " + std::to_string(rank) + " values");
    if (x.dtype != ctx.out(0).dtype || rank > 6)
        return ctx.unsupported();
    const int in = ctx.inputIndex(0), bIdx = ctx.inputIndex(1), eIdx = ctx.inputIndex(2), sIdx = ctx.inputIndex(3);
    const int out = ctx.outputIndex(0);
    const auto shape = x.shape;
    const std::int64_t eb = elementBytes(x.dtype);
    const std::int64_t outCount = ctx.out(0).count();
    const auto opt = *o;
    return makeKernel([=](const RunContext& rc) -> Status {
        const auto begin = readIndexVector(tensorAt(rc, bIdx));
        const auto end = readIndexVector(tensorAt(rc, eIdx));
        const auto strides = readIndexVector(tensorAt(rc, sIdx));
        std::vector<std::int64_t> start(static_cast<std::size_t>(rank)), stop(start), step(start), count(start);
        std::int64_t n = 1;
        for (int d = 0; d < rank; ++d) {
            const auto u = static_cast<std::size_t>(d);
            const std::int64_t dim = shape[u];
            const std::int64_t s = strides[u];
            if (s == 0)
                return Error{"stride of dimension " + std::to_string(d) + " is 0"};
            auto clampIndex = [&](std::int64_t v, bool isBegin) {
                if (v < 0)
                    v += dim;
                if (s > 0)
                    return std::clamp<std::int64_t>(v, 0, dim);
                return std::clamp<std::int64_t>(v, -1, dim - 1) + (isBegin ? 0 : 0);
            };
            std::int64_t b = (opt.begin_mask >> d) & 1 ? (s > 0 ? 0 : dim - 1) : clampIndex(begin[u], true);
            std::int64_t e;
            if ((opt.shrink_axis_mask >> d) & 1) {
                b = begin[u] < 0 ? begin[u] + dim : begin[u];
                if (b < 0 || b >= dim)
                    return Error{
                        "index " + std::to_string(begin[u]) + " is out of range for dimension " + std::to_string(d)};
                e = b + 1;
                step[u] = 1;
            } else {
                if (opt.offset)
                    e = b + end[u];
                else
                    e = (opt.end_mask >> d) & 1 ? (s > 0 ? dim : -1) : clampIndex(end[u], false);
                step[u] = s;
            }
            start[u] = b;
            stop[u] = e;
            const std::int64_t len = step[u] > 0 ? (e - b + step[u] - 1) / step[u] : (b - e - step[u] - 1) / -step[u];
            count[u] = std::max<std::int64_t>(len, 0);
            n *= count[u];
        }
        if (n != outCount)
            return Error{"the slice has " + std::to_string(n) + " elements, the output " + std::to_string(outCount)};
        const std::uint8_t* src = tensorAt(rc, in).data;
        std::uint8_t* dst = tensorAt(rc, out).data;
        std::vector<std::int64_t> stride(static_cast<std::size_t>(rank), 1);
        for (int d = rank - 2; d >= 0; --d)
            stride[static_cast<std::size_t>(d)] =
                stride[static_cast<std::size_t>(d + 1)] * shape[static_cast<std::size_t>(d + 1)];
        std::vector<std::int64_t> idx(static_cast<std::size_t>(rank), 0);
        for (std::int64_t k = 0; k < n; ++k) {
            std::int64_t off = 0;
            for (int d = 0; d < rank; ++d) {
                const auto u = static_cast<std::size_t>(d);
                off += (start[u] + idx[u] * step[u]) * stride[u];
            }
            std::memcpy(dst + k * eb, src + off * eb, static_cast<std::size_t>(eb));
            for (int d = rank - 1; d >= 0; --d) {
                const auto u = static_cast<std::size_t>(d);
                if (++idx[u] < count[u])
                    break;
                idx[u] = 0;
            }
        }
        return {};
    });
}

Prepared preparePad(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 3, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor& p = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    const int rank = x.rank();
    if (!p.constant || p.count() != 2 * rank || (p.dtype != DType::Int32 && p.dtype != DType::Int64))
        return ctx.fail("paddings must be a constant int32/int64 tensor of shape [" + std::to_string(rank) + ", 2]");
    if (x.dtype != y.dtype || rank > 6)
        return ctx.unsupported();
    const auto pads = readIndexVector(p);
    std::vector<std::int32_t> shape(static_cast<std::size_t>(rank));
    for (int d = 0; d < rank; ++d) {
        const auto before = pads[static_cast<std::size_t>(2 * d)], after = pads[static_cast<std::size_t>(2 * d + 1)];
        if (before < 0 || after < 0)
            return ctx.fail("paddings must not be negative");
        shape[static_cast<std::size_t>(d)] = static_cast<std::int32_t>(x.dim(d) + before + after);
    }
    if (auto st = ctx.expectShape(y, shape, "output"); !st)
        return st.error();
    // The fill value: PADV2's constant, else 0 (the zero point for quantized tensors).
    std::vector<std::uint8_t> fill(static_cast<std::size_t>(elementBytes(x.dtype)), 0);
    if (ctx.hasInput(2)) {
        const RtTensor& c = ctx.in(2);
        if (!c.constant || c.dtype != x.dtype || c.count() != 1)
            return ctx.fail("the constant value must be a constant scalar of the input's type");
        std::memcpy(fill.data(), c.data, fill.size());
    } else if (x.dtype == DType::Int8) {
        fill[0] = static_cast<std::uint8_t>(static_cast<std::int8_t>(y.zeroPoint()));
    } else if (x.dtype == DType::UInt8) {
        fill[0] = static_cast<std::uint8_t>(y.zeroPoint());
    } else if (x.dtype == DType::Int16) {
        const auto z = static_cast<std::int16_t>(y.zeroPoint());
        std::memcpy(fill.data(), &z, 2);
    }
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    const auto inShape = x.shape;
    const std::int64_t eb = elementBytes(x.dtype);
    return makeKernel([=](const RunContext& rc) {
        const std::uint8_t* src = tensorAt(rc, in).data;
        std::uint8_t* dst = tensorAt(rc, out).data;
        const std::int64_t n = tensorAt(rc, out).count();
        for (std::int64_t k = 0; k < n; ++k)
            std::memcpy(dst + k * eb, fill.data(), static_cast<std::size_t>(eb));
        // Copy the input's rows (last dimension contiguous) into place.
        const std::int64_t inCount = tensorAt(rc, in).count();
        const std::int64_t last = rank ? inShape[static_cast<std::size_t>(rank - 1)] : 1;
        if (last == 0)
            return;
        std::vector<std::int64_t> idx(static_cast<std::size_t>(rank), 0);
        for (std::int64_t k = 0; k < inCount; k += last) {
            std::int64_t off = 0;
            for (int d = 0; d < rank; ++d) {
                const auto u = static_cast<std::size_t>(d);
                off = off * shape[u] + idx[u] + pads[2 * u];
            }
            std::memcpy(dst + off * eb, src + k * eb, static_cast<std::size_t>(last * eb));
            for (int d = rank - 2; d >= 0; --d) {
                const auto u = static_cast<std::size_t>(d);
                if (++idx[u] < inShape[u])
                    break;
                idx[u] = 0;
            }
        }
    });
}

Prepared prepareTranspose(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor& p = ctx.in(1);
    const int rank = x.rank();
    if (!p.constant || p.count() != rank || (p.dtype != DType::Int32 && p.dtype != DType::Int64))
        return ctx.fail("the permutation must be a constant int32/int64 vector of " + std::to_string(rank) + " values");
    const auto perm = readIndexVector(p);
    std::vector<std::int32_t> shape(static_cast<std::size_t>(rank));
    std::vector<bool> seen(static_cast<std::size_t>(rank), false);
    for (int d = 0; d < rank; ++d) {
        const auto q = perm[static_cast<std::size_t>(d)];
        if (q < 0 || q >= rank || seen[static_cast<std::size_t>(q)])
            return ctx.fail("the permutation is not a permutation of 0.." + std::to_string(rank - 1));
        seen[static_cast<std::size_t>(q)] = true;
        shape[static_cast<std::size_t>(d)] = x.dim(static_cast<int>(q));
    }
    if (auto st = ctx.expectShape(ctx.out(0), shape, "output"); !st)
        return st.error();
    if (x.dtype != ctx.out(0).dtype)
        return ctx.unsupported();
    std::vector<std::int64_t> inStride(static_cast<std::size_t>(rank), 1);
    for (int d = rank - 2; d >= 0; --d)
        inStride[static_cast<std::size_t>(d)] = inStride[static_cast<std::size_t>(d + 1)] * x.dim(d + 1);
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    const std::int64_t eb = elementBytes(x.dtype);
    return makeKernel([=](const RunContext& rc) {
        const std::uint8_t* src = tensorAt(rc, in).data;
        std::uint8_t* dst = tensorAt(rc, out).data;
        const std::int64_t n = tensorAt(rc, out).count();
        std::vector<std::int64_t> idx(static_cast<std::size_t>(rank), 0);
        for (std::int64_t k = 0; k < n; ++k) {
            std::int64_t off = 0;
            for (int d = 0; d < rank; ++d)
                off += idx[static_cast<std::size_t>(d)] *
                    inStride[static_cast<std::size_t>(perm[static_cast<std::size_t>(d)])];
            std::memcpy(dst + k * eb, src + off * eb, static_cast<std::size_t>(eb));
            for (int d = rank - 1; d >= 0; --d) {
                const auto u = static_cast<std::size_t>(d);
                if (++idx[u] < shape[u])
                    break;
                idx[u] = 0;
            }
        }
    });
}

} // namespace ql::exec
