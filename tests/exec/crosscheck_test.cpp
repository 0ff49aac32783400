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
#include "model/transform.h"
#include "model/writer.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

using namespace ql;

namespace {

data::NpyArray randomInput(const exec::RtTensor& t, const test::CrossCheckModel& m, std::mt19937& rng)
{
    data::NpyArray a;
    a.dtype = t.dtype;
    a.shape.assign(t.shape.begin(), t.shape.end());
    a.data.resize(static_cast<std::size_t>(t.bytes));
    const std::int64_t n = t.count();
    switch (t.dtype) {
    case model::DType::Float32: {
        std::uniform_real_distribution<float> d(m.inputMin, m.inputMax);
        for (std::int64_t i = 0; i < n; ++i) {
            const float v = d(rng);
            std::memcpy(a.data.data() + i * 4, &v, 4);
        }
        break;
    }
    case model::DType::Int8:
    case model::DType::UInt8:
        for (auto& b : a.data)
            b = static_cast<std::uint8_t>(rng());
        break;
    case model::DType::Int16:
        for (std::int64_t i = 0; i < n; ++i) {
            const auto v = static_cast<std::int16_t>(rng());
            std::memcpy(a.data.data() + i * 2, &v, 2);
        }
        break;
    default: qFatal("no random input for %s", model::dtypeName(t.dtype).c_str());
    }
    return a;
}

double asDouble(const std::uint8_t* p, model::DType t, std::int64_t i)
{
    switch (t) {
    case model::DType::Float32: {
        float f;
        std::memcpy(&f, p + i * 4, 4);
        return f;
    }
    case model::DType::Int8: return static_cast<std::int8_t>(p[i]);
    case model::DType::UInt8: return p[i];
    case model::DType::Int16: {
        std::int16_t v;
        std::memcpy(&v, p + i * 2, 2);
        return v;
    }
    default: return 0;
    }
}

} // namespace

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
        const QString path = QString::fromStdString(test::modelPath(m.file));
        auto g = model::readTflite(path.toStdString());
        QVERIFY(g.ok());
        QTemporaryDir dir;
        // Integer graphs: every operator's output becomes a model output, so that each intermediate
        // tensor is compared bit for bit, not only the (often saturated) final one.
        QString runPath = path;
        QStringList litertArgs;
        if (m.kind == test::ModelKind::Integer) {
            model::exposeIntermediates(*g);
            runPath = dir.filePath(QStringLiteral("exposed.tflite"));
            QVERIFY(model::writeTflite(*g, runPath.toStdString()).ok());
            litertArgs << QStringLiteral("--no-signatures");
        }
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(std::move(g.value())));
        QVERIFY2(it.ok(), it.ok() ? "" : it.error().message.c_str());
        exec::Interpreter& interp = **it;

        std::mt19937 rng(static_cast<unsigned>(seed * 7919 + index));
        QStringList files;
        for (int i = 0; i < interp.inputCount(); ++i) {
            const auto a = randomInput(interp.input(i), m, rng);
            QVERIFY(interp.setInput(i, a.dtype, a.data).ok());
            files << dir.filePath(QStringLiteral("in%1.npy").arg(i));
            QVERIFY(data::writeNpy(files.back().toStdString(), a).ok());
        }
        QVERIFY(interp.invoke().ok());
        const auto ref = test::runLitert(runPath, files, litertArgs);
        QVERIFY2(ref.ok, qPrintable(ref.error));
        QCOMPARE(static_cast<int>(ref.outputs.size()), interp.outputCount());

        for (int o = 0; o < interp.outputCount(); ++o) {
            const auto& ours = interp.output(o);
            const auto& theirs = ref.outputs[static_cast<std::size_t>(o)];
            QCOMPARE(theirs.dtype, ours.dtype);
            QCOMPARE(theirs.elementCount(), ours.count());
            double maxRef = 0, maxDiff = 0;
            std::int64_t differ = 0;
            for (std::int64_t i = 0; i < ours.count(); ++i) {
                const double a = asDouble(ours.data, ours.dtype, i);
                const double b = asDouble(theirs.data.data(), theirs.dtype, i);
                maxRef = std::max(maxRef, std::abs(b));
                maxDiff = std::max(maxDiff, std::abs(a - b));
                differ += a != b;
            }
            const bool isFloat = ours.dtype == model::DType::Float32;
            if (m.kind != test::ModelKind::Integer || o < 1 || maxDiff > 0)
                qInfo("%s out%d: max |diff| %.3g, max |ref| %.3g, %lld of %lld differ", m.file.c_str(), o, maxDiff,
                    maxRef, static_cast<long long>(differ), static_cast<long long>(ours.count()));
            if (m.kind == test::ModelKind::Hybrid)
                QVERIFY2(maxDiff <= test::kHybridRelTol * maxRef, "hybrid output outside its budget");
            else if (isFloat && m.kind == test::ModelKind::Float)
                QVERIFY2(maxDiff <= test::kFloatRelTol * std::max(maxRef, 1e-6), "float output outside its budget");
            else if (isFloat) // integer graph with float I/O: the dequantized outputs must be identical
                QVERIFY2(maxDiff == 0, "integer graph's float output differs");
            else
                QVERIFY2(maxDiff <= test::kIntegerMaxLsb, "integer output differs from LiteRT");
        }
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
