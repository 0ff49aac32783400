// SPDX-License-Identifier: MIT
#include "cli/sensitivity.h"

#include "cli/args.h"
#include "cli/quant_options.h"
#include "pipeline/source.h"
#include "eval/sensitivity.h"

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

int sensitivityCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const Args a = parseArgs(args,
        quantOptionsWithValue() +
            QStringList{QStringLiteral("--data"), QStringLiteral("--labels"), QStringLiteral("--budget"),
                QStringLiteral("--limit"), QStringLiteral("--threads")},
        quantFlags() + QStringList{QStringLiteral("--json")});
    if (!a.error.isEmpty() || a.positional.size() != 1 || a.value(QStringLiteral("--data")).isEmpty() ||
        a.value(QStringLiteral("--mode")).isEmpty()) {
        err << (a.error.isEmpty() ? tr("sensitivity needs one model file, --mode and --data") : a.error) << "\n\n"
            << commandHelp(QStringLiteral("sensitivity"));
        return 2;
    }
    auto qo = parseQuantizeOptions(a, a.value(QStringLiteral("--mode")));
    if (!qo)
        return fail(err, qo.error());
    eval::SensitivityOptions o;
    o.quantize = *qo;
    bool ok = true;
    if (const QString v = a.value(QStringLiteral("--budget")); !v.isEmpty())
        o.budget = v.toDouble(&ok);
    if (!ok || o.budget < 0 || o.budget > 1)
        return fail(err, "--budget must be a fraction between 0 and 1 (0.01 = one point)");
    std::int64_t limit = 0;
    if (const QString v = a.value(QStringLiteral("--limit")); !v.isEmpty())
        limit = v.toLongLong(&ok);
    if (!ok || limit < 0)
        return fail(err, "--limit must be a number >= 0");
    if (const QString v = a.value(QStringLiteral("--threads")); !v.isEmpty())
        o.threads = v.toInt(&ok);
    if (!ok || o.threads < 1)
        return fail(err, "--threads must be a positive number");
    auto model = loadModelSource(a.positional.front());
    if (!model)
        return fail(err, model.error());
    auto keepOnWork = pipeline::keepFloatOnWork(*model, o.quantize.keepFloat);
    if (!keepOnWork)
        return fail(err, keepOnWork.error());
    o.quantize.keepFloat = *keepOnWork;
    auto pre = parsePreprocess(a, model->file.get());
    if (!pre)
        return fail(err, pre.error());
    auto data = loadCommandData(a, *model->work, *pre, limit);
    if (!data)
        return fail(err, data.error());
    std::vector<std::string> notes;
    auto ranges = rangesForCommand(a, *model, *pre, o.quantize, *data, "samples of the data", notes);
    if (!ranges)
        return fail(err, ranges.error());
    QElapsedTimer timer;
    timer.start();
    auto r = eval::sensitivity(*model->work, *data, *ranges, o);
    if (!r)
        return fail(err, r.error());
    for (auto& l : r->layers) // operators by the file's numbering, as `info` prints them
        l.op = model->fileOp(l.op);
    r->keepFloat = pipeline::toFileOps(*model, r->keepFloat);
    QJsonObject j;
    j[QStringLiteral("model")] = a.positional.front();
    j[QStringLiteral("mode")] = qs(passes::modeName(o.quantize.mode));
    j[QStringLiteral("samples")] = static_cast<qint64>(data->count);
    j[QStringLiteral("metric")] = qs(r->metric);
    j[QStringLiteral("float")] = r->floatMetric;
    j[QStringLiteral("quantized")] = r->quantizedMetric;
    j[QStringLiteral("budget")] = r->budget;
    QJsonArray layers;
    for (const auto& l : r->layers)
        layers.append(QJsonObject{{QStringLiteral("index"), l.op}, {QStringLiteral("op"), qs(l.opName)},
            {QStringLiteral("kept_float"), l.keptFloat}, {QStringLiteral("only_quantized"), l.onlyQuantized},
            {QStringLiteral("gain"), l.gain}, {QStringLiteral("cost"), l.cost}});
    j[QStringLiteral("layers")] = layers;
    QJsonArray keep;
    for (int k : r->keepFloat)
        keep.append(k);
    j[QStringLiteral("keep_float")] = keep;
    j[QStringLiteral("selection")] = r->selectionMetric;
    j[QStringLiteral("within_budget")] = r->withinBudget;
    j[QStringLiteral("runs")] = r->runs;
    j[QStringLiteral("seconds")] = static_cast<double>(timer.elapsed()) / 1000.0;
    QJsonArray noteList;
    for (const auto& n : notes)
        noteList.append(qs(n));
    j[QStringLiteral("notes")] = noteList;
    if (a.flags.contains(QStringLiteral("--json"))) {
        out << QJsonDocument(j).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    out << tr("%1 on %2 samples: float %3, %4 %5 (%6 variants in %7 s)\n")
               .arg(qs(r->metric))
               .arg(data->count)
               .arg(r->floatMetric, 0, 'f', 4)
               .arg(qs(passes::modeName(o.quantize.mode)))
               .arg(r->quantizedMetric, 0, 'f', 4)
               .arg(r->runs)
               .arg(j[QStringLiteral("seconds")].toDouble(), 0, 'f', 1);
    out << QStringLiteral("%1  %2  %3  %4\n")
               .arg(tr("op"), 4)
               .arg(tr("type"), -18)
               .arg(tr("kept float"), 10)
               .arg(tr("only quantized"), 14);
    for (const auto& l : r->layers)
        out << QStringLiteral("%1  %2  %3  %4\n")
                   .arg(l.op, 4)
                   .arg(qs(l.opName), -18)
                   .arg(l.keptFloat, 10, 'f', 4)
                   .arg(l.onlyQuantized, 14, 'f', 4);
    QStringList k;
    for (int i : r->keepFloat)
        k << QString::number(i);
    out << (r->keepFloat.empty() ? tr("already within the budget of %1: keep nothing in float\n").arg(r->budget)
                                 : tr("keep in float: --keep-float %1 -> %2 (%3 the budget of %4)\n")
                                       .arg(k.join(QLatin1Char(',')))
                                       .arg(r->selectionMetric, 0, 'f', 4)
                                       .arg(r->withinBudget ? tr("within") : tr("still outside"))
                                       .arg(r->budget));
    return 0;
}

} // namespace ql::cli
