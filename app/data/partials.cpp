// SPDX-License-Identifier: MIT
#include "data/partials.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ql::app {

namespace {

constexpr auto kKind = "quantlens-eval-partial";

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

} // namespace

QByteArray partialToJson(const PartialFile& f)
{
    const eval::EvaluationPartial& p = f.partial;
    QJsonObject j;
    j[QStringLiteral("kind")] = QLatin1String(kKind);
    j[QStringLiteral("version")] = p.version;
    j[QStringLiteral("fingerprint")] = QString::fromStdString(p.fingerprint);
    j[QStringLiteral("model")] = f.model;
    j[QStringLiteral("shard")] = p.shard.index;
    j[QStringLiteral("shards")] = p.shard.count;
    j[QStringLiteral("first")] = static_cast<qint64>(p.shard.first);
    j[QStringLiteral("size")] = static_cast<qint64>(p.shard.size);
    j[QStringLiteral("total")] = static_cast<qint64>(p.shard.total);
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

Result<PartialFile> readPartial(const QString& path)
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
    if (j[QStringLiteral("kind")].toString() != QLatin1String(kKind))
        return Error{where + "not a partial result of `quantlens-cli eval --shard` (kind '" +
            j[QStringLiteral("kind")].toString().toStdString() + "')"};
    PartialFile f;
    eval::EvaluationPartial& p = f.partial;
    p.version = j[QStringLiteral("version")].toInt(-1);
    p.fingerprint = j[QStringLiteral("fingerprint")].toString().toStdString();
    f.model = j[QStringLiteral("model")].toString();
    p.shard.index = j[QStringLiteral("shard")].toInt(-1);
    p.shard.count = j[QStringLiteral("shards")].toInt(0);
    p.shard.first = j[QStringLiteral("first")].toInteger(-1);
    p.shard.size = j[QStringLiteral("size")].toInteger(-1);
    p.shard.total = j[QStringLiteral("total")].toInteger(-1);
    p.labelled = j[QStringLiteral("labelled")].toBool();
    p.notes = strings(j[QStringLiteral("notes")]);
    bool ok = readNumbers(j[QStringLiteral("labels")], p.labels);
    if (p.shard.count < 1 || p.shard.index < 0 || p.shard.index >= p.shard.count || p.shard.first < 0 ||
        p.shard.size < 0 || p.shard.total < p.shard.first + p.shard.size)
        return Error{where + "its shard numbers are damaged"};
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

} // namespace ql::app
