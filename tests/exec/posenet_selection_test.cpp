// SPDX-License-Identifier: MIT
// Coral's PosenetDecoderOp (engine/exec/custom/posenet_decoder.cpp): which poses it keeps and in what
// order. Root candidates against the score threshold, the NMS radius, the soft NMS that rescores a pose
// against the ones before it, max_detections, and the tie orders of libstdc++ that the decoder
// reproduces. One-operator cases built by hand, as in posenet_decoder_test.cpp.
#include "exec/custom_op_run.h"
#include "exec/posenet_scene.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <queue>
#include <vector>

using namespace ql;
using namespace ql::test;
using namespace ql::test::posenet;

namespace {

// Where libstdc++'s std::priority_queue pops n equal keys pushed as 0..n-1, and where its std::sort
// puts n equal keys: the tie orders the decoder reproduces (Coral built it with GCC). Computed with
// the real library when this test is built against libstdc++.
struct AlwaysEqual {
    bool operator()(int, int) const { return false; }
};

std::vector<int> libstdcxxPopOrder(int n)
{
    std::priority_queue<int, std::vector<int>, AlwaysEqual> q;
    for (int i = 0; i < n; ++i)
        q.push(i);
    std::vector<int> order;
    while (!q.empty()) {
        order.push_back(q.top());
        q.pop();
    }
    return order;
}

std::vector<int> libstdcxxSortOrder(int n)
{
    const std::vector<float> scores(static_cast<std::size_t>(n), 0.5f);
    std::vector<int> idx(static_cast<std::size_t>(n));
    std::iota(idx.begin(), idx.end(), 0);
    std::sort(idx.begin(), idx.end(),
        [&](int a, int b) { return scores[static_cast<std::size_t>(a)] > scores[static_cast<std::size_t>(b)]; });
    return idx;
}

} // namespace

class PosenetSelectionTest : public QObject {
    Q_OBJECT

private slots:
    // A second nose peak exactly two cells from the first: with an NMS radius of exactly two cells
    // (32 pixels at stride 16) its root is rejected (distance <= radius); just inside, it makes a
    // second, weak pose.
    void posenetNmsRadiusEdge()
    {
        Scene s(7, 8, -10.0f);
        s.person(box({1, 3}), logits(4.0f, 3.0f), 16.0f);
        s.logit({1, 1}, 0) = 3.5f;
        PoseOptions o;
        o.scoreThreshold = 0.05f;
        o.nmsRadius = 32.0f;
        Poses p = runPosenet(s, o);
        QVERIFY2(p.error.empty(), p.error.c_str());
        COMPARE_EXACT(p.count, 1.0f);
        o.nmsRadius = 31.0f;
        p = runPosenet(s, o);
        QVERIFY2(p.error.empty(), p.error.c_str());
        QVERIFY2(p.count == 2.0f, describe(p).c_str());
        COMPARE_EXACT(p.y(0, 0), 16.0f);
        COMPARE_EXACT(p.x(0, 0), 48.0f);
        std::vector<float> weak(16, sigmoid(-10.0f));
        weak.push_back(sigmoid(3.5f));
        for (int k = 0; k < K; ++k) { // the weak pose collapses onto its root: no mid offsets there
            COMPARE_EXACT(p.y(1, k), 16.0f);
            COMPARE_EXACT(p.x(1, k), 16.0f);
        }
        COMPARE_EXACT(p.poseScores[1], meanDecreasing(weak));
        QVERIFY(tailIsZero(p, o.maxDetections));
    }

    // A 3x3 plateau of equal nose logits: every cell is a local maximum (the test is strict). With
    // NMS radius 0 each gives a pose; the scores are equal, so the output order is the root queue's
    // pop order for equal keys, libstdc++'s, kept by the (stable, for up to 16) sort.
    void posenetPlateauAndQueueTieOrder()
    {
        Scene s(7, 7, -10.0f);
        for (int y = 2; y <= 4; ++y)
            for (int x = 2; x <= 4; ++x)
                s.logit({y, x}, 0) = 4.0f;
        PoseOptions o;
        o.maxDetections = 10;
        o.nmsRadius = 0.0f;
        o.scoreThreshold = 0.05f;
        const Poses p = runPosenet(s, o);
        QVERIFY2(p.error.empty(), p.error.c_str());
        COMPARE_EXACT(p.count, 9.0f);
        // libstdc++'s order for 9 equal keys (libc++ would start 0, 1, ...).
        const std::vector<int> order = {0, 2, 6, 8, 5, 7, 4, 1, 3};
#if defined(__GLIBCXX__)
        QCOMPARE(libstdcxxPopOrder(9), order);
#endif
        const float score = meanDecreasing([] {
            std::vector<float> v(16, sigmoid(-10.0f));
            v.push_back(sigmoid(4.0f));
            return v;
        }());
        for (int d = 0; d < 9; ++d) {
            const int cell = order[static_cast<std::size_t>(d)];
            COMPARE_EXACT(p.y(d, 0), static_cast<float>((2 + cell / 3) * 16));
            COMPARE_EXACT(p.x(d, 0), static_cast<float>((2 + cell % 3) * 16));
            COMPARE_EXACT(p.poseScores[static_cast<std::size_t>(d)], score);
        }
        QVERIFY(tailIsZero(p, o.maxDetections));
    }

    // More than 16 poses of equal score: libstdc++'s std::sort is then an introsort, whose tie
    // order the output follows (twice sorted: before and after the soft NMS).
    void posenetSortTieOrderBeyondSixteen()
    {
#if !defined(__GLIBCXX__)
        QSKIP("the expected order is computed with libstdc++");
#else
        Scene s(9, 9, -10.0f);
        for (int y = 2; y <= 6; ++y)
            for (int x = 2; x <= 6; ++x)
                s.logit({y, x}, 0) = 4.0f;
        PoseOptions o;
        o.maxDetections = 20;
        o.nmsRadius = 0.0f;
        o.scoreThreshold = 0.05f;
        const Poses p = runPosenet(s, o);
        QVERIFY2(p.error.empty(), p.error.c_str());
        COMPARE_EXACT(p.count, 20.0f);
        const std::vector<int> pops = libstdcxxPopOrder(25);
        const std::vector<int> sorted = libstdcxxSortOrder(20);
        std::vector<int> identity(20);
        std::iota(identity.begin(), identity.end(), 0);
        QVERIFY(sorted != identity); // so that the case tests something
        for (int d = 0; d < 20; ++d) {
            const int cell = pops[static_cast<std::size_t>(sorted[static_cast<std::size_t>(d)])];
            COMPARE_EXACT(p.y(d, 0), static_cast<float>((2 + cell / 5) * 16));
            COMPARE_EXACT(p.x(d, 0), static_cast<float>((2 + cell % 5) * 16));
        }
#endif
    }

    // A logit exactly at the threshold's logit is a root candidate (>=); one float below is not.
    void posenetThresholdEquality()
    {
        PoseOptions o;
        o.scoreThreshold = 0.5f;
        const auto threshold =
            static_cast<float>(-std::log(1.0 / (static_cast<double>(o.scoreThreshold) + 1e-6) - 1.0));
        // All 17 keypoints in one cell at exactly that logit: the pose's score is just above 0.5.
        const float probability = sigmoid(threshold);
        QVERIFY(meanDecreasing(std::vector<float>(K, probability)) >= o.scoreThreshold);
        for (const bool below : {false, true}) {
            Scene s(3, 3, -10.0f);
            for (int k = 0; k < K; ++k)
                s.logit({1, 1}, k) = below ? std::nextafter(threshold, -1.0f) : threshold;
            const Poses p = runPosenet(s, o);
            QVERIFY2(p.error.empty(), p.error.c_str());
            COMPARE_EXACT(p.count, below ? 0.0f : 1.0f);
            if (!below) {
                COMPARE_EXACT(p.score(0, 5), probability);
                COMPARE_EXACT(p.poseScores[0], meanDecreasing(std::vector<float>(K, probability)));
            }
            QVERIFY(tailIsZero(p, o.maxDetections));
        }
    }

    // Roots in order: person A's nose (6), a lone nose whose pose scores below the threshold (5),
    // person B's nose (4). The weak pose does not take a slot, so with max_detections 2 both
    // persons come out; with 1, only A.
    void posenetMaxDetectionsAndRejectedPose()
    {
        Scene s(12, 16, -10.0f);
        s.person(box({1, 1}), logits(6.0f, 3.0f), 16.0f);
        s.person(box({1, 9}), logits(4.0f, 3.0f), 16.0f);
        s.logit({9, 5}, 0) = 5.0f;
        const std::vector<float> a = [] {
            std::vector<float> v(16, sigmoid(3.0f));
            v.push_back(sigmoid(6.0f));
            return v;
        }();
        const std::vector<float> b = [] {
            std::vector<float> v(16, sigmoid(3.0f));
            v.push_back(sigmoid(4.0f));
            return v;
        }();
        PoseOptions o;
        o.maxDetections = 2;
        Poses p = runPosenet(s, o);
        QVERIFY2(p.error.empty(), p.error.c_str());
        QVERIFY2(p.count == 2.0f, describe(p).c_str());
        COMPARE_EXACT(p.x(0, 0), 16.0f);
        COMPARE_EXACT(p.x(1, 0), 144.0f);
        COMPARE_EXACT(p.poseScores[0], meanDecreasing(a));
        COMPARE_EXACT(p.poseScores[1], meanDecreasing(b));
        o.maxDetections = 1;
        p = runPosenet(s, o);
        QVERIFY2(p.error.empty(), p.error.c_str());
        COMPARE_EXACT(p.count, 1.0f);
        COMPARE_EXACT(p.x(0, 0), 16.0f);
    }

    // Pose B has its own nose but reaches person A's other 16 keypoints through its mid offsets. It
    // passes the root NMS and scores high, but the soft NMS discounts the 16 keypoints A already has,
    // which drops it below the threshold: it is not written.
    void posenetSoftNmsRescoring()
    {
        Scene s(12, 12, -10.0f);
        const auto cells = box({1, 1});
        s.person(cells, logits(6.0f, 3.0f), 16.0f);
        const Cell bNose{9, 9};
        s.logit(bNose, 0) = 5.0f;
        for (int e : {0, 2, 4, 10}) { // the nose's edges lead to A's eyes and shoulders
            const Cell c = cells[static_cast<std::size_t>(kForward[static_cast<std::size_t>(e)][1])];
            s.mid(bNose, e) = static_cast<float>(c.y - bNose.y) * 16.0f;
            s.mid(bNose, 16 + e) = static_cast<float>(c.x - bNose.x) * 16.0f;
        }
        PoseOptions o;
        const Poses p = runPosenet(s, o);
        QVERIFY2(p.error.empty(), p.error.c_str());
        QVERIFY2(p.count == 1.0f, describe(p).c_str());
        COMPARE_EXACT(p.x(0, 0), 16.0f);
        std::vector<float> a(16, sigmoid(3.0f));
        a.push_back(sigmoid(6.0f));
        COMPARE_EXACT(p.poseScores[0], meanDecreasing(a));
        // B alone would have passed: its score before the soft NMS.
        std::vector<float> b(16, sigmoid(3.0f));
        b.push_back(sigmoid(5.0f));
        QVERIFY(meanDecreasing(b) >= o.scoreThreshold);
        QVERIFY(meanDecreasing({sigmoid(5.0f)}) < o.scoreThreshold);
        QVERIFY(tailIsZero(p, o.maxDetections));
    }
};

QTEST_GUILESS_MAIN(PosenetSelectionTest)
#include "posenet_selection_test.moc"
