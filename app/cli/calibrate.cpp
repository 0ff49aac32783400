// SPDX-License-Identifier: MIT
#include "cli/calibrate.h"

#include "cli/args.h"
#include "cli/quant_options.h"
#include "core/file_io.h"
#include "data/content_hash.h"
#include "data/json_file.h"
#include "data/ranges_file.h"
#include "pipeline/quantize.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ql::cli {

namespace {

QString tr(const char* s)
{
    return QCoreApplication::translate("ql::cli::Calibrate", s);
}

} // namespace

int calibrateCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const Args a = parseArgs(args,
        {QStringLiteral("--calibration-data"), QStringLiteral("--calibration"), QStringLiteral("--samples"),
            QStringLiteral("--scale"), QStringLiteral("--offset"), QStringLiteral("--channel-order"),
            QStringLiteral("-o"), QStringLiteral("--output")},
        {QStringLiteral("--ignore-model-ranges"), QStringLiteral("--json")});
    const QString output = a.value(QStringLiteral("-o"), a.value(QStringLiteral("--output")));
    if (!a.error.isEmpty() || a.positional.size() != 1 || output.isEmpty()) {
        err << (a.error.isEmpty() ? tr("calibrate needs one model file and -o RANGES.json") : a.error) << "\n\n"
            << commandHelp(QStringLiteral("calibrate"));
        return 2;
    }
    const QString input = a.positional.front();
    const QFileInfo inInfo(input), outInfo(output);
    if (outInfo.exists() && inInfo.exists() && inInfo.canonicalFilePath() == outInfo.canonicalFilePath())
        return fail(err, "the output " + output.toStdString() + " is the input model; choose another file");
    auto o = parseQuantizeOptions(a, QStringLiteral("int8"));
    if (!o)
        return fail(err, o.error());
    auto model = loadModelSource(input);
    if (!model)
        return fail(err, model.error());
    auto pre = parsePreprocess(a, model->file.get());
    if (!pre)
        return fail(err, pre.error());
    auto samples = loadCalibrationData(a, *model->work, *pre, *o);
    if (!samples)
        return fail(err, samples.error());
    app::RangesFile f;
    f.notes = pipeline::calibrationFitNotes(*model, *samples);
    auto ranges = pipeline::activationRanges(*model, *o, *samples, f.notes);
    if (!ranges) {
        if (samples->empty())
            return fail(err, ranges.error().message + ": give --calibration-data FILE");
        return fail(err, ranges.error());
    }
    f.model = input;
    f.modelSha256 = app::contentSha256(input);
    f.calibration = o->calibration;
    f.calibrationSource = o->calibrationSource;
    f.ranges = std::move(*ranges);
    const QByteArray bytes = app::rangesToJson(f);
    if (auto st = app::writeBytesAtomically(output, bytes); !st)
        return fail(err, st.error());
    int valid = 0;
    for (const auto& r : f.ranges)
        valid += r.valid;
    if (a.flags.contains(QStringLiteral("--json"))) {
        QJsonArray notes;
        for (const auto& n : f.notes)
            notes.append(qs(n));
        out << QJsonDocument(QJsonObject{{QStringLiteral("output"), output}, {QStringLiteral("ranges"), valid},
                                 {QStringLiteral("tensors"), static_cast<qint64>(f.ranges.size())},
                                 {QStringLiteral("calibration"), qs(f.calibration.describe())},
                                 {QStringLiteral("samples"), static_cast<qint64>(f.calibration.samples)},
                                 {QStringLiteral("notes"), notes}})
                   .toJson(QJsonDocument::Compact)
            << '\n';
        return 0;
    }
    out << tr("wrote %1: %2 activation ranges (%3, %4 samples)\n")
               .arg(output)
               .arg(valid)
               .arg(qs(f.calibration.describe()))
               .arg(f.calibration.samples);
    for (const auto& n : f.notes)
        out << "  " << qs(n) << '\n';
    return 0;
}

} // namespace ql::cli
