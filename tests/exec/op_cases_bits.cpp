// SPDX-License-Identifier: MIT
// Operators on integer values, indices and bits that feature extractors, text and generative models
// carry: RANK (its value in op_test),  BUCKETIZE, UNIQUE, SPARSE_TO_DENSE, BITWISE_XOR, RIGHT_SHIFT and BITCAST.
#include "exec/op_cases.h"

namespace ql::test {

using DT = model::DType;
using Op = tflite::BuiltinOperator;

namespace {

OpSpec bucketize(std::vector<float> boundaries)
{
    tflite::BucketizeOptionsT o;
    o.boundaries = std::move(boundaries);
    return builtin(Op::BUCKETIZE, opts(o));
}

OpSpec unique(tflite::TensorType idx)
{
    tflite::UniqueOptionsT o;
    o.idx_out_type = idx;
    return builtin(Op::UNIQUE, opts(o));
}

// UNIQUE's first output is sized at run time; litert-run leaves such outputs unwritten, so only the
// positions (output 1) are compared.
OpCase uniqueCase(std::string name, TensorSpec x, tflite::TensorType idx)
{
    const int n = x.shape.empty() ? 1 : x.shape[0];
    const DT it = idx == tflite::TensorType::INT64 ? DT::Int64 : DT::Int32;
    TensorSpec values = x;
    values.data.clear();
    return OpCase(std::move(name), unique(idx), {std::move(x)}, {values, typed({n}, it)})
        .litert({"--allow-dynamic"})
        .ignoringOutput(0)
        .withSeeds(3);
}

} // namespace

std::vector<OpCase> bitsCases()
{
    const OpSpec rank = builtin(Op::RANK, opts(tflite::RankOptionsT{}));
    const OpSpec sparseToDense = builtin(Op::SPARSE_TO_DENSE, opts(tflite::SparseToDenseOptionsT{}));
    const OpSpec bitwiseXor = builtin(Op::BITWISE_XOR, opts(tflite::BitwiseXorOptionsT{}));
    const OpSpec rightShift = builtin(Op::RIGHT_SHIFT, opts(tflite::RightShiftOptionsT{}));
    const OpSpec bitcast = builtin(Op::BITCAST, opts(tflite::BitcastOptionsT{}));
    return {
        // RANK's value is checked in op_test's outputsLiteRtRunCannotRead; here, what is refused.
        OpCase("RANK int64 output", rank, {f32({2, 3})}, {typed({}, DT::Int64)}).refused("int32"),

        // BUCKETIZE: a value equal to a boundary falls into the bucket above it.
        {"BUCKETIZE float", bucketize({-2.5f, -1.0f, 0.0f, 0.5f, 3.0f}), {f32({4, 25}).range(-4, 4)},
            {typed({4, 25}, DT::Int32)}},
        {"BUCKETIZE int32 on boundaries", bucketize({-3, 0, 2, 7}), {ranged({64}, DT::Int32, -5, 9)},
            {typed({64}, DT::Int32)}},
        {"BUCKETIZE int64", bucketize({-50, 10, 60}), {typed({3, 7}, DT::Int64)}, {typed({3, 7}, DT::Int32)}},
        {"BUCKETIZE float64", bucketize({-1.0f, 1.0f}), {typed({16}, DT::Float64)}, {typed({16}, DT::Int32)}},
        OpCase("BUCKETIZE no boundaries", bucketize({}), {f32({5})}, {typed({5}, DT::Int32)}).refused("boundaries"),
        OpCase("BUCKETIZE unsorted", bucketize({1.0f, 0.0f}), {f32({3})}, {typed({3}, DT::Int32)}).refused("sorted"),

        // UNIQUE: positions of each value among the distinct values, in order of first appearance.
        uniqueCase("UNIQUE int32", ranged({40}, DT::Int32, -6, 6), tflite::TensorType::INT32),
        uniqueCase("UNIQUE int8 int64 positions", ranged({25}, DT::Int8, 0, 4), tflite::TensorType::INT64),
        uniqueCase("UNIQUE int64", ranged({12}, DT::Int64, -3, 3), tflite::TensorType::INT32),
        uniqueCase("UNIQUE uint8", ranged({30}, DT::UInt8, 250, 255), tflite::TensorType::INT32),
        uniqueCase("UNIQUE int16", ranged({30}, DT::Int16, -2, 2), tflite::TensorType::INT32),
        uniqueCase("UNIQUE float", f32({20}), tflite::TensorType::INT32),
        OpCase("UNIQUE matrix", unique(tflite::TensorType::INT32), {f32({2, 3})}, {f32({6}), typed({6}, DT::Int32)})
            .refused("vector"),

        // SPARSE_TO_DENSE: a later equal index wins; one value for all, or one per index.
        {"SPARSE_TO_DENSE float 2-D", sparseToDense,
            {i32({4, 2}, {0, 1, 2, 3, 1, 0, 2, 3}), i32({2}, {3, 4}), f32({4}), f32c({}, {-1.5f})}, {f32({3, 4})}},
        {"SPARSE_TO_DENSE int32 vector scalar value", sparseToDense,
            {i32({3}, {4, 0, 2}), i32({1}, {6}), typed({}, DT::Int32), i32({}, {-2})}, {typed({6}, DT::Int32)}},
        {"SPARSE_TO_DENSE int64 indices 3-D", sparseToDense,
            {i64({3, 3}, {0, 0, 1, 1, 2, 0, 1, 1, 1}), i64({3}, {2, 3, 2}), typed({3}, DT::Int64),
                i64({}, {7})},
            {typed({2, 3, 2}, DT::Int64)}},
        {"SPARSE_TO_DENSE int8 scalar index", sparseToDense,
            {i32({}, {2}), i32({1}, {5}), typed({}, DT::Int8), TensorSpec::constant<std::int8_t>({}, DT::Int8, {std::int8_t{-4}})},
            {typed({5}, DT::Int8)}},
        {"SPARSE_TO_DENSE uint8 4-D", sparseToDense,
            {i32({2, 4}, {0, 1, 0, 2, 1, 0, 1, 1}), i32({4}, {2, 2, 2, 3}), typed({2}, DT::UInt8),
                TensorSpec::constant<std::uint8_t>({}, DT::UInt8, {std::uint8_t{200}})},
            {typed({2, 2, 2, 3}, DT::UInt8)}},
        OpCase("SPARSE_TO_DENSE index out of range", sparseToDense,
            {i32({2, 2}, {0, 1, 3, 0}), i32({2}, {3, 2}), f32({2}), f32c({}, {0})}, {f32({3, 2})})
            .refused("out of range"),
        OpCase("SPARSE_TO_DENSE values per index mismatch", sparseToDense,
            {i32({2, 2}, {0, 1, 1, 0}), i32({2}, {3, 2}), f32({3}), f32c({}, {0})}, {f32({3, 2})})
            .refused("one value per index"),

        // BITWISE_XOR and RIGHT_SHIFT: every integer type, broadcasting; shifts beyond the width and
        // negative shifts clamped as LiteRT does.
        {"BITWISE_XOR int8", bitwiseXor, {typed({2, 8}, DT::Int8), typed({2, 8}, DT::Int8)}, {typed({2, 8}, DT::Int8)}},
        {"BITWISE_XOR uint8 broadcast", bitwiseXor, {typed({3, 1, 4}, DT::UInt8), typed({5, 1}, DT::UInt8)},
            {typed({3, 5, 4}, DT::UInt8)}},
        {"BITWISE_XOR int16", bitwiseXor, {typed({17}, DT::Int16), typed({17}, DT::Int16)}, {typed({17}, DT::Int16)}},
        {"BITWISE_XOR uint16 scalar", bitwiseXor, {typed({9}, DT::UInt16), typed({}, DT::UInt16)},
            {typed({9}, DT::UInt16)}},
        {"BITWISE_XOR int32", bitwiseXor, {ranged({4, 4}, DT::Int32, -2000000000, 2000000000),
            ranged({4, 4}, DT::Int32, -2000000000, 2000000000)}, {typed({4, 4}, DT::Int32)}},
        {"BITWISE_XOR uint32", bitwiseXor, {ranged({12}, DT::UInt32, 0, 4000000000.0), ranged({12}, DT::UInt32, 0, 4000000000.0)},
            {typed({12}, DT::UInt32)}},
        {"RIGHT_SHIFT int8 negative values", rightShift, {typed({40}, DT::Int8), ranged({40}, DT::Int8, -3, 10)},
            {typed({40}, DT::Int8)}},
        {"RIGHT_SHIFT uint8 broadcast", rightShift, {typed({2, 16}, DT::UInt8), ranged({16}, DT::UInt8, 0, 9)},
            {typed({2, 16}, DT::UInt8)}},
        {"RIGHT_SHIFT int16", rightShift, {typed({30}, DT::Int16), ranged({30}, DT::Int16, -2, 18)},
            {typed({30}, DT::Int16)}},
        {"RIGHT_SHIFT uint16", rightShift, {typed({30}, DT::UInt16), ranged({30}, DT::UInt16, 0, 17)},
            {typed({30}, DT::UInt16)}},
        {"RIGHT_SHIFT int32 wide shifts", rightShift,
            {ranged({3, 10}, DT::Int32, -2000000000, 2000000000), ranged({10}, DT::Int32, -4, 40)},
            {typed({3, 10}, DT::Int32)}},
        {"RIGHT_SHIFT uint32", rightShift, {ranged({20}, DT::UInt32, 0, 4000000000.0), ranged({20}, DT::UInt32, 0, 35)},
            {typed({20}, DT::UInt32)}},
        OpCase("RIGHT_SHIFT float", rightShift, {f32({3}), f32({3})}, {f32({3})}).refused("float32"),
        OpCase("BITWISE_XOR types differ", bitwiseXor, {typed({3}, DT::Int8), typed({3}, DT::Int16)},
            {typed({3}, DT::Int8)})
            .refused("int16"),

        // BITCAST: to a narrower type adds a last dimension, to a wider one consumes it.
        {"BITCAST float to int32", bitcast, {f32({2, 3})}, {typed({2, 3}, DT::Int32)}},
        {"BITCAST int32 to uint8", bitcast, {typed({5}, DT::Int32)}, {typed({5, 4}, DT::UInt8)}},
        {"BITCAST int8 to int16", bitcast, {typed({3, 2}, DT::Int8)}, {typed({3}, DT::Int16)}},
        {"BITCAST uint32 to uint16", bitcast, {typed({2, 2}, DT::UInt32)}, {typed({2, 2, 2}, DT::UInt16)}},
        OpCase("BITCAST wrong last dimension", bitcast, {typed({3, 3}, DT::Int8)}, {typed({3}, DT::Int16)})
            .refused("last dimension"),
    };
}

} // namespace ql::test
