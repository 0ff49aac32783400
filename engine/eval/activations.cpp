// SPDX-License-Identifier: MIT
#include "eval/activations.h"

#include "eval/scores.h"

#include "exec/interpreter.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace ql::eval {

namespace {

// Quantize-dequantize with an affine scheme, rounding half away from zero as TFLite's QUANTIZE.
std::vector<float> fakeQuant(const std::vector<float>& x, float scale, float zp, float qmin, float qmax)
{
    std::vector<float> y(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        y[i] = (std::clamp(std::round(x[i] / scale) + zp, qmin, qmax) - zp) * scale;
    return y;
}

struct Range {
    float qmin = 0, qmax = 0;
};

Range codes(model::DType t)
{
    switch (t) {
    case model::DType::Int8: return {-128, 127};
    case model::DType::UInt8: return {0, 255};
    case model::DType::Int16: return {-32768, 32767};
    default: return {0, 0};
    }
}

} // namespace

Result<ActivationMeasure> measureActivations(const model::Graph& floatGraph, const model::Graph& quantized,
    const data::SampleSet& data, const ActivationOptions& o, std::int64_t first, std::int64_t count,
    const std::function<void(std::vector<ActivationSampleStats>&&)>& sink,
    const std::function<void(std::int64_t, std::int64_t)>& progress, const std::atomic<bool>* cancel)
{
    exec::InterpreterOptions io;
    io.keepIntermediates = true;
    if (floatGraph.main().inputs.size() == 1) {
        const auto& in = floatGraph.main().tensors[static_cast<std::size_t>(floatGraph.main().inputs[0])];
        if (auto shape = data::inputShapeFor(data, in); shape && *shape != in.shape)
            io.inputShapes = {*shape};
    }
    auto fi = exec::Interpreter::create(std::make_shared<const model::Graph>(floatGraph), io);
    if (!fi)
        return withContext("float model", fi.error());
    auto qi = exec::Interpreter::create(std::make_shared<const model::Graph>(quantized), io);
    if (!qi)
        return withContext("quantized model", qi.error());
    if ((*fi)->inputCount() != 1 || (*qi)->inputCount() != 1)
        return Error{"activation analysis needs a model with one input"};
    if ((*fi)->input(0).dtype != model::DType::Float32 || (*qi)->input(0).dtype != model::DType::Float32)
        return Error{"activation analysis needs float inputs (quantize with float I/O)"};
    const auto perSample = static_cast<std::size_t>(data.sampleSize()) * 4;
    if (static_cast<std::size_t>((*fi)->input(0).bytes) != perSample)
        return Error{"the samples have " + std::to_string(data.sampleSize()) + " values, the model input takes " +
            std::to_string((*fi)->input(0).count())};

    const model::Subgraph& fs = floatGraph.main();
    const model::Subgraph& qs = quantized.main();
    std::map<std::string, int> byName;
    for (std::size_t t = 0; t < qs.tensors.size(); ++t)
        if (!quantized.isConstant(qs.tensors[t]))
            byName.emplace(qs.tensors[t].name, static_cast<int>(t));
    // The quantized tensor standing for a float tensor: its integer version if there is one.
    auto match = [&](const std::string& name) -> int {
        for (const char* suffix : {"", "_float", "_int8", "_int16", "_uint8"}) {
            const auto it = byName.find(name + suffix);
            if (it != byName.end() && qs.tensors[static_cast<std::size_t>(it->second)].quantization.hasScale())
                return it->second;
        }
        const auto it = byName.find(name);
        return it == byName.end() ? -1 : it->second;
    };
    // Dynamic range: the activations that hybrid operators quantize on the fly (symmetric int8 per run).
    std::vector<bool> hybridInput(fs.tensors.size(), false);
    if (o.mode == passes::Mode::Dynamic)
        for (const auto& op : fs.operators)
            if (const auto slot = passes::weightSlot(floatGraph.opcodeOf(op)); slot &&
                static_cast<int>(op.inputs.size()) > slot->weight &&
                op.inputs[static_cast<std::size_t>(slot->weight)] >= 0 &&
                fs.tensors[static_cast<std::size_t>(op.inputs[static_cast<std::size_t>(slot->weight)])]
                        .elementCount() >= o.dynamicMinElements)
                hybridInput[static_cast<std::size_t>(op.inputs[static_cast<std::size_t>(slot->activation)])] = true;

    struct Work {
        ActivationLayer layer;
        int qTensor = -1;
    };
    std::vector<Work> work;
    for (std::size_t k = 0; k < fs.operators.size(); ++k) {
        const auto& op = fs.operators[k];
        if (op.outputs.empty() || op.outputs[0] < 0)
            continue;
        const int t = op.outputs[0];
        const auto& ft = fs.tensors[static_cast<std::size_t>(t)];
        if (ft.dtype != model::DType::Float32)
            continue;
        Work w;
        w.layer.op = static_cast<int>(k);
        w.layer.opName = floatGraph.opName(op);
        w.layer.tensor = t;
        w.layer.name = ft.name;
        w.qTensor = match(ft.name);
        if (w.qTensor < 0)
            continue; // folded away by the quantizer
        const auto& qt = qs.tensors[static_cast<std::size_t>(w.qTensor)];
        w.layer.dtype = model::dtypeName(qt.dtype);
        if (qt.quantization.scale.size() == 1 && codes(qt.dtype).qmax > 0) {
            w.layer.hasRange = true;
            w.layer.scale = qt.quantization.scale[0];
            w.layer.zeroPoint = qt.quantization.zeroPoint.empty() ? 0 : qt.quantization.zeroPoint[0];
            const Range r = codes(qt.dtype);
            w.layer.rangeLo = (r.qmin - static_cast<float>(w.layer.zeroPoint)) * w.layer.scale;
            w.layer.rangeHi = (r.qmax - static_cast<float>(w.layer.zeroPoint)) * w.layer.scale;
        }
        work.push_back(std::move(w));
    }

    const std::int64_t n = std::min(count, data.count);
    if (n <= 0)
        return Error{"no samples to analyze activations on"};
    ActivationMeasure m;
    for (const auto& w : work)
        m.layers.push_back(w.layer);
    m.kept.resize(work.size());
    for (std::int64_t i = 0; i < n; ++i) {
        if (cancel && cancel->load())
            return Error{"activation analysis cancelled"};
        const std::span bytes(reinterpret_cast<const std::uint8_t*>(data.sample(i)), perSample);
        for (auto* it : {&*fi, &*qi}) {
            if (auto s = (*it)->setInput(0, model::DType::Float32, bytes); !s)
                return s.error();
            if (auto s = (*it)->invoke(); !s)
                return withContext("sample " + std::to_string(first + i), s.error());
        }
        std::vector<ActivationSampleStats> stats(work.size());
        for (std::size_t k = 0; k < work.size(); ++k) {
            const Work& w = work[k];
            ActivationSampleStats& st = stats[k];
            const auto& fx = (*fi)->tensor(w.layer.tensor);
            const auto& qx = (*qi)->tensor(w.qTensor);
            if (!fx.data || !qx.data || fx.count() != qx.count())
                continue;
            const std::vector<float> x = realValues(fx), y = realValues(qx);
            st.propagated.add(x, y, w.layer.hasRange ? w.layer.scale : 0.0f);
            if (w.layer.hasRange) {
                const Range r = codes(qs.tensors[static_cast<std::size_t>(w.qTensor)].dtype);
                st.local.add(x, fakeQuant(x, w.layer.scale, static_cast<float>(w.layer.zeroPoint), r.qmin, r.qmax),
                    w.layer.scale);
                for (float v : x)
                    st.clipped +=
                        v < w.layer.rangeLo - 0.5f * w.layer.scale || v > w.layer.rangeHi + 0.5f * w.layer.scale;
            } else if (hybridInput[static_cast<std::size_t>(w.layer.tensor)]) {
                float mx = 0;
                for (float v : x)
                    mx = std::max(mx, std::abs(v));
                const float s = mx > 0 ? mx / 127.0f : 1.0f;
                st.local.add(x, fakeQuant(x, s, 0, -127, 127), s);
            } else {
                st.local.add(x, x);
            }
            st.total = static_cast<std::int64_t>(x.size());
            if (first + i < 4)
                m.kept[k].insert(m.kept[k].end(), x.begin(), x.end());
        }
        sink(std::move(stats));
        if (progress)
            progress(i + 1, n);
    }
    return m;
}

void foldSample(std::vector<ActivationSampleStats>& totals, const std::vector<ActivationSampleStats>& sample)
{
    if (totals.empty())
        totals.resize(sample.size());
    for (std::size_t k = 0; k < sample.size() && k < totals.size(); ++k) {
        totals[k].local.merge(sample[k].local);
        totals[k].propagated.merge(sample[k].propagated);
        totals[k].clipped += sample[k].clipped;
        totals[k].total += sample[k].total;
    }
}

std::vector<ActivationLayer> finishActivations(
    ActivationMeasure m, const std::vector<ActivationSampleStats>& totals, int bins)
{
    std::vector<ActivationLayer> out;
    for (std::size_t k = 0; k < m.layers.size(); ++k) {
        ActivationLayer layer = std::move(m.layers[k]);
        const ActivationSampleStats none;
        const ActivationSampleStats& t = k < totals.size() ? totals[k] : none;
        layer.local = t.local.result();
        layer.propagated = t.propagated.result();
        layer.clippedFraction = t.total > 0 ? static_cast<double>(t.clipped) / static_cast<double>(t.total) : 0.0;
        float lo = layer.hasRange ? layer.rangeLo : std::numeric_limits<float>::infinity();
        float hi = layer.hasRange ? layer.rangeHi : -std::numeric_limits<float>::infinity();
        const std::vector<float>& kept = m.kept[k];
        for (float v : kept) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        if (lo > hi)
            lo = hi = 0;
        layer.histogram = histogram(kept, lo, hi, bins);
        out.push_back(std::move(layer));
    }
    return out;
}

Result<std::vector<ActivationLayer>> analyzeActivations(const model::Graph& floatGraph, const model::Graph& quantized,
    const data::SampleSet& data, const ActivationOptions& o,
    const std::function<void(std::int64_t, std::int64_t)>& progress, const std::atomic<bool>* cancel)
{
    std::vector<ActivationSampleStats> totals;
    auto m = measureActivations(floatGraph, quantized, data, o, 0, o.samples,
        [&](std::vector<ActivationSampleStats>&& sample) { foldSample(totals, sample); }, progress, cancel);
    if (!m)
        return m.error();
    return finishActivations(std::move(*m), totals, o.bins);
}

} // namespace ql::eval
