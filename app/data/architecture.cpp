// SPDX-License-Identifier: MIT
#include "data/architecture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace ql::app {

namespace {

using train::LayerKind;

std::string str(const QString& s)
{
    return s.toStdString();
}

// An int, or a [height, width] pair.
Status pair(const QJsonObject& o, const QString& key, int& h, int& w)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined())
        return {};
    if (v.isDouble() && v.toDouble() == static_cast<double>(v.toInt()) && v.toInt() > 0) {
        h = w = v.toInt();
        return {};
    }
    const QJsonArray a = v.toArray();
    if (v.isArray() && a.size() == 2 && a[0].toInt() > 0 && a[1].toInt() > 0) {
        h = a[0].toInt();
        w = a[1].toInt();
        return {};
    }
    return Error{"'" + str(key) + "' must be a positive integer or [height, width]"};
}

Result<int> positive(const QJsonObject& o, const QString& key)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble() || v.toDouble() != static_cast<double>(v.toInt()) || v.toInt() <= 0)
        return Error{"needs '" + str(key) + "', a positive integer"};
    return v.toInt();
}

Status parseLayer(const QJsonObject& o, std::vector<train::LayerSpec>& out)
{
    auto kind = train::parseLayerKind(str(o.value(QStringLiteral("type")).toString()));
    if (!kind)
        return kind.error();
    static const QSet<QString> common = {QStringLiteral("type"), QStringLiteral("name")};
    QSet<QString> allowed = common;
    train::LayerSpec s;
    s.kind = *kind;
    switch (s.kind) {
    case LayerKind::Reshape: {
        allowed << QStringLiteral("shape");
        const QJsonArray a = o.value(QStringLiteral("shape")).toArray();
        if (a.isEmpty())
            return Error{"needs 'shape', e.g. [28, 28, 1]"};
        for (const auto& d : a) {
            if (!d.isDouble() || (d.toInt() <= 0 && d.toInt() != -1))
                return Error{"'shape' entries must be positive integers or -1"};
            s.shape.push_back(d.toInt());
        }
        break;
    }
    case LayerKind::Conv2D: {
        allowed << QStringLiteral("filters") << QStringLiteral("kernel") << QStringLiteral("kernel_size")
                << QStringLiteral("strides") << QStringLiteral("padding") << QStringLiteral("activation");
        auto f = positive(o, QStringLiteral("filters"));
        if (!f)
            return f.error();
        s.filters = *f;
        if (!o.contains(QStringLiteral("kernel")) && !o.contains(QStringLiteral("kernel_size")))
            return Error{"needs 'kernel', e.g. 3 or [3, 3]"};
        if (auto st = pair(o, QStringLiteral("kernel"), s.kernelH, s.kernelW); !st)
            return st;
        if (auto st = pair(o, QStringLiteral("kernel_size"), s.kernelH, s.kernelW); !st)
            return st;
        break;
    }
    case LayerKind::MaxPool2D:
    case LayerKind::AvgPool2D:
        allowed << QStringLiteral("pool") << QStringLiteral("pool_size") << QStringLiteral("strides")
                << QStringLiteral("padding");
        s.kernelH = s.kernelW = 2;
        if (auto st = pair(o, QStringLiteral("pool"), s.kernelH, s.kernelW); !st)
            return st;
        if (auto st = pair(o, QStringLiteral("pool_size"), s.kernelH, s.kernelW); !st)
            return st;
        break;
    case LayerKind::Dense: {
        allowed << QStringLiteral("units") << QStringLiteral("activation");
        auto u = positive(o, QStringLiteral("units"));
        if (!u)
            return u.error();
        s.units = *u;
        break;
    }
    case LayerKind::Dropout: {
        allowed << QStringLiteral("rate");
        const double r = o.value(QStringLiteral("rate")).toDouble(-1.0);
        if (!(r >= 0.0 && r < 1.0))
            return Error{"needs 'rate' in [0, 1)"};
        s.rate = static_cast<float>(r);
        break;
    }
    case LayerKind::Flatten:
    case LayerKind::ReLU:
    case LayerKind::ReLU6: break;
    }
    if (allowed.contains(QStringLiteral("strides")))
        if (auto st = pair(o, QStringLiteral("strides"), s.strideH, s.strideW); !st)
            return st;
    if (allowed.contains(QStringLiteral("padding")) && o.contains(QStringLiteral("padding"))) {
        const QString p = o.value(QStringLiteral("padding")).toString().toLower();
        if (p != QLatin1String("valid") && p != QLatin1String("same"))
            return Error{"'padding' must be \"valid\" or \"same\""};
        s.samePadding = p == QLatin1String("same");
    }
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!allowed.contains(it.key()))
            return Error{"unknown key '" + str(it.key()) + "' for a " + train::layerKindName(s.kind) + " layer"};
    out.push_back(s);
    if (allowed.contains(QStringLiteral("activation")) && o.contains(QStringLiteral("activation"))) {
        const QString a = o.value(QStringLiteral("activation")).toString().toLower();
        if (a == QLatin1String("relu") || a == QLatin1String("relu6")) {
            train::LayerSpec act;
            act.kind = a == QLatin1String("relu") ? LayerKind::ReLU : LayerKind::ReLU6;
            out.push_back(act);
        } else if (a != QLatin1String("linear") && a != QLatin1String("none")) {
            return Error{"'activation' must be \"relu\", \"relu6\" or \"linear\", not \"" + str(a) + "\""};
        }
    }
    return {};
}

} // namespace

Result<std::vector<train::LayerSpec>> parseArchitecture(const QByteArray& json)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return Error{"not valid JSON at offset " + std::to_string(pe.offset) + ": " + str(pe.errorString())};
    QJsonArray layers;
    if (doc.isArray())
        layers = doc.array();
    else if (doc.isObject() && doc.object().value(QStringLiteral("layers")).isArray())
        layers = doc.object().value(QStringLiteral("layers")).toArray();
    else
        return Error{"expected {\"layers\": [...]} or an array of layers"};
    if (layers.isEmpty())
        return Error{"the layer list is empty"};
    std::vector<train::LayerSpec> out;
    for (qsizetype i = 0; i < layers.size(); ++i) {
        if (!layers[i].isObject())
            return Error{"layer " + std::to_string(i) + " is not an object"};
        if (auto s = parseLayer(layers[i].toObject(), out); !s)
            return withContext("layer " + std::to_string(i), s.error());
    }
    return out;
}

Result<std::vector<train::LayerSpec>> loadArchitecture(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{str(path) + ": cannot read (" + str(f.errorString()) + ")"};
    auto r = parseArchitecture(f.readAll());
    if (!r)
        return withContext(str(path), r.error());
    return r;
}

} // namespace ql::app
