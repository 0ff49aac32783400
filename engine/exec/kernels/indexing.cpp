// SPDX-License-Identifier: MIT
// Selecting parts of tensors: SLICE, SPLIT, GATHER, ARG_MAX, ARG_MIN. Bytes move unchanged, so any
// element type works (quantized tensors keep their parameters).
#include "exec/kernels/common.h"

#include <cstring>

namespace ql::exec {

namespace {

using model::DType;

bool isIndexType(DType t)
{
    return t == DType::Int32 || t == DType::Int64;
}

// Copies the block [begin, begin+size) of an N-d tensor (row-major) into a dense output.
void copyBlock(const std::uint8_t* src, const std::vector<std::int32_t>& shape, const std::vector<std::int64_t>& begin,
    const std::vector<std::int64_t>& size, std::int64_t eb, std::uint8_t* dst)
{
    const std::size_t rank = shape.size();
    if (rank == 0) {
        std::memcpy(dst, src, static_cast<std::size_t>(eb));
        return;
    }
    std::vector<std::int64_t> stride(rank, 1);
    for (std::size_t d = rank - 1; d-- > 0;)
        stride[d] = stride[d + 1] * shape[d + 1];
    std::int64_t total = 1;
    for (auto s : size)
        total *= s;
    const std::int64_t inner = size[rank - 1];
    if (inner == 0)
        return;
    std::vector<std::int64_t> idx(rank, 0);
    for (std::int64_t k = 0; k < total; k += inner) {
        std::int64_t off = 0;
        for (std::size_t d = 0; d < rank; ++d)
            off += (begin[d] + idx[d]) * stride[d];
        std::memcpy(dst, src + off * eb, static_cast<std::size_t>(inner * eb));
        dst += inner * eb;
        for (std::size_t d = rank - 1; d-- > 0;) {
            if (++idx[d] < size[d])
                break;
            idx[d] = 0;
        }
    }
}

} // namespace

Prepared prepareSlice(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(3, 3, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor* bv = ctx.valueOf(1);
    const RtTensor* sv = ctx.valueOf(2);
    if (!bv || !sv)
        return ctx.deferred();
    const RtTensor& b = *bv;
    const RtTensor& s = *sv;
    if (!isIndexType(b.dtype) || !isIndexType(s.dtype) || b.count() != x.rank() || s.count() != x.rank())
        return ctx.fail("begin and size must be int32/int64 vectors of " + std::to_string(x.rank()) + " values");
    auto begin = readIndexVector(b), size = readIndexVector(s);
    std::vector<std::int32_t> outShape;
    for (int d = 0; d < x.rank(); ++d) {
        auto& bg = begin[static_cast<std::size_t>(d)];
        auto& sz = size[static_cast<std::size_t>(d)];
        if (sz == -1)
            sz = x.dim(d) - bg;
        if (bg < 0 || sz < 0 || bg + sz > x.dim(d))
            return ctx.fail("slice [" + std::to_string(bg) + ", +" + std::to_string(sz) + ") is outside dimension " +
                std::to_string(d) + " of " + shapeText(x.shape));
        outShape.push_back(static_cast<std::int32_t>(sz));
    }
    if (auto st = ctx.setOutputShape(0, outShape); !st)
        return st.error();
    if (ctx.out(0).dtype != x.dtype)
        return ctx.unsupported();
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    const auto shape = x.shape;
    const std::int64_t eb = elementBytes(x.dtype);
    return makeKernel([=](const RunContext& rc) {
        copyBlock(tensorAt(rc, in).data, shape, begin, size, eb, tensorAt(rc, out).data);
    });
}

Prepared prepareSplit(NodeContext& ctx)
{
    // SPLIT: inputs (axis, value); outputs num_splits equal parts.
    if (ctx.inputCount() != 2 || !ctx.hasInput(0) || !ctx.hasInput(1) || ctx.outputCount() < 1)
        return ctx.fail("needs an axis, a value and at least one output");
    const RtTensor* av = ctx.valueOf(0);
    if (!av)
        return ctx.deferred();
    const RtTensor& a = *av;
    const RtTensor& x = ctx.in(1);
    if (a.count() != 1 || !isIndexType(a.dtype))
        return ctx.fail("the axis must be an integer scalar");
    std::int64_t axis = readIndexVector(a)[0];
    if (axis < 0)
        axis += x.rank();
    if (axis < 0 || axis >= x.rank())
        return ctx.fail("axis " + std::to_string(axis) + " is out of range for " + shapeText(x.shape));
    const int n = ctx.outputCount();
    if (x.dim(static_cast<int>(axis)) % n != 0)
        return ctx.fail("dimension " + std::to_string(axis) + " of " + shapeText(x.shape) + " does not split into " +
            std::to_string(n) + " equal parts");
    std::vector<std::int32_t> part = x.shape;
    part[static_cast<std::size_t>(axis)] /= n;
    for (int i = 0; i < n; ++i) {
        if (auto st = ctx.setOutputShape(i, part); !st)
            return st.error();
        if (ctx.out(i).dtype != x.dtype)
            return ctx.unsupported();
    }
    const int in = ctx.inputIndex(1);
    std::vector<int> outs(ctx.op.outputs.begin(), ctx.op.outputs.end());
    const auto shape = x.shape;
    const std::int64_t eb = elementBytes(x.dtype);
    return makeKernel([=](const RunContext& rc) {
        std::vector<std::int64_t> begin(shape.size(), 0), size(shape.begin(), shape.end());
        size[static_cast<std::size_t>(axis)] = part[static_cast<std::size_t>(axis)];
        for (int i = 0; i < n; ++i) {
            begin[static_cast<std::size_t>(axis)] = static_cast<std::int64_t>(i) * part[static_cast<std::size_t>(axis)];
            copyBlock(
                tensorAt(rc, in).data, shape, begin, size, eb, tensorAt(rc, outs[static_cast<std::size_t>(i)]).data);
        }
    });
}

Prepared prepareGather(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    const auto* o = ctx.op.options.AsGatherOptions();
    const RtTensor& x = ctx.in(0);
    const RtTensor& ix = ctx.in(1);
    if (!isIndexType(ix.dtype))
        return ctx.fail("indices must be int32 or int64");
    int axis = o ? o->axis : 0;
    if (axis < 0)
        axis += x.rank();
    if (axis < 0 || axis >= x.rank())
        return ctx.fail("axis " + std::to_string(axis) + " is out of range for " + shapeText(x.shape));
    // batch_dims: the leading dimensions params and indices share; each batch gathers with its own
    // indices (negative counts from the indices' rank, as in LiteRT).
    const int declaredBatchDims = o ? o->batch_dims : 0;
    const int batchDims = declaredBatchDims < 0 ? declaredBatchDims + ix.rank() : declaredBatchDims;
    if (batchDims < 0 || batchDims > axis || batchDims > ix.rank())
        return ctx.fail("batch_dims " + std::to_string(declaredBatchDims) + " must lie in [0, axis " +
            std::to_string(axis) + "] and within the indices' rank " + std::to_string(ix.rank()));
    for (int d = 0; d < batchDims; ++d)
        if (x.dim(d) != ix.dim(d))
            return ctx.fail("batch dimension " + std::to_string(d) + " differs between the params " + shapeText(x.shape) +
                " and the indices " + shapeText(ix.shape));
    std::vector<std::int32_t> shape(x.shape.begin(), x.shape.begin() + axis);
    shape.insert(shape.end(), ix.shape.begin() + batchDims, ix.shape.end());
    shape.insert(shape.end(), x.shape.begin() + axis + 1, x.shape.end());
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    if (ctx.out(0).dtype != x.dtype)
        return ctx.unsupported();
    std::int64_t batches = 1, outer = 1, inner = 1;
    for (int d = 0; d < batchDims; ++d)
        batches *= x.dim(d);
    for (int d = batchDims; d < axis; ++d)
        outer *= x.dim(d);
    for (int d = axis + 1; d < x.rank(); ++d)
        inner *= x.dim(d);
    const std::int64_t dim = x.dim(axis);
    const std::int64_t eb = elementBytes(x.dtype);
    const int in = ctx.inputIndex(0), idx = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) -> Status {
        const auto indices = readIndexVector(tensorAt(rc, idx));
        const std::uint8_t* src = tensorAt(rc, in).data;
        std::uint8_t* dst = tensorAt(rc, out).data;
        for (auto i : indices)
            if (i < 0 || i >= dim)
                return Error{"index " + std::to_string(i) + " is outside [0, " + std::to_string(dim) + ")"};
        const auto perBatch = batches > 0 ? static_cast<std::int64_t>(indices.size()) / batches : 0;
        const std::size_t row = static_cast<std::size_t>(inner * eb);
        for (std::int64_t b = 0; b < batches; ++b)
            for (std::int64_t o2 = 0; o2 < outer; ++o2)
                for (std::int64_t k = 0; k < perBatch; ++k) {
                    const std::int64_t i = indices[static_cast<std::size_t>(b * perBatch + k)];
                    std::memcpy(dst, src + ((b * outer + o2) * dim + i) * inner * eb, row);
                    dst += row;
                }
        return {};
    });
}

namespace {

Prepared prepareArg(NodeContext& ctx, bool isMax)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor* av = ctx.valueOf(1);
    if (!av)
        return ctx.deferred();
    const RtTensor& a = *av;
    const RtTensor& y = ctx.out(0);
    if (a.count() != 1 || !isIndexType(a.dtype))
        return ctx.fail("the axis must be an integer scalar");
    std::int64_t axis = readIndexVector(a)[0];
    if (axis < 0)
        axis += x.rank();
    if (axis < 0 || axis >= x.rank())
        return ctx.fail("axis " + std::to_string(axis) + " is out of range for " + shapeText(x.shape));
    if (!isIndexType(y.dtype))
        return ctx.unsupported();
    std::int64_t outer = 1, inner = 1;
    for (int d = 0; d < axis; ++d)
        outer *= x.dim(d);
    for (int d = static_cast<int>(axis) + 1; d < x.rank(); ++d)
        inner *= x.dim(d);
    std::vector<std::int32_t> shape = x.shape;
    shape.erase(shape.begin() + axis);
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    const std::int64_t dim = x.dim(static_cast<int>(axis));
    const DType t = x.dtype;
    // LiteRT's kernel takes these (no int16).
    if (t != DType::Float32 && t != DType::Int8 && t != DType::UInt8 && t != DType::Int32 && t != DType::Bool)
        return ctx.unsupported();
    const bool wide = y.dtype == DType::Int64;
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const RtTensor& xt = tensorAt(rc, in);
        RtTensor& yt = tensorAt(rc, out);
        auto value = [&](std::int64_t i) -> double {
            switch (t) {
            case DType::Float32: return xt.as<float>()[i];
            case DType::Int8: return xt.as<std::int8_t>()[i];
            case DType::UInt8: return xt.as<std::uint8_t>()[i];
            case DType::Bool: return xt.as<bool>()[i] ? 1 : 0;
            default: return xt.as<std::int32_t>()[i];
            }
        };
        for (std::int64_t o2 = 0; o2 < outer; ++o2)
            for (std::int64_t k = 0; k < inner; ++k) {
                std::int64_t best = 0;
                double bv = value(o2 * dim * inner + k);
                for (std::int64_t j = 1; j < dim; ++j) {
                    const double v = value((o2 * dim + j) * inner + k);
                    if (isMax ? v > bv : v < bv) {
                        bv = v;
                        best = j;
                    }
                }
                if (wide)
                    yt.as<std::int64_t>()[o2 * inner + k] = best;
                else
                    yt.as<std::int32_t>()[o2 * inner + k] = static_cast<std::int32_t>(best);
            }
    });
}

} // namespace

Prepared prepareArgMax(NodeContext& ctx)
{
    return prepareArg(ctx, true);
}
Prepared prepareArgMin(NodeContext& ctx)
{
    return prepareArg(ctx, false);
}

} // namespace ql::exec

namespace ql::exec {

namespace {

// Copies consecutive parts of `x` along `axis` into the outputs (sizes along the axis in `sizes`).
// `sameQuantization`: the outputs must be quantized like the input (UNPACK); SPLIT_V copies the codes
// whatever the outputs' parameters, as LiteRT does.
Prepared splitInto(
    NodeContext& ctx, int data, int axis, const std::vector<std::int64_t>& sizes, bool sameQuantization = true)
{
    const RtTensor& x = ctx.in(data);
    std::vector<std::int32_t> shape = x.shape;
    for (int i = 0; i < ctx.outputCount(); ++i) {
        shape[static_cast<std::size_t>(axis)] = static_cast<std::int32_t>(sizes[static_cast<std::size_t>(i)]);
        if (auto st = ctx.setOutputShape(i, shape); !st)
            return st.error();
        if (ctx.out(i).dtype != x.dtype)
            return ctx.unsupported();
        if (sameQuantization && x.meta->quantization.hasScale() &&
            (ctx.out(i).scale() != x.scale() || ctx.out(i).zeroPoint() != x.zeroPoint()))
            return ctx.fail("output " + std::to_string(i) + " must be quantized like the input");
    }
    const int in = ctx.inputIndex(data);
    std::vector<int> outs(ctx.op.outputs.begin(), ctx.op.outputs.end());
    const auto xShape = x.shape;
    const std::int64_t eb = elementBytes(x.dtype);
    return makeKernel([=](const RunContext& rc) {
        std::vector<std::int64_t> begin(xShape.size(), 0), size(xShape.begin(), xShape.end());
        std::int64_t at = 0;
        for (std::size_t i = 0; i < outs.size(); ++i) {
            begin[static_cast<std::size_t>(axis)] = at;
            size[static_cast<std::size_t>(axis)] = sizes[i];
            copyBlock(tensorAt(rc, in).data, xShape, begin, size, eb, tensorAt(rc, outs[i]).data);
            at += sizes[i];
        }
    });
}

} // namespace

Prepared prepareSplitV(NodeContext& ctx)
{
    // SPLIT_V: inputs (value, size_splits, axis).
    if (ctx.inputCount() != 3 || !ctx.hasInput(0) || !ctx.hasInput(1) || !ctx.hasInput(2) || ctx.outputCount() < 1)
        return ctx.fail("needs a value, the split sizes, an axis and at least one output");
    const RtTensor& x = ctx.in(0);
    if (x.dtype != DType::Float32 && x.dtype != DType::UInt8 && x.dtype != DType::Int8 && x.dtype != DType::Int16 &&
        x.dtype != DType::Int32 && x.dtype != DType::Int64)
        return ctx.fail(
            "LiteRT splits float32, uint8, int8, int16, int32 and int64 only, not " + model::dtypeName(x.dtype));
    const RtTensor* sv = ctx.valueOf(1);
    const RtTensor* av = ctx.valueOf(2);
    if (!sv || !av)
        return ctx.deferred();
    if (av->count() != 1 || !isIndexType(av->dtype) || !isIndexType(sv->dtype))
        return ctx.fail("the sizes must be an integer vector and the axis an integer scalar");
    std::int64_t axis = readIndexVector(*av)[0];
    if (axis < 0)
        axis += x.rank();
    if (axis < 0 || axis >= x.rank())
        return ctx.fail("axis " + std::to_string(axis) + " is out of range for " + shapeText(x.shape));
    auto sizes = readIndexVector(*sv);
    if (static_cast<int>(sizes.size()) != ctx.outputCount())
        return ctx.fail(std::to_string(sizes.size()) + " split sizes for " + std::to_string(ctx.outputCount()) + " outputs");
    std::int64_t known = 0;
    int unknown = -1;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        if (sizes[i] == -1 && unknown < 0) {
            unknown = static_cast<int>(i);
        } else if (sizes[i] < 0) {
            return ctx.fail("split size " + std::to_string(sizes[i]) + " is not valid");
        } else {
            known += sizes[i];
        }
    }
    const std::int64_t dim = x.dim(static_cast<int>(axis));
    if (unknown >= 0)
        sizes[static_cast<std::size_t>(unknown)] = dim - known;
    if ((unknown >= 0 && known > dim) || (unknown < 0 && known != dim))
        return ctx.fail("split sizes do not add up to dimension " + std::to_string(axis) + " of " + shapeText(x.shape));
    return splitInto(ctx, 0, static_cast<int>(axis), sizes, false);
}

Prepared prepareUnpack(NodeContext& ctx)
{
    if (ctx.inputCount() != 1 || !ctx.hasInput(0))
        return ctx.fail("needs one input");
    const auto* o = ctx.op.options.AsUnpackOptions();
    const RtTensor& x = ctx.in(0);
    if (x.dtype != DType::Float32 && x.dtype != DType::UInt8 && x.dtype != DType::Int8 && x.dtype != DType::Int16 &&
        x.dtype != DType::Int32 && x.dtype != DType::Bool)
        return ctx.fail(
            "LiteRT unpacks float32, uint8, int8, int16, int32 and bool only, not " + model::dtypeName(x.dtype));
    if (x.count() == 0)
        return ctx.fail("the input must not be empty");
    int axis = o ? o->axis : 0;
    if (axis < 0)
        axis += x.rank();
    if (axis < 0 || axis >= x.rank())
        return ctx.fail("axis is out of range for " + shapeText(x.shape));
    if (x.dim(axis) != ctx.outputCount() || (o && o->num != ctx.outputCount()))
        return ctx.fail("dimension " + std::to_string(axis) + " of " + shapeText(x.shape) + " does not unpack into " +
            std::to_string(ctx.outputCount()) + " outputs");
    // Split into slices of one, then drop the axis from each output's shape.
    std::vector<std::int64_t> sizes(static_cast<std::size_t>(ctx.outputCount()), 1);
    auto k = splitInto(ctx, 0, axis, sizes);
    if (!k)
        return k;
    std::vector<std::int32_t> shape = x.shape;
    shape.erase(shape.begin() + axis);
    for (int i = 0; i < ctx.outputCount(); ++i)
        if (auto st = ctx.setOutputShape(i, shape); !st)
            return st.error();
    return k;
}

} // namespace ql::exec
