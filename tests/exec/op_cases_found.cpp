// SPDX-License-Identifier: MIT
// Cases the randomized differential test (op_random_test) found where QuantLens and LiteRT disagreed,
// kept as fixed rows: LiteRT's rules for a missing bias, grouped convolutions, 16x8 int32 biases, the
// rounding of operators XNNPACK refuses, operators that ignore their tensors' scales, and GATHER's batch
// dimensions.
#include "exec/op_cases.h"

namespace ql::test {

namespace {

using DT = model::DType;
using Op = tflite::BuiltinOperator;
using Act = tflite::ActivationFunctionType;

// Seeded constant values of `spec` in [lo, hi].
TensorSpec constantOf(TensorSpec spec, double lo, double hi, unsigned seed)
{
    std::mt19937 rng(seed);
    spec.range(lo, hi);
    spec.data = randomInput(spec, rng);
    return spec;
}

TensorSpec floats(std::vector<std::int32_t> shape, unsigned seed)
{
    return constantOf(f32(std::move(shape)), -1, 1, seed);
}

// int8 weights, one scale per index of `axis` (scales spread over a decade).
TensorSpec channelWeights(std::vector<std::int32_t> shape, int axis, float scale, unsigned seed)
{
    TensorSpec w = constantOf(typed(shape, DT::Int8), -127, 127, seed);
    for (int c = 0; c < shape[static_cast<std::size_t>(axis)]; ++c)
        w.channelScales.push_back(scale * (1.0f + 0.37f * static_cast<float>(c % 5)));
    w.channelAxis = axis;
    return w;
}

// A bias for `w` at input scale `inScale` (int32 or int64 codes within +-limit).
TensorSpec biasFor(const TensorSpec& w, float inScale, DT t, double limit, unsigned seed)
{
    const int n = static_cast<int>(w.channelScales.empty() ? w.shape[0] : w.channelScales.size());
    TensorSpec b = constantOf(typed({n}, t), -limit, limit, seed);
    if (w.channelScales.empty())
        b.scale = inScale * w.scale;
    else
        for (float s : w.channelScales)
            b.channelScales.push_back(inScale * s);
    return b;
}

tflite::BuiltinOptionsUnion conv(tflite::Padding p, int stride, Act a = Act::NONE,
    tflite::TensorType bias = tflite::TensorType::FLOAT32)
{
    tflite::Conv2DOptionsT o;
    o.padding = p;
    o.stride_h = o.stride_w = stride;
    o.fused_activation_function = a;
    o.quantized_bias_type = bias;
    return opts(o);
}

tflite::BuiltinOptionsUnion pool(int k, int stride)
{
    tflite::Pool2DOptionsT o;
    o.padding = tflite::Padding::VALID;
    o.filter_height = o.filter_width = k;
    o.stride_h = o.stride_w = stride;
    return opts(o);
}

} // namespace

std::vector<OpCase> foundCases()
{
    std::vector<OpCase> c;
    const auto i8 = DT::Int8, u8 = DT::UInt8, i16 = DT::Int16;
    const auto same = tflite::Padding::SAME, valid = tflite::Padding::VALID;

    // Grouped CONV_2D: the filter holds a third (a half) of the input channels.
    c.push_back(OpCase("found CONV_2D float 3 groups", builtin(Op::CONV_2D, conv(same, 1, Act::RELU6)),
        {f32({1, 6, 5, 6}), floats({6, 3, 3, 2}, 1), floats({6}, 2)}, {f32({1, 6, 5, 6})}));
    {
        const auto w = channelWeights({4, 3, 2, 3}, 0, 0.01f, 3);
        c.push_back(OpCase("found CONV_2D int8 2 groups", builtin(Op::CONV_2D, conv(valid, 1)),
            {q({1, 5, 6, 6}, i8, 0.05f, 3), w, biasFor(w, 0.05f, DT::Int32, 3000, 4)}, {q({1, 3, 5, 4}, i8, 0.15f, -7)}));
    }
    // 16x8 with an int32 bias: runs (ruy's rounding) when the options declare it, refused otherwise.
    {
        const auto w = channelWeights({5, 3, 3, 4}, 0, 0.004f, 5);
        const auto b = biasFor(w, 1e-4f, DT::Int32, 200000, 6);
        c.push_back(OpCase("found CONV_2D 16x8 int32 bias declared",
            builtin(Op::CONV_2D, conv(same, 2, Act::NONE, tflite::TensorType::INT32)),
            {q({2, 7, 6, 4}, i16, 1e-4f, 0), w, b}, {q({2, 4, 3, 5}, i16, 2e-4f, 0)}));
        c.push_back(OpCase("found CONV_2D 16x8 int32 bias undeclared refused", builtin(Op::CONV_2D, conv(same, 2)),
            {q({2, 7, 6, 4}, i16, 1e-4f, 0), w, b}, {q({2, 4, 3, 5}, i16, 2e-4f, 0)})
                        .refused("quantized_bias_type INT32"));
    }
    {
        const auto w = channelWeights({4, 3, 3, 3}, 0, 0.01f, 7);
        c.push_back(OpCase("found CONV_2D int8 without bias refused", builtin(Op::CONV_2D, conv(same, 1)),
            {q({1, 5, 5, 3}, i8, 0.05f, 0), w}, {q({1, 5, 5, 4}, i8, 0.2f, 0)})
                        .refused("requires one"));
        c.push_back(OpCase("found CONV_2D float without bias refused", builtin(Op::CONV_2D, conv(same, 1)),
            {f32({1, 5, 5, 3}), floats({4, 3, 3, 3}, 8)}, {f32({1, 5, 5, 4})})
                        .refused("requires one"));
    }
    c.push_back(OpCase("found CONV_2D input without channels refused", builtin(Op::CONV_2D, conv(same, 1)),
        {f32({1, 4, 4, 0}), floats({2, 3, 3, 1}, 21), floats({2}, 22)}, {f32({1, 4, 4, 2})})
                    .refused("divisor of the input channels"));
    // DEPTHWISE_CONV_2D without a bias: XNNPACK refuses it, LiteRT's kernel rounds in fixed point.
    {
        tflite::DepthwiseConv2DOptionsT o;
        o.padding = same;
        o.stride_h = o.stride_w = 1;
        o.depth_multiplier = 2;
        c.push_back(OpCase("found DEPTHWISE_CONV_2D int8 without bias multiplier 2", builtin(Op::DEPTHWISE_CONV_2D, opts(o)),
            {q({1, 9, 8, 6}, i8, 0.04f, -3), channelWeights({1, 3, 3, 12}, 3, 0.01f, 9)}, {q({1, 9, 8, 12}, i8, 0.07f, 5)})
                        .withSeeds(3));
        c.push_back(OpCase("found DEPTHWISE_CONV_2D 16x8 without bias", builtin(Op::DEPTHWISE_CONV_2D, opts(o)),
            {q({1, 6, 5, 3}, i16, 1e-4f, 0), channelWeights({1, 3, 3, 6}, 3, 0.01f, 10)}, {q({1, 6, 5, 6}, i16, 3e-4f, 0)}));
        tflite::DepthwiseConv2DOptionsT one = o;
        one.depth_multiplier = 1;
        TensorSpec w = constantOf(typed({1, 3, 3, 4}, i8), -127, 127, 11);
        w.scale = 0.01f;
        c.push_back(OpCase("found DEPTHWISE_CONV_2D hybrid per-tensor weights refused", builtin(Op::DEPTHWISE_CONV_2D, opts(one)),
            {f32({1, 5, 5, 4}), w, floats({4}, 12)}, {f32({1, 5, 5, 4})})
                        .refused("per-tensor int8 weights"));
    }
    // Operators that read codes whatever the scales.
    c.push_back(OpCase("found MAXIMUM int8 scales differ (codes)", builtin(Op::MAXIMUM),
        {q({3, 4, 5}, i8, 0.05f, 3), q({1, 4, 1}, i8, 0.02f, -9)}, {q({3, 4, 5}, i8, 0.1f, 11)}));
    c.push_back(OpCase("found MINIMUM int16 scales differ (codes)", builtin(Op::MINIMUM),
        {q({2, 30}, i16, 1e-3f, 0), q({2, 30}, i16, 2e-3f, 0)}, {q({2, 30}, i16, 5e-4f, 0)}));
    c.push_back(OpCase("found AVERAGE_POOL_2D int8 output rescaled (codes)", builtin(Op::AVERAGE_POOL_2D, pool(3, 2)),
        {q({1, 9, 9, 4}, i8, 0.05f, 3)}, {q({1, 4, 4, 4}, i8, 0.02f, -20)}));
    c.push_back(OpCase("found AVERAGE_POOL_2D uint8 output rescaled (codes)", builtin(Op::AVERAGE_POOL_2D, pool(2, 2)),
        {q({2, 8, 8, 3}, u8, 0.05f, 120)}, {q({2, 4, 4, 3}, u8, 0.1f, 100)}));
    c.push_back(OpCase("found MAX_POOL_2D int8 rescaled refused", builtin(Op::MAX_POOL_2D, pool(2, 2)),
        {q({1, 8, 8, 4}, i8, 0.05f, 3)}, {q({1, 4, 4, 4}, i8, 0.02f, -20)})
                    .refused("fails to prepare"));
    {
        tflite::ConcatenationOptionsT o;
        o.axis = 1;
        o.fused_activation_function = Act::RELU;
        c.push_back(OpCase("found CONCATENATION float RELU (XNNPACK ignores it)", builtin(Op::CONCATENATION, opts(o)),
            {f32({2, 3, 4}), f32({2, 5, 4})}, {f32({2, 8, 4})}));
        o.fused_activation_function = Act::NONE;
        c.push_back(OpCase("found CONCATENATION int16 scales differ (codes)", builtin(Op::CONCATENATION, opts(o)),
            {q({2, 3, 4}, i16, 1e-4f, 0), q({2, 5, 4}, i16, 3e-4f, 0)}, {q({2, 8, 4}, i16, 2e-4f, 0)}));
    }
    {
        tflite::TransposeConvOptionsT o;
        o.padding = valid;
        o.stride_h = o.stride_w = 2;
        TensorSpec w = constantOf(typed({5, 3, 3, 4}, u8), 0, 255, 13);
        w.scale = 0.01f;
        w.zeroPoint = 131;
        c.push_back(OpCase("found TRANSPOSE_CONV uint8", builtin(Op::TRANSPOSE_CONV, opts(o), 3),
            {i32({4}, {1, 9, 7, 5}), w, q({1, 4, 3, 4}, u8, 0.05f, 120), biasFor(w, 0.05f, DT::Int32, 2000, 14)},
            {q({1, 9, 7, 5}, u8, 0.3f, 110)}));
    }
    // 16x8 TRANSPOSE_CONV with an int32 bias: declared, LiteRT's int32 accumulator; undeclared, refused.
    {
        tflite::TransposeConvOptionsT o;
        o.padding = valid;
        o.stride_h = 1;
        o.stride_w = 2;
        o.quantized_bias_type = tflite::TensorType::INT32;
        const auto w = channelWeights({3, 1, 4, 4}, 0, 0.004f, 25);
        const auto b = biasFor(w, 1e-4f, DT::Int32, 100000, 26);
        const std::vector<TensorSpec> in{i32({4}, {1, 7, 6, 3}), w, q({1, 7, 2, 4}, i16, 1e-4f, 0), b};
        c.push_back(OpCase("found TRANSPOSE_CONV 16x8 int32 bias declared", builtin(Op::TRANSPOSE_CONV, opts(o), 3), in,
            {q({1, 7, 6, 3}, i16, 2e-4f, 0)})
                        .withSeeds(2));
        o.quantized_bias_type = tflite::TensorType::FLOAT32;
        c.push_back(OpCase("found TRANSPOSE_CONV 16x8 int32 bias undeclared refused",
            builtin(Op::TRANSPOSE_CONV, opts(o), 3), in, {q({1, 7, 6, 3}, i16, 2e-4f, 0)})
                        .refused("quantized_bias_type INT32"));
    }
    // Dynamic-range TRANSPOSE_CONV: XNNPACK's qd8 deconvolution (each image quantized asymmetrically).
    {
        tflite::TransposeConvOptionsT o;
        o.padding = valid;
        o.stride_h = o.stride_w = 3;
        c.push_back(OpCase("found TRANSPOSE_CONV dynamic range per-channel", builtin(Op::TRANSPOSE_CONV, opts(o), 3),
            {i32({4}, {1, 15, 13, 3}), channelWeights({3, 3, 1, 4}, 0, 0.01f, 19), f32({1, 5, 5, 4}), floats({3}, 20)},
            {f32({1, 15, 13, 3})})
                        .withSeeds(2));
        // SAME with a stride larger than the kernel: XNNPACK refuses it, TFLite's hybrid kernel runs it.
        tflite::TransposeConvOptionsT same3;
        same3.padding = same;
        same3.stride_h = 3;
        same3.stride_w = 1;
        same3.fused_activation_function = Act::RELU6;
        c.push_back(OpCase("found TRANSPOSE_CONV dynamic range on TFLite's kernel", builtin(Op::TRANSPOSE_CONV, opts(same3), 3),
            {i32({4}, {2, 3, 4, 5}), channelWeights({5, 2, 3, 6}, 0, 0.01f, 23), f32({2, 1, 4, 6}), floats({5}, 24)},
            {f32({2, 3, 4, 5})})
                        .withSeeds(2));
    }
    // 16x8 FULLY_CONNECTED with an int32 bias: ruy where every zero point is 0; the double kernel,
    // which would read it as int64, refused.
    {
        tflite::FullyConnectedOptionsT o;
        const auto w = channelWeights({9, 37}, 0, 0.004f, 15);
        c.push_back(OpCase("found FULLY_CONNECTED 16x8 int32 bias", builtin(Op::FULLY_CONNECTED, opts(o)),
            {q({6, 37}, i16, 1e-4f, 0), w, biasFor(w, 1e-4f, DT::Int32, 100000, 16)}, {q({6, 9}, i16, 4e-4f, 0)})
                        .withSeeds(3));
        TensorSpec pt = constantOf(typed({9, 37}, i8), -100, 100, 17);
        pt.scale = 0.004f;
        pt.zeroPoint = 3;
        c.push_back(OpCase("found FULLY_CONNECTED 16x8 int32 bias weight zero point refused", builtin(Op::FULLY_CONNECTED, opts(o)),
            {q({6, 37}, i16, 1e-4f, 0), pt, biasFor(pt, 1e-4f, DT::Int32, 100000, 18)}, {q({6, 9}, i16, 4e-4f, 0)})
                        .refused("would read the bias as int64"));
    }
    // GATHER with batch_dims: each leading batch gathers with its own row of indices.
    {
        tflite::GatherOptionsT o;
        o.axis = 2;
        o.batch_dims = 1;
        c.push_back(OpCase("found GATHER int16 batch_dims 1", builtin(Op::GATHER, opts(o)),
            {q({3, 2, 5, 4}, i16, 0.002f, 0), ranged({3, 2, 3}, DT::Int64, 0, 4)}, {q({3, 2, 2, 3, 4}, i16, 0.002f, 0)})
                        .withSeeds(2));
        o.axis = -1;
        o.batch_dims = -1; // counted from the indices' rank
        c.push_back(OpCase("found GATHER float batch_dims -1", builtin(Op::GATHER, opts(o)),
            {f32({2, 3, 6}), ranged({2, 3, 4}, DT::Int32, 0, 5)}, {f32({2, 3, 4})})
                        .withSeeds(2));
        o.axis = 1;
        o.batch_dims = 2;
        c.push_back(OpCase("found GATHER batch_dims beyond the axis refused", builtin(Op::GATHER, opts(o)),
            {f32({2, 3, 6}), ranged({2, 3, 4}, DT::Int32, 0, 1)}, {f32({2, 3, 4})})
                        .refused("must lie in [0, axis 1]"));
    }
    // SELECT_V2 copies codes whatever the values' and the output's parameters.
    c.push_back(OpCase("found SELECT_V2 int8 values quantized unlike the output",
        builtin(Op::SELECT_V2, opts(tflite::SelectV2OptionsT{})),
        {bools({2, 1, 5}), q({2, 3, 5}, i8, 0.05f, 10), q({1, 3, 1}, i8, 0.2f, -7)}, {q({2, 3, 5}, i8, 0.1f, 0)})
                    .withSeeds(2));
    // ARG_MAX / ARG_MIN: no int16 input in LiteRT; bool is taken.
    {
        tflite::ArgMaxOptionsT o;
        o.output_type = tflite::TensorType::INT32;
        c.push_back(OpCase("found ARG_MAX int16 refused", builtin(Op::ARG_MAX, opts(o)),
            {q({3, 4}, i16, 0.001f, 0), i32({1}, {1})}, {typed({3}, DT::Int32)})
                        .refused("not supported"));
        tflite::ArgMinOptionsT m;
        m.output_type = tflite::TensorType::INT64;
        c.push_back(OpCase("found ARG_MIN bool", builtin(Op::ARG_MIN, opts(m)), {bools({4, 5}), i32({1}, {-1})},
            {typed({4}, DT::Int64)})
                        .withSeeds(2));
    }
    // QUANTIZE from uint8 to int16: TFLite's fixed-point requantization.
    c.push_back(OpCase("found QUANTIZE uint8 to int16", builtin(Op::QUANTIZE), {q({4, 6}, u8, 0.02f, 131)},
        {q({4, 6}, i16, 0.0007f, 0)})
                    .withSeeds(2));
    // PADV2 on LiteRT's own kernel (a uint8 pad XNNPACK does not take): the constant value's zero point
    // must be the output's.
    {
        TensorSpec value = constantOf(q({1}, u8, 0.002f, 128), 100, 100, 31);
        c.push_back(OpCase("found PADV2 uint8 constant zero point unlike the output refused",
            builtin(Op::PADV2, opts(tflite::PadV2OptionsT{})), {q({1}, u8, 0.002f, 128), i32({1, 2}, {0, 0}), value},
            {q({1}, u8, 0.0035f, 195)})
                        .refused("LiteRT's PAD kernel fails on it"));
        // ... and so must its scale (int16: both zero points are 0).
        TensorSpec value16 = constantOf(q({}, i16, 0.0004f, 0), -300, -300, 37);
        c.push_back(OpCase("found PADV2 int16 constant scale unlike the output refused",
            builtin(Op::PADV2, opts(tflite::PadV2OptionsT{})), {q({5}, i16, 0.0004f, 0), i32({1, 2}, {0, 1}), value16},
            {q({6}, i16, 0.0002f, 0)})
                        .refused("LiteRT's PAD kernel fails on it"));
    }
    // GATHER_ND, REVERSE_V2, TOPK_V2, TILE and BROADCAST_TO copy codes into an output quantized unlike their input
    // (LiteRT's kernels do not compare the parameters).
    c.push_back(OpCase("found GATHER_ND int8 output quantized unlike the params (codes)",
        builtin(Op::GATHER_ND, opts(tflite::GatherNdOptionsT{})), {q({7}, i8, 0.028f, -55), i32({1, 1}, {4})},
        {q({1}, i8, 0.032f, -101)})
                    .withSeeds(2));
    c.push_back(OpCase("found REVERSE_V2 uint8 output quantized unlike the input (codes)",
        builtin(Op::REVERSE_V2, opts(tflite::ReverseV2OptionsT{})), {q({3, 2, 3}, u8, 0.0099f, 128), i32({1}, {1})},
        {q({3, 2, 3}, u8, 0.0116f, 128)})
                    .withSeeds(2));
    c.push_back(OpCase("found TOPK_V2 int16 values quantized unlike the input (codes)",
        builtin(Op::TOPK_V2, opts(tflite::TopKV2OptionsT{})), {q({5, 6}, i16, 7.1e-5f, 0), i32({}, {4})},
        {q({5, 4}, i16, 3.2e-5f, 0), typed({5, 4}, DT::Int32)})
                    .withSeeds(2));
    c.push_back(OpCase("found TILE uint8 output quantized unlike the input (codes)",
        builtin(Op::TILE, opts(tflite::TileOptionsT{})), {q({3, 4}, u8, 0.0013f, 40), i32({2}, {2, 1})},
        {q({6, 4}, u8, 0.029f, 107)})
                    .withSeeds(2));
    // BROADCAST_TO likewise (op_random_test seed 3 after EMBEDDING_LOOKUP joined the draws), int8 and int16.
    c.push_back(OpCase("found BROADCAST_TO int8 output quantized unlike the input (codes)",
        builtin(Op::BROADCAST_TO, opts(tflite::BroadcastToOptionsT{}), 2), {q({1, 1, 4}, i8, 0.0307f, 120), i32({3}, {4, 3, 4})},
        {q({4, 3, 4}, i8, 0.0017f, -41)})
                    .withSeeds(2));
    c.push_back(OpCase("found BROADCAST_TO int16 output quantized unlike the input (codes)",
        builtin(Op::BROADCAST_TO, opts(tflite::BroadcastToOptionsT{}), 2), {q({1, 1}, i16, 1.4e-5f, 0), i32({2}, {4, 1})},
        {q({4, 1}, i16, 1.6e-5f, 0)})
                    .withSeeds(2));
    return c;
}

} // namespace ql::test
