// SPDX-License-Identifier: MIT
#include "eval/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ql::eval {

ErrorMetrics errorMetrics(
    std::span<const float> ref, std::span<const float> approx, std::span<const float> scales, std::int64_t inner)
{
    ErrorMetrics m;
    const std::size_t n = std::min(ref.size(), approx.size());
    m.numElements = static_cast<std::int64_t>(n);
    if (n == 0) {
        m.rmseOverScale = std::numeric_limits<double>::quiet_NaN();
        m.sqnrDb = std::numeric_limits<double>::infinity();
        return m;
    }
    double sum = 0, sumSq = 0, maxAbs = 0, signal = 0, approxSq = 0, dot = 0, scaled = 0;
    const std::size_t channels = scales.size();
    for (std::size_t i = 0; i < n; ++i) {
        const double x = ref[i], y = approx[i], e = y - x;
        sum += e;
        sumSq += e * e;
        maxAbs = std::max(maxAbs, std::abs(e));
        signal += x * x;
        approxSq += y * y;
        dot += x * y;
        if (channels > 0) {
            const std::size_t c = channels == 1 ? 0 : (i / static_cast<std::size_t>(inner)) % channels;
            const double s = scales[c];
            if (s > 0)
                scaled += (e / s) * (e / s);
        }
    }
    const auto count = static_cast<double>(n);
    m.meanError = sum / count;
    m.meanSquaredError = sumSq / count;
    m.stddev = std::sqrt(std::max(0.0, m.meanSquaredError - m.meanError * m.meanError));
    m.maxAbsError = maxAbs;
    m.rmseOverScale = channels > 0 ? std::sqrt(scaled / count) : std::numeric_limits<double>::quiet_NaN();
    m.sqnrDb = sumSq == 0 ? std::numeric_limits<double>::infinity()
        : signal == 0     ? -std::numeric_limits<double>::infinity()
                          : 10.0 * std::log10(signal / sumSq);
    m.cosine = signal == 0 && approxSq == 0 ? 1.0
        : signal == 0 || approxSq == 0      ? 0.0
                                            : dot / std::sqrt(signal * approxSq);
    return m;
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
