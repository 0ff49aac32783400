// SPDX-License-Identifier: MIT
#include "cli/sensitivity.h"

#include "cli/args.h"
#include "cli/quant_options.h"
#include "cli/shard.h"
#include "data/content_hash.h"
#include "eval/sensitivity.h"
#include "pipeline/source.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ql::cli {

namespace {

QString tr(const char* s)
{
    return QCoreApplication::translate("ql::cli::Sensitivity", s);
}

} // namespace

Result<SensitivityRun> prepareSensitivity(const Args& a, const data::SampleWindow& window)
{
    auto qo = parseQuantizeOptions(a, a.value(QStringLiteral("--mode")));
    if (!qo)
        return qo.error();
    SensitivityRun run;
    eval::SensitivityOptions& o = run.options;
    o.quantize = *qo;
    bool ok = true;
    if (const QString v = a.value(QStringLiteral("--budget")); !v.isEmpty())
        o.budget = v.toDouble(&ok);
    if (!ok || o.budget < 0 || o.budget > 1)
        return Error{"--budget must be a fraction between 0 and 1 (0.01 = one point)"};
    std::int64_t limit = 0;
    if (const QString v = a.value(QStringLiteral("--limit")); !v.isEmpty())
        limit = v.toLongLong(&ok);
    if (!ok || limit < 0)
        return Error{"--limit must be a number >= 0"};
    if (const QString v = a.value(QStringLiteral("--threads")); !v.isEmpty())
        o.threads = v.toInt(&ok);
    if (!ok || o.threads < 1)
        return Error{"--threads must be a positive number"};
    auto model = loadModelSource(a.positional.front());
    if (!model)
        return model.error();
    run.model = std::move(*model);
    auto keepOnWork = pipeline::keepFloatOnWork(run.model, o.quantize.keepFloat);
    if (!keepOnWork)
        return keepOnWork.error();
    o.quantize.keepFloat = *keepOnWork;
    auto pre = parsePreprocess(a, run.model.file.get());
    if (!pre)
        return pre.error();
    auto data = loadCommandData(a, *run.model.work, *pre, limit, window);
    if (!data)
        return data.error();
    run.data = std::move(*data);
    auto ranges = rangesForWindow(
        a, run.model, *pre, o.quantize, run.data, bool(window), limit, "samples of the data", run.notes);
    if (!ranges)
        return ranges.error();
    run.ranges = std::move(*ranges);
    return run;
}

int sensitivityCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const Args a = parseArgs(args,
        quantOptionsWithValue() +
            QStringList{QStringLiteral("--data"), QStringLiteral("--labels"), QStringLiteral("--budget"),
                QStringLiteral("--limit"), QStringLiteral("--threads"), QStringLiteral("--shard"),
                QStringLiteral("--partial"), QStringLiteral("--ranking")},
        quantFlags() + QStringList{QStringLiteral("--json")});
    if (!a.error.isEmpty() || a.positional.size() != 1 || a.value(QStringLiteral("--data")).isEmpty() ||
        a.value(QStringLiteral("--mode")).isEmpty()) {
        err << (a.error.isEmpty() ? tr("sensitivity needs one model file, --mode and --data") : a.error) << "\n\n"
            << commandHelp(QStringLiteral("sensitivity"));
        return 2;
    }
    const QString shardText = a.value(QStringLiteral("--shard")), partialPath = a.value(QStringLiteral("--partial"));
    if (shardText.isEmpty() != partialPath.isEmpty())
        return fail(err,
            "--shard I/N and --partial FILE go together: a shard writes its partial result to FILE, "
            "and `quantlens-cli merge` combines them");
    if (shardText.isEmpty() && !a.value(QStringLiteral("--ranking")).isEmpty())
        return fail(err, "--ranking FILE belongs to the selection stage of a sharded run (with --shard I/N)");
    if (!shardText.isEmpty())
        return sensitivityShard(a, shardText, partialPath, out, err);
    auto run = prepareSensitivity(a);
    if (!run)
        return fail(err, run.error());
    QElapsedTimer timer;
    timer.start();
    auto r = eval::sensitivity(*run->model.work, run->data, run->ranges, run->options);
    if (!r)
        return fail(err, r.error());
    for (auto& l : r->layers) // operators by the file's numbering, as `info` prints them
        l.op = run->model.fileOp(l.op);
    r->keepFloat = pipeline::toFileOps(run->model, r->keepFloat);
    r->order = pipeline::toFileOps(run->model, r->order);
    printSensitivity(out, a.flags.contains(QStringLiteral("--json")), a.positional.front(),
        app::contentSha256(a.positional.front()), qs(passes::modeName(run->options.quantize.mode)), run->data.count,
        static_cast<double>(timer.elapsed()) / 1000.0, run->notes, *r);
    return 0;
}

void printSensitivity(QTextStream& out, bool json, const QString& model, const QString& modelSha256,
    const QString& mode, std::int64_t samples, double seconds, const std::vector<std::string>& notes,
    const eval::SensitivityResult& r, const QString& run)
{
    QJsonObject j;
    j[QStringLiteral("model")] = model;
    j[QStringLiteral("model_sha256")] = modelSha256;
    j[QStringLiteral("mode")] = mode;
    j[QStringLiteral("samples")] = static_cast<qint64>(samples);
    j[QStringLiteral("metric")] = qs(r.metric);
    j[QStringLiteral("float")] = r.floatMetric;
    j[QStringLiteral("quantized")] = r.quantizedMetric;
    j[QStringLiteral("budget")] = r.budget;
    QJsonArray layers;
    for (const auto& l : r.layers)
        layers.append(QJsonObject{{QStringLiteral("index"), l.op}, {QStringLiteral("op"), qs(l.opName)},
            {QStringLiteral("kept_float"), l.keptFloat}, {QStringLiteral("only_quantized"), l.onlyQuantized},
            {QStringLiteral("gain"), l.gain}, {QStringLiteral("cost"), l.cost}});
    j[QStringLiteral("layers")] = layers;
    const auto ints = [](const std::vector<int>& v) {
        QJsonArray arr;
        for (int k : v)
            arr.append(k);
        return arr;
    };
    j[QStringLiteral("selection_order")] = ints(r.order);
    j[QStringLiteral("complete")] = r.complete;
    j[QStringLiteral("keep_float")] = ints(r.keepFloat);
    j[QStringLiteral("selection")] = r.selectionMetric;
    j[QStringLiteral("within_budget")] = r.withinBudget;
    j[QStringLiteral("runs")] = r.runs;
    j[QStringLiteral("seconds")] = seconds;
    QJsonArray noteList;
    for (const auto& n : notes)
        noteList.append(qs(n));
    j[QStringLiteral("notes")] = noteList;
    if (!run.isEmpty())
        j[QStringLiteral("run")] = run;
    if (json) {
        out << QJsonDocument(j).toJson(QJsonDocument::Compact) << '\n';
        return;
    }
    out << tr("%1 on %2 samples: float %3, %4 %5 (%6 variants in %7 s)\n")
               .arg(qs(r.metric))
               .arg(samples)
               .arg(r.floatMetric, 0, 'f', 4)
               .arg(mode)
               .arg(r.quantizedMetric, 0, 'f', 4)
               .arg(r.runs)
               .arg(seconds, 0, 'f', 1);
    out << QStringLiteral("%1  %2  %3  %4\n")
               .arg(tr("op"), 4)
               .arg(tr("type"), -18)
               .arg(tr("kept float"), 10)
               .arg(tr("only quantized"), 14);
    for (const auto& l : r.layers)
        out << QStringLiteral("%1  %2  %3  %4\n")
                   .arg(l.op, 4)
                   .arg(qs(l.opName), -18)
                   .arg(l.keptFloat, 10, 'f', 4)
                   .arg(l.onlyQuantized, 14, 'f', 4);
    QStringList k;
    for (int i : r.keepFloat)
        k << QString::number(i);
    if (!r.complete)
        out << tr("the ranking stage only: run the selection stage (sensitivity --shard I/N --ranking FILE with this "
                  "output as FILE, --json) and merge both\n");
    else
        out << (r.keepFloat.empty() ? tr("already within the budget of %1: keep nothing in float\n").arg(r.budget)
                                    : tr("keep in float: --keep-float %1 -> %2 (%3 the budget of %4)\n")
                                          .arg(k.join(QLatin1Char(',')))
                                          .arg(r.selectionMetric, 0, 'f', 4)
                                          .arg(r.withinBudget ? tr("within") : tr("still outside"))
                                          .arg(r.budget));
}

} // namespace ql::cli
