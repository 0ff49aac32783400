// SPDX-License-Identifier: MIT
// The operators of the first wave, in the type combinations no shared model covers.
#include "exec/op_cases.h"

namespace ql::test {

using DT = model::DType;
using Op = tflite::BuiltinOperator;

std::vector<OpCase> basicCases()
{
    tflite::ReducerOptionsT keep;
    keep.keep_dims = true;
    tflite::ResizeBilinearOptionsT half;
    half.half_pixel_centers = true;
    tflite::ArgMaxOptionsT argmax;
    argmax.output_type = tflite::TensorType::INT32;
    tflite::SplitOptionsT split;
    split.num_splits = 3;
    tflite::LeakyReluOptionsT leaky;
    leaky.alpha = 0.3f;
    tflite::BatchMatMulOptionsT adj;
    adj.adj_y = true;
    tflite::ConcatenationOptionsT concat1;
    concat1.axis = 1;
    tflite::Pool2DOptionsT pool;
    pool.padding = tflite::Padding::SAME;
    pool.filter_width = pool.filter_height = 2;
    pool.stride_w = pool.stride_h = 2;
    tflite::SqueezeOptionsT squeeze;
    squeeze.squeeze_dims = {1};
    tflite::PackOptionsT pack;
    pack.values_count = 2;
    pack.axis = 1;
    tflite::StridedSliceOptionsT strided;
    strided.end_mask = 2;
    TensorSpec padValue = TensorSpec::constant<std::int8_t>({}, DT::Int8, {-7});
    padValue.scale = 0.1f;
    padValue.zeroPoint = 1;
    return {
        // The shared models run these (crosscheck_test, op_random_test); a row each keeps op_test's table
        // of every operator complete.
        {"MAX_POOL_2D float same padding", builtin(Op::MAX_POOL_2D, opts(pool)), {f32({1, 5, 5, 3})}, {f32({1, 3, 3, 3})}},
        {"MAX_POOL_2D int8", builtin(Op::MAX_POOL_2D, opts(pool)), {q({2, 4, 6, 3}, DT::Int8, 0.1f, 2)},
            {q({2, 2, 3, 3}, DT::Int8, 0.1f, 2)}},
        {"DEQUANTIZE int8", builtin(Op::DEQUANTIZE), {q({2, 50}, DT::Int8, 0.05f, -3)}, {f32({2, 50})}},
        {"DEQUANTIZE uint8", builtin(Op::DEQUANTIZE), {q({256}, DT::UInt8, 0.02f, 128)}, {f32({256})}},
        {"DEQUANTIZE int16", builtin(Op::DEQUANTIZE), {q({300}, DT::Int16, 3e-4f, 0)}, {f32({300})}},
        {"RESHAPE float", builtin(Op::RESHAPE, opts(tflite::ReshapeOptionsT{})), {f32({2, 6}), i32({2}, {3, -1})},
            {f32({3, 4})}},
        {"RESHAPE int8", builtin(Op::RESHAPE, opts(tflite::ReshapeOptionsT{})),
            {q({1, 2, 2, 3}, DT::Int8, 0.1f, 4), i32({2}, {1, 12})}, {q({1, 12}, DT::Int8, 0.1f, 4)}},
        {"SQUEEZE float", builtin(Op::SQUEEZE, opts(squeeze)), {f32({2, 1, 3})}, {f32({2, 3})}},
        {"EXPAND_DIMS int8", builtin(Op::EXPAND_DIMS, opts(tflite::ExpandDimsOptionsT{})),
            {q({2, 3}, DT::Int8, 0.1f, 0), i32({}, {1})}, {q({2, 1, 3}, DT::Int8, 0.1f, 0)}},
        {"PACK float axis 1", builtin(Op::PACK, opts(pack)), {f32({2, 3}), f32({2, 3})}, {f32({2, 2, 3})}},
        {"PACK int8 axis 1", builtin(Op::PACK, opts(pack)), {q({2, 3}, DT::Int8, 0.1f, 1), q({2, 3}, DT::Int8, 0.1f, 1)},
            {q({2, 2, 3}, DT::Int8, 0.1f, 1)}},
        {"STRIDED_SLICE float end mask", builtin(Op::STRIDED_SLICE, opts(strided)),
            {f32({4, 6}), i32({2}, {1, 1}), i32({2}, {4, 3}), i32({2}, {2, 2})}, {f32({2, 3})}},
        {"PAD float", builtin(Op::PAD, opts(tflite::PadOptionsT{})), {f32({2, 3}), i32({2, 2}, {1, 0, 0, 2})},
            {f32({3, 5})}},
        {"PADV2 int8 constant value", builtin(Op::PADV2, opts(tflite::PadV2OptionsT{})),
            {q({2, 3}, DT::Int8, 0.1f, 1), i32({2, 2}, {0, 1, 1, 1}), padValue}, {q({3, 5}, DT::Int8, 0.1f, 1)}},
        {"RELU_N1_TO_1 float", builtin(Op::RELU_N1_TO_1), {f32({64}).range(-2, 2)}, {f32({64})}},
        {"RELU_N1_TO_1 int8", builtin(Op::RELU_N1_TO_1), {q({256}, DT::Int8, 0.02f, 3)}, {q({256}, DT::Int8, 0.01f, -2)}},

        {"SLICE float", builtin(Op::SLICE, opts(tflite::SliceOptionsT{})),
            {f32({1, 6, 6, 3}), i32({4}, {0, 1, 2, 0}), i32({4}, {1, 3, -1, 2})}, {f32({1, 3, 4, 2})}},
        {"SPLIT int8", builtin(Op::SPLIT, opts(split)), {i32({}, {3}), q({1, 4, 4, 6}, DT::Int8, 0.1f, 3)},
            {q({1, 4, 4, 2}, DT::Int8, 0.1f, 3), q({1, 4, 4, 2}, DT::Int8, 0.1f, 3),
                q({1, 4, 4, 2}, DT::Int8, 0.1f, 3)}},
        {"GATHER float", builtin(Op::GATHER, opts(tflite::GatherOptionsT{})), {f32({5, 4}), i32({3}, {4, 0, 2})},
            {f32({3, 4})}},
        {"ARG_MAX float", builtin(Op::ARG_MAX, opts(argmax)), {f32({2, 10}), i32({}, {1})},
            {TensorSpec{{2}, DT::Int32, 0, 0, {}}}},
        {"RESIZE_BILINEAR float", builtin(Op::RESIZE_BILINEAR, opts(tflite::ResizeBilinearOptionsT{})),
            {f32({1, 4, 5, 3}), i32({2}, {7, 9})}, {f32({1, 7, 9, 3})}},
        {"RESIZE_BILINEAR float half-pixel", builtin(Op::RESIZE_BILINEAR, opts(half)),
            {f32({1, 4, 5, 3}), i32({2}, {8, 10})}, {f32({1, 8, 10, 3})}},
        {"RESIZE_NEAREST_NEIGHBOR int8", builtin(Op::RESIZE_NEAREST_NEIGHBOR, opts(tflite::ResizeNearestNeighborOptionsT{})),
            {q({1, 4, 5, 3}, DT::Int8, 0.05f, 3), i32({2}, {8, 10})}, {q({1, 8, 10, 3}, DT::Int8, 0.05f, 3)}},
        {"BATCH_MATMUL float", builtin(Op::BATCH_MATMUL, opts(tflite::BatchMatMulOptionsT{})),
            {f32({2, 3, 4}), f32({2, 4, 5})}, {f32({2, 3, 5})}},
        {"BATCH_MATMUL float adj_y broadcast", builtin(Op::BATCH_MATMUL, opts(adj)),
            {f32({2, 3, 4}), f32({1, 5, 4})}, {f32({2, 3, 5})}},
        {"PRELU float", builtin(Op::PRELU),
            {f32({1, 4, 4, 3}), TensorSpec::constant<float>({3}, DT::Float32, {0.1f, -0.5f, 2.0f})},
            {f32({1, 4, 4, 3})}},
        {"L2_NORMALIZATION float", builtin(Op::L2_NORMALIZATION, opts(tflite::L2NormOptionsT{})), {f32({2, 8})},
            {f32({2, 8})}},
        {"LOGISTIC float", builtin(Op::LOGISTIC), {f32({64})}, {f32({64})}},
        {"LOGISTIC int8", builtin(Op::LOGISTIC), {q({256}, DT::Int8, 0.1f, -10)}, {q({256}, DT::Int8, 1.0f / 256, -128)}},
        {"LOGISTIC uint8", builtin(Op::LOGISTIC), {q({256}, DT::UInt8, 0.05f, 120)}, {q({256}, DT::UInt8, 1.0f / 256, 0)}},
        {"TANH int8", builtin(Op::TANH), {q({256}, DT::Int8, 0.03f, 5)}, {q({256}, DT::Int8, 1.0f / 128, 0)}},
        {"TANH float", builtin(Op::TANH), {f32({64})}, {f32({64})}},
        // int16: the interpolated table (LiteRT takes it for input scales that are not 2^-12).
        {"LOGISTIC int16", builtin(Op::LOGISTIC), {q({4096}, DT::Int16, 3.5e-4f, 0)},
            {q({4096}, DT::Int16, 1.0f / 32768, 0)}},
        {"TANH int16", builtin(Op::TANH), {q({4096}, DT::Int16, 2.2e-4f, 0)}, {q({4096}, DT::Int16, 1.0f / 32768, 0)}},
        {"MUL int8 broadcast", builtin(Op::MUL, opts(tflite::MulOptionsT{})),
            {q({1, 4, 4, 3}, DT::Int8, 0.05f, 3), q({1, 1, 1, 3}, DT::Int8, 0.04f, -7)},
            {q({1, 4, 4, 3}, DT::Int8, 0.01f, 2)}},
        {"SUB int8", builtin(Op::SUB, opts(tflite::SubOptionsT{})),
            {q({2, 50}, DT::Int8, 0.05f, 3), q({2, 50}, DT::Int8, 0.07f, -7)}, {q({2, 50}, DT::Int8, 0.1f, 2)}},
        {"ADD uint8", builtin(Op::ADD, opts(tflite::AddOptionsT{})),
            {q({2, 50}, DT::UInt8, 0.05f, 130), q({2, 50}, DT::UInt8, 0.02f, 100)},
            {q({2, 50}, DT::UInt8, 0.06f, 120)}},
        {"MAXIMUM float", builtin(Op::MAXIMUM), {f32({3, 5}), f32({1, 5})}, {f32({3, 5})}},
        {"MINIMUM float", builtin(Op::MINIMUM), {f32({3, 5}), f32({3, 5})}, {f32({3, 5})}},
        {"SUM float", builtin(Op::SUM, opts(tflite::ReducerOptionsT{})), {f32({2, 3, 4, 5}), i32({2}, {1, 2})},
            {f32({2, 5})}},
        {"REDUCE_MAX int8", builtin(Op::REDUCE_MAX, opts(keep)),
            {q({1, 6, 6, 4}, DT::Int8, 0.1f, 1), i32({2}, {1, 2})}, {q({1, 1, 1, 4}, DT::Int8, 0.1f, 1)}},
        {"MEAN uint8", builtin(Op::MEAN, opts(keep)), {q({1, 7, 7, 16}, DT::UInt8, 0.1f, 100), i32({2}, {1, 2})},
            {q({1, 1, 1, 16}, DT::UInt8, 0.05f, 90)}},
        {"RELU6 int8 rescaling", builtin(Op::RELU6), {q({256}, DT::Int8, 0.05f, -20)}, {q({256}, DT::Int8, 0.03f, -128)}},
        {"RELU uint8", builtin(Op::RELU), {q({256}, DT::UInt8, 0.05f, 128)}, {q({256}, DT::UInt8, 0.04f, 10)}},
        {"HARD_SWISH float", builtin(Op::HARD_SWISH), {f32({64})}, {f32({64})}},
        {"HARD_SWISH int8", builtin(Op::HARD_SWISH), {q({256}, DT::Int8, 0.05f, -3)}, {q({256}, DT::Int8, 0.03f, -100)}},
        {"HARD_SWISH uint8", builtin(Op::HARD_SWISH), {q({256}, DT::UInt8, 0.04f, 128)},
            {q({256}, DT::UInt8, 0.035f, 20)}},
        {"LEAKY_RELU int8", builtin(Op::LEAKY_RELU, opts(leaky)), {q({256}, DT::Int8, 0.05f, -2)},
            {q({256}, DT::Int8, 0.04f, 5)}},
        {"QUANTIZE int8 requantize", builtin(Op::QUANTIZE), {q({256}, DT::Int8, 0.05f, 3)},
            {q({256}, DT::Int8, 0.0153f, -5)}},
        {"QUANTIZE float to uint8", builtin(Op::QUANTIZE), {f32({256})}, {q({256}, DT::UInt8, 0.0078f, 128)}},
        // 8-bit to 8-bit conversions LiteRT runs with the fixed-point multiplier (QuantLens: a table of the
        // 256 codes): across signedness, and the same type with a ratio XNNPACK's convert does not take.
        {"QUANTIZE uint8 to int8", builtin(Op::QUANTIZE), {q({1024}, DT::UInt8, 0.0078125f, 128)},
            {q({1024}, DT::Int8, 0.0078125f, 0)}},
        {"QUANTIZE uint8 to int8 rescaling", builtin(Op::QUANTIZE), {q({1024}, DT::UInt8, 0.02f, 37)},
            {q({1024}, DT::Int8, 0.013f, -9)}},
        {"QUANTIZE int8 to uint8", builtin(Op::QUANTIZE), {q({1024}, DT::Int8, 0.05f, -7)},
            {q({1024}, DT::UInt8, 0.031f, 120)}},
        {"QUANTIZE int8 requantize ratio 200", builtin(Op::QUANTIZE), {q({1024}, DT::Int8, 2.0f, 1)},
            {q({1024}, DT::Int8, 0.01f, -3)}},
        {"TRANSPOSE float", builtin(Op::TRANSPOSE, opts(tflite::TransposeOptionsT{})),
            {f32({2, 3, 4, 5}), i32({4}, {0, 3, 1, 2})}, {f32({2, 5, 3, 4})}},
        {"CONCATENATION uint8 rescaling", builtin(Op::CONCATENATION, opts(concat1)),
            {q({2, 3}, DT::UInt8, 0.05f, 120), q({2, 4}, DT::UInt8, 0.02f, 100)}, {q({2, 7}, DT::UInt8, 0.06f, 128)}},
    };
}

} // namespace ql::test
