// SPDX-License-Identifier: MIT
#include "eval/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace ql::eval {

ErrorMetrics errorMetrics(
    std::span<const float> ref, std::span<const float> approx, std::span<const float> scales, std::int64_t inner)
{
    MetricAccumulator acc;
    const std::size_t n = std::min(ref.size(), approx.size());
    if (scales.size() <= 1) {
        acc.add(ref.subspan(0, n), approx.subspan(0, n), scales.empty() ? 0.0f : scales[0]);
        return acc.result();
    }
    // Per channel: runs of `inner` elements share a scale.
    const auto run = static_cast<std::size_t>(std::max<std::int64_t>(inner, 1));
    for (std::size_t i = 0; i < n; i += run) {
        const std::size_t len = std::min(run, n - i);
        acc.add(ref.subspan(i, len), approx.subspan(i, len), scales[(i / run) % scales.size()]);
    }
    return acc.result();
}

void MetricAccumulator::add(std::span<const float> ref, std::span<const float> approx, float scale)
{
    const std::size_t n = std::min(ref.size(), approx.size());
    m_hasScale = m_hasScale || scale > 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double x = ref[i], y = approx[i], e = y - x;
        m_sum += e;
        m_sumSq += e * e;
        m_maxAbs = std::max(m_maxAbs, std::abs(e));
        m_signal += x * x;
        m_approxSq += y * y;
        m_dot += x * y;
        if (scale > 0)
            m_scaled += (e / scale) * (e / scale);
    }
    m_n += static_cast<std::int64_t>(n);
}

void MetricAccumulator::merge(const MetricAccumulator& o)
{
    m_n += o.m_n;
    m_sum += o.m_sum;
    m_sumSq += o.m_sumSq;
    m_maxAbs = std::max(m_maxAbs, o.m_maxAbs);
    m_signal += o.m_signal;
    m_approxSq += o.m_approxSq;
    m_dot += o.m_dot;
    m_scaled += o.m_scaled;
    m_hasScale = m_hasScale || o.m_hasScale;
}

MetricAccumulator::State MetricAccumulator::state() const
{
    return {m_n, m_sum, m_sumSq, m_maxAbs, m_signal, m_approxSq, m_dot, m_scaled, m_hasScale};
}

MetricAccumulator MetricAccumulator::fromState(const State& s)
{
    MetricAccumulator a;
    a.m_n = s.n;
    a.m_sum = s.sum;
    a.m_sumSq = s.sumSq;
    a.m_maxAbs = s.maxAbs;
    a.m_signal = s.signal;
    a.m_approxSq = s.approxSq;
    a.m_dot = s.dot;
    a.m_scaled = s.scaled;
    a.m_hasScale = s.hasScale;
    return a;
}

ErrorMetrics MetricAccumulator::result() const
{
    ErrorMetrics m;
    m.numElements = m_n;
    if (m_n == 0) {
        m.rmseOverScale = std::numeric_limits<double>::quiet_NaN();
        m.sqnrDb = std::numeric_limits<double>::infinity();
        return m;
    }
    const auto count = static_cast<double>(m_n);
    m.meanError = m_sum / count;
    m.meanSquaredError = m_sumSq / count;
    m.stddev = std::sqrt(std::max(0.0, m.meanSquaredError - m.meanError * m.meanError));
    m.maxAbsError = m_maxAbs;
    m.rmseOverScale = m_hasScale ? std::sqrt(m_scaled / count) : std::numeric_limits<double>::quiet_NaN();
    m.sqnrDb = m_sumSq == 0 ? std::numeric_limits<double>::infinity()
        : m_signal == 0     ? -std::numeric_limits<double>::infinity()
                            : 10.0 * std::log10(m_signal / m_sumSq);
    m.cosine = m_signal == 0 && m_approxSq == 0 ? 1.0
        : m_signal == 0 || m_approxSq == 0      ? 0.0
                                                : m_dot / std::sqrt(m_signal * m_approxSq);
    return m;
}

std::string fixedText(double v, int digits)
{
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(digits);
    s << v;
    return s.str();
}

Histogram histogram(std::span<const float> x, float lo, float hi, int bins)
{
    Histogram h;
    h.lo = lo;
    h.hi = hi;
    h.counts.assign(static_cast<std::size_t>(std::max(bins, 1)), 0);
    const double width = hi > lo && std::isfinite(hi) && std::isfinite(lo)
        ? (static_cast<double>(hi) - lo) / static_cast<double>(h.counts.size())
        : 0.0;
    for (float v : x) {
        if (!std::isfinite(v))
            continue; // NaN / inf have no bin
        if (v < lo) {
            ++h.below;
        } else if (v > hi) {
            ++h.above;
        } else {
            std::size_t b = width > 0 ? static_cast<std::size_t>((static_cast<double>(v) - lo) / width) : 0;
            b = std::min(b, h.counts.size() - 1);
            ++h.counts[b];
        }
    }
    return h;
}

} // namespace ql::eval
