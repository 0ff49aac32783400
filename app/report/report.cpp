// SPDX-License-Identifier: MIT
#include "report/report.h"

#include "report/svgchart.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace ql::report {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(ql::report::Report)
};

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QString esc(const QString& s)
{
    return xmlEscaped(s);
}

QString percent(double fraction)
{
    return fraction < 0 ? QStringLiteral("–") : QString::number(100.0 * fraction, 'f', 2) + QStringLiteral(" %");
}

QString db(double v)
{
    if (std::isinf(v) && v > 0)
        return Text::tr("exact");
    return std::isfinite(v) ? QString::number(v, 'f', 1) : QStringLiteral("–");
}

QString kib(double bytes)
{
    if (bytes < 1024)
        return Text::tr("%1 bytes").arg(bytes, 0, 'f', 0);
    return QString::number(bytes / 1024.0, 'f', 1) + QStringLiteral(" KiB");
}

QString cell(const QString& s, const char* cls = nullptr)
{
    return cls ? QStringLiteral("<td class=\"%1\">%2</td>").arg(QLatin1String(cls), esc(s))
               : QStringLiteral("<td>%1</td>").arg(esc(s));
}

QString header(const QStringList& names)
{
    QString h = QStringLiteral("<thead><tr>");
    for (const auto& n : names)
        h += QStringLiteral("<th>%1</th>").arg(esc(n));
    return h + QStringLiteral("</tr></thead>");
}

QString section(const QString& id, const QString& title, const QString& body)
{
    return QStringLiteral("<section id=\"%1\"><h2>%2</h2>%3</section>\n").arg(id, esc(title), body);
}

QString paragraph(const QString& text)
{
    return QStringLiteral("<p>%1</p>").arg(esc(text));
}

// The layers the analysis quantized, worst weight SQNR first.
std::vector<const eval::LayerWeights*> worstLayers(const ReportInput& r, std::size_t count)
{
    std::vector<const eval::LayerWeights*> v;
    for (const auto& L : r.weights)
        if (L.quantized)
            v.push_back(&L);
    std::stable_sort(
        v.begin(), v.end(), [](const auto* a, const auto* b) { return a->metrics.sqnrDb < b->metrics.sqnrDb; });
    if (v.size() > count)
        v.resize(count);
    return v;
}

QString summarySection(const ReportInput& r)
{
    QString b = QStringLiteral("<table class=\"facts\" width=\"100%\"><tbody>");
    auto row = [&](const QString& k, const QString& v) {
        b += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>").arg(esc(k), esc(v));
    };
    row(Text::tr("Model"), r.modelName);
    row(Text::tr("File size"),
        QStringLiteral("%1 (%2 bytes)").arg(kib(static_cast<double>(r.fileBytes))).arg(r.fileBytes));
    row(Text::tr("Mode recognised"), r.modeRecognised);
    int total = 0;
    QStringList ops;
    for (const auto& [name, n] : r.operatorCounts) {
        total += n;
        ops << QStringLiteral("%1 × %2").arg(qs(name)).arg(n);
    }
    row(Text::tr("Operators"), QStringLiteral("%1: %2").arg(total).arg(ops.join(QStringLiteral(", "))));
    QStringList bytes;
    for (const auto& [dt, n] : r.bytesByDtype)
        bytes << QStringLiteral("%1 %2").arg(qs(dt), kib(static_cast<double>(n)));
    row(Text::tr("Weights by type"), bytes.join(QStringLiteral(", ")));
    for (const auto& in : r.inputs)
        row(Text::tr("Input"), in);
    for (const auto& out : r.outputs)
        row(Text::tr("Output"), out);
    return section(QStringLiteral("summary"), Text::tr("The model"), b + QStringLiteral("</tbody></table>"));
}

QString settingsSection(const ReportInput& r)
{
    QString b = QStringLiteral("<table class=\"facts\" width=\"100%\"><tbody>");
    auto row = [&](const QString& k, const QString& v, const char* cls = nullptr) {
        b += QStringLiteral("<tr><th>%1</th>%2</tr>").arg(esc(k), cell(v, cls));
    };
    row(Text::tr("QuantLens"), r.version);
    for (const auto& f : r.files)
        row(f.role, QStringLiteral("%1 (SHA-256 %2)").arg(f.path, f.sha256), "mono");
    row(Text::tr("Evaluation samples"),
        QString::number(r.samples) + (r.labelled ? Text::tr(", labelled") : Text::tr(", without labels")));
    row(Text::tr("Calibration"), r.calibration.isEmpty() ? Text::tr("none (no integer mode)") : r.calibration);
    row(Text::tr("Weights"), r.perChannel ? Text::tr("per channel") : Text::tr("per tensor"));
    row(Text::tr("Kept in float"), r.keepFloat.isEmpty() ? Text::tr("none") : r.keepFloat.join(QStringLiteral(", ")));
    b += QStringLiteral("</tbody></table>");
    b += paragraph(Text::tr(
        "This command, run from the same folder, regenerates the report with the same numbers, timings aside:"));
    b += QStringLiteral("<pre class=\"command\">%1</pre>").arg(esc(r.command));
    return section(QStringLiteral("settings"), Text::tr("Settings and provenance"), b);
}

QString modesSection(const ReportInput& r)
{
    QString b = QStringLiteral("<table class=\"numbers\" width=\"100%\">");
    b += header({Text::tr("mode"), Text::tr("top-1"), Text::tr("top-5"), Text::tr("agreement"), Text::tr("KL mean"),
        Text::tr("KL p99"), Text::tr("file size"), Text::tr("tflite-micro arena"), Text::tr("latency (ms)")});
    const QString agreementNote =
        Text::tr("Agreement: the share of samples on which the mode picks the float32 model's top class.");
    b += QStringLiteral("<tbody>");
    ScatterChart chart;
    chart.title = Text::tr("Accuracy against file size");
    chart.xTitle = Text::tr("file size (KiB)");
    chart.yTitle = r.labelled ? Text::tr("top-1 accuracy (%)") : Text::tr("agreement with float32 (%)");
    for (const auto& e : r.modes) {
        b += QStringLiteral("<tr data-mode=\"%1\">").arg(esc(qs(e.mode)));
        b += cell(qs(e.mode)) + cell(percent(e.result.accuracy), "num") + cell(percent(e.result.top5), "num") +
            cell(percent(e.agreement), "num") + cell(QString::number(e.klMean, 'g', 3), "num") +
            cell(QString::number(e.klP99, 'g', 3), "num") + cell(kib(static_cast<double>(e.sizeBytes)), "num") +
            cell(e.microArenaBytes >= 0 ? kib(static_cast<double>(e.microArenaBytes)) : QStringLiteral("–"), "num");
        b += QStringLiteral("<td class=\"num\"><span class=\"timing\">%1</span></td></tr>")
                 .arg(QString::number(e.latencyMs, 'f', 3));
        const double y = r.labelled ? e.result.accuracy : e.agreement;
        if (y >= 0)
            chart.points.push_back({static_cast<double>(e.sizeBytes) / 1024.0, 100.0 * y, qs(e.mode)});
    }
    b += QStringLiteral("</tbody></table>");
    for (const auto& e : r.modes)
        if (!e.collapse.empty())
            b += QStringLiteral("<p class=\"warning\">%1</p>")
                     .arg(esc(qs(e.mode) + QStringLiteral(": ") + qs(e.collapse)));
    b += QStringLiteral("<figure>%1</figure>").arg(scatterSvg(chart));
    b += paragraph(agreementNote + QLatin1Char(' ') +
        Text::tr("Latency: the median single-sample run on the machine that made the report, one thread."));
    return section(QStringLiteral("modes"), Text::tr("The modes compared"), b);
}

QString weightsSection(const ReportInput& r)
{
    BarChart chart;
    chart.title = Text::tr("Weight error per layer (%1)").arg(r.weightMode);
    chart.xTitle = Text::tr("operator (number, type)");
    chart.yTitle = Text::tr("weight SQNR (dB)");
    Series s;
    QString rows;
    double best = 0;
    for (const auto& L : r.weights)
        if (std::isfinite(L.metrics.sqnrDb))
            best = std::max(best, L.metrics.sqnrDb);
    for (const auto& L : r.weights) {
        chart.categories << QStringLiteral("%1 %2").arg(L.op).arg(qs(L.opName));
        // An exact layer (infinite SQNR) is drawn a little above the best finite one.
        s.values.push_back(std::isinf(L.metrics.sqnrDb) ? best + 10 : L.metrics.sqnrDb);
        chart.barColors << verdictColor(qs(eval::verdictName(L.verdict)));
        rows += QStringLiteral("<tr>") + cell(QString::number(L.op), "num") + cell(qs(L.opName)) + cell(qs(L.scheme)) +
            cell(db(L.metrics.sqnrDb), "num") + cell(QString::number(L.metrics.rmseOverScale, 'f', 3), "num") +
            cell(percent(L.clippedFraction), "num") +
            QStringLiteral("<td class=\"verdict %1\">%1</td>").arg(esc(qs(eval::verdictName(L.verdict)))) +
            cell(qs(L.reason)) + QStringLiteral("</tr>");
    }
    chart.series.push_back(std::move(s));
    chart.rules.push_back({eval::goodSqnrDb(8), Text::tr("good above %1 dB").arg(eval::goodSqnrDb(8), 0, 'f', 1),
        verdictColor(QStringLiteral("good"))});
    chart.rules.push_back({eval::badSqnrDb(8), Text::tr("bad below %1 dB").arg(eval::badSqnrDb(8), 0, 'f', 1),
        verdictColor(QStringLiteral("bad"))});
    QString b = QStringLiteral("<figure>%1</figure>").arg(barChartSvg(chart));
    b += paragraph(Text::tr("Signal-to-quantization-noise ratio of each layer's weights, quantized and dequantized, "
                            "against the float weights. Green: good, orange: suspect, red: bad."));
    b += QStringLiteral("<table class=\"numbers\" width=\"100%\">") +
        header({Text::tr("op"), Text::tr("type"), Text::tr("scheme"), Text::tr("SQNR (dB)"), Text::tr("RMSE / scale"),
            Text::tr("clipped"), Text::tr("verdict"), Text::tr("why")}) +
        QStringLiteral("<tbody>") + rows + QStringLiteral("</tbody></table>");
    return section(QStringLiteral("weights"), Text::tr("Weights, layer by layer"), b);
}

QString activationsSection(const ReportInput& r)
{
    if (r.activations.empty())
        return section(QStringLiteral("activations"), Text::tr("Activations, operator by operator"),
            paragraph(Text::tr("Not analysed: the report was made without data.")));
    BarChart chart;
    chart.title = Text::tr("Activation error per operator output (%1)").arg(r.weightMode);
    chart.xTitle = Text::tr("operator (number, type)");
    chart.yTitle = Text::tr("activation SQNR (dB)");
    Series local{Text::tr("this tensor's own quantization"), {}, {}};
    Series propagated{Text::tr("with everything upstream"), {}, {}};
    QString rows;
    for (const auto& L : r.activations) {
        chart.categories << QStringLiteral("%1 %2").arg(L.op).arg(qs(L.opName));
        local.values.push_back(std::isfinite(L.local.sqnrDb) ? L.local.sqnrDb : std::nan(""));
        propagated.values.push_back(std::isfinite(L.propagated.sqnrDb) ? L.propagated.sqnrDb : std::nan(""));
        rows += QStringLiteral("<tr>") + cell(QString::number(L.op), "num") + cell(qs(L.opName)) + cell(qs(L.name)) +
            cell(qs(L.dtype)) + cell(db(L.local.sqnrDb), "num") + cell(db(L.propagated.sqnrDb), "num") +
            cell(percent(L.clippedFraction), "num") + QStringLiteral("</tr>");
    }
    chart.series = {local, propagated};
    QString b = QStringLiteral("<figure>%1</figure>").arg(barChartSvg(chart));
    b += QStringLiteral("<table class=\"numbers\" width=\"100%\">") +
        header({Text::tr("op"), Text::tr("type"), Text::tr("tensor"), Text::tr("type in the model"),
            Text::tr("local SQNR (dB)"), Text::tr("propagated SQNR (dB)"), Text::tr("clipped")}) +
        QStringLiteral("<tbody>") + rows + QStringLiteral("</tbody></table>");
    return section(QStringLiteral("activations"), Text::tr("Activations, operator by operator"), b);
}

QString worstSection(const ReportInput& r)
{
    QString b;
    for (const auto* L : worstLayers(r, 3)) {
        HistogramChart h;
        h.title = Text::tr("Operator %1 (%2): weights").arg(L->op).arg(qs(L->opName));
        h.xTitle = Text::tr("weight value");
        h.yTitle = Text::tr("count");
        h.lo = L->floatHistogram.lo;
        h.hi = L->floatHistogram.hi;
        auto series = [](const eval::Histogram& x, const QString& name, style::Role role) {
            Series s{name, {}, svgRoleColor(role)};
            for (auto c : x.counts)
                s.values.push_back(static_cast<double>(c));
            return s;
        };
        h.series = {series(L->floatHistogram, Text::tr("float"), style::Role::Float),
            series(L->quantizedHistogram, Text::tr("quantized"), style::Role::Quantized)};
        b += QStringLiteral("<h3>%1</h3>")
                 .arg(esc(Text::tr("Operator %1 (%2), %3").arg(L->op).arg(qs(L->opName), qs(L->tensorName))));
        b += QStringLiteral("<p><span class=\"verdict %1\">%1</span>: %2</p>")
                 .arg(esc(qs(eval::verdictName(L->verdict))), esc(qs(L->reason)));
        b += QStringLiteral("<figure>%1</figure>").arg(histogramSvg(h));
    }
    if (b.isEmpty())
        b = paragraph(Text::tr("The mode quantizes no weights."));
    return section(QStringLiteral("worst"), Text::tr("The worst layers"), b);
}

QString confusionSection(const ReportInput& r)
{
    QString b;
    for (const auto& e : r.modes) {
        if (e.confusion.empty())
            continue;
        HeatMap m;
        m.title = Text::tr("Confusion matrix, %1").arg(qs(e.mode));
        m.xTitle = Text::tr("predicted class");
        m.yTitle = Text::tr("true class");
        for (std::size_t i = 0; i < e.confusion.size(); ++i)
            m.labels << (i < static_cast<std::size_t>(r.classNames.size()) ? r.classNames[static_cast<qsizetype>(i)]
                                                                           : QString::number(i));
        for (const auto& row : e.confusion) {
            std::vector<double> v;
            for (auto x : row)
                v.push_back(static_cast<double>(x));
            m.cells.push_back(std::move(v));
        }
        b += QStringLiteral("<figure class=\"confusion\">%1</figure>").arg(heatMapSvg(m));
    }
    if (b.isEmpty())
        b = paragraph(Text::tr("No confusion matrices: the data set has no labels."));
    return section(QStringLiteral("confusion"), Text::tr("Confusion matrices"), b);
}

QString sensitivitySection(const ReportInput& r)
{
    const eval::SensitivityResult& x = *r.sensitivity;
    const QString metric = x.metric == "accuracy" ? Text::tr("top-1 accuracy") : Text::tr("agreement with float32");
    BarChart chart;
    chart.title = Text::tr("What each layer costs in int8, and what keeping it float buys");
    chart.xTitle = Text::tr("operator (number, type)");
    chart.yTitle = Text::tr("change of %1 (points)").arg(metric);
    Series cost{Text::tr("cost: only this layer quantized"), {}, {}};
    Series gain{Text::tr("gain: only this layer kept float"), {}, {}};
    QString rows;
    for (const auto& L : x.layers) {
        chart.categories << QStringLiteral("%1 %2").arg(L.op).arg(qs(L.opName));
        cost.values.push_back(100.0 * L.cost);
        gain.values.push_back(100.0 * L.gain);
        rows += QStringLiteral("<tr>") + cell(QString::number(L.op), "num") + cell(qs(L.opName)) +
            cell(percent(L.onlyQuantized), "num") + cell(percent(L.keptFloat), "num") +
            cell(QString::number(100.0 * L.cost, 'f', 2), "num") +
            cell(QString::number(100.0 * L.gain, 'f', 2), "num") + QStringLiteral("</tr>");
    }
    chart.series = {cost, gain};
    QString b = paragraph(Text::tr("Metric: %1. float32 %2, all weighted layers in int8 %3; budget %4 points.")
                              .arg(metric, percent(x.floatMetric), percent(x.quantizedMetric))
                              .arg(100.0 * x.budget, 0, 'f', 2));
    b += QStringLiteral("<figure>%1</figure>").arg(barChartSvg(chart));
    b += QStringLiteral("<table class=\"numbers\" width=\"100%\">") +
        header({Text::tr("op"), Text::tr("type"), Text::tr("only this layer quantized"),
            Text::tr("only this layer float"), Text::tr("cost (points)"), Text::tr("gain (points)")}) +
        QStringLiteral("<tbody>") + rows + QStringLiteral("</tbody></table>");
    QStringList keep;
    for (int op : x.keepFloat)
        keep << QString::number(op);
    b += paragraph(keep.isEmpty() ? Text::tr("No layer needs to stay float: int8 is within the budget.")
            : x.withinBudget      ? Text::tr("Keep in float: --keep-float %1 (then %2, within the budget).")
                                   .arg(keep.join(QLatin1Char(',')), percent(x.selectionMetric))
                             : Text::tr("Even with --keep-float %1 the metric stays outside the budget (%2).")
                                   .arg(keep.join(QLatin1Char(',')), percent(x.selectionMetric)));
    return section(QStringLiteral("sensitivity"), Text::tr("Sensitivity of each layer"), b);
}

QString targetSection(const ReportInput& r)
{
    const target::Profile& p = *r.target;
    QString b = paragraph(qs(p.title) + QStringLiteral(": ") + qs(p.description));
    b += QStringLiteral("<table class=\"numbers\" width=\"100%\">") +
        header({Text::tr("model"), Text::tr("runs"), Text::tr("RAM"), Text::tr("RAM of the target"), Text::tr("flash"),
            Text::tr("flash of the target"), Text::tr("findings")}) +
        QStringLiteral("<tbody>");
    QString findings;
    for (const auto& c : r.targetChecks) {
        const auto& x = c.result;
        b += QStringLiteral("<tr>") + cell(c.what) +
            cell(x.runs() ? (x.cutAt >= 0 ? Text::tr("partly on the CPU") : Text::tr("yes")) : Text::tr("no")) +
            cell(x.ramBytes >= 0 ? kib(static_cast<double>(x.ramBytes)) : QStringLiteral("–"), "num") +
            cell(p.ramBytes > 0 ? kib(static_cast<double>(p.ramBytes)) : QStringLiteral("–"), "num") +
            cell(kib(static_cast<double>(x.flashBytes)), "num") +
            cell(p.flashBytes > 0 ? kib(static_cast<double>(p.flashBytes)) : QStringLiteral("–"), "num") +
            cell(QString::number(x.findings.size()), "num") + QStringLiteral("</tr>");
        for (const auto& f : x.findings)
            findings += QStringLiteral("<tr>") + cell(c.what) + cell(qs(target::impactName(f.impact))) +
                cell(f.op >= 0 ? QStringLiteral("%1 %2").arg(f.op).arg(qs(f.opName)) : Text::tr("the model")) +
                cell(qs(f.message)) + QStringLiteral("</tr>");
    }
    b += QStringLiteral("</tbody></table>");
    if (!findings.isEmpty())
        b += QStringLiteral("<table class=\"numbers\" width=\"100%\">") +
            header({Text::tr("model"), Text::tr("impact"), Text::tr("operator"), Text::tr("why")}) +
            QStringLiteral("<tbody>") + findings + QStringLiteral("</tbody></table>");
    return section(QStringLiteral("target"), Text::tr("On the target: %1").arg(qs(p.title)), b);
}

QString notesSection(const ReportInput& r)
{
    QString b = QStringLiteral("<ul>");
    for (const auto& n : r.notes)
        b += QStringLiteral("<li>%1</li>").arg(esc(qs(n)));
    for (const auto& e : r.modes)
        for (const auto& n : e.notes)
            b += QStringLiteral("<li>%1</li>").arg(esc(qs(e.mode) + QStringLiteral(": ") + qs(n)));
    b += QStringLiteral("</ul>");
    b += QStringLiteral("<p>%1 <span class=\"timing\">%2</span></p>")
             .arg(esc(Text::tr("Made in (seconds):")), QString::number(r.seconds, 'f', 1));
    return section(QStringLiteral("notes"), Text::tr("Notes"), b);
}

const char* kStyle = R"(
body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 11pt; color: #111; max-width: 60em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 20pt; } h2 { font-size: 15pt; border-bottom: 1px solid #ccc; margin-top: 1.6em; } h3 { font-size: 12pt; }
table { border-collapse: collapse; margin: 0.6em 0; font-size: 10pt; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; } td.mono, pre { font-family: 'DejaVu Sans Mono', monospace; font-size: 9pt; }
pre.command { white-space: pre-wrap; word-break: break-all; background: #f4f4f4; padding: 0.6em; }
.verdict.good { color: #007a5a; } .verdict.suspect { color: #b37400; } .verdict.bad { color: #b34700; font-weight: bold; }
.warning { color: #b34700; } figure { margin: 0.8em 0; } svg { max-width: 100%; height: auto; }
@media print { body { margin: 0; max-width: none; } section { page-break-inside: auto; } figure, h3 { page-break-inside: avoid; } }
)";

} // namespace

QStringList sectionIds(const ReportInput& r)
{
    QStringList ids{QStringLiteral("summary"), QStringLiteral("settings"), QStringLiteral("modes"),
        QStringLiteral("weights"), QStringLiteral("activations"), QStringLiteral("worst"), QStringLiteral("confusion")};
    if (r.sensitivity)
        ids << QStringLiteral("sensitivity");
    if (r.target)
        ids << QStringLiteral("target");
    return ids << QStringLiteral("notes");
}

QString renderHtml(const ReportInput& r)
{
    QString h = QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\"/>")
                    .arg(Text::tr("en", "the report's language code"));
    h += QStringLiteral("<title>%1</title><style>%2</style></head><body>\n")
             .arg(esc(Text::tr("Quantization report: %1").arg(r.modelName)), QString::fromLatin1(kStyle));
    h += QStringLiteral("<h1>%1</h1>\n").arg(esc(Text::tr("Quantization report: %1").arg(r.modelName)));
    h += summarySection(r) + settingsSection(r) + modesSection(r) + weightsSection(r) + activationsSection(r) +
        worstSection(r) + confusionSection(r) + (r.sensitivity ? sensitivitySection(r) : QString()) +
        (r.target ? targetSection(r) : QString()) + notesSection(r);
    return h + QStringLiteral("</body></html>\n");
}

} // namespace ql::report
