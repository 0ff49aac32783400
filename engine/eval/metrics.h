// SPDX-License-Identifier: MIT
// Error metrics between a reference tensor and its quantized approximation, with the names of TFLite's
// QuantizationDebugger (num_elements, stddev, mean_error, max_abs_error, mean_squared_error; all of
// the difference approx - ref), plus rmse_over_scale, sqnr_db and cosine; and fixed-bin histograms.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace ql::eval {

struct ErrorMetrics {
    std::int64_t numElements = 0;
    double stddev = 0; // of the error
    double meanError = 0;
    double maxAbsError = 0;
    double meanSquaredError = 0;
    // sqrt(mean((error / scale)^2)), with each element's own (channel's) scale; about 1/sqrt(12) = 0.289
    // for pure rounding noise. NaN when there is no scale (float16, float).
    double rmseOverScale = 0;
    double sqnrDb = 0; // 10 log10(sum x^2 / sum (x - x')^2); +inf when exact
    double cosine = 1; // cosine similarity of the two tensors (1 when both are zero)
};

// `scales` (optional) holds one scale per channel; element i belongs to channel (i / inner) % size
// (one scale: all elements).
ErrorMetrics errorMetrics(std::span<const float> ref, std::span<const float> approx, std::span<const float> scales = {},
    std::int64_t inner = 1);

// The same metrics accumulated over many tensors (e.g. one activation over many samples).
class MetricAccumulator {
public:
    // `scale` > 0: also accumulate (error / scale)^2.
    void add(std::span<const float> ref, std::span<const float> approx, float scale = 0);
    // Adds what another accumulator holds (sums, largest error). Folding the same accumulators in the same
    // order gives the same sums bit for bit, wherever they were computed (the shards of a run).
    void merge(const MetricAccumulator& other);
    ErrorMetrics result() const;
    std::int64_t count() const { return m_n; }

    // Everything it holds, to store and restore exactly.
    struct State {
        std::int64_t n = 0;
        double sum = 0, sumSq = 0, maxAbs = 0, signal = 0, approxSq = 0, dot = 0, scaled = 0;
        bool hasScale = false;
    };
    State state() const;
    static MetricAccumulator fromState(const State& s);

private:
    std::int64_t m_n = 0;
    double m_sum = 0, m_sumSq = 0, m_maxAbs = 0, m_signal = 0, m_approxSq = 0, m_dot = 0, m_scaled = 0;
    bool m_hasScale = false;
};

struct Histogram {
    float lo = 0, hi = 0; // the range the bins split evenly
    std::vector<std::int64_t> counts;
    std::int64_t below = 0, above = 0; // values outside [lo, hi]
};

Histogram histogram(std::span<const float> x, float lo, float hi, int bins);

// A number with a fixed count of decimals, for the plain-language reasons ("46.3 dB").
std::string fixedText(double v, int digits);

} // namespace ql::eval
