// SPDX-License-Identifier: MIT
#include "data/ranges_file.h"

#include "data/json_file.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace ql::app {

namespace {

constexpr auto kKind = "quantlens-ranges";

} // namespace

QByteArray rangesToJson(const RangesFile& f)
{
    QJsonObject j;
    j[QStringLiteral("kind")] = QLatin1String(kKind);
    j[QStringLiteral("version")] = RangesFile::kVersion;
    j[QStringLiteral("model")] = f.model;
    j[QStringLiteral("model_sha256")] = f.modelSha256;
    j[QStringLiteral("calibration")] = QString::fromStdString(f.calibration.describe());
    j[QStringLiteral("percentile")] = f.calibration.percentile;
    j[QStringLiteral("samples")] = static_cast<qint64>(f.calibration.samples);
    j[QStringLiteral("calibration_source")] = QString::fromStdString(f.calibrationSource);
    QJsonArray notes;
    for (const auto& n : f.notes)
        notes.append(QString::fromStdString(n));
    j[QStringLiteral("notes")] = notes;
    // One entry per tensor: null (no range), else [lo, hi, observed lo, observed hi]; a float is exact as a double.
    QJsonArray ranges;
    for (const auto& r : f.ranges)
        ranges.append(r.valid ? QJsonValue(QJsonArray{r.lo, r.hi, r.observedLo, r.observedHi}) : QJsonValue());
    j[QStringLiteral("ranges")] = ranges;
    return QJsonDocument(j).toJson(QJsonDocument::Compact);
}

Result<RangesFile> readRanges(const QString& path)
{
    const std::string where = path.toStdString() + ": ";
    constexpr auto what = "a file of activation ranges written by `quantlens-cli calibrate`";
    auto read = readJsonObject(path, what);
    if (!read)
        return read.error();
    const QJsonObject& j = *read;
    if (j[QStringLiteral("kind")].toString() != QLatin1String(kKind))
        return Error{where + "not " + what};
    if (const int v = j[QStringLiteral("version")].toInt(-1); v != RangesFile::kVersion)
        return Error{where + "written by another version of QuantLens (ranges format " + std::to_string(v) +
            ", this one reads " + std::to_string(RangesFile::kVersion) + ")"};
    RangesFile f;
    f.model = j[QStringLiteral("model")].toString();
    f.modelSha256 = j[QStringLiteral("model_sha256")].toString();
    auto calibration = quant::parseCalibration(j[QStringLiteral("calibration")].toString().toStdString());
    if (!calibration)
        return withContext(path.toStdString(), calibration.error());
    f.calibration = *calibration;
    f.calibration.percentile = j[QStringLiteral("percentile")].toDouble(f.calibration.percentile);
    f.calibration.samples = j[QStringLiteral("samples")].toInteger(-1);
    f.calibrationSource = j[QStringLiteral("calibration_source")].toString().toStdString();
    for (const auto& n : j[QStringLiteral("notes")].toArray())
        f.notes.push_back(n.toString().toStdString());
    for (const auto& v : j[QStringLiteral("ranges")].toArray()) {
        quant::TensorRange r;
        if (!v.isNull()) {
            const QJsonArray a = v.toArray();
            if (a.size() != 4)
                return Error{where + "tensor " + std::to_string(f.ranges.size()) + " has a damaged range"};
            r.valid = true;
            r.lo = static_cast<float>(a[0].toDouble());
            r.hi = static_cast<float>(a[1].toDouble());
            r.observedLo = static_cast<float>(a[2].toDouble());
            r.observedHi = static_cast<float>(a[3].toDouble());
            if (!std::isfinite(r.lo) || !std::isfinite(r.hi) || r.lo > r.hi)
                return Error{where + "tensor " + std::to_string(f.ranges.size()) + " has a damaged range"};
        }
        f.ranges.push_back(r);
    }
    if (f.ranges.empty() || f.modelSha256.isEmpty() || f.calibration.samples < 0)
        return Error{where + "its ranges or its model's fingerprint are missing"};
    return f;
}

} // namespace ql::app
