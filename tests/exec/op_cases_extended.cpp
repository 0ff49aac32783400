// SPDX-License-Identifier: MIT
// Operators that models users bring carry beyond the shared corpora: ADD_N, ATAN2, RELU_0_TO_1, FAKE_QUANT, ONE_HOT,
// BROADCAST_ARGS, DYNAMIC_UPDATE_SLICE (generative models' caches), the segment reductions, and the image
// operators of older classifiers (L2_POOL_2D, LOCAL_RESPONSE_NORMALIZATION), CONV_3D, CONV_3D_TRANSPOSE,
// DILATE, MATRIX_DIAG, MATRIX_SET_DIAG and REVERSE_SEQUENCE.
#include "exec/op_cases.h"

namespace ql::test {

using DT = model::DType;
using Op = tflite::BuiltinOperator;

namespace {

OpSpec oneHot(int axis)
{
    tflite::OneHotOptionsT o;
    o.axis = axis;
    return builtin(Op::ONE_HOT, opts(o));
}

OpSpec l2Pool(tflite::Padding padding, int stride, int filter)
{
    tflite::Pool2DOptionsT o;
    o.padding = padding;
    o.stride_h = o.stride_w = stride;
    o.filter_height = o.filter_width = filter;
    return builtin(Op::L2_POOL_2D, opts(o));
}

OpSpec fakeQuant(float min, float max, int bits, bool narrow)
{
    tflite::FakeQuantOptionsT o;
    o.min = min;
    o.max = max;
    o.num_bits = bits;
    o.narrow_range = narrow;
    return builtin(Op::FAKE_QUANT, opts(o));
}

OpSpec conv3d(tflite::Padding padding, int strideD, int dilationD, int strideHW, int dilationHW,
    tflite::ActivationFunctionType act = tflite::ActivationFunctionType::NONE)
{
    tflite::Conv3DOptionsT o;
    o.padding = padding;
    o.stride_d = strideD;
    o.stride_h = o.stride_w = strideHW;
    o.dilation_d_factor = dilationD;
    o.dilation_h_factor = o.dilation_w_factor = dilationHW;
    o.fused_activation_function = act;
    return builtin(Op::CONV_3D, opts(o));
}

OpSpec conv3dTranspose(tflite::Padding padding, int strideD, int strideHW, int dilation = 1,
    tflite::ActivationFunctionType act = tflite::ActivationFunctionType::NONE)
{
    tflite::Conv3DOptionsT o;
    o.padding = padding;
    o.stride_d = strideD;
    o.stride_h = o.stride_w = strideHW;
    o.dilation_d_factor = o.dilation_h_factor = o.dilation_w_factor = dilation;
    o.fused_activation_function = act;
    return builtin(Op::CONV_3D_TRANSPOSE, opts(o));
}

OpSpec reverseSequence(int seqDim, int batchDim)
{
    tflite::ReverseSequenceOptionsT o;
    o.seq_dim = seqDim;
    o.batch_dim = batchDim;
    return builtin(Op::REVERSE_SEQUENCE, opts(o));
}

// Deterministic filter values: a ramp over seven levels.
std::vector<float> ramp(int n, float step)
{
    std::vector<float> v(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        v[static_cast<std::size_t>(i)] = static_cast<float>(i % 7 - 3) * step;
    return v;
}

OpSpec lrn(int radius, float bias, float alpha, float beta)
{
    tflite::LocalResponseNormalizationOptionsT o;
    o.radius = radius;
    o.bias = bias;
    o.alpha = alpha;
    o.beta = beta;
    return builtin(Op::LOCAL_RESPONSE_NORMALIZATION, opts(o));
}

} // namespace

std::vector<OpCase> extendedCases()
{
    const OpSpec addN = builtin(Op::ADD_N, opts(tflite::AddNOptionsT{}));
    const OpSpec update = builtin(Op::DYNAMIC_UPDATE_SLICE, opts(tflite::DynamicUpdateSliceOptionsT{}));
    const OpSpec segmentSum = builtin(Op::SEGMENT_SUM, opts(tflite::SegmentSumOptionsT{}));
    const OpSpec unsortedSum = builtin(Op::UNSORTED_SEGMENT_SUM, opts(tflite::UnsortedSegmentSumOptionsT{}));
    const OpSpec unsortedProd = builtin(Op::UNSORTED_SEGMENT_PROD, opts(tflite::UnsortedSegmentProdOptionsT{}));
    const OpSpec unsortedMax = builtin(Op::UNSORTED_SEGMENT_MAX, opts(tflite::UnsortedSegmentMaxOptionsT{}));
    const OpSpec unsortedMin = builtin(Op::UNSORTED_SEGMENT_MIN, opts(tflite::UnsortedSegmentMinOptionsT{}));
    return {
        // ADD_N: two or more inputs of one shape.
        {"ADD_N float three inputs", addN, {f32({2, 3, 4}), f32({2, 3, 4}), f32({2, 3, 4})}, {f32({2, 3, 4})}},
        {"ADD_N int32 wrapping", addN, {typed({16}, DT::Int32), typed({16}, DT::Int32)}, {typed({16}, DT::Int32)}},
        OpCase("ADD_N shapes differ", addN, {f32({2, 3}), f32({3})}, {f32({2, 3})}).refused("shape"),
        OpCase("ADD_N int8", addN, {typed({4}, DT::Int8), typed({4}, DT::Int8)}, {typed({4}, DT::Int8)})
            .refused("float32 and int32"),

        {"ATAN2 float", builtin(Op::ATAN2), {f32({3, 7}).range(-3, 3), f32({3, 7}).range(-3, 3)}, {f32({3, 7})}},
        {"RELU_0_TO_1 float", builtin(Op::RELU_0_TO_1), {f32({64}).range(-2, 2)}, {f32({64})}},
        {"RELU_0_TO_1 int8 rescaling", builtin(Op::RELU_0_TO_1), {q({256}, DT::Int8, 0.02f, -10)},
            {q({256}, DT::Int8, 0.005f, -120)}},
        {"RELU_0_TO_1 uint8", builtin(Op::RELU_0_TO_1), {q({256}, DT::UInt8, 0.01f, 128)},
            {q({256}, DT::UInt8, 0.01f, 128)}},

        // ONE_HOT: indices outside [0, depth) give rows of off_value.
        {"ONE_HOT float last axis", oneHot(-1),
            {ranged({2, 4}, DT::Int32, -1, 5), i32({}, {5}), f32c({}, {1.5f}), f32c({}, {-0.25f})}, {f32({2, 4, 5})}},
        {"ONE_HOT int32 axis 0", oneHot(0),
            {ranged({3}, DT::Int32, 0, 3), i32({}, {4}), i32({}, {7}), i32({}, {-1})}, {typed({4, 3}, DT::Int32)}},
        {"ONE_HOT int8 int64 indices axis 1", oneHot(1),
            {ranged({2, 3}, DT::Int64, 0, 2), i32({}, {3}),
                TensorSpec::constant<std::int8_t>({}, DT::Int8, {std::int8_t{5}}),
                TensorSpec::constant<std::int8_t>({}, DT::Int8, {std::int8_t{-3}})},
            {typed({2, 3, 3}, DT::Int8)}},
        OpCase("ONE_HOT negative depth", oneHot(-1), {ranged({2}, DT::Int32, 0, 1), i32({}, {-2}), f32c({}, {1}),
                                                         f32c({}, {0})},
            {f32({2, 1})})
            .refused("negative"),

        // BROADCAST_ARGS and SEGMENT_SUM size their outputs at prepare in LiteRT only when every input is
        // a constant, and litert-run cannot run a model without inputs: their values are checked by
        // op_test's outputsLiteRtSizesOnlyAtRunTime; here, what both refuse.
        OpCase("BROADCAST_ARGS incompatible", builtin(Op::BROADCAST_ARGS), {i32({2}, {2, 3}), i32({1}, {4})},
            {typed({2}, DT::Int32)})
            .refused("do not broadcast"),

        // DYNAMIC_UPDATE_SLICE: start indices clamped so that the update fits.
        {"DYNAMIC_UPDATE_SLICE float clamped", update, {f32({4, 6}), f32({2, 3}), i32({2}, {3, -2})}, {f32({4, 6})}},
        {"DYNAMIC_UPDATE_SLICE float cache row", update, {f32({1, 8, 4}), f32({1, 1, 4}), i32({3}, {0, 5, 0})},
            {f32({1, 8, 4})}},
        {"DYNAMIC_UPDATE_SLICE int8", update,
            {q({1, 5, 4}, DT::Int8, 0.1f, 2), q({1, 2, 4}, DT::Int8, 0.1f, 2), i32({3}, {0, 1, 0})},
            {q({1, 5, 4}, DT::Int8, 0.1f, 2)}},
        {"DYNAMIC_UPDATE_SLICE int32 int64 indices", update,
            {typed({3, 3}, DT::Int32), typed({1, 2}, DT::Int32), i64({2}, {2, 1})}, {typed({3, 3}, DT::Int32)}},
        {"DYNAMIC_UPDATE_SLICE float computed indices", update,
            {f32({6, 2}), f32({2, 2}), ranged({2}, DT::Int32, 0, 4)}, {f32({6, 2})}},
        OpCase("DYNAMIC_UPDATE_SLICE update too large", update, {f32({2, 2}), f32({3, 2}), i32({2}, {0, 0})},
            {f32({2, 2})})
            .refused("does not fit"),

        // Segment reductions.
        OpCase("SEGMENT_SUM unsorted ids", segmentSum, {f32({3}), i32({3}, {1, 0, 2})}, {f32({3})}).refused("sorted"),
        {"UNSORTED_SEGMENT_SUM float", unsortedSum, {f32({6, 2}), i32({6}, {2, 0, 2, 1, 0, 2}), i32({}, {3})},
            {f32({3, 2})}},
        {"UNSORTED_SEGMENT_SUM float 2-D ids", unsortedSum,
            {f32({2, 3, 2}), i32({2, 3}, {0, 1, 0, 3, 1, 0}), i32({}, {4})}, {f32({4, 2})}},
        {"UNSORTED_SEGMENT_PROD float", unsortedProd, {f32({5}).range(0.5, 2), i32({5}, {1, 1, 0, 1, 0}), i32({}, {3})},
            {f32({3})}},
        {"UNSORTED_SEGMENT_MAX float empty segment", unsortedMax,
            {f32({4, 3}), i32({4}, {0, 2, 0, 2}), i32({}, {3})}, {f32({3, 3})}},
        {"UNSORTED_SEGMENT_MIN int32 empty segment", unsortedMin,
            {ranged({5, 2}, DT::Int32, -100, 100), i32({5}, {3, 0, 3, 0, 0}), i32({}, {4})},
            {typed({4, 2}, DT::Int32)}},
        {"UNSORTED_SEGMENT_MAX int32", unsortedMax,
            {ranged({6}, DT::Int32, -100, 100), i32({6}, {1, 0, 1, 0, 1, 0}), i32({}, {2})}, {typed({2}, DT::Int32)}},

        // FAKE_QUANT: a nudged grid (the zero point rounded onto it), values beyond the range clamped.
        {"FAKE_QUANT float 8-bit", fakeQuant(-1.3f, 2.1f, 8, false), {f32({256}).range(-2, 3)}, {f32({256})}},
        {"FAKE_QUANT float 4-bit", fakeQuant(-0.7f, 0.9f, 4, false), {f32({128}).range(-1, 1)}, {f32({128})}},
        OpCase("FAKE_QUANT narrow range", fakeQuant(-1, 1, 8, true), {f32({4})}, {f32({4})}).refused("narrow_range"),
        {"FAKE_QUANT float positive range", fakeQuant(0.0f, 6.0f, 8, false), {f32({64}).range(-1, 7)}, {f32({64})}},
        OpCase("FAKE_QUANT 1 bit", fakeQuant(-1, 1, 1, false), {f32({4})}, {f32({4})}).refused("num_bits"),

        // CONV_3D (float): SAME and VALID, strides and dilations, with and without bias.
        {"CONV_3D float SAME", conv3d(tflite::Padding::SAME, 1, 1, 1, 1), {f32({1, 4, 5, 5, 2}),
            f32c({2, 3, 3, 2, 3}, ramp(108, 0.05f)), f32c({3}, {0.1f, -0.2f, 0.3f})}, {f32({1, 4, 5, 5, 3})}},
        {"CONV_3D float VALID strided dilated relu", conv3d(tflite::Padding::VALID, 2, 1, 2, 1, tflite::ActivationFunctionType::RELU),
            {f32({2, 5, 6, 7, 3}), f32c({2, 2, 2, 3, 4}, ramp(96, 0.03f))}, {f32({2, 2, 3, 3, 4})}},
        {"CONV_3D float dilation 2", conv3d(tflite::Padding::SAME, 1, 2, 1, 2), {f32({1, 6, 4, 4, 1}),
            f32c({3, 2, 2, 1, 2}, ramp(24, 0.1f))}, {f32({1, 6, 4, 4, 2})}},
        OpCase("CONV_3D int8", conv3d(tflite::Padding::SAME, 1, 1, 1, 1), {q({1, 2, 2, 2, 1}, DT::Int8, 0.1f, 0),
            TensorSpec::constant<std::int8_t>({1, 1, 1, 1, 1}, DT::Int8, {std::int8_t{3}})}, {q({1, 2, 2, 2, 1}, DT::Int8, 0.1f, 0)})
            .refused("float32"),

        // CONV_3D_TRANSPOSE (float): output_shape, filter [KD, KH, KW, Cout, Cin], input, optional bias.
        {"CONV_3D_TRANSPOSE float SAME strided", conv3dTranspose(tflite::Padding::SAME, 2, 2),
            {i32({5}, {1, 4, 6, 6, 3}), f32c({2, 3, 3, 3, 2}, ramp(108, 0.05f)), f32({1, 2, 3, 3, 2}),
                f32c({3}, {0.1f, -0.2f, 0.3f})},
            {f32({1, 4, 6, 6, 3})}},
        {"CONV_3D_TRANSPOSE float VALID odd output relu", conv3dTranspose(tflite::Padding::VALID, 2, 2, 1,
            tflite::ActivationFunctionType::RELU),
            {i32({5}, {2, 5, 7, 5, 2}), f32c({3, 3, 3, 2, 3}, ramp(162, 0.04f)), f32({2, 2, 3, 2, 3})},
            {f32({2, 5, 7, 5, 2})}},
        {"CONV_3D_TRANSPOSE float stride 1 dilation 2", conv3dTranspose(tflite::Padding::SAME, 1, 1, 2),
            {i32({5}, {1, 4, 5, 5, 2}), f32c({2, 2, 2, 2, 1}, ramp(16, 0.1f)), f32({1, 4, 5, 5, 1})},
            {f32({1, 4, 5, 5, 2})}},
        OpCase("CONV_3D_TRANSPOSE channels differ", conv3dTranspose(tflite::Padding::SAME, 1, 1),
            {i32({5}, {1, 2, 2, 2, 2}), f32c({1, 1, 1, 2, 3}, ramp(6, 0.1f)), f32({1, 2, 2, 2, 2})},
            {f32({1, 2, 2, 2, 2})})
            .refused("does not fit"),

        // DILATE: elements spread apart, the gaps filled with the padding value.
        {"DILATE float", builtin(Op::DILATE, opts(tflite::DilateOptionsT{})),
            {f32({2, 3, 4}), i32({3}, {1, 2, 3}), f32c({}, {-7.5f})}, {f32({2, 5, 10})}},
        {"DILATE int8 rank 1", builtin(Op::DILATE, opts(tflite::DilateOptionsT{})),
            {typed({5}, DT::Int8), i32({1}, {4}), TensorSpec::constant<std::int8_t>({}, DT::Int8, {std::int8_t{9}})},
            {typed({17}, DT::Int8)}},
        {"DILATE int32 size-1 dimension", builtin(Op::DILATE, opts(tflite::DilateOptionsT{})),
            {typed({1, 3, 2, 2}, DT::Int32), i32({4}, {5, 1, 2, 2}), i32({}, {0})}, {typed({1, 3, 3, 3}, DT::Int32)}},
        OpCase("DILATE zero dilation", builtin(Op::DILATE, opts(tflite::DilateOptionsT{})),
            {f32({3}), i32({1}, {0}), f32c({}, {0})}, {f32({3})})
            .refused("at least 1"),

        // Diagonals and sequence reversal: bytes moved, any type.
        {"MATRIX_DIAG float", builtin(Op::MATRIX_DIAG, opts(tflite::MatrixDiagOptionsT{})), {f32({2, 4})}, {f32({2, 4, 4})}},
        {"MATRIX_DIAG int32", builtin(Op::MATRIX_DIAG, opts(tflite::MatrixDiagOptionsT{})), {typed({3}, DT::Int32)},
            {typed({3, 3}, DT::Int32)}},
        {"MATRIX_SET_DIAG float wide", builtin(Op::MATRIX_SET_DIAG, opts(tflite::MatrixSetDiagOptionsT{})),
            {f32({2, 3, 5}), f32({2, 3})}, {f32({2, 3, 5})}},
        {"MATRIX_SET_DIAG int8 tall", builtin(Op::MATRIX_SET_DIAG, opts(tflite::MatrixSetDiagOptionsT{})),
            {typed({4, 2}, DT::Int8), typed({2}, DT::Int8)}, {typed({4, 2}, DT::Int8)}},
        {"REVERSE_SEQUENCE float", reverseSequence(1, 0), {f32({3, 5, 2}), i32({3}, {2, 5, 0})}, {f32({3, 5, 2})}},
        {"REVERSE_SEQUENCE int32 batch after seq", reverseSequence(0, 2), {typed({4, 2, 3}, DT::Int32), i64({3}, {4, 1, 3})},
            {typed({4, 2, 3}, DT::Int32)}},

        // Older classifiers' image operators.
        {"L2_POOL_2D float SAME", l2Pool(tflite::Padding::SAME, 2, 3), {f32({1, 5, 5, 3})}, {f32({1, 3, 3, 3})}},
        {"L2_POOL_2D float VALID", l2Pool(tflite::Padding::VALID, 1, 2), {f32({2, 4, 3, 2})}, {f32({2, 3, 2, 2})}},
        {"LOCAL_RESPONSE_NORMALIZATION float", lrn(2, 1.0f, 0.1f, 0.75f), {f32({1, 3, 3, 8})}, {f32({1, 3, 3, 8})}},
        {"LOCAL_RESPONSE_NORMALIZATION float beta 0.5", lrn(1, 2.0f, 0.5f, 0.5f), {f32({2, 2, 1, 5})},
            {f32({2, 2, 1, 5})}},
    };
}

} // namespace ql::test
