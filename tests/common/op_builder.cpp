// SPDX-License-Identifier: MIT
#include "common/op_builder.h"

#include <limits>

namespace ql::test {

model::Graph singleOpGraph(const OpSpec& spec, const std::vector<TensorSpec>& inputs, const std::vector<TensorSpec>& outputs)
{
    model::Graph g;
    g.version = 3;
    g.description = "QuantLens kernel test";
    g.opcodes.push_back({spec.op, spec.customCode, spec.version});
    g.buffers.emplace_back(); // buffer 0: empty
    model::Subgraph sg;
    model::Operator o;
    o.opcodeIndex = 0;
    o.options = spec.options;
    o.options2 = spec.options2;
    o.customOptions = spec.customOptions;
    auto add = [&](const TensorSpec& s, const std::string& name) {
        model::Tensor t;
        t.name = name;
        t.dtype = s.dtype;
        t.shape = s.shape;
        if (s.scale > 0) {
            t.quantization.scale = {s.scale};
            t.quantization.zeroPoint = {s.zeroPoint};
        }
        if (!s.channelScales.empty()) {
            t.quantization.scale = s.channelScales;
            t.quantization.zeroPoint = s.channelZeroPoints;
            t.quantization.zeroPoint.resize(s.channelScales.size(), 0);
            t.quantization.quantizedDimension = s.channelAxis;
        }
        if (!s.data.empty()) {
            t.buffer = static_cast<std::uint32_t>(g.buffers.size());
            g.buffers.push_back(model::Buffer::fromOwned(s.data));
        }
        sg.tensors.push_back(std::move(t));
        return static_cast<std::int32_t>(sg.tensors.size() - 1);
    };
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const auto idx = add(inputs[i], "in" + std::to_string(i));
        o.inputs.push_back(idx);
        if (inputs[i].data.empty())
            sg.inputs.push_back(idx);
    }
    for (std::size_t i = 0; i < outputs.size(); ++i) {
        const auto idx = add(outputs[i], "out" + std::to_string(i));
        o.outputs.push_back(idx);
        sg.outputs.push_back(idx);
    }
    sg.operators.push_back(std::move(o));
    g.subgraphs.push_back(std::move(sg));
    return g;
}

model::Graph singleOpGraph(tflite::BuiltinOperator op, const tflite::BuiltinOptionsUnion& options,
    const std::vector<TensorSpec>& inputs, const std::vector<TensorSpec>& outputs, int version)
{
    OpSpec s;
    s.op = op;
    s.options = options;
    s.version = version;
    return singleOpGraph(s, inputs, outputs);
}

namespace {

template <class T> void fillIntegers(std::vector<std::uint8_t>& out, std::int64_t n, double lo, double hi, std::mt19937& rng)
{
    const bool full = lo > hi;
    const auto a = full ? static_cast<std::int64_t>(std::numeric_limits<T>::min()) : static_cast<std::int64_t>(lo);
    const auto b = full ? static_cast<std::int64_t>(std::numeric_limits<T>::max()) : static_cast<std::int64_t>(hi);
    std::uniform_int_distribution<std::int64_t> d(a, b);
    for (std::int64_t i = 0; i < n; ++i) {
        const auto v = static_cast<T>(d(rng));
        std::memcpy(out.data() + i * static_cast<std::int64_t>(sizeof(T)), &v, sizeof(T));
    }
}

} // namespace

std::vector<std::uint8_t> randomInput(const TensorSpec& spec, std::mt19937& rng)
{
    std::int64_t n = 1;
    for (const auto d : spec.shape)
        n *= d;
    using DT = model::DType;
    std::vector<std::uint8_t> out(static_cast<std::size_t>(std::max<std::int64_t>(model::denseBytes(spec.dtype, n), 0)));
    switch (spec.dtype) {
    case DT::Float32:
    case DT::Complex64: {
        const std::int64_t count = spec.dtype == DT::Complex64 ? 2 * n : n;
        std::uniform_real_distribution<float> d(spec.lo > spec.hi ? -4.0f : static_cast<float>(spec.lo),
            spec.lo > spec.hi ? 4.0f : static_cast<float>(spec.hi));
        for (std::int64_t i = 0; i < count; ++i) {
            const float v = d(rng);
            std::memcpy(out.data() + i * 4, &v, 4);
        }
        break;
    }
    case DT::Int8: fillIntegers<std::int8_t>(out, n, spec.lo, spec.hi, rng); break;
    case DT::UInt8: fillIntegers<std::uint8_t>(out, n, spec.lo, spec.hi, rng); break;
    case DT::Int16: fillIntegers<std::int16_t>(out, n, spec.lo, spec.hi, rng); break;
    case DT::Int32: fillIntegers<std::int32_t>(out, n, spec.lo > spec.hi ? -100 : spec.lo, spec.lo > spec.hi ? 100 : spec.hi, rng); break;
    case DT::Int64: fillIntegers<std::int64_t>(out, n, spec.lo > spec.hi ? -100 : spec.lo, spec.lo > spec.hi ? 100 : spec.hi, rng); break;
    case DT::UInt16: fillIntegers<std::uint16_t>(out, n, spec.lo, spec.hi, rng); break;
    case DT::UInt32: fillIntegers<std::uint32_t>(out, n, spec.lo, spec.hi, rng); break;
    case DT::Bool: fillIntegers<std::uint8_t>(out, n, 0, 1, rng); break;
    case DT::Float64: {
        std::uniform_real_distribution<double> d(spec.lo > spec.hi ? -4.0 : spec.lo, spec.lo > spec.hi ? 4.0 : spec.hi);
        for (std::int64_t i = 0; i < n; ++i) {
            const double v = d(rng);
            std::memcpy(out.data() + i * 8, &v, 8);
        }
        break;
    }
    default: break;
    }
    return out;
}

} // namespace ql::test
