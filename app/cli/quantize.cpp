// SPDX-License-Identifier: MIT
#include "cli/quantize.h"

#include "cli/args.h"
#include "cli/quant_options.h"
#include "data/image_folder.h"
#include "data/samples.h"
#include "model/reader.h"
#include "model/summary.h"
#include "model/writer.h"
#include "passes/quantize.h"
#include "pipeline/quantize.h"

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

} // namespace

int quantizeCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const Args a =
        parseArgs(args, quantOptionsWithValue() + QStringList{QStringLiteral("-o"), QStringLiteral("--output")},
            quantFlags() + QStringList{QStringLiteral("--json")});
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

    auto parsed = parseQuantizeOptions(a, a.value(QStringLiteral("--mode")));
    if (!parsed)
        return fail(err, parsed.error());
    passes::QuantizeOptions o = *parsed;
    auto source = loadModelSource(input);
    if (!source)
        return fail(err, source.error());
    auto pre = parsePreprocess(a, source->file.get());
    if (!pre)
        return fail(err, pre.error());
    std::vector<data::SampleSet> samples;
    std::vector<std::string> rangeNotes;
    std::optional<std::vector<quant::TensorRange>> ranges;
    if (passes::needsCalibration(o.mode)) {
        auto fromFile = rangesFromFile(a, *source, o, rangeNotes);
        if (!fromFile)
            return fail(err, fromFile.error());
        ranges = std::move(*fromFile);
        if (!ranges) {
            auto s = loadCalibrationData(a, *source->work, *pre, o);
            if (!s)
                return fail(err, s.error());
            samples = std::move(*s);
        }
    }
    auto result = ranges ? pipeline::quantizeWithRanges(*source, o, *ranges) : pipeline::quantize(*source, o, samples);
    if (result)
        result->notes.insert(result->notes.end(), rangeNotes.begin(), rangeNotes.end());
    if (result)
        for (auto& n : pipeline::calibrationFitNotes(*source, samples))
            result->notes.push_back(std::move(n));
    if (!result) {
        if (samples.empty() && result.error().message.find("needs calibration data") != std::string::npos)
            return fail(err,
                result.error().message +
                    ": give --calibration-data FILE (.npy with a leading sample dimension, or IDX; once per input for "
                    "a model of several inputs)");
        return fail(err, result.error().message);
    }
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
    QJsonArray noteList, floatOps;
    for (const auto& n : result->notes)
        noteList.append(qs(n));
    for (int i : result->floatOperators)
        floatOps.append(i);
    j[QStringLiteral("notes")] = noteList;
    j[QStringLiteral("float_operators")] = floatOps;
    j[QStringLiteral("xnnpack_fully_delegated")] = result->lint.fullyDelegated;
    j[QStringLiteral("builtin_operators")] = result->lint.builtinOperators;
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
        out << (result->lint.fullyDelegated
                       ? tr("LiteRT: every operator delegated to XNNPACK")
                       : tr("LiteRT: %1 operator(s) on built-in kernels (quantlens-cli info lists them)").arg(result->lint.builtinOperators))
            << '\n';
    }
    return 0;
}

} // namespace ql::cli
