// SPDX-License-Identifier: MIT
// Coral's PosenetDecoderOp (engine/exec/custom/posenet_decoder.cpp): where it puts each keypoint and
// what it refuses. LiteRT does not register it, so there is no runtime to compare with: the one-operator
// cases are built by hand, with expectations derived from the published kernel (see the file comment of
// the operator), and the shipped PoseNet model is run end to end and checked for consistency with its
// own heatmaps. Which poses it keeps, and in what order: posenet_selection_test.cpp.
#include "common/model_facts.h"
#include "exec/custom_op_run.h"
#include "exec/interpreter.h"
#include "exec/posenet_scene.h"
#include "model/reader.h"

#include <flatbuffers/flexbuffers.h>

#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

using namespace ql;
using namespace ql::test;
using namespace ql::test::posenet;
using DT = model::DType;

class PosenetDecoderTest : public QObject {
    Q_OBJECT

private slots:
    // One person, keypoint k at (2 + k / 4, 2 + k % 4), no short offsets: every keypoint decoded where
    // it is, positions times the stride, probabilities the sigmoids of the logits, one pose.
    void posenetSinglePerson()
    {
        Scene s(9, 8, -10.0f);
        const auto cells = box({2, 2});
        s.person(cells, logits(4.0f, 3.0f), 16.0f);
        PoseOptions o;
        for (const bool quantized : {false, true}) {
            const Poses p = runPosenet(s, o, quantized);
            QVERIFY2(p.error.empty(), p.error.c_str());
            COMPARE_EXACT(p.count, 1.0f);
            std::vector<float> probabilities;
            for (int k = 0; k < K; ++k) {
                const auto u = static_cast<std::size_t>(k);
                COMPARE_EXACT(p.y(0, k), static_cast<float>(cells[u].y * 16));
                COMPARE_EXACT(p.x(0, k), static_cast<float>(cells[u].x * 16));
                const float expected = sigmoid(k == 0 ? 4.0f : 3.0f);
                COMPARE_EXACT(p.score(0, k), expected);
                probabilities.push_back(expected);
            }
            COMPARE_EXACT(p.poseScores[0], meanDecreasing(probabilities));
            QVERIFY(tailIsZero(p, o.maxDetections));
        }
    }

    // Stride 3: offsets scale by the float 1/3, so the left eye lands between cells; its score is the
    // bilinear sample there. uint8 inputs that dequantize to the same values give the same bits.
    void posenetFractionalOffsetsAndStride()
    {
        Scene s(6, 10, -10.0f);
        const Cell nose{2, 2};
        s.logit(nose, 0) = 4.0f;
        s.logit({2, 4}, 1) = 3.0f; // the left eye's own peak
        s.mid(nose, 16) = 7.0f; // edge 0 (nose -> left eye): dx of 7 pixels, 7/3 cells
        PoseOptions o;
        o.stride = 3;
        o.nmsRadius = 3.0f; // one cell: the left eye's own root falls within it
        o.scoreThreshold = 0.05f;
        const float third = static_cast<float>(1.0 / 3);
        const float eyeX = 2.0f + 7.0f * third;
        QVERIFY(eyeX != std::floor(eyeX));
        const float eyeLogit = bilinear(s.heat, s.W, K, 2.0f, eyeX, 1);
        const float earLogit = bilinear(s.heat, s.W, K, 2.0f, eyeX, 3);
        const Poses f = runPosenet(s, o, false);
        QVERIFY2(f.error.empty(), f.error.c_str());
        COMPARE_EXACT(f.count, 1.0f);
        std::vector<float> probabilities;
        for (int k = 0; k < K; ++k) {
            // Left eye and ear (reached from the eye through zero offsets) sit at the eye's point.
            const bool atEye = k == 1 || k == 3;
            COMPARE_EXACT(f.y(0, k), 6.0f);
            COMPARE_EXACT(f.x(0, k), atEye ? eyeX * 3.0f : 6.0f);
            const float expected = sigmoid(k == 0 ? 4.0f : (k == 1 ? eyeLogit : (k == 3 ? earLogit : -10.0f)));
            COMPARE_EXACT(f.score(0, k), expected);
            probabilities.push_back(expected);
        }
        COMPARE_EXACT(f.poseScores[0], meanDecreasing(probabilities));
        const Poses q = runPosenet(s, o, true);
        QVERIFY2(q.error.empty(), q.error.c_str());
        QVERIFY(q.count == f.count && q.keypoints == f.keypoints && q.keypointScores == f.keypointScores &&
            q.poseScores == f.poseScores);
    }

    // After the mid offsets, five refinement steps by the target's own short offsets, sampled where
    // the point is each time: constant (+0.5, -0.25) cells move the left eye by (+2.5, -1.25).
    void posenetRefinementSteps()
    {
        Scene s(6, 6, -10.0f);
        const Cell nose{1, 1};
        s.logit(nose, 0) = 4.0f;
        s.logit({1, 3}, 1) = 3.0f;
        s.mid(nose, 16) = 32.0f; // edge 0: two cells right, to (1, 3)
        for (int y = 0; y < s.H; ++y)
            for (int x = 0; x < s.W; ++x) {
                s.shortDy({y, x}, 1) = 8.0f;
                s.shortDx({y, x}, 1) = -4.0f;
            }
        PoseOptions o;
        o.scoreThreshold = 0.05f;
        o.nmsRadius = 64.0f; // the eye's own root (at (1.5, 2.75)) is within four cells
        const Poses p = runPosenet(s, o);
        QVERIFY2(p.error.empty(), p.error.c_str());
        QVERIFY2(p.count == 1.0f, describe(p).c_str());
        COMPARE_EXACT(p.y(0, 1), 3.5f * 16.0f);
        COMPARE_EXACT(p.x(0, 1), 1.75f * 16.0f);
        COMPARE_EXACT(p.score(0, 1), sigmoid(bilinear(s.heat, s.W, K, 3.5f, 1.75f, 1)));
        COMPARE_EXACT(p.y(0, 3), 3.5f * 16.0f); // the ear, reached from the eye through zero offsets
        COMPARE_EXACT(p.x(0, 3), 1.75f * 16.0f);
    }

    // Offsets that leave the grid are clamped: the root's short offsets, the mid offsets, and the
    // refinement. On the last row and column the bilinear weight of the missing neighbour is 0.
    void posenetClamping()
    {
        Scene s(5, 6, -10.0f);
        const Cell nose{0, 0};
        s.logit(nose, 0) = 4.0f;
        s.shortDy(nose, 0) = -48.0f; // 3 cells up and left: clamped to (0, 0)
        s.shortDx(nose, 0) = -48.0f;
        s.mid(nose, 0) = 160.0f; // edge 0 to the left eye: (10, 10) cells away, clamped to (4, 5)
        s.mid(nose, 16) = 160.0f;
        s.logit({4, 5}, 1) = 3.0f;
        s.shortDx({4, 5}, 1) = 32.0f; // the refinement pushes right again: clamped
        s.mid(nose, 2) = 160.0f; // edge 2 to the right eye: (10, 0.5) cells, clamped to (4, 0.5)
        s.mid(nose, 18) = 8.0f;
        s.logit({4, 0}, 2) = 2.0f;
        PoseOptions o;
        o.scoreThreshold = 0.1f;
        const Poses p = runPosenet(s, o);
        QVERIFY2(p.error.empty(), p.error.c_str());
        QVERIFY2(p.count == 1.0f, describe(p).c_str());
        const float rightEye = bilinear(s.heat, s.W, K, 4.0f, 0.5f, 2);
        COMPARE_EXACT(rightEye, -4.0f); // half of 2 and half of -10 on the last row
        std::vector<float> probabilities;
        for (int k = 0; k < K; ++k) {
            float y = 0, x = 0, logit = -10.0f;
            if (k == 0) {
                logit = 4.0f;
            } else if (k == 1 || k == 3) { // the left eye and its ear, in the bottom-right corner
                y = 64.0f;
                x = 80.0f;
                logit = k == 1 ? 3.0f : -10.0f;
            } else if (k == 2 || k == 4) { // the right eye and its ear, on the last row
                y = 64.0f;
                x = 8.0f;
                logit = k == 2 ? rightEye : -10.0f;
            }
            COMPARE_EXACT(p.y(0, k), y);
            COMPARE_EXACT(p.x(0, k), x);
            COMPARE_EXACT(p.score(0, k), sigmoid(logit));
            probabilities.push_back(sigmoid(logit));
        }
        COMPARE_EXACT(p.poseScores[0], meanDecreasing(probabilities));
    }

    // Backward edge 16 (left eye -> nose), the version choice: edgetpu (which QuantLens follows)
    // reads dy from channel 16 and dx from channel 32; libcoral would read channels 32 and 48.
    void posenetEdge16Channels()
    {
        Scene s(8, 8, -10.0f);
        const Cell eye{4, 6}, ear{3, 7};
        s.logit(eye, 1) = 5.0f;
        s.logit(ear, 3) = 3.0f;
        s.mid(eye, 1) = -16.0f; // edge 1, eye -> ear: (-1, +1) cell
        s.mid(eye, 17) = 16.0f;
        s.mid(eye, 32) = -16.0f; // edge 16's own offsets: the nose at (3, 5), one cell up and left
        s.mid(eye, 48) = -16.0f;
        s.mid(eye, 16) = 32.0f; // channel 16 (edge 0's forward dx), which edgetpu reads as dy
        PoseOptions o;
        o.scoreThreshold = 0.1f;
        const Poses p = runPosenet(s, o);
        QVERIFY2(p.error.empty(), p.error.c_str());
        QVERIFY2(p.count == 1.0f, describe(p).c_str());
        COMPARE_EXACT(p.y(0, 1), 64.0f);
        COMPARE_EXACT(p.x(0, 1), 96.0f);
        COMPARE_EXACT(p.y(0, 3), 48.0f);
        COMPARE_EXACT(p.x(0, 3), 112.0f);
        // edgetpu: (4 + 2, 6 - 1) = (6, 5); libcoral's (3, 5) would be (48, 80).
        COMPARE_EXACT(p.y(0, 0), 96.0f);
        COMPARE_EXACT(p.x(0, 0), 80.0f);
        COMPARE_EXACT(p.score(0, 0), sigmoid(-10.0f));
    }

    // Float inputs holding NaN and infinities: no crash, a count within bounds.
    void posenetHostileValues()
    {
        Scene s(6, 7, -10.0f);
        s.person(box({1, 1}), logits(4.0f, 3.0f), 16.0f);
        const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
        std::mt19937 rng(7);
        for (auto* v : {&s.heat, &s.shorts, &s.mids})
            for (float& x : *v) {
                const unsigned r = rng() % 16;
                x = r == 0 ? nan : (r == 1 ? inf : (r == 2 ? -inf : x));
            }
        PoseOptions o;
        o.scoreThreshold = 0.0f;
        const Poses p = runPosenet(s, o);
        QVERIFY2(p.error.empty(), p.error.c_str());
        QVERIFY(p.count >= 0 && p.count <= static_cast<float>(o.maxDetections));
    }

    void posenetRefusals_data()
    {
        QTest::addColumn<int>("variant");
        QTest::addColumn<QString>("message");
        QTest::newRow("options not a FlexBuffer") << 0 << "FlexBuffer";
        QTest::newRow("stride missing") << 1 << "stride";
        QTest::newRow("max_detections 0") << 2 << "max_detections";
        QTest::newRow("max_detections huge") << 3 << "max_detections";
        QTest::newRow("int8 heatmaps") << 4 << "uint8 or float32";
        QTest::newRow("16 heatmap channels") << 5 << "17";
        QTest::newRow("grids differ") << 6 << "same grid";
        QTest::newRow("two inputs") << 7 << "inputs";
        QTest::newRow("int32 output") << 8 << "float32";
        QTest::newRow("batch 2") << 9 << "[1, height, width";
        QTest::newRow("options a vector") << 10 << "map";
    }

    void posenetRefusals()
    {
        QFETCH(int, variant);
        QFETCH(QString, message);
        PoseOptions o;
        std::vector<std::uint8_t> options = poseOptionBytes(o);
        if (variant == 0)
            options = {1, 2, 3, 4, 5};
        if (variant == 1 || variant == 2 || variant == 3) {
            flexbuffers::Builder fbb;
            fbb.Map([&] {
                fbb.Int("max_detections", variant == 2 ? 0 : (variant == 3 ? 1 << 20 : 10));
                fbb.Float("score_threshold", 0.2f);
                if (variant != 1)
                    fbb.Int("stride", 16);
            });
            fbb.Finish();
            options = fbb.GetBuffer();
        }
        if (variant == 10) {
            flexbuffers::Builder fbb;
            fbb.Vector([&] { fbb.Int(16); });
            fbb.Finish();
            options = fbb.GetBuffer();
        }
        const int H = 4, W = 5;
        std::vector<test::TensorSpec> in = {spec({variant == 9 ? 2 : 1, H, W, variant == 5 ? 16 : K},
                                                variant == 4 ? DT::Int8 : DT::Float32, variant == 4 ? 0.1f : 0.0f),
            spec({1, H, variant == 6 ? W + 1 : W, 2 * K}, DT::Float32), spec({1, H, W, 64}, DT::Float32)};
        if (variant == 7)
            in.pop_back();
        std::vector<std::vector<std::uint8_t>> feeds;
        for (const auto& t : in) {
            std::int64_t n = 1;
            for (auto d : t.shape)
                n *= d;
            feeds.emplace_back(static_cast<std::size_t>(n * (t.dtype == DT::Float32 ? 4 : 1)), 0);
        }
        const std::vector<test::TensorSpec> out = {spec({1, 10, K, 2}, DT::Float32), spec({1, 10, K}, DT::Float32),
            spec({1, 10}, variant == 8 ? DT::Int32 : DT::Float32), spec({1}, DT::Float32)};
        const Run r = runOp(custom("PosenetDecoderOp", options), in, feeds, out);
        QVERIFY2(!r.error.empty(), "QuantLens ran a decoder it must refuse");
        QVERIFY2(r.error.find(message.toStdString()) != std::string::npos, r.error.c_str());
    }

    // PoseNet end to end. The network finds no person in a synthetic image (its heatmaps stay below
    // the 0.2 threshold), so the shipped options are checked on such an image for a clean empty
    // result, and the decoder is then rerun with its threshold lowered to 0.002 on seeded noise,
    // where it decodes several poses from the network's real heatmaps and offsets. Every written pose
    // is checked against the heatmaps the network computed: keypoints inside the image (the grid's
    // range times 16), each probability the sigmoid of the heatmap sampled where the keypoint is,
    // pose scores in [threshold, 1] and decreasing, the first one the plain mean of its keypoints
    // (no better pose to discount it against), the others at most theirs.
    void posenetModel()
    {
        auto g = model::readTflite(test::modelPath("wild/posenet_mnv1_075_353x481_uint8.tflite"));
        QVERIFY2(g.ok(), g.ok() ? "" : g.error().message.c_str());
        const model::Graph shipped = std::move(g.value());
        const model::Operator* op = findCustom(shipped, "PosenetDecoderOp");
        QVERIFY(op);
        const auto options = flexbuffers::GetRoot(op->customOptions.data(), op->customOptions.size()).AsMap();
        QCOMPARE(options["max_detections"].AsInt32(), 10);
        COMPARE_EXACT(options["score_threshold"].AsFloat(), 0.2f);
        COMPARE_EXACT(options["nms_radius"].AsFloat(), 10.0f);
        QCOMPARE(options["stride"].AsInt32(), 16);

        const int H = 353, W = 481;
        // A light figure on a dark background, with a seeded noise texture.
        std::vector<std::uint8_t> figure(static_cast<std::size_t>(H * W * 3));
        std::mt19937 rng(5);
        for (int y = 0; y < H; ++y)
            for (int x = 0; x < W; ++x) {
                const int dx = x - W / 2, dy = y - H / 3;
                const bool head = dx * dx + dy * dy < 30 * 30;
                const bool body = std::abs(dx) < 25 && y > H / 3 + 25 && y < H - 40;
                const bool arms = std::abs(y - (H / 3 + 60)) < 10 && std::abs(dx) < 120;
                const bool legs = y > H - 120 && std::abs(std::abs(dx) - 30) < 12;
                const int base = head || body || arms || legs ? 200 : 40;
                for (int ch = 0; ch < 3; ++ch)
                    figure[static_cast<std::size_t>((y * W + x) * 3 + ch)] =
                        static_cast<std::uint8_t>(std::clamp(base + static_cast<int>(rng() % 41) - 20, 0, 255));
            }
        std::vector<std::uint8_t> noise(static_cast<std::size_t>(H * W * 3));
        for (auto& v : noise)
            v = static_cast<std::uint8_t>(rng() % 256);

        for (const bool lowered : {false, true}) {
            auto graph = std::make_shared<model::Graph>(shipped);
            PoseOptions o;
            o.maxDetections = 10;
            o.nmsRadius = 10.0f;
            o.scoreThreshold = lowered ? 0.002f : 0.2f;
            for (auto& decoder : graph->subgraphs[0].operators)
                if (lowered && graph->opcodes[decoder.opcodeIndex].customCode == "PosenetDecoderOp")
                    decoder.customOptions = poseOptionBytes(o);
            exec::InterpreterOptions opts;
            opts.keepIntermediates = true;
            auto it = exec::Interpreter::create(graph, opts);
            QVERIFY2(it.ok(), it.ok() ? "" : it.error().message.c_str());
            auto& interp = **it;
            QCOMPARE(interp.output(3).shape, std::vector<std::int32_t>{1});
            auto st = interp.setInput(0, DT::UInt8, lowered ? noise : figure);
            QVERIFY2(st.ok(), st.ok() ? "" : st.error().message.c_str());
            st = interp.invoke();
            QVERIFY2(st.ok(), st.ok() ? "" : st.error().message.c_str());

            const exec::RtTensor& heatT = interp.tensor(findCustom(*graph, "PosenetDecoderOp")->inputs[0]);
            QCOMPARE(heatT.dtype, DT::UInt8);
            const int gh = heatT.dim(1), gw = heatT.dim(2);
            QCOMPARE(gh, 23);
            QCOMPARE(gw, 31);
            std::vector<float> heat(static_cast<std::size_t>(heatT.count()));
            for (std::size_t i = 0; i < heat.size(); ++i)
                heat[i] = (static_cast<float>(heatT.data[i]) - static_cast<float>(heatT.zeroPoint())) * heatT.scale();
            Poses p;
            p.keypoints = floatsOf(interp.output(0));
            p.keypointScores = floatsOf(interp.output(1));
            p.poseScores = floatsOf(interp.output(2));
            p.count = interp.output(3).as<float>()[0];
            const int n = static_cast<int>(p.count);
            COMPARE_EXACT(static_cast<float>(n), p.count);
            QVERIFY2(n >= (lowered ? 2 : 0) && n <= 10, describe(p).c_str());
            for (int d = 0; d < n; ++d) {
                const float score = p.poseScores[static_cast<std::size_t>(d)];
                QVERIFY(score >= o.scoreThreshold && score <= 1.0f);
                if (d > 0)
                    QVERIFY(score <= p.poseScores[static_cast<std::size_t>(d - 1)]);
                std::vector<float> probabilities;
                for (int k = 0; k < K; ++k) {
                    const float y = p.y(d, k), x = p.x(d, k);
                    QVERIFY2(y >= 0 && y <= 16.0f * static_cast<float>(gh - 1) && x >= 0 &&
                            x <= 16.0f * static_cast<float>(gw - 1),
                        describe(p).c_str());
                    const float probability = p.score(d, k);
                    QVERIFY(probability >= 0.0f && probability <= 1.0f);
                    COMPARE_EXACT(probability, sigmoid(bilinear(heat, gw, K, y / 16.0f, x / 16.0f, k)));
                    probabilities.push_back(probability);
                }
                if (d == 0)
                    COMPARE_EXACT(score, meanDecreasing(probabilities));
                else
                    QVERIFY(score <= meanDecreasing(probabilities));
            }
            QVERIFY(tailIsZero(p, 10));
        }
    }
};

QTEST_GUILESS_MAIN(PosenetDecoderTest)
#include "posenet_decoder_test.moc"
