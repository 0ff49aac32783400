// SPDX-License-Identifier: MIT
#include "cli/report.h"

#include "cli/args.h"
#include "cli/evaluate.h"
#include "cli/quant_options.h"
#include "core/file_io.h"
#include "data/profiles.h"
#include "eval/activations.h"
#include "eval/sensitivity.h"
#include "eval/weights.h"
#include "model/dtype.h"
#include "model/summary.h"
#include "model/writer.h"
#include "model/zip_tail.h"
#include "pipeline/quantize.h"
#include "report/report.h"
#include "target/profile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <optional>

namespace ql::cli {

namespace {

QString tr(const char* s)
{
    return QCoreApplication::translate("ql::cli::Report", s);
}

// SHA-256 of a file, or of a folder's files (relative path and contents, in name order).
QString sha256(const QString& path)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    const QFileInfo info(path);
    QStringList files;
    if (info.isDir()) {
        QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        files.sort();
    } else {
        files << path;
    }
    for (const auto& f : files) {
        if (info.isDir())
            h.addData(QDir(path).relativeFilePath(f).toUtf8());
        QFile file(f);
        if (!file.open(QIODevice::ReadOnly) || !h.addData(&file))
            return tr("unreadable");
    }
    return QString::fromLatin1(h.result().toHex());
}

// A shell word: as it is when it holds no special character, else in single quotes.
QString shellWord(const QString& s)
{
    static const QString plain =
        QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+%@");
    if (!s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return plain.contains(c); }))
        return s;
    QString q = s;
    q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

QString tensorLine(const model::Tensor& t)
{
    QStringList dims;
    for (auto d : t.shape)
        dims << QString::number(d);
    return QStringLiteral("%1 %2 %3").arg(qs(t.name), dims.join(QLatin1Char('x')), qs(model::dtypeName(t.dtype)));
}

// Names of the `classes` classes: --class-names FILE (one per line), else the label file the model carries
// (TFLite metadata's associated files) when it has that many lines, else Fashion-MNIST's for a 10-class model
// on Fashion-MNIST data (as the application names them), else none (the matrices show numbers).
Result<QStringList> classNames(const Args& a, const pipeline::ModelSource& m, std::size_t classes)
{
    QStringList names;
    if (const QString path = a.value(QStringLiteral("--class-names")); !path.isEmpty()) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return Error{"--class-names: cannot read " + path.toStdString()};
        const QByteArray text = f.readAll();
        for (const auto& line : model::labelLines(
                 {reinterpret_cast<const std::uint8_t*>(text.constData()), static_cast<std::size_t>(text.size())}))
            names << qs(line);
        if (classes > 0 && static_cast<std::size_t>(names.size()) != classes)
            return Error{"--class-names: " + path.toStdString() + " has " + std::to_string(names.size()) +
                " lines, the model " + std::to_string(classes) + " classes"};
        return names;
    }
    if (classes == 0)
        return names;
    if (auto members = model::readZipMembers(m.file->associatedFiles))
        for (const auto& z : *members) {
            const auto lines = model::labelLines(z.data);
            if (lines.size() == classes) {
                for (const auto& l : lines)
                    names << qs(l);
                return names;
            }
        }
    if (classes == 10 && a.value(QStringLiteral("--data")).contains(QLatin1String("fashion"), Qt::CaseInsensitive))
        names = {QStringLiteral("T-shirt/top"), QStringLiteral("Trouser"), QStringLiteral("Pullover"),
            QStringLiteral("Dress"), QStringLiteral("Coat"), QStringLiteral("Sandal"), QStringLiteral("Shirt"),
            QStringLiteral("Sneaker"), QStringLiteral("Bag"), QStringLiteral("Ankle boot")};
    return names;
}

} // namespace

int reportCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const Args a = parseArgs(args,
        evalOptionsWithValue() +
            QStringList{QStringLiteral("-o"), QStringLiteral("--tables"), QStringLiteral("--analysis-samples"),
                QStringLiteral("--budget"), QStringLiteral("--target"), QStringLiteral("--class-names")},
        quantFlags() + QStringList{QStringLiteral("--sensitivity")});
    const QStringList outputs = a.values(QStringLiteral("-o"));
    if (!a.error.isEmpty() || a.positional.size() != 1 || a.value(QStringLiteral("--data")).isEmpty() ||
        outputs.isEmpty()) {
        err << (a.error.isEmpty() ? tr("report needs one model file, --data and -o REPORT.html or REPORT.pdf")
                                  : a.error)
            << "\n\n"
            << commandHelp(QStringLiteral("report"));
        return 2;
    }
    for (const auto& o : outputs)
        if (!o.endsWith(QLatin1String(".html"), Qt::CaseInsensitive) &&
            !o.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
            return fail(err, "-o: a report is an .html or a .pdf file (got " + o.toStdString() + ")");
    bool ok = true;
    eval::ActivationOptions ao;
    if (const QString v = a.value(QStringLiteral("--analysis-samples")); !v.isEmpty())
        ao.samples = v.toLongLong(&ok);
    if (!ok || ao.samples < 1)
        return fail(err, "--analysis-samples must be a positive number");

    eval::SensitivityOptions so;
    if (const QString v = a.value(QStringLiteral("--budget")); !v.isEmpty())
        so.budget = v.toDouble(&ok);
    if (!ok || !(so.budget >= 0 && so.budget <= 1))
        return fail(err, "--budget must be a number from 0 to 1 (0.01 = one point)");
    std::optional<target::Profile> profile;
    if (const QString t = a.value(QStringLiteral("--target")); !t.isEmpty()) {
        auto p = app::findProfile(t);
        if (!p)
            return fail(err, p.error());
        profile = std::move(*p);
    }

    QElapsedTimer timer;
    timer.start();
    auto ev = evaluateForCommand(a);
    if (!ev)
        return fail(err, ev.error());
    const pipeline::ModelSource& m = ev->model;
    report::ReportInput r;
    r.version = QCoreApplication::applicationVersion();
    r.command = QStringLiteral("quantlens-cli report");
    for (const auto& word : args)
        r.command += QLatin1Char(' ') + shellWord(word);
    const QString modelPath = a.positional.front();
    r.files.push_back({tr("model"), modelPath, sha256(modelPath)});
    r.files.push_back({tr("data"), a.value(QStringLiteral("--data")), sha256(a.value(QStringLiteral("--data")))});
    if (const QString l = a.value(QStringLiteral("--labels")); !l.isEmpty())
        r.files.push_back({tr("labels"), l, sha256(l)});
    for (const auto& c : a.values(QStringLiteral("--calibration-data")))
        r.files.push_back({tr("calibration data"), c, sha256(c)});

    const model::ModelSummary summary = model::summarize(*m.file);
    r.modelName = QFileInfo(modelPath).fileName();
    r.fileBytes = QFileInfo(modelPath).size();
    r.modeRecognised = qs(model::quantModeName(summary.mode.mode)) + QStringLiteral(" - ") + qs(summary.mode.reason);
    r.operatorCounts = summary.operatorCounts;
    r.bytesByDtype = summary.bytesByDtype;
    for (int t : m.file->main().inputs)
        r.inputs << tensorLine(m.file->main().tensors[static_cast<std::size_t>(t)]);
    for (int t : m.file->main().outputs)
        r.outputs << tensorLine(m.file->main().tensors[static_cast<std::size_t>(t)]);
    if (!ev->ranges.empty())
        r.calibration = qs(ev->quantize.calibration.describe()) +
            tr(" on %1 samples of %2").arg(ev->quantize.calibration.samples).arg(qs(ev->quantize.calibrationSource));
    r.perChannel = ev->quantize.perChannel;
    for (const auto& k : a.values(QStringLiteral("--keep-float")))
        r.keepFloat << k;
    r.samples = ev->data.count;
    r.labelled = ev->data.labels.size() == static_cast<std::size_t>(ev->data.count);
    r.modes = ev->results;
    auto names = classNames(
        a, m, ev->results.empty() || ev->results.front().confusion.empty() ? 0 : ev->results.front().confusion.size());
    if (!names)
        return fail(err, names.error());
    r.classNames = *names;
    r.notes = ev->notes;

    // Weights, int8 with the command's granularity, by the file's numbering.
    eval::WeightAnalysisOptions wo;
    wo.mode = passes::Mode::Int8;
    wo.perChannel = ev->quantize.perChannel;
    wo.perChannelDense = ev->quantize.perChannelDense;
    wo.keepFloat = ev->quantize.keepFloat;
    auto weights = eval::analyzeWeights(*m.work, wo);
    if (!weights)
        return fail(err, weights.error());
    for (auto& L : *weights)
        L.op = m.fileOp(L.op);
    r.weights = std::move(*weights);

    // Activations: the int8 model with float I/O against the float one, on the first samples.
    passes::QuantizeOptions q = ev->quantize;
    q.mode = passes::Mode::Int8;
    q.io = passes::IoType::Float;
    std::vector<quant::TensorRange> ranges = ev->ranges;
    if (ranges.empty()) {
        auto rr = rangesForCommand(a, m, ev->pre, q, ev->data, "evaluation samples", r.notes);
        if (!rr)
            return fail(err, rr.error());
        ranges = std::move(*rr);
    }
    auto quantized = pipeline::quantizeWithRanges(m, q, ranges);
    if (!quantized)
        return fail(err, quantized.error());
    auto acts = eval::analyzeActivations(*m.work, quantized->graph, ev->data, ao);
    if (!acts)
        return fail(err, acts.error());
    for (auto& L : *acts)
        L.op = m.fileOp(L.op);
    r.activations = std::move(*acts);

    if (a.flags.contains(QStringLiteral("--sensitivity"))) {
        so.quantize = q;
        if (const QString v = a.value(QStringLiteral("--threads")); !v.isEmpty())
            so.threads = v.toInt();
        auto s = eval::sensitivity(*m.work, ev->data, ranges, so);
        if (!s)
            return fail(err, s.error());
        for (auto& l : s->layers)
            l.op = m.fileOp(l.op);
        s->keepFloat = pipeline::toFileOps(m, s->keepFloat);
        r.sensitivity = std::move(*s);
    }
    if (profile) {
        // The file as given, and the int8 model the mode table evaluated: the one the activation analysis
        // ran (float I/O, as eval runs it).
        r.targetChecks.push_back({tr("the file as given"), target::check(*m.file, *profile, r.fileBytes)});
        auto bytes = model::serializeTflite(quantized->graph);
        if (!bytes)
            return fail(err, bytes.error());
        r.targetChecks.push_back({tr("int8 (float I/O, as evaluated)"),
            target::check(quantized->graph, *profile, static_cast<std::int64_t>(bytes->size()))});
        r.target = std::move(profile);
    }
    r.seconds = static_cast<double>(timer.elapsed()) / 1000.0;

    const QString html = report::renderHtml(r);
    for (const auto& output : outputs) {
        if (output.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
            int pages = 0;
            if (const QString e = report::writePdf(html, output, &pages); !e.isEmpty())
                return fail(err, e.toStdString());
            out << tr("wrote %1 (%2 pages)\n").arg(output).arg(pages);
            continue;
        }
        const QByteArray bytes = html.toUtf8();
        if (auto st = writeFileAtomically(output.toStdString(),
                {reinterpret_cast<const std::uint8_t*>(bytes.constData()), static_cast<std::size_t>(bytes.size())});
            !st)
            return fail(err, st.error());
        out << tr("wrote %1 (%2 modes, %3 weighted layers, %4 activations)\n")
                   .arg(output)
                   .arg(r.modes.size())
                   .arg(r.weights.size())
                   .arg(r.activations.size());
    }
    if (const QString dir = a.value(QStringLiteral("--tables")); !dir.isEmpty())
        if (const QString e = report::writeTables(r, dir); !e.isEmpty())
            return fail(err, e.toStdString());
    return 0;
}

} // namespace ql::cli
