// SPDX-License-Identifier: MIT
// QuantLens' interpreter against the official LiteRT runtime on every shared model it can run, on
// seeded random inputs (xnnpack rounding). The error budgets are the named constants in
// common/crosscheck.h.
#include "common/crosscheck.h"
#include "common/litert.h"
#include "common/model_facts.h"
#include "exec/interpreter.h"
#include "model/reader.h"

#include <QTemporaryDir>
#include <QTest>

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

}  // namespace

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
                QTest::newRow(qPrintable(QStringLiteral("%1 seed %2").arg(QString::fromStdString(models[i].file)).arg(seed)))
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
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(std::move(g.value())));
        QVERIFY2(it.ok(), it.ok() ? "" : it.error().message.c_str());
        exec::Interpreter& interp = **it;

        std::mt19937 rng(static_cast<unsigned>(seed * 7919 + index));
        QTemporaryDir dir;
        QStringList files;
        for (int i = 0; i < interp.inputCount(); ++i) {
            const auto a = randomInput(interp.input(i), m, rng);
            QVERIFY(interp.setInput(i, a.dtype, a.data).ok());
            files << dir.filePath(QStringLiteral("in%1.npy").arg(i));
            QVERIFY(data::writeNpy(files.back().toStdString(), a).ok());
        }
        QVERIFY(interp.invoke().ok());
        const auto ref = test::runLitert(path, files);
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
            qInfo("%s out%d: max |diff| %.3g, max |ref| %.3g, %lld of %lld differ", m.file.c_str(), o, maxDiff, maxRef,
                  static_cast<long long>(differ), static_cast<long long>(ours.count()));
            if (m.kind == test::ModelKind::Hybrid)
                QVERIFY2(maxDiff <= test::kHybridRelTol * maxRef, "hybrid output outside its budget");
            else if (isFloat && m.kind == test::ModelKind::Float)
                QVERIFY2(maxDiff <= test::kFloatRelTol * std::max(maxRef, 1e-6), "float output outside its budget");
            else if (isFloat)  // integer graph with float I/O: the dequantized outputs must be identical
                QVERIFY2(maxDiff == 0, "integer graph's float output differs");
            else
                QVERIFY2(maxDiff <= test::kIntegerMaxLsb, "integer output differs from LiteRT");
        }
    }
};

QTEST_GUILESS_MAIN(CrossCheckTest)
#include "crosscheck_test.moc"
