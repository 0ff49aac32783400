// SPDX-License-Identifier: MIT
// Operators that move bytes: RESHAPE / SQUEEZE / EXPAND_DIMS, SHAPE, PACK, CONCATENATION, PAD / PADV2,
// TRANSPOSE (STRIDED_SLICE is in strided_slice.cpp). Quantized tensors pass through unchanged where input
// and output share their quantization; CONCATENATION requantizes inputs that do not.
#include "exec/kernels/common.h"

#include <cmath>
#include <cstring>

namespace ql::exec {

namespace {

using model::DType;

int normalizeAxis(int axis, int rank)
{
    return axis < 0 ? axis + rank : axis;
}

} // namespace

namespace {

// RESHAPE's target: the shape input when it is a 1-D int32 tensor (its values must be known),
// otherwise the option's new_shape; one -1 takes the remaining elements.
Result<std::vector<std::int32_t>> reshapeTarget(NodeContext& ctx)
{
    std::vector<std::int64_t> target;
    if (ctx.hasInput(1) && ctx.in(1).rank() == 1 &&
        (ctx.in(1).dtype == DType::Int32 || ctx.in(1).dtype == DType::Int64)) {
        const RtTensor* shape = ctx.valueOf(1);
        if (!shape)
            return ctx.deferred();
        target = readIndexVector(*shape);
    } else if (const auto* o = ctx.op.options.AsReshapeOptions(); o && !o->new_shape.empty()) {
        target.assign(o->new_shape.begin(), o->new_shape.end());
    } else if (ctx.hasInput(1) && ctx.in(1).count() == 0) {
        target = {}; // a scalar
    } else if (ctx.hasInput(1)) {
        const RtTensor* shape = ctx.valueOf(1);
        if (!shape)
            return ctx.deferred();
        target = readIndexVector(*shape);
    }
    const std::int64_t count = ctx.in(0).count();
    std::int64_t known = 1;
    int stretch = -1;
    for (std::size_t d = 0; d < target.size(); ++d) {
        if (target[d] == -1) {
            if (stretch >= 0)
                return ctx.fail("the new shape has more than one -1");
            stretch = static_cast<int>(d);
        } else if (target[d] < 0) {
            return ctx.fail("the new shape has dimension " + std::to_string(target[d]));
        } else {
            known *= target[d];
        }
    }
    if (stretch >= 0)
        target[static_cast<std::size_t>(stretch)] = known ? count / known : 0;
    std::vector<std::int32_t> shape(target.begin(), target.end());
    std::int64_t total = 1;
    for (const auto d : shape)
        total *= d;
    if (total != count)
        return ctx.fail("input " + shapeText(ctx.in(0).shape) + " has " + std::to_string(count) +
            " elements, the new shape " + shapeText(shape) + " has " + std::to_string(total));
    return shape;
}

Result<std::vector<std::int32_t>> squeezeTarget(NodeContext& ctx)
{
    const RtTensor& x = ctx.in(0);
    const auto* o = ctx.op.options.AsSqueezeOptions();
    std::vector<bool> drop(static_cast<std::size_t>(x.rank()), false);
    if (!o || o->squeeze_dims.empty()) {
        for (int d = 0; d < x.rank(); ++d)
            drop[static_cast<std::size_t>(d)] = x.dim(d) == 1;
    } else {
        for (int d : o->squeeze_dims) {
            if (d < 0)
                d += x.rank();
            if (d < 0 || d >= x.rank() || x.dim(d) != 1)
                return ctx.fail("cannot squeeze dimension " + std::to_string(d) + " of " + shapeText(x.shape));
            drop[static_cast<std::size_t>(d)] = true;
        }
    }
    std::vector<std::int32_t> shape;
    for (int d = 0; d < x.rank(); ++d)
        if (!drop[static_cast<std::size_t>(d)])
            shape.push_back(x.dim(d));
    return shape;
}

Result<std::vector<std::int32_t>> expandDimsTarget(NodeContext& ctx)
{
    const RtTensor& x = ctx.in(0);
    if (!ctx.hasInput(1))
        return ctx.fail("needs the axis as input 1");
    const RtTensor* a = ctx.valueOf(1);
    if (!a)
        return ctx.deferred();
    if (a->count() != 1 || (a->dtype != DType::Int32 && a->dtype != DType::Int64))
        return ctx.fail("the axis must be an int32 or int64 scalar");
    std::int64_t axis = readIndexVector(*a)[0];
    if (axis < 0)
        axis += x.rank() + 1;
    if (axis < 0 || axis > x.rank())
        return ctx.fail("axis " + std::to_string(axis) + " is out of range for " + shapeText(x.shape));
    std::vector<std::int32_t> shape = x.shape;
    shape.insert(shape.begin() + axis, 1);
    return shape;
}

} // namespace

Prepared prepareReshape(NodeContext& ctx)
{
    if (ctx.inputCount() < 1 || ctx.outputCount() != 1 || !ctx.hasInput(0))
        return ctx.fail("needs one data input and one output");
    const RtTensor& x = ctx.in(0);
    if (x.dtype != ctx.out(0).dtype)
        return ctx.unsupported();
    Result<std::vector<std::int32_t>> shape = Error{""};
    switch (ctx.graph.opcodeOf(ctx.op)) {
    case tflite::BuiltinOperator::SQUEEZE: shape = squeezeTarget(ctx); break;
    case tflite::BuiltinOperator::EXPAND_DIMS: shape = expandDimsTarget(ctx); break;
    default: shape = reshapeTarget(ctx); break;
    }
    if (!shape)
        return shape.error();
    if (auto st = ctx.setOutputShape(0, *shape); !st)
        return st.error();
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    const auto bytes = static_cast<std::size_t>(ctx.out(0).bytes);
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
    if (y.dtype != DType::Int32 && y.dtype != DType::Int64)
        return ctx.fail("output must be int32 or int64");
    if (auto st = ctx.setOutputShape(0, {x.rank()}); !st)
        return st.error();
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

// RANK: the number of dimensions of the input, an int32 scalar.
Prepared prepareRank(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    if (ctx.out(0).dtype != DType::Int32)
        return ctx.fail("output must be int32");
    if (auto st = ctx.setOutputShape(0, {}); !st)
        return st.error();
    const std::int32_t rank = ctx.in(0).rank();
    const int out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) { tensorAt(rc, out).as<std::int32_t>()[0] = rank; });
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
    if (auto st = ctx.setOutputShape(0, shape); !st)
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
    if (!o || ctx.inputCount() < 1 || ctx.outputCount() != 1 || !ctx.hasInput(0))
        return ctx.fail("needs ConcatenationOptions, inputs and one output");
    const RtTensor& first = ctx.in(0);
    const int rank = first.rank();
    const int axis = normalizeAxis(o->axis, rank);
    if (axis < 0 || axis >= rank)
        return ctx.fail("axis " + std::to_string(o->axis) + " is out of range for rank " + std::to_string(rank));
    std::vector<std::int32_t> shape = first.shape;
    shape[static_cast<std::size_t>(axis)] = 0;
    for (int i = 0; i < ctx.inputCount(); ++i) {
        if (!ctx.hasInput(i))
            return ctx.fail("input " + std::to_string(i) + " is omitted");
        const RtTensor& x = ctx.in(i);
        bool fits = x.rank() == rank;
        for (int d = 0; fits && d < rank; ++d)
            fits = d == axis || x.dim(d) == first.dim(d);
        if (!fits)
            return ctx.fail("input " + std::to_string(i) + " " + shapeText(x.shape) + " does not fit input 0 " +
                shapeText(first.shape) + " along axis " + std::to_string(axis));
        shape[static_cast<std::size_t>(axis)] += x.dim(axis);
    }
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    const RtTensor& y = ctx.out(0);
    // LiteRT's own kernel refuses a fused activation (so does tflite-micro's); XNNPACK, where it takes
    // the operator, ignores it (measured against litert-run; lint reports it).
    auto act = o->fused_activation_function;
    if (act != tflite::ActivationFunctionType::NONE) {
        if (!ctx.xnnpackRuns())
            return ctx.fail(std::string("has fused activation ") + tflite::EnumNameActivationFunctionType(act) +
                "; LiteRT's CONCATENATION kernel refuses fused activations");
        act = tflite::ActivationFunctionType::NONE;
    }
    std::int64_t outer = 1;
    for (int i = 0; i < axis; ++i)
        outer *= y.dim(i);
    struct Part {
        int index;
        std::int64_t inner; // elements per outer step
        bool requantize;
        float scale, bias; // real = (q - zp_in) * s_in; out = round(q * scale + bias) + zp_out
    };
    std::vector<Part> parts;
    for (int i = 0; i < ctx.inputCount(); ++i) {
        const RtTensor& x = ctx.in(i);
        if (x.dtype != y.dtype)
            return ctx.unsupported();
        Part p{ctx.inputIndex(i), x.count() / std::max<std::int64_t>(outer, 1), false, 1, 0};
        if (y.dtype == DType::Int8 || y.dtype == DType::UInt8 || y.dtype == DType::Int16) {
            p.requantize = !sameQuantization(x, y);
            // Only TFLite's uint8 kernel rescales. Its int16 kernel copies the codes whatever the
            // scales (it checks only that every zero point is 0; lint reports the scales); its int8
            // kernel (and tflite-micro's) refuses, and LiteRT then runs nothing.
            if (y.dtype == DType::Int16) {
                if (x.zeroPoint() != 0 || y.zeroPoint() != 0)
                    return ctx.fail("int16 concatenation needs zero point 0 on every input and the output (LiteRT "
                                    "refuses this operator)");
                p.requantize = false;
            }
            if (p.requantize && y.dtype != DType::UInt8)
                return ctx.fail("input " + std::to_string(i) + " has scale " + std::to_string(x.scale()) +
                    " and zero point " + std::to_string(x.zeroPoint()) + ", the output " + std::to_string(y.scale()) +
                    " and " + std::to_string(y.zeroPoint()) + ": " + model::dtypeName(y.dtype) +
                    " concatenation needs every input quantized like its output (LiteRT refuses this operator)");
            p.scale = x.scale() / y.scale();
            p.bias = -static_cast<float>(x.zeroPoint()) * p.scale;
        }
        parts.push_back(p);
    }
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

Prepared preparePad(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 3, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor* pv = ctx.valueOf(1);
    if (!pv)
        return ctx.deferred();
    const RtTensor& p = *pv;
    const RtTensor& y = ctx.out(0);
    const int rank = x.rank();
    if (p.count() != 2 * rank || (p.dtype != DType::Int32 && p.dtype != DType::Int64))
        return ctx.fail("paddings must be an int32/int64 tensor of shape [" + std::to_string(rank) + ", 2]");
    if (x.dtype != y.dtype)
        return ctx.unsupported();
    const auto pads = readIndexVector(p);
    std::vector<std::int32_t> shape(static_cast<std::size_t>(rank));
    for (int d = 0; d < rank; ++d) {
        const auto before = pads[static_cast<std::size_t>(2 * d)], after = pads[static_cast<std::size_t>(2 * d + 1)];
        if (before < 0 || after < 0)
            return ctx.fail("paddings must not be negative");
        shape[static_cast<std::size_t>(d)] = static_cast<std::int32_t>(x.dim(d) + before + after);
    }
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    // The fill value: PADV2's constant, else 0 (the zero point for quantized tensors).
    std::vector<std::uint8_t> fill(static_cast<std::size_t>(elementBytes(x.dtype)), 0);
    if (ctx.hasInput(2)) {
        const RtTensor* c = ctx.valueOf(2);
        if (!c)
            return ctx.deferred();
        if (c->dtype != x.dtype || c->count() != 1)
            return ctx.fail("the constant value must be a scalar of the input's type");
        // LiteRT's built-in PAD kernel stops the model when the constant is not quantized like the output
        // (seen on the runtime: "output zero_point != constant_values zero_point", and an int16 constant
        // of another scale fails to invoke). Where XNNPACK takes the node, that kernel does not run.
        const bool integer = x.dtype == DType::Int8 || x.dtype == DType::UInt8 || x.dtype == DType::Int16;
        if (integer && !ctx.xnnpackRuns() && !sameQuantization(*c, y))
            return ctx.fail("the constant value has scale " + std::to_string(c->scale()) + " and zero point " +
                std::to_string(c->zeroPoint()) + ", the output " + std::to_string(y.scale()) + " and " +
                std::to_string(y.zeroPoint()) + ": LiteRT's PAD kernel fails on it");
        std::memcpy(fill.data(), c->data, fill.size());
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
    const RtTensor* pv = ctx.valueOf(1);
    if (!pv)
        return ctx.deferred();
    const RtTensor& p = *pv;
    const int rank = x.rank();
    if (p.count() != rank || (p.dtype != DType::Int32 && p.dtype != DType::Int64))
        return ctx.fail("the permutation must be an int32/int64 vector of " + std::to_string(rank) + " values");
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
    if (auto st = ctx.setOutputShape(0, shape); !st)
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
