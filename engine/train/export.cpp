// SPDX-License-Identifier: MIT
#include "train/export.h"

#include "model/transform.h"

#include <cstring>

namespace ql::train {

namespace {

class GraphBuilder {
public:
    GraphBuilder()
    {
        m_g.version = 3;
        m_g.buffers.emplace_back(); // buffer 0: empty
        m_g.subgraphs.emplace_back();
        m_g.subgraphs[0].name = "main";
    }

    model::Subgraph& sg() { return m_g.subgraphs[0]; }

    int tensor(const std::string& name, std::vector<std::int32_t> shape, model::DType dtype = model::DType::Float32)
    {
        model::Tensor t;
        t.name = name;
        t.dtype = dtype;
        t.shape = std::move(shape);
        t.hasRank = true;
        sg().tensors.push_back(std::move(t));
        return static_cast<int>(sg().tensors.size() - 1);
    }

    template <class T>
    int constant(const std::string& name, std::vector<std::int32_t> shape, model::DType dtype, const std::vector<T>& v)
    {
        const int t = tensor(name, std::move(shape), dtype);
        std::vector<std::uint8_t> bytes(v.size() * sizeof(T));
        std::memcpy(bytes.data(), v.data(), bytes.size());
        sg().tensors[static_cast<std::size_t>(t)].buffer = model::addOwnedBuffer(m_g, std::move(bytes));
        return t;
    }

    void op(tflite::BuiltinOperator code, std::vector<std::int32_t> inputs, int output)
    {
        model::Operator o;
        o.opcodeIndex = model::opcodeIndexFor(m_g, code, 1);
        o.inputs = std::move(inputs);
        o.outputs = {output};
        sg().operators.push_back(std::move(o));
    }

    template <class Options>
    void op(tflite::BuiltinOperator code, std::vector<std::int32_t> inputs, int output, Options options)
    {
        op(code, std::move(inputs), output);
        sg().operators.back().options.Set(std::move(options));
    }

    model::Graph take() { return std::move(m_g); }

private:
    model::Graph m_g;
};

tflite::ActivationFunctionType fusedActivation(const Network& net, std::size_t& i)
{
    // A weighted layer followed (past dropout, which exports as nothing) by ReLU/ReLU6 takes it in.
    std::size_t j = i + 1;
    while (j < net.layers.size() && net.layers[j].spec.kind == LayerKind::Dropout)
        ++j;
    if (j < net.layers.size()) {
        if (net.layers[j].spec.kind == LayerKind::ReLU) {
            i = j;
            return tflite::ActivationFunctionType::RELU;
        }
        if (net.layers[j].spec.kind == LayerKind::ReLU6) {
            i = j;
            return tflite::ActivationFunctionType::RELU6;
        }
    }
    return tflite::ActivationFunctionType::NONE;
}

std::vector<std::int32_t> batched(int batch, const Shape& s)
{
    std::vector<std::int32_t> out{batch};
    out.insert(out.end(), s.begin(), s.end());
    return out;
}

} // namespace

Result<model::Graph> toGraph(const Network& net, const ExportOptions& o)
{
    if (o.batch < 1)
        return Error{"the batch size of an exported model must be at least 1"};
    GraphBuilder b;
    const bool ranges = o.recordRanges && net.fakeQuant;
    auto record = [&](int tensor, std::size_t rangeIndex) {
        if (!ranges || !net.ranges[rangeIndex].valid)
            return;
        auto& q = b.sg().tensors[static_cast<std::size_t>(tensor)].quantization;
        q.min = {net.ranges[rangeIndex].lo};
        q.max = {net.ranges[rangeIndex].hi};
    };
    int cur = b.tensor("input", batched(o.batch, net.input));
    b.sg().inputs = {cur};
    record(cur, 0);
    std::size_t lastRange = 0; // the range the current tensor carries (shared through reshapes and pooling)
    for (std::size_t i = 0; i < net.layers.size(); ++i) {
        const Layer& l = net.layers[i];
        const std::string name = "layer" + std::to_string(i) + "_" + layerKindName(l.spec.kind);
        switch (l.spec.kind) {
        case LayerKind::Dropout: continue; // nothing at inference
        case LayerKind::Reshape:
        case LayerKind::Flatten: {
            const auto shape = batched(o.batch, l.out);
            const int s =
                b.constant(name + "/shape", {static_cast<std::int32_t>(shape.size())}, model::DType::Int32, shape);
            const int out = b.tensor(name, shape);
            tflite::ReshapeOptionsT opt;
            opt.new_shape = shape;
            b.op(tflite::BuiltinOperator::RESHAPE, {cur, s}, out, opt);
            cur = out;
            break;
        }
        case LayerKind::Conv2D: {
            const int w = b.constant(name + "/weights", {l.spec.filters, l.spec.kernelH, l.spec.kernelW, l.in[2]},
                model::DType::Float32, l.weights);
            const int bias = b.constant(name + "/bias", {l.spec.filters}, model::DType::Float32, l.bias);
            std::size_t last = i;
            tflite::Conv2DOptionsT opt;
            opt.padding = l.spec.samePadding ? tflite::Padding::SAME : tflite::Padding::VALID;
            opt.stride_h = l.strideH;
            opt.stride_w = l.strideW;
            opt.dilation_h_factor = opt.dilation_w_factor = 1;
            opt.fused_activation_function = fusedActivation(net, last);
            const int out = b.tensor(name, batched(o.batch, l.out));
            b.op(tflite::BuiltinOperator::CONV_2D, {cur, w, bias}, out, opt);
            cur = out;
            i = last;
            lastRange = i + 1;
            break;
        }
        case LayerKind::Dense: {
            const int w = b.constant(name + "/weights", {l.spec.units, l.in[0]}, model::DType::Float32, l.weights);
            const int bias = b.constant(name + "/bias", {l.spec.units}, model::DType::Float32, l.bias);
            std::size_t last = i;
            tflite::FullyConnectedOptionsT opt;
            opt.fused_activation_function = fusedActivation(net, last);
            const int out = b.tensor(name, {o.batch, l.spec.units});
            b.op(tflite::BuiltinOperator::FULLY_CONNECTED, {cur, w, bias}, out, opt);
            cur = out;
            i = last;
            lastRange = i + 1;
            break;
        }
        case LayerKind::MaxPool2D:
        case LayerKind::AvgPool2D: {
            tflite::Pool2DOptionsT opt;
            opt.padding = l.spec.samePadding ? tflite::Padding::SAME : tflite::Padding::VALID;
            opt.stride_h = l.strideH;
            opt.stride_w = l.strideW;
            opt.filter_height = l.spec.kernelH;
            opt.filter_width = l.spec.kernelW;
            const int out = b.tensor(name, batched(o.batch, l.out));
            b.op(l.spec.kind == LayerKind::MaxPool2D ? tflite::BuiltinOperator::MAX_POOL_2D
                                                     : tflite::BuiltinOperator::AVERAGE_POOL_2D,
                {cur}, out, opt);
            cur = out;
            break;
        }
        case LayerKind::ReLU:
        case LayerKind::ReLU6: {
            const int out = b.tensor(name, batched(o.batch, l.out));
            b.op(l.spec.kind == LayerKind::ReLU ? tflite::BuiltinOperator::RELU : tflite::BuiltinOperator::RELU6, {cur},
                out);
            cur = out;
            lastRange = i + 1;
            break;
        }
        }
        record(cur, lastRange);
    }
    b.sg().tensors[static_cast<std::size_t>(cur)].name = "logits";
    if (o.softmax) {
        const int out = b.tensor("probabilities", {o.batch, net.classes()});
        tflite::SoftmaxOptionsT opt;
        opt.beta = 1.0f;
        b.op(tflite::BuiltinOperator::SOFTMAX, {cur}, out, opt);
        cur = out;
    }
    b.sg().outputs = {cur};
    model::Graph g = b.take();
    g.description = !o.description.empty() ? o.description : "QuantLens trainer";
    return g;
}

} // namespace ql::train
