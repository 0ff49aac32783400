// SPDX-License-Identifier: MIT
#include "eval/evaluate.h"

#include "target/micro_arena.h"

#include "eval/scores.h"

#include "eval/weights.h"
#include "exec/interpreter.h"
#include "model/summary.h"
#include "model/writer.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstring>
#include <map>
#include <sstream>

namespace ql::eval {

namespace {

double percentile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto k = static_cast<std::size_t>(
        std::min<double>(static_cast<double>(v.size() - 1), q * static_cast<double>(v.size() - 1) + 0.5));
    return v[k];
}

double medianLatency(const model::Graph& g, const data::SampleSet& data, int runs)
{
    auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(g));
    if (!it || runs <= 0)
        return 0;
    const exec::RtTensor& in = (*it)->input(0);
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(in.bytes), 0);
    if (in.dtype == model::DType::Float32 && static_cast<std::int64_t>(bytes.size()) >= data.sampleSize() * 4)
        std::memcpy(bytes.data(), data.sample(0), static_cast<std::size_t>(data.sampleSize()) * 4);
    if (!(*it)->setInput(0, in.dtype, bytes) || !(*it)->invoke())
        return 0;
    std::vector<double> ms;
    for (int r = 0; r < runs; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        if (!(*it)->invoke())
            return 0;
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    return percentile(ms, 0.5);
}

// The likely causes of a collapse, from the mode's weight analysis and the model's parameters.
// Activations of the float model that fall outside the range their quantized tensor can hold (matched by
// tensor name), on up to 32 samples: the sign of calibration data unlike the evaluation data.
std::vector<std::string> clippedActivations(
    const model::Graph& floatGraph, const model::Graph& q, const data::SampleSet& data)
{
    std::map<std::string, const model::Tensor*> quantized;
    for (const auto& t : q.main().tensors)
        if (!q.isConstant(t) && t.quantization.scale.size() == 1 &&
            (t.dtype == model::DType::Int8 || t.dtype == model::DType::Int16 || t.dtype == model::DType::UInt8)) {
            quantized[t.name] = &t;
            // The quantized copy of a float graph input is named after it.
            for (const char* suffix : {"_int8", "_int16", "_uint8"})
                if (t.name.size() > std::strlen(suffix) && t.name.ends_with(suffix))
                    quantized.emplace(t.name.substr(0, t.name.size() - std::strlen(suffix)), &t);
        }
    exec::InterpreterOptions io;
    io.keepIntermediates = true;
    auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(floatGraph), io);
    if (!it || (*it)->input(0).dtype != model::DType::Float32)
        return {};
    const auto& sg = floatGraph.main();
    std::vector<std::int64_t> outside(sg.tensors.size(), 0), total(sg.tensors.size(), 0);
    const std::int64_t n = std::min<std::int64_t>(32, data.count);
    const auto perSample = static_cast<std::size_t>(data.sampleSize()) * 4;
    for (std::int64_t i = 0; i < n; ++i) {
        if (static_cast<std::size_t>((*it)->input(0).bytes) != perSample)
            return {};
        if (!(*it)->setInput(0, model::DType::Float32,
                std::span(reinterpret_cast<const std::uint8_t*>(data.sample(i)), perSample)) ||
            !(*it)->invoke())
            return {};
        for (std::size_t t = 0; t < sg.tensors.size(); ++t) {
            const auto f = quantized.find(sg.tensors[t].name);
            const exec::RtTensor& x = (*it)->tensor(static_cast<int>(t));
            if (f == quantized.end() || x.dtype != model::DType::Float32 || !x.data)
                continue;
            const auto& qt = *f->second;
            const float s = qt.quantization.scale[0];
            const auto zp = static_cast<float>(qt.quantization.zeroPoint.empty() ? 0 : qt.quantization.zeroPoint[0]);
            const float qmin = qt.dtype == model::DType::Int8 ? -128.0f
                : qt.dtype == model::DType::UInt8             ? 0.0f
                                                              : -32767.0f;
            const float qmax = qt.dtype == model::DType::Int8 ? 127.0f
                : qt.dtype == model::DType::UInt8             ? 255.0f
                                                              : 32767.0f;
            const float lo = (qmin - zp - 0.5f) * s, hi = (qmax - zp + 0.5f) * s;
            for (std::int64_t k = 0; k < x.count(); ++k) {
                const float v = x.as<float>()[k];
                outside[t] += v < lo || v > hi;
            }
            total[t] += x.count();
        }
    }
    std::vector<std::pair<double, std::size_t>> worst;
    for (std::size_t t = 0; t < sg.tensors.size(); ++t)
        if (total[t] > 0 && outside[t] * 100 > total[t])
            worst.emplace_back(static_cast<double>(outside[t]) / static_cast<double>(total[t]), t);
    // Earliest first: clipping early in the graph is the cause of what follows.
    std::sort(worst.begin(), worst.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    std::vector<std::string> out;
    for (std::size_t k = 0; k < std::min<std::size_t>(3, worst.size()); ++k) {
        const auto& qt = *quantized[sg.tensors[worst[k].second].name];
        const float s = qt.quantization.scale[0];
        const auto zp = static_cast<float>(qt.quantization.zeroPoint.empty() ? 0 : qt.quantization.zeroPoint[0]);
        const float qmin = qt.dtype == model::DType::Int16 ? -32767.0f
            : qt.dtype == model::DType::UInt8              ? 0.0f
                                                           : -128.0f;
        const float qmax = qt.dtype == model::DType::Int16 ? 32767.0f
            : qt.dtype == model::DType::UInt8              ? 255.0f
                                                           : 127.0f;
        out.push_back("tensor '" + sg.tensors[worst[k].second].name + "': " + fixedText(100.0 * worst[k].first, 1) +
            "% of its values fall outside the calibrated range [" + fixedText((qmin - zp) * s, 4) + ", " +
            fixedText((qmax - zp) * s, 4) + "]");
    }
    return out;
}

std::string diagnose(const model::Graph& floatGraph, const model::Graph& q, passes::Mode mode, const EvaluateOptions& o,
    const data::SampleSet& data)
{
    std::vector<std::string> causes = clippedActivations(floatGraph, q, data);
    if (!causes.empty())
        causes.back() += " (the calibration data may not look like this data)";
    WeightAnalysisOptions wo;
    wo.mode = mode;
    wo.perChannel = o.quantize.perChannel;
    wo.perChannelDense = o.quantize.perChannelDense;
    wo.dynamicMinElements = o.quantize.dynamicMinElements;
    if (auto layers = analyzeWeights(floatGraph, wo); layers && !layers->empty()) {
        std::vector<const LayerWeights*> worst;
        for (const auto& l : *layers)
            if (l.quantized)
                worst.push_back(&l);
        std::sort(worst.begin(), worst.end(),
            [](const auto* a, const auto* b) { return a->metrics.sqnrDb < b->metrics.sqnrDb; });
        std::string names;
        for (std::size_t k = 0; k < std::min<std::size_t>(3, worst.size()); ++k)
            names += (k ? ", " : "") + std::string("operator ") + std::to_string(worst[k]->op) + " " +
                worst[k]->opName + " (" + fixedText(worst[k]->metrics.sqnrDb, 1) + " dB)";
        if (!names.empty() && worst.front()->verdict != Verdict::Good)
            causes.push_back("weights that lose precision: " + names);
        for (const auto& l : *layers)
            if (l.opName == "DEPTHWISE_CONV_2D" && l.quantized && l.params.scale.size() == 1) {
                causes.push_back("per-tensor depthwise weights (their channels differ widely; use per-channel)");
                break;
            }
    }
    int tiny = 0;
    for (const auto& t : q.main().tensors)
        if (!q.isConstant(t) && t.quantization.scale.size() == 1 && t.quantization.scale[0] < 1e-6f)
            ++tiny;
    if (tiny > 0)
        causes.push_back(std::to_string(tiny) + " activation tensor(s) with a zero or tiny scale (< 1e-6)");
    std::string s;
    for (const auto& c : causes)
        s += (s.empty() ? "" : "; ") + c;
    return s;
}

} // namespace

std::optional<quant::Scheme> parseTeachingMode(const std::string& name)
{
    if (name.size() < 2 || name[0] != 'w')
        return std::nullopt;
    std::size_t i = 1;
    int bits = 0;
    while (i < name.size() && std::isdigit(static_cast<unsigned char>(name[i])) && bits < 100)
        bits = bits * 10 + (name[i++] - '0');
    quant::Scheme s{bits, true, true};
    for (; i < name.size(); ++i) {
        if (name[i] == 'a')
            s.symmetric = false;
        else if (name[i] == 't')
            s.perChannel = false;
        else
            return std::nullopt;
    }
    if (bits < 2 || bits > 16)
        return std::nullopt;
    return s;
}

std::string teachingModeName(const quant::Scheme& s)
{
    return "w" + std::to_string(s.bits) + (s.symmetric ? "" : "a") + (s.perChannel ? "" : "t");
}

double klDivergence(const float* p, const float* q, int n)
{
    const auto count = static_cast<std::size_t>(n);
    const auto a = probabilities(std::span(p, count)), b = probabilities(std::span(q, count));
    double kl = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] > 0)
            kl += a[i] * std::log(a[i] / std::max(b[i], 1e-12));
    return std::max(kl, 0.0);
}

std::vector<double> sampleKl(const Classification& reference, const Classification& e)
{
    const auto n = std::min(reference.top1.size(), e.top1.size());
    std::vector<double> kls(n);
    for (std::size_t i = 0; i < n; ++i)
        kls[i] = klDivergence(reference.outputs.data() + i * static_cast<std::size_t>(reference.classes),
            e.outputs.data() + i * static_cast<std::size_t>(e.classes), e.classes);
    return kls;
}

void scoreSamples(const std::vector<int>* referenceTop1, const std::vector<double>& kls, const std::vector<int>& labels,
    ModeEvaluation& e)
{
    const auto& top1 = e.result.top1;
    const auto n = static_cast<std::int64_t>(top1.size());
    if (!referenceTop1) {
        e.agreement = 1.0;
    } else {
        std::int64_t same = 0;
        for (std::int64_t i = 0; i < n; ++i)
            same += (*referenceTop1)[static_cast<std::size_t>(i)] == top1[static_cast<std::size_t>(i)];
        e.agreement = static_cast<double>(same) / static_cast<double>(std::max<std::int64_t>(n, 1));
        if (!kls.empty()) {
            double sum = 0;
            for (double k : kls)
                sum += k;
            e.klMean = sum / static_cast<double>(kls.size());
            e.klP50 = percentile(kls, 0.5);
            e.klP90 = percentile(kls, 0.9);
            e.klP99 = percentile(kls, 0.99);
            e.klMax = percentile(kls, 1.0);
        }
    }
    e.confusion.clear();
    if (labels.size() >= top1.size()) {
        const auto classes = static_cast<std::size_t>(e.result.classes);
        e.confusion.assign(classes, std::vector<std::int64_t>(classes, 0));
        for (std::int64_t i = 0; i < n; ++i) {
            const int l = labels[static_cast<std::size_t>(i)];
            const int p = top1[static_cast<std::size_t>(i)];
            if (l >= 0 && static_cast<std::size_t>(l) < classes && p >= 0 && static_cast<std::size_t>(p) < classes)
                ++e.confusion[static_cast<std::size_t>(l)][static_cast<std::size_t>(p)];
        }
    }
}

bool collapsed(const ModeEvaluation& e, const ModeEvaluation& reference)
{
    const double drop =
        e.result.accuracy >= 0 && reference.result.accuracy >= 0 ? reference.result.accuracy - e.result.accuracy : 0.0;
    return e.mode != "float32" && (e.agreement < 0.9 || drop > 0.05);
}

std::string collapseText(const ModeEvaluation& e, const ModeEvaluation& reference)
{
    if (!collapsed(e, reference))
        return {};
    return "agreement with the float model " + fixedText(100.0 * e.agreement, 1) + "%" +
        (e.result.accuracy >= 0 ? ", accuracy " + fixedText(100.0 * e.result.accuracy, 1) + "% (float " +
                    fixedText(100.0 * reference.result.accuracy, 1) + "%)"
                                : std::string()) +
        e.collapseCauses;
}

Status scoreAgainst(const Classification* reference, const data::SampleSet& data, ModeEvaluation& e)
{
    if (reference && reference->classes != e.result.classes)
        return Error{
            std::to_string(e.result.classes) + " outputs, the float model has " + std::to_string(reference->classes)};
    if (reference && reference->top1.size() != e.result.top1.size())
        return Error{std::to_string(e.result.top1.size()) + " samples, the float model's evaluation has " +
            std::to_string(reference->top1.size())};
    const bool labelled = data.labels.size() == static_cast<std::size_t>(data.count);
    scoreSamples(reference ? &reference->top1 : nullptr,
        reference ? sampleKl(*reference, e.result) : std::vector<double>{}, labelled ? data.labels : std::vector<int>{},
        e);
    return {};
}

Result<std::vector<ModeEvaluation>> evaluateModes(const model::Graph& floatGraph, const model::Graph* original,
    const data::SampleSet& data, const std::vector<quant::TensorRange>& ranges, const EvaluateOptions& o,
    const EvaluateProgress& progress, const std::atomic<bool>* cancel)
{
    if (data.count <= 0)
        return Error{"the evaluation data set is empty"};
    std::vector<ModeEvaluation> out;
    std::optional<Classification> reference;
    std::vector<std::string> modes = o.modes;
    // The float model first: every other mode is compared with it.
    std::stable_partition(modes.begin(), modes.end(), [](const std::string& m) { return m == "float32"; });
    if (modes.empty() || modes.front() != "float32")
        modes.insert(modes.begin(), "float32");
    for (const std::string& name : modes) {
        if (cancel && cancel->load())
            return Error{"evaluation cancelled"};
        ModeEvaluation e;
        e.mode = name;
        model::Graph g;
        std::optional<passes::Mode> mode;
        if (name == "original") {
            if (!original)
                return Error{"mode 'original' needs a quantized input model (this one is float)"};
            g = *original;
        } else if (auto scheme = parseTeachingMode(name)) {
            auto sim = passes::simulateWeights(floatGraph, *scheme);
            if (!sim)
                return withContext(name, sim.error());
            g = std::move(*sim);
            e.notes.push_back("teaching simulation: weights " + scheme->describe() +
                " quantized and dequantized, activations float; the size is that of this float file, not of " +
                std::to_string(scheme->bits) + "-bit storage");
        } else {
            auto m = passes::parseMode(name);
            if (!m)
                return Error{m.error().message + " (or original, or a teaching scheme like w4, w4a, w4t)"};
            mode = *m;
            passes::QuantizeOptions qo = o.quantize;
            qo.mode = *m;
            if (*m == passes::Mode::Int8 || *m == passes::Mode::Int16x8)
                qo.io = passes::IoType::Float; // compare outputs as floats
            auto q = passes::quantizeGraph(floatGraph, qo, ranges);
            if (!q)
                return withContext(name, q.error());
            g = std::move(q->graph);
            e.notes = q->notes;
        }
        auto bytes = model::serializeTflite(g);
        if (!bytes)
            return withContext(name, bytes.error());
        e.sizeBytes = static_cast<std::int64_t>(bytes->size());
        e.bytesByDtype = model::summarize(g).bytesByDtype;
        if (const auto arena = target::microArena(g); arena && arena->unknown.empty())
            e.microArenaBytes = arena->total();
        ClassifyOptions co;
        co.threads = o.threads;
        auto c = classify(g, data, co,
            progress ? ProgressFn([&](std::int64_t d, std::int64_t t) { progress(name, d, t); }) : ProgressFn{},
            cancel);
        if (!c)
            return withContext(name, c.error());
        e.result = std::move(*c);
        if (auto scored = scoreAgainst(reference ? &*reference : nullptr, data, e); !scored)
            return withContext(name, scored.error());
        if (!reference)
            reference = e.result;
        e.latencyMs = medianLatency(g, data, o.latencyRuns);
        // Collapse: the quantized model mostly disagrees with the float one, or loses much accuracy.
        const ModeEvaluation& floatRow = out.empty() ? e : out.front();
        if (e.mode != "float32" && (o.diagnoseAlways || collapsed(e, floatRow))) {
            if (mode) {
                const std::string why = diagnose(floatGraph, g, *mode, o, data);
                if (!why.empty())
                    e.collapseCauses = ". Likely causes: " + why;
            } else if (auto scheme = parseTeachingMode(name)) {
                WeightAnalysisOptions wo;
                wo.teaching = *scheme;
                if (auto layers = analyzeWeights(floatGraph, wo); layers && !layers->empty()) {
                    auto worst = std::min_element(layers->begin(), layers->end(),
                        [](const auto& x, const auto& y) { return x.metrics.sqnrDb < y.metrics.sqnrDb; });
                    e.collapseCauses = ". " + std::to_string(scheme->bits) +
                        "-bit weights are too coarse: the weakest layer, operator " + std::to_string(worst->op) + " " +
                        worst->opName + ", keeps " + fixedText(worst->metrics.sqnrDb, 1) + " dB SQNR (" +
                        worst->reason + ")";
                }
            }
            e.collapse = collapseText(e, floatRow);
        }
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace ql::eval
