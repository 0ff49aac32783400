// SPDX-License-Identifier: MIT
#include "graph/graphoverlay.h"

#include "layers/layertablemodel.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace ql::widgets {
namespace {

// Hue, saturation and value interpolated: red to green passes through yellow, not brown.
QColor mix(const QColor& a, const QColor& b, double t)
{
    t = std::clamp(t, 0.0, 1.0);
    auto lerp = [t](double x, double y) { return x + (y - x) * t; };
    return QColor::fromHsvF(static_cast<float>(lerp(a.hsvHueF(), b.hsvHueF())),
        static_cast<float>(lerp(a.hsvSaturationF(), b.hsvSaturationF())),
        static_cast<float>(lerp(a.valueF(), b.valueF())));
}

const QColor kRed = QColor::fromHsv(0, 190, 240);
const QColor kGreen = QColor::fromHsv(120, 150, 215);
const QColor kAmber = QColor::fromHsv(40, 200, 250);
const QColor kGrey = QColor(205, 205, 205);

// Numbers on a ramp from the smallest to the largest present (finite) value; `t` maps a value to where it
// sits on the ramp, so that scales such as bytes can be logarithmic.
void ramp(OverlayResult& out, const std::vector<std::optional<double>>& values, const QColor& low, const QColor& high,
    bool higherIsBetter, const std::function<QString(double)>& text, const std::function<double(double)>& position = {})
{
    auto pos = [&](double v) { return position ? position(v) : v; };
    double lo = INFINITY, hi = -INFINITY;
    for (const auto& v : values)
        if (v && std::isfinite(*v)) {
            lo = std::min(lo, pos(*v));
            hi = std::max(hi, pos(*v));
        }
    out.legend.ramp = true;
    out.legend.lowColour = low;
    out.legend.highColour = high;
    for (std::size_t i = 0; i < values.size() && i < out.paint.size(); ++i) {
        const auto& v = values[i];
        if (!v)
            continue;
        // +inf (exact) sits at the top of the ramp, -inf at the bottom.
        const double t = !std::isfinite(*v) ? (*v > 0 ? 1.0 : 0.0) : hi > lo ? (pos(*v) - lo) / (hi - lo) : 1.0;
        out.paint[i].fill = mix(low, high, t);
        out.paint[i].value = text(*v);
        out.paint[i].rank = higherIsBetter ? t : -t;
        if (std::isfinite(*v))
            out.paint[i].number = *v;
    }
    if (lo <= hi) {
        for (const auto& v : values)
            if (v && std::isfinite(*v) && pos(*v) == lo)
                out.legend.lowText = text(*v);
        for (const auto& v : values)
            if (v && std::isfinite(*v) && pos(*v) == hi)
                out.legend.highText = text(*v);
    }
}

QString decibels(double db)
{
    return std::isfinite(db) ? QStringLiteral("%1 dB").arg(db, 0, 'f', 1) : QCoreApplication::translate("ql::widgets::GraphOverlay", "exact");
}

} // namespace

QString overlayName(OverlayKind k)
{
    switch (k) {
    case OverlayKind::DataType: return QCoreApplication::translate("ql::widgets::GraphOverlay", "Data type");
    case OverlayKind::WeightSqnr: return QCoreApplication::translate("ql::widgets::GraphOverlay", "Weight SQNR");
    case OverlayKind::Verdict: return QCoreApplication::translate("ql::widgets::GraphOverlay", "Weight verdict");
    case OverlayKind::ActivationSqnr: return QCoreApplication::translate("ql::widgets::GraphOverlay", "Activation SQNR");
    case OverlayKind::LocalActivationSqnr:
        return QCoreApplication::translate("ql::widgets::GraphOverlay", "Activation SQNR (this tensor only)");
    case OverlayKind::Latency: return QCoreApplication::translate("ql::widgets::GraphOverlay", "Latency");
    case OverlayKind::ClippedShare: return QCoreApplication::translate("ql::widgets::GraphOverlay", "Clipped weights");
    case OverlayKind::KeptFloat: return QCoreApplication::translate("ql::widgets::GraphOverlay", "Kept in float");
    case OverlayKind::Bytes: return QCoreApplication::translate("ql::widgets::GraphOverlay", "Constant bytes");
    }
    return {};
}

OverlayResult computeOverlay(OverlayKind kind, const OverlayInputs& in)
{
    OverlayResult out;
    const std::size_t n = std::max(in.outputDtype.size(), in.constantBytes.size());
    out.paint.resize(n);
    out.legend.title = overlayName(kind);
    std::vector<const eval::LayerWeights*> weights(n, nullptr);
    if (in.weights)
        for (const auto& w : *in.weights)
            if (w.op >= 0 && static_cast<std::size_t>(w.op) < n)
                weights[static_cast<std::size_t>(w.op)] = &w;
    auto perWeights = [&](const std::function<std::optional<double>(const eval::LayerWeights&)>& f) {
        std::vector<std::optional<double>> v(n);
        for (std::size_t i = 0; i < n; ++i)
            if (weights[i])
                v[i] = f(*weights[i]);
        return v;
    };
    const bool noWeights = !in.weights || in.weights->empty();

    switch (kind) {
    case OverlayKind::DataType: {
        static const std::map<std::string, QColor> palette{{"float32", QColor(170, 205, 240)},
            {"float16", QColor(150, 215, 205)}, {"int8", QColor(250, 190, 120)}, {"uint8", QColor(215, 170, 130)},
            {"int16", QColor(205, 170, 235)}, {"int32", QColor(200, 200, 200)}, {"int64", QColor(175, 175, 175)},
            {"bool", QColor(240, 230, 140)}};
        std::map<std::string, QColor> used;
        for (std::size_t i = 0; i < in.outputDtype.size(); ++i) {
            const std::string& t = in.outputDtype[i];
            if (t.empty())
                continue;
            const auto it = palette.find(t);
            const QColor c = it != palette.end() ? it->second : QColor(230, 230, 230);
            out.paint[i].fill = c;
            used.emplace(t, c);
        }
        for (const auto& [name, colour] : used)
            out.legend.swatches.emplace_back(colour, QString::fromStdString(name));
        break;
    }
    case OverlayKind::WeightSqnr:
        ramp(out, perWeights([](const eval::LayerWeights& w) -> std::optional<double> {
            return w.quantized ? std::optional<double>(w.metrics.sqnrDb) : std::nullopt;
        }),
            kRed, kGreen, true, decibels);
        if (noWeights)
            out.legend.note = QCoreApplication::translate("ql::widgets::GraphOverlay", "The weight analysis has not finished.");
        break;
    case OverlayKind::Verdict:
        for (std::size_t i = 0; i < n; ++i)
            if (const auto* w = weights[i]) {
                if (!w->quantized) {
                    out.paint[i] = {kGrey, QCoreApplication::translate("ql::widgets::GraphOverlay", "float"), 3, std::nullopt};
                    continue;
                }
                const QColor c = w->verdict == eval::Verdict::Good ? kGreen
                    : w->verdict == eval::Verdict::Suspect         ? kAmber
                                                                   : kRed;
                out.paint[i] = {c, verdictText(w->verdict),
                    w->verdict == eval::Verdict::Bad ? 0.0 : w->verdict == eval::Verdict::Suspect ? 1.0 : 2.0, std::nullopt};
            }
        out.legend.swatches = {{kGreen, verdictText(eval::Verdict::Good)},
            {kAmber, verdictText(eval::Verdict::Suspect)}, {kRed, verdictText(eval::Verdict::Bad)},
            {kGrey, QCoreApplication::translate("ql::widgets::GraphOverlay", "left in float")}};
        if (noWeights)
            out.legend.note = QCoreApplication::translate("ql::widgets::GraphOverlay", "The weight analysis has not finished.");
        break;
    case OverlayKind::ActivationSqnr:
    case OverlayKind::LocalActivationSqnr: {
        const auto& db = kind == OverlayKind::ActivationSqnr ? in.activationSqnrDb : in.localActivationSqnrDb;
        std::vector<std::optional<double>> v(n);
        for (std::size_t i = 0; i < n && i < db.size(); ++i)
            v[i] = db[i];
        ramp(out, v, kRed, kGreen, true, decibels);
        if (std::none_of(v.begin(), v.end(), [](const auto& x) { return x.has_value(); }))
            out.legend.note = QCoreApplication::translate("ql::widgets::GraphOverlay", "Open a data set to see the activation error of each operator output.");
        break;
    }
    case OverlayKind::ClippedShare:
        ramp(out, perWeights([](const eval::LayerWeights& w) -> std::optional<double> {
            return w.quantized ? std::optional<double>(w.clippedFraction) : std::nullopt;
        }),
            QColor::fromHsv(55, 40, 250), kRed, false,
            [](double f) { return QStringLiteral("%1 %").arg(100.0 * f, 0, 'g', 2); });
        if (noWeights)
            out.legend.note = QCoreApplication::translate("ql::widgets::GraphOverlay", "The weight analysis has not finished.");
        break;
    case OverlayKind::KeptFloat:
        for (std::size_t i = 0; i < n; ++i)
            if (weights[i]) {
                const bool kept = std::find(in.keptFloat.begin(), in.keptFloat.end(), static_cast<int>(i)) !=
                    in.keptFloat.end();
                out.paint[i] = kept ? OperatorPaint{QColor(120, 170, 235), QCoreApplication::translate("ql::widgets::GraphOverlay", "kept float"), 0, std::nullopt}
                                    : OperatorPaint{kGrey, QCoreApplication::translate("ql::widgets::GraphOverlay", "quantized"), 1, std::nullopt};
            }
        out.legend.swatches = {{QColor(120, 170, 235), QCoreApplication::translate("ql::widgets::GraphOverlay", "kept in float")}, {kGrey, QCoreApplication::translate("ql::widgets::GraphOverlay", "quantized")}};
        break;
    case OverlayKind::Latency: {
        std::vector<std::optional<double>> v(n);
        for (std::size_t i = 0; i < n && i < in.latencyMs.size(); ++i)
            v[i] = in.latencyMs[i];
        ramp(out, v, QColor::fromHsv(50, 30, 250), QColor::fromHsv(300, 170, 190), false,
            [](double ms) { return QStringLiteral("%1 ms").arg(ms, 0, 'g', 3); });
        if (in.latencyMs.empty())
            out.legend.note = in.latencyNote;
        break;
    }
    case OverlayKind::Bytes: {
        std::vector<std::optional<double>> v(n);
        for (std::size_t i = 0; i < in.constantBytes.size(); ++i)
            if (in.constantBytes[i] > 0)
                v[i] = static_cast<double>(in.constantBytes[i]);
        ramp(out, v, QColor::fromHsv(210, 25, 250), QColor::fromHsv(220, 200, 200), false,
            [](double b) { return QLocale().formattedDataSize(static_cast<qint64>(b), 1, QLocale::DataSizeTraditionalFormat); },
            [](double b) { return std::log10(b); });
        break;
    }
    }
    return out;
}

} // namespace ql::widgets

namespace ql::widgets {

QJsonObject modelExplorerNodeData(const OverlayResult& overlay, const model::Graph& graph)
{
    QJsonObject results;
    for (std::size_t op = 0; op < overlay.paint.size(); ++op) {
        const OperatorPaint& p = overlay.paint[op];
        if (!p.fill.isValid())
            continue;
        QJsonObject r{{QStringLiteral("bgColor"), p.fill.name()}};
        if (p.number)
            r.insert(QStringLiteral("value"), *p.number);
        else
            r.insert(QStringLiteral("value"), p.value);
        results.insert(QString::number(op), r);
    }
    std::string id = graph.subgraphs.empty() ? std::string() : graph.main().name;
    for (const auto& sig : graph.signatureDefs)
        if (id.empty() && sig.subgraphIndex == 0)
            id = sig.key;
    if (id.empty())
        id = "main";
    const QJsonObject one{{QStringLiteral("name"), overlay.legend.title}, {QStringLiteral("results"), results}};
    return QJsonObject{{QString::fromStdString(id), one}};
}

} // namespace ql::widgets
