// SPDX-License-Identifier: MIT
// The layer list: names, descriptions, the classic architecture, shape checking and initial weights.
#include "train/network.h"

#include "train/random.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace ql::train {

namespace {

struct KindName {
    LayerKind kind;
    const char* name;
};
constexpr KindName kKindNames[] = {{LayerKind::Reshape, "reshape"}, {LayerKind::Conv2D, "conv2d"},
    {LayerKind::MaxPool2D, "max_pool2d"}, {LayerKind::AvgPool2D, "average_pool2d"}, {LayerKind::Flatten, "flatten"},
    {LayerKind::Dense, "dense"}, {LayerKind::ReLU, "relu"}, {LayerKind::ReLU6, "relu6"},
    {LayerKind::Dropout, "dropout"}};

bool isPool(LayerKind k)
{
    return k == LayerKind::MaxPool2D || k == LayerKind::AvgPool2D;
}
bool isActivation(LayerKind k)
{
    return k == LayerKind::ReLU || k == LayerKind::ReLU6;
}

// Output size and leading padding of a window sliding over `in` (TensorFlow's VALID / SAME).
Result<std::pair<int, int>> slide(int in, int window, int stride, bool same)
{
    if (same) {
        const int out = (in + stride - 1) / stride;
        const int total = std::max((out - 1) * stride + window - in, 0);
        return std::pair{out, total / 2};
    }
    if (in < window)
        return Error{"a window of " + std::to_string(window) + " does not fit in " + std::to_string(in) +
            " (use same padding or a smaller window)"};
    return std::pair{(in - window) / stride + 1, 0};
}

void glorotUniform(std::vector<float>& w, int fanIn, int fanOut, SplitMix64& rng)
{
    const float limit = std::sqrt(6.0f / static_cast<float>(fanIn + fanOut));
    for (float& v : w)
        v = (2.0f * rng.uniform() - 1.0f) * limit;
}

} // namespace

std::string layerKindName(LayerKind k)
{
    for (const auto& kn : kKindNames)
        if (kn.kind == k)
            return kn.name;
    return "?";
}

Result<LayerKind> parseLayerKind(const std::string& name)
{
    std::string lower;
    for (char c : name)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& kn : kKindNames)
        if (lower == kn.name)
            return kn.kind;
    // Keras spellings
    if (lower == "maxpooling2d" || lower == "maxpool2d" || lower == "max_pooling2d")
        return LayerKind::MaxPool2D;
    if (lower == "averagepooling2d" || lower == "avgpool2d" || lower == "average_pooling2d")
        return LayerKind::AvgPool2D;
    std::string known;
    for (const auto& kn : kKindNames)
        known += (known.empty() ? "" : ", ") + std::string(kn.name);
    return Error{"unknown layer type '" + name + "' (known: " + known + ")"};
}

std::string LayerSpec::describe() const
{
    std::string s = layerKindName(kind);
    switch (kind) {
    case LayerKind::Reshape: s += " " + shapeText(shape); break;
    case LayerKind::Conv2D:
        s += " " + std::to_string(filters) + " " + std::to_string(kernelH) + "x" + std::to_string(kernelW);
        break;
    case LayerKind::MaxPool2D:
    case LayerKind::AvgPool2D: s += " " + std::to_string(kernelH) + "x" + std::to_string(kernelW); break;
    case LayerKind::Dense: s += " " + std::to_string(units); break;
    case LayerKind::Dropout: s += " " + std::to_string(rate); break;
    default: break;
    }
    if (kind == LayerKind::Conv2D || isPool(kind)) {
        if (strideH > 0 && (strideH != (kind == LayerKind::Conv2D ? 1 : kernelH) || strideW != strideH))
            s += " stride " + std::to_string(strideH) + "x" + std::to_string(strideW);
        s += samePadding ? " same" : " valid";
    }
    return s;
}

std::vector<LayerSpec> classicArchitecture(int classes)
{
    std::vector<LayerSpec> a(6);
    a[0].kind = LayerKind::Reshape;
    a[0].shape = {28, 28, 1};
    a[1].kind = LayerKind::Conv2D;
    a[1].filters = 12;
    a[2].kind = LayerKind::ReLU;
    a[3].kind = LayerKind::MaxPool2D;
    a[3].kernelH = a[3].kernelW = 2;
    a[4].kind = LayerKind::Flatten;
    a[5].kind = LayerKind::Dense;
    a[5].units = classes;
    return a;
}

std::int64_t elementCount(const Shape& s)
{
    std::int64_t n = 1;
    for (int d : s)
        n *= d;
    return n;
}

std::string shapeText(const Shape& s)
{
    std::string t;
    for (std::size_t i = 0; i < s.size(); ++i)
        t += (i ? "x" : "") + std::to_string(s[i]);
    return t.empty() ? "scalar" : t;
}

std::int64_t Network::parameterCount() const
{
    std::int64_t n = 0;
    for (const auto& l : layers)
        n += static_cast<std::int64_t>(l.weights.size() + l.bias.size());
    return n;
}

Result<Network> buildNetwork(const std::vector<LayerSpec>& arch, const Shape& input, std::uint64_t seed)
{
    if (arch.empty())
        return Error{"the architecture has no layers"};
    if (input.empty() || elementCount(input) <= 0)
        return Error{"the input shape " + shapeText(input) + " is empty"};
    Network net;
    net.input = input;
    SplitMix64 rng(mixSeed(seed, 0x7e1a));
    Shape cur = input;
    for (std::size_t i = 0; i < arch.size(); ++i) {
        Layer l;
        l.spec = arch[i];
        l.in = cur;
        const LayerSpec& s = l.spec;
        auto fail = [&](const std::string& msg) {
            return Error{
                "layer " + std::to_string(i) + " (" + s.describe() + ") on input " + shapeText(cur) + ": " + msg};
        };
        switch (s.kind) {
        case LayerKind::Reshape: {
            Shape target = s.shape;
            const auto unknown = std::count(target.begin(), target.end(), -1);
            std::int64_t known = 1;
            for (int d : target)
                if (d != -1) {
                    if (d <= 0)
                        return fail("dimensions must be positive or -1");
                    known *= d;
                }
            if (unknown > 1 || target.empty())
                return fail("give a shape with at most one -1");
            if (unknown == 1) {
                if (elementCount(cur) % known != 0)
                    return fail(
                        "cannot reshape " + std::to_string(elementCount(cur)) + " values into " + shapeText(target));
                *std::find(target.begin(), target.end(), -1) = static_cast<int>(elementCount(cur) / known);
            }
            if (elementCount(target) != elementCount(cur))
                return fail(
                    "cannot reshape " + std::to_string(elementCount(cur)) + " values into " + shapeText(target));
            l.out = target;
            break;
        }
        case LayerKind::Flatten: l.out = {static_cast<int>(elementCount(cur))}; break;
        case LayerKind::Conv2D:
        case LayerKind::MaxPool2D:
        case LayerKind::AvgPool2D: {
            if (cur.size() != 3)
                return fail("needs a height x width x channels input (add a reshape layer)");
            if (s.kernelH <= 0 || s.kernelW <= 0)
                return fail("the window must be at least 1x1");
            const bool conv = s.kind == LayerKind::Conv2D;
            l.strideH = s.strideH > 0 ? s.strideH : (conv ? 1 : s.kernelH);
            l.strideW = s.strideW > 0 ? s.strideW : (conv ? 1 : s.kernelW);
            auto y = slide(cur[0], s.kernelH, l.strideH, s.samePadding);
            auto x = slide(cur[1], s.kernelW, l.strideW, s.samePadding);
            if (!y)
                return fail(y.error().message);
            if (!x)
                return fail(x.error().message);
            l.padTop = y->second;
            l.padLeft = x->second;
            if (conv) {
                if (s.filters <= 0)
                    return fail("needs filters >= 1");
                l.out = {y->first, x->first, s.filters};
                const int fanIn = s.kernelH * s.kernelW * cur[2];
                l.weights.resize(static_cast<std::size_t>(s.filters) * static_cast<std::size_t>(fanIn));
                glorotUniform(l.weights, fanIn, s.kernelH * s.kernelW * s.filters, rng);
                l.bias.assign(static_cast<std::size_t>(s.filters), 0.0f);
            } else {
                l.out = {y->first, x->first, cur[2]};
            }
            break;
        }
        case LayerKind::Dense: {
            if (cur.size() != 1)
                return fail("needs a flat input (add a flatten layer)");
            if (s.units <= 0)
                return fail("needs units >= 1");
            l.out = {s.units};
            l.weights.resize(static_cast<std::size_t>(s.units) * static_cast<std::size_t>(cur[0]));
            glorotUniform(l.weights, cur[0], s.units, rng);
            l.bias.assign(static_cast<std::size_t>(s.units), 0.0f);
            break;
        }
        case LayerKind::ReLU:
        case LayerKind::ReLU6: l.out = cur; break;
        case LayerKind::Dropout:
            if (!(s.rate >= 0.0f && s.rate < 1.0f))
                return fail("the rate must be in [0, 1)");
            l.out = cur;
            break;
        }
        cur = l.out;
        net.layers.push_back(std::move(l));
    }
    if (!net.layers.back().hasParameters() && net.layers.back().spec.kind != LayerKind::Dropout &&
        net.layers.back().spec.kind != LayerKind::Flatten && net.layers.back().spec.kind != LayerKind::Reshape)
        return Error{"the last layer must give the class scores (a dense layer without an activation), not " +
            net.layers.back().spec.describe()};
    if (net.layers.back().out.size() != 1 || net.layers.back().out[0] < 2)
        return Error{"the network must end in a flat vector of at least 2 class scores, not " +
            shapeText(net.layers.back().out)};
    // Quantization points: where the exported integer model has a tensor with its own range. A weighted
    // layer followed (past dropout) by an activation is fused with it; reshapes, pooling and dropout keep
    // the range of their input.
    for (std::size_t i = 0; i < net.layers.size(); ++i) {
        Layer& l = net.layers[i];
        if (isActivation(l.spec.kind)) {
            l.quantPoint = true;
        } else if (l.hasParameters()) {
            std::size_t j = i + 1;
            while (j < net.layers.size() && net.layers[j].spec.kind == LayerKind::Dropout)
                ++j;
            l.quantPoint = !(j < net.layers.size() && isActivation(net.layers[j].spec.kind));
        }
    }
    net.ranges.assign(net.layers.size() + 1, {});
    return net;
}

} // namespace ql::train
