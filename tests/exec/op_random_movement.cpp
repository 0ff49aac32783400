// SPDX-License-Identifier: MIT
// Random data-movement operators and batched matrix products (op_random.h): PAD, PADV2, MIRROR_PAD,
// TRANSPOSE, GATHER, SPLIT, SPLIT_V, SLICE, SPACE_TO_DEPTH, DEPTH_TO_SPACE, SPACE_TO_BATCH_ND, BATCH_TO_SPACE_ND and
// BATCH_MATMUL.
#include "exec/op_random.h"

#include <algorithm>
#include <functional>
#include <numeric>

namespace ql::test::random_ops {

namespace {

using DT = model::DType;
using Op = tflite::BuiltinOperator;

} // namespace

OpCase randomPad(Dice& d)
{
    static const std::vector<Op> ops{Op::PAD, Op::PAD, Op::PADV2, Op::MIRROR_PAD};
    const Op op = d.pick(ops);
    const Numbers n = activationNumbers(d);
    const int rank = d.between(1, 4);
    const auto shape = randomShape(d, rank, rank > 2 ? 6 : 9);
    const bool symmetric = d.chance(0.5);
    std::vector<std::int32_t> pads, out;
    for (int i = 0; i < rank; ++i) {
        const int dim = shape[at(i)];
        // MIRROR_PAD reflects at most dim-1 (REFLECT) or dim (SYMMETRIC) elements on each side.
        const int most = op == Op::MIRROR_PAD ? (symmetric ? dim : dim - 1) : 3;
        const int before = d.chance(0.3) ? 0 : d.between(0, std::min(most, 3));
        const int after = d.chance(0.3) ? 0 : d.between(0, std::min(most, 3));
        pads.push_back(before);
        pads.push_back(after);
        out.push_back(dim + before + after);
    }
    const TensorSpec x = activation(d, shape, n, d.decades(-1, 1));
    bool own = false;
    const TensorSpec y = movedOutput(d, x, out, n, own);
    std::vector<TensorSpec> inputs{x, TensorSpec::constant<std::int32_t>({rank, 2}, DT::Int32, pads)};
    tflite::BuiltinOptionsUnion o;
    std::string extra;
    if (op == Op::PADV2) {
        // The constant value in the input's format (a scalar or a one-element vector).
        TensorSpec v = sameAs(x, d.chance(0.5) ? std::vector<std::int32_t>{} : std::vector<std::int32_t>{1});
        if (n == Numbers::Float)
            v = TensorSpec::constant<float>(v.shape, DT::Float32, {static_cast<float>(d.real(-2, 2))});
        else
            v = filled(v, d);
        inputs.push_back(v);
        o = opts(tflite::PadV2OptionsT{});
    } else if (op == Op::MIRROR_PAD) {
        tflite::MirrorPadOptionsT t;
        t.mode = symmetric ? tflite::MirrorPadMode::SYMMETRIC : tflite::MirrorPadMode::REFLECT;
        o = opts(t);
        extra = symmetric ? " symmetric" : " reflect";
    } else {
        o = opts(tflite::PadOptionsT{});
    }
    std::string name = std::string(tflite::EnumNameBuiltinOperator(op)) + " " + numbersName(n) + " " + shapeText(shape) +
        " pads " + shapeText(pads) + extra + (own ? " own scale" : "");
    return OpCase(std::move(name), builtin(op, std::move(o)), std::move(inputs), {y});
}

OpCase randomTranspose(Dice& d)
{
    const Numbers n = activationNumbers(d);
    const int rank = d.between(1, 6);
    const auto shape = randomShape(d, rank, rank > 4 ? 3 : 5);
    std::vector<std::int32_t> perm(at(rank));
    std::iota(perm.begin(), perm.end(), 0);
    std::shuffle(perm.begin(), perm.end(), d.engine());
    std::vector<std::int32_t> out;
    for (int p : perm)
        out.push_back(shape[at(p)]);
    const TensorSpec x = activation(d, shape, n, d.decades(-1, 1));
    bool own = false;
    const TensorSpec y = movedOutput(d, x, out, n, own);
    std::string name = "TRANSPOSE " + numbersName(n) + " " + shapeText(shape) + " perm " + shapeText(perm) +
        (own ? " own scale" : "");
    return OpCase(std::move(name), builtin(Op::TRANSPOSE, opts(tflite::TransposeOptionsT{})),
        {x, TensorSpec::constant<std::int32_t>({rank}, DT::Int32, perm)}, {y});
}

OpCase randomGather(Dice& d)
{
    const Numbers n = activationNumbers(d);
    const int rank = d.between(1, 4);
    const auto shape = randomShape(d, rank, rank > 2 ? 5 : 8);
    int axis = d.between(0, rank - 1);
    const int batchDims = axis > 0 && d.chance(0.25) ? d.between(0, std::min(axis, 1)) : 0;
    // Indices: the batch dimensions of the params, then a few more.
    std::vector<std::int32_t> ishape(shape.begin(), shape.begin() + batchDims);
    for (int k = d.between(0, 2); k > 0; --k)
        ishape.push_back(d.between(1, 4));
    const bool wide = d.chance(0.3);
    const int limit = shape[at(axis)] - 1;
    TensorSpec indices = ranged(ishape, wide ? DT::Int64 : DT::Int32, 0, limit);
    if (d.chance(0.5))
        indices = filled(indices, d);
    std::vector<std::int32_t> out(shape.begin(), shape.begin() + axis);
    out.insert(out.end(), ishape.begin() + batchDims, ishape.end());
    out.insert(out.end(), shape.begin() + axis + 1, shape.end());
    const TensorSpec x = activation(d, shape, n, d.decades(-1, 1));
    tflite::GatherOptionsT o;
    o.axis = d.chance(0.3) ? axis - rank : axis;
    o.batch_dims = batchDims;
    std::string name = "GATHER " + numbersName(n) + " " + shapeText(shape) + " axis " + std::to_string(o.axis) +
        " indices " + shapeText(ishape) + (wide ? " int64" : "") + (indices.data.empty() ? "" : " constant") +
        (batchDims ? " batch dims " + std::to_string(batchDims) : "");
    return OpCase(std::move(name), builtin(Op::GATHER, opts(o)), {x, indices}, {sameAs(x, out)});
}

OpCase randomSplit(Dice& d)
{
    const bool sizes = d.chance(0.4);
    const Numbers n = activationNumbers(d);
    const int rank = d.between(1, 4);
    auto shape = randomShape(d, rank, 6);
    const int axis = d.between(0, rank - 1);
    const int count = d.between(1, 4);
    std::vector<std::int32_t> parts;
    if (sizes) {
        shape[at(axis)] = 0;
        // No empty part: litert-run cannot hand out an output of no elements ("Failed to get num packed
        // bytes"), although LiteRT's SPLIT_V kernel itself allows one.
        for (int k = 0; k < count; ++k) {
            parts.push_back(d.between(1, 4));
            shape[at(axis)] += parts.back();
        }
    } else {
        shape[at(axis)] = count * d.between(1, 3);
        parts.assign(at(count), shape[at(axis)] / count);
    }
    const TensorSpec x = activation(d, shape, n, d.decades(-1, 1));
    std::vector<TensorSpec> outs;
    for (int p : parts) {
        auto s = shape;
        s[at(axis)] = p;
        outs.push_back(sameAs(x, s));
    }
    const int written = d.chance(0.3) ? axis - rank : axis;
    const auto axisTensor = TensorSpec::constant<std::int32_t>(d.chance(0.5) ? std::vector<std::int32_t>{} : std::vector<std::int32_t>{1},
        DT::Int32, {written});
    std::vector<std::int32_t> declared = parts;
    if (sizes && count > 1 && d.chance(0.4))
        declared[at(d.between(0, count - 1))] = -1; // "the rest"
    std::string name = std::string(sizes ? "SPLIT_V " : "SPLIT ") + numbersName(n) + " " + shapeText(shape) + " axis " +
        std::to_string(written) + " into " + (sizes ? shapeText(declared) : std::to_string(count));
    if (sizes) {
        tflite::SplitVOptionsT o;
        o.num_splits = count;
        return OpCase(std::move(name), builtin(Op::SPLIT_V, opts(o)),
            {x, TensorSpec::constant<std::int32_t>({count}, DT::Int32, declared), axisTensor}, std::move(outs));
    }
    tflite::SplitOptionsT o;
    o.num_splits = count;
    return OpCase(std::move(name), builtin(Op::SPLIT, opts(o)), {axisTensor, x}, std::move(outs));
}

OpCase randomSlice(Dice& d)
{
    const Numbers n = activationNumbers(d);
    const int rank = d.between(1, 5);
    const auto shape = randomShape(d, rank, rank > 3 ? 4 : 7);
    std::vector<std::int32_t> begin, size, out;
    for (int i = 0; i < rank; ++i) {
        const int dim = shape[at(i)];
        begin.push_back(d.between(0, dim - 1));
        const int rest = dim - begin.back();
        const bool toEnd = d.chance(0.3);
        size.push_back(toEnd ? -1 : d.between(1, rest));
        out.push_back(toEnd ? rest : size.back());
    }
    const bool wide = d.chance(0.2);
    auto list = [&](const std::vector<std::int32_t>& v) {
        if (!wide)
            return TensorSpec::constant<std::int32_t>({rank}, DT::Int32, v);
        return TensorSpec::constant<std::int64_t>({rank}, DT::Int64, std::vector<std::int64_t>(v.begin(), v.end()));
    };
    const TensorSpec x = activation(d, shape, n, d.decades(-1, 1));
    std::string name = "SLICE " + numbersName(n) + " " + shapeText(shape) + " begin " + shapeText(begin) + " size " +
        shapeText(size) + (wide ? " int64" : "");
    return OpCase(std::move(name), builtin(Op::SLICE, opts(tflite::SliceOptionsT{})), {x, list(begin), list(size)},
        {sameAs(x, out)});
}

OpCase randomSpaceDepth(Dice& d)
{
    const bool toDepth = d.chance(0.5);
    const Numbers n = activationNumbers(d);
    const int block = d.between(1, 3);
    std::vector<std::int32_t> in{d.chance(0.2) ? 2 : 1, d.between(1, 4), d.between(1, 4), d.between(1, 5)};
    std::vector<std::int32_t> out = in;
    if (toDepth) {
        in[1] *= block;
        in[2] *= block;
        out[3] *= block * block;
    } else {
        in[3] *= block * block;
        out[1] *= block;
        out[2] *= block;
    }
    const TensorSpec x = activation(d, in, n, d.decades(-1, 1));
    std::string name = std::string(toDepth ? "SPACE_TO_DEPTH " : "DEPTH_TO_SPACE ") + numbersName(n) + " " + shapeText(in) +
        " block " + std::to_string(block);
    if (toDepth) {
        tflite::SpaceToDepthOptionsT o;
        o.block_size = block;
        return OpCase(std::move(name), builtin(Op::SPACE_TO_DEPTH, opts(o)), {x}, {sameAs(x, out)});
    }
    tflite::DepthToSpaceOptionsT o;
    o.block_size = block;
    return OpCase(std::move(name), builtin(Op::DEPTH_TO_SPACE, opts(o)), {x}, {sameAs(x, out)});
}

OpCase randomBatchMatmul(Dice& d)
{
    static const std::vector<Numbers> numbers{Numbers::Float, Numbers::Float, Numbers::Int8, Numbers::Int8, Numbers::Int16,
        Numbers::Hybrid};
    const Numbers n = d.pick(numbers);
    const int m = d.between(1, 9), k = d.between(1, 24), cols = d.between(1, 12);
    // Batch dimensions that broadcast against each other (rank 0 to 2 each).
    const int batchRank = d.between(0, 2);
    std::vector<std::int32_t> batch = randomShape(d, batchRank, 3), lb, rb;
    for (std::int32_t b : batch) {
        lb.push_back(d.chance(0.3) ? 1 : b);
        rb.push_back(d.chance(0.3) ? 1 : b);
    }
    if (d.chance(0.2) && !rb.empty())
        rb.erase(rb.begin());
    std::vector<std::int32_t> outBatch;
    for (std::size_t i = 0; i < lb.size(); ++i) {
        const std::size_t lead = lb.size() - rb.size();
        outBatch.push_back(i < lead ? lb[i] : std::max(lb[i], rb[i - lead]));
    }
    const bool adjX = d.chance(0.3), adjY = d.chance(0.4);
    auto withMatrix = [](std::vector<std::int32_t> s, int r, int c) {
        s.push_back(r);
        s.push_back(c);
        return s;
    };
    const double a = d.decades(-1, 0.5), b = d.decades(-1, 0.5);
    TensorSpec x = activation(d, withMatrix(lb, adjX ? k : m, adjX ? m : k), n, a);
    TensorSpec y;
    const bool constantRhs = n == Numbers::Hybrid || d.chance(0.4);
    if (n == Numbers::Hybrid) {
        y = activation(d, withMatrix(rb, adjY ? cols : k, adjY ? k : cols), Numbers::Int8, b);
        y.zeroPoint = 0;
    } else {
        y = activation(d, withMatrix(rb, adjY ? cols : k, adjY ? k : cols), n, b);
    }
    if (constantRhs)
        y = filled(y, d);
    const TensorSpec z = activation(d, withMatrix(outBatch, m, cols), n, a * b * std::sqrt(static_cast<double>(k)));
    tflite::BatchMatMulOptionsT o;
    o.adj_x = adjX;
    o.adj_y = adjY;
    o.asymmetric_quantize_inputs = n == Numbers::Hybrid && d.chance(0.5);
    std::string name = "BATCH_MATMUL " + numbersName(n) + " " + shapeText(x.shape) + " x " + shapeText(y.shape) +
        (adjX ? " adj_x" : "") + (adjY ? " adj_y" : "") + (constantRhs ? " constant rhs" : "") +
        (o.asymmetric_quantize_inputs ? " asymmetric" : "");
    return OpCase(std::move(name), builtin(Op::BATCH_MATMUL, opts(o)), {x, y}, {z});
}

OpCase randomSpaceBatch(Dice& d)
{
    const bool toBatch = d.chance(0.5);
    const Numbers n = activationNumbers(d);
    const int rank = d.between(3, 4);
    const int spatial = rank - 2;
    std::vector<std::int32_t> block, edges, in{d.between(1, 2)}, out;
    for (int i = 0; i < spatial; ++i)
        block.push_back(d.between(1, 3));
    const std::int32_t blocks = std::accumulate(block.begin(), block.end(), 1, std::multiplies<>());
    if (toBatch) {
        // Paddings make each spatial dimension a multiple of its block.
        out.push_back(in[0] * blocks);
        for (int i = 0; i < spatial; ++i) {
            const int dim = d.between(1, 7), before = d.between(0, 2);
            int after = d.between(0, 2);
            after += (block[at(i)] - (dim + before + after) % block[at(i)]) % block[at(i)];
            in.push_back(dim);
            edges.insert(edges.end(), {before, after});
            out.push_back((dim + before + after) / block[at(i)]);
        }
    } else {
        // Crops leave at least one element of each spatial dimension.
        in[0] *= blocks;
        out.push_back(in[0] / blocks);
        for (int i = 0; i < spatial; ++i) {
            const int dim = d.between(1, 4), whole = dim * block[at(i)];
            const int before = d.between(0, std::min(2, whole - 1));
            const int after = d.between(0, std::min(2, whole - 1 - before));
            in.push_back(dim);
            edges.insert(edges.end(), {before, after});
            out.push_back(whole - before - after);
        }
    }
    const int channels = d.between(1, 4);
    in.push_back(channels);
    out.push_back(channels);
    const TensorSpec x = activation(d, in, n, d.decades(-1, 1));
    bool own = false;
    const TensorSpec y = movedOutput(d, x, out, n, own);
    const Op op = toBatch ? Op::SPACE_TO_BATCH_ND : Op::BATCH_TO_SPACE_ND;
    std::string name = std::string(tflite::EnumNameBuiltinOperator(op)) + " " + numbersName(n) + " " + shapeText(in) +
        " block " + shapeText(block) + (toBatch ? " pads " : " crops ") + shapeText(edges) + (own ? " own scale" : "");
    tflite::BuiltinOptionsUnion o = toBatch ? opts(tflite::SpaceToBatchNDOptionsT{}) : opts(tflite::BatchToSpaceNDOptionsT{});
    return OpCase(std::move(name), builtin(op, std::move(o)),
        {x, TensorSpec::constant<std::int32_t>({spatial}, DT::Int32, block),
            TensorSpec::constant<std::int32_t>({spatial, 2}, DT::Int32, edges)},
        {y});
}

} // namespace ql::test::random_ops
