// SPDX-License-Identifier: MIT
// Coral's PosenetDecoderOp: multi-person pose decoding (PersonLab) from PoseNet's keypoint heatmaps
// (logits), short-range offsets (keypoint to its exact position) and mid-range offsets (along the 16
// skeleton edges, both directions). Root keypoints are local maxima of the heatmaps, taken best
// first; each root that is not near the same keypoint of an accepted pose grows a pose along the
// edges; poses are then rescored with keypoint-level soft non-maximum suppression.
//
// Which version. The shipped model (posenet_mnv1_075_353x481_uint8) comes from google-coral/edgetpu
// and QuantLens computes what the runtime it was made for computes, so this follows edgetpu's
// decoder, not libcoral's later copy. The two differ on backward edge 16 (leftEye -> nose): edgetpu
// shifts an edge to the backward mid-offset channels only when its id is above 16, so edge 16 reads
// dy from channel 16 (edge 0's forward dx) and dx from channel 32; libcoral reads 32 and 48. Only the
// edgetpu three-input form exists here (libcoral's optional long offsets and BodyPix masks do not).
//
// Which C++ library. Equal scores are ordered by std::priority_queue and std::sort, whose tie order
// is the library's. Coral built its Linux packages with GCC and libstdc++ (edgetpu's Makefile passes
// --compiler=gcc; its crosstool links -lstdc++), so ties follow libstdc++'s heap and introsort,
// written out in libstdcxx_order.h (not the libc++ order of exec/heap_order.h, which is LiteRT.js's).
// Float arithmetic follows the x86-64 build: strict IEEE single precision, no FMA contraction.
#include "exec/custom/custom_ops.h"

#include "exec/custom/libstdcxx_order.h"
#include "exec/custom/options.h"
#include "exec/kernels/common.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <functional>
#include <limits>
#include <numeric>
#include <utility>
#include <vector>

namespace ql::exec {

namespace {

using model::DType;

constexpr int kKeypoints = 17;
constexpr int kEdges = 16; // forward edges; 16 more run backwards
constexpr int kRefinementSteps = 5;
constexpr int kLocalMaximumRadius = 1;
// Far above any real use (10 to 20); bounds the quadratic soft-NMS for hostile files.
constexpr std::int64_t kMaxDetectionsLimit = 1024;
constexpr std::int32_t kMaxGridSide = 1 << 24;

// Skeleton edges as (parent, child): 16 forward edges from the nose outwards, then the same edges
// reversed, in the same order. Keypoints: 0 nose, 1/2 left/right eye, 3/4 ears, 5/6 shoulders,
// 7/8 elbows, 9/10 wrists, 11/12 hips, 13/14 knees, 15/16 ankles (left first).
// clang-format off
constexpr std::array<std::array<int, 2>, 2 * kEdges> kEdgeList = {{
    {0, 1}, {1, 3}, {0, 2}, {2, 4}, {0, 5}, {5, 7}, {7, 9}, {5, 11},
    {11, 13}, {13, 15}, {0, 6}, {6, 8}, {8, 10}, {6, 12}, {12, 14}, {14, 16},
    {1, 0}, {3, 1}, {2, 0}, {4, 2}, {5, 0}, {7, 5}, {9, 7}, {11, 5},
    {13, 11}, {15, 13}, {6, 0}, {8, 6}, {10, 8}, {12, 6}, {14, 12}, {16, 14},
}};
// clang-format on

struct Point {
    float y, x;
};

struct Candidate {
    Point point;
    int id;
    float score;
};

struct ByScore {
    bool operator()(const Candidate& a, const Candidate& b) const { return a.score < b.score; }
};

using Queue = gnu::GnuPriorityQueue<Candidate, ByScore>;

struct Params {
    int maxDetections = 0;
    float scoreThreshold = 0;
    int stride = 0;
    float nmsRadius = 0;
};

// A [height, width, channels] float field.
struct Field {
    std::vector<float> v;
    int height = 0, width = 0, channels = 0;
};

float clampTo(float v, float lo, float hi)
{
    return v < lo ? lo : (hi < v ? hi : v);
}

// Bilinear weights at a point (always already clamped into the grid). The decoder clamps once more
// and takes floor and ceiling; a NaN coordinate (float inputs holding NaN) reads cell 0 with a NaN
// weight instead of converting NaN to an index.
struct Sampler {
    std::size_t tl, tr, bl, br;
    float ly, lx;

    Sampler(const Field& f, Point p)
    {
        int y0, y1, x0, x1;
        axis(p.y, f.height, y0, y1, ly);
        axis(p.x, f.width, x0, x1, lx);
        const auto offset = [&](int y, int x) {
            return (static_cast<std::size_t>(y) * static_cast<std::size_t>(f.width) + static_cast<std::size_t>(x)) *
                static_cast<std::size_t>(f.channels);
        };
        tl = offset(y0, x0);
        tr = offset(y0, x1);
        bl = offset(y1, x0);
        br = offset(y1, x1);
    }

    static void axis(float v, int n, int& lo, int& hi, float& lerp)
    {
        const float p = clampTo(v, 0.0f, static_cast<float>(n) - 1.0f);
        if (std::isnan(p)) {
            lo = hi = 0;
        } else {
            lo = static_cast<int>(std::floor(p));
            hi = static_cast<int>(std::ceil(p));
        }
        lerp = v - static_cast<float>(lo);
    }

    float at(const Field& f, int c) const
    {
        const float* d = f.v.data() + c;
        return (1.0f - ly) * ((1.0f - lx) * d[tl] + lx * d[tr]) + ly * ((1.0f - lx) * d[bl] + lx * d[br]);
    }
};

float squaredDistance(Point a, Point b)
{
    const float dy = b.y - a.y;
    const float dx = b.x - a.x;
    return dy * dy + dx * dx;
}

float sigmoid(float x)
{
    return 1.0f / (1.0f + std::exp(-x));
}

using Pose = std::array<Point, kKeypoints>;
using PoseScores = std::array<float, kKeypoints>;

// Sum of the keypoint scores not masked out, added in decreasing order (as the decoder adds them
// after an arg-sort; equal values give the same sum in any order), divided by 17.
float averageScore(const PoseScores& s, const std::array<bool, kKeypoints>& occluded)
{
    std::array<float, kKeypoints> v{};
    int n = 0;
    for (int k = 0; k < kKeypoints; ++k) {
        if (std::isnan(s[static_cast<std::size_t>(k)]))
            return std::numeric_limits<float>::quiet_NaN(); // any order sums to NaN; sorting NaN is not defined
        if (!occluded[static_cast<std::size_t>(k)])
            v[static_cast<std::size_t>(n++)] = s[static_cast<std::size_t>(k)];
    }
    std::sort(v.begin(), v.begin() + n, std::greater<float>());
    float total = 0.0f;
    for (int i = 0; i < n; ++i)
        total += v[static_cast<std::size_t>(i)];
    return total / static_cast<float>(kKeypoints);
}

// Indices of `scores` by decreasing score, with libstdc++'s std::sort tie order.
std::vector<int> decreasingOrder(const std::vector<float>& scores)
{
    std::vector<int> idx(scores.size());
    std::iota(idx.begin(), idx.end(), 0);
    gnu::gnuSort(
        idx, [&](int a, int b) { return scores[static_cast<std::size_t>(a)] > scores[static_cast<std::size_t>(b)]; });
    return idx;
}

// Values of a uint8 or float32 input as floats: uint8 as (q - zero point) * (scale * extra), float as
// value * extra, each product rounded to float once (`extra` is 1 or 1/stride).
Field dequantize(const RtTensor& t, float extra)
{
    Field f;
    f.height = t.dim(1);
    f.width = t.dim(2);
    f.channels = t.dim(3);
    f.v.resize(static_cast<std::size_t>(t.count()));
    if (t.dtype == DType::Float32) {
        const float* src = t.as<float>();
        for (std::size_t i = 0; i < f.v.size(); ++i)
            f.v[i] = src[i] * extra;
    } else {
        const float zp = static_cast<float>(t.zeroPoint());
        const float scale = t.scale() * extra;
        for (std::size_t i = 0; i < f.v.size(); ++i)
            f.v[i] = (static_cast<float>(t.data[i]) - zp) * scale;
    }
    return f;
}

class Decoder {
public:
    Decoder(const Params& p, const Field& heat, const Field& shorts, const Field& mids)
        : m_p(p)
        , m_heat(heat)
        , m_shorts(shorts)
        , m_mids(mids)
        , m_top(static_cast<float>(heat.height) - 1.0f)
        , m_right(static_cast<float>(heat.width) - 1.0f)
    {
        const float radius = p.nmsRadius / static_cast<float>(p.stride); // in grid cells
        m_squaredRadius = radius * radius;
    }

    // Writes the poses into the outputs (already zeroed); returns how many.
    int run(float* keypoints, float* keypointScores, float* poseScores)
    {
        // The threshold as a logit, computed in double from the float probability.
        const auto minLogit =
            static_cast<float>(-std::log(1.0 / (static_cast<double>(m_p.scoreThreshold) + 1e-6) - 1.0));
        Queue roots = rootCandidates(minLogit);

        const auto maxPoses = static_cast<std::size_t>(m_p.maxDetections);
        std::vector<Pose> poses(maxPoses);
        std::vector<PoseScores> scores(maxPoses);
        std::vector<float> instance;
        std::size_t count = 0;
        const std::array<bool, kKeypoints> none{};
        while (count < maxPoses && !roots.empty()) {
            const Candidate root = roots.top();
            roots.pop();
            bool near = false;
            for (std::size_t i = 0; i < count && !near; ++i)
                near = squaredDistance(root.point, poses[i][static_cast<std::size_t>(root.id)]) <= m_squaredRadius;
            if (near)
                continue;
            // A rejected pose leaves its slot to the next root.
            Pose& pose = poses[count];
            PoseScores& ps = scores[count];
            pose.fill(Point{-1.0f, -1.0f});
            ps.fill(-1e5f);
            decodePose(root, pose, ps);
            for (float& s : ps)
                s = sigmoid(s);
            const float score = averageScore(ps, none);
            if (score >= m_p.scoreThreshold) {
                ++count;
                instance.push_back(score);
            }
        }

        // Keypoint-level soft NMS: in decreasing instance order, a keypoint within the radius of the
        // same keypoint of a better pose no longer counts towards its pose's score.
        std::vector<int> order = decreasingOrder(instance);
        std::vector<float> rescored(instance.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            const auto cur = static_cast<std::size_t>(order[i]);
            std::array<bool, kKeypoints> occluded{};
            for (std::size_t j = 0; j < i; ++j) {
                const auto prev = static_cast<std::size_t>(order[j]);
                for (std::size_t k = 0; k < static_cast<std::size_t>(kKeypoints); ++k)
                    if (squaredDistance(poses[cur][k], poses[prev][k]) <= m_squaredRadius)
                        occluded[k] = true;
            }
            rescored[cur] = averageScore(scores[cur], occluded);
        }
        order = decreasingOrder(rescored);

        int written = 0;
        const auto stride = static_cast<float>(m_p.stride);
        for (const int idx : order) {
            const auto i = static_cast<std::size_t>(idx);
            if (rescored[i] < m_p.scoreThreshold)
                break;
            const auto slot = static_cast<std::size_t>(written);
            for (std::size_t k = 0; k < static_cast<std::size_t>(kKeypoints); ++k) {
                keypoints[(slot * kKeypoints + k) * 2] = poses[i][k].y * stride;
                keypoints[(slot * kKeypoints + k) * 2 + 1] = poses[i][k].x * stride;
                keypointScores[slot * kKeypoints + k] = scores[i][k];
            }
            poseScores[slot] = rescored[i];
            ++written;
        }
        return written;
    }

private:
    // Cells whose logit reaches the threshold and is not beaten (strictly) in its 3x3 window, in
    // raster order, keypoints inner; each moved by its short offset.
    Queue rootCandidates(float minLogit) const
    {
        Queue q{ByScore{}};
        const int H = m_heat.height, W = m_heat.width;
        const auto at = [&](int y, int x, int k) {
            return m_heat.v[(static_cast<std::size_t>(y) * static_cast<std::size_t>(W) + static_cast<std::size_t>(x)) *
                    kKeypoints +
                static_cast<std::size_t>(k)];
        };
        for (int y = 0; y < H; ++y)
            for (int x = 0; x < W; ++x)
                for (int k = 0; k < kKeypoints; ++k) {
                    const float score = at(y, x, k);
                    if (!(score >= minLogit))
                        continue;
                    bool maximum = true;
                    for (int yy = std::max(y - kLocalMaximumRadius, 0);
                         maximum && yy < std::min(y + kLocalMaximumRadius + 1, H); ++yy)
                        for (int xx = std::max(x - kLocalMaximumRadius, 0);
                             maximum && xx < std::min(x + kLocalMaximumRadius + 1, W); ++xx)
                            maximum = !(at(yy, xx, k) > score);
                    if (!maximum)
                        continue;
                    const std::size_t cell =
                        (static_cast<std::size_t>(y) * static_cast<std::size_t>(W) + static_cast<std::size_t>(x)) * 2 *
                        kKeypoints;
                    const float dy = m_shorts.v[cell + static_cast<std::size_t>(k)];
                    const float dx = m_shorts.v[cell + kKeypoints + static_cast<std::size_t>(k)];
                    q.push({{clampTo(static_cast<float>(y) + dy, 0.0f, m_top),
                                clampTo(static_cast<float>(x) + dx, 0.0f, m_right)},
                        k, score});
                }
        return q;
    }

    // Grows a pose from its root: best-scoring keypoint first, each undecoded neighbour reached by
    // the edge's mid offsets, then refined by its own short offsets.
    void decodePose(const Candidate& root, Pose& pose, PoseScores& scores) const
    {
        Queue q{ByScore{}};
        q.push({root.point, root.id, Sampler(m_heat, root.point).at(m_heat, root.id)});
        std::array<bool, kKeypoints> decoded{};
        while (!q.empty()) {
            const Candidate cur = q.top();
            q.pop();
            const auto id = static_cast<std::size_t>(cur.id);
            if (decoded[id])
                continue;
            pose[id] = cur.point;
            scores[id] = cur.score;
            decoded[id] = true;
            for (int e = 0; e < 2 * kEdges; ++e) {
                const auto& edge = kEdgeList[static_cast<std::size_t>(e)];
                if (edge[0] != cur.id || decoded[static_cast<std::size_t>(edge[1])])
                    continue;
                // edgetpu's channel choice (see the file comment): edge 16 is not shifted.
                const int channel = e > kEdges ? e + kEdges : e;
                const Point p = displaced(cur.point, channel, edge[1]);
                q.push({p, edge[1], Sampler(m_heat, p).at(m_heat, edge[1])});
            }
        }
    }

    Point displaced(Point from, int channel, int target) const
    {
        const Sampler mid(m_mids, from);
        float y = clampTo(from.y + mid.at(m_mids, channel), 0.0f, m_top);
        float x = clampTo(from.x + mid.at(m_mids, kEdges + channel), 0.0f, m_right);
        for (int i = 0; i < kRefinementSteps; ++i) {
            const Sampler s(m_shorts, Point{y, x});
            const float dy = s.at(m_shorts, target);
            const float dx = s.at(m_shorts, kKeypoints + target);
            y = clampTo(y + dy, 0.0f, m_top);
            x = clampTo(x + dx, 0.0f, m_right);
        }
        return {y, x};
    }

    const Params& m_p;
    const Field& m_heat;
    const Field& m_shorts;
    const Field& m_mids;
    float m_top, m_right;
    float m_squaredRadius = 0;
};

Result<Params> readParams(NodeContext& ctx)
{
    auto o = FlexOptions::parse(ctx.op.customOptions);
    if (!o)
        return ctx.fail(o.error().message);
    // No defaults in the runtime: a missing key reads as 0.
    const std::int64_t maxDetections = o->integer("max_detections", 0);
    const std::int64_t stride = o->integer("stride", 0);
    if (maxDetections < 1 || maxDetections > kMaxDetectionsLimit)
        return ctx.fail("max_detections must lie in [1, " + std::to_string(kMaxDetectionsLimit) + "], got " +
            std::to_string(maxDetections));
    if (stride < 1 || stride > std::numeric_limits<std::int32_t>::max())
        return ctx.fail("stride must be a positive 32-bit integer, got " + std::to_string(stride));
    Params p;
    p.maxDetections = static_cast<int>(maxDetections);
    p.stride = static_cast<int>(stride);
    p.scoreThreshold = static_cast<float>(o->number("score_threshold", 0));
    p.nmsRadius = static_cast<float>(o->number("nms_radius", 0));
    return p;
}

} // namespace

Prepared preparePosenetDecoder(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(3, 3, 4); !st)
        return st.error();
    auto params = readParams(ctx);
    if (!params)
        return params.error();
    const char* names[] = {"heatmaps", "short offsets", "mid offsets"};
    const int channels[] = {kKeypoints, 2 * kKeypoints, 4 * kEdges};
    const RtTensor& heat = ctx.in(0);
    for (int i = 0; i < 3; ++i) {
        const RtTensor& t = ctx.in(i);
        const auto u = static_cast<std::size_t>(i);
        if (t.dtype != DType::UInt8 && t.dtype != DType::Float32)
            return ctx.fail(std::string(names[u]) + " must be uint8 or float32 (" + ctx.dtypes() + ")");
        if (t.rank() != 4 || t.dim(0) != 1 || t.dim(3) != channels[u] || t.dim(1) < 1 || t.dim(2) < 1)
            return ctx.fail(std::string(names[u]) + " must have shape [1, height, width, " +
                std::to_string(channels[u]) + "], got " + shapeText(t.shape));
        // Grid coordinates are floats: beyond 2^24 cells per side the last index would round up.
        if (t.dim(1) > kMaxGridSide || t.dim(2) > kMaxGridSide)
            return ctx.fail(std::string(names[u]) + " " + shapeText(t.shape) + " has a grid side above " +
                std::to_string(kMaxGridSide) + " cells");
        if (t.dim(1) != heat.dim(1) || t.dim(2) != heat.dim(2))
            return ctx.fail(std::string(names[u]) + " " + shapeText(t.shape) + " and heatmaps " +
                shapeText(heat.shape) + " must cover the same grid");
        if (t.dtype == DType::UInt8 && t.meta && t.meta->quantization.scale.size() > 1)
            return ctx.fail(std::string(names[u]) + " must be quantized per tensor");
    }
    for (int i = 0; i < 4; ++i)
        if (ctx.out(i).dtype != DType::Float32)
            return ctx.fail("all four outputs must be float32 (" + ctx.dtypes() + ")");
    const Params p = *params;
    // The file may declare the count output as a scalar []; the runtime makes it [1].
    const std::vector<std::vector<std::int32_t>> shapes = {
        {1, p.maxDetections, kKeypoints, 2}, {1, p.maxDetections, kKeypoints}, {1, p.maxDetections}, {1}};
    for (int i = 0; i < 4; ++i)
        if (auto st = ctx.setOutputShape(i, shapes[static_cast<std::size_t>(i)]); !st)
            return st.error();
    const int heatI = ctx.inputIndex(0), shortI = ctx.inputIndex(1), midI = ctx.inputIndex(2);
    const int kpO = ctx.outputIndex(0), kpsO = ctx.outputIndex(1), psO = ctx.outputIndex(2),
              countO = ctx.outputIndex(3);
    return makeKernel([=](const RunContext& rc) {
        // Offsets are scaled to grid cells by the float 1/stride (inexact for most strides).
        const auto inverseStride = static_cast<float>(1.0 / p.stride);
        const Field heatF = dequantize(tensorAt(rc, heatI), 1.0f);
        const Field shortF = dequantize(tensorAt(rc, shortI), inverseStride);
        const Field midF = dequantize(tensorAt(rc, midI), inverseStride);
        float* kp = tensorAt(rc, kpO).as<float>();
        float* kps = tensorAt(rc, kpsO).as<float>();
        float* ps = tensorAt(rc, psO).as<float>();
        // The runtime leaves the slots past the count unwritten; QuantLens zeroes them.
        const auto D = static_cast<std::size_t>(p.maxDetections);
        std::fill(kp, kp + D * kKeypoints * 2, 0.0f);
        std::fill(kps, kps + D * kKeypoints, 0.0f);
        std::fill(ps, ps + D, 0.0f);
        Decoder decoder(p, heatF, shortF, midF);
        *tensorAt(rc, countO).as<float>() = static_cast<float>(decoder.run(kp, kps, ps));
    });
}

} // namespace ql::exec
