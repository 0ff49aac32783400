// SPDX-License-Identifier: MIT
// Random selection by index and running sums (op_random.h): GATHER_ND, SCATTER_ND, TOPK_V2, REVERSE_V2,
// CUMSUM and EMBEDDING_LOOKUP, on every element type their LiteRT kernels take.
#include "exec/op_random.h"

#include <functional>
#include <numeric>

namespace ql::test::random_ops {

namespace {

using DT = model::DType;
using Op = tflite::BuiltinOperator;

// A tensor of one of the element types data-movement kernels take: an activation format (float,
// int8, uint8, int16), or plain int32, int64 and (when `withBool`) bool.
struct Elements {
    TensorSpec spec;
    std::string label;
    Numbers numbers = Numbers::Float; // Float for the plain types
};

Elements elements(Dice& d, std::vector<std::int32_t> shape, bool withBool)
{
    const int kind = d.between(0, withBool ? 9 : 8);
    if (kind < 7) {
        const Numbers n = activationNumbers(d);
        return {activation(d, std::move(shape), n, d.decades(-1, 1)), numbersName(n), n};
    }
    if (kind == 7)
        return {ranged(std::move(shape), DT::Int32, -1000, 1000), "int32"};
    if (kind == 8)
        return {ranged(std::move(shape), DT::Int64, -100000, 100000), "int64"};
    return {bools(std::move(shape)), "bool"};
}

// A constant index tensor of `type` (int16, int32 or int64) holding `values`.
TensorSpec indexConstant(std::vector<std::int32_t> shape, DT type, const std::vector<std::int64_t>& values)
{
    if (type == DT::Int64)
        return TensorSpec::constant(std::move(shape), type, values);
    if (type == DT::Int16)
        return TensorSpec::constant(std::move(shape), type, std::vector<std::int16_t>(values.begin(), values.end()));
    return TensorSpec::constant(std::move(shape), type, std::vector<std::int32_t>(values.begin(), values.end()));
}

// `count` index tuples of `depth` components, each within the leading dimensions of `shape`.
std::vector<std::int64_t> indexTuples(Dice& d, const std::vector<std::int32_t>& shape, int depth, std::int64_t count)
{
    std::vector<std::int64_t> v;
    for (std::int64_t k = 0; k < count; ++k)
        for (int j = 0; j < depth; ++j)
            v.push_back(d.between(0, shape[at(j)] - 1));
    return v;
}

std::int64_t product(const std::vector<std::int32_t>& s)
{
    return std::accumulate(s.begin(), s.end(), std::int64_t{1}, std::multiplies<>());
}

} // namespace

OpCase randomGatherNd(Dice& d)
{
    const int rank = d.between(1, 4);
    const auto shape = randomShape(d, rank, rank > 2 ? 5 : 7);
    Elements x = elements(d, shape, true);
    const int depth = d.between(1, rank);
    auto ishape = randomShape(d, d.between(0, 2), 4);
    const std::int64_t tuples = product(ishape);
    ishape.push_back(depth);
    const DT itype = d.pick(std::vector<DT>{DT::Int32, DT::Int32, DT::Int64, DT::Int16});
    const TensorSpec indices = indexConstant(ishape, itype, indexTuples(d, shape, depth, tuples));
    std::vector<std::int32_t> out(ishape.begin(), ishape.end() - 1);
    out.insert(out.end(), shape.begin() + depth, shape.end());
    bool own = false;
    const TensorSpec y = movedOutput(d, x.spec, out, x.numbers, own);
    std::string name = "GATHER_ND " + x.label + " " + shapeText(shape) + " indices " + shapeText(ishape) + " " +
        model::dtypeName(itype) + (own ? " own scale" : "");
    return OpCase(std::move(name), builtin(Op::GATHER_ND, opts(tflite::GatherNdOptionsT{})), {x.spec, indices}, {y});
}

OpCase randomScatterNd(Dice& d)
{
    const int rank = d.between(1, 4);
    const auto shape = randomShape(d, rank, rank > 2 ? 5 : 7);
    const int depth = d.between(1, rank);
    auto ishape = randomShape(d, d.between(1, 2), 4);
    const std::int64_t tuples = product(ishape);
    std::vector<std::int32_t> ushape = ishape;
    ushape.insert(ushape.end(), shape.begin() + depth, shape.end());
    ishape.push_back(depth);
    // Duplicate tuples add up (integers wrap, as in LiteRT).
    Elements u = elements(d, ushape, true);
    // LiteRT's SCATTER_ND takes int32 indices only (QuantLens refuses int64 likewise).
    const bool wide = d.chance(0.1);
    const DT itype = wide ? DT::Int64 : DT::Int32;
    const TensorSpec indices = indexConstant(ishape, itype, indexTuples(d, shape, depth, tuples));
    const std::vector<std::int64_t> dims(shape.begin(), shape.end());
    const TensorSpec outShape = indexConstant({rank}, itype, dims);
    bool own = false;
    const TensorSpec y = movedOutput(d, u.spec, shape, u.numbers, own);
    std::string name = "SCATTER_ND " + u.label + " " + shapeText(shape) + " indices " + shapeText(ishape) +
        (wide ? " int64" : "") + (own ? " own scale" : "");
    return OpCase(std::move(name), builtin(Op::SCATTER_ND, opts(tflite::ScatterNdOptionsT{})), {indices, u.spec, outShape}, {y});
}

OpCase randomTopK(Dice& d)
{
    const int rank = d.between(1, 3);
    auto shape = randomShape(d, rank, rank > 1 ? 6 : 12);
    Elements x = elements(d, shape, false);
    // Few distinct codes or values, so that ties (the lower index first) occur.
    if (x.label == "int32" || x.label == "int64")
        x.spec.range(-4, 4);
    const int k = d.between(1, shape.back());
    auto out = shape;
    out.back() = k;
    bool own = false;
    const TensorSpec y = movedOutput(d, x.spec, out, x.numbers, own);
    std::string name = "TOPK_V2 " + x.label + " " + shapeText(shape) + " k " + std::to_string(k) + (own ? " own scale" : "");
    return OpCase(std::move(name), builtin(Op::TOPK_V2, opts(tflite::TopKV2OptionsT{})),
        {x.spec, TensorSpec::constant<std::int32_t>({}, DT::Int32, {k})}, {y, typed(out, DT::Int32)});
}

OpCase randomReverse(Dice& d)
{
    const int rank = d.between(1, 5);
    const auto shape = randomShape(d, rank, rank > 3 ? 4 : 6);
    Elements x = elements(d, shape, true);
    const int axis = d.between(0, rank - 1);
    std::vector<std::int32_t> axes{d.chance(0.2) ? axis - rank : axis};
    bool own = false;
    const TensorSpec y = movedOutput(d, x.spec, shape, x.numbers, own);
    std::string name = "REVERSE_V2 " + x.label + " " + shapeText(shape) + " axis " + std::to_string(axes[0]) +
        (own ? " own scale" : "");
    return OpCase(std::move(name), builtin(Op::REVERSE_V2, opts(tflite::ReverseV2OptionsT{})),
        {x.spec, TensorSpec::constant<std::int32_t>({1}, DT::Int32, axes)}, {y});
}

OpCase randomCumsum(Dice& d)
{
    const int rank = d.between(1, 4);
    const auto shape = randomShape(d, rank, rank > 2 ? 5 : 9);
    const DT t = d.pick(std::vector<DT>{DT::Float32, DT::Float32, DT::Int32, DT::Int64});
    TensorSpec x = t == DT::Float32 ? f32(shape) : ranged(shape, t, -50, 50);
    const int axis = d.between(0, rank - 1);
    tflite::CumsumOptionsT o;
    o.exclusive = d.chance(0.5);
    o.reverse = d.chance(0.5);
    const int written = d.chance(0.2) ? axis - rank : axis;
    std::string name = "CUMSUM " + (t == DT::Float32 ? std::string("float") : model::dtypeName(t)) + " " + shapeText(shape) +
        " axis " + std::to_string(written) + (o.exclusive ? " exclusive" : "") + (o.reverse ? " reverse" : "");
    return OpCase(std::move(name), builtin(Op::CUMSUM, opts(o)),
        {x, TensorSpec::constant<std::int32_t>({}, DT::Int32, {written})}, {sameAs(x, shape)});
}

} // namespace ql::test::random_ops

namespace ql::test::random_ops {

OpCase randomEmbeddingLookup(Dice& d)
{
    const int rows = d.between(1, 10);
    std::vector<std::int32_t> table{rows, d.between(1, 9)};
    if (d.chance(0.3))
        table.push_back(d.between(1, 4));
    const int count = d.between(1, 8);
    std::vector<std::int32_t> ids(static_cast<std::size_t>(count));
    for (auto& i : ids)
        i = d.between(0, rows - 1); // repeats allowed
    std::vector<std::int32_t> out = table;
    out[0] = count;
    // float32; int8 in, int8 out (the row codes copied); or a hybrid 8-bit table read into float32 (zero point 0).
    const int kind = d.between(0, 3);
    TensorSpec t, y;
    std::string label;
    if (kind == 0) {
        t = f32(table);
        y = f32(out);
        label = "float";
    } else if (kind == 1) {
        t = activation(d, table, Numbers::Int8, d.decades(-1, 1));
        y = sameAs(t, out);
        label = "int8";
    } else {
        const DT type = kind == 2 ? DT::Int8 : DT::UInt8;
        t = typed(table, type);
        t.scale = static_cast<float>(d.decades(-3, 0));
        t.zeroPoint = 0;
        y = f32(out);
        label = std::string("hybrid ") + (kind == 2 ? "int8" : "uint8");
    }
    std::string name = "EMBEDDING_LOOKUP " + label + " " + shapeText(table) + " ids " + std::to_string(count);
    return OpCase(std::move(name), builtin(Op::EMBEDDING_LOOKUP),
        {TensorSpec::constant<std::int32_t>({count}, DT::Int32, ids), t}, {y});
}

} // namespace ql::test::random_ops

namespace ql::test::random_ops {

// UNSORTED_SEGMENT_SUM / PROD / MAX / MIN: float32 or int32 data of rank 1 to 3, constant segment ids over
// the leading dimensions (any order, repeats, empty segments), a constant number of segments. (SEGMENT_SUM
// sizes its output at prepare in LiteRT only when the data are constant too: op_test checks it by value.)
OpCase randomSegment(Dice& d)
{
    using DT = model::DType;
    using Op = tflite::BuiltinOperator;
    const int kind = d.between(0, 3);
    tflite::BuiltinOptionsUnion options;
    Op op = Op::UNSORTED_SEGMENT_SUM;
    std::string label = "UNSORTED_SEGMENT_SUM";
    if (kind == 0) {
        options.Set(tflite::UnsortedSegmentSumOptionsT{});
    } else if (kind == 1) {
        op = Op::UNSORTED_SEGMENT_PROD;
        label = "UNSORTED_SEGMENT_PROD";
        options.Set(tflite::UnsortedSegmentProdOptionsT{});
    } else if (kind == 2) {
        op = Op::UNSORTED_SEGMENT_MAX;
        label = "UNSORTED_SEGMENT_MAX";
        options.Set(tflite::UnsortedSegmentMaxOptionsT{});
    } else {
        op = Op::UNSORTED_SEGMENT_MIN;
        label = "UNSORTED_SEGMENT_MIN";
        options.Set(tflite::UnsortedSegmentMinOptionsT{});
    }
    const int rank = d.between(1, 3);
    const std::vector<std::int32_t> shape = randomShape(d, rank, 6);
    const int idRank = d.between(1, rank);
    const std::vector<std::int32_t> idShape(shape.begin(), shape.begin() + idRank);
    const int segments = d.between(1, 6);
    std::vector<std::int32_t> ids(static_cast<std::size_t>(
        std::accumulate(idShape.begin(), idShape.end(), std::int64_t{1}, std::multiplies<>())));
    for (auto& i : ids)
        i = d.between(0, segments - 1);
    std::vector<std::int32_t> out{segments};
    out.insert(out.end(), shape.begin() + idRank, shape.end());
    const bool isFloat = d.chance(0.5);
    const bool product = op == Op::UNSORTED_SEGMENT_PROD;
    // Products stay small: float factors near 1, int32 factors in [-2, 2] (no overflow to compare).
    TensorSpec x = isFloat ? (product ? f32(shape).range(0.5, 1.5) : f32(shape))
                           : ranged(shape, DT::Int32, product ? -2 : -50, product ? 2 : 50);
    std::string name = label + " " + (isFloat ? "float " : "int32 ") + shapeText(shape) + " ids " + shapeText(idShape) +
        " segments " + std::to_string(segments);
    return OpCase(std::move(name), builtin(op, options),
        {x, TensorSpec::constant<std::int32_t>(idShape, DT::Int32, ids),
            TensorSpec::constant<std::int32_t>({}, DT::Int32, {segments})},
        {isFloat ? f32(out) : typed(out, DT::Int32)});
}

} // namespace ql::test::random_ops
