// SPDX-License-Identifier: MIT
#include "cli/shard.h"

#include "cli/evaluate.h"
#include "core/file_io.h"
#include "data/partials.h"
#include "eval/shard.h"
#include "report/gather.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace ql::cli {

namespace {

QString tr(const char* s)
{
    return QCoreApplication::translate("ql::cli::Shard", s);
}

// What makes two shards parts of one run: the contents of every input file and every option that changes a
// number (not the paths, which may differ between machines, nor threads, latency runs or output choices).
std::string fingerprint(const Args& a)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    const auto add = [&](const QString& s) {
        h.addData(s.toUtf8());
        h.addData(QByteArrayView("\n", 1));
    };
    add(report::fileFact(report::FileRole::Model, a.positional.front()).sha256);
    for (const auto* key : {"--data", "--labels", "--calibration-data"})
        for (const auto& path : a.values(QString::fromLatin1(key)))
            add(QString::fromLatin1(key) + QLatin1Char(' ') + report::fileFact(report::FileRole::Data, path).sha256);
    const QStringList ignored{QStringLiteral("--shard"), QStringLiteral("--partial"), QStringLiteral("--threads"),
        QStringLiteral("--latency-runs"), QStringLiteral("--data"), QStringLiteral("--labels"),
        QStringLiteral("--calibration-data")};
    for (auto it = a.options.begin(); it != a.options.end(); ++it)
        if (!ignored.contains(it.key()))
            add(it.key() + QLatin1Char('=') + it.value().join(QLatin1Char('\x1f')));
    QStringList flags = a.flags;
    flags.removeAll(QStringLiteral("--json"));
    flags.sort();
    add(flags.join(QLatin1Char(' ')));
    return h.result().toHex().toStdString();
}

} // namespace

int evalShard(const Args& a, const QString& shardText, const QString& partialPath, QTextStream& out, QTextStream& err)
{
    auto ev = prepareEvaluation(a);
    if (!ev)
        return fail(err, ev.error());
    auto shard = eval::parseShard(shardText.toStdString(), ev->data.count);
    if (!shard)
        return fail(err, shard.error());
    // The shard's own samples (calibration, when it came from the data set, used its first samples, as one run).
    data::SampleSet part;
    part.sampleShape = ev->data.sampleShape;
    part.count = shard->size;
    part.values.assign(ev->data.values.begin() + static_cast<std::ptrdiff_t>(shard->first * ev->data.sampleSize()),
        ev->data.values.begin() + static_cast<std::ptrdiff_t>((shard->first + shard->size) * ev->data.sampleSize()));
    if (ev->data.labels.size() == static_cast<std::size_t>(ev->data.count))
        part.labels.assign(
            ev->data.labels.begin() + shard->first, ev->data.labels.begin() + shard->first + shard->size);
    auto partial = eval::measureShard(*ev->model.work, ev->model.dequantized() ? ev->model.file.get() : nullptr, part,
        ev->ranges, ev->options, *shard);
    if (!partial)
        return fail(err, partial.error());
    partial->fingerprint = fingerprint(a);
    partial->notes = ev->notes;
    const QByteArray bytes = app::partialToJson({a.positional.front(), std::move(*partial)});
    if (auto st = writeFileAtomically(partialPath.toStdString(),
            {reinterpret_cast<const std::uint8_t*>(bytes.constData()), static_cast<std::size_t>(bytes.size())});
        !st)
        return fail(err, st.error());
    out << tr("wrote %1 (shard %2/%3: samples %4..%5 of %6)\n")
               .arg(partialPath)
               .arg(shard->index)
               .arg(shard->count)
               .arg(shard->first)
               .arg(shard->first + shard->size - 1)
               .arg(shard->total);
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
    std::vector<eval::EvaluationPartial> parts;
    QString model;
    std::vector<std::string> notes;
    bool labelled = true;
    for (const auto& path : a.positional) {
        auto f = app::readPartial(path);
        if (!f)
            return fail(err, f.error());
        if (f->partial.shard.index == 0) {
            model = f->model;
            notes = f->partial.notes;
        }
        labelled = labelled && f->partial.labelled;
        parts.push_back(std::move(f->partial));
    }
    const std::int64_t total = parts.front().shard.total;
    auto merged = eval::mergePartials(std::move(parts));
    if (!merged)
        return fail(err, merged.error());
    printEvaluation(out, a.flags.contains(QStringLiteral("--json")), model, total, labelled, 0, notes, *merged);
    return 0;
}

} // namespace ql::cli
