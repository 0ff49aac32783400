// SPDX-License-Identifier: MIT
// Target profiles (resources/targets/*.json, app/data/profiles.h) checked against the shared real models:
// what runs where, what falls back, what blocks, RAM and flash.
#include "common/load_model.h"
#include "common/model_facts.h"
#include "data/profiles.h"
#include "model/reader.h"
#include "target/profile.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace ql;

namespace {

struct Checked {
    target::CheckResult result;
    model::Graph graph;
};

Checked checkOn(const std::string& file, const QString& profileName)
{
    model::Graph g = test::loadModel(file);
    auto p = app::findProfile(profileName);
    if (!p)
        qFatal("%s", p.error().message.c_str());
    const auto bytes = QFileInfo(QString::fromStdString(test::modelPath(file))).size();
    return {target::check(g, *p, bytes), std::move(g)};
}

bool has(const target::CheckResult& c, target::Impact impact, const std::string& rule)
{
    return std::any_of(c.findings.begin(), c.findings.end(),
        [&](const target::Finding& f) { return f.impact == impact && f.rule == rule; });
}

} // namespace

class TargetTest : public QObject {
    Q_OBJECT

private slots:
    void shippedProfilesLoad()
    {
        auto all = app::loadProfiles();
        QVERIFY2(all, all ? "" : all.error().message.c_str());
        QStringList names;
        for (const auto& p : *all)
            names << QString::fromStdString(p.name);
        for (const char* n : {"litert-cpu", "tflite-micro", "edgetpu", "npu-per-tensor", "mcu-256k"})
            QVERIFY2(names.contains(QLatin1String(n)), n);
        QVERIFY(!app::findProfile(QStringLiteral("no-such-target")));
        QVERIFY(app::findProfile(QStringLiteral("no-such-target")).error().message.find("edgetpu") != std::string::npos);
    }

    void aProfileFileOfYourOwnIsReadAndCheckedForMistakes()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("board.json"));
        QFile f(good);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"name": "board", "title": "My board", "operators_from": "tflite-micro", "tensor_arena": "tflite-micro",
                    "ram_kb": 64, "flash_kb": 256})");
        f.close();
        auto p = app::findProfile(good);
        QVERIFY2(p, p ? "" : p.error().message.c_str());
        QCOMPARE(p->ramBytes, std::int64_t{64 * 1024});
        QVERIFY(!p->operators.empty()); // tflite-micro's
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write(R"({"name": "bad", "activation_types": ["int9"]})");
        b.close();
        auto e = app::findProfile(bad);
        QVERIFY(!e);
        QVERIFY(e.error().message.find("int9") != std::string::npos);
        QVERIFY(e.error().message.find("bad.json") != std::string::npos);
    }

    void liteRtRunsEverythingAndNamesWhatLeavesXnnpack()
    {
        const auto c = checkOn("vww_mobilenet_v1_025_96_int8.tflite", QStringLiteral("litert-cpu")).result;
        QVERIFY(c.runs());
        QVERIFY(!has(c, target::Impact::Blocks, "operator"));
    }

    void edgeTpuRefusesAFloatModelAndTakesAnInt8One()
    {
        const auto f = checkOn("vww_mobilenet_v1_025_96_float32.tflite", QStringLiteral("edgetpu")).result;
        QVERIFY(!f.runs());
        QVERIFY(has(f, target::Impact::Blocks, "quantized"));
        const auto q = checkOn("vww_mobilenet_v1_025_96_int8.tflite", QStringLiteral("edgetpu")).result;
        QVERIFY2(q.runs(), q.findings.empty() ? "" : q.findings.front().message.c_str());
        QCOMPARE(q.cutAt, -1); // every operator on the Edge TPU
    }

    void perTensorNpusRefusePerChannelWeights()
    {
        const auto c = checkOn("vww_mobilenet_v1_025_96_int8.tflite", QStringLiteral("npu-per-tensor")).result;
        QVERIFY(has(c, target::Impact::FallsBack, "per-tensor") || has(c, target::Impact::Blocks, "per-tensor"));
        const auto mn = checkOn("mobilenet_v1_025_224_uint8.tflite", QStringLiteral("npu-per-tensor")).result;
        QVERIFY(!has(mn, target::Impact::FallsBack, "per-tensor") && !has(mn, target::Impact::Blocks, "per-tensor"));
    }

    void aMicrocontrollerSaysWhetherTheModelFits()
    {
        // 256 KB of RAM, 1 MB of flash: vww int8 fits (103,392 bytes of arena), MobileNet v2 does not.
        const auto small = checkOn("vww_mobilenet_v1_025_96_int8.tflite", QStringLiteral("mcu-256k")).result;
        QCOMPARE(small.ramBytes, std::int64_t{103392});
        QVERIFY(!has(small, target::Impact::Blocks, "ram") && !has(small, target::Impact::Blocks, "flash"));
        const auto big = checkOn("mobilenet_v2_100_224_int8_uint8io.tflite", QStringLiteral("mcu-256k")).result;
        QCOMPARE(big.ramBytes, std::int64_t{1665536});
        QVERIFY(has(big, target::Impact::Blocks, "ram"));
        QVERIFY(has(big, target::Impact::Blocks, "flash"));
        QVERIFY(!big.runs());
    }
};

QTEST_GUILESS_MAIN(TargetTest)
#include "target_test.moc"
