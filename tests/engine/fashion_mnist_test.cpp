// SPDX-License-Identifier: MIT
// The classic CNN trained on all of Fashion-MNIST (float, PTQ int8, QAT int8), its accuracy by QuantLens and
// by LiteRT, and the bundled demo model against LiteRT on its bundled test images.
#include "common/litert.h"
#include "data/npy.h"
#include "data/samples.h"
#include "engine/fashion_mnist.h"
#include "eval/classify.h"
#include "model/reader.h"
#include "model/transform.h"
#include "model/writer.h"
#include "passes/quantize.h"
#include "quant/calibrate.h"
#include "train/export.h"
#include "train/trainer.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>

using namespace ql;
using namespace ql::test;

namespace {

// Runs `g` in LiteRT on the first `n` samples at once (the graph rebatched to n); the outputs, as float.
std::vector<float> litertOutputs(const model::Graph& g, const data::SampleSet& set, int n, const QString& dir)
{
    auto batched = model::withBatch(g, n);
    if (!batched)
        qFatal("%s", batched.error().message.c_str());
    const QString modelFile = dir + QStringLiteral("/batched.tflite");
    if (!model::writeTflite(*batched, modelFile.toStdString()))
        qFatal("cannot write %s", qPrintable(modelFile));
    data::NpyArray in;
    in.dtype = model::DType::Float32;
    in.shape = {n, 28, 28};
    in.data.resize(static_cast<std::size_t>(n) * 784 * 4);
    std::memcpy(in.data.data(), set.values.data(), in.data.size());
    const QString inFile = dir + QStringLiteral("/x.npy");
    if (!data::writeNpy(inFile.toStdString(), in))
        qFatal("cannot write %s", qPrintable(inFile));
    const auto r = test::runLitert(modelFile, {inFile});
    if (!r.ok || r.outputs.size() != 1 || r.outputs[0].dtype != model::DType::Float32)
        qFatal("litert-run: %s", qPrintable(r.error));
    std::vector<float> y(static_cast<std::size_t>(r.outputs[0].elementCount()));
    std::memcpy(y.data(), r.outputs[0].data.data(), y.size() * 4);
    return y;
}

double accuracyOf(const std::vector<int>& top, const data::SampleSet& set)
{
    int ok = 0;
    for (std::size_t i = 0; i < top.size(); ++i)
        ok += top[i] == set.labels[i];
    return static_cast<double>(ok) / static_cast<double>(top.size());
}

} // namespace

class FashionMnistTest : public QObject {
    Q_OBJECT

private slots:
    void classicCnnOnFashionMnistFloatPtqQat()
    {
#ifdef QL_SANITIZED
        // Five epochs on 60,000 images measure accuracy, which the sanitizers do not change; the training,
        // PTQ, QAT and export code paths run under them in the tests above.
        QSKIP("accuracy over the full Fashion-MNIST training is measured in the unsanitized run");
#endif
        const auto trainSet = fashion("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", 0);
        const auto testSet = fashion("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", 0);
        QCOMPARE(trainSet.count, std::int64_t{60000});
        auto net = train::buildNetwork(train::classicArchitecture(), {28, 28}, 1);
        QVERIFY(net.ok());
        train::TrainOptions o;
        o.epochs = 5;
        std::vector<train::TrainProgress> seen;
        auto stats =
            train::train(*net, trainSet, nullptr, o, [&](const train::TrainProgress& p) { seen.push_back(p); });
        QVERIFY(stats.ok());
        QCOMPARE(seen.back().epoch, 5);
        QCOMPARE(seen.back().batch, std::int64_t{1875});
        double seconds = 0;
        for (const auto& e : *stats)
            seconds += e.seconds;
        QVERIFY((*stats)[4].loss < (*stats)[0].loss);

        auto floatGraph = train::toGraph(*net);
        QVERIFY(floatGraph.ok());
        passes::QuantizeOptions qo;
        qo.mode = passes::Mode::Int8;
        qo.io = passes::IoType::Float;
        qo.perChannelDense = true;
        qo.calibration.samples = 200; // as `quantlens-cli train` calibrates PTQ
        auto ranges = quant::calibrate(*floatGraph, data::firstSamples(trainSet, 200), qo.calibration);
        QVERIFY(ranges.ok());
        auto ptq = passes::quantizeGraph(*floatGraph, qo, *ranges);
        QVERIFY(ptq.ok());

        train::Network qat = *net;
        QVERIFY(train::enableFakeQuant(qat, trainSet, 512).ok());
        train::TrainOptions qo2 = o;
        qo2.epochs = 1;
        qo2.learningRate = 1e-4f;
        QVERIFY(train::train(qat, trainSet, nullptr, qo2).ok());
        auto qatGraph = train::toGraph(qat);
        QVERIFY(qatGraph.ok());
        auto qatInt8 = passes::quantizeGraph(*qatGraph, qo, quant::recordedRanges(*qatGraph));
        QVERIFY(qatInt8.ok());

        // QuantLens' interpreter on the whole test set; LiteRT on the first 500 test images.
        QTemporaryDir dir;
        const data::SampleSet sample = data::firstSamples(testSet, 500);
        struct Row {
            const char* name;
            const model::Graph* graph;
        };
        double acc[3] = {};
        int i = 0;
        for (const Row row :
            {Row{"float", &*floatGraph}, Row{"PTQ int8", &ptq->graph}, Row{"QAT int8", &qatInt8->graph}}) {
            auto c = eval::classify(*row.graph, testSet);
            QVERIFY(c.ok());
            acc[i++] = c->accuracy;
            const auto lite = argmaxRows(litertOutputs(*row.graph, sample, 500, dir.path()), 10);
            const std::vector<int> oursOnSample(c->top1.begin(), c->top1.begin() + 500);
            int same = 0;
            for (std::size_t k = 0; k < lite.size(); ++k)
                same += lite[k] == oursOnSample[k];
            qInfo("%-8s test accuracy %.2f%% (QuantLens, 10000 images); on the first 500: QuantLens %.1f%%, "
                  "LiteRT %.1f%%, same top-1 %d/500",
                row.name, 100.0 * c->accuracy, 100.0 * accuracyOf(oursOnSample, sample),
                100.0 * accuracyOf(lite, sample), same);
            QCOMPARE(same, 500);
        }
        qInfo("5 float epochs took %.1f s on this machine", seconds);
        QVERIFY2(acc[0] >= 0.88, qPrintable(QString::number(acc[0])));
        QVERIFY(std::abs(acc[1] - acc[0]) < 0.015);
        QVERIFY(acc[2] >= acc[1] - 0.005);
    }

    void bundledDemoModelRunsInLitert()
    {
        const std::string dir = QL_SOURCE_DIR "/resources/demo/";
        auto g = model::readTflite(dir + "fashion_mnist_cnn.tflite");
        QVERIFY2(g.ok(), g.ok() ? "" : g.error().message.c_str());
        QVERIFY(g->description.find("QuantLens") != std::string::npos);
        auto s = data::loadSamples(dir + "fashion-mnist-sample-images-idx3-ubyte.gz", {}, 0);
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
        QVERIFY(data::loadLabels(*s, dir + "fashion-mnist-sample-labels-idx1-ubyte.gz").ok());
        QVERIFY(s->count >= 200);
        // The sample is the head of the Fashion-MNIST test set, which the model never saw in training.
        const auto head = fashion("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz", s->count);
        QVERIFY(head.values == s->values && head.labels == s->labels);
        QTemporaryDir tmp;
        const auto lite = argmaxRows(litertOutputs(*g, *s, static_cast<int>(s->count), tmp.path()), 10);
        const double litertAcc = accuracyOf(lite, *s);
        auto ours = eval::classify(*g, *s);
        QVERIFY(ours.ok());
        qInfo("bundled demo model: LiteRT %.1f%%, QuantLens %.1f%% on %lld bundled test images", 100.0 * litertAcc,
            100.0 * ours->accuracy, static_cast<long long>(s->count));
        QVERIFY(litertAcc >= 0.85);
        QCOMPARE(ours->top1, lite);
    }
};

QTEST_GUILESS_MAIN(FashionMnistTest)
#include "fashion_mnist_test.moc"
