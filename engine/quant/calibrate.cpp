// SPDX-License-Identifier: MIT
#include "quant/calibrate.h"

#include "exec/interpreter.h"
#include "quant/params.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <sstream>

namespace ql::quant {

namespace {

constexpr int kBins = 2048;

// The bins are allocated on the first values, so that tensors never seen (most of a large model's, in the
// slots of subgraphs that never ran) cost nothing.
struct Histogram {
    float lo = 0, hi = 0;
    std::vector<double> count;
    double width() const { return (static_cast<double>(hi) - lo) / kBins; }
    void add(const float* x, std::int64_t n)
    {
        const double w = width();
        if (!(w > 0))
            return;
        count.resize(kBins, 0.0);
        for (std::int64_t i = 0; i < n; ++i) {
            const auto b = static_cast<int>((x[i] - lo) / w);
            count[static_cast<std::size_t>(std::clamp(b, 0, kBins - 1))] += 1;
        }
    }
    double center(int b) const { return lo + (b + 0.5) * width(); }
};

std::pair<float, float> percentileRange(const Histogram& h, double p)
{
    double total = 0;
    for (double c : h.count)
        total += c;
    const double tail = total * (100.0 - p) / 100.0;
    double acc = 0;
    int first = 0;
    for (; first < kBins - 1 && acc + h.count[static_cast<std::size_t>(first)] <= tail; ++first)
        acc += h.count[static_cast<std::size_t>(first)];
    acc = 0;
    int last = kBins - 1;
    for (; last > first && acc + h.count[static_cast<std::size_t>(last)] <= tail; --last)
        acc += h.count[static_cast<std::size_t>(last)];
    return {static_cast<float>(h.lo + first * h.width()), static_cast<float>(h.lo + (last + 1) * h.width())};
}

// Expected squared error of int8 asymmetric quantization with range [lo, hi] over the histogram.
double expectedError(const Histogram& h, float lo, float hi)
{
    const Scheme s{8, false, false};
    const Params p = activationParams(lo, hi, s);
    const double scale = p.scale[0], zp = static_cast<double>(p.zeroPoint[0]);
    double err = 0;
    for (int b = 0; b < kBins; ++b) {
        const double c = h.count[static_cast<std::size_t>(b)];
        if (c == 0)
            continue;
        const double x = h.center(b);
        const double q =
            std::clamp(std::round(x / scale) + zp, static_cast<double>(s.qmin()), static_cast<double>(s.qmax()));
        const double d = (q - zp) * scale - x;
        err += c * d * d;
    }
    return err;
}

std::pair<float, float> mseRange(const Histogram& h)
{
    double best = std::numeric_limits<double>::infinity();
    std::pair<float, float> range{h.lo, h.hi};
    for (int k = 100; k >= 1; --k) {
        const float a = static_cast<float>(k) / 100.0f;
        const double e = expectedError(h, h.lo * a, h.hi * a);
        if (e < best) {
            best = e;
            range = {h.lo * a, h.hi * a};
        }
    }
    return range;
}

double klDivergence(const std::vector<double>& p, const std::vector<double>& q)
{
    double sp = 0, sq = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        sp += p[i];
        sq += q[i];
    }
    double d = 0;
    for (std::size_t i = 0; i < p.size(); ++i)
        if (p[i] > 0)
            d += (p[i] / sp) * std::log((p[i] / sp) / (q[i] > 0 ? q[i] / sq : 1e-12));
    return d;
}

// Entropy calibration on the histogram of |x|: the threshold (in bins) whose 128-level
// quantization, expanded back over the non-empty bins, diverges least from the clipped distribution.
float klThreshold(const Histogram& h)
{
    const double absMax = std::max(std::abs(h.lo), std::abs(h.hi));
    if (!(absMax > 0))
        return 0;
    std::vector<double> mag(kBins, 0.0);
    const double w = absMax / kBins;
    for (int b = 0; b < kBins; ++b) {
        const double c = h.count[static_cast<std::size_t>(b)];
        if (c == 0)
            continue;
        const auto m = static_cast<int>(std::abs(h.center(b)) / w);
        mag[static_cast<std::size_t>(std::clamp(m, 0, kBins - 1))] += c;
    }
    // Exact zeros (a ReLU's inactive half) are represented exactly by any range; left in, their
    // spike dominates the divergence and drives the threshold far too low.
    if (h.lo >= 0)
        mag[0] = 0;
    // int8 has 256 levels: all of them over [0, T] for a non-negative tensor, 128 per sign otherwise.
    const int levels = h.lo >= 0 ? 256 : 128;
    double best = std::numeric_limits<double>::infinity();
    int bestI = kBins;
    for (int i = levels; i <= kBins; i += 16) {
        std::vector<double> p(mag.begin(), mag.begin() + i);
        for (int j = i; j < kBins; ++j)
            p.back() += mag[static_cast<std::size_t>(j)];
        std::vector<double> q(static_cast<std::size_t>(i), 0.0);
        const double per = static_cast<double>(i) / levels;
        for (int l = 0; l < levels; ++l) {
            const int start = static_cast<int>(l * per), stop = std::max(start + 1, static_cast<int>((l + 1) * per));
            double sum = 0;
            int nonEmpty = 0;
            for (int j = start; j < stop && j < i; ++j) {
                sum += mag[static_cast<std::size_t>(j)];
                nonEmpty += mag[static_cast<std::size_t>(j)] > 0;
            }
            for (int j = start; j < stop && j < i; ++j)
                if (mag[static_cast<std::size_t>(j)] > 0)
                    q[static_cast<std::size_t>(j)] = sum / nonEmpty;
        }
        const double d = klDivergence(p, q);
        if (d < best) {
            best = d;
            bestI = i;
        }
    }
    return static_cast<float>(bestI * w);
}

} // namespace

std::string CalibrationOptions::describe() const
{
    switch (method) {
    case Calibration::MinMax: return "minmax";
    case Calibration::MovingAverage: return "moving-average";
    case Calibration::Percentile: {
        std::ostringstream os;
        os << "percentile:" << percentile;
        return os.str();
    }
    case Calibration::Mse: return "mse";
    case Calibration::Kl: return "kl";
    }
    return "?";
}

Result<CalibrationOptions> parseCalibration(const std::string& text)
{
    CalibrationOptions o;
    if (text == "minmax")
        o.method = Calibration::MinMax;
    else if (text == "moving-average")
        o.method = Calibration::MovingAverage;
    else if (text == "mse")
        o.method = Calibration::Mse;
    else if (text == "kl")
        o.method = Calibration::Kl;
    else if (text.rfind("percentile:", 0) == 0) {
        o.method = Calibration::Percentile;
        // from_chars: the C format whatever the process locale is (strtod would want "99,9" under de_DE).
        const std::string v = text.substr(11);
        const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), o.percentile);
        if (v.empty() || ec != std::errc{} || end != v.data() + v.size() ||
            !(o.percentile > 50.0 && o.percentile <= 100.0))
            return Error{"percentile must be a number in (50, 100], got '" + v + "'"};
    } else {
        return Error{"calibration must be minmax, moving-average, percentile:P, mse or kl, got '" + text + "'"};
    }
    return o;
}

Result<std::vector<TensorRange>> calibrate(
    const model::Graph& floatGraph, const data::SampleSet& samples, const CalibrationOptions& options)
{
    const model::Subgraph& sg = floatGraph.main();
    if (sg.inputs.size() != 1)
        return Error{"calibration needs one data set per model input: this model has " +
            std::to_string(sg.inputs.size()) + " inputs, 1 data set was given"};
    return calibrate(floatGraph, std::span(&samples, 1), options); // no copy of the samples
}

Result<std::vector<TensorRange>> calibrate(
    const model::Graph& floatGraph, std::span<const data::SampleSet> perInput, const CalibrationOptions& options)
{
    const model::Subgraph& sg = floatGraph.main();
    if (sg.inputs.size() != perInput.size())
        return Error{"calibration needs one data set per model input: this model has " +
            std::to_string(sg.inputs.size()) + " inputs, " + std::to_string(perInput.size()) + " data sets were given"};
    if (perInput.empty())
        return Error{"calibration needs a model with at least one input"};
    std::int64_t available = perInput.front().count;
    exec::InterpreterOptions io;
    io.keepIntermediates = true;
    bool resized = false;
    for (std::size_t k = 0; k < perInput.size(); ++k) {
        const model::Tensor& in = sg.tensors[static_cast<std::size_t>(sg.inputs[k])];
        const std::string which = perInput.size() > 1 ? " " + std::to_string(k) + " ('" + in.name + "')" : "";
        if (in.dtype != model::DType::Float32)
            return Error{"calibration runs the float model; its input" + which + " is " + model::dtypeName(in.dtype)};
        auto inputShape = data::inputShapeFor(perInput[k], in);
        if (!inputShape)
            return perInput.size() > 1 ? withContext("input" + which, inputShape.error()) : inputShape.error();
        if (perInput[k].count != available)
            return Error{"the calibration data sets differ in length: input 0 has " + std::to_string(available) +
                " samples, input" + which + " " + std::to_string(perInput[k].count)};
        resized = resized || *inputShape != in.shape;
        io.inputShapes.push_back(*inputShape);
    }
    if (!resized)
        io.inputShapes.clear();
    const std::int64_t n = std::min<std::int64_t>(available, options.samples > 0 ? options.samples : available);
    if (n <= 0)
        return Error{"the calibration set holds no samples"};
    // Tensors of the other subgraphs (control-flow bodies) are seen while they run, through the
    // interpreter's afterOperator hook: after each operator, its float outputs, and the subgraph's own
    // float inputs (and states) at their first reader. Subgraph 0's are read after each run.
    const std::vector<std::size_t> offset = rangeOffsets(floatGraph);
    std::vector<std::vector<std::vector<int>>> watch(floatGraph.subgraphs.size());
    for (std::size_t k = 1; k < floatGraph.subgraphs.size(); ++k) {
        const model::Subgraph& b = floatGraph.subgraphs[k];
        watch[k].resize(b.operators.size());
        std::vector<bool> produced(b.tensors.size(), false), claimed(b.tensors.size(), false);
        for (const auto& op : b.operators)
            for (auto t : op.outputs)
                if (t >= 0)
                    produced[static_cast<std::size_t>(t)] = true;
        auto floatData = [&](int t) {
            return t >= 0 && b.tensors[static_cast<std::size_t>(t)].dtype == model::DType::Float32 &&
                !floatGraph.isConstant(b.tensors[static_cast<std::size_t>(t)]);
        };
        for (std::size_t i = 0; i < b.operators.size(); ++i) {
            for (auto t : b.operators[i].inputs)
                if (floatData(t) && !produced[static_cast<std::size_t>(t)] && !claimed[static_cast<std::size_t>(t)]) {
                    claimed[static_cast<std::size_t>(t)] = true;
                    watch[k][i].push_back(t);
                }
            for (auto t : b.operators[i].outputs)
                if (floatData(t))
                    watch[k][i].push_back(t);
        }
    }
    const std::size_t slots = offset.back();
    // Pass 1 folds each run's values into runLo / runHi; pass 2 fills the histograms.
    std::vector<float> runLo(slots), runHi(slots);
    std::vector<char> seen(slots, 0);
    std::vector<Histogram> hist;
    bool histogramPass = false;
    std::vector<TensorRange> ranges(slots);
    auto observe = [&](std::size_t slot, const float* x, std::int64_t m) {
        if (histogramPass) {
            if (ranges[slot].valid)
                hist[slot].add(x, m);
            return;
        }
        float lo = std::numeric_limits<float>::infinity(), hi = -lo;
        for (std::int64_t k = 0; k < m; ++k) {
            if (!std::isfinite(x[k]))
                continue;
            lo = std::min(lo, x[k]);
            hi = std::max(hi, x[k]);
        }
        if (!(lo <= hi))
            return;
        runLo[slot] = seen[slot] ? std::min(runLo[slot], lo) : lo;
        runHi[slot] = seen[slot] ? std::max(runHi[slot], hi) : hi;
        seen[slot] = 1;
    };
    if (floatGraph.subgraphs.size() > 1)
        io.afterOperator = [&](int sub, int op, std::span<const exec::RtTensor> tensors) {
            if (sub <= 0 || static_cast<std::size_t>(sub) >= watch.size())
                return;
            for (int t : watch[static_cast<std::size_t>(sub)][static_cast<std::size_t>(op)]) {
                const exec::RtTensor& rt = tensors[static_cast<std::size_t>(t)];
                if (rt.data && rt.dtype == model::DType::Float32)
                    observe(offset[static_cast<std::size_t>(sub)] + static_cast<std::size_t>(t), rt.as<float>(), rt.count());
            }
        };
    auto graph = std::make_shared<const model::Graph>(floatGraph);
    auto interp = exec::Interpreter::create(graph, io);
    if (!interp)
        return withContext("calibration", interp.error());
    exec::Interpreter& it = **interp;
    std::vector<int> tracked;
    for (int t = 0; t < static_cast<int>(sg.tensors.size()); ++t) {
        const auto& tensor = sg.tensors[static_cast<std::size_t>(t)];
        if (tensor.dtype == model::DType::Float32 && !floatGraph.isConstant(tensor) && it.tensor(t).data)
            tracked.push_back(t);
    }
    auto runSample = [&](std::int64_t i) -> Status {
        for (std::size_t k = 0; k < perInput.size(); ++k) {
            const auto* p = reinterpret_cast<const std::uint8_t*>(perInput[k].sample(i));
            const auto bytes = static_cast<std::size_t>(perInput[k].sampleSize() * 4);
            if (auto st = it.setInput(static_cast<int>(k), model::DType::Float32, std::span(p, bytes)); !st)
                return st;
        }
        std::fill(seen.begin(), seen.end(), 0);
        if (auto st = it.invoke(); !st)
            return st;
        for (int t : tracked)
            observe(static_cast<std::size_t>(t), it.tensor(t).as<float>(), it.tensor(t).count());
        return {};
    };
    constexpr float decay = 0.9f;
    for (std::int64_t i = 0; i < n; ++i) {
        if (auto st = runSample(i); !st)
            return withContext("calibration sample " + std::to_string(i), st.error());
        for (std::size_t slot = 0; slot < slots; ++slot) {
            if (!seen[slot])
                continue;
            const float lo = runLo[slot], hi = runHi[slot];
            TensorRange& r = ranges[slot];
            if (!r.valid) {
                r = {true, lo, hi, lo, hi};
            } else {
                r.observedLo = std::min(r.observedLo, lo);
                r.observedHi = std::max(r.observedHi, hi);
                if (options.method == Calibration::MovingAverage) {
                    r.lo = decay * r.lo + (1 - decay) * lo;
                    r.hi = decay * r.hi + (1 - decay) * hi;
                } else {
                    r.lo = r.observedLo;
                    r.hi = r.observedHi;
                }
            }
        }
    }
    if (options.method == Calibration::MinMax || options.method == Calibration::MovingAverage)
        return ranges;
    hist.resize(slots);
    for (std::size_t slot = 0; slot < slots; ++slot) {
        hist[slot].lo = ranges[slot].observedLo;
        hist[slot].hi = ranges[slot].observedHi;
    }
    histogramPass = true;
    for (std::int64_t i = 0; i < n; ++i)
        if (auto st = runSample(i); !st)
            return withContext("calibration sample " + std::to_string(i), st.error());
    for (std::size_t slot = 0; slot < slots; ++slot) {
        TensorRange& r = ranges[slot];
        const Histogram& h = hist[slot];
        if (!r.valid || !(h.width() > 0) || h.count.empty())
            continue;
        std::pair<float, float> c{r.lo, r.hi};
        if (options.method == Calibration::Percentile)
            c = percentileRange(h, options.percentile);
        else if (options.method == Calibration::Mse)
            c = mseRange(h);
        else {
            const float th = klThreshold(h);
            c = {std::max(r.observedLo, -th), std::min(r.observedHi, th)};
        }
        r.lo = std::max(c.first, r.observedLo);
        r.hi = std::min(c.second, r.observedHi);
    }
    return ranges;
}

std::vector<std::size_t> rangeOffsets(const model::Graph& g)
{
    std::vector<std::size_t> o(g.subgraphs.size() + 1, 0);
    for (std::size_t k = 0; k < g.subgraphs.size(); ++k)
        o[k + 1] = o[k] + g.subgraphs[k].tensors.size();
    return o;
}

std::span<const TensorRange> subgraphRanges(const model::Graph& g, std::span<const TensorRange> all, int k)
{
    const auto o = rangeOffsets(g);
    if (k < 0 || static_cast<std::size_t>(k) >= g.subgraphs.size() || all.size() < o[static_cast<std::size_t>(k) + 1])
        return {};
    return all.subspan(o[static_cast<std::size_t>(k)], o[static_cast<std::size_t>(k) + 1] - o[static_cast<std::size_t>(k)]);
}

std::vector<TensorRange> recordedRanges(const model::Graph& g)
{
    const model::Subgraph& sg = g.main();
    std::vector<TensorRange> r(sg.tensors.size());
    for (std::size_t t = 0; t < sg.tensors.size(); ++t) {
        const model::Tensor& x = sg.tensors[t];
        const auto& q = x.quantization;
        if (x.dtype != model::DType::Float32 || g.isConstant(x) || q.min.size() != 1 || q.max.size() != 1)
            continue;
        if (!std::isfinite(q.min[0]) || !std::isfinite(q.max[0]) || q.min[0] > q.max[0])
            continue;
        r[t] = {true, q.min[0], q.max[0], q.min[0], q.max[0]};
    }
    return r;
}

int useRecordedRanges(std::vector<TensorRange>& into, const std::vector<TensorRange>& recorded)
{
    if (into.size() < recorded.size())
        into.resize(recorded.size());
    int n = 0;
    for (std::size_t t = 0; t < recorded.size(); ++t)
        if (recorded[t].valid) {
            into[t] = recorded[t];
            ++n;
        }
    return n;
}

} // namespace ql::quant
