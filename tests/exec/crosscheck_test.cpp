// SPDX-License-Identifier: MIT
// QuantLens' interpreter against the official LiteRT runtime on every shared model it can run, on
// seeded random inputs (xnnpack rounding). The error budgets are the named constants in
// common/crosscheck.h.
#include "common/crosscheck.h"
#include "common/litert.h"
#include "common/model_facts.h"
#include "data/idx.h"
#include "exec/interpreter.h"
#include "model/reader.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

using namespace ql;

class CrossCheckTest : public QObject {
    Q_OBJECT

private slots:
    void againstLitert_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("seed");
        const auto& models = test::crossCheckModels();
        for (std::size_t i = 0; i < models.size(); ++i)
            for (int seed : {1, 2})
                QTest::newRow(
                    qPrintable(QStringLiteral("%1 seed %2").arg(QString::fromStdString(models[i].file)).arg(seed)))
                    << static_cast<int>(i) << seed;
    }

    void againstLitert()
    {
        QFETCH(int, index);
        QFETCH(int, seed);
        const auto& m = test::crossCheckModels()[static_cast<std::size_t>(index)];
        auto g = model::readTflite(test::modelPath(m.file));
        QVERIFY(g.ok());
        const QString problem = test::checkAgainstLitert(
            *g, m.kind, m.inputMin, m.inputMax, static_cast<unsigned>(seed * 7919 + index), m.file);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void twoThreadsGiveTheSameBits()
    {
        // Kernels split rows between threads; every element is computed the same way.
        for (const char* file : {"mobilenet_v1_025_224_float32.tflite", "vww_mobilenet_v1_025_96_int8.tflite",
                 "mobilenet_v2_035_96_embedder_dynrange.tflite", "resnet8_cifar10_int8.tflite"}) {
            auto g = model::readTflite(test::modelPath(file));
            QVERIFY(g.ok());
            auto graph = std::make_shared<const model::Graph>(std::move(g.value()));
            std::vector<std::vector<std::uint8_t>> outputs;
            for (int threads : {1, 2}) {
                exec::InterpreterOptions opts;
                opts.threads = threads;
                auto it = exec::Interpreter::create(graph, opts);
                QVERIFY(it.ok());
                std::mt19937 rng(5);
                const auto& in = (*it)->input(0);
                std::vector<std::uint8_t> bytes(static_cast<std::size_t>(in.bytes));
                if (in.dtype == model::DType::Float32) {
                    std::uniform_real_distribution<float> d(0.0f, 1.0f);
                    for (std::size_t i = 0; i + 4 <= bytes.size(); i += 4) {
                        const float v = d(rng);
                        std::memcpy(bytes.data() + i, &v, 4);
                    }
                } else {
                    for (auto& b : bytes)
                        b = static_cast<std::uint8_t>(rng());
                }
                QVERIFY((*it)->setInput(0, in.dtype, bytes).ok());
                for (int rep = 0; rep < 3; ++rep)
                    QVERIFY((*it)->invoke().ok());
                const auto& out = (*it)->output(0);
                outputs.emplace_back(out.data, out.data + out.bytes);
            }
            QVERIFY2(outputs[0] == outputs[1], file);
        }
    }

    void fashionMnistRealImages()
    {
        // Real inputs: Fashion-MNIST test images (Debian's dataset-fashion-mnist), pixels / 255.
        const std::string dir = "/usr/share/datasets/fashion-mnist/";
        auto images = data::readIdx(dir + "t10k-images-idx3-ubyte.gz");
        auto labels = data::readIdx(dir + "t10k-labels-idx1-ubyte.gz");
        QVERIFY2(images.ok(), images.ok() ? "" : images.error().message.c_str());
        QVERIFY(labels.ok());
        QCOMPARE(images->shape, (std::vector<std::int64_t>{10000, 28, 28}));
        const QString path = QString::fromStdString(test::modelPath("fashion_mnist_cnn_dynrange.tflite"));
        auto g = model::readTflite(path.toStdString());
        QVERIFY(g.ok());
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(std::move(g.value())));
        QVERIFY(it.ok());
        exec::Interpreter& interp = **it;
        QTemporaryDir tmp;
        int correct = 0;
        const int n = 500;
        double worst = 0;
        for (int i = 0; i < n; ++i) {
            data::NpyArray a;
            a.dtype = model::DType::Float32;
            a.shape = {1, 28, 28, 1};
            a.data.resize(28 * 28 * 4);
            for (int k = 0; k < 28 * 28; ++k) {
                const float v = static_cast<float>(images->data[static_cast<std::size_t>(i * 784 + k)]) / 255.0f;
                std::memcpy(a.data.data() + k * 4, &v, 4);
            }
            QVERIFY(interp.setInput(0, a.dtype, a.data).ok());
            QVERIFY(interp.invoke().ok());
            const float* p = interp.output(0).as<float>();
            const int top = static_cast<int>(std::max_element(p, p + 10) - p);
            correct += top == labels->data[static_cast<std::size_t>(i)];
            if (i < 10) { // the first ten also through LiteRT
                const QString f = tmp.filePath(QStringLiteral("img%1.npy").arg(i));
                QVERIFY(data::writeNpy(f.toStdString(), a).ok());
                const auto ref = test::runLitert(path, {f});
                QVERIFY2(ref.ok, qPrintable(ref.error));
                for (int k = 0; k < 10; ++k) {
                    float r;
                    std::memcpy(&r, ref.outputs[0].data.data() + k * 4, 4);
                    worst = std::max(worst, static_cast<double>(std::abs(r - p[k])));
                }
            }
        }
        qInfo("fashion_mnist_cnn_dynrange: top-1 %.1f%% on the first %d test images; max |diff| to LiteRT %.3g",
            100.0 * correct / n, n, worst);
        QVERIFY(correct >= n * 85 / 100);
        QVERIFY(worst <= test::kHybridRelTol);
    }
};

QTEST_GUILESS_MAIN(CrossCheckTest)
#include "crosscheck_test.moc"
