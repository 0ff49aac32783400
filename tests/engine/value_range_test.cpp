// SPDX-License-Identifier: MIT
// Input value ranges (data/value_range.h) on the shared real models: the range a quantized input stands
// for, the 8-bit preprocessing that gives it, and when a data set disagrees with it.
#include "common/load_model.h"
#include "common/model_facts.h"
#include "data/value_range.h"
#include "model/reader.h"

#include <QTest>

#include <cmath>

using namespace ql;

namespace {

model::Tensor inputOf(const std::string& file)
{
    const model::Graph g = test::loadModel(file);
    return g.main().tensors[static_cast<std::size_t>(g.main().inputs[0])];
}

} // namespace

class ValueRangeTest : public QObject {
    Q_OBJECT

private slots:
    void quantizedInputsSayWhatTheyStandFor()
    {
        // resnet8 int8: scale 1, zero point -128 over -128..127 is raw pixels 0..255.
        const auto r8 = data::expectedInputRange(inputOf("resnet8_cifar10_int8.tflite"));
        QVERIFY(r8);
        QCOMPARE(r8->range.lo, 0.0f);
        QCOMPARE(r8->range.hi, 255.0f);
        QVERIFY(r8->basis.find("int8") != std::string::npos);
        const data::Preprocess raw = data::preprocessFor(r8->range);
        QCOMPARE(raw.scale, 1.0f);
        QCOMPARE(raw.offset, 0.0f);
        // MobileNet uint8: scale 1/128, zero point 128 is [-1, 0.992]; pixel 255 maps to its top.
        const auto mn = data::expectedInputRange(inputOf("mobilenet_v1_025_224_uint8.tflite"));
        QVERIFY(mn);
        QCOMPARE(mn->range.lo, -1.0f);
        QVERIFY(std::abs(mn->range.hi - 127.0f / 128.0f) < 1e-6f);
        const data::Preprocess sym = data::preprocessFor(mn->range);
        QVERIFY(std::abs(255 * sym.scale + sym.offset - mn->range.hi) < 1e-5f);
        // A float input does not say.
        QVERIFY(!data::expectedInputRange(inputOf("resnet8_cifar10_float32.tflite")));
    }

    void aDataSetDisagreesWhenItsRangeIsFarFromTheModels()
    {
        const data::ValueRange bytes{0, 255}, unit{0, 1}, symmetric{-1, 1};
        QVERIFY(data::rangeMismatch(unit, bytes)); // pixels / 255 for a raw-pixel model
        QVERIFY(data::rangeMismatch(bytes, unit));
        QVERIFY(data::rangeMismatch(unit, {10, 11})); // the same width, elsewhere
        QVERIFY(!data::rangeMismatch({0, 0.996f}, symmetric)); // half of the range is still the same scale
        QVERIFY(!data::rangeMismatch({3, 250}, bytes));
        const auto why = data::rangeMismatch(unit, bytes);
        QVERIFY(why->find("[0, 255]") != std::string::npos);
        QVERIFY(why->find("255 times narrower") != std::string::npos);
        // The range a set spans.
        data::SampleSet set;
        set.sampleShape = {3};
        set.count = 2;
        set.values = {0.5f, -2.0f, 7.0f, 1.0f, 0.0f, 3.0f};
        const auto r = data::valueRange(set);
        QCOMPARE(r.lo, -2.0f);
        QCOMPARE(r.hi, 7.0f);
    }
};

QTEST_MAIN(ValueRangeTest)
#include "value_range_test.moc"
