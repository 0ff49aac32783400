// SPDX-License-Identifier: MIT
// The report's tables as CSV files and one JSON file (report.h, writeTables).
#include "report/report.h"

#include "core/file_io.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace ql::report {

namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QString csvField(const QString& s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString number(double v)
{
    return std::isfinite(v) ? QString::number(v, 'g', 10)
                            : (std::isinf(v) && v > 0 ? QStringLiteral("inf") : QString());
}

struct Table {
    QString name;
    QStringList columns;
    std::vector<QStringList> rows;
};

std::vector<Table> tablesOf(const ReportInput& r)
{
    std::vector<Table> out;
    Table modes{QStringLiteral("modes"),
        {QStringLiteral("mode"), QStringLiteral("accuracy"), QStringLiteral("top5"), QStringLiteral("agreement"),
            QStringLiteral("kl_mean"), QStringLiteral("kl_p99"), QStringLiteral("size_bytes"),
            QStringLiteral("tflite_micro_arena_bytes"), QStringLiteral("latency_ms")},
        {}};
    for (const auto& e : r.modes)
        modes.rows.push_back({qs(e.mode), e.result.accuracy >= 0 ? number(e.result.accuracy) : QString(),
            e.result.top5 >= 0 ? number(e.result.top5) : QString(), number(e.agreement), number(e.klMean),
            number(e.klP99), QString::number(e.sizeBytes),
            e.microArenaBytes >= 0 ? QString::number(e.microArenaBytes) : QString(), number(e.latencyMs)});
    out.push_back(std::move(modes));
    Table weights{QStringLiteral("weights"),
        {QStringLiteral("op"), QStringLiteral("type"), QStringLiteral("tensor"), QStringLiteral("scheme"),
            QStringLiteral("sqnr_db"), QStringLiteral("rmse_over_scale"), QStringLiteral("clipped_fraction"),
            QStringLiteral("verdict"), QStringLiteral("reason")},
        {}};
    for (const auto& L : r.weights)
        weights.rows.push_back({QString::number(L.op), qs(L.opName), qs(L.tensorName), qs(L.scheme),
            number(L.metrics.sqnrDb), number(L.metrics.rmseOverScale), number(L.clippedFraction),
            qs(eval::verdictName(L.verdict)), qs(L.reason)});
    out.push_back(std::move(weights));
    if (!r.activations.empty()) {
        Table acts{QStringLiteral("activations"),
            {QStringLiteral("op"), QStringLiteral("type"), QStringLiteral("tensor"), QStringLiteral("dtype"),
                QStringLiteral("local_sqnr_db"), QStringLiteral("propagated_sqnr_db"),
                QStringLiteral("clipped_fraction")},
            {}};
        for (const auto& L : r.activations)
            acts.rows.push_back({QString::number(L.op), qs(L.opName), qs(L.name), qs(L.dtype), number(L.local.sqnrDb),
                number(L.propagated.sqnrDb), number(L.clippedFraction)});
        out.push_back(std::move(acts));
    }
    if (r.sensitivity) {
        Table t{QStringLiteral("sensitivity"),
            {QStringLiteral("op"), QStringLiteral("type"), QStringLiteral("only_quantized"),
                QStringLiteral("kept_float"), QStringLiteral("cost"), QStringLiteral("gain"),
                QStringLiteral("selected")},
            {}};
        for (const auto& L : r.sensitivity->layers)
            t.rows.push_back({QString::number(L.op), qs(L.opName), number(L.onlyQuantized), number(L.keptFloat),
                number(L.cost), number(L.gain),
                std::find(r.sensitivity->keepFloat.begin(), r.sensitivity->keepFloat.end(), L.op) !=
                        r.sensitivity->keepFloat.end()
                    ? QStringLiteral("1")
                    : QStringLiteral("0")});
        out.push_back(std::move(t));
    }
    if (r.target) {
        Table t{QStringLiteral("target"),
            {QStringLiteral("model"), QStringLiteral("impact"), QStringLiteral("op"), QStringLiteral("type"),
                QStringLiteral("rule"), QStringLiteral("message")},
            {}};
        for (const auto& c : r.targetChecks)
            for (const auto& f : c.result.findings)
                t.rows.push_back({c.what, qs(target::impactName(f.impact)), QString::number(f.op), qs(f.opName),
                    qs(f.rule), qs(f.message)});
        out.push_back(std::move(t));
    }
    for (const auto& e : r.modes) {
        if (e.confusion.empty())
            continue;
        Table c{QStringLiteral("confusion_") + qs(e.mode), {QStringLiteral("true_class")}, {}};
        for (std::size_t k = 0; k < e.confusion.size(); ++k)
            c.columns << QStringLiteral("predicted_%1").arg(k);
        for (std::size_t i = 0; i < e.confusion.size(); ++i) {
            QStringList row{QString::number(i)};
            for (auto v : e.confusion[i])
                row << QString::number(v);
            c.rows.push_back(row);
        }
        out.push_back(std::move(c));
    }
    return out;
}

QString write(const QString& path, const QByteArray& bytes)
{
    const auto* p = reinterpret_cast<const std::uint8_t*>(bytes.constData());
    if (auto st = writeFileAtomically(path.toStdString(), {p, static_cast<std::size_t>(bytes.size())}); !st)
        return path + QStringLiteral(": ") + QString::fromStdString(st.error().message);
    return {};
}

} // namespace

QString writeTables(const ReportInput& r, const QString& dir)
{
    if (!QDir().mkpath(dir))
        return dir + QStringLiteral(": cannot create the folder");
    QJsonObject all;
    for (const Table& t : tablesOf(r)) {
        QString csv = t.columns.join(QLatin1Char(',')) + QLatin1Char('\n');
        QJsonArray rows;
        for (const auto& row : t.rows) {
            QStringList fields;
            QJsonObject o;
            for (qsizetype k = 0; k < row.size(); ++k) {
                fields << csvField(row[k]);
                bool ok = false;
                const double v = row[k].toDouble(&ok);
                o[t.columns[k]] = ok && t.columns[k] != QLatin1String("mode") ? QJsonValue(v)
                    : row[k].isEmpty()                                        ? QJsonValue()
                                                                              : QJsonValue(row[k]);
            }
            csv += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
            rows.append(o);
        }
        all[t.name] = rows;
        if (QString e = write(QDir(dir).filePath(t.name + QStringLiteral(".csv")), csv.toUtf8()); !e.isEmpty())
            return e;
    }
    all[QStringLiteral("command")] = r.command;
    all[QStringLiteral("version")] = r.version;
    return write(QDir(dir).filePath(QStringLiteral("report.json")), QJsonDocument(all).toJson());
}

} // namespace ql::report
