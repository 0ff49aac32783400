// SPDX-License-Identifier: MIT
#include "data/partials.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ql::app {

namespace {

constexpr auto kKind = "quantlens-eval-partial";
constexpr auto kSensitivityKind = "quantlens-sensitivity-partial";

QJsonArray strings(const std::vector<std::string>& v)
{
    QJsonArray a;
    for (const auto& s : v)
        a.append(QString::fromStdString(s));
    return a;
}

std::vector<std::string> strings(const QJsonValue& v)
{
    std::vector<std::string> out;
    for (const auto& x : v.toArray())
        out.push_back(x.toString().toStdString());
    return out;
}

template <class T> QJsonArray numbers(const std::vector<T>& v)
{
    QJsonArray a;
    for (auto x : v)
        a.append(static_cast<double>(x));
    return a;
}

template <class T> bool readNumbers(const QJsonValue& v, std::vector<T>& out)
{
    if (!v.isArray())
        return false;
    for (const auto& x : v.toArray()) {
        if (!x.isDouble())
            return false;
        out.push_back(static_cast<T>(x.toDouble()));
    }
    return true;
}

void writeShard(QJsonObject& j, const eval::Shard& s)
{
    j[QStringLiteral("shard")] = s.index;
    j[QStringLiteral("shards")] = s.count;
    j[QStringLiteral("first")] = static_cast<qint64>(s.first);
    j[QStringLiteral("size")] = static_cast<qint64>(s.size);
    j[QStringLiteral("total")] = static_cast<qint64>(s.total);
}

bool readShard(const QJsonObject& j, eval::Shard& s)
{
    s.index = j[QStringLiteral("shard")].toInt(-1);
    s.count = j[QStringLiteral("shards")].toInt(0);
    s.first = j[QStringLiteral("first")].toInteger(-1);
    s.size = j[QStringLiteral("size")].toInteger(-1);
    s.total = j[QStringLiteral("total")].toInteger(-1);
    return s.count >= 1 && s.index >= 0 && s.index < s.count && s.first >= 0 && s.size >= 0 &&
        s.total >= s.first + s.size;
}

Result<PartialFile> evaluationFromJson(const std::string& where, const QJsonObject& j);
Result<SensitivityPartialFile> sensitivityFromJson(const std::string& where, const QJsonObject& j);

} // namespace

QByteArray partialToJson(const PartialFile& f)
{
    const eval::EvaluationPartial& p = f.partial;
    QJsonObject j;
    j[QStringLiteral("kind")] = QLatin1String(kKind);
    j[QStringLiteral("version")] = p.version;
    j[QStringLiteral("fingerprint")] = QString::fromStdString(p.fingerprint);
    j[QStringLiteral("model")] = f.model;
    writeShard(j, p.shard);
    j[QStringLiteral("labelled")] = p.labelled;
    j[QStringLiteral("labels")] = numbers(p.labels);
    j[QStringLiteral("notes")] = strings(p.notes);
    QJsonArray modes;
    for (const auto& m : p.modes) {
        QJsonObject o;
        o[QStringLiteral("mode")] = QString::fromStdString(m.mode);
        o[QStringLiteral("classes")] = m.classes;
        o[QStringLiteral("top1")] = numbers(m.top1);
        o[QStringLiteral("top5")] = numbers(m.top5);
        o[QStringLiteral("kl")] = numbers(m.kl);
        o[QStringLiteral("size_bytes")] = static_cast<qint64>(m.sizeBytes);
        o[QStringLiteral("tflite_micro_arena_bytes")] = static_cast<qint64>(m.microArenaBytes);
        QJsonObject by;
        for (const auto& [k, v] : m.bytesByDtype)
            by[QString::fromStdString(k)] = static_cast<qint64>(v);
        o[QStringLiteral("bytes_by_dtype")] = by;
        o[QStringLiteral("latency_ms")] = m.latencyMs;
        o[QStringLiteral("notes")] = strings(m.notes);
        o[QStringLiteral("collapse_causes")] = QString::fromStdString(m.collapseCauses);
        modes.append(o);
    }
    j[QStringLiteral("modes")] = modes;
    return QJsonDocument(j).toJson(QJsonDocument::Compact);
}

Result<AnyPartial> readPartial(const QString& path)
{
    const std::string where = path.toStdString() + ": ";
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{where + "cannot read (" + file.errorString().toStdString() + ")"};
    QJsonParseError e{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject())
        return Error{where + "not a partial result (" + e.errorString().toStdString() + ")"};
    const QJsonObject j = doc.object();
    const QString kind = j[QStringLiteral("kind")].toString();
    AnyPartial any;
    any.path = path;
    if (kind == QLatin1String(kKind)) {
        auto f = evaluationFromJson(where, j);
        if (!f)
            return f.error();
        any.evaluation = std::move(*f);
        return any;
    }
    if (kind == QLatin1String(kSensitivityKind)) {
        auto f = sensitivityFromJson(where, j);
        if (!f)
            return f.error();
        any.sensitivity = true;
        any.ranking = std::move(*f);
        return any;
    }
    return Error{where + "not a partial result of `quantlens-cli eval --shard` or `sensitivity --shard` (kind '" +
        kind.toStdString() + "')"};
}

QByteArray partialToJson(const SensitivityPartialFile& f)
{
    const eval::SensitivityPartial& p = f.partial;
    QJsonObject j;
    j[QStringLiteral("kind")] = QLatin1String(kSensitivityKind);
    j[QStringLiteral("version")] = p.version;
    j[QStringLiteral("fingerprint")] = QString::fromStdString(p.fingerprint);
    j[QStringLiteral("model")] = f.model;
    writeShard(j, p.shard);
    j[QStringLiteral("stage")] =
        p.stage == eval::SensitivityPartial::Stage::Ranking ? QStringLiteral("ranking") : QStringLiteral("selection");
    j[QStringLiteral("mode")] = QString::fromStdString(p.metricMode);
    j[QStringLiteral("budget")] = p.budget;
    QJsonArray layers;
    for (const auto& l : p.layers)
        layers.append(
            QJsonObject{{QStringLiteral("index"), l.op}, {QStringLiteral("op"), QString::fromStdString(l.opName)}});
    j[QStringLiteral("layers")] = layers;
    j[QStringLiteral("order")] = numbers(p.order);
    j[QStringLiteral("labels")] = numbers(p.samples.labels);
    j[QStringLiteral("reference")] = numbers(p.samples.reference);
    QJsonArray variants;
    for (const auto& v : p.samples.top1)
        variants.append(numbers(v));
    j[QStringLiteral("variants")] = variants;
    j[QStringLiteral("notes")] = strings(p.notes);
    return QJsonDocument(j).toJson(QJsonDocument::Compact);
}

namespace {

Result<SensitivityPartialFile> sensitivityFromJson(const std::string& where, const QJsonObject& j)
{
    SensitivityPartialFile f;
    eval::SensitivityPartial& p = f.partial;
    p.version = j[QStringLiteral("version")].toInt(-1);
    p.fingerprint = j[QStringLiteral("fingerprint")].toString().toStdString();
    f.model = j[QStringLiteral("model")].toString();
    if (!readShard(j, p.shard))
        return Error{where + "its shard numbers are damaged"};
    const QString stage = j[QStringLiteral("stage")].toString();
    if (stage != QLatin1String("ranking") && stage != QLatin1String("selection"))
        return Error{where + "its stage '" + stage.toStdString() + "' is neither ranking nor selection"};
    p.stage = stage == QLatin1String("ranking") ? eval::SensitivityPartial::Stage::Ranking
                                                : eval::SensitivityPartial::Stage::Selection;
    p.metricMode = j[QStringLiteral("mode")].toString().toStdString();
    p.budget = j[QStringLiteral("budget")].toDouble(-1);
    p.notes = strings(j[QStringLiteral("notes")]);
    for (const auto& v : j[QStringLiteral("layers")].toArray()) {
        const QJsonObject o = v.toObject();
        p.layers.push_back({o[QStringLiteral("index")].toInt(-1), o[QStringLiteral("op")].toString().toStdString()});
    }
    bool ok = readNumbers(j[QStringLiteral("order")], p.order) &&
        readNumbers(j[QStringLiteral("labels")], p.samples.labels) &&
        readNumbers(j[QStringLiteral("reference")], p.samples.reference);
    for (const auto& v : j[QStringLiteral("variants")].toArray()) {
        p.samples.top1.emplace_back();
        ok = ok && readNumbers(v, p.samples.top1.back());
    }
    const auto size = static_cast<std::size_t>(p.shard.size);
    ok = ok && p.samples.reference.size() == size && (p.samples.labels.empty() || p.samples.labels.size() == size);
    for (const auto& v : p.samples.top1)
        ok = ok && v.size() == size;
    if (!ok || p.budget < 0)
        return Error{where + "its per-sample values are damaged or missing"};
    return f;
}

Result<PartialFile> evaluationFromJson(const std::string& where, const QJsonObject& j)
{
    PartialFile f;
    eval::EvaluationPartial& p = f.partial;
    p.version = j[QStringLiteral("version")].toInt(-1);
    p.fingerprint = j[QStringLiteral("fingerprint")].toString().toStdString();
    f.model = j[QStringLiteral("model")].toString();
    if (!readShard(j, p.shard))
        return Error{where + "its shard numbers are damaged"};
    p.labelled = j[QStringLiteral("labelled")].toBool();
    p.notes = strings(j[QStringLiteral("notes")]);
    bool ok = readNumbers(j[QStringLiteral("labels")], p.labels);
    for (const auto& v : j[QStringLiteral("modes")].toArray()) {
        const QJsonObject o = v.toObject();
        eval::ModePartial m;
        m.mode = o[QStringLiteral("mode")].toString().toStdString();
        m.classes = o[QStringLiteral("classes")].toInt();
        ok = ok && readNumbers(o[QStringLiteral("top1")], m.top1) && readNumbers(o[QStringLiteral("top5")], m.top5) &&
            readNumbers(o[QStringLiteral("kl")], m.kl);
        m.sizeBytes = o[QStringLiteral("size_bytes")].toInteger();
        m.microArenaBytes = o[QStringLiteral("tflite_micro_arena_bytes")].toInteger(-1);
        const QJsonObject by = o[QStringLiteral("bytes_by_dtype")].toObject();
        for (auto it = by.begin(); it != by.end(); ++it)
            m.bytesByDtype[it.key().toStdString()] = static_cast<std::uint64_t>(it.value().toInteger());
        m.latencyMs = o[QStringLiteral("latency_ms")].toDouble();
        m.notes = strings(o[QStringLiteral("notes")]);
        m.collapseCauses = o[QStringLiteral("collapse_causes")].toString().toStdString();
        const auto size = static_cast<std::size_t>(p.shard.size);
        if (m.top1.size() != size || (p.labelled && m.top5.size() != size) || (!m.kl.empty() && m.kl.size() != size))
            return Error{where + "mode " + m.mode + " does not hold one value per sample of the shard"};
        p.modes.push_back(std::move(m));
    }
    if (!ok || p.modes.empty() || (p.labelled && p.labels.size() != static_cast<std::size_t>(p.shard.size)))
        return Error{where + "its per-sample values are damaged or missing"};
    return f;
}

} // namespace

} // namespace ql::app
