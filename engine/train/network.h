// SPDX-License-Identifier: MIT
// A small trainable network: the layer list, its shapes and parameters, and the forward and backward
// passes on a chunk of samples (NHWC, float). Fake quantization for quantization-aware training lives
// here too, so the training forward pass is the one the exported integer model approximates.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ql::train {

enum class LayerKind { Reshape, Conv2D, MaxPool2D, AvgPool2D, Flatten, Dense, ReLU, ReLU6, Dropout };

std::string layerKindName(LayerKind k); // "conv2d", "max_pool2d", ...
Result<LayerKind> parseLayerKind(const std::string& name);

struct LayerSpec {
    LayerKind kind = LayerKind::Dense;
    std::vector<int> shape; // Reshape: the target shape of one sample
    int filters = 0; // Conv2D
    int units = 0; // Dense
    int kernelH = 3, kernelW = 3; // Conv2D kernel, or the pooling window
    int strideH = 0, strideW = 0; // 0: 1 for Conv2D, the window for pooling
    bool samePadding = false; // TensorFlow's SAME (else VALID)
    float rate = 0.0f; // Dropout: the fraction of values dropped while training
    std::string describe() const; // "conv2d 12 3x3 stride 1 valid"
};

// 28x28 -> Reshape 28x28x1 -> Conv2D 12 3x3 -> ReLU -> MaxPool 2x2 -> Flatten -> Dense(classes).
std::vector<LayerSpec> classicArchitecture(int classes = 10);

using Shape = std::vector<int>; // one sample, without the batch dimension
std::int64_t elementCount(const Shape& s);
std::string shapeText(const Shape& s); // "26x26x12"

struct Layer {
    LayerSpec spec;
    Shape in, out;
    int strideH = 1, strideW = 1, padTop = 0, padLeft = 0;
    // Conv2D weights [filters, kh, kw, in channels] and Dense weights [units, inputs], as TFLite stores them.
    std::vector<float> weights, bias;
    // Quantization-aware training: this layer's output is a tensor with its own int8 range in the
    // exported integer model (a Conv2D or Dense without a following activation, an activation, ...).
    bool quantPoint = false;
    bool hasParameters() const { return !weights.empty(); }
};

struct ActivationRange {
    bool valid = false;
    float lo = 0, hi = 0;
};

struct Network {
    Shape input;
    std::vector<Layer> layers;
    // Quantization-aware training: when on, weights are fake-quantized (int8 symmetric per output channel)
    // and activations at quantization points fake-quantized (int8 asymmetric) with these ranges:
    // index 0 is the network input, index i + 1 the output of layer i.
    bool fakeQuant = false;
    std::vector<ActivationRange> ranges;

    int classes() const { return static_cast<int>(elementCount(layers.back().out)); }
    std::int64_t parameterCount() const;
    const Shape& shapeAt(int t) const { return t == 0 ? input : layers[static_cast<std::size_t>(t - 1)].out; }
};

// Checks the layer list against the input shape and draws the initial weights (Glorot uniform, zero
// biases) from `seed`.
Result<Network> buildNetwork(const std::vector<LayerSpec>& arch, const Shape& input, std::uint64_t seed);

// Per-chunk scratch memory: activations and their gradients for every tensor, and what the backward
// pass needs from the forward one. Reused across chunks of the same size.
struct Workspace {
    int n = 0;
    std::vector<std::vector<float>> act; // act[t]: n x size of tensor t (0 = input)
    std::vector<std::vector<float>> grad;
    std::vector<std::vector<float>> col; // Conv2D im2col rows
    std::vector<std::vector<std::int32_t>> argmax; // MaxPool2D: source index of each output
    std::vector<std::vector<std::uint8_t>> mask; // per layer, ReLU/Dropout: 1 where the gradient passes
    std::vector<std::vector<std::uint8_t>> fqMask; // per tensor, fake quantization: 1 where not clipped
    std::vector<std::vector<float>> dWeights, dBias;
    std::vector<float> observedLo, observedHi; // per tensor, before fake quantization
};

struct StepContext {
    bool training = false; // dropout on
    std::uint64_t dropoutSeed = 0;
    std::int64_t firstSample = 0; // global index of the chunk's first sample (dropout masks)
    // Fake-quantized weights per layer (empty when fakeQuant is off or the layer has no weights).
    const std::vector<std::vector<float>>* quantWeights = nullptr;
};

// Weights as the integer model will see them: int8 symmetric per output channel, dequantized.
std::vector<std::vector<float>> fakeQuantWeights(const Network& net);

// Forward pass over n samples (x: n x input size). Returns the logits (n x classes) in ws.act.back().
void forward(const Network& net, const float* x, int n, Workspace& ws, const StepContext& ctx);

struct LossResult {
    double lossSum = 0; // summed over the chunk
    int correct = 0;
};

// Softmax cross-entropy on the logits of the last forward pass and backward pass: gradients of the
// loss averaged over `batchSize` samples are written to ws.dWeights / ws.dBias.
LossResult backward(
    const Network& net, const std::int32_t* labels, int n, int batchSize, Workspace& ws, const StepContext& ctx);

} // namespace ql::train
