// SPDX-License-Identifier: MIT
// The tflite-micro arena (target/micro_arena.h) against what the real tflite-micro interpreter reports as
// arena_used_bytes() for the shared int8 models (greedy planner, 64-bit host), measured from outside.
#include "common/load_model.h"
#include "common/model_facts.h"
#include "model/reader.h"
#include "target/micro_arena.h"

#include <QTest>

#include <algorithm>

using namespace ql;

namespace {

target::MicroArena arenaOf(const std::string& file)
{
    auto a = target::microArena(test::loadModel(file));
    if (!a)
        qFatal("%s: %s", file.c_str(), a.error().message.c_str());
    return std::move(*a);
}

} // namespace

class MicroArenaTest : public QObject {
    Q_OBJECT

private slots:
    void matchesTfliteMicro_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<qint64>("used");
        QTest::addColumn<qint64>("plan");
        QTest::newRow("hello_world") << "hello_world_twin_int8.tflite" << qint64{1184} << qint64{32};
        QTest::newRow("ad01") << "ad01_autoencoder_int8.tflite" << qint64{3424} << qint64{768};
        QTest::newRow("mnist_lstm") << "mnist_lstm_int8.tflite" << qint64{3936} << qint64{1536};
        QTest::newRow("kws") << "kws_dscnn_int8.tflite" << qint64{24000} << qint64{16000};
        QTest::newRow("resnet8") << "resnet8_cifar10_int8.tflite" << qint64{55712} << qint64{49152};
        QTest::newRow("vww") << "vww_mobilenet_v1_025_96_int8.tflite" << qint64{103392} << qint64{73728};
        QTest::newRow("mobilenet_v2") << "mobilenet_v2_100_224_int8_uint8io.tflite" << qint64{1665536} << qint64{1505280};
    }

    void matchesTfliteMicro()
    {
        QFETCH(QString, file);
        QFETCH(qint64, used);
        QFETCH(qint64, plan);
        const auto a = arenaOf(file.toStdString());
        QVERIFY2(a.unknown.empty(), a.unknown.empty() ? "" : a.unknown.front().c_str());
        QCOMPARE(a.total(), used);
        QCOMPARE(a.plan, plan);
        // The parts add up; the plan never has two buffers alive together in the same bytes.
        std::int64_t parts = 0;
        for (const auto& p : a.parts)
            parts += p.bytes;
        QCOMPARE(parts, a.persistent);
        for (std::size_t i = 0; i < a.buffers.size(); ++i) {
            const auto& x = a.buffers[i];
            QVERIFY(x.offset % 16 == 0 && x.bytes % 16 == 0 && x.offset + x.bytes <= a.plan);
            for (std::size_t j = i + 1; j < a.buffers.size(); ++j) {
                const auto& y = a.buffers[j];
                const bool together = !(x.first > y.last || y.first > x.last);
                const bool apart = x.offset + x.bytes <= y.offset || y.offset + y.bytes <= x.offset;
                QVERIFY(!together || apart);
            }
        }
        QCOMPARE(*std::max_element(a.liveBytes.begin(), a.liveBytes.end()) <= a.plan, true);
    }

    void namesWhatItDoesNotKnow()
    {
        // The video detector's custom post-processing has no kernel sizes here: named, counted as nothing.
        auto g = model::readTflite(test::modelPath("wild/automl_video_traffic_256_uint8.tflite"));
        QVERIFY(g);
        const auto a = target::microArena(*g);
        QVERIFY2(a, a ? "" : a.error().message.c_str());
        QVERIFY(std::find(a->unknown.begin(), a->unknown.end(), std::string("TFLite_Detection_PostProcess")) !=
            a->unknown.end());
    }
};

QTEST_MAIN(MicroArenaTest)
#include "micro_arena_test.moc"
