// SPDX-License-Identifier: MIT
#include "cli/train.h"

#include "cli/args.h"
#include "data/architecture.h"
#include "data/samples.h"
#include "eval/classify.h"
#include "model/writer.h"
#include "passes/quantize.h"
#include "pipeline/qat.h"
#include "quant/calibrate.h"
#include "train/export.h"
#include "train/trainer.h"

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
    return QCoreApplication::translate("ql::cli::Train", s);
}

Result<int> intOption(const Args& a, const QString& name, int fallback, int min)
{
    const QString v = a.value(name);
    if (v.isEmpty())
        return fallback;
    bool ok = false;
    const int n = v.toInt(&ok);
    if (!ok || n < min)
        return Error{
            name.toStdString() + " must be an integer >= " + std::to_string(min) + ", got '" + v.toStdString() + "'"};
    return n;
}

Result<data::SampleSet> loadSet(const QString& images, const QString& labels, std::int64_t limit)
{
    auto s = data::loadSamples(images.toStdString(), {}, limit);
    if (!s)
        return s.error();
    if (auto st = data::loadLabels(*s, labels.toStdString()); !st)
        return st.error();
    return s;
}

QJsonObject epochJson(const train::EpochStats& e)
{
    QJsonObject j;
    j[QStringLiteral("epoch")] = e.epoch;
    j[QStringLiteral("qat")] = e.qat;
    j[QStringLiteral("loss")] = e.loss;
    j[QStringLiteral("train_accuracy")] = e.trainAccuracy;
    if (e.testAccuracy >= 0)
        j[QStringLiteral("test_accuracy")] = e.testAccuracy;
    j[QStringLiteral("seconds")] = e.seconds;
    return j;
}

QString withSuffix(const QString& output, const QString& suffix)
{
    QString base = output;
    if (base.endsWith(QLatin1String(".tflite")))
        base.chop(7);
    return base + suffix + QStringLiteral(".tflite");
}

} // namespace

int trainCommand(const QStringList& args, QTextStream& out, QTextStream& err)
{
    const Args a = parseArgs(args,
        {QStringLiteral("--data"), QStringLiteral("--labels"), QStringLiteral("--test-data"),
            QStringLiteral("--test-labels"), QStringLiteral("--epochs"), QStringLiteral("--seed"),
            QStringLiteral("--arch"), QStringLiteral("--qat-epochs"), QStringLiteral("--batch"),
            QStringLiteral("--optimizer"), QStringLiteral("--lr"), QStringLiteral("--qat-lr"),
            QStringLiteral("--momentum"), QStringLiteral("--limit"), QStringLiteral("--threads"), QStringLiteral("-o"),
            QStringLiteral("--output"), QStringLiteral("--export-batch")},
        {QStringLiteral("--json"), QStringLiteral("--logits"), QStringLiteral("--int8-outputs")});
    const QString output = a.value(QStringLiteral("-o"), a.value(QStringLiteral("--output")));
    if (!a.error.isEmpty() || !a.positional.isEmpty() || output.isEmpty() ||
        a.value(QStringLiteral("--data")).isEmpty() || a.value(QStringLiteral("--labels")).isEmpty() ||
        a.value(QStringLiteral("--test-data")).isEmpty() != a.value(QStringLiteral("--test-labels")).isEmpty()) {
        err << (a.error.isEmpty() ? tr("train needs --data, --labels and -o OUT (and --test-data with "
                                       "--test-labels)")
                                  : a.error)
            << "\n\n"
            << commandHelp(QStringLiteral("train"));
        return 2;
    }
    const bool json = a.flags.contains(QStringLiteral("--json"));
    train::TrainOptions o;
    auto epochs = intOption(a, QStringLiteral("--epochs"), 5, 0);
    auto qatEpochs = intOption(a, QStringLiteral("--qat-epochs"), 0, 0);
    auto batch = intOption(a, QStringLiteral("--batch"), 32, 1);
    auto limit = intOption(a, QStringLiteral("--limit"), 0, 0);
    auto threads = intOption(a, QStringLiteral("--threads"), 2, 1);
    auto exportBatch = intOption(a, QStringLiteral("--export-batch"), 1, 1);
    for (const auto* r : {&epochs, &qatEpochs, &batch, &limit, &threads, &exportBatch})
        if (!*r) {
            err << "error: " << qs(r->error().message) << '\n';
            return 2;
        }
    o.epochs = *epochs;
    o.batchSize = *batch;
    o.threads = *threads;
    bool ok = true;
    if (const QString s = a.value(QStringLiteral("--seed")); !s.isEmpty())
        o.seed = s.toULongLong(&ok);
    if (!ok) {
        err << "error: --seed must be a non-negative integer\n";
        return 2;
    }
    const QString optimizer = a.value(QStringLiteral("--optimizer"), QStringLiteral("adam"));
    if (optimizer != QLatin1String("adam") && optimizer != QLatin1String("sgd")) {
        err << "error: --optimizer must be adam or sgd\n";
        return 2;
    }
    o.optimizer = optimizer == QLatin1String("sgd") ? train::Optimizer::Sgd : train::Optimizer::Adam;
    if (o.optimizer == train::Optimizer::Sgd)
        o.learningRate = 0.01f;
    float qatLr = 0.0001f;
    for (auto [name, target] : {std::pair{QStringLiteral("--lr"), &o.learningRate},
             std::pair{QStringLiteral("--qat-lr"), &qatLr}, std::pair{QStringLiteral("--momentum"), &o.momentum}}) {
        if (const QString v = a.value(name); !v.isEmpty()) {
            const double d = v.toDouble(&ok);
            if (!ok || !(d > 0.0) || d > 10.0) {
                err << "error: " << name << " must be a positive number, got '" << v << "'\n";
                return 2;
            }
            *target = static_cast<float>(d);
        }
    }

    auto trainSet = loadSet(a.value(QStringLiteral("--data")), a.value(QStringLiteral("--labels")), *limit);
    if (!trainSet)
        return fail(err, "training data: " + trainSet.error().message);
    std::optional<data::SampleSet> testSet;
    if (!a.value(QStringLiteral("--test-data")).isEmpty()) {
        auto t = loadSet(a.value(QStringLiteral("--test-data")), a.value(QStringLiteral("--test-labels")), 0);
        if (!t)
            return fail(err, "test data: " + t.error().message);
        testSet = std::move(*t);
    }

    int classes = 2;
    for (auto l : trainSet->labels)
        classes = std::max(classes, l + 1);
    if (classes > 1000)
        return fail(err,
            "training labels: a label of " + std::to_string(classes - 1) +
                " asks for more than 1000 classes; is this a label file?");
    std::vector<train::LayerSpec> arch;
    QString archName = QStringLiteral("classic CNN");
    if (const QString f = a.value(QStringLiteral("--arch")); !f.isEmpty()) {
        auto parsed = app::loadArchitecture(f);
        if (!parsed)
            return fail(err, parsed.error());
        arch = std::move(*parsed);
        archName = QFileInfo(f).fileName();
    } else {
        arch = train::classicArchitecture(classes);
        const auto& s = trainSet->sampleShape;
        if (s.size() == 2)
            arch[0].shape = {static_cast<int>(s[0]), static_cast<int>(s[1]), 1};
        else if (s.size() == 3)
            arch[0].shape = {static_cast<int>(s[0]), static_cast<int>(s[1]), static_cast<int>(s[2])};
        else
            return fail(err, "the classic CNN needs images (height x width samples); give --arch for other data");
    }
    train::Shape inputShape;
    for (auto d : trainSet->sampleShape)
        inputShape.push_back(static_cast<int>(d));
    auto net = train::buildNetwork(arch, inputShape, o.seed);
    if (!net)
        return fail(err, "architecture: " + net.error().message);

    auto progress = [&](const train::TrainProgress& p) {
        if (json) {
            QJsonObject j;
            j[QStringLiteral("event")] = QStringLiteral("progress");
            j[QStringLiteral("qat")] = p.qat;
            j[QStringLiteral("epoch")] = p.epoch;
            j[QStringLiteral("batch")] = static_cast<qint64>(p.batch);
            j[QStringLiteral("batches")] = static_cast<qint64>(p.batches);
            j[QStringLiteral("loss")] = p.loss;
            j[QStringLiteral("accuracy")] = p.accuracy;
            out << QJsonDocument(j).toJson(QJsonDocument::Compact) << '\n';
        } else {
            out << QStringLiteral("%1epoch %2/%3  batch %4/%5  loss %6  accuracy %7\n")
                       .arg(p.qat ? QStringLiteral("QAT ") : QString())
                       .arg(p.epoch)
                       .arg(p.epochs)
                       .arg(p.batch)
                       .arg(p.batches)
                       .arg(p.loss, 0, 'f', 4)
                       .arg(p.accuracy, 0, 'f', 4);
        }
        out.flush();
    };
    o.progressEvery = 500;

    const data::SampleSet* test = testSet ? &*testSet : nullptr;
    QElapsedTimer timer;
    timer.start();
    auto floatEpochs = train::train(*net, *trainSet, test, o, progress);
    if (!floatEpochs)
        return fail(err, floatEpochs.error());
    const double trainSeconds = static_cast<double>(timer.elapsed()) / 1000.0;

    const std::string recipe = "seed " + std::to_string(o.seed) + ", " + std::to_string(o.epochs) + " epochs, " +
        optimizer.toStdString() + " lr " + QString::number(static_cast<double>(o.learningRate)).toStdString() +
        ", batch " + std::to_string(o.batchSize) + ", " + std::to_string(trainSet->count) + " samples of " +
        QFileInfo(a.value(QStringLiteral("--data"))).fileName().toStdString();
    std::string archText;
    for (const auto& l : arch)
        archText += (archText.empty() ? "" : ", ") + l.describe();
    train::ExportOptions eo;
    eo.batch = *exportBatch;
    eo.softmax = !a.flags.contains(QStringLiteral("--logits"));
    eo.description =
        "QuantLens " + QCoreApplication::applicationVersion().toStdString() + " trainer: " + archText + "; " + recipe;
    auto floatGraph = train::toGraph(*net, eo);
    if (!floatGraph)
        return fail(err, floatGraph.error());
    if (auto s = model::writeTflite(*floatGraph, output.toStdString()); !s)
        return fail(err, s.error());

    QJsonObject result;
    result[QStringLiteral("event")] = QStringLiteral("result");
    result[QStringLiteral("architecture")] = qs(archText);
    result[QStringLiteral("parameters")] = static_cast<qint64>(net->parameterCount());
    result[QStringLiteral("train_samples")] = static_cast<qint64>(trainSet->count);
    result[QStringLiteral("train_seconds")] = trainSeconds;
    result[QStringLiteral("seed")] = QString::number(o.seed);
    QJsonArray epochList;
    for (const auto& e : *floatEpochs)
        epochList.append(epochJson(e));

    struct Row {
        QString key, file;
        std::optional<model::Graph> graph;
    };
    std::vector<Row> rows;
    rows.push_back({QStringLiteral("float"), output, *floatGraph});

    const bool int8Outputs = a.flags.contains(QStringLiteral("--int8-outputs"));
    pipeline::QatOptions qopt;
    qopt.epochs = *qatEpochs;
    qopt.learningRate = qatLr;
    qopt.train = o;
    qopt.fineTunedBaseline = test != nullptr;
    qopt.floatExport = eo;
    qopt.qatDescription = "QuantLens " + QCoreApplication::applicationVersion().toStdString() +
        " trainer (quantization-aware, " + std::to_string(*qatEpochs) + " epochs lr " +
        QString::number(static_cast<double>(qatLr)).toStdString() + " after float training): " + archText + "; " +
        recipe + "; activation ranges recorded as tensor min/max";
    auto quantized = pipeline::quantizeTrained(*net, *trainSet, test, qopt, progress);
    if (!quantized)
        return fail(err, quantized.error());
    if (test || int8Outputs)
        rows.push_back({QStringLiteral("ptq_int8"),
            int8Outputs ? withSuffix(output, QStringLiteral("-ptq-int8")) : QString(), quantized->ptqInt8});
    if (quantized->qatGraph) {
        result[QStringLiteral("qat_seconds")] = quantized->qatSeconds;
        for (const auto& e : quantized->qatEpochs)
            epochList.append(epochJson(e));
        const QString qatFile = withSuffix(output, QStringLiteral("-qat"));
        if (auto s = model::writeTflite(*quantized->qatGraph, qatFile.toStdString()); !s)
            return fail(err, s.error());
        result[QStringLiteral("qat_output")] = qatFile;
        rows.push_back({QStringLiteral("qat_int8"),
            int8Outputs ? withSuffix(output, QStringLiteral("-qat-int8")) : QString(), *quantized->qatInt8});
        if (quantized->floatFineTuned)
            rows.push_back({QStringLiteral("float_finetuned"), QString(), *quantized->floatFineTuned});
    }
    result[QStringLiteral("epochs")] = epochList;

    QJsonObject models;
    for (auto& row : rows) {
        QJsonObject m;
        if (!row.file.isEmpty()) {
            if (row.key != QLatin1String("float"))
                if (auto s = model::writeTflite(*row.graph, row.file.toStdString()); !s)
                    return fail(err, s.error());
            m[QStringLiteral("file")] = row.file;
            m[QStringLiteral("bytes")] = QFileInfo(row.file).size();
        }
        if (test) {
            eval::ClassifyOptions co;
            co.threads = o.threads;
            auto c = eval::classify(*row.graph, *test, co);
            if (!c)
                return fail(err, row.key.toStdString() + " evaluation: " + c.error().message);
            m[QStringLiteral("accuracy")] = c->accuracy;
            m[QStringLiteral("top5")] = c->top5;
        }
        models[row.key] = m;
    }
    if (test)
        result[QStringLiteral("test_samples")] = static_cast<qint64>(test->count);
    result[QStringLiteral("models")] = models;
    result[QStringLiteral("output")] = output;

    if (json) {
        out << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    out << tr("trained %1 (%2 parameters) in %3 s; wrote %4\n")
               .arg(qs(archText))
               .arg(net->parameterCount())
               .arg(trainSeconds, 0, 'f', 1)
               .arg(output);
    for (const auto& e : result[QStringLiteral("epochs")].toArray()) {
        const QJsonObject j = e.toObject();
        out << QStringLiteral("  %1epoch %2: loss %3, train %4%, test %5\n")
                   .arg(j[QStringLiteral("qat")].toBool() ? QStringLiteral("QAT ") : QString())
                   .arg(j[QStringLiteral("epoch")].toInt())
                   .arg(j[QStringLiteral("loss")].toDouble(), 0, 'f', 4)
                   .arg(100.0 * j[QStringLiteral("train_accuracy")].toDouble(), 0, 'f', 2)
                   .arg(j.contains(QStringLiteral("test_accuracy"))
                           ? QString::number(100.0 * j[QStringLiteral("test_accuracy")].toDouble(), 'f', 2) +
                               QLatin1Char('%')
                           : QStringLiteral("-"));
    }
    for (auto it = models.begin(); it != models.end(); ++it) {
        const QJsonObject m = it.value().toObject();
        out << QStringLiteral("  %1: %2%3\n")
                   .arg(it.key(), -9)
                   .arg(m.contains(QStringLiteral("accuracy"))
                           ? tr("test accuracy %1%").arg(100.0 * m[QStringLiteral("accuracy")].toDouble(), 0, 'f', 2)
                           : tr("(no test set)"))
                   .arg(m.contains(QStringLiteral("file")) ? QStringLiteral(", ") + m[QStringLiteral("file")].toString()
                                                           : QString());
    }
    return 0;
}

} // namespace ql::cli
