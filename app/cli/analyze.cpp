// SPDX-License-Identifier: MIT
#include "cli/analyze.h"

#include "cli/args.h"
#include "cli/json_util.h"
#include "cli/quant_options.h"
#include "cli/shard.h"
#include "data/content_hash.h"
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

QJsonObject weightLayerJson(const eval::LayerWeights& L, bool histograms)
{
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
    l[QStringLiteral("verdict")] = qs(eval::verdictName(L.verdict));
    l[QStringLiteral("reason")] = qs(L.reason);
    return l;
}

} // namespace

int analyzeCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const Args a = parseArgs(args,
        quantOptionsWithValue() +
            QStringList{QStringLiteral("--bits"), QStringLiteral("--bins"), QStringLiteral("--data"),
                QStringLiteral("--analysis-samples"), QStringLiteral("--shard"), QStringLiteral("--partial")},
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

    const bool histograms = !a.flags.contains(QStringLiteral("--no-histograms"));
    QJsonObject j;
    j[QStringLiteral("model")] = a.positional.front();
    j[QStringLiteral("model_sha256")] = app::contentSha256(a.positional.front());
    j[QStringLiteral("mode")] = teaching ? QStringLiteral("teaching") : qs(passes::modeName(o.mode));
    if (o.teaching)
        j[QStringLiteral("scheme")] = qs(o.teaching->describe());
    j[QStringLiteral("weight_analysis_ms")] = weightMs;
    QJsonArray list;
    int counts[3] = {};
    for (const auto& L : *layers) {
        list.append(weightLayerJson(L, histograms));
        ++counts[static_cast<int>(L.verdict)];
    }
    j[QStringLiteral("layers")] = list;
    j[QStringLiteral("verdicts")] = QJsonObject{{QStringLiteral("good"), counts[0]},
        {QStringLiteral("suspect"), counts[1]}, {QStringLiteral("bad"), counts[2]}};
    QJsonArray notes;
    if (!model->note.empty())
        notes.append(qs(model->note));
    j[QStringLiteral("notes")] = notes;

    const QString shardText = a.value(QStringLiteral("--shard")), partialPath = a.value(QStringLiteral("--partial"));
    if (shardText.isEmpty() != partialPath.isEmpty())
        return fail(err,
            "--shard I/N and --partial FILE go together: a shard writes its partial result to FILE, "
            "and `quantlens-cli merge` combines them");
    // Activations, when data is given: the quantized model (float I/O) against the float one.
    const QString dataPath = a.value(QStringLiteral("--data"));
    if (!shardText.isEmpty() && dataPath.isEmpty())
        return fail(err, "--shard splits the activation analysis's samples: it needs --data");
    if (!dataPath.isEmpty()) {
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
        // A shard reads only its share of the analysis samples (and, when it must calibrate on the data, the
        // first samples apart).
        eval::Shard shard;
        const data::SampleWindow window = shardText.isEmpty() ? data::SampleWindow{} : shardWindow(shardText, shard);
        auto data = loadCommandData(
            a, *model->work, *pre, window ? ao.samples : std::max(ao.samples, qo->calibration.samples), window);
        if (!data)
            return fail(err, data.error());
        passes::QuantizeOptions q = *qo;
        q.io = passes::IoType::Float;
        std::vector<std::string> n;
        auto ranges = rangesForWindow(a, *model, *pre, q, *data, bool(window), 0, "analysis samples", n);
        if (!ranges)
            return fail(err, ranges.error());
        for (const auto& s : n)
            notes.append(qs(s));
        j[QStringLiteral("notes")] = notes;
        auto quantized = pipeline::quantizeWithRanges(*model, q, *ranges);
        if (!quantized)
            return fail(err, quantized.error());
        if (window)
            return analyzeShard(a, *model, quantized->graph, *data, ao, shard, j, histograms, partialPath, out, err);
        timer.restart();
        auto acts = eval::analyzeActivations(*model->work, quantized->graph, *data, ao);
        if (!acts)
            return fail(err, acts.error());
        for (auto& L : *acts)
            L.op = model->fileOp(L.op);
        addActivations(j, *acts, histograms, static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    printAnalysis(out, a.flags.contains(QStringLiteral("--json")), j);
    return 0;
}

void addActivations(QJsonObject& j, const std::vector<eval::ActivationLayer>& acts, bool histograms, double ms)
{
    std::map<int, QJsonObject> activationOf;
    QJsonArray activations;
    for (const auto& L : acts) {
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
    if (activations.isEmpty())
        return;
    j[QStringLiteral("activations")] = activations;
    j[QStringLiteral("activation_analysis_ms")] = ms;
    QJsonArray layers = j[QStringLiteral("layers")].toArray();
    for (qsizetype i = 0; i < layers.size(); ++i) {
        QJsonObject l = layers[i].toObject();
        if (const auto it = activationOf.find(l[QStringLiteral("index")].toInt()); it != activationOf.end()) {
            l[QStringLiteral("activations")] = it->second;
            layers[i] = l;
        }
    }
    j[QStringLiteral("layers")] = layers;
}

void printAnalysis(QTextStream& out, bool json, const QJsonObject& j)
{
    if (json) {
        out << QJsonDocument(j).toJson(QJsonDocument::Compact) << '\n';
        return;
    }
    const QJsonObject verdicts = j[QStringLiteral("verdicts")].toObject();
    const QJsonArray layers = j[QStringLiteral("layers")].toArray();
    out << tr("%1 weight analysis (%2 weighted layers; %3 good, %4 suspect, %5 bad)\n")
               .arg(j.contains(QStringLiteral("scheme")) ? j[QStringLiteral("scheme")].toString()
                                                         : j[QStringLiteral("mode")].toString())
               .arg(layers.size())
               .arg(verdicts[QStringLiteral("good")].toInt())
               .arg(verdicts[QStringLiteral("suspect")].toInt())
               .arg(verdicts[QStringLiteral("bad")].toInt());
    out << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
               .arg(tr("op"), 4)
               .arg(tr("type"), -18)
               .arg(tr("SQNR dB"), 8)
               .arg(tr("RMSE/scale"), 10)
               .arg(tr("verdict"), -8)
               .arg(tr("reason"));
    for (const auto& v : layers) {
        const QJsonObject l = v.toObject(), w = l[QStringLiteral("weights")].toObject();
        const QJsonValue sqnr = w[QStringLiteral("sqnr_db")], rmse = w[QStringLiteral("rmse_over_scale")];
        out << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                   .arg(l[QStringLiteral("index")].toInt(), 4)
                   .arg(l[QStringLiteral("op")].toString(), -18)
                   .arg(sqnr.isDouble() ? QString::number(sqnr.toDouble(), 'f', 1) : QStringLiteral("exact"), 8)
                   .arg(rmse.isDouble() ? QString::number(rmse.toDouble(), 'f', 3) : QStringLiteral("-"), 10)
                   .arg(l[QStringLiteral("verdict")].toString(), -8)
                   .arg(l[QStringLiteral("reason")].toString());
    }
    const QJsonArray activations = j[QStringLiteral("activations")].toArray();
    if (activations.isEmpty())
        return;
    out << '\n'
        << tr("activations (%1 ms): local = this tensor's own quantization, propagated = the quantized model's "
              "tensor vs the float one\n")
               .arg(j[QStringLiteral("activation_analysis_ms")].toDouble(), 0, 'f', 0);
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

} // namespace ql::cli
