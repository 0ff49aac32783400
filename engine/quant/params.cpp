// SPDX-License-Identifier: MIT
#include "quant/params.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ql::quant {

std::int32_t Scheme::qmin() const
{
    return symmetric ? -((1 << (bits - 1)) - 1) : -(1 << (bits - 1));
}

std::int32_t Scheme::qmax() const
{
    return (1 << (bits - 1)) - 1;
}

std::string Scheme::describe() const
{
    return "int" + std::to_string(bits) + (symmetric ? " symmetric" : " asymmetric") +
        (perChannel ? " per-channel" : " per-tensor");
}

Status checkScheme(const Scheme& s)
{
    if (s.bits < 2 || s.bits > 16)
        return Error{"bit width must be between 2 and 16, got " + std::to_string(s.bits)};
    return {};
}

ChannelIndexer::ChannelIndexer(const std::vector<std::int32_t>& shape, int axis, bool perChannel)
{
    if (!perChannel || shape.empty())
        return;
    channels = shape[static_cast<std::size_t>(axis)];
    for (std::size_t d = static_cast<std::size_t>(axis) + 1; d < shape.size(); ++d)
        inner *= shape[d];
}

namespace {

// The converter's asymmetric parameters for [lo, hi] (both containing 0), in float:
// scale = (hi - lo) / (qmax - qmin), zero point = round(qmin - lo / scale) clamped.
void asymmetric(float lo, float hi, const Scheme& s, float& scale, std::int64_t& zeroPoint)
{
    const auto qmin = static_cast<float>(s.qmin()), qmax = static_cast<float>(s.qmax());
    scale = (hi - lo) / (qmax - qmin);
    const float zp = scale == 0.0f ? qmin : qmin - lo / scale;
    zeroPoint = zp < qmin ? s.qmin() : zp > qmax ? s.qmax() : static_cast<std::int64_t>(std::round(zp));
}

} // namespace

Params weightParams(std::span<const float> w, const std::vector<std::int32_t>& shape, int axis, const Scheme& s)
{
    const ChannelIndexer ch(shape, axis, s.perChannel);
    std::vector<float> lo(static_cast<std::size_t>(ch.channels), 0.0f), hi(lo);
    std::vector<bool> seen(lo.size(), false);
    for (std::size_t i = 0; i < w.size(); ++i) {
        const auto c = static_cast<std::size_t>(ch(static_cast<std::int64_t>(i)));
        lo[c] = seen[c] ? std::min(lo[c], w[i]) : w[i];
        hi[c] = seen[c] ? std::max(hi[c], w[i]) : w[i];
        seen[c] = true;
    }
    Params p;
    p.axis = ch.channels > 1 ? axis : 0;
    p.scale.resize(lo.size());
    p.zeroPoint.assign(lo.size(), 0);
    if (s.symmetric) {
        p.maxAbs.resize(lo.size());
        for (std::size_t c = 0; c < lo.size(); ++c) {
            p.maxAbs[c] = std::max(std::abs(lo[c]), std::abs(hi[c]));
            p.scale[c] = p.maxAbs[c] / static_cast<float>(s.qmax());
        }
        // A per-tensor all-zero tensor gets scale 1 (per-channel zero channels keep scale 0).
        if (!s.perChannel && p.maxAbs[0] == 0.0f)
            p.scale[0] = 1.0f;
    } else {
        for (std::size_t c = 0; c < lo.size(); ++c)
            asymmetric(std::min(lo[c], 0.0f), std::max(hi[c], 0.0f), s, p.scale[c], p.zeroPoint[c]);
    }
    return p;
}

int adjustForBias(Params& weights, std::span<const float> bias, float inputScale, const Scheme& s)
{
    if (!s.symmetric || weights.maxAbs.empty() || bias.empty() || !(inputScale > 0))
        return 0;
    constexpr double int32Max = 2147483647.0;
    const auto qmax = static_cast<float>(s.qmax());
    int changed = 0;
    auto setRange = [&](std::size_t c, double halfRange) {
        weights.maxAbs[c] = static_cast<float>(2.0 * halfRange / int32Max * static_cast<double>(qmax / inputScale));
        weights.scale[c] = weights.maxAbs[c] / qmax;
        ++changed;
    };
    if (weights.perChannel()) {
        for (std::size_t c = 0; c < weights.scale.size() && c < bias.size(); ++c) {
            const double b = std::abs(static_cast<double>(bias[c]));
            if (b >= 0.5 * static_cast<double>(inputScale) * static_cast<double>(weights.scale[c]) * int32Max)
                setRange(c, b);
        }
    } else {
        float b = 0;
        for (float v : bias)
            b = std::max(b, std::abs(v));
        if (static_cast<double>(b / static_cast<float>(int32Max)) >=
            0.5 * static_cast<double>(inputScale) * static_cast<double>(weights.scale[0]))
            setRange(0, b);
    }
    return changed;
}

Params activationParams(float lo, float hi, const Scheme& s)
{
    Params p;
    p.scale.resize(1);
    p.zeroPoint.assign(1, 0);
    lo = std::min(lo, 0.0f);
    hi = std::max(hi, 0.0f);
    if (s.symmetric)
        p.scale[0] = std::max(std::abs(lo), std::abs(hi)) / static_cast<float>(s.qmax());
    else
        asymmetric(lo, hi, s, p.scale[0], p.zeroPoint[0]);
    if (p.scale[0] == 0.0f)
        p.scale[0] = 1.0f; // an all-zero tensor
    return p;
}

std::vector<std::int32_t> quantizeValues(
    std::span<const float> x, const std::vector<std::int32_t>& shape, const Params& p, const Scheme& s)
{
    const ChannelIndexer ch(shape, p.axis, p.perChannel());
    const auto qmin = static_cast<float>(s.qmin()), qmax = static_cast<float>(s.qmax());
    std::vector<float> factor(p.scale.size());
    for (std::size_t c = 0; c < factor.size(); ++c) {
        if (!p.maxAbs.empty())
            factor[c] = p.maxAbs[c] == 0.0f ? 0.0f : qmax / p.maxAbs[c];
        else
            factor[c] = p.scale[c] == 0.0f ? 0.0f : 1.0f / p.scale[c];
    }
    std::vector<std::int32_t> q(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        const auto c = static_cast<std::size_t>(ch(static_cast<std::int64_t>(i)));
        const float v = p.maxAbs.empty() ? std::round(x[i] / p.scale[c]) + static_cast<float>(p.zeroPoint[c])
                                         : std::round(x[i] * factor[c]);
        q[i] = static_cast<std::int32_t>(std::clamp(std::isfinite(v) ? v : 0.0f, qmin, qmax));
    }
    return q;
}

std::vector<float> dequantizeValues(
    std::span<const std::int32_t> q, const std::vector<std::int32_t>& shape, const Params& p)
{
    const ChannelIndexer ch(shape, p.axis, p.perChannel());
    std::vector<float> x(q.size());
    for (std::size_t i = 0; i < q.size(); ++i) {
        const auto c = static_cast<std::size_t>(ch(static_cast<std::int64_t>(i)));
        x[i] = static_cast<float>(q[i] - p.zeroPoint[c]) * p.scale[c];
    }
    return x;
}

std::vector<std::int64_t> quantizeBias(
    std::span<const float> b, float inputScale, const std::vector<float>& weightScales, int bits)
{
    const double limit = bits >= 64 ? 9.0e18 : std::ldexp(1.0, bits - 1) - 1;
    std::vector<std::int64_t> q(b.size());
    for (std::size_t i = 0; i < b.size(); ++i) {
        const float ws = weightScales.size() == 1 ? weightScales[0] : weightScales[i];
        const float scale = inputScale * ws;
        const float inv = scale == 0.0f ? 0.0f : static_cast<float>(1.0 / static_cast<double>(scale));
        const float v = std::round(b[i] * inv);
        q[i] = static_cast<std::int64_t>(std::clamp(static_cast<double>(std::isfinite(v) ? v : 0.0f), -limit, limit));
    }
    return q;
}

} // namespace ql::quant
