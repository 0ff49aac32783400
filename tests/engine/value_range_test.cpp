// SPDX-License-Identifier: MIT
// Input value ranges (data/value_range.h) on the shared real models: the range a quantized input stands
// for, the range a float input's metadata normalization (TFLite Support's NormalizationOptions) maps 8-bit
// values onto, the 8-bit preprocessing that gives it, and when a data set disagrees with it.
#include "common/load_model.h"
#include "common/model_facts.h"
#include "data/value_range.h"
#include "model/reader.h"
#include "model/tflite_metadata.h"

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

    void floatInputsTakeTheirMetadatasNormalization()
    {
        // MobileNet V2 embedder (float input, dynamic range): mean 127.5, std 127.5 -> [-1, 1].
        const model::Graph embedder = test::loadModel("mobilenet_v2_035_96_embedder_dynrange.tflite");
        const auto n = model::inputNormalization(embedder, 0);
        QVERIFY(n);
        QCOMPARE(n->mean, std::vector<float>{127.5f});
        QCOMPARE(n->std, std::vector<float>{127.5f});
        const auto e = data::expectedInputRange(embedder);
        QVERIFY(e);
        QCOMPARE(e->range.lo, -1.0f);
        QCOMPARE(e->range.hi, 1.0f);
        QVERIFY2(e->basis.find("NormalizationOptions") != std::string::npos, e->basis.c_str());
        const data::Preprocess pre = data::preprocessFor(e->range);
        QCOMPARE(pre.offset, -1.0f);
        QCOMPARE(pre.scale * 255.0f + pre.offset, 1.0f);
        // The ID card detector (wild): mean 0, std 255 -> [0, 1], pixels / 255.
        const auto id = data::expectedInputRange(test::loadModel("wild/id_card_detector_224_float32.tflite"));
        QVERIFY(id);
        QCOMPARE(id->range.lo, 0.0f);
        QCOMPARE(id->range.hi, 1.0f);
        // A quantized input's own parameters come first, even with metadata (MobileNet V1 uint8 says 127.5 too).
        const auto u8 = data::expectedInputRange(test::loadModel("mobilenet_v1_025_224_uint8.tflite"));
        QVERIFY(u8 && u8->basis.find("quantization") != std::string::npos);
        // No metadata, no normalization: a float model without it says nothing.
        QVERIFY(!data::expectedInputRange(test::loadModel("resnet8_cifar10_float32.tflite")));
    }

    void damagedMetadataGivesNothingAndNeverCrashes()
    {
        const model::Graph g = test::loadModel("mobilenet_v2_035_96_embedder_dynrange.tflite");
        std::vector<std::uint8_t> bytes;
        for (const auto& m : g.metadata)
            if (m.name == "TFLITE_METADATA")
                bytes.assign(g.buffers[m.buffer].data.begin(), g.buffers[m.buffer].data.end());
        QVERIFY(bytes.size() > 100);
        QVERIFY(model::inputNormalization(bytes, 0));
        QVERIFY(!model::inputNormalization(bytes, 1)); // the model has one input
        // Every truncation, and every byte set to 0xFF in turn: an answer or nothing, within the buffer
        // (ASan watches the reads).
        for (std::size_t n = 0; n < bytes.size(); ++n)
            (void)model::inputNormalization(std::span<const std::uint8_t>(bytes.data(), n), 0);
        int survived = 0;
        for (std::size_t k = 0; k < bytes.size(); ++k) {
            auto damaged = bytes;
            damaged[k] = 0xFF;
            const auto n = model::inputNormalization(damaged, 0);
            survived += n.has_value();
            if (n)
                for (float s : n->std)
                    QVERIFY(s > 0 && std::isfinite(s));
        }
        QVERIFY(survived < static_cast<int>(bytes.size())); // some damage is noticed
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
