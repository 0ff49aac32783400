// SPDX-License-Identifier: MIT
// The graphs of the XNNPACK support cases (see the header).
#include "engine/xnnpack_case_graphs.h"

#include <utility>

namespace ql::test::xnnpack_graphs {

namespace {

std::int64_t count(const std::vector<std::int32_t>& shape)
{
    std::int64_t n = 1;
    for (auto d : shape)
        n *= d;
    return n;
}

} // namespace

TensorSpec f32(std::vector<std::int32_t> s)
{
    return TensorSpec{std::move(s), DT::Float32, 0, 0, {}};
}
TensorSpec typed(std::vector<std::int32_t> s, DT t)
{
    return TensorSpec{std::move(s), t, 0, 0, {}};
}
TensorSpec q(std::vector<std::int32_t> s, float scale, std::int64_t zp, DT t)
{
    return TensorSpec{std::move(s), t, scale, zp, {}};
}
TensorSpec i32c(std::vector<std::int32_t> s, std::vector<std::int32_t> v)
{
    return TensorSpec::constant(std::move(s), DT::Int32, v);
}
TensorSpec f32c(std::vector<std::int32_t> s)
{
    std::vector<float> v(static_cast<std::size_t>(count(s)));
    for (std::size_t i = 0; i < v.size(); ++i)
        v[i] = 0.01f * static_cast<float>(static_cast<int>(i * 37 % 101) - 50);
    return TensorSpec::constant(std::move(s), DT::Float32, v);
}
TensorSpec q8c(std::vector<std::int32_t> s, float scale, std::int64_t zp, DT t)
{
    std::vector<std::uint8_t> v(static_cast<std::size_t>(count(s)));
    for (std::size_t i = 0; i < v.size(); ++i)
        v[i] = static_cast<std::uint8_t>(i * 53 % 200 + 20);
    TensorSpec c = TensorSpec::constant(std::move(s), t, v);
    c.scale = scale;
    c.zeroPoint = zp;
    return c;
}
TensorSpec biasc(int n, float scale)
{
    TensorSpec b = TensorSpec::constant({n}, DT::Int32, std::vector<std::int32_t>(static_cast<std::size_t>(n), 7));
    b.scale = scale;
    return b;
}
model::Graph one(Op op, tflite::BuiltinOptionsUnion o, std::vector<TensorSpec> in, std::vector<TensorSpec> out)
{
    return singleOpGraph(op, o, in, out);
}
model::Graph channels(model::Graph g, int t, std::vector<float> scales, std::vector<std::int64_t> zps, int axis)
{
    auto& qn = g.subgraphs[0].tensors[static_cast<std::size_t>(t)].quantization;
    qn.scale = std::move(scales);
    qn.zeroPoint = std::move(zps);
    qn.quantizedDimension = axis;
    return g;
}
model::Graph scaleOf(model::Graph g, int t, float scale)
{
    g.subgraphs[0].tensors[static_cast<std::size_t>(t)].quantization.scale = {scale};
    return g;
}

tflite::BuiltinOptionsUnion conv(Act a, int stride)
{
    tflite::Conv2DOptionsT o;
    o.stride_w = o.stride_h = stride;
    o.fused_activation_function = a;
    return opts(o);
}
tflite::BuiltinOptionsUnion dw(int multiplier)
{
    tflite::DepthwiseConv2DOptionsT o;
    o.stride_w = o.stride_h = 1;
    o.depth_multiplier = multiplier;
    return opts(o);
}
tflite::BuiltinOptionsUnion fc(Act a, bool keepDims)
{
    tflite::FullyConnectedOptionsT o;
    o.fused_activation_function = a;
    o.keep_num_dims = keepDims;
    return opts(o);
}
tflite::BuiltinOptionsUnion pool(int filter, int stride)
{
    tflite::Pool2DOptionsT o;
    o.padding = tflite::Padding::VALID;
    o.filter_width = o.filter_height = filter;
    o.stride_w = o.stride_h = stride;
    return opts(o);
}
tflite::BuiltinOptionsUnion reducer()
{
    tflite::ReducerOptionsT o;
    o.keep_dims = true;
    return opts(o);
}
tflite::BuiltinOptionsUnion concat(int axis)
{
    tflite::ConcatenationOptionsT o;
    o.axis = axis;
    return opts(o);
}
tflite::BuiltinOptionsUnion sliceOpts(int shrink)
{
    tflite::StridedSliceOptionsT o;
    o.shrink_axis_mask = shrink;
    return opts(o);
}
tflite::BuiltinOptionsUnion splitOpts(int n)
{
    tflite::SplitOptionsT o;
    o.num_splits = n;
    return opts(o);
}
tflite::BuiltinOptionsUnion softmax(float beta)
{
    tflite::SoftmaxOptionsT o;
    o.beta = beta;
    return opts(o);
}
tflite::BuiltinOptionsUnion leaky(float alpha)
{
    tflite::LeakyReluOptionsT o;
    o.alpha = alpha;
    return opts(o);
}
tflite::BuiltinOptionsUnion tconvOpts()
{
    tflite::TransposeConvOptionsT o;
    o.padding = tflite::Padding::SAME;
    o.stride_w = o.stride_h = 2;
    return opts(o);
}
tflite::BuiltinOptionsUnion bmm(bool adjY)
{
    tflite::BatchMatMulOptionsT o;
    o.adj_y = adjY;
    return opts(o);
}

model::Graph conv2d(TensorSpec x, TensorSpec w, TensorSpec b, TensorSpec y, Act a)
{
    return one(Op::CONV_2D, conv(a), {std::move(x), std::move(w), std::move(b)}, {std::move(y)});
}
model::Graph convNoBias(TensorSpec x, TensorSpec w, TensorSpec y)
{
    model::Graph g = one(Op::CONV_2D, conv(), {std::move(x), std::move(w)}, {std::move(y)});
    g.subgraphs[0].operators[0].inputs.push_back(-1);
    return g;
}
model::Graph fcGraph(TensorSpec x, TensorSpec w, TensorSpec y, tflite::BuiltinOptionsUnion o)
{
    model::Graph g = one(Op::FULLY_CONNECTED, std::move(o), {std::move(x), std::move(w)}, {std::move(y)});
    g.subgraphs[0].operators[0].inputs.push_back(-1);
    return g;
}
model::Graph unary(Op op, TensorSpec x, TensorSpec y, tflite::BuiltinOptionsUnion o)
{
    return one(op, std::move(o), {std::move(x)}, {std::move(y)});
}
model::Graph binary(Op op, TensorSpec a, TensorSpec b, TensorSpec y, tflite::BuiltinOptionsUnion o)
{
    return one(op, std::move(o), {std::move(a), std::move(b)}, {std::move(y)});
}

model::Graph dequantizeInto(DT dt, Op consumer, bool perChannel)
{
    GraphBuilder b;
    const int sg = b.subgraph("main");
    const bool fcw = consumer == Op::FULLY_CONNECTED;
    const std::vector<std::int32_t> wShape = fcw ? std::vector<std::int32_t>{4, 8} : std::vector<std::int32_t>{1, 8};
    int c;
    if (dt == DT::Float16) {
        c = b.constant(
            sg, "w16", dt, wShape, std::vector<std::uint16_t>(static_cast<std::size_t>(count(wShape)), 0x3C00));
    } else {
        c = b.constant(sg, "w8", dt, wShape, std::vector<std::int8_t>(static_cast<std::size_t>(count(wShape)), 3));
        auto& qn = b.at(sg, c).quantization;
        qn.scale = perChannel ? std::vector<float>{0.1f, 0.2f, 0.3f, 0.4f} : std::vector<float>{0.1f};
        qn.zeroPoint.assign(qn.scale.size(), 0);
    }
    const int w = b.tensor(sg, "w", DT::Float32, wShape);
    b.op(sg, Op::DEQUANTIZE, {c}, {w}, {}, {}, dt == DT::Float16 ? 3 : 2);
    if (consumer == Op::FULLY_CONNECTED) {
        const int x = b.input(sg, "x", DT::Float32, {2, 8});
        const int y = b.tensor(sg, "y", DT::Float32, {2, 4});
        b.op(sg, consumer, {x, w, -1}, {y}, fc());
        b.output(sg, y);
    } else if (consumer == Op::SQUEEZE) {
        const int y = b.tensor(sg, "y", DT::Float32, {8});
        b.op(sg, consumer, {w}, {y}, opts(tflite::SqueezeOptionsT{}));
        b.output(sg, y);
    } else if (consumer == Op::ADD) {
        const int x = b.input(sg, "x", DT::Float32, wShape);
        const int y = b.tensor(sg, "y", DT::Float32, wShape);
        b.op(sg, consumer, {x, w}, {y}, opts(tflite::AddOptionsT{}));
        b.output(sg, y);
    } else {
        b.output(sg, w);
    }
    return b.graph();
}

} // namespace ql::test::xnnpack_graphs
