// SPDX-License-Identifier: MIT
#include "cli/quantize.h"

#include "cli/args.h"
#include "data/image_folder.h"
#include "data/samples.h"
#include "model/reader.h"
#include "model/summary.h"
#include "model/writer.h"
#include "passes/quantize.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace ql::cli {

namespace {

QString tr(const char* s)
{
    return QCoreApplication::translate("ql::cli::Quantize", s);
}

Result<float> parseNumber(const QString& text, const char* what)
{
    bool ok = false;
    double v = 0;
    const int slash = static_cast<int>(text.indexOf(QLatin1Char('/')));
    if (slash > 0) {
        bool ok2 = false;
        const double d = text.mid(slash + 1).toDouble(&ok2);
        v = text.left(slash).toDouble(&ok) / d;
        ok = ok && ok2 && d != 0;
    } else {
        v = text.toDouble(&ok);
    }
    if (!ok || !std::isfinite(v))
        return Error{
            std::string(what) + " must be a number (or a fraction like 1/255), got '" + text.toStdString() + "'"};
    return static_cast<float>(v);
}

} // namespace

int quantizeCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const Args a = parseArgs(args,
        {QStringLiteral("--mode"), QStringLiteral("--io"), QStringLiteral("--calibration"),
            QStringLiteral("--calibration-data"), QStringLiteral("--samples"), QStringLiteral("--keep-float"),
            QStringLiteral("-o"), QStringLiteral("--output"), QStringLiteral("--scale"), QStringLiteral("--offset"),
            QStringLiteral("--min-elements"), QStringLiteral("--channel-order")},
        {QStringLiteral("--per-tensor"), QStringLiteral("--per-channel-dense"), QStringLiteral("--json"),
            QStringLiteral("--ignore-model-ranges")});
    const QString output = a.value(QStringLiteral("-o"), a.value(QStringLiteral("--output")));
    if (!a.error.isEmpty() || a.positional.size() != 1 || output.isEmpty() ||
        a.value(QStringLiteral("--mode")).isEmpty()) {
        err << (a.error.isEmpty() ? tr("quantize needs one model file, --mode and -o OUT") : a.error) << "\n\n"
            << commandHelp(QStringLiteral("quantize"));
        return 2;
    }
    const QString input = a.positional.front();
    const QFileInfo inInfo(input), outInfo(output);
    if (outInfo.exists() && inInfo.exists() && inInfo.canonicalFilePath() == outInfo.canonicalFilePath())
        return fail(err, "the output " + output.toStdString() + " is the input model; choose another file");

    passes::QuantizeOptions o;
    auto mode = passes::parseMode(a.value(QStringLiteral("--mode")).toStdString());
    if (!mode)
        return fail(err, mode.error().message);
    o.mode = *mode;
    if (const QString io = a.value(QStringLiteral("--io")); !io.isEmpty()) {
        auto parsed = passes::parseIo(io.toStdString(), o.mode);
        if (!parsed)
            return fail(err, parsed.error().message);
        o.io = *parsed;
    }
    o.perChannel = !a.flags.contains(QStringLiteral("--per-tensor"));
    o.perChannelDense = a.flags.contains(QStringLiteral("--per-channel-dense"));
    if (const QString c = a.value(QStringLiteral("--calibration")); !c.isEmpty()) {
        auto parsed = quant::parseCalibration(c.toStdString());
        if (!parsed)
            return fail(err, parsed.error().message);
        o.calibration = *parsed;
    }
    if (const QString n = a.value(QStringLiteral("--samples")); !n.isEmpty()) {
        bool ok = false;
        o.calibration.samples = n.toLongLong(&ok);
        if (!ok || o.calibration.samples <= 0)
            return fail(err, "--samples must be a positive number, got '" + n.toStdString() + "'");
    }
    if (const QString n = a.value(QStringLiteral("--min-elements")); !n.isEmpty()) {
        bool ok = false;
        o.dynamicMinElements = n.toLongLong(&ok);
        if (!ok || o.dynamicMinElements < 0)
            return fail(err, "--min-elements must be a number >= 0, got '" + n.toStdString() + "'");
    }
    for (const QString& k : a.values(QStringLiteral("--keep-float")))
        for (const QString& item : k.split(QLatin1Char(','), Qt::SkipEmptyParts))
            o.keepFloat.push_back(item.trimmed().toStdString());
    data::Preprocess pre;
    if (const QString s = a.value(QStringLiteral("--scale")); !s.isEmpty()) {
        auto v = parseNumber(s, "--scale");
        if (!v)
            return fail(err, v.error().message);
        pre.scale = *v;
    }
    if (const QString s = a.value(QStringLiteral("--offset")); !s.isEmpty()) {
        auto v = parseNumber(s, "--offset");
        if (!v)
            return fail(err, v.error().message);
        pre.offset = *v;
    }

    auto g = model::readTflite(input.toStdString());
    if (!g)
        return fail(err, g.error().message);
    std::string requantized;
    if (passes::isQuantized(*g)) {
        const std::string was = model::quantModeName(model::guessMode(*g).mode);
        auto f = passes::dequantizeGraph(*g);
        if (!f)
            return fail(err, "cannot dequantize the " + was + " model: " + f.error().message);
        g = std::move(f);
        requantized = "the input model was already " + was +
            "; it was dequantized first, so this is a re-quantization of its quantized weights";
    }
    std::vector<quant::TensorRange> ranges;
    std::vector<quant::TensorRange> recorded;
    int recordedCount = 0;
    if (passes::needsCalibration(o.mode) && !a.flags.contains(QStringLiteral("--ignore-model-ranges"))) {
        recorded = quant::recordedRanges(*g);
        recordedCount =
            static_cast<int>(std::count_if(recorded.begin(), recorded.end(), [](const auto& r) { return r.valid; }));
    }
    const QString dataPath = a.value(QStringLiteral("--calibration-data"));
    if (passes::needsCalibration(o.mode) && !(dataPath.isEmpty() && recordedCount > 0)) {
        if (dataPath.isEmpty())
            return fail(err,
                passes::modeName(o.mode) +
                    " needs calibration data: give --calibration-data FILE "
                    "(.npy with a leading sample dimension, or IDX)");
        const QString order = a.value(QStringLiteral("--channel-order"), QStringLiteral("rgb"));
        if (order != QLatin1String("rgb") && order != QLatin1String("bgr"))
            return fail(err, "--channel-order must be rgb or bgr, got '" + order.toStdString() + "'");
        Result<data::SampleSet> samples = Error{""};
        if (QFileInfo(dataPath).isDir()) {
            const auto& sg = g->main();
            if (sg.inputs.size() != 1)
                return fail(err, "a folder of images needs a model with one input");
            auto spec = app::imageSpecFor(
                sg.tensors[static_cast<std::size_t>(sg.inputs[0])], pre, order == QLatin1String("bgr"));
            if (!spec)
                return fail(err, spec.error().message);
            samples = app::loadImageFolder(dataPath, *spec, o.calibration.samples);
        } else {
            samples = data::loadSamples(dataPath.toStdString(), pre, o.calibration.samples);
        }
        if (!samples)
            return fail(err, samples.error().message);
        o.calibrationSource = QFileInfo(dataPath).fileName().toStdString();
        o.calibration.samples = std::min(o.calibration.samples, samples->count);
        auto r = quant::calibrate(*g, *samples, o.calibration);
        if (!r)
            return fail(err, "calibration: " + r.error().message);
        ranges = std::move(*r);
    }
    if (recordedCount > 0) {
        quant::useRecordedRanges(ranges, recorded);
        if (o.calibrationSource.empty())
            o.calibrationSource = "ranges recorded in the model";
    }
    auto result = passes::quantizeGraph(*g, o, ranges);
    if (!result) {
        if (recordedCount > 0 && dataPath.isEmpty())
            return fail(err,
                result.error().message + " (the model records ranges for " + std::to_string(recordedCount) +
                    " tensors, not for this one: give --calibration-data)");
        return fail(err, result.error().message);
    }
    if (recordedCount > 0)
        result->notes.insert(result->notes.begin(),
            std::to_string(recordedCount) +
                " activation ranges come from the model itself (min/max recorded by "
                "quantization-aware training)" +
                (dataPath.isEmpty() ? "" : "; they replace the calibrated ones"));
    if (!requantized.empty())
        result->notes.insert(result->notes.begin(), requantized);
    if (auto st = model::writeTflite(result->graph, output.toStdString()); !st)
        return fail(err, st.error().message);
    const qint64 inBytes = inInfo.size(), outBytes = QFileInfo(output).size();
    QJsonObject j;
    j[QStringLiteral("mode")] = qs(passes::modeName(o.mode));
    j[QStringLiteral("output")] = output;
    j[QStringLiteral("bytes")] = outBytes;
    j[QStringLiteral("input_bytes")] = inBytes;
    j[QStringLiteral("size_ratio")] = inBytes > 0 ? static_cast<double>(outBytes) / static_cast<double>(inBytes) : 0.0;
    j[QStringLiteral("description")] = qs(result->graph.description);
    QJsonArray notes, floatOps;
    for (const auto& n : result->notes)
        notes.append(qs(n));
    for (int i : result->floatOperators)
        floatOps.append(i);
    j[QStringLiteral("notes")] = notes;
    j[QStringLiteral("float_operators")] = floatOps;
    if (a.flags.contains(QStringLiteral("--json"))) {
        out << QJsonDocument(j).toJson(QJsonDocument::Compact) << '\n';
    } else {
        out << tr("wrote %1 (%2 bytes, %3x the input)")
                   .arg(output)
                   .arg(outBytes)
                   .arg(j[QStringLiteral("size_ratio")].toDouble(), 0, 'f', 3)
            << '\n'
            << qs(result->graph.description) << '\n';
        for (const auto& n : result->notes)
            out << "  " << qs(n) << '\n';
    }
    return 0;
}

} // namespace ql::cli
