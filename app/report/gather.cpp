// SPDX-License-Identifier: MIT
#include "report/gather.h"

#include "data/content_hash.h"

#include "core/file_io.h"
#include "eval/weights.h"
#include "model/dtype.h"
#include "model/summary.h"
#include "model/writer.h"
#include "model/zip_tail.h"
#include "pipeline/quantize.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace ql::report {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ql::report::Report)
};

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QString tensorLine(const model::Tensor& t)
{
    QStringList dims;
    for (auto d : t.shape)
        dims << QString::number(d);
    return QStringLiteral("%1 %2 %3").arg(qs(t.name), dims.join(QLatin1Char('x')), qs(model::dtypeName(t.dtype)));
}

bool cancelled(const std::atomic<bool>* cancel)
{
    return cancel && cancel->load();
}

} // namespace

FileFact fileFact(FileRole r, const QString& path)
{
    const QString role = r == FileRole::Model ? Text::tr("model")
        : r == FileRole::Data                 ? Text::tr("data")
        : r == FileRole::Labels               ? Text::tr("labels")
                                              : Text::tr("calibration data");
    const QString sha = app::contentSha256(path);
    return {role, path, sha.isEmpty() ? Text::tr("unreadable") : sha};
}

QString shellCommand(const QStringList& words)
{
    static const QString plain =
        QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+%@");
    QStringList out;
    for (const auto& s : words) {
        if (!s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return plain.contains(c); })) {
            out << s;
            continue;
        }
        QString q = s;
        q.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
        out << QLatin1Char('\'') + q + QLatin1Char('\'');
    }
    return out.join(QLatin1Char(' '));
}

Result<QStringList> classNamesFor(
    const pipeline::ModelSource& m, std::size_t classes, const QString& namesFile, const QString& dataPath)
{
    QStringList names;
    if (!namesFile.isEmpty()) {
        QFile f(namesFile);
        if (!f.open(QIODevice::ReadOnly))
            return Error{"class names: cannot read " + namesFile.toStdString()};
        const QByteArray text = f.readAll();
        for (const auto& line : model::labelLines(
                 {reinterpret_cast<const std::uint8_t*>(text.constData()), static_cast<std::size_t>(text.size())}))
            names << qs(line);
        if (classes > 0 && static_cast<std::size_t>(names.size()) != classes)
            return Error{"class names: " + namesFile.toStdString() + " has " + std::to_string(names.size()) +
                " lines, the model " + std::to_string(classes) + " classes"};
        return names;
    }
    if (classes == 0)
        return names;
    if (m.file)
        if (auto members = model::readZipMembers(m.file->associatedFiles))
            for (const auto& z : *members) {
                const auto lines = model::labelLines(z.data);
                if (lines.size() == classes) {
                    for (const auto& l : lines)
                        names << qs(l);
                    return names;
                }
            }
    if (classes == 10 && dataPath.contains(QLatin1String("fashion"), Qt::CaseInsensitive))
        names = {QStringLiteral("T-shirt/top"), QStringLiteral("Trouser"), QStringLiteral("Pullover"),
            QStringLiteral("Dress"), QStringLiteral("Coat"), QStringLiteral("Sandal"), QStringLiteral("Shirt"),
            QStringLiteral("Sneaker"), QStringLiteral("Bag"), QStringLiteral("Ankle boot")};
    return names;
}

Result<ReportInput> gatherReport(
    const ReportRequest& req, const ReportProgress& progress, const std::atomic<bool>* cancel)
{
    if (!req.model || !req.model->file || !req.model->work || !req.data)
        return Error{"a report needs a model and a data set"};
    const pipeline::ModelSource& m = *req.model;
    const auto step = [&](const QString& stage, std::int64_t done, std::int64_t total) {
        if (progress)
            progress(stage, done, total);
    };
    const Error stopped{"cancelled"};
    QElapsedTimer timer;
    timer.start();

    ReportInput r;
    r.version = req.version;
    r.command = shellCommand(QStringList{QStringLiteral("quantlens-cli"), QStringLiteral("report")} + req.arguments);
    r.files = req.files;
    const model::ModelSummary summary = model::summarize(*m.file);
    r.modelName = QFileInfo(req.modelPath).fileName();
    r.fileBytes = QFileInfo(req.modelPath).size();
    r.modeRecognised = qs(model::quantModeName(summary.mode.mode)) + QStringLiteral(" - ") + qs(summary.mode.reason);
    r.operatorCounts = summary.operatorCounts;
    r.bytesByDtype = summary.bytesByDtype;
    for (int t : m.file->main().inputs)
        r.inputs << tensorLine(m.file->main().tensors[static_cast<std::size_t>(t)]);
    for (int t : m.file->main().outputs)
        r.outputs << tensorLine(m.file->main().tensors[static_cast<std::size_t>(t)]);
    const passes::QuantizeOptions& q = req.evaluate.quantize;
    if (!req.ranges.empty())
        r.calibration = qs(q.calibration.describe()) +
            Text::tr(" on %1 samples of %2").arg(q.calibration.samples).arg(qs(q.calibrationSource));
    r.perChannel = q.perChannel;
    r.keepFloat = req.keepFloat;
    r.samples = req.data->count;
    r.labelled = req.data->labels.size() == static_cast<std::size_t>(req.data->count);
    r.notes = req.notes;

    // Every mode on the data set.
    const eval::EvaluateProgress evalProgress = [&](const std::string& mode, std::int64_t done, std::int64_t total) {
        step(Text::tr("Evaluating %1").arg(qs(mode)), done, total);
    };
    auto modes = eval::evaluateModes(
        *m.work, m.dequantized() ? m.file.get() : nullptr, *req.data, req.ranges, req.evaluate, evalProgress, cancel);
    if (!modes)
        return modes.error();
    r.modes = std::move(*modes);
    if (cancelled(cancel))
        return stopped;
    const std::size_t classes =
        r.modes.empty() || r.modes.front().confusion.empty() ? 0 : r.modes.front().confusion.size();
    auto names = classNamesFor(m, classes, req.classNamesFile, req.dataPath);
    if (!names)
        return names.error();
    r.classNames = *names;

    // Weights, int8 with the evaluation's granularity, by the file's numbering.
    step(Text::tr("Analysing the weights"), 0, 1);
    eval::WeightAnalysisOptions wo;
    wo.mode = passes::Mode::Int8;
    wo.perChannel = q.perChannel;
    wo.perChannelDense = q.perChannelDense;
    wo.keepFloat = q.keepFloat;
    auto weights = eval::analyzeWeights(*m.work, wo);
    if (!weights)
        return weights.error();
    for (auto& L : *weights)
        L.op = m.fileOp(L.op);
    r.weights = std::move(*weights);
    if (cancelled(cancel))
        return stopped;

    // Activations: the int8 model with float I/O against the float one, on the first samples.
    passes::QuantizeOptions q8 = q;
    q8.mode = passes::Mode::Int8;
    q8.io = passes::IoType::Float;
    passes::QuantizeOptions q8File = q8; // quantizeWithRanges names the layers kept in float as the file does
    q8File.keepFloat.clear();
    for (const auto& k : req.keepFloat)
        q8File.keepFloat.push_back(k.toStdString());
    auto quantized = pipeline::quantizeWithRanges(m, q8File, req.ranges);
    if (!quantized)
        return quantized.error();
    const auto actProgress = [&](std::int64_t done, std::int64_t total) {
        step(Text::tr("Measuring the activation error"), done, total);
    };
    auto acts = eval::analyzeActivations(*m.work, quantized->graph, *req.data, req.activations, actProgress, cancel);
    if (!acts)
        return acts.error();
    for (auto& L : *acts)
        L.op = m.fileOp(L.op);
    r.activations = std::move(*acts);
    if (cancelled(cancel))
        return stopped;

    if (req.sensitivityBudget) {
        eval::SensitivityOptions so;
        so.quantize = q8;
        so.budget = *req.sensitivityBudget;
        if (req.sensitivityThreads > 0)
            so.threads = req.sensitivityThreads;
        const eval::SensitivityProgress sensProgress = [&](int done, int total) {
            step(Text::tr("Ranking the layers by sensitivity"), done, total);
        };
        auto s = eval::sensitivity(*m.work, *req.data, req.ranges, so, sensProgress, cancel);
        if (!s)
            return s.error();
        for (auto& l : s->layers)
            l.op = m.fileOp(l.op);
        s->keepFloat = pipeline::toFileOps(m, s->keepFloat);
        r.sensitivity = std::move(*s);
        if (cancelled(cancel))
            return stopped;
    }
    if (req.target) {
        // The file as given, and the int8 model the mode table evaluated: the one the activation analysis
        // ran (float I/O, as eval runs it).
        step(Text::tr("Checking the target"), 0, 1);
        r.targetChecks.push_back({Text::tr("the file as given"), target::check(*m.file, *req.target, r.fileBytes)});
        auto bytes = model::serializeTflite(quantized->graph);
        if (!bytes)
            return bytes.error();
        r.targetChecks.push_back({Text::tr("int8 (float I/O, as evaluated)"),
            target::check(quantized->graph, *req.target, static_cast<std::int64_t>(bytes->size()))});
        r.target = req.target;
    }
    r.seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    return r;
}

QString writeReport(const ReportInput& r, const QStringList& outputs, const QString& tablesDir, QStringList* written)
{
    const QString html = renderHtml(r);
    for (const auto& output : outputs) {
        if (output.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
            int pages = 0;
            if (const QString e = writePdf(html, output, &pages); !e.isEmpty())
                return e;
            if (written)
                *written << Text::tr("wrote %1 (%2 pages)").arg(output).arg(pages);
            continue;
        }
        const QByteArray bytes = html.toUtf8();
        if (auto st = writeFileAtomically(output.toStdString(),
                {reinterpret_cast<const std::uint8_t*>(bytes.constData()), static_cast<std::size_t>(bytes.size())});
            !st)
            return qs(st.error().message);
        if (written)
            *written << Text::tr("wrote %1 (%2 modes, %3 weighted layers, %4 activations)")
                            .arg(output)
                            .arg(r.modes.size())
                            .arg(r.weights.size())
                            .arg(r.activations.size());
    }
    if (!tablesDir.isEmpty())
        if (const QString e = writeTables(r, tablesDir); !e.isEmpty())
            return e;
    return {};
}

} // namespace ql::report
