// SPDX-License-Identifier: MIT
// The models of xnnpack_support_test and the verdicts expected for them (see the header).
#include "engine/xnnpack_support_cases.h"

#include "common/graph_builder.h"
#include "common/op_builder.h"
#include "engine/xnnpack_case_graphs.h"
#include "model/reader.h"

namespace ql::test {

using namespace xnnpack_graphs;

namespace {

using V = quant::XnnpackVerdict;

} // namespace

std::vector<XnnpackCase> xnnpackSupportCases()
{
    std::vector<XnnpackCase> c;
    const V D = V::Delegated, B = V::BuiltinKernel, X = V::BreaksBuild;
    const DT u8 = DT::UInt8, i16 = DT::Int16;
    auto add = [&](std::string name, model::Graph g, V v, bool builtinFails = false) {
        c.push_back({std::move(name), std::move(g), {v}, builtinFails});
    };
    auto name = [](Op op) { return std::string(tflite::EnumNameBuiltinOperator(op)); };
    const std::vector<std::int32_t> r7{1, 1, 1, 1, 2, 3, 4}, s4{1, 4, 4, 3};
    const auto pads = i32c({4, 2}, {0, 0, 1, 1, 1, 1, 0, 0});
    const auto perm = i32c({4}, {0, 2, 1, 3});
    const auto axes = i32c({2}, {1, 2});
    const auto size8 = i32c({2}, {8, 8});
    const auto tshape = i32c({4}, {1, 8, 8, 4});
    auto d2s = blockOpts<tflite::DepthToSpaceOptionsT>(2);
    auto s2d = blockOpts<tflite::SpaceToDepthOptionsT>(2);
    auto ss = [&](TensorSpec x, std::vector<std::int32_t> e, std::vector<std::int32_t> st, TensorSpec y,
                  int shrink = 0) {
        const auto n = static_cast<std::int32_t>(e.size());
        return one(Op::STRIDED_SLICE, sliceOpts(shrink),
            {std::move(x), i32c({n}, std::vector<std::int32_t>(e.size(), 0)), i32c({n}, e), i32c({n}, st)},
            {std::move(y)});
    };

    // float32
    const auto x4 = f32({1, 5, 5, 3}), y4 = f32({1, 5, 5, 4}), w4 = f32c({4, 3, 3, 3}), b4 = f32c({4});
    add("float CONV_2D", conv2d(x4, w4, b4, y4, Act::RELU), D);
    add("float CONV_2D without bias", convNoBias(x4, w4, y4), B, true);
    add("float CONV_2D fused TANH", conv2d(x4, w4, b4, y4, Act::TANH), B);
    add("float CONV_2D weights not constant", conv2d(x4, f32({4, 3, 3, 3}), b4, y4), B);
    add("float DEPTHWISE_CONV_2D",
        one(Op::DEPTHWISE_CONV_2D, dw(), {f32({1, 5, 5, 4}), f32c({1, 3, 3, 4}), b4}, {f32({1, 5, 5, 4})}), D);
    add("float DEPTHWISE_CONV_2D multiplier 2",
        one(Op::DEPTHWISE_CONV_2D, dw(2), {f32({1, 5, 5, 2}), f32c({1, 3, 3, 4}), b4}, {f32({1, 5, 5, 4})}), D);
    add("float FULLY_CONNECTED",
        one(Op::FULLY_CONNECTED, fc(), {f32({2, 16}), f32c({8, 16}), f32c({8})}, {f32({2, 8})}), D);
    add("float FULLY_CONNECTED keep_num_dims",
        one(Op::FULLY_CONNECTED, fc(Act::NONE, true), {f32({2, 3, 16}), f32c({8, 16}), f32c({8})}, {f32({2, 3, 8})}),
        D);
    add("float FULLY_CONNECTED weights not constant", fcGraph(f32({2, 16}), f32({8, 16}), f32({2, 8})), B);
    add("float TRANSPOSE_CONV",
        one(Op::TRANSPOSE_CONV, tconvOpts(), {tshape, w4, f32({1, 4, 4, 3}), b4}, {f32({1, 8, 8, 4})}), D);
    add("float BATCH_MATMUL", binary(Op::BATCH_MATMUL, f32({1, 3, 8}), f32({1, 8, 4}), f32({1, 3, 4}), bmm()), D);
    add("float BATCH_MATMUL constant adj_y",
        binary(Op::BATCH_MATMUL, f32({1, 3, 8}), f32c({1, 4, 8}), f32({1, 3, 4}), bmm(true)), D);
    for (Op op : {Op::ADD, Op::SUB, Op::MUL, Op::DIV, Op::MAXIMUM, Op::MINIMUM, Op::SQUARED_DIFFERENCE})
        add("float " + name(op), binary(op, f32(kShape), f32({1, 1, 8}), f32(kShape)), D);
    add("float ADD rank 7", binary(Op::ADD, f32(r7), f32(r7), f32(r7)), B);
    add("float PRELU", binary(Op::PRELU, f32(kShape), f32c({8}), f32(kShape)), D);
    add("float PRELU slope not constant", binary(Op::PRELU, f32(kShape), f32({8}), f32(kShape)), B);
    add("float MAX_POOL_2D", unary(Op::MAX_POOL_2D, f32({1, 6, 6, 3}), f32({1, 3, 3, 3}), pool(2, 2)), D);
    add("float AVERAGE_POOL_2D", unary(Op::AVERAGE_POOL_2D, f32({1, 6, 6, 3}), f32({1, 3, 3, 3}), pool(2, 2)), D);
    add("float AVERAGE_POOL_2D stride above filter",
        unary(Op::AVERAGE_POOL_2D, f32({1, 6, 6, 3}), f32({1, 2, 2, 3}), pool(2, 3)), B);
    for (Op op : {Op::MEAN, Op::SUM, Op::REDUCE_MAX, Op::REDUCE_MIN})
        add("float " + name(op), one(op, reducer(), {f32(s4), axes}, {f32({1, 1, 1, 3})}), D);
    add("float RESHAPE", one(Op::RESHAPE, {}, {f32(kShape), i32c({2}, {6, 8})}, {f32({6, 8})}), D);
    add("float RESHAPE to [-1]", one(Op::RESHAPE, {}, {f32(kShape), i32c({1}, {-1})}, {f32({48})}), B);
    add("float SQUEEZE", unary(Op::SQUEEZE, f32({1, 8}), f32({8})), B);
    add("float EXPAND_DIMS", one(Op::EXPAND_DIMS, {}, {f32({8}), i32c({1}, {0})}, {f32({1, 8})}), B);
    add("float CONCATENATION",
        one(Op::CONCATENATION, concat(-1), {f32(kShape), f32(kShape), f32(kShape)}, {f32({2, 3, 24})}), D);
    add("float CONCATENATION of 6",
        one(Op::CONCATENATION, concat(2), std::vector<TensorSpec>(6, f32(kShape)), {f32({2, 3, 48})}), B);
    add("float CONCATENATION rank 7",
        one(Op::CONCATENATION, concat(6), {f32(r7), f32(r7)}, {f32({1, 1, 1, 1, 2, 3, 8})}), X);
    add("float SPLIT", one(Op::SPLIT, splitOpts(2), {i32c({}, {2}), f32(kShape)}, {f32({2, 3, 4}), f32({2, 3, 4})}), D);
    add("float SPLIT into 8",
        one(Op::SPLIT, splitOpts(8), {i32c({}, {2}), f32(kShape)}, std::vector<TensorSpec>(8, f32({2, 3, 1}))), B);
    add("float SLICE", one(Op::SLICE, {}, {f32(kShape), i32c({3}, {0, 1, 2}), i32c({3}, {2, 2, 4})}, {f32({2, 2, 4})}),
        D);
    add("float SLICE size -1",
        one(Op::SLICE, {}, {f32(kShape), i32c({3}, {0, 1, 2}), i32c({3}, {2, -1, 4})}, {f32({2, 2, 4})}), B);
    add("float STRIDED_SLICE", ss(f32(kShape), {2, 2, 6}, {1, 1, 1}, f32({2, 2, 6})), D);
    add("float STRIDED_SLICE stride 2", ss(f32(kShape), {2, 2, 6}, {1, 1, 2}, f32({2, 2, 3})), B);
    add("float STRIDED_SLICE shrink mask", ss(f32(kShape), {1, 2, 6}, {1, 1, 1}, f32({2, 6}), 1), B);
    add("float STRIDED_SLICE rank 7",
        ss(f32(r7), {1, 1, 1, 1, 2, 3, 2}, {1, 1, 1, 1, 1, 1, 1}, f32({1, 1, 1, 1, 2, 3, 2})), X);
    add("float PAD", one(Op::PAD, {}, {f32(s4), pads}, {f32({1, 6, 6, 3})}), D);
    add("float TRANSPOSE", one(Op::TRANSPOSE, {}, {f32(s4), perm}, {f32(s4)}), D);
    add("float TRANSPOSE rank 7",
        one(Op::TRANSPOSE, {}, {f32(r7), i32c({7}, {0, 1, 2, 3, 4, 6, 5})}, {f32({1, 1, 1, 1, 2, 4, 3})}), B);
    add("float RESIZE_BILINEAR", one(Op::RESIZE_BILINEAR, {}, {f32(s4), size8}, {f32({1, 8, 8, 3})}), D);
    add("float RESIZE_NEAREST_NEIGHBOR", one(Op::RESIZE_NEAREST_NEIGHBOR, {}, {f32(s4), size8}, {f32({1, 8, 8, 3})}),
        B);
    add("float DEPTH_TO_SPACE", unary(Op::DEPTH_TO_SPACE, f32({1, 2, 2, 8}), f32({1, 4, 4, 2}), d2s), D);
    add("float SPACE_TO_DEPTH", unary(Op::SPACE_TO_DEPTH, f32({1, 4, 4, 2}), f32({1, 2, 2, 8}), s2d), D);
    for (Op op : {Op::RELU, Op::RELU6, Op::RELU_N1_TO_1, Op::LOGISTIC, Op::TANH, Op::ELU, Op::GELU, Op::HARD_SWISH,
             Op::ABS, Op::NEG, Op::SQUARE, Op::SQRT, Op::RSQRT, Op::EXP, Op::LOG, Op::SIN, Op::COS, Op::FLOOR, Op::CEIL,
             Op::ROUND})
        add("float " + name(op), unary(op, f32(kShape), f32(kShape)), D);
    add("float LEAKY_RELU", unary(Op::LEAKY_RELU, f32(kShape), f32(kShape), leaky(0.2f)), D);
    add("float SOFTMAX", unary(Op::SOFTMAX, f32(kShape), f32(kShape), softmax(1.0f)), D);
    add("float SOFTMAX beta 0.5", unary(Op::SOFTMAX, f32(kShape), f32(kShape), softmax(0.5f)), B);
    add("float LOG_SOFTMAX", unary(Op::LOG_SOFTMAX, f32(kShape), f32(kShape)), B);
    add("float CAST to int32", unary(Op::CAST, f32(kShape), typed(kShape, DT::Int32)), B);
    add("QUANTIZE float to int8", unary(Op::QUANTIZE, f32(kShape), q(kShape, 0.05f, 3)), D);
    add("DEQUANTIZE int8 activation", unary(Op::DEQUANTIZE, q(kShape, 0.05f, 3), f32(kShape)), D);
    add("DEQUANTIZE int16 activation", unary(Op::DEQUANTIZE, q(kShape, 0.001f, 0, i16), f32(kShape)), B);

    // Constants the delegate dequantizes itself (two operators; the last case has one).
    c.push_back(
        {"DEQUANTIZE float16 weights of FULLY_CONNECTED", dequantizeInto(DT::Float16, Op::FULLY_CONNECTED), {D, D}});
    c.push_back({"DEQUANTIZE int8 per-channel weights of FULLY_CONNECTED",
        dequantizeInto(DT::Int8, Op::FULLY_CONNECTED, true), {D, D}});
    c.push_back({"DEQUANTIZE int8 constant into ADD", dequantizeInto(DT::Int8, Op::ADD), {D, D}});
    c.push_back({"DEQUANTIZE float16 constant into SQUEEZE", dequantizeInto(DT::Float16, Op::SQUEEZE), {B, B}});
    c.push_back({"DEQUANTIZE float16 constant as graph output", dequantizeInto(DT::Float16, Op::DEQUANTIZE), {X}});

    // int8 convolutions and matrix products
    const float sx = 0.05f, sw = 0.02f;
    const auto qx = q({1, 5, 5, 3}, sx, -3), qy = q({1, 5, 5, 4}, 0.1f, 2), qw = q8c({4, 3, 3, 3}, sw, 0),
               qb = biasc(4, sx * sw);
    const std::vector<float> pcw{0.02f, 0.03f, 0.01f, 0.04f}, pcb{sx * 0.02f, sx * 0.03f, sx * 0.01f, sx * 0.04f};
    const std::vector<std::int64_t> z4(4, 0), z8(8, 0);
    auto pcConv = [&](std::vector<float> ws, std::vector<std::int64_t> zps) {
        return channels(channels(conv2d(qx, qw, qb, qy), 1, std::move(ws), std::move(zps), 0), 2, pcb, z4, 0);
    };
    add("int8 CONV_2D per-tensor", conv2d(qx, qw, qb, qy), D);
    add("int8 CONV_2D per-channel", pcConv(pcw, z4), D);
    add("int8 CONV_2D fused RELU6", conv2d(qx, qw, qb, qy, Act::RELU6), D);
    add("int8 CONV_2D without bias", convNoBias(qx, qw, qy), B, true);
    add("int8 CONV_2D weights zero point 3", conv2d(qx, q8c({4, 3, 3, 3}, sw, 3), qb, qy), X);
    add("int8 CONV_2D per-channel zero points 0,3,0,0", pcConv(pcw, {0, 3, 0, 0}), X);
    add("int8 CONV_2D dead channel with scale 0", pcConv({0.02f, 0.0f, 0.01f, 0.04f}, z4), B);
    add("int8 CONV_2D per-channel weights, per-tensor bias", channels(conv2d(qx, qw, qb, qy), 1, pcw, z4, 0), X);
    add("int8 CONV_2D per-tensor weights, per-channel bias", channels(conv2d(qx, qw, qb, qy), 2, pcb, z4, 0), X);
    add("int8 CONV_2D output scale 0", scaleOf(conv2d(qx, qw, qb, qy), 3, 0.0f), X);
    add("int8 CONV_2D input scale denormal", scaleOf(conv2d(qx, qw, qb, qy), 0, 1e-39f), X);
    const auto dx = q({1, 5, 5, 4}, sx, 1), dy = q({1, 5, 5, 4}, 0.1f, -1);
    add("int8 DEPTHWISE_CONV_2D per-channel",
        channels(channels(one(Op::DEPTHWISE_CONV_2D, dw(), {dx, q8c({1, 3, 3, 4}, sw, 0), qb}, {dy}), 1, pcw, z4, 3), 2,
            pcb, z4, 0),
        D);
    add("int8 DEPTHWISE_CONV_2D weights zero point 5",
        one(Op::DEPTHWISE_CONV_2D, dw(), {dx, q8c({1, 3, 3, 4}, sw, 5), qb}, {dy}), X);
    const auto fx = q({2, 16}, sx, -2), fy = q({2, 8}, 0.2f, 1), fw = q8c({8, 16}, sw, 0), fb = biasc(8, sx * sw);
    const std::vector<float> fcs{0.02f, 0.01f, 0.03f, 0.02f, 0.05f, 0.01f, 0.02f, 0.04f};
    add("int8 FULLY_CONNECTED per-tensor", one(Op::FULLY_CONNECTED, fc(), {fx, fw, fb}, {fy}), D);
    add("int8 FULLY_CONNECTED per-channel without bias", channels(fcGraph(fx, fw, fy), 1, fcs, z8, 0), D);
    add("int8 FULLY_CONNECTED weights zero point 3",
        one(Op::FULLY_CONNECTED, fc(), {fx, q8c({8, 16}, sw, 3), fb}, {fy}), B);
    add("int8 FULLY_CONNECTED fused TANH", one(Op::FULLY_CONNECTED, fc(Act::TANH), {fx, fw, fb}, {fy}), B, true);
    add("int8 FULLY_CONNECTED dead channel with scale 0",
        channels(fcGraph(fx, fw, fy), 1, {0.02f, 0.0f, 0.03f, 0.02f, 0.05f, 0.01f, 0.02f, 0.04f}, z8, 0), X);
    add("int8 TRANSPOSE_CONV per-channel without bias",
        channels(one(Op::TRANSPOSE_CONV, tconvOpts(), {tshape, qw, q({1, 4, 4, 3}, sx, 0)}, {q({1, 8, 8, 4}, 0.1f, 0)}),
            1, pcw, z4, 0),
        D);
    const auto ma = q({1, 3, 8}, 0.1f, 0), my = q({1, 3, 4}, 0.2f, 0);
    add("int8 BATCH_MATMUL constant per-tensor", binary(Op::BATCH_MATMUL, ma, q8c({8, 4}, 0.01f, 0), my, bmm()), D);
    add("int8 BATCH_MATMUL constant per-channel",
        channels(
            binary(Op::BATCH_MATMUL, ma, q8c({8, 4}, 0.01f, 0), my, bmm()), 1, {0.01f, 0.02f, 0.01f, 0.03f}, z4, 1),
        B);
    add("int8 BATCH_MATMUL second zero point 2", binary(Op::BATCH_MATMUL, ma, q8c({8, 4}, 0.01f, 2), my, bmm()), B);
    add("int8 BATCH_MATMUL two activations", binary(Op::BATCH_MATMUL, ma, q({1, 8, 4}, 0.1f, 0), my, bmm()), D);

    // int8 element-wise operators
    const auto qa = q(kShape, 0.05f, 3), qbb = q(kShape, 0.08f, -4), qo = q(kShape, 0.1f, 1);
    for (Op op : {Op::ADD, Op::SUB, Op::MUL})
        add("int8 " + name(op), binary(op, qa, qbb, qo), D);
    add("int8 ADD scale ratio 500", binary(Op::ADD, q(kShape, 5.0f, 0), qbb, q(kShape, 0.01f, 0)), B);
    add("int8 MUL product ratio 1e-8", binary(Op::MUL, q(kShape, 1e-3f, 0), q(kShape, 1e-3f, 0), q(kShape, 100.0f, 0)),
        B);
    add("int8 DIV", binary(Op::DIV, qa, q(kShape, 0.08f, -128), qo), B);
    add("int8 MAXIMUM", binary(Op::MAXIMUM, qa, qa, qa), B);
    add("int8 SQUARED_DIFFERENCE", binary(Op::SQUARED_DIFFERENCE, qa, qbb, qo), B);
    add("int8 TANH input scale 0", scaleOf(unary(Op::TANH, qa, q(kShape, 1.0f / 128, 0)), 0, 0.0f), X);
    add("int8 ADD output zero point 200", binary(Op::ADD, qa, qbb, q(kShape, 0.1f, 200)), X);
    add("int8 ADD rank 7", binary(Op::ADD, q(r7, 0.05f, 0), q(r7, 0.05f, 0), q(r7, 0.1f, 0)), B);
    add("int8 SOFTMAX", unary(Op::SOFTMAX, q(kShape, 0.1f, 0), q(kShape, 1.0f / 256, -128), softmax(1.0f)), B);
    add("int8 LOGISTIC odd output parameters", unary(Op::LOGISTIC, qa, q(kShape, 0.01f, 0)), D);
    add("int8 TANH", unary(Op::TANH, qa, q(kShape, 1.0f / 128, 0)), D);
    add("int8 TANH to uint8", unary(Op::TANH, qa, q(kShape, 1.0f / 128, 128, u8)), X);
    for (Op op : {Op::HARD_SWISH, Op::RELU, Op::RELU6})
        add("int8 " + name(op), unary(op, qa, qo), B);
    add("int8 LEAKY_RELU", unary(Op::LEAKY_RELU, qa, qo, leaky(0.2f)), D);
    add("int8 LEAKY_RELU scale ratio 500", unary(Op::LEAKY_RELU, q(kShape, 5.0f, 0), q(kShape, 0.01f, 0), leaky(0.2f)),
        B);
    add("int8 ELU", unary(Op::ELU, qa, qo), D);
    add("int8 QUANTIZE requantize", unary(Op::QUANTIZE, qa, qo), D);
    add("int8 QUANTIZE scale ratio 1000", unary(Op::QUANTIZE, q(kShape, 1.0f, 0), q(kShape, 0.001f, 0)), B);
    add("int8 QUANTIZE to uint8", unary(Op::QUANTIZE, qa, q(kShape, 0.05f, 131, u8)), B);

    // int8 same-scale operators: equal parameters run, different ones break the build
    const auto p1 = q(s4, 0.05f, 3);
    auto p2 = [&](std::vector<std::int32_t> s) { return q(std::move(s), 0.08f, -4); };
    auto p1s = [&](std::vector<std::int32_t> s) { return q(std::move(s), 0.05f, 3); };
    add("int8 CONCATENATION equal parameters", one(Op::CONCATENATION, concat(3), {p1, p1}, {p1s({1, 4, 4, 6})}), D);
    add("int8 CONCATENATION different parameters", one(Op::CONCATENATION, concat(3), {p1, p2(s4)}, {p2({1, 4, 4, 6})}),
        X);
    add("int8 CONCATENATION of 6 equal parameters",
        one(Op::CONCATENATION, concat(3), std::vector<TensorSpec>(6, p1), {p1s({1, 4, 4, 18})}), B);
    add("int8 PAD equal parameters", one(Op::PAD, {}, {p1, pads}, {p1s({1, 6, 6, 3})}), D);
    add("int8 PAD different parameters", one(Op::PAD, {}, {p1, pads}, {p2({1, 6, 6, 3})}), X);
    add("int8 TRANSPOSE equal parameters", one(Op::TRANSPOSE, {}, {p1, perm}, {p1}), D);
    add("int8 TRANSPOSE different parameters", one(Op::TRANSPOSE, {}, {p1, perm}, {p2(s4)}), X);
    add("int8 SLICE different parameters",
        one(Op::SLICE, {}, {p1, i32c({4}, {0, 1, 1, 0}), i32c({4}, {1, 2, 2, 3})}, {p2({1, 2, 2, 3})}), X);
    add("int8 STRIDED_SLICE different parameters", ss(p1, {1, 2, 2, 3}, {1, 1, 1, 1}, p2({1, 2, 2, 3})), X);
    add("int8 SPLIT different parameters",
        one(Op::SPLIT, splitOpts(2), {i32c({}, {1}), p1}, {p2({1, 2, 4, 3}), p2({1, 2, 4, 3})}), X);
    add("int8 MAX_POOL_2D equal parameters", unary(Op::MAX_POOL_2D, p1, p1s({1, 2, 2, 3}), pool(2, 2)), D);
    add("int8 MAX_POOL_2D different parameters", unary(Op::MAX_POOL_2D, p1, p2({1, 2, 2, 3}), pool(2, 2)), X);
    add("int8 MAX_POOL_2D 1x1 different parameters", unary(Op::MAX_POOL_2D, p1, p2(s4), pool(1, 1)), X);
    add("int8 AVERAGE_POOL_2D", unary(Op::AVERAGE_POOL_2D, p1, p1s({1, 2, 2, 3}), pool(2, 2)), B);
    add("int8 RESIZE_BILINEAR equal parameters", one(Op::RESIZE_BILINEAR, {}, {p1, size8}, {p1s({1, 8, 8, 3})}), D);
    add("int8 RESIZE_BILINEAR different parameters", one(Op::RESIZE_BILINEAR, {}, {p1, size8}, {p2({1, 8, 8, 3})}), X);
    add("int8 RESIZE_NEAREST_NEIGHBOR", one(Op::RESIZE_NEAREST_NEIGHBOR, {}, {p1, size8}, {p1s({1, 8, 8, 3})}), B);
    add("int8 DEPTH_TO_SPACE different parameters", unary(Op::DEPTH_TO_SPACE, p1s({1, 2, 2, 8}), p2({1, 4, 4, 2}), d2s),
        X);
    add("int8 SPACE_TO_DEPTH different parameters", unary(Op::SPACE_TO_DEPTH, p1s({1, 4, 4, 2}), p2({1, 2, 2, 8}), s2d),
        X);
    add("int8 RESHAPE equal parameters", one(Op::RESHAPE, {}, {p1, i32c({2}, {4, 12})}, {p1s({4, 12})}), D);
    add("int8 RESHAPE different parameters", one(Op::RESHAPE, {}, {p1, i32c({2}, {4, 12})}, {p2({4, 12})}), B);
    add("int8 SQUEEZE", unary(Op::SQUEEZE, p1s({1, 8}), p1s({8})), B);
    add("int8 MEAN different parameters", one(Op::MEAN, reducer(), {p1, axes}, {p2({1, 1, 1, 3})}), D);
    add("int8 REDUCE_MAX different parameters", one(Op::REDUCE_MAX, reducer(), {p1, axes}, {p2({1, 1, 1, 3})}), D);
    add("int8 SUM", one(Op::SUM, reducer(), {p1, axes}, {p2({1, 1, 1, 3})}), D);

    // uint8
    auto uq = [&](std::vector<std::int32_t> s, float scale) { return q(std::move(s), scale, 128, u8); };
    add("uint8 CONV_2D", conv2d(uq({1, 5, 5, 3}, sx), q8c({4, 3, 3, 3}, sw, 120, u8), qb, uq({1, 5, 5, 4}, 0.1f)), D);
    add("uint8 FULLY_CONNECTED",
        one(Op::FULLY_CONNECTED, fc(), {uq({2, 16}, sx), q8c({8, 16}, sw, 128, u8), fb}, {uq({2, 8}, 0.2f)}), D);
    add("uint8 ADD", binary(Op::ADD, uq(kShape, 0.05f), uq(kShape, 0.08f), uq(kShape, 0.1f)), D);
    add("uint8 AVERAGE_POOL_2D", unary(Op::AVERAGE_POOL_2D, uq(s4, 0.05f), uq({1, 2, 2, 3}, 0.05f), pool(2, 2)), B);
    add("uint8 SOFTMAX", unary(Op::SOFTMAX, uq(kShape, 0.1f), q(kShape, 1.0f / 256, 0, u8), softmax(1.0f)), B);
    add("uint8 CONCATENATION different parameters",
        one(Op::CONCATENATION, concat(2), {uq(kShape, 0.05f), q(kShape, 0.1f, 100, u8)},
            {q({2, 3, 16}, 0.1f, 100, u8)}),
        B);
    add("uint8 BATCH_MATMUL",
        binary(Op::BATCH_MATMUL, uq({1, 3, 8}, 0.1f), uq({1, 8, 4}, 0.1f), uq({1, 3, 4}, 0.2f), bmm()), X);
    add("uint8 ELU", unary(Op::ELU, uq(kShape, 0.05f), uq(kShape, 0.1f)), B, true);

    // hybrid: int8 weights, float activations
    add("hybrid FULLY_CONNECTED per-channel", channels(fcGraph(f32({2, 16}), fw, f32({2, 8})), 1, fcs, z8, 0), D);
    add("hybrid FULLY_CONNECTED per-tensor", fcGraph(f32({2, 16}), fw, f32({2, 8})), D);
    add("hybrid FULLY_CONNECTED weights zero point 3", fcGraph(f32({2, 16}), q8c({8, 16}, sw, 3), f32({2, 8})), X);
    add("hybrid CONV_2D per-channel", channels(conv2d(x4, qw, b4, y4), 1, pcw, z4, 0), D);
    add("hybrid CONV_2D weights zero point 3", conv2d(x4, q8c({4, 3, 3, 3}, sw, 3), b4, y4), D);
    add("hybrid DEPTHWISE_CONV_2D",
        channels(
            one(Op::DEPTHWISE_CONV_2D, dw(), {f32({1, 5, 5, 4}), q8c({1, 3, 3, 4}, sw, 0), b4}, {f32({1, 5, 5, 4})}), 1,
            pcw, z4, 3),
        B);
    add("hybrid BATCH_MATMUL", binary(Op::BATCH_MATMUL, f32({1, 3, 8}), q8c({8, 4}, 0.01f, 0), f32({1, 3, 4}), bmm()),
        D);
    add("hybrid BATCH_MATMUL zero point 2",
        binary(Op::BATCH_MATMUL, f32({1, 3, 8}), q8c({8, 4}, 0.01f, 2), f32({1, 3, 4}), bmm()), X);
    add("hybrid TRANSPOSE_CONV",
        one(Op::TRANSPOSE_CONV, tconvOpts(), {tshape, qw, f32({1, 4, 4, 3}), b4}, {f32({1, 8, 8, 4})}), D);

    // int16 (16x8): never delegated
    add("int16 ADD", binary(Op::ADD, q(kShape, 0.001f, 0, i16), q(kShape, 0.002f, 0, i16), q(kShape, 0.003f, 0, i16)),
        B);
    TensorSpec b64 = TensorSpec::constant({8}, DT::Int64, std::vector<std::int64_t>(8, 5));
    b64.scale = 0.001f * sw;
    add("int16 FULLY_CONNECTED",
        one(Op::FULLY_CONNECTED, fc(), {q({2, 16}, 0.001f, 0, i16), fw, b64}, {q({2, 8}, 0.002f, 0, i16)}), B);

    // Whole models (only the whole-graph answers are compared): blockwise int4 weights, the attention
    // composite, MediaPipe's custom operators, and hybrid depthwise convolutions next to float ones.
    for (const char* file : {"wild/qwen_fc_int4_blockwise", "wild/sdpa_composite_float32",
             "wild/hair_segmentation_512_float32", "mobilenet_v2_035_96_embedder_dynrange"}) {
        auto g = model::readTflite(std::string(QL_SHARED_DIR "/models/") + file + ".tflite");
        c.push_back({std::string("model ") + file, g ? std::move(g.value()) : model::Graph{}, {}});
    }
    return c;
}

} // namespace ql::test
