// SPDX-License-Identifier: MIT
#include "data/partials.h"

#include "data/json_file.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <bit>
#include <cstring>

namespace ql::app {

namespace {

constexpr auto kKind = "quantlens-eval-partial";
constexpr auto kSensitivityKind = "quantlens-sensitivity-partial";
constexpr auto kAnalysisKind = "quantlens-analyze-partial";

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

// What every partial says about itself: its kind and format version, the run (fingerprint), the model (as named,
// and its contents' SHA-256) and which share of the samples it holds.
void writeHeader(QJsonObject& j, const char* kind, int version, const std::string& fingerprint, const QString& model,
    const QString& modelSha256, const eval::Shard& s)
{
    j[QStringLiteral("kind")] = QLatin1String(kind);
    j[QStringLiteral("version")] = version;
    j[QStringLiteral("fingerprint")] = QString::fromStdString(fingerprint);
    j[QStringLiteral("model")] = model;
    j[QStringLiteral("model_sha256")] = modelSha256;
    j[QStringLiteral("shard")] = s.index;
    j[QStringLiteral("shards")] = s.count;
    j[QStringLiteral("first")] = static_cast<qint64>(s.first);
    j[QStringLiteral("size")] = static_cast<qint64>(s.size);
    j[QStringLiteral("total")] = static_cast<qint64>(s.total);
}

// False when the shard numbers are damaged.
bool readHeader(
    const QJsonObject& j, int& version, std::string& fingerprint, QString& model, QString& modelSha256, eval::Shard& s)
{
    version = j[QStringLiteral("version")].toInt(-1);
    fingerprint = j[QStringLiteral("fingerprint")].toString().toStdString();
    model = j[QStringLiteral("model")].toString();
    modelSha256 = j[QStringLiteral("model_sha256")].toString();
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
Result<AnalysisPartialFile> analysisFromJson(const std::string& where, const QJsonObject& j);

} // namespace

QByteArray partialToJson(const PartialFile& f)
{
    const eval::EvaluationPartial& p = f.partial;
    QJsonObject j;
    writeHeader(j, kKind, p.version, p.fingerprint, f.model, f.modelSha256, p.shard);
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
    auto read = readJsonObject(path, "a partial result");
    if (!read)
        return read.error();
    const QJsonObject& j = *read;
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
        any.kind = AnyPartial::Kind::Sensitivity;
        any.ranking = std::move(*f);
        return any;
    }
    if (kind == QLatin1String(kAnalysisKind)) {
        auto f = analysisFromJson(where, j);
        if (!f)
            return f.error();
        any.kind = AnyPartial::Kind::Analysis;
        any.analysis = std::move(*f);
        return any;
    }
    return Error{where + "not a partial result of `quantlens-cli eval`, `sensitivity` or `analyze` --shard (kind '" +
        kind.toStdString() + "')"};
}

QByteArray partialToJson(const SensitivityPartialFile& f)
{
    const eval::SensitivityPartial& p = f.partial;
    QJsonObject j;
    writeHeader(j, kSensitivityKind, p.version, p.fingerprint, f.model, f.modelSha256, p.shard);
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
    if (!readHeader(j, p.version, p.fingerprint, f.model, f.modelSha256, p.shard))
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
    if (!readHeader(j, p.version, p.fingerprint, f.model, f.modelSha256, p.shard))
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

const char* AnyPartial::command() const
{
    return kind == Kind::Sensitivity ? "sensitivity" : kind == Kind::Analysis ? "analyze" : "eval";
}

namespace {

// Per sample and layer: both accumulators' states, the clipped and total counts, as little-endian 8-byte words.
static_assert(std::endian::native == std::endian::little, "partials store the host's doubles as little-endian");
constexpr int kWordsPerStat = 20;

void putState(QByteArray& out, const eval::MetricAccumulator::State& s)
{
    const double d[] = {s.sum, s.sumSq, s.maxAbs, s.signal, s.approxSq, s.dot, s.scaled};
    const std::int64_t n[] = {s.n, s.hasScale ? 1 : 0};
    out.append(reinterpret_cast<const char*>(n), sizeof n);
    out.append(reinterpret_cast<const char*>(d), sizeof d);
}

eval::MetricAccumulator::State getState(const char*& p)
{
    eval::MetricAccumulator::State s;
    std::int64_t n[2];
    double d[7];
    std::memcpy(n, p, sizeof n);
    p += sizeof n;
    std::memcpy(d, p, sizeof d);
    p += sizeof d;
    s.n = n[0];
    s.hasScale = n[1] != 0;
    s.sum = d[0];
    s.sumSq = d[1];
    s.maxAbs = d[2];
    s.signal = d[3];
    s.approxSq = d[4];
    s.dot = d[5];
    s.scaled = d[6];
    return s;
}

} // namespace

QByteArray partialToJson(const AnalysisPartialFile& f)
{
    const eval::ActivationPartial& p = f.partial;
    QJsonObject j;
    writeHeader(j, kAnalysisKind, p.version, p.fingerprint, f.model, f.modelSha256, p.shard);
    j[QStringLiteral("bins")] = p.bins;
    j[QStringLiteral("histograms")] = f.histograms;
    j[QStringLiteral("output")] = f.output;
    QJsonArray layers, kept;
    for (std::size_t k = 0; k < p.measure.layers.size(); ++k) {
        const auto& l = p.measure.layers[k];
        layers.append(
            QJsonObject{{QStringLiteral("index"), l.op}, {QStringLiteral("op"), QString::fromStdString(l.opName)},
                {QStringLiteral("tensor_index"), l.tensor}, {QStringLiteral("tensor"), QString::fromStdString(l.name)},
                {QStringLiteral("dtype"), QString::fromStdString(l.dtype)}, {QStringLiteral("has_range"), l.hasRange},
                {QStringLiteral("scale"), l.scale}, {QStringLiteral("zero_point"), static_cast<qint64>(l.zeroPoint)},
                {QStringLiteral("range"), QJsonArray{l.rangeLo, l.rangeHi}}});
        const auto& v = p.measure.kept[k];
        kept.append(QString::fromLatin1(
            QByteArray(reinterpret_cast<const char*>(v.data()), static_cast<qsizetype>(v.size() * sizeof(float)))
                .toBase64()));
    }
    j[QStringLiteral("layers")] = layers;
    j[QStringLiteral("kept")] = kept;
    QByteArray stats;
    stats.reserve(static_cast<qsizetype>(p.samples.size() * p.measure.layers.size() * kWordsPerStat * 8));
    for (const auto& sample : p.samples)
        for (const auto& s : sample) {
            putState(stats, s.local.state());
            putState(stats, s.propagated.state());
            const std::int64_t c[] = {s.clipped, s.total};
            stats.append(reinterpret_cast<const char*>(c), sizeof c);
        }
    j[QStringLiteral("samples")] = QString::fromLatin1(stats.toBase64());
    return QJsonDocument(j).toJson(QJsonDocument::Compact);
}

namespace {

Result<AnalysisPartialFile> analysisFromJson(const std::string& where, const QJsonObject& j)
{
    AnalysisPartialFile f;
    eval::ActivationPartial& p = f.partial;
    if (!readHeader(j, p.version, p.fingerprint, f.model, f.modelSha256, p.shard))
        return Error{where + "its shard numbers are damaged"};
    p.bins = j[QStringLiteral("bins")].toInt(64);
    f.histograms = j[QStringLiteral("histograms")].toBool(true);
    f.output = j[QStringLiteral("output")].toObject();
    const QJsonArray kept = j[QStringLiteral("kept")].toArray();
    for (const auto& v : j[QStringLiteral("layers")].toArray()) {
        const QJsonObject o = v.toObject();
        eval::ActivationLayer l;
        l.op = o[QStringLiteral("index")].toInt(-1);
        l.opName = o[QStringLiteral("op")].toString().toStdString();
        l.tensor = o[QStringLiteral("tensor_index")].toInt(-1);
        l.name = o[QStringLiteral("tensor")].toString().toStdString();
        l.dtype = o[QStringLiteral("dtype")].toString().toStdString();
        l.hasRange = o[QStringLiteral("has_range")].toBool();
        l.scale = static_cast<float>(o[QStringLiteral("scale")].toDouble());
        l.zeroPoint = o[QStringLiteral("zero_point")].toInteger();
        l.rangeLo = static_cast<float>(o[QStringLiteral("range")].toArray().at(0).toDouble());
        l.rangeHi = static_cast<float>(o[QStringLiteral("range")].toArray().at(1).toDouble());
        const QByteArray bytes =
            QByteArray::fromBase64(kept.at(static_cast<qsizetype>(p.measure.layers.size())).toString().toLatin1());
        if (bytes.size() % static_cast<qsizetype>(sizeof(float)) != 0)
            return Error{where + "its kept values are damaged"};
        std::vector<float> values(static_cast<std::size_t>(bytes.size()) / sizeof(float));
        if (!values.empty())
            std::memcpy(values.data(), bytes.constData(), static_cast<std::size_t>(bytes.size()));
        p.measure.layers.push_back(std::move(l));
        p.measure.kept.push_back(std::move(values));
    }
    const QByteArray stats = QByteArray::fromBase64(j[QStringLiteral("samples")].toString().toLatin1());
    const auto perSample = static_cast<qsizetype>(p.measure.layers.size() * kWordsPerStat * 8);
    if (p.measure.layers.empty() || kept.size() != static_cast<qsizetype>(p.measure.layers.size()) ||
        stats.size() != perSample * p.shard.size)
        return Error{where + "its per-sample values are damaged or missing"};
    const char* at = stats.constData();
    for (std::int64_t i = 0; i < p.shard.size; ++i) {
        std::vector<eval::ActivationSampleStats> sample(p.measure.layers.size());
        for (auto& s : sample) {
            s.local = eval::MetricAccumulator::fromState(getState(at));
            s.propagated = eval::MetricAccumulator::fromState(getState(at));
            std::int64_t c[2];
            std::memcpy(c, at, sizeof c);
            at += sizeof c;
            s.clipped = c[0];
            s.total = c[1];
        }
        p.samples.push_back(std::move(sample));
    }
    return f;
}

} // namespace

} // namespace ql::app
