// SPDX-License-Identifier: MIT
#include "data/profiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>

namespace ql::app {

namespace {

Result<std::vector<model::DType>> types(const QJsonValue& v, const std::string& where)
{
    std::vector<model::DType> out;
    if (v.isUndefined())
        return out;
    if (!v.isArray())
        return Error{where + ": expected a list of type names"};
    for (const auto& t : v.toArray()) {
        const auto d = model::dtypeFromName(t.toString().toStdString());
        if (!d)
            return Error{where + ": unknown type '" + t.toString().toStdString() + "'"};
        out.push_back(*d);
    }
    return out;
}

Result<target::Profile> parse(const QByteArray& bytes, const QString& file,
    const std::vector<target::Profile>& known)
{
    const std::string where = QFileInfo(file).fileName().toStdString();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (doc.isNull() || !doc.isObject())
        return Error{where + ": not a JSON object (" + error.errorString().toStdString() + ")"};
    const QJsonObject o = doc.object();
    target::Profile p;
    p.name = o.value(QStringLiteral("name")).toString().toStdString();
    if (p.name.empty())
        return Error{where + ": \"name\" is missing"};
    p.title = o.value(QStringLiteral("title")).toString(QString::fromStdString(p.name)).toStdString();
    p.description = o.value(QStringLiteral("description")).toString().toStdString();
    // The operator list of another profile (a microcontroller board runs tflite-micro's operators).
    if (const QString from = o.value(QStringLiteral("operators_from")).toString(); !from.isEmpty()) {
        const auto it = std::find_if(known.begin(), known.end(), [&](const target::Profile& k) { return k.name == from.toStdString(); });
        if (it == known.end())
            return Error{where + ": \"operators_from\" names '" + from.toStdString() + "', which is not loaded before it"};
        p.operators = it->operators;
    }
    const QJsonValue ops = o.value(QStringLiteral("operators"));
    if (ops.isObject()) {
        const QJsonObject m = ops.toObject();
        for (auto it = m.begin(); it != m.end(); ++it) {
            target::OperatorSupport s;
            const QJsonObject spec = it.value().toObject();
            auto t = types(spec.value(QStringLiteral("types")), where + ": operators." + it.key().toStdString() + ".types");
            if (!t)
                return t.error();
            s.types = std::move(*t);
            s.limits = spec.value(QStringLiteral("limits")).toString().toStdString();
            p.operators[it.key().toStdString()] = std::move(s);
        }
    } else if (!ops.isUndefined() && ops.toString() != QLatin1String("all")) {
        return Error{where + ": \"operators\" is an object of operators, or \"all\""};
    }
    p.fallsBackToCpu = o.value(QStringLiteral("falls_back_to_cpu")).toBool();
    p.requiresQuantized = o.value(QStringLiteral("requires_quantized")).toBool();
    auto act = types(o.value(QStringLiteral("activation_types")), where + ": activation_types");
    if (!act)
        return act.error();
    p.activationTypes = std::move(*act);
    auto io = types(o.value(QStringLiteral("io_types")), where + ": io_types");
    if (!io)
        return io.error();
    p.ioTypes = std::move(*io);
    p.perTensorWeights = o.value(QStringLiteral("per_tensor_weights")).toBool();
    p.xnnpack = o.value(QStringLiteral("xnnpack")).toBool();
    p.staticShapes = o.value(QStringLiteral("static_shapes")).toBool();
    p.maxVaryingDims = o.value(QStringLiteral("max_varying_dims")).toInt();
    const QString arena = o.value(QStringLiteral("tensor_arena")).toString();
    if (!arena.isEmpty() && arena != QLatin1String("tflite-micro"))
        return Error{where + ": \"tensor_arena\" can only be \"tflite-micro\""};
    p.microArena = arena == QLatin1String("tflite-micro");
    p.ramBytes = static_cast<std::int64_t>(o.value(QStringLiteral("ram_kb")).toDouble() * 1024);
    p.flashBytes = static_cast<std::int64_t>(o.value(QStringLiteral("flash_kb")).toDouble() * 1024);
    if (p.ramBytes < 0 || p.flashBytes < 0)
        return Error{where + ": ram_kb and flash_kb must not be negative"};
    return p;
}

Result<QByteArray> readAll(const QString& file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return Error{file.toStdString() + ": " + f.errorString().toStdString()};
    return f.read(4 << 20);
}

// Shipped profiles in a fixed order, so that "operators_from" finds its base; then the user's.
QStringList profileFiles()
{
    QStringList files;
    QDir shipped(QStringLiteral(":/targets"));
    for (const QString& f : shipped.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        files << shipped.filePath(f);
    // A profile that borrows another's operators comes after it.
    std::stable_sort(files.begin(), files.end(), [](const QString& a, const QString& b) {
        const bool ab = QFileInfo(a).fileName().startsWith(QLatin1String("mcu")),
                   bb = QFileInfo(b).fileName().startsWith(QLatin1String("mcu"));
        return !ab && bb;
    });
    const QString user = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/targets");
    QDir own(user);
    for (const QString& f : own.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        files << own.filePath(f);
    return files;
}

} // namespace

Result<target::Profile> readProfile(const QString& file)
{
    auto loaded = loadProfiles(); // for "operators_from"
    auto bytes = readAll(file);
    if (!bytes)
        return bytes.error();
    return parse(*bytes, file, loaded ? *loaded : std::vector<target::Profile>{});
}

Result<std::vector<target::Profile>> loadProfiles()
{
    std::vector<target::Profile> out;
    for (const QString& file : profileFiles()) {
        auto bytes = readAll(file);
        if (!bytes)
            return bytes.error();
        auto p = parse(*bytes, file, out);
        if (!p)
            return p.error();
        std::erase_if(out, [&](const target::Profile& k) { return k.name == p->name; });
        out.push_back(std::move(*p));
    }
    return out;
}

Result<target::Profile> findProfile(const QString& nameOrFile)
{
    if (nameOrFile.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return readProfile(nameOrFile);
    auto all = loadProfiles();
    if (!all)
        return all.error();
    std::string names;
    for (auto& p : *all) {
        if (p.name == nameOrFile.toStdString())
            return p;
        names += (names.empty() ? "" : ", ") + p.name;
    }
    return Error{"no target profile named '" + nameOrFile.toStdString() + "' (known: " + names + ")"};
}

} // namespace ql::app
