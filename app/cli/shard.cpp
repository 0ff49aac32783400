// SPDX-License-Identifier: MIT
#include "cli/shard.h"

#include "cli/analyze.h"
#include "cli/evaluate.h"
#include "cli/sensitivity.h"
#include "core/file_io.h"
#include "data/content_hash.h"
#include "data/json_file.h"
#include "data/partials.h"
#include "eval/shard.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ql::cli {

namespace {

QString tr(const char* s)
{
    return QCoreApplication::translate("ql::cli::Shard", s);
}

// What makes two shards parts of one run: the contents of every input file and every option that changes a
// number (not the paths, which may differ between machines, nor threads, latency runs or output choices).
std::string fingerprint(const Args& a, const char* command)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    const auto add = [&](const QString& s) {
        h.addData(s.toUtf8());
        h.addData(QByteArrayView("\n", 1));
    };
    add(QString::fromLatin1(command));
    add(app::contentSha256(a.positional.front()));
    for (const auto* key : {"--data", "--labels", "--calibration-data", "--ranges"})
        for (const auto& path : a.values(QString::fromLatin1(key)))
            add(QString::fromLatin1(key) + QLatin1Char(' ') + app::contentSha256(path));
    const QStringList ignored{QStringLiteral("--shard"), QStringLiteral("--partial"), QStringLiteral("--threads"),
        QStringLiteral("--latency-runs"), QStringLiteral("--ranking"), QStringLiteral("--ranges"),
        QStringLiteral("--data"), QStringLiteral("--labels"), QStringLiteral("--calibration-data")};
    for (auto it = a.options.begin(); it != a.options.end(); ++it)
        if (!ignored.contains(it.key()))
            add(it.key() + QLatin1Char('=') + it.value().join(QLatin1Char('\x1f')));
    QStringList flags = a.flags;
    flags.removeAll(QStringLiteral("--json"));
    flags.sort();
    add(flags.join(QLatin1Char(' ')));
    return h.result().toHex().toStdString();
}

void printWritten(QTextStream& out, const QString& path, const eval::Shard& shard)
{
    out << tr("wrote %1 (shard %2/%3: samples %4..%5 of %6)\n")
               .arg(path)
               .arg(shard.index)
               .arg(shard.count)
               .arg(shard.first)
               .arg(shard.first + shard.size - 1)
               .arg(shard.total);
}

// The greedy order of a merged ranking (`merge --json` of the ranking stage), refused when it comes from another run.
Result<std::vector<int>> readRanking(const QString& path, const std::string& run)
{
    const std::string where = path.toStdString() + ": ";
    constexpr auto what = "a merged sensitivity ranking (the --json output of merge over the ranking stage)";
    auto read = app::readJsonObject(path, what);
    if (!read)
        return read.error();
    const QJsonObject& j = *read;
    if (!j[QStringLiteral("selection_order")].isArray())
        return Error{where + "not " + what};
    if (j[QStringLiteral("run")].toString().toStdString() != run)
        return Error{where + "the ranking comes from another run (a different model, data or options)"};
    std::vector<int> order;
    for (const auto& v : j[QStringLiteral("selection_order")].toArray())
        order.push_back(v.toInt(-1));
    return order;
}

} // namespace

data::SampleWindow shardWindow(const QString& text, eval::Shard& shard)
{
    return [text, &shard](std::int64_t available) -> Result<std::pair<std::int64_t, std::int64_t>> {
        auto s = eval::parseShard(text.toStdString(), available);
        if (!s)
            return s.error();
        shard = *s;
        return std::pair<std::int64_t, std::int64_t>{s->first, s->size};
    };
}

int evalShard(const Args& a, const QString& shardText, const QString& partialPath, QTextStream& out, QTextStream& err)
{
    eval::Shard shard;
    auto ev = prepareEvaluation(a, shardWindow(shardText, shard));
    if (!ev)
        return fail(err, ev.error());
    auto partial = eval::measureShard(*ev->model.work, ev->model.dequantized() ? ev->model.file.get() : nullptr,
        ev->data, ev->ranges, ev->options, shard);
    if (!partial)
        return fail(err, partial.error());
    partial->fingerprint = fingerprint(a, "eval");
    partial->notes = ev->notes;
    const QByteArray bytes =
        app::partialToJson({a.positional.front(), app::contentSha256(a.positional.front()), std::move(*partial)});
    if (auto st = app::writeBytesAtomically(partialPath, bytes); !st)
        return fail(err, st.error());
    printWritten(out, partialPath, shard);
    return 0;
}

int sensitivityShard(
    const Args& a, const QString& shardText, const QString& partialPath, QTextStream& out, QTextStream& err)
{
    eval::Shard shard;
    auto run = prepareSensitivity(a, shardWindow(shardText, shard));
    if (!run)
        return fail(err, run.error());
    const std::string id = fingerprint(a, "sensitivity");
    // The selection stage measures the greedy order the merged ranking gives.
    auto stage = eval::SensitivityPartial::Stage::Ranking;
    std::vector<int> order;
    if (const QString rankingPath = a.value(QStringLiteral("--ranking")); !rankingPath.isEmpty()) {
        auto ranking = readRanking(rankingPath, id);
        if (!ranking)
            return fail(err, ranking.error());
        stage = eval::SensitivityPartial::Stage::Selection;
        order = *ranking;
    }
    auto partial = eval::measureSensitivityShard(
        *run->model.work, run->data, run->ranges, run->options, shard, stage, pipeline::toWorkOps(run->model, order));
    if (!partial)
        return fail(err, partial.error());
    partial->fingerprint = id;
    partial->notes = run->notes;
    for (auto& l : partial->layers) // the file's numbering, as one run prints it
        l.op = run->model.fileOp(l.op);
    partial->order = order;
    const QByteArray bytes = app::partialToJson(app::SensitivityPartialFile{
        a.positional.front(), app::contentSha256(a.positional.front()), std::move(*partial)});
    if (auto st = app::writeBytesAtomically(partialPath, bytes); !st)
        return fail(err, st.error());
    printWritten(out, partialPath, shard);
    return 0;
}

int analyzeShard(const Args& a, const pipeline::ModelSource& model, const model::Graph& quantized,
    const data::SampleSet& data, const eval::ActivationOptions& options, const eval::Shard& shard,
    const QJsonObject& output, bool histograms, const QString& partialPath, QTextStream& out, QTextStream& err)
{
    app::AnalysisPartialFile f;
    f.model = a.positional.front();
    f.modelSha256 = output[QStringLiteral("model_sha256")].toString();
    f.output = output;
    f.histograms = histograms;
    eval::ActivationPartial& p = f.partial;
    p.fingerprint = fingerprint(a, "analyze");
    p.shard = shard;
    p.bins = options.bins;
    auto m = eval::measureActivations(*model.work, quantized, data, options, shard.first, shard.size,
        [&](std::vector<eval::ActivationSampleStats>&& sample) { p.samples.push_back(std::move(sample)); });
    if (!m)
        return fail(err, m.error());
    for (auto& l : m->layers) // the file's numbering, as one run prints it
        l.op = model.fileOp(l.op);
    p.measure = std::move(*m);
    const QByteArray bytes = app::partialToJson(f);
    if (auto st = app::writeBytesAtomically(partialPath, bytes); !st)
        return fail(err, st.error());
    printWritten(out, partialPath, shard);
    return 0;
}

int mergeCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const Args a = parseArgs(args, {}, {QStringLiteral("--json")});
    if (!a.error.isEmpty() || a.positional.isEmpty()) {
        err << (a.error.isEmpty() ? tr("merge needs the partial result of every shard") : a.error) << "\n\n"
            << commandHelp(QStringLiteral("merge"));
        return 2;
    }
    const bool json = a.flags.contains(QStringLiteral("--json"));
    std::vector<app::AnyPartial> files;
    for (const auto& path : a.positional) {
        auto f = app::readPartial(path);
        if (!f)
            return fail(err, f.error());
        if (!files.empty() && f->kind != files.front().kind)
            return fail(err,
                path.toStdString() + ": a partial of `" + f->command() + "` cannot merge with those of `" +
                    files.front().command() + "`");
        files.push_back(std::move(*f));
    }
    if (files.front().kind == app::AnyPartial::Kind::Analysis) {
        std::vector<eval::ActivationPartial> parts;
        QJsonObject output;
        bool histograms = true;
        for (auto& f : files) {
            if (f.analysis.partial.shard.index == 0) {
                output = f.analysis.output;
                histograms = f.analysis.histograms;
            }
            parts.push_back(std::move(f.analysis.partial));
        }
        auto merged = eval::mergeActivations(std::move(parts));
        if (!merged)
            return fail(err, merged.error());
        addActivations(output, *merged, histograms, 0);
        printAnalysis(out, json, output);
        return 0;
    }
    if (files.front().kind == app::AnyPartial::Kind::Sensitivity) {
        std::vector<eval::SensitivityPartial> parts;
        QString model, modelSha256, mode;
        std::vector<std::string> notes;
        for (auto& f : files) {
            if (f.ranking.partial.shard.index == 0 &&
                f.ranking.partial.stage == eval::SensitivityPartial::Stage::Ranking) {
                model = f.ranking.model;
                modelSha256 = f.ranking.modelSha256;
                mode = qs(f.ranking.partial.metricMode);
                notes = f.ranking.partial.notes;
            }
            parts.push_back(std::move(f.ranking.partial));
        }
        const std::int64_t total = parts.front().shard.total;
        const QString run = qs(parts.front().fingerprint);
        auto merged = eval::mergeSensitivity(std::move(parts));
        if (!merged)
            return fail(err, merged.error());
        printSensitivity(out, json, model, modelSha256, mode, total, 0, notes, *merged, run);
        return 0;
    }
    std::vector<eval::EvaluationPartial> parts;
    QString model, modelSha256;
    std::vector<std::string> notes;
    bool labelled = true;
    for (auto& f : files) {
        if (f.evaluation.partial.shard.index == 0) {
            model = f.evaluation.model;
            modelSha256 = f.evaluation.modelSha256;
            notes = f.evaluation.partial.notes;
        }
        labelled = labelled && f.evaluation.partial.labelled;
        parts.push_back(std::move(f.evaluation.partial));
    }
    const std::int64_t total = parts.front().shard.total;
    auto merged = eval::mergePartials(std::move(parts));
    if (!merged)
        return fail(err, merged.error());
    printEvaluation(out, json, model, modelSha256, total, labelled, 0, notes, *merged);
    return 0;
}

} // namespace ql::cli
