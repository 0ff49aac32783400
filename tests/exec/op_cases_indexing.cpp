// SPDX-License-Identifier: MIT
// Selection by index, condition or rank: GATHER_ND, SCATTER_ND, SELECT, SELECT_V2, TOPK_V2,
// EMBEDDING_LOOKUP, SPLIT_V, UNPACK, NON_MAX_SUPPRESSION_V4 / _V5.
#include "exec/op_cases.h"

#include <optional>

namespace ql::test {

using DT = model::DType;
using Op = tflite::BuiltinOperator;

namespace {

OpSpec splitV(int n)
{
    tflite::SplitVOptionsT o;
    o.num_splits = n;
    return builtin(Op::SPLIT_V, opts(o));
}

OpSpec unpack(int n, int axis)
{
    tflite::UnpackOptionsT o;
    o.num = n;
    o.axis = axis;
    return builtin(Op::UNPACK, opts(o));
}

// TOPK_V2 of the last dimension: values and int32 indices.
OpCase topk(const std::string& name, TensorSpec x, int k)
{
    auto shape = x.shape;
    shape.back() = k;
    const DT t = x.dtype;
    TensorSpec values = typed(shape, t);
    values.scale = x.scale;
    values.zeroPoint = x.zeroPoint;
    return {name, builtin(Op::TOPK_V2, opts(tflite::TopKV2OptionsT{})), {std::move(x), i32({}, {k})},
        {std::move(values), typed(shape, DT::Int32)}};
}

// NON_MAX_SUPPRESSION_V4 (no sigma) or _V5; a constant max_output_size M keeps the outputs static
// (litert-run still needs --allow-dynamic to run the operator).
OpCase nms(const std::string& name, TensorSpec boxes, TensorSpec scores, int M, float iou, float scoreThreshold,
    std::optional<float> sigma = std::nullopt)
{
    const bool v5 = sigma.has_value();
    std::vector<TensorSpec> in = {
        std::move(boxes), std::move(scores), i32({}, {M}), f32c({}, {iou}), f32c({}, {scoreThreshold})};
    std::vector<TensorSpec> out = {typed({M}, DT::Int32)};
    if (v5) {
        in.push_back(f32c({}, {*sigma}));
        out.push_back(f32({M}));
    }
    out.push_back(typed({}, DT::Int32));
    return OpCase(name,
        builtin(v5 ? Op::NON_MAX_SUPPRESSION_V5 : Op::NON_MAX_SUPPRESSION_V4,
            v5 ? opts(tflite::NonMaxSuppressionV5OptionsT{}) : opts(tflite::NonMaxSuppressionV4OptionsT{})),
        std::move(in), std::move(out))
        .litert({"--allow-dynamic"})
        .tolerance(0);
}

} // namespace

std::vector<OpCase> indexingCases()
{
    const OpSpec gatherNd = builtin(Op::GATHER_ND, opts(tflite::GatherNdOptionsT{}));
    const OpSpec scatterNd = builtin(Op::SCATTER_ND, opts(tflite::ScatterNdOptionsT{}));
    const OpSpec select = builtin(Op::SELECT, opts(tflite::SelectOptionsT{}));
    const OpSpec selectV2 = builtin(Op::SELECT_V2, opts(tflite::SelectV2OptionsT{}));
    const OpSpec lookup = builtin(Op::EMBEDDING_LOOKUP);
    // Random boxes in [0, 1] (corners in either order) and scores.
    const TensorSpec boxes12 = f32({12, 4}).range(0, 1);
    return {
        // GATHER_ND: slices of params picked by index tuples (int16, int32 or int64).
        {"GATHER_ND float slices", gatherNd, {f32({5, 4, 3}), i32({3, 1}, {4, 0, 2})}, {f32({3, 4, 3})}},
        {"GATHER_ND float pairs", gatherNd, {f32({5, 4, 3}), i32({2, 2, 2}, {0, 0, 4, 3, 2, 1, 1, 2})},
            {f32({2, 2, 3})}},
        {"GATHER_ND int8 random indices", gatherNd, {q({6, 5}, DT::Int8, 0.1f, 3), ranged({7, 1}, DT::Int32, 0, 5)},
            {q({7, 5}, DT::Int8, 0.1f, 3)}},
        {"GATHER_ND uint8 int64 indices", gatherNd, {typed({4, 4, 2}, DT::UInt8), i64({3, 2}, {3, 3, 0, 1, 2, 0})},
            {typed({3, 2}, DT::UInt8)}},
        {"GATHER_ND int16 int16 indices", gatherNd,
            {typed({5, 3}, DT::Int16), TensorSpec::constant<std::int16_t>({2, 1}, DT::Int16, {4, 1})},
            {typed({2, 3}, DT::Int16)}},
        {"GATHER_ND int32 rank 5 params", gatherNd, {typed({2, 3, 1, 2, 2}, DT::Int32), i32({2, 2}, {1, 2, 0, 1})},
            {typed({2, 1, 2, 2}, DT::Int32)}},
        OpCase("GATHER_ND index out of range", gatherNd, {f32({3, 2}), i32({1, 1}, {3})}, {f32({1, 2})})
            .refused("out of range"),

        // SCATTER_ND: zero-filled, duplicate indices add up.
        {"SCATTER_ND float duplicates", scatterNd, {i32({4, 1}, {1, 3, 1, 0}), f32({4, 3}), i32({2}, {5, 3})},
            {f32({5, 3})}},
        {"SCATTER_ND int8 wrapping duplicates", scatterNd,
            {i32({3, 1}, {2, 2, 2}), q({3, 2}, DT::Int8, 0.1f, 5), i32({2}, {4, 2})}, {q({4, 2}, DT::Int8, 0.1f, 5)}},
        {"SCATTER_ND int32 rank 1", scatterNd, {i32({5, 1}, {6, 0, 6, 3, 6}), typed({5}, DT::Int32), i32({1}, {8})},
            {typed({8}, DT::Int32)}},
        {"SCATTER_ND bool", scatterNd, {i32({3, 1}, {0, 0, 2}), bools({3, 2}), i32({2}, {4, 2})}, {bools({4, 2})}},
        OpCase("SCATTER_ND int16", scatterNd, {i32({1, 1}, {0}), typed({1}, DT::Int16), i32({1}, {2})},
            {typed({2}, DT::Int16)})
            .refused("int16"),
        OpCase("SCATTER_ND int64 indices", scatterNd, {i64({1, 1}, {0}), f32({1}), i64({1}, {2})}, {f32({2})})
            .refused("int32"),

        // SELECT: same shapes, a rank-1 condition over the first dimension, or a scalar condition.
        {"SELECT float rank-1 condition", select, {bools({4}), f32({4, 2, 3}), f32({4, 2, 3})}, {f32({4, 2, 3})}},
        {"SELECT int32 scalar condition", select, {bools({}), typed({2, 3}, DT::Int32), typed({2, 3}, DT::Int32)},
            {typed({2, 3}, DT::Int32)}},
        {"SELECT int64 rank 5", select,
            {bools({2, 1, 2, 3, 2}), typed({2, 1, 2, 3, 2}, DT::Int64), typed({2, 1, 2, 3, 2}, DT::Int64)},
            {typed({2, 1, 2, 3, 2}, DT::Int64)}},
        {"SELECT_V2 float broadcast", selectV2, {bools({3, 1}), f32({1, 4}), f32({3, 4})}, {f32({3, 4})}},
        {"SELECT_V2 float scalar values", selectV2, {bools({2, 3}), f32({}), f32({3})}, {f32({2, 3})}},
        {"SELECT_V2 uint8 broadcast", selectV2,
            {bools({2, 1, 3}), typed({4, 1}, DT::UInt8), typed({2, 4, 3}, DT::UInt8)}, {typed({2, 4, 3}, DT::UInt8)}},
        {"SELECT_V2 int32 rank 5 broadcast", selectV2,
            {bools({2, 1, 3, 1, 2}), typed({1, 2, 1, 4, 1}, DT::Int32), typed({2}, DT::Int32)},
            {typed({2, 2, 3, 4, 2}, DT::Int32)}},
        {"SELECT_V2 float rank 6 broadcast", selectV2, {bools({2, 1, 2, 1, 2, 1}), f32({1, 2, 1, 2, 1, 3}), f32({3})},
            {f32({2, 2, 2, 2, 2, 3})}},
        {"SELECT_V2 int8 condition broadcast", selectV2,
            {bools({3}), q({2, 3}, DT::Int8, 0.2f, -1), q({2, 3}, DT::Int8, 0.2f, -1)},
            {q({2, 3}, DT::Int8, 0.2f, -1)}},

        // WHERE: its output shape depends on the data, and litert-run returns such outputs unfilled, so
        // only what both runtimes refuse is checked here.
        OpCase("WHERE scalar condition", builtin(Op::WHERE, opts(tflite::WhereOptionsT{})), {bools({})},
            {typed({1, 0}, DT::Int64)})
            .refused("at least one dimension"),
        OpCase("WHERE int16 condition", builtin(Op::WHERE, opts(tflite::WhereOptionsT{})), {typed({3}, DT::Int16)},
            {typed({3, 1}, DT::Int64)})
            .refused("int16"),

        // TOPK_V2: larger first, equal values by lower index.
        topk("TOPK_V2 float", f32({3, 10}), 4),
        topk("TOPK_V2 int32 ties", ranged({2, 12}, DT::Int32, -2, 2), 6),
        topk("TOPK_V2 int8 ties", ranged({40}, DT::Int8, -3, 3), 9),
        topk("TOPK_V2 uint8 k 1", typed({4, 2, 9}, DT::UInt8), 1),
        topk("TOPK_V2 int64 ties", ranged({3, 8}, DT::Int64, 0, 3), 8),
        topk("TOPK_V2 float all equal", f32({10}).range(0.5, 0.5), 4),

        // EMBEDDING_LOOKUP: rows copied; 8-bit tables into float are read as int8 times the scale.
        {"EMBEDDING_LOOKUP float", lookup, {i32({3}, {2, 0, 2}), f32({4, 3})}, {f32({3, 3})}},
        {"EMBEDDING_LOOKUP int8", lookup, {i32({2}, {4, 1}), q({5, 4}, DT::Int8, 0.1f, 3)},
            {q({2, 4}, DT::Int8, 0.1f, 3)}},
        {"EMBEDDING_LOOKUP hybrid int8", lookup, {i32({3}, {3, 0, 1}), q({4, 6}, DT::Int8, 0.05f, 0)}, {f32({3, 6})}},
        {"EMBEDDING_LOOKUP hybrid uint8", lookup, {i32({4}, {0, 2, 1, 2}), q({3, 10}, DT::UInt8, 0.02f, 0)},
            {f32({4, 10})}},
        {"EMBEDDING_LOOKUP hybrid int8 rank 3", lookup, {i32({2}, {1, 0}), q({2, 3, 4}, DT::Int8, 0.3f, 0)},
            {f32({2, 3, 4})}},
        OpCase(
            "EMBEDDING_LOOKUP hybrid zero point", lookup, {i32({1}, {0}), q({2, 3}, DT::Int8, 0.1f, 4)}, {f32({1, 3})})
            .refused("zero point 0"),
        OpCase("EMBEDDING_LOOKUP id out of range", lookup, {ranged({2}, DT::Int32, 4, 6), f32({4, 3})}, {f32({2, 3})})
            .refused("outside"),

        // SPLIT_V: sizes with one -1, any axis.
        {"SPLIT_V float", splitV(3), {f32({4, 6}), i32({3}, {1, -1, 2}), i32({}, {1})},
            {f32({4, 1}), f32({4, 3}), f32({4, 2})}},
        {"SPLIT_V int8 axis 0", splitV(2), {q({5, 3}, DT::Int8, 0.1f, -2), i32({2}, {-1, 3}), i32({}, {0})},
            {q({2, 3}, DT::Int8, 0.1f, -2), q({3, 3}, DT::Int8, 0.1f, -2)}},
        {"SPLIT_V int8 outputs quantized differently", splitV(2),
            {q({2, 4}, DT::Int8, 0.1f, 0), i32({2}, {1, 3}), i32({}, {1})},
            {q({2, 1}, DT::Int8, 0.2f, 1), q({2, 3}, DT::Int8, 0.05f, -1)}},
        OpCase(
            "SPLIT_V bool", splitV(2), {bools({4, 2}), i32({2}, {1, 3}), i32({}, {0})}, {bools({1, 2}), bools({3, 2})})
            .refused("bool"),
        {"SPLIT_V int16 rank 5 int64 sizes", splitV(2),
            {typed({2, 1, 3, 5, 2}, DT::Int16), i64({2}, {4, 1}), i32({}, {-2})},
            {typed({2, 1, 3, 4, 2}, DT::Int16), typed({2, 1, 3, 1, 2}, DT::Int16)}},
        {"SPLIT_V uint8 one output", splitV(1), {typed({3, 4}, DT::UInt8), i32({1}, {-1}), i32({}, {1})},
            {typed({3, 4}, DT::UInt8)}},
        {"SPLIT_V int32 rank 1", splitV(4), {typed({7}, DT::Int32), i32({4}, {2, 1, 3, 1}), i32({}, {0})},
            {typed({2}, DT::Int32), typed({1}, DT::Int32), typed({3}, DT::Int32), typed({1}, DT::Int32)}},

        // UNPACK: one output per index of the axis.
        {"UNPACK float axis 0", unpack(3, 0), {f32({3, 4})}, {f32({4}), f32({4}), f32({4})}},
        {"UNPACK int32 last axis", unpack(4, -1), {typed({2, 3, 4}, DT::Int32)},
            {typed({2, 3}, DT::Int32), typed({2, 3}, DT::Int32), typed({2, 3}, DT::Int32), typed({2, 3}, DT::Int32)}},
        {"UNPACK int8 axis 1", unpack(2, 1), {q({3, 2, 2}, DT::Int8, 0.1f, 7)},
            {q({3, 2}, DT::Int8, 0.1f, 7), q({3, 2}, DT::Int8, 0.1f, 7)}},
        {"UNPACK uint8 rank 1", unpack(3, 0), {typed({3}, DT::UInt8)},
            {typed({}, DT::UInt8), typed({}, DT::UInt8), typed({}, DT::UInt8)}},
        {"UNPACK int16 rank 5", unpack(2, 3), {typed({1, 2, 3, 2, 2}, DT::Int16)},
            {typed({1, 2, 3, 2}, DT::Int16), typed({1, 2, 3, 2}, DT::Int16)}},
        OpCase("UNPACK int64", unpack(1, 0), {typed({1, 5}, DT::Int64)}, {typed({5}, DT::Int64)}).refused("int64"),
        {"UNPACK bool", unpack(2, 0), {bools({2, 3})}, {bools({3}), bools({3})}},
        OpCase("UNPACK int8 requantizing", unpack(2, 0), {q({2, 3}, DT::Int8, 0.1f, 0)},
            {q({3}, DT::Int8, 0.1f, 0), q({3}, DT::Int8, 0.2f, 0)})
            .refused("quantized like the input"),

        // NON_MAX_SUPPRESSION_V4 / V5 (soft NMS): selection order, ties in heap order, padding.
        nms("NON_MAX_SUPPRESSION_V4", boxes12, f32({12}).range(0, 1), 6, 0.5f, 0.2f),
        nms("NON_MAX_SUPPRESSION_V4 padded", f32({5, 4}).range(0, 1), f32({5}).range(0, 1), 8, 0.3f, 0.0f),
        nms("NON_MAX_SUPPRESSION_V4 all scores tied", boxes12, f32({12}).range(0.5, 0.5), 7, 0.6f, 0.1f),
        nms("NON_MAX_SUPPRESSION_V4 iou above 1", boxes12, f32({12}).range(0, 1), 4, 1.5f, 0.0f),
        nms("NON_MAX_SUPPRESSION_V4 degenerate boxes", f32({6, 4}).range(0.5, 0.5), f32({6}).range(0, 1), 5, 0.5f,
            0.0f),
        nms("NON_MAX_SUPPRESSION_V5", boxes12, f32({12}).range(0, 1), 6, 0.5f, 0.1f, 0.5f),
        nms("NON_MAX_SUPPRESSION_V5 sigma 0", boxes12, f32({12}).range(0, 1), 6, 0.4f, 0.1f, 0.0f),
        nms("NON_MAX_SUPPRESSION_V5 sigma 1 ties", boxes12, f32({12}).range(0.8, 0.8), 10, 0.7f, 0.05f, 1.0f),
        nms("NON_MAX_SUPPRESSION_V5 sigma 0.3 iou 1", f32({20, 4}).range(0, 1), f32({20}).range(0, 1), 12, 1.0f, 0.2f,
            0.3f),
        nms("NON_MAX_SUPPRESSION_V5 score at threshold", boxes12,
            f32c({12}, {0.5f, 0.25f, 0.25f, 0.75f, 0.5f, 0.25f, 1, 0.25f, 0.5f, 0.75f, 0.25f, 0.5f}), 12, 0.6f, 0.25f,
            0.5f),
        nms("NON_MAX_SUPPRESSION_V5 negative sigma", boxes12, f32({12}), 3, 0.5f, 0.0f, -0.5f).refused("sigma"),
    };
}

} // namespace ql::test
