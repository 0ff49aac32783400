// SPDX-License-Identifier: MIT
#include "eval/weights.h"

#include "exec/half.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <sstream>

namespace ql::eval {

namespace {

using Op = tflite::BuiltinOperator;

std::vector<float> floatValues(const model::Graph& g, const model::Tensor& t)
{
    const auto bytes = g.tensorData(t);
    std::vector<float> v(bytes.size() / 4);
    std::memcpy(v.data(), bytes.data(), v.size() * 4);
    return v;
}

void channelStats(LayerWeights& L, const std::vector<float>& w, const std::vector<float>& dq)
{
    const quant::ChannelIndexer ch(L.shape, L.axis, true);
    const auto C = static_cast<std::size_t>(ch.channels);
    L.channels.assign(C, {});
    std::vector<double> sum(C, 0), sumSq(C, 0), errSq(C, 0), sig(C, 0);
    std::vector<std::int64_t> count(C, 0);
    for (std::size_t c = 0; c < C; ++c) {
        L.channels[c].min = std::numeric_limits<float>::infinity();
        L.channels[c].max = -std::numeric_limits<float>::infinity();
    }
    for (std::size_t i = 0; i < w.size(); ++i) {
        const auto c = static_cast<std::size_t>(ch(static_cast<std::int64_t>(i)));
        auto& s = L.channels[c];
        s.min = std::min(s.min, w[i]);
        s.max = std::max(s.max, w[i]);
        sum[c] += w[i];
        sumSq[c] += static_cast<double>(w[i]) * w[i];
        const double e = static_cast<double>(dq[i]) - w[i];
        errSq[c] += e * e;
        ++count[c];
    }
    for (std::size_t c = 0; c < C; ++c) {
        auto& s = L.channels[c];
        const auto n = static_cast<double>(std::max<std::int64_t>(count[c], 1));
        s.mean = sum[c] / n;
        s.stddev = std::sqrt(std::max(0.0, sumSq[c] / n - s.mean * s.mean));
        s.sqnrDb = errSq[c] == 0 ? std::numeric_limits<double>::infinity()
            : sumSq[c] == 0      ? -std::numeric_limits<double>::infinity()
                                 : 10.0 * std::log10(sumSq[c] / errSq[c]);
        if (!L.params.scale.empty()) {
            const std::size_t p = L.params.scale.size() == 1 ? 0 : c;
            s.scale = L.params.scale[p];
            s.zeroPoint = L.params.zeroPoint[p];
        }
    }
}

// The English sentence of a reason (interfaces word the same kind and numbers in their own language).
std::string reasonSentence(const LayerWeights& L)
{
    const auto v = [&L](std::size_t i) { return i < L.reasonValues.size() ? L.reasonValues[i] : 0.0; };
    const auto count = [&v](std::size_t i) { return std::to_string(std::lround(v(i))); };
    switch (L.reasonKind) {
    case Reason::NotQuantized: return "not quantized in this mode: no weight error";
    case Reason::StaysFloat: return "stays float in this mode (" + L.reasonDetail + "): no weight error";
    case Reason::Float16Overflow: return "weights beyond float16's largest value 65504 overflow";
    case Reason::Float16Precise:
        return "float16 keeps 11 significant bits: relative error about 2^-12 (" + fixedText(v(0), 1) + " dB)";
    case Reason::Float16Subnormal: return "many weights are below float16's normal range (6.1e-5) and lose precision";
    case Reason::Clipped:
        return fixedText(v(0), 2) + "% of the weights lie outside the clipping range [" + fixedText(v(1), 4) + ", " +
            fixedText(v(2), 4) + "]";
    case Reason::PerTensorRange:
        return "channel " + count(0) + " has a range " + fixedText(v(1), 0) +
            "x the median; a per-tensor scale wastes " + fixedText(v(2), 1) + " bits of the other channels (" +
            (L.reasonDetail == "dense" ? "per-channel dense weights" : "per-channel weights") + " would fix it)";
    case Reason::DeadChannels:
        return count(0) + " of " + count(1) +
            " channels are (nearly) all zero (pruned or dead) and quantize to zero; the others " +
            (L.reasonDetail == "good" ? "show rounding noise only" : "lose precision") + " (" + fixedText(v(2), 1) +
            " dB SQNR)";
    case Reason::Outliers:
        return "outliers: the largest |weight| is " + fixedText(v(0), 0) +
            "x the standard deviation, so most weights fall on a few of the " + count(1) + " levels (" +
            fixedText(v(2), 1) + " dB SQNR)";
    case Reason::TooCoarse:
        return "only " + fixedText(v(0), 1) + " dB SQNR: " + count(1) +
            " bits are too coarse for this weight distribution (RMSE/scale " + fixedText(v(2), 3) + ")";
    case Reason::RoundingNoise:
        return "rounding noise only: RMSE/scale " + fixedText(v(0), 3) + " (ideal 1/sqrt(12) = 0.289), " +
            fixedText(v(1), 1) + " dB SQNR";
    }
    return {};
}

// The verdict and its reason (kind and numbers), most telling reason first.
void classify(LayerWeights& L, int bits)
{
    const double sq = L.metrics.sqnrDb;
    if (!L.quantized) {
        L.verdict = Verdict::Good;
        // reasonDetail, when set where the scheme was chosen, says why these weights stay float.
        L.reasonKind = L.reasonDetail.empty() ? Reason::NotQuantized : Reason::StaysFloat;
        return;
    }
    if (L.params.scale.empty()) { // float16
        L.verdict = sq >= 60.0 ? Verdict::Good : sq >= 40.0 ? Verdict::Suspect : Verdict::Bad;
        float maxAbs = 0;
        for (const auto& c : L.channels)
            maxAbs = std::max({maxAbs, std::abs(c.min), std::abs(c.max)});
        L.reasonKind = maxAbs > 65504.0f ? Reason::Float16Overflow
            : L.verdict == Verdict::Good ? Reason::Float16Precise
                                         : Reason::Float16Subnormal;
        if (L.reasonKind == Reason::Float16Precise)
            L.reasonValues = {sq};
        return;
    }
    L.verdict = sq >= goodSqnrDb(bits) ? Verdict::Good : sq >= badSqnrDb(bits) ? Verdict::Suspect : Verdict::Bad;
    // Channel ranges against their median.
    std::vector<double> ranges;
    for (const auto& c : L.channels)
        ranges.push_back(std::max(std::abs(static_cast<double>(c.min)), std::abs(static_cast<double>(c.max))));
    const double overall = ranges.empty() ? 0.0 : *std::max_element(ranges.begin(), ranges.end());
    // Channels whose weights are (nearly) all zero say nothing about the spread of the others.
    std::vector<double> live;
    for (double r : ranges)
        if (r > 1e-7 * overall)
            live.push_back(r);
    const auto tiny = static_cast<int>(ranges.size() - live.size());
    std::sort(live.begin(), live.end());
    const double median = live.empty() ? 0.0 : live[live.size() / 2];
    const auto worst = static_cast<std::size_t>(std::max_element(ranges.begin(), ranges.end()) - ranges.begin());
    const double ratio = median > 0 ? overall / median : 0.0;
    const bool perTensor = L.params.scale.size() == 1 && L.channels.size() > 1;
    // How far the largest weight sits from the bulk (the tensor's standard deviation).
    double sumSq = 0, n = 0;
    for (const auto& c : L.channels) {
        sumSq += c.stddev * c.stddev + c.mean * c.mean;
        n += 1;
    }
    const double rms = n > 0 ? std::sqrt(sumSq / n) : 0.0;
    const double spread = rms > 0 ? overall / rms : 0.0;
    if (L.clippedFraction > 0.001) {
        L.reasonKind = Reason::Clipped;
        L.reasonValues = {100.0 * L.clippedFraction, L.clipLo, L.clipHi};
    } else if (perTensor && ratio >= 8.0) {
        L.reasonKind = Reason::PerTensorRange;
        L.reasonValues = {static_cast<double>(worst), ratio, std::log2(ratio)};
        L.reasonDetail = L.opName == "FULLY_CONNECTED" ? "dense" : "conv";
        if (L.verdict == Verdict::Good)
            L.verdict = Verdict::Suspect;
    } else if (tiny > 0 && static_cast<std::size_t>(tiny) * 10 >= L.channels.size()) {
        L.reasonKind = Reason::DeadChannels;
        L.reasonValues = {static_cast<double>(tiny), static_cast<double>(L.channels.size()), sq};
        L.reasonDetail = L.verdict == Verdict::Good ? "good" : "coarse";
    } else if (L.verdict != Verdict::Good && spread >= 6.0) {
        L.reasonKind = Reason::Outliers;
        L.reasonValues = {spread, static_cast<double>(L.qmax - L.qmin + 1), sq};
    } else if (L.verdict != Verdict::Good) {
        L.reasonKind = Reason::TooCoarse;
        L.reasonValues = {sq, static_cast<double>(bits), L.metrics.rmseOverScale};
    } else {
        L.reasonKind = Reason::RoundingNoise;
        L.reasonValues = {L.metrics.rmseOverScale, sq};
    }
}

void judge(LayerWeights& L, int bits)
{
    classify(L, bits);
    L.reason = reasonSentence(L);
}

} // namespace

std::string verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Good: return "good";
    case Verdict::Suspect: return "suspect";
    case Verdict::Bad: return "bad";
    }
    return "?";
}

double goodSqnrDb(int bits)
{
    return std::max(6.02 * bits - 14.0, 25.0);
}

double badSqnrDb(int bits)
{
    return std::max(6.02 * bits - 26.0, 12.0);
}

Result<std::vector<LayerWeights>> analyzeWeights(const model::Graph& g, const WeightAnalysisOptions& o)
{
    if (o.teaching)
        if (auto s = quant::checkScheme(*o.teaching); !s)
            return s.error();
    if (o.bins < 1 || o.bins > 4096)
        return Error{"histograms need 1..4096 bins, got " + std::to_string(o.bins)};
    const model::Subgraph& sg = g.main();
    std::vector<LayerWeights> out;
    for (std::size_t k = 0; k < sg.operators.size(); ++k) {
        const model::Operator& op = sg.operators[k];
        const Op code = g.opcodeOf(op);
        const auto slot = passes::weightSlot(code);
        if (!slot || static_cast<int>(op.inputs.size()) <= slot->weight ||
            op.inputs[static_cast<std::size_t>(slot->weight)] < 0)
            continue;
        const int wi = op.inputs[static_cast<std::size_t>(slot->weight)];
        const model::Tensor& wt = sg.tensors[static_cast<std::size_t>(wi)];
        if (!g.isConstant(wt))
            continue;
        if (wt.dtype != model::DType::Float32)
            return Error{"operator " + std::to_string(k) + " (" + g.opName(op) + "): weight tensor '" + wt.name +
                "' is " + model::dtypeName(wt.dtype) + "; analyze the float graph (dequantize the model first)"};
        LayerWeights L;
        L.op = static_cast<int>(k);
        L.opName = g.opName(op);
        L.tensor = wi;
        L.tensorName = wt.name;
        L.shape = wt.shape;
        L.axis = slot->axis;
        const std::vector<float> w = floatValues(g, wt);
        if (static_cast<std::int64_t>(w.size()) != wt.elementCount())
            return Error{"weight tensor '" + wt.name + "' has " + std::to_string(w.size()) + " values for shape of " +
                std::to_string(wt.elementCount())};
        std::vector<float> dq(w.size());
        int bits = 8;
        if (passes::keptInFloat(g, static_cast<int>(k), o.keepFloat)) {
            L.quantized = false;
            L.reasonDetail = "kept in float";
            L.scheme = "float (" + L.reasonDetail + ")";
            dq = w;
        } else if (o.teaching || o.mode == passes::Mode::Dynamic || o.mode == passes::Mode::Int8 ||
            o.mode == passes::Mode::Int16x8) {
            quant::Scheme s{8, true, code == Op::FULLY_CONNECTED ? o.perChannelDense : o.perChannel};
            if (o.teaching)
                s = *o.teaching;
            bits = s.bits;
            const bool small = !o.teaching && o.mode == passes::Mode::Dynamic &&
                static_cast<std::int64_t>(w.size()) < o.dynamicMinElements;
            const bool transposeDynamic = !o.teaching && o.mode == passes::Mode::Dynamic && code == Op::TRANSPOSE_CONV;
            if (small || transposeDynamic) {
                L.quantized = false;
                L.reasonDetail = small ? "under " + std::to_string(o.dynamicMinElements) + " elements"
                                       : "dynamic mode leaves TRANSPOSE_CONV float";
                L.scheme = "float (" + L.reasonDetail + ")";
                dq = w;
            } else {
                L.scheme = s.describe();
                L.params = quant::weightParams(w, wt.shape, slot->axis, s);
                L.qmin = s.qmin();
                L.qmax = s.qmax();
                const auto q = quant::quantizeValues(w, wt.shape, L.params, s);
                dq = quant::dequantizeValues(q, wt.shape, L.params);
            }
        } else if (o.mode == passes::Mode::Float16) {
            L.scheme = "float16";
            for (std::size_t i = 0; i < w.size(); ++i)
                dq[i] = exec::halfToFloat(exec::floatToHalf(w[i]));
        } else {
            L.quantized = false;
            L.scheme = "float32";
            dq = w;
        }
        channelStats(L, w, dq);
        // Representable ranges and clipping.
        const quant::ChannelIndexer ch(L.shape, L.axis, L.params.scale.size() > 1);
        std::int64_t clipped = 0;
        if (!L.params.scale.empty()) {
            L.clipLo = std::numeric_limits<float>::infinity();
            L.clipHi = -L.clipLo;
            for (std::size_t c = 0; c < L.params.scale.size(); ++c) {
                const float s = L.params.scale[c];
                const auto zp = static_cast<float>(L.params.zeroPoint[c]);
                L.clipLo = std::min(L.clipLo, (static_cast<float>(L.qmin) - zp) * s);
                L.clipHi = std::max(L.clipHi, (static_cast<float>(L.qmax) - zp) * s);
            }
            for (std::size_t i = 0; i < w.size(); ++i) {
                const auto c = static_cast<std::size_t>(ch(static_cast<std::int64_t>(i)));
                const float s = L.params.scale[c];
                const auto zp = static_cast<float>(L.params.zeroPoint[c]);
                // Outside the grid by more than half a step: clipped, not rounded.
                clipped += w[i] < (static_cast<float>(L.qmin) - zp - 0.5f) * s ||
                    w[i] > (static_cast<float>(L.qmax) - zp + 0.5f) * s;
            }
        }
        L.clippedFraction = w.empty() ? 0.0 : static_cast<double>(clipped) / static_cast<double>(w.size());
        L.metrics = errorMetrics(w, dq, L.params.scale, ch.inner);
        float lo = 0, hi = 0;
        for (float v : w) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        if (!L.params.scale.empty()) {
            lo = std::min(lo, L.clipLo);
            hi = std::max(hi, L.clipHi);
        }
        L.floatHistogram = histogram(w, lo, hi, o.bins);
        L.quantizedHistogram = histogram(dq, lo, hi, o.bins);
        std::vector<float> err(w.size());
        for (std::size_t i = 0; i < w.size(); ++i)
            err[i] = dq[i] - w[i];
        const auto e = static_cast<float>(L.metrics.maxAbsError);
        L.errorHistogram = histogram(err, -e, e, o.bins);
        judge(L, bits);
        out.push_back(std::move(L));
    }
    return out;
}

} // namespace ql::eval
