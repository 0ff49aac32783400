// SPDX-License-Identifier: MIT
#include "cli/analyze.h"

#include "cli/args.h"
#include "cli/json_util.h"
#include "cli/quant_options.h"
#include "eval/activations.h"
#include "eval/weights.h"
#include "pipeline/quantize.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>

namespace ql::cli {

namespace {

QString tr(const char* s)
{
    return QCoreApplication::translate("ql::cli::Analyze", s);
}

} // namespace

int analyzeCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const Args a = parseArgs(args,
        quantOptionsWithValue() +
            QStringList{QStringLiteral("--bits"), QStringLiteral("--bins"), QStringLiteral("--data"),
                QStringLiteral("--analysis-samples")},
        quantFlags() +
            QStringList{QStringLiteral("--json"), QStringLiteral("--asymmetric"), QStringLiteral("--no-histograms")});
    const bool teaching = !a.value(QStringLiteral("--bits")).isEmpty();
    if (!a.error.isEmpty() || a.positional.size() != 1 || (a.value(QStringLiteral("--mode")).isEmpty() && !teaching)) {
        err << (a.error.isEmpty() ? tr("analyze needs one model file and --mode MODE or --bits N") : a.error) << "\n\n"
            << commandHelp(QStringLiteral("analyze"));
        return 2;
    }
    auto qo = parseQuantizeOptions(a, a.value(QStringLiteral("--mode")));
    if (!qo)
        return fail(err, qo.error());
    eval::WeightAnalysisOptions o;
    o.mode = qo->mode;
    o.perChannel = qo->perChannel;
    o.perChannelDense = qo->perChannelDense;
    o.dynamicMinElements = qo->dynamicMinElements;
    if (teaching) {
        bool ok = false;
        quant::Scheme s;
        s.bits = a.value(QStringLiteral("--bits")).toInt(&ok);
        s.symmetric = !a.flags.contains(QStringLiteral("--asymmetric"));
        s.perChannel = qo->perChannel;
        if (!ok)
            return fail(err, "--bits must be an integer from 2 to 16");
        if (auto st = quant::checkScheme(s); !st)
            return fail(err, st.error());
        o.teaching = s;
    }
    if (const QString b = a.value(QStringLiteral("--bins")); !b.isEmpty()) {
        bool ok = false;
        o.bins = b.toInt(&ok);
        if (!ok)
            return fail(err, "--bins must be an integer");
    }
    auto model = loadModelSource(a.positional.front());
    if (!model)
        return fail(err, model.error());
    auto keep = pipeline::keepFloatOnWork(*model, qo->keepFloat);
    if (!keep)
        return fail(err, keep.error());
    o.keepFloat = *keep;
    QElapsedTimer timer;
    timer.start();
    auto layers = eval::analyzeWeights(*model->work, o);
    if (!layers)
        return fail(err, layers.error());
    for (auto& L : *layers) // operators by the file's numbering, as `info` prints them
        L.op = model->fileOp(L.op);
    const double weightMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;

    // Activations, when data is given: the quantized model (float I/O) against the float one.
    std::map<int, QJsonObject> activationOf;
    QJsonArray activations;
    QJsonArray notes;
    if (!model->note.empty())
        notes.append(qs(model->note));
    double activationMs = 0;
    const bool histograms = !a.flags.contains(QStringLiteral("--no-histograms"));
    if (const QString dataPath = a.value(QStringLiteral("--data")); !dataPath.isEmpty()) {
        if (teaching)
            return fail(err, "--data (activation analysis) needs a TFLite --mode, not a teaching --bits scheme");
        bool ok = true;
        eval::ActivationOptions ao;
        ao.mode = o.mode;
        ao.dynamicMinElements = o.dynamicMinElements;
        ao.bins = o.bins;
        if (const QString v = a.value(QStringLiteral("--analysis-samples")); !v.isEmpty())
            ao.samples = v.toLongLong(&ok);
        if (!ok || ao.samples < 1)
            return fail(err, "--analysis-samples must be a positive number");
        auto pre = parsePreprocess(a, model->file.get());
        if (!pre)
            return fail(err, pre.error());
        auto data = loadCommandData(a, *model->work, *pre, std::max(ao.samples, qo->calibration.samples));
        if (!data)
            return fail(err, data.error());
        passes::QuantizeOptions q = *qo;
        q.io = passes::IoType::Float;
        std::vector<std::string> n;
        auto ranges = rangesForCommand(a, *model, *pre, q, *data, "analysis samples", n);
        if (!ranges)
            return fail(err, ranges.error());
        auto quantized = pipeline::quantizeWithRanges(*model, q, *ranges);
        if (!quantized)
            return fail(err, quantized.error());
        timer.restart();
        auto acts = eval::analyzeActivations(*model->work, quantized->graph, *data, ao);
        if (!acts)
            return fail(err, acts.error());
        for (auto& L : *acts)
            L.op = model->fileOp(L.op);
        activationMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        for (const auto& s : n)
            notes.append(qs(s));
        for (const auto& L : *acts) {
            QJsonObject x;
            x[QStringLiteral("index")] = L.op;
            x[QStringLiteral("op")] = qs(L.opName);
            x[QStringLiteral("tensor")] = qs(L.name);
            x[QStringLiteral("dtype")] = qs(L.dtype);
            if (L.hasRange) {
                x[QStringLiteral("scale")] = L.scale;
                x[QStringLiteral("zero_point")] = static_cast<qint64>(L.zeroPoint);
                x[QStringLiteral("range")] = QJsonArray{L.rangeLo, L.rangeHi};
            }
            x[QStringLiteral("local")] = metricsJson(L.local);
            x[QStringLiteral("propagated")] = metricsJson(L.propagated);
            x[QStringLiteral("clipped_fraction")] = L.clippedFraction;
            if (histograms)
                x[QStringLiteral("histogram")] = histogramJson(L.histogram);
            activationOf[L.op] = x;
            activations.append(x);
        }
    }

    QJsonObject j;
    j[QStringLiteral("model")] = a.positional.front();
    j[QStringLiteral("mode")] = teaching ? QStringLiteral("teaching") : qs(passes::modeName(o.mode));
    if (o.teaching)
        j[QStringLiteral("scheme")] = qs(o.teaching->describe());
    j[QStringLiteral("notes")] = notes;
    if (!activations.isEmpty()) {
        j[QStringLiteral("activations")] = activations;
        j[QStringLiteral("activation_analysis_ms")] = activationMs;
    }
    j[QStringLiteral("weight_analysis_ms")] = weightMs;
    QJsonArray list;
    int counts[3] = {};
    for (const auto& L : *layers) {
        QJsonObject l;
        l[QStringLiteral("index")] = L.op;
        l[QStringLiteral("op")] = qs(L.opName);
        l[QStringLiteral("tensor")] = qs(L.tensorName);
        QJsonArray shape;
        for (auto d : L.shape)
            shape.append(d);
        l[QStringLiteral("shape")] = shape;
        l[QStringLiteral("scheme")] = qs(L.scheme);
        l[QStringLiteral("quantized")] = L.quantized;
        QJsonObject w = metricsJson(L.metrics);
        w[QStringLiteral("clipped_fraction")] = L.clippedFraction;
        if (!L.params.scale.empty()) {
            w[QStringLiteral("clip_range")] = QJsonArray{L.clipLo, L.clipHi};
            w[QStringLiteral("qmin")] = L.qmin;
            w[QStringLiteral("qmax")] = L.qmax;
            w[QStringLiteral("axis")] = L.axis;
            QJsonArray sc, zp;
            for (float s : L.params.scale)
                sc.append(s);
            for (auto z : L.params.zeroPoint)
                zp.append(static_cast<qint64>(z));
            w[QStringLiteral("scale")] = sc;
            w[QStringLiteral("zero_point")] = zp;
        }
        l[QStringLiteral("weights")] = w;
        QJsonArray channels;
        for (const auto& c : L.channels)
            channels.append(QJsonObject{{QStringLiteral("min"), c.min}, {QStringLiteral("max"), c.max},
                {QStringLiteral("mean"), c.mean}, {QStringLiteral("std"), c.stddev}, {QStringLiteral("scale"), c.scale},
                {QStringLiteral("zero_point"), static_cast<qint64>(c.zeroPoint)},
                {QStringLiteral("sqnr_db"), number(c.sqnrDb)}});
        l[QStringLiteral("channels")] = channels;
        if (histograms)
            l[QStringLiteral("histograms")] = QJsonObject{{QStringLiteral("float"), histogramJson(L.floatHistogram)},
                {QStringLiteral("quantized"), histogramJson(L.quantizedHistogram)},
                {QStringLiteral("error"), histogramJson(L.errorHistogram)}};
        if (const auto it = activationOf.find(L.op); it != activationOf.end())
            l[QStringLiteral("activations")] = it->second;
        l[QStringLiteral("verdict")] = qs(eval::verdictName(L.verdict));
        l[QStringLiteral("reason")] = qs(L.reason);
        ++counts[static_cast<int>(L.verdict)];
        list.append(l);
    }
    j[QStringLiteral("layers")] = list;
    j[QStringLiteral("verdicts")] = QJsonObject{{QStringLiteral("good"), counts[0]},
        {QStringLiteral("suspect"), counts[1]}, {QStringLiteral("bad"), counts[2]}};
    if (a.flags.contains(QStringLiteral("--json"))) {
        out << QJsonDocument(j).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    out << tr("%1 weight analysis (%2 weighted layers; %3 good, %4 suspect, %5 bad)\n")
               .arg(o.teaching ? qs(o.teaching->describe()) : qs(passes::modeName(o.mode)))
               .arg(layers->size())
               .arg(counts[0])
               .arg(counts[1])
               .arg(counts[2]);
    out << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
               .arg(tr("op"), 4)
               .arg(tr("type"), -18)
               .arg(tr("SQNR dB"), 8)
               .arg(tr("RMSE/scale"), 10)
               .arg(tr("verdict"), -8)
               .arg(tr("reason"));
    for (const auto& L : *layers)
        out << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                   .arg(L.op, 4)
                   .arg(qs(L.opName), -18)
                   .arg(std::isfinite(L.metrics.sqnrDb) ? QString::number(L.metrics.sqnrDb, 'f', 1)
                                                        : QStringLiteral("exact"),
                       8)
                   .arg(std::isfinite(L.metrics.rmseOverScale) ? QString::number(L.metrics.rmseOverScale, 'f', 3)
                                                               : QStringLiteral("-"),
                       10)
                   .arg(qs(eval::verdictName(L.verdict)), -8)
                   .arg(qs(L.reason));
    if (!activations.isEmpty()) {
        out << '\n'
            << tr("activations (%1 ms): local = this tensor's own quantization, propagated = the quantized model's "
                  "tensor vs the float one\n")
                   .arg(activationMs, 0, 'f', 0);
        out << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                   .arg(tr("op"), 4)
                   .arg(tr("type"), -18)
                   .arg(tr("dtype"), -7)
                   .arg(tr("local dB"), 9)
                   .arg(tr("propag. dB"), 10)
                   .arg(tr("clipped"), 8);
        auto db = [](const QJsonValue& v) {
            return v.isNull() ? QStringLiteral("exact") : QString::number(v.toDouble(), 'f', 1);
        };
        for (const auto& v : activations) {
            const QJsonObject x = v.toObject();
            out << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                       .arg(x[QStringLiteral("index")].toInt(), 4)
                       .arg(x[QStringLiteral("op")].toString(), -18)
                       .arg(x[QStringLiteral("dtype")].toString(), -7)
                       .arg(db(x[QStringLiteral("local")].toObject()[QStringLiteral("sqnr_db")]), 9)
                       .arg(db(x[QStringLiteral("propagated")].toObject()[QStringLiteral("sqnr_db")]), 10)
                       .arg(QString::number(100.0 * x[QStringLiteral("clipped_fraction")].toDouble(), 'f', 2) +
                               QLatin1Char('%'),
                           8);
        }
    }
    return 0;
}

} // namespace ql::cli
