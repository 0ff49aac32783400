// SPDX-License-Identifier: MIT
// File › Export report… on the document: the `quantlens-cli report` command that the document's state
// amounts to, and the report itself gathered in the background by the report library (the CLI's own code).
#include "gui/document.h"

#include "data/profiles.h"
#include "pipeline/quantize.h"
#include "report/gather.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <span>

namespace ql::app {

namespace {

bool sameContents(const QString& a, const QString& b)
{
    QFile fa(a), fb(b);
    if (!fa.open(QIODevice::ReadOnly) || !fb.open(QIODevice::ReadOnly) || fa.size() != fb.size())
        return false;
    while (!fa.atEnd())
        if (fa.read(1 << 20) != fb.read(1 << 20))
            return false;
    return true;
}

bool isInside(const QString& path, const QString& folder)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    return abs.startsWith(QDir(folder).absolutePath() + QLatin1Char('/'));
}

// How the command names the input `path`: relative to the report's folder when it is inside it; an input that
// lives only inside the application (":/") or in the temporary folder (gone after the session) is copied there
// first, under its own name or name-2, name-3 ... when a different file already has it; any other by its
// absolute path.
QString placeInput(const QString& path, const QString& folder, Document::ReportCommand& cmd)
{
    const QDir dir(folder);
    if (isInside(path, folder))
        return dir.relativeFilePath(QFileInfo(path).absoluteFilePath());
    const bool resource = path.startsWith(QLatin1String(":/"));
    if (!resource && !isInside(path, QDir::tempPath()))
        return QFileInfo(path).absoluteFilePath();
    const QFileInfo info(path);
    const QString base = info.completeBaseName(), suffix = info.suffix();
    for (int n = 1;; ++n) {
        const QString name = n == 1
            ? info.fileName()
            : base + QLatin1Char('-') + QString::number(n) + (suffix.isEmpty() ? QString() : QLatin1Char('.') + suffix);
        const QString target = dir.filePath(name);
        const bool planned =
            std::any_of(cmd.copies.begin(), cmd.copies.end(), [&](const auto& c) { return c.second == target; });
        if ((!QFileInfo::exists(target) && !planned) || (!planned && sameContents(path, target))) {
            cmd.copies.emplace_back(path, target);
            return name;
        }
    }
}

// Adds the input `path` to the command (after `flag`, when given) as placeInput names it, and to cmd.inputs.
void addInput(const QString& flag, report::FileRole role, const QString& path, Document::ReportCommand& cmd)
{
    const QString named = placeInput(path, cmd.folder, cmd);
    if (!flag.isEmpty())
        cmd.arguments << flag;
    cmd.arguments << named;
    cmd.inputs.push_back({role, QDir(cmd.folder).absoluteFilePath(named), named});
}

QString number(float v)
{
    return QString::number(static_cast<double>(v), 'g', 9);
}

} // namespace

QString Document::reportBlocker() const
{
    if (!m_source)
        return tr("Open a model first.");
    if (!m_data)
        return tr("The report evaluates the model on a data set: open one first (File › Open data set…).");
    if (m_dataOrigin.images.isEmpty())
        return tr("The data set was not read from a file, so the report's command could not read it again; open it "
                  "from a file.");
    return {};
}

Result<Document::ReportCommand> Document::reportCommand(
    const ReportSettings& s, const passes::QuantizeOptions& q, const QString& targetName) const
{
    if (const QString why = reportBlocker(); !why.isEmpty())
        return Error{why.toStdString()};
    if (m_calibData && m_calibOrigin.images.isEmpty())
        return Error{tr("The calibration data were not read from a file, so the report's command could not read "
                        "them again; open them from a file.")
                         .toStdString()};
    if (s.html.isEmpty() && s.pdf.isEmpty())
        return Error{tr("Choose where to write the report.").toStdString()};
    ReportCommand cmd;
    cmd.folder = QFileInfo(s.html.isEmpty() ? s.pdf : s.html).absolutePath();
    addInput({}, report::FileRole::Model, m_file, cmd);
    addInput(QStringLiteral("--data"), report::FileRole::Data, m_dataOrigin.images, cmd);
    if (!m_dataOrigin.labels.isEmpty())
        addInput(QStringLiteral("--labels"), report::FileRole::Labels, m_dataOrigin.labels, cmd);
    if (m_calibData)
        addInput(QStringLiteral("--calibration-data"), report::FileRole::CalibrationData, m_calibOrigin.images, cmd);
    QStringList& a = cmd.arguments;
    a << QStringLiteral("--calibration") << QString::fromStdString(q.calibration.describe())
      << QStringLiteral("--samples") << QString::number(q.calibration.samples);
    if (!q.perChannel)
        a << QStringLiteral("--per-tensor");
    if (!q.perChannelDense)
        a << QStringLiteral("--per-tensor-dense");
    if (!m_keepFloat.empty()) {
        QStringList ops;
        for (int op : m_keepFloat)
            ops << QString::number(op);
        a << QStringLiteral("--keep-float") << ops.join(QLatin1Char(','));
    }
    const data::Preprocess pre = preprocess();
    a << QStringLiteral("--scale") << number(pre.scale) << QStringLiteral("--offset") << number(pre.offset);
    if (m_bgr)
        a << QStringLiteral("--channel-order") << QStringLiteral("bgr");
    if (s.sensitivityBudget)
        a << QStringLiteral("--sensitivity") << QStringLiteral("--budget") << QString::number(*s.sensitivityBudget);
    if (!targetName.isEmpty())
        a << QStringLiteral("--target") << targetName;
    const QDir dir(cmd.folder);
    for (const auto& out : {s.html, s.pdf})
        if (!out.isEmpty())
            a << QStringLiteral("-o") << dir.relativeFilePath(QFileInfo(out).absoluteFilePath());
    if (!s.tablesDir.isEmpty())
        a << QStringLiteral("--tables") << dir.relativeFilePath(QFileInfo(s.tablesDir).absoluteFilePath());
    return cmd;
}

void Document::exportReport(const ReportSettings& s, passes::QuantizeOptions q, const QString& targetName)
{
    if (m_reportCancel)
        return;
    m_reportCommandLine.clear();
    if (const QString why = cannotRun(); !why.isEmpty()) {
        emit reportFinished(false, why, false);
        return;
    }
    std::optional<target::Profile> profile;
    if (!targetName.isEmpty()) {
        auto p = findProfile(targetName);
        if (!p) {
            emit reportFinished(false, QString::fromStdString(p.error().message), false);
            return;
        }
        profile = std::move(*p);
    }
    auto cmd = reportCommand(s, q, targetName);
    if (!cmd) {
        emit reportFinished(false, QString::fromStdString(cmd.error().message), false);
        return;
    }
    for (const auto& [from, to] : cmd->copies)
        if (!QFileInfo::exists(to) && !QFile::copy(from, to)) {
            emit reportFinished(false, tr("Could not copy %1 to %2 for the report's command").arg(from, to), false);
            return;
        }

    // The request, as `quantlens-cli report` with these arguments builds it.
    report::ReportRequest req;
    req.version = QCoreApplication::applicationVersion();
    req.arguments = cmd->arguments;
    q.calibrationSource.clear();
    for (const auto& in : cmd->inputs) {
        auto fact = report::fileFact(in.role, in.path);
        fact.path = in.named; // as the command names it
        req.files.push_back(std::move(fact));
        if (in.role == report::FileRole::Model)
            req.modelPath = in.path;
        else if (in.role == report::FileRole::Data)
            req.dataPath = in.named;
        else if (in.role == report::FileRole::CalibrationData)
            q.calibrationSource = QFileInfo(in.path).fileName().toStdString();
    }
    for (const auto& k : keptFloatIds())
        req.keepFloat << QString::fromStdString(k);
    req.sensitivityBudget = s.sensitivityBudget;
    req.target = std::move(profile);
    q.mode = passes::QuantizeOptions{}.mode;
    q.io = passes::QuantizeOptions{}.io;
    q.keepFloat = keptFloatIds();
    req.evaluate.quantize = q;
    if (m_source->dequantized())
        req.evaluate.modes.push_back("original");
    QStringList outputs;
    for (const auto& out : {s.html, s.pdf})
        if (!out.isEmpty())
            outputs << out;

    m_reportCommandLine =
        report::shellCommand(QStringList{QStringLiteral("quantlens-cli"), QStringLiteral("report")} + cmd->arguments);
    m_reportCancel = std::make_shared<std::atomic<bool>>(false);
    const report::ReportProgress progress =
        onGuiThread(this, [this](const QString& stage, std::int64_t done, std::int64_t total) {
            emit reportProgress(stage, done, total);
        });
    using Outcome = Result<report::ReportInput>;
    runJob(
        this,
        [source = m_source, data = m_data, calib = m_calibData, req = std::move(req), progress,
            cancel = m_reportCancel]() mutable -> Outcome {
            req.model = source.get();
            req.data = data.get();
            auto keep = pipeline::keepFloatOnWork(*source, req.evaluate.quantize.keepFloat);
            if (!keep)
                return keep.error();
            req.evaluate.quantize.keepFloat = std::move(*keep);
            if (const std::string note = pipeline::dequantizedEvaluationNote(*source); !note.empty())
                req.notes.push_back(note);
            // Ranges as the command finds them: the calibration data, else the data set's first samples.
            passes::QuantizeOptions rq = req.evaluate.quantize;
            rq.mode = passes::Mode::Int8;
            std::vector<data::SampleSet> calibration;
            if (calib)
                calibration.push_back(data::firstSamples(*calib, rq.calibration.samples));
            auto ranges = pipeline::rangesWithOwnData(
                *source, rq, std::move(calibration), *data, "evaluation samples", req.notes);
            if (!ranges)
                return ranges.error();
            req.ranges = std::move(*ranges);
            req.evaluate.quantize.calibration = rq.calibration;
            req.evaluate.quantize.calibrationSource = rq.calibrationSource;
            return report::gatherReport(req, progress, cancel.get());
        },
        [this, outputs, tables = s.tablesDir, cancel = m_reportCancel](Outcome r) {
            m_reportCancel.reset();
            if (!r) {
                emit reportFinished(false, QString::fromStdString(r.error().message), cancel->load());
                return;
            }
            QStringList written; // the PDF is laid out here: it needs the GUI thread's fonts
            const QString e = report::writeReport(*r, outputs, tables, &written);
            emit reportFinished(e.isEmpty(), e.isEmpty() ? written.join(QLatin1Char('\n')) : e, false);
        });
}

void Document::cancelReport()
{
    if (m_reportCancel)
        m_reportCancel->store(true);
}

} // namespace ql::app
