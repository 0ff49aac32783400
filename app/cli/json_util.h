// SPDX-License-Identifier: MIT
// JSON forms of the engine's analysis structs, shared by the CLI commands (and documented in
// docs/cli-json.md). Non-finite numbers (an exact SQNR is +inf) become null.
#pragma once

#include "eval/metrics.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <cmath>
#include <vector>

namespace ql::cli {

inline QJsonValue number(double v)
{
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

// A list of numbers (scales, zero points, shapes) as a JSON array.
template <class T> QJsonArray numbers(const std::vector<T>& v)
{
    QJsonArray a;
    for (const auto& x : v)
        a.append(static_cast<double>(x));
    return a;
}

inline QJsonObject metricsJson(const eval::ErrorMetrics& m)
{
    return QJsonObject{{QStringLiteral("num_elements"), static_cast<qint64>(m.numElements)},
        {QStringLiteral("stddev"), number(m.stddev)}, {QStringLiteral("mean_error"), number(m.meanError)},
        {QStringLiteral("max_abs_error"), number(m.maxAbsError)},
        {QStringLiteral("mean_squared_error"), number(m.meanSquaredError)},
        {QStringLiteral("rmse_over_scale"), number(m.rmseOverScale)}, {QStringLiteral("sqnr_db"), number(m.sqnrDb)},
        {QStringLiteral("cosine"), number(m.cosine)}};
}

inline QJsonObject histogramJson(const eval::Histogram& h)
{
    QJsonArray counts;
    for (auto c : h.counts)
        counts.append(static_cast<qint64>(c));
    return QJsonObject{{QStringLiteral("lo"), h.lo}, {QStringLiteral("hi"), h.hi}, {QStringLiteral("counts"), counts},
        {QStringLiteral("below"), static_cast<qint64>(h.below)},
        {QStringLiteral("above"), static_cast<qint64>(h.above)}};
}

} // namespace ql::cli
