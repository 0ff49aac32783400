// SPDX-License-Identifier: MIT
// Random convolutions, fully connected layers and pools (op_random.h).
#include "exec/op_random.h"

#include <algorithm>
#include <cmath>

namespace ql::test::random_ops {

namespace {

using DT = model::DType;
using Op = tflite::BuiltinOperator;
using Act = tflite::ActivationFunctionType;
using Pad = tflite::Padding;

const std::vector<Act>& activations()
{
    static const std::vector<Act> a{Act::NONE, Act::NONE, Act::RELU, Act::RELU6, Act::RELU_N1_TO_1};
    return a;
}

std::string actName(Act a)
{
    return tflite::EnumNameActivationFunctionType(a);
}

// Output size of a window along one dimension.
int windowOut(int in, int k, int stride, int dilation, Pad p)
{
    const int effective = (k - 1) * dilation + 1;
    return p == Pad::SAME ? (in + stride - 1) / stride : (in - effective + stride) / stride;
}

// VALID only where the window fits.
Pad padding(Dice& d, int h, int w, int kh, int kw, int dh, int dw)
{
    const bool fits = (kh - 1) * dh + 1 <= h && (kw - 1) * dw + 1 <= w;
    return fits && d.chance(0.5) ? Pad::VALID : Pad::SAME;
}

Numbers numbers(Dice& d, bool hybrid = true)
{
    static const std::vector<Numbers> all{Numbers::Float, Numbers::Int8, Numbers::Int8, Numbers::UInt8, Numbers::Int16, Numbers::Hybrid};
    static const std::vector<Numbers> noHybrid{Numbers::Float, Numbers::Int8, Numbers::Int8, Numbers::UInt8, Numbers::Int16};
    return d.pick(hybrid ? all : noHybrid);
}

// Weights whose real values span about ±magnitude: float, or int8 per channel along `axis` (sometimes
// per tensor), or uint8 per tensor with a zero point.
TensorSpec weights(Dice& d, std::vector<std::int32_t> shape, Numbers n, int axis, double magnitude, bool perChannel = false)
{
    TensorSpec w;
    w.shape = std::move(shape);
    if (n == Numbers::Float) {
        w.range(-magnitude, magnitude);
        return filled(w, d);
    }
    if (n == Numbers::UInt8) {
        w.dtype = DT::UInt8;
        w.scale = static_cast<float>(magnitude / 128 * d.decades(-0.3, 0.3));
        w.zeroPoint = d.between(96, 160);
        return filled(w, d);
    }
    w.dtype = DT::Int8;
    w.range(-127, 127);
    if (perChannel || d.chance(0.75)) {
        const int channels = w.shape[static_cast<std::size_t>(axis)];
        for (int c = 0; c < channels; ++c)
            w.channelScales.push_back(static_cast<float>(magnitude / 127 * d.decades(-0.5, 0.5)));
        w.channelAxis = axis;
    } else {
        w.scale = static_cast<float>(magnitude / 127 * d.decades(-0.3, 0.3));
    }
    return filled(w, d);
}

std::vector<float> scalesOf(const TensorSpec& t)
{
    return t.channelScales.empty() ? std::vector<float>{t.scale} : t.channelScales;
}

// A bias of `channels` values about ±magnitude: float, or int32 (int64 for int16 activations, sometimes
// int32 there too) at scale input * weights.
TensorSpec bias(Dice& d, int channels, Numbers n, const TensorSpec& input, const TensorSpec& w, double magnitude)
{
    TensorSpec b;
    b.shape = {channels};
    if (n == Numbers::Float || n == Numbers::Hybrid) {
        b.range(-magnitude, magnitude);
        return filled(b, d);
    }
    b.dtype = n == Numbers::Int16 && d.chance(0.7) ? DT::Int64 : DT::Int32;
    const auto ws = scalesOf(w);
    float smallest = ws[0];
    for (float s : ws) {
        if (ws.size() > 1)
            b.channelScales.push_back(input.scale * s);
        smallest = std::min(smallest, s);
    }
    if (ws.size() == 1)
        b.scale = input.scale * ws[0];
    const double codes = std::clamp(magnitude / (input.scale * smallest), 1.0, 1e6);
    b.range(-codes, codes);
    return filled(b, d);
}

// What the converter writes in the options of a 16x8 layer with an int32 bias (LiteRT reads the bias
// as int64 otherwise); FLOAT32 (unset) for the others. The bias, if any, is the last input.
tflite::TensorType declaredBiasType(const std::vector<TensorSpec>& in)
{
    const bool int16 = in.front().dtype == DT::Int16 || (in.size() > 2 && in[2].dtype == DT::Int16);
    return int16 && in.back().dtype == DT::Int32 && in.back().data.size() > 0 && in.size() >= 3 ? tflite::TensorType::INT32
                                                                                                : tflite::TensorType::FLOAT32;
}

// Real magnitude of a layer's output: inputs about ±a, weights about ±b, k products per output.
double productMagnitude(Dice& d, double a, double b, int k)
{
    return a * b * std::sqrt(static_cast<double>(k)) * d.decades(-0.5, 0.3);
}

std::string windowText(int kh, int kw, int sh, int sw, int dh, int dw, Pad p)
{
    return "k" + std::to_string(kh) + "x" + std::to_string(kw) + " s" + std::to_string(sh) + "," + std::to_string(sw) +
        " d" + std::to_string(dh) + "," + std::to_string(dw) + " " + tflite::EnumNamePadding(p);
}

} // namespace

OpCase randomConv2d(Dice& d)
{
    const Numbers n = numbers(d);
    const int batch = d.chance(0.2) ? 2 : 1, h = d.between(1, 10), w = d.between(1, 10);
    const int groups = n != Numbers::Hybrid && d.chance(0.15) ? d.between(2, 3) : 1;
    const int filterDepth = d.between(1, 8), cin = filterDepth * groups;
    const int cout = groups * d.between(1, 8 / groups + 1);
    const int kh = d.between(1, 4), kw = d.between(1, 4), sh = d.between(1, 3), sw = d.between(1, 3);
    const int dh = d.chance(0.25) ? d.between(2, 3) : 1, dw = d.chance(0.25) ? d.between(2, 3) : 1;
    const Pad p = padding(d, h, w, kh, kw, dh, dw);
    tflite::Conv2DOptionsT o;
    o.padding = p;
    o.stride_h = sh;
    o.stride_w = sw;
    o.dilation_h_factor = dh;
    o.dilation_w_factor = dw;
    o.fused_activation_function = d.pick(activations());
    const double a = d.decades(-1, 0.7), b = d.decades(-1.5, 0);
    const TensorSpec x = activation(d, {batch, h, w, cin}, n, a);
    const TensorSpec f = weights(d, {cout, kh, kw, filterDepth}, n, 0, b);
    const double m = productMagnitude(d, a, b, kh * kw * filterDepth);
    std::vector<TensorSpec> in{x, f};
    const bool withBias = d.chance(0.85);
    if (withBias)
        in.push_back(bias(d, cout, n, x, f, m / 4));
    o.quantized_bias_type = declaredBiasType(in);
    const TensorSpec y = activation(d, {batch, windowOut(h, kh, sh, dh, p), windowOut(w, kw, sw, dw, p), cout},
        n == Numbers::Hybrid ? Numbers::Float : n, m);
    std::string name = "CONV_2D " + numbersName(n) + " x" + shapeText(x.shape) + " f" + shapeText(f.shape) + " " +
        windowText(kh, kw, sh, sw, dh, dw, p) + " " + actName(o.fused_activation_function) +
        (withBias ? "" : " no bias") + (f.channelScales.empty() ? "" : " per-channel") +
        (groups > 1 ? " groups " + std::to_string(groups) : "");
    return OpCase(std::move(name), builtin(Op::CONV_2D, opts(o)), std::move(in), {y});
}

OpCase randomDepthwise(Dice& d)
{
    const Numbers n = numbers(d);
    const int batch = d.chance(0.2) ? 2 : 1, h = d.between(1, 10), w = d.between(1, 10);
    const int cin = d.between(1, 12), multiplier = d.chance(0.25) ? d.between(2, 3) : 1, cout = cin * multiplier;
    const int kh = d.between(1, 5), kw = d.between(1, 5), sh = d.between(1, 2), sw = d.between(1, 2);
    const int dh = d.chance(0.25) ? d.between(2, 3) : 1, dw = d.chance(0.25) ? d.between(2, 3) : 1;
    const Pad p = padding(d, h, w, kh, kw, dh, dw);
    tflite::DepthwiseConv2DOptionsT o;
    o.padding = p;
    o.stride_h = sh;
    o.stride_w = sw;
    o.dilation_h_factor = dh;
    o.dilation_w_factor = dw;
    o.depth_multiplier = multiplier;
    o.fused_activation_function = d.pick(activations());
    const double a = d.decades(-1, 0.7), b = d.decades(-1.5, 0);
    const TensorSpec x = activation(d, {batch, h, w, cin}, n, a);
    // Per-tensor hybrid weights: LiteRT reads past the single scale (refused; op_test has the case).
    const TensorSpec f = weights(d, {1, kh, kw, cout}, n, 3, b, n == Numbers::Hybrid);
    const double m = productMagnitude(d, a, b, kh * kw);
    std::vector<TensorSpec> in{x, f};
    const bool withBias = d.chance(0.85);
    if (withBias)
        in.push_back(bias(d, cout, n, x, f, m / 4));
    const TensorSpec y = activation(d, {batch, windowOut(h, kh, sh, dh, p), windowOut(w, kw, sw, dw, p), cout},
        n == Numbers::Hybrid ? Numbers::Float : n, m);
    std::string name = "DEPTHWISE_CONV_2D " + numbersName(n) + " x" + shapeText(x.shape) + " f" + shapeText(f.shape) +
        " m" + std::to_string(multiplier) + " " + windowText(kh, kw, sh, sw, dh, dw, p) + " " +
        actName(o.fused_activation_function) + (withBias ? "" : " no bias") + (f.channelScales.empty() ? "" : " per-channel");
    return OpCase(std::move(name), builtin(Op::DEPTHWISE_CONV_2D, opts(o)), std::move(in), {y});
}

OpCase randomFullyConnected(Dice& d)
{
    const Numbers n = numbers(d);
    const int rank = d.between(2, 4), depth = d.between(1, 40), units = d.between(1, 20);
    std::vector<std::int32_t> shape;
    for (int i = 0; i + 1 < rank; ++i)
        shape.push_back(d.between(1, i == 0 ? 3 : 4));
    shape.push_back(depth);
    tflite::FullyConnectedOptionsT o;
    o.fused_activation_function = d.pick(activations());
    o.keep_num_dims = d.chance(0.3);
    o.asymmetric_quantize_inputs = n == Numbers::Hybrid && d.chance(0.5);
    const double a = d.decades(-1, 0.7), b = d.decades(-1.5, 0);
    const TensorSpec x = activation(d, shape, n, a);
    const TensorSpec f = weights(d, {units, depth}, n, 0, b);
    const double m = productMagnitude(d, a, b, depth);
    std::vector<TensorSpec> in{x, f};
    const bool withBias = d.chance(0.8);
    if (withBias)
        in.push_back(bias(d, units, n, x, f, m / 4));
    o.quantized_bias_type = declaredBiasType(in);
    std::vector<std::int32_t> out;
    if (o.keep_num_dims) {
        out.assign(shape.begin(), shape.end() - 1);
    } else {
        std::int32_t rows = 1;
        for (std::size_t i = 0; i + 1 < shape.size(); ++i)
            rows *= shape[i];
        out.push_back(rows);
    }
    out.push_back(units);
    const TensorSpec y = activation(d, out, n == Numbers::Hybrid ? Numbers::Float : n, m);
    std::string name = "FULLY_CONNECTED " + numbersName(n) + " x" + shapeText(x.shape) + " w" + shapeText(f.shape) +
        " " + actName(o.fused_activation_function) + (o.keep_num_dims ? " keep dims" : "") +
        (o.asymmetric_quantize_inputs ? " asymmetric" : "") + (withBias ? "" : " no bias") +
        (f.channelScales.empty() ? "" : " per-channel");
    return OpCase(std::move(name), builtin(Op::FULLY_CONNECTED, opts(o)), std::move(in), {y});
}

OpCase randomTransposeConv(Dice& d)
{
    const Numbers n = numbers(d);
    const int batch = d.chance(0.2) ? 2 : 1, h = d.between(1, 7), w = d.between(1, 7);
    const int cin = d.between(1, 8), cout = d.between(1, 8);
    const int kh = d.between(1, 4), kw = d.between(1, 4), sh = d.between(1, 3), sw = d.between(1, 3);
    const Pad p = d.chance(0.5) ? Pad::SAME : Pad::VALID;
    const int oh = p == Pad::SAME ? h * sh : (h - 1) * sh + kh, ow = p == Pad::SAME ? w * sw : (w - 1) * sw + kw;
    tflite::TransposeConvOptionsT o;
    o.padding = p;
    o.stride_h = sh;
    o.stride_w = sw;
    o.fused_activation_function = d.chance(0.6) ? Act::NONE : d.pick(activations());
    const double a = d.decades(-1, 0.7), b = d.decades(-1.5, 0);
    const TensorSpec x = activation(d, {batch, h, w, cin}, n, a);
    const TensorSpec f = weights(d, {cout, kh, kw, cin}, n, 0, b);
    const double m = productMagnitude(d, a, b, std::max(1, kh * kw * cin / (sh * sw)));
    std::vector<TensorSpec> in{TensorSpec::constant<std::int32_t>({4}, DT::Int32, {batch, oh, ow, cout}), f, x};
    const bool withBias = d.chance(0.7);
    if (withBias)
        in.push_back(bias(d, cout, n, x, f, m / 4));
    o.quantized_bias_type = declaredBiasType(in);
    const TensorSpec y = activation(d, {batch, oh, ow, cout}, n == Numbers::Hybrid ? Numbers::Float : n, m);
    std::string name = "TRANSPOSE_CONV " + numbersName(n) + " x" + shapeText(x.shape) + " f" + shapeText(f.shape) + " " +
        windowText(kh, kw, sh, sw, 1, 1, p) + " " + actName(o.fused_activation_function) + (withBias ? "" : " no bias") +
        (f.channelScales.empty() ? "" : " per-channel");
    return OpCase(std::move(name), builtin(Op::TRANSPOSE_CONV, opts(o), 3), std::move(in), {y});
}

OpCase randomPool(Dice& d)
{
    const Numbers n = numbers(d, false);
    const bool average = d.chance(0.5);
    const int batch = d.chance(0.2) ? 2 : 1, h = d.between(1, 12), w = d.between(1, 12), c = d.between(1, 10);
    const int kh = d.between(1, 4), kw = d.between(1, 4), sh = d.between(1, 3), sw = d.between(1, 3);
    const Pad p = padding(d, h, w, kh, kw, 1, 1);
    tflite::Pool2DOptionsT o;
    o.padding = p;
    o.stride_h = sh;
    o.stride_w = sw;
    o.filter_height = kh;
    o.filter_width = kw;
    o.fused_activation_function = d.chance(0.6) ? Act::NONE : d.pick(activations());
    const double a = d.decades(-1, 0.7);
    const TensorSpec x = activation(d, {batch, h, w, c}, n, a);
    const std::vector<std::int32_t> out{batch, windowOut(h, kh, sh, 1, p), windowOut(w, kw, sw, 1, p), c};
    const bool same = d.chance(0.7);
    const TensorSpec y = same ? sameAs(x, out) : activation(d, out, n, a);
    std::string name = std::string(average ? "AVERAGE_POOL_2D " : "MAX_POOL_2D ") + numbersName(n) + " x" +
        shapeText(x.shape) + " " + windowText(kh, kw, sh, sw, 1, 1, p) + " " + actName(o.fused_activation_function) +
        (same || n == Numbers::Float ? "" : " rescaling");
    return OpCase(std::move(name), builtin(average ? Op::AVERAGE_POOL_2D : Op::MAX_POOL_2D, opts(o)), {x}, {y});
}

} // namespace ql::test::random_ops
