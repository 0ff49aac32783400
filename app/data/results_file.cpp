// SPDX-License-Identifier: MIT
#include "data/results_file.h"

#include "data/json_file.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <limits>

namespace ql::app {

namespace {

// A number of the file; null stands for a value that is not finite (an infinite KL), absent for a damaged file.
bool readNumber(const QJsonObject& o, const char* key, double& out, double null)
{
    const QJsonValue v = o[QLatin1String(key)];
    if (v.isNull()) {
        out = null;
        return true;
    }
    if (!v.isDouble())
        return false;
    out = v.toDouble();
    return true;
}

Result<EvaluationResults> evaluationFromJson(const std::string& where, const QJsonObject& j)
{
    EvaluationResults r;
    r.model = j[QStringLiteral("model")].toString();
    r.modelSha256 = j[QStringLiteral("model_sha256")].toString();
    r.samples = j[QStringLiteral("samples")].toInteger();
    r.labelled = j[QStringLiteral("labelled")].toBool();
    for (const auto& n : j[QStringLiteral("notes")].toArray())
        r.notes.push_back(n.toString().toStdString());
    const double inf = std::numeric_limits<double>::infinity();
    for (const auto& v : j[QStringLiteral("modes")].toArray()) {
        const QJsonObject m = v.toObject();
        eval::ModeEvaluation row;
        row.mode = m[QStringLiteral("mode")].toString().toStdString();
        row.result.count = r.samples;
        const bool ok = !row.mode.empty() && readNumber(m, "accuracy", row.result.accuracy, -1) &&
            readNumber(m, "top5", row.result.top5, -1) && readNumber(m, "agreement", row.agreement, -1) &&
            readNumber(m, "kl_mean", row.klMean, inf) && readNumber(m, "kl_p50", row.klP50, inf) &&
            readNumber(m, "kl_p90", row.klP90, inf) && readNumber(m, "kl_p99", row.klP99, inf) &&
            readNumber(m, "kl_max", row.klMax, inf) && m[QStringLiteral("size_bytes")].isDouble();
        if (!ok)
            return Error{where + "mode " + std::to_string(r.modes.size()) + " ('" + row.mode + "') is damaged"};
        row.sizeBytes = m[QStringLiteral("size_bytes")].toInteger();
        row.microArenaBytes = m[QStringLiteral("tflite_micro_arena_bytes")].toInteger(-1);
        const QJsonObject by = m[QStringLiteral("bytes_by_dtype")].toObject();
        for (auto it = by.begin(); it != by.end(); ++it)
            row.bytesByDtype[it.key().toStdString()] = static_cast<std::uint64_t>(it.value().toInteger());
        row.latencyMs = m[QStringLiteral("latency_ms")].toDouble();
        for (const auto& line : m[QStringLiteral("confusion")].toArray()) {
            std::vector<std::int64_t> counts;
            for (const auto& c : line.toArray())
                counts.push_back(c.toInteger());
            row.confusion.push_back(std::move(counts));
        }
        row.result.classes = static_cast<int>(row.confusion.size());
        for (const auto& n : m[QStringLiteral("notes")].toArray())
            row.notes.push_back(n.toString().toStdString());
        row.collapse = m[QStringLiteral("collapse")].toString().toStdString();
        r.modes.push_back(std::move(row));
    }
    if (r.modes.empty())
        return Error{where + "holds no evaluated mode"};
    return r;
}

Result<SensitivityResults> sensitivityFromJson(const std::string& where, const QJsonObject& j)
{
    SensitivityResults r;
    r.model = j[QStringLiteral("model")].toString();
    r.modelSha256 = j[QStringLiteral("model_sha256")].toString();
    r.mode = j[QStringLiteral("mode")].toString();
    r.samples = j[QStringLiteral("samples")].toInteger();
    for (const auto& n : j[QStringLiteral("notes")].toArray())
        r.notes.push_back(n.toString().toStdString());
    eval::SensitivityResult& s = r.result;
    s.metric = j[QStringLiteral("metric")].toString().toStdString();
    s.floatMetric = j[QStringLiteral("float")].toDouble(-1);
    s.quantizedMetric = j[QStringLiteral("quantized")].toDouble(-1);
    s.budget = j[QStringLiteral("budget")].toDouble(-1);
    s.selectionMetric = j[QStringLiteral("selection")].toDouble(-1);
    s.withinBudget = j[QStringLiteral("within_budget")].toBool();
    s.complete = j[QStringLiteral("complete")].toBool(true);
    s.runs = j[QStringLiteral("runs")].toInt();
    for (const auto& v : j[QStringLiteral("layers")].toArray()) {
        const QJsonObject o = v.toObject();
        eval::LayerSensitivity l;
        l.op = o[QStringLiteral("index")].toInt(-1);
        l.opName = o[QStringLiteral("op")].toString().toStdString();
        l.keptFloat = o[QStringLiteral("kept_float")].toDouble();
        l.onlyQuantized = o[QStringLiteral("only_quantized")].toDouble();
        l.gain = o[QStringLiteral("gain")].toDouble();
        l.cost = o[QStringLiteral("cost")].toDouble();
        if (l.op < 0 || l.opName.empty())
            return Error{where + "layer " + std::to_string(s.layers.size()) + " is damaged"};
        s.layers.push_back(std::move(l));
    }
    for (const auto& v : j[QStringLiteral("keep_float")].toArray())
        s.keepFloat.push_back(v.toInt(-1));
    for (const auto& v : j[QStringLiteral("selection_order")].toArray())
        s.order.push_back(v.toInt(-1));
    if (s.layers.empty() || s.floatMetric < 0 || s.quantizedMetric < 0 || s.budget < 0 ||
        std::any_of(s.keepFloat.begin(), s.keepFloat.end(), [](int op) { return op < 0; }))
        return Error{where + "its sensitivity numbers are damaged or missing"};
    return r;
}

} // namespace

Result<OpenedResults> readResults(const QString& path)
{
    const std::string where = path.toStdString() + ": ";
    auto read = readJsonObject(path, "JSON");
    if (!read)
        return read.error();
    const QJsonObject& j = *read;
    OpenedResults r;
    if (j[QStringLiteral("modes")].isArray() && j[QStringLiteral("samples")].isDouble()) {
        auto ev = evaluationFromJson(where, j);
        if (!ev)
            return ev.error();
        r.evaluation = std::move(*ev);
        return r;
    }
    if (j[QStringLiteral("metric")].isString() && j[QStringLiteral("layers")].isArray() &&
        j[QStringLiteral("keep_float")].isArray()) {
        auto s = sensitivityFromJson(where, j);
        if (!s)
            return s.error();
        r.kind = OpenedResults::Kind::Sensitivity;
        r.sensitivity = std::move(*s);
        return r;
    }
    if (j[QStringLiteral("activations")].isArray()) {
        AnalysisResults& a = r.analysis;
        r.kind = OpenedResults::Kind::Analysis;
        a.model = j[QStringLiteral("model")].toString();
        a.modelSha256 = j[QStringLiteral("model_sha256")].toString();
        a.mode = j[QStringLiteral("mode")].toString();
        const double inf = std::numeric_limits<double>::infinity();
        for (const auto& v : j[QStringLiteral("activations")].toArray()) {
            const QJsonObject o = v.toObject();
            double propagated = 0, local = 0;
            if (!o[QStringLiteral("index")].isDouble() ||
                !readNumber(o[QStringLiteral("propagated")].toObject(), "sqnr_db", propagated, inf) ||
                !readNumber(o[QStringLiteral("local")].toObject(), "sqnr_db", local, inf))
                return Error{where + "activation " + std::to_string(a.ops.size()) + " is damaged"};
            a.ops.push_back(o[QStringLiteral("index")].toInt());
            a.propagated.push_back(propagated);
            a.local.push_back(local);
        }
        return r;
    }
    return Error{where +
        "not an evaluation, a sensitivity ranking or an activation analysis (the JSON of "
        "quantlens-cli eval, sensitivity, analyze --data or merge with --json)"};
}

} // namespace ql::app
