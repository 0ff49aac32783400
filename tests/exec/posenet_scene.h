// SPDX-License-Identifier: MIT
// The PosenetDecoderOp tests' inputs and expectations (posenet_decoder_test.cpp, posenet_selection_test.cpp):
// a scene of heatmaps and offsets built by hand, the decoder run on it, its poses read back, and the
// formulas of the published kernel (sigmoid, bilinear sample, pose score) to check them with.
#pragma once

#include "exec/custom_op_run.h"

#include <flatbuffers/flexbuffers.h>

#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

// Floats compared bit for bit (QCOMPARE on floats is fuzzy); the decoder's arithmetic is exact to
// the formulas it follows.
#define COMPARE_EXACT(actual, expected)                                                                                \
    do {                                                                                                               \
        const float a_ = (actual), e_ = (expected);                                                                    \
        QVERIFY2(a_ == e_,                                                                                             \
            qPrintable(QStringLiteral("%1 is %2, expected %3").arg(#actual).arg(a_, 0, 'g', 9).arg(e_, 0, 'g', 9)));   \
    } while (false)

namespace ql::test::posenet {

inline constexpr int K = 17;

struct Cell {
    int y, x;
};

// The 16 forward edges (parent, child) in the decoder's order; edge 16 + e is edge e reversed.
// clang-format off
inline constexpr std::array<std::array<int, 2>, 16> kForward = {{
    {0, 1}, {1, 3}, {0, 2}, {2, 4}, {0, 5}, {5, 7}, {7, 9}, {5, 11},
    {11, 13}, {13, 15}, {0, 6}, {6, 8}, {8, 10}, {6, 12}, {12, 14}, {14, 16},
}};
// clang-format on

// The decoder's three inputs as floats: heatmap logits, and offsets in input pixels (the operator
// divides them by the stride). Channel layout as the kernel reads it: short offsets dy of keypoint k
// in channel k, dx in 17 + k; mid offsets forward dy/dx of edge e in e / 16 + e, backward in 32 + e /
// 48 + e.
struct Scene {
    int H, W;
    std::vector<float> heat, shorts, mids;

    Scene(int h, int w, float background)
        : H(h)
        , W(w)
        , heat(static_cast<std::size_t>(h * w * K), background)
        , shorts(static_cast<std::size_t>(h * w * 2 * K), 0.0f)
        , mids(static_cast<std::size_t>(h * w * 64), 0.0f)
    {
    }
    std::size_t cell(Cell c) const { return static_cast<std::size_t>(c.y * W + c.x); }
    float& logit(Cell c, int k) { return heat[cell(c) * K + static_cast<std::size_t>(k)]; }
    float& shortDy(Cell c, int k) { return shorts[cell(c) * 2 * K + static_cast<std::size_t>(k)]; }
    float& shortDx(Cell c, int k) { return shorts[cell(c) * 2 * K + K + static_cast<std::size_t>(k)]; }
    float& mid(Cell c, int channel) { return mids[cell(c) * 64 + static_cast<std::size_t>(channel)]; }

    // A person: keypoint k at cells[k] with logit logits[k], and the mid offsets of every edge, in
    // both directions, pointing exactly from one keypoint to the other.
    void person(const std::array<Cell, K>& cells, const std::array<float, K>& logits, float stride)
    {
        for (int k = 0; k < K; ++k)
            logit(cells[static_cast<std::size_t>(k)], k) = logits[static_cast<std::size_t>(k)];
        for (int e = 0; e < 16; ++e) {
            const Cell p = cells[static_cast<std::size_t>(kForward[static_cast<std::size_t>(e)][0])];
            const Cell c = cells[static_cast<std::size_t>(kForward[static_cast<std::size_t>(e)][1])];
            mid(p, e) = static_cast<float>(c.y - p.y) * stride;
            mid(p, 16 + e) = static_cast<float>(c.x - p.x) * stride;
            mid(c, 32 + e) = static_cast<float>(p.y - c.y) * stride;
            mid(c, 48 + e) = static_cast<float>(p.x - c.x) * stride;
        }
    }
};

// Keypoint k of a person laid out in a 5x4 box: (origin.y + k / 4, origin.x + k % 4).
inline std::array<Cell, K> box(Cell origin)
{
    std::array<Cell, K> cells{};
    for (int k = 0; k < K; ++k)
        cells[static_cast<std::size_t>(k)] = {origin.y + k / 4, origin.x + k % 4};
    return cells;
}

inline std::array<float, K> logits(float nose, float others)
{
    std::array<float, K> l{};
    l.fill(others);
    l[0] = nose;
    return l;
}

struct PoseOptions {
    int maxDetections = 3;
    float scoreThreshold = 0.2f;
    float nmsRadius = 16;
    int stride = 16;
};

inline std::vector<std::uint8_t> poseOptionBytes(const PoseOptions& o)
{
    flexbuffers::Builder fbb;
    fbb.Map([&] {
        fbb.Int("max_detections", o.maxDetections);
        fbb.Float("score_threshold", o.scoreThreshold);
        fbb.Float("nms_radius", o.nmsRadius);
        fbb.Int("stride", o.stride);
        // Written by the converter and ignored by the kernel.
        fbb.Bool("_output_quantized", true);
        fbb.Bool("_support_output_type_float_in_quantized_op", true);
    });
    fbb.Finish();
    return fbb.GetBuffer();
}

struct Poses {
    std::string error;
    std::vector<float> keypoints, keypointScores, poseScores;
    float count = -1;

    float y(int pose, int k) const { return keypoints[static_cast<std::size_t>((pose * K + k) * 2)]; }
    float x(int pose, int k) const { return keypoints[static_cast<std::size_t>((pose * K + k) * 2 + 1)]; }
    float score(int pose, int k) const { return keypointScores[static_cast<std::size_t>(pose * K + k)]; }
};

inline std::vector<float> floatsOf(const exec::RtTensor& t)
{
    return std::vector<float>(t.as<float>(), t.as<float>() + t.count());
}

inline Poses readPoses(const Run& r)
{
    Poses p;
    p.error = r.error;
    if (!r.error.empty())
        return p;
    p.keypoints = floatsOf(r.it->output(0));
    p.keypointScores = floatsOf(r.it->output(1));
    p.poseScores = floatsOf(r.it->output(2));
    p.count = r.it->output(3).count() == 1 ? r.it->output(3).as<float>()[0] : -2;
    return p;
}

// Runs the decoder on a scene: float inputs, or uint8 ones that dequantize to the same floats
// (heatmaps scale 0.5 zero point 128; offsets scale 1 zero point 128, i.e. whole pixels, so that
// (q - zp) * (1 * 1/stride) is the float path's value * 1/stride, product for product).
inline Poses runPosenet(const Scene& s, const PoseOptions& o, bool quantized = false)
{
    const int D = o.maxDetections;
    std::vector<test::TensorSpec> in;
    std::vector<std::vector<std::uint8_t>> feeds;
    const std::array<const std::vector<float>*, 3> values = {&s.heat, &s.shorts, &s.mids};
    const std::array<int, 3> channels = {K, 2 * K, 64};
    for (std::size_t i = 0; i < 3; ++i) {
        const std::vector<std::int32_t> shape = {1, s.H, s.W, channels[i]};
        if (!quantized) {
            in.push_back(spec(shape, model::DType::Float32));
            feeds.push_back(bytesOf(*values[i]));
            continue;
        }
        const float scale = i == 0 ? 0.5f : 1.0f;
        in.push_back(spec(shape, model::DType::UInt8, scale, 128));
        std::vector<std::uint8_t> q;
        for (const float v : *values[i]) {
            const float code = v / scale + 128.0f;
            if (code != std::round(code) || code < 0 || code > 255)
                qFatal("scene value %g is not a uint8 code at scale %g", static_cast<double>(v),
                    static_cast<double>(scale));
            q.push_back(static_cast<std::uint8_t>(code));
        }
        feeds.push_back(std::move(q));
    }
    // The count is declared [] as in the shipped model; the kernel makes it [1].
    const std::vector<test::TensorSpec> out = {spec({1, D, K, 2}, model::DType::Float32),
        spec({1, D, K}, model::DType::Float32), spec({1, D}, model::DType::Float32), spec({}, model::DType::Float32)};
    return readPoses(runOp(custom("PosenetDecoderOp", poseOptionBytes(o)), in, feeds, out));
}

inline float sigmoid(float x)
{
    return 1.0f / (1.0f + std::exp(-x));
}

// The pose score: keypoint probabilities added in decreasing order, divided by 17.
inline float meanDecreasing(std::vector<float> v)
{
    std::sort(v.begin(), v.end(), std::greater<float>());
    float total = 0.0f;
    for (const float x : v)
        total += x;
    return total / 17.0f;
}

// Bilinear sample of channel c of an [H, W, C] field at a point inside the grid (the decoder's
// formula: floor and ceiling, weights ly and lx, grouped as written).
inline float bilinear(const std::vector<float>& f, int W, int C, float y, float x, int c)
{
    const int y0 = static_cast<int>(std::floor(y)), y1 = static_cast<int>(std::ceil(y));
    const int x0 = static_cast<int>(std::floor(x)), x1 = static_cast<int>(std::ceil(x));
    const float ly = y - static_cast<float>(y0), lx = x - static_cast<float>(x0);
    auto at = [&](int yy, int xx) { return f[static_cast<std::size_t>((yy * W + xx) * C + c)]; };
    return (1.0f - ly) * ((1.0f - lx) * at(y0, x0) + lx * at(y0, x1)) +
        ly * ((1.0f - lx) * at(y1, x0) + lx * at(y1, x1));
}

// The slots past the count must be zero (the runtime leaves them unwritten).
inline bool tailIsZero(const Poses& p, int D)
{
    const int n = static_cast<int>(p.count);
    for (int d = n; d < D; ++d) {
        if (p.poseScores[static_cast<std::size_t>(d)] != 0.0f)
            return false;
        for (int k = 0; k < K; ++k)
            if (p.y(d, k) != 0.0f || p.x(d, k) != 0.0f || p.score(d, k) != 0.0f)
                return false;
    }
    return true;
}

inline std::string describe(const Poses& p)
{
    if (!p.error.empty())
        return p.error;
    std::string s = "count " + std::to_string(p.count) + ";";
    for (int d = 0; d < static_cast<int>(p.count); ++d) {
        s += " pose " + std::to_string(d) + " score " + std::to_string(p.poseScores[static_cast<std::size_t>(d)]) + ":";
        for (int k = 0; k < K; ++k)
            s += " (" + std::to_string(p.y(d, k)) + "," + std::to_string(p.x(d, k)) + ")";
    }
    return s;
}

} // namespace ql::test::posenet
