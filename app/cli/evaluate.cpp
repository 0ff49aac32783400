// SPDX-License-Identifier: MIT
#include "cli/evaluate.h"

#include "cli/args.h"
#include "cli/json_util.h"
#include "cli/quant_options.h"
#include "cli/shard.h"
#include "data/content_hash.h"
#include "data/ranges_file.h"
#include "eval/evaluate.h"
#include "model/reader.h"
#include "model/summary.h"
#include "passes/quantize.h"
#include "pipeline/quantize.h"
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
    return QCoreApplication::translate("ql::cli::Eval", s);
}

} // namespace

QStringList evalOptionsWithValue()
{
    return quantOptionsWithValue() +
        QStringList{QStringLiteral("--data"), QStringLiteral("--labels"), QStringLiteral("--modes"),
            QStringLiteral("--limit"), QStringLiteral("--threads"), QStringLiteral("--latency-runs")};
}

Result<Evaluation> prepareEvaluation(const Args& a, const data::SampleWindow& window)
{
    auto qo = parseQuantizeOptions(a, {});
    if (!qo)
        return qo.error();
    Evaluation ev;
    eval::EvaluateOptions o;
    o.quantize = *qo;
    bool ok = true;
    std::int64_t limit = 0;
    if (const QString v = a.value(QStringLiteral("--limit")); !v.isEmpty())
        limit = v.toLongLong(&ok);
    if (!ok || limit < 0)
        return Error{"--limit must be a number >= 0"};
    if (const QString v = a.value(QStringLiteral("--threads")); !v.isEmpty())
        o.threads = v.toInt(&ok);
    if (!ok || o.threads < 1)
        return Error{"--threads must be a positive number"};
    if (const QString v = a.value(QStringLiteral("--latency-runs")); !v.isEmpty())
        o.latencyRuns = v.toInt(&ok);
    if (!ok || o.latencyRuns < 0)
        return Error{"--latency-runs must be a number >= 0"};

    auto floatModel = loadModelSource(a.positional.front());
    if (!floatModel)
        return floatModel.error();
    ev.model = std::move(*floatModel);
    const bool wasQuantized = ev.model.dequantized();
    auto keep = pipeline::keepFloatOnWork(ev.model, o.quantize.keepFloat);
    if (!keep)
        return keep.error();
    o.quantize.keepFloat = *keep;
    if (const QString m = a.value(QStringLiteral("--modes")); !m.isEmpty()) {
        o.modes.clear();
        for (const QString& s : m.split(QLatin1Char(','), Qt::SkipEmptyParts))
            o.modes.push_back(s.trimmed().toStdString());
    } else if (wasQuantized) {
        o.modes.push_back("original");
    }
    auto pre = parsePreprocess(a, ev.model.file.get());
    if (!pre)
        return pre.error();
    ev.pre = *pre;
    auto data = loadCommandData(a, *ev.model.work, ev.pre, limit, window);
    if (!data)
        return data.error();
    ev.data = std::move(*data);

    if (const std::string note = pipeline::dequantizedEvaluationNote(ev.model); !note.empty())
        ev.notes.push_back(note);
    const bool integer =
        std::any_of(o.modes.begin(), o.modes.end(), [](const std::string& m) { return m == "int8" || m == "16x8"; });
    if (integer) {
        passes::QuantizeOptions rq = o.quantize;
        rq.mode = passes::Mode::Int8;
        auto r = rangesForWindow(a, ev.model, ev.pre, rq, ev.data, bool(window), limit, "evaluation samples", ev.notes);
        if (!r)
            return r.error();
        ev.ranges = std::move(*r);
        o.quantize.calibration = rq.calibration;
        o.quantize.calibrationSource = rq.calibrationSource;
    }
    ev.quantize = o.quantize;
    ev.options = std::move(o);
    return ev;
}

Result<Evaluation> evaluateForCommand(const Args& a)
{
    auto ev = prepareEvaluation(a);
    if (!ev)
        return ev.error();
    QElapsedTimer timer;
    timer.start();
    auto results = eval::evaluateModes(
        *ev->model.work, ev->model.dequantized() ? ev->model.file.get() : nullptr, ev->data, ev->ranges, ev->options);
    if (!results)
        return results.error();
    ev->results = std::move(*results);
    ev->seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    return ev;
}

int evalCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const Args a =
        parseArgs(args, evalOptionsWithValue() + QStringList{QStringLiteral("--shard"), QStringLiteral("--partial")},
            quantFlags() + QStringList{QStringLiteral("--json")});
    if (!a.error.isEmpty() || a.positional.size() != 1 || a.value(QStringLiteral("--data")).isEmpty()) {
        err << (a.error.isEmpty() ? tr("eval needs one model file and --data") : a.error) << "\n\n"
            << commandHelp(QStringLiteral("eval"));
        return 2;
    }
    const QString shardText = a.value(QStringLiteral("--shard")), partialPath = a.value(QStringLiteral("--partial"));
    if (shardText.isEmpty() != partialPath.isEmpty())
        return fail(err,
            "--shard I/N and --partial FILE go together: a shard writes its partial result to FILE, "
            "and `quantlens-cli merge` combines them");
    if (!shardText.isEmpty())
        return evalShard(a, shardText, partialPath, out, err);
    auto ev = evaluateForCommand(a);
    if (!ev)
        return fail(err, ev.error());
    printEvaluation(out, a.flags.contains(QStringLiteral("--json")), a.positional.front(),
        app::contentSha256(a.positional.front()), ev->data.count,
        ev->data.labels.size() == static_cast<std::size_t>(ev->data.count), ev->seconds, ev->notes, ev->results);
    return 0;
}

void printEvaluation(QTextStream& out, bool json, const QString& path, const QString& modelSha256, std::int64_t samples,
    bool labelled, double seconds, const std::vector<std::string>& notes, const std::vector<eval::ModeEvaluation>& rows)
{
    const auto* results = &rows;
    QJsonObject j;
    j[QStringLiteral("model")] = path;
    j[QStringLiteral("model_sha256")] = modelSha256;
    j[QStringLiteral("samples")] = static_cast<qint64>(samples);
    j[QStringLiteral("labelled")] = labelled;
    j[QStringLiteral("seconds")] = seconds;
    QJsonArray noteList;
    for (const auto& n : notes)
        noteList.append(qs(n));
    j[QStringLiteral("notes")] = noteList;
    QJsonArray modes;
    for (const auto& e : *results) {
        QJsonObject m;
        m[QStringLiteral("mode")] = qs(e.mode);
        m[QStringLiteral("accuracy")] = e.result.accuracy >= 0 ? QJsonValue(e.result.accuracy) : QJsonValue();
        m[QStringLiteral("top5")] = e.result.top5 >= 0 ? QJsonValue(e.result.top5) : QJsonValue();
        m[QStringLiteral("agreement")] = e.agreement;
        m[QStringLiteral("kl_mean")] = number(e.klMean);
        m[QStringLiteral("kl_p50")] = number(e.klP50);
        m[QStringLiteral("kl_p90")] = number(e.klP90);
        m[QStringLiteral("kl_p99")] = number(e.klP99);
        m[QStringLiteral("kl_max")] = number(e.klMax);
        m[QStringLiteral("size_bytes")] = static_cast<qint64>(e.sizeBytes);
        m[QStringLiteral("tflite_micro_arena_bytes")] =
            e.microArenaBytes >= 0 ? QJsonValue(static_cast<qint64>(e.microArenaBytes)) : QJsonValue();
        QJsonObject by;
        for (const auto& [k, v] : e.bytesByDtype)
            by[qs(k)] = static_cast<qint64>(v);
        m[QStringLiteral("bytes_by_dtype")] = by;
        m[QStringLiteral("latency_ms")] = e.latencyMs;
        QJsonArray confusion;
        for (const auto& row : e.confusion) {
            QJsonArray r;
            for (auto v : row)
                r.append(static_cast<qint64>(v));
            confusion.append(r);
        }
        if (!e.confusion.empty())
            m[QStringLiteral("confusion")] = confusion;
        QJsonArray en;
        for (const auto& n : e.notes)
            en.append(qs(n));
        m[QStringLiteral("notes")] = en;
        m[QStringLiteral("collapse")] = e.collapse.empty() ? QJsonValue() : QJsonValue(qs(e.collapse));
        modes.append(m);
    }
    j[QStringLiteral("modes")] = modes;
    if (json) {
        out << QJsonDocument(j).toJson(QJsonDocument::Compact) << '\n';
        return;
    }
    out << tr("%1 samples%2\n").arg(samples).arg(j[QStringLiteral("labelled")].toBool() ? tr(", labelled") : QString());
    for (const auto& n : notes)
        out << "  " << qs(n) << '\n';
    out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
               .arg(tr("mode"), -9)
               .arg(tr("accuracy"), 9)
               .arg(tr("agreement"), 9)
               .arg(tr("KL mean"), 9)
               .arg(tr("bytes"), 10)
               .arg(tr("latency ms"), 10);
    for (const auto& e : *results) {
        out << QStringLiteral("%1 %2 %3 %4 %5 %6\n")
                   .arg(qs(e.mode), -9)
                   .arg(e.result.accuracy >= 0 ? QString::number(100.0 * e.result.accuracy, 'f', 2) + QLatin1Char('%')
                                               : QStringLiteral("-"),
                       9)
                   .arg(QString::number(100.0 * e.agreement, 'f', 2) + QLatin1Char('%'), 9)
                   .arg(e.klMean, 9, 'g', 3)
                   .arg(e.sizeBytes, 10)
                   .arg(e.latencyMs, 10, 'f', 3);
        if (!e.collapse.empty())
            out << "  " << tr("collapse: ") << qs(e.collapse) << '\n';
    }
}

} // namespace ql::cli
