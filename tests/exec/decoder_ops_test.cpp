// SPDX-License-Identifier: MIT
// Coral's PosenetDecoderOp and MLPerf Mobile's ResizeArgmax (engine/exec/custom/posenet_decoder.cpp and
// resize_argmax.cpp). LiteRT registers neither, so there is no runtime to compare with: the one-operator
// cases below are built by hand, with expectations derived from the published kernels (see the file
// comments of both operators), and the two shipped models are run end to end and checked for
// consistency with their own intermediate tensors.
#include "common/model_facts.h"
#include "common/op_builder.h"
#include "exec/interpreter.h"
#include "model/reader.h"

#include <flatbuffers/flexbuffers.h>

#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <numeric>
#include <queue>
#include <random>
#include <set>

using namespace ql;
using DT = model::DType;

// Floats compared bit for bit (QCOMPARE on floats is fuzzy); the decoder's arithmetic is exact to
// the formulas it follows.
#define COMPARE_EXACT(actual, expected)                                                                                \
    do {                                                                                                               \
        const float a_ = (actual), e_ = (expected);                                                                    \
        QVERIFY2(a_ == e_,                                                                                             \
            qPrintable(QStringLiteral("%1 is %2, expected %3").arg(#actual).arg(a_, 0, 'g', 9).arg(e_, 0, 'g', 9)));   \
    } while (false)

namespace {

// ---- running one operator ----

struct Run {
    std::shared_ptr<model::Graph> graph;
    std::unique_ptr<exec::Interpreter> it;
    std::string error; // from prepare or invoke; empty when the run succeeded
};

template <class T> std::vector<std::uint8_t> bytesOf(const std::vector<T>& v)
{
    std::vector<std::uint8_t> b(v.size() * sizeof(T));
    std::memcpy(b.data(), v.data(), b.size());
    return b;
}

// Builds the model, feeds `feeds` to its graph inputs (the inputs without data), runs it.
Run runOp(const test::OpSpec& op, const std::vector<test::TensorSpec>& inputs,
    const std::vector<std::vector<std::uint8_t>>& feeds, const std::vector<test::TensorSpec>& outputs)
{
    Run r;
    r.graph = std::make_shared<model::Graph>(test::singleOpGraph(op, inputs, outputs));
    auto it = exec::Interpreter::create(r.graph);
    if (!it.ok()) {
        r.error = it.error().message;
        return r;
    }
    r.it = std::move(it.value());
    for (int i = 0; i < r.it->inputCount(); ++i) {
        const auto st = r.it->setInput(i, r.it->input(i).dtype, feeds[static_cast<std::size_t>(i)]);
        if (!st.ok()) {
            r.error = st.error().message;
            return r;
        }
    }
    const auto st = r.it->invoke();
    if (!st.ok())
        r.error = st.error().message;
    return r;
}

test::OpSpec custom(const std::string& code, std::vector<std::uint8_t> options = {})
{
    test::OpSpec s;
    s.op = tflite::BuiltinOperator::CUSTOM;
    s.customCode = code;
    s.customOptions = std::move(options);
    return s;
}

test::TensorSpec spec(std::vector<std::int32_t> shape, DT dtype, float scale = 0, std::int64_t zp = 0)
{
    test::TensorSpec t;
    t.shape = std::move(shape);
    t.dtype = dtype;
    t.scale = scale;
    t.zeroPoint = zp;
    return t;
}

// ---- PoseNet ----

constexpr int K = 17;

struct Cell {
    int y, x;
};

// The 16 forward edges (parent, child) in the decoder's order; edge 16 + e is edge e reversed.
// clang-format off
constexpr std::array<std::array<int, 2>, 16> kForward = {{
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
std::array<Cell, K> box(Cell origin)
{
    std::array<Cell, K> cells{};
    for (int k = 0; k < K; ++k)
        cells[static_cast<std::size_t>(k)] = {origin.y + k / 4, origin.x + k % 4};
    return cells;
}

std::array<float, K> logits(float nose, float others)
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

std::vector<std::uint8_t> poseOptionBytes(const PoseOptions& o)
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

std::vector<float> floatsOf(const exec::RtTensor& t)
{
    return std::vector<float>(t.as<float>(), t.as<float>() + t.count());
}

Poses readPoses(const Run& r)
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
Poses runPosenet(const Scene& s, const PoseOptions& o, bool quantized = false)
{
    const int D = o.maxDetections;
    std::vector<test::TensorSpec> in;
    std::vector<std::vector<std::uint8_t>> feeds;
    const std::array<const std::vector<float>*, 3> values = {&s.heat, &s.shorts, &s.mids};
    const std::array<int, 3> channels = {K, 2 * K, 64};
    for (std::size_t i = 0; i < 3; ++i) {
        const std::vector<std::int32_t> shape = {1, s.H, s.W, channels[i]};
        if (!quantized) {
            in.push_back(spec(shape, DT::Float32));
            feeds.push_back(bytesOf(*values[i]));
            continue;
        }
        const float scale = i == 0 ? 0.5f : 1.0f;
        in.push_back(spec(shape, DT::UInt8, scale, 128));
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
    const std::vector<test::TensorSpec> out = {spec({1, D, K, 2}, DT::Float32), spec({1, D, K}, DT::Float32),
        spec({1, D}, DT::Float32), spec({}, DT::Float32)};
    return readPoses(runOp(custom("PosenetDecoderOp", poseOptionBytes(o)), in, feeds, out));
}

float sigmoid(float x)
{
    return 1.0f / (1.0f + std::exp(-x));
}

// The pose score: keypoint probabilities added in decreasing order, divided by 17.
float meanDecreasing(std::vector<float> v)
{
    std::sort(v.begin(), v.end(), std::greater<float>());
    float total = 0.0f;
    for (const float x : v)
        total += x;
    return total / 17.0f;
}

// Bilinear sample of channel c of an [H, W, C] field at a point inside the grid (the decoder's
// formula: floor and ceiling, weights ly and lx, grouped as written).
float bilinear(const std::vector<float>& f, int W, int C, float y, float x, int c)
{
    const int y0 = static_cast<int>(std::floor(y)), y1 = static_cast<int>(std::ceil(y));
    const int x0 = static_cast<int>(std::floor(x)), x1 = static_cast<int>(std::ceil(x));
    const float ly = y - static_cast<float>(y0), lx = x - static_cast<float>(x0);
    auto at = [&](int yy, int xx) { return f[static_cast<std::size_t>((yy * W + xx) * C + c)]; };
    return (1.0f - ly) * ((1.0f - lx) * at(y0, x0) + lx * at(y0, x1)) +
        ly * ((1.0f - lx) * at(y1, x0) + lx * at(y1, x1));
}

// The slots past the count must be zero (the runtime leaves them unwritten).
bool tailIsZero(const Poses& p, int D)
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

std::string describe(const Poses& p)
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

// ---- ResizeArgmax ----

// Output pixel (4r + i, 4c + j) from the kernel's definition, written per pixel: the cell's argmax
// on the last row or column or where the four corners agree, else the argmax (ties to the lower
// channel, starting from 0) of each channel interpolated along the block's top and bottom edges,
// (p (4 - k) + q k) / 4 floored, then between them the same way.
std::vector<std::int32_t> resizeArgmaxReference(const std::vector<std::uint8_t>& in, int n, int C)
{
    auto code = [&](int r, int c, int d) {
        return static_cast<std::uint32_t>(in[static_cast<std::size_t>((r * n + c) * C + d)]);
    };
    auto argmax = [&](int r, int c) {
        int best = 0;
        for (int d = 1; d < C; ++d)
            if (code(r, c, d) > code(r, c, best))
                best = d;
        return best;
    };
    auto lerp = [](std::uint32_t p, std::uint32_t q, std::uint32_t k) { return (p * (4 - k) + q * k) / 4; };
    std::vector<std::int32_t> out(static_cast<std::size_t>(16 * n * n));
    for (int oy = 0; oy < 4 * n; ++oy)
        for (int ox = 0; ox < 4 * n; ++ox) {
            const int r = oy / 4, c = ox / 4;
            const auto i = static_cast<std::uint32_t>(oy % 4), j = static_cast<std::uint32_t>(ox % 4);
            const int a = argmax(r, c);
            int v = a;
            if (r + 1 < n && c + 1 < n &&
                !(a == argmax(r, c + 1) && a == argmax(r + 1, c) && a == argmax(r + 1, c + 1))) {
                std::uint32_t best = 0;
                v = 0;
                for (int d = 0; d < C; ++d) {
                    const std::uint32_t top = lerp(code(r, c, d), code(r, c + 1, d), j);
                    const std::uint32_t bottom = lerp(code(r + 1, c, d), code(r + 1, c + 1, d), j);
                    const std::uint32_t value = lerp(top, bottom, i);
                    if (value > best) {
                        best = value;
                        v = d;
                    }
                }
            }
            out[static_cast<std::size_t>(oy * 4 * n + ox)] = v;
        }
    return out;
}

struct ArgmaxCase {
    int H = 2, W = 2, C = 1;
    std::vector<std::uint8_t> logits;
    std::vector<std::int32_t> axis = {3};
    DT axisType = DT::Int32;
    std::vector<std::int32_t> size; // empty: 4x the input
    std::vector<std::int32_t> outShape; // empty: [1, 4H, 4W]
    DT inType = DT::UInt8, outType = DT::Int32;
};

Run runResizeArgmax(const ArgmaxCase& c)
{
    std::vector<test::TensorSpec> in;
    in.push_back(spec({1, c.H, c.W, c.C}, c.inType, 0.096544f, 0));
    const std::vector<std::int32_t> size = c.size.empty() ? std::vector<std::int32_t>{4 * c.H, 4 * c.W} : c.size;
    in.push_back(test::TensorSpec::constant<std::int32_t>({2}, DT::Int32, size));
    if (c.axisType == DT::Int64) {
        std::vector<std::int64_t> a(c.axis.begin(), c.axis.end());
        in.push_back(test::TensorSpec::constant<std::int64_t>({static_cast<std::int32_t>(a.size())}, DT::Int64, a));
    } else if (c.axisType == DT::UInt8) {
        std::vector<std::uint8_t> a(c.axis.begin(), c.axis.end());
        in.push_back(test::TensorSpec::constant<std::uint8_t>({static_cast<std::int32_t>(a.size())}, DT::UInt8, a));
    } else {
        in.push_back(
            test::TensorSpec::constant<std::int32_t>({static_cast<std::int32_t>(c.axis.size())}, DT::Int32, c.axis));
    }
    const std::vector<std::int32_t> outShape =
        c.outShape.empty() ? std::vector<std::int32_t>{1, 4 * c.H, 4 * c.W} : c.outShape;
    return runOp(custom("ResizeArgmax"), in, {c.logits}, {spec(outShape, c.outType)});
}

std::vector<std::int32_t> intsOf(const exec::RtTensor& t)
{
    return std::vector<std::int32_t>(t.as<std::int32_t>(), t.as<std::int32_t>() + t.count());
}

// The operator of `g` with custom code `code`.
const model::Operator* findCustom(const model::Graph& g, const std::string& code)
{
    for (const auto& op : g.subgraphs[0].operators)
        if (g.opcodes[op.opcodeIndex].customCode == code)
            return &op;
    return nullptr;
}

} // namespace

class DecoderOpsTest : public QObject {
    Q_OBJECT

private slots:
    // ---- PosenetDecoderOp ----

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

    // ---- ResizeArgmax ----

    // A 2x2 input whose corners have different argmaxes (0, 1 / 2, 1): block (0, 0) is interpolated,
    // the other three (last row or column) are filled with their cell's argmax. Channel values by
    // hand, floors included. At (2, 1) class 2 (53, exactly 53.75) and class 3 (53, exactly 53.875)
    // tie after flooring and the lower class wins, where an exact resize would pick 3; at (0, 2)
    // classes 0 and 1 tie at 50.
    void resizeArgmaxInterpolatedBlock()
    {
        ArgmaxCase c;
        c.C = 4;
        c.logits = {100, 0, 40, 60, /**/ 0, 100, 40, 35, /**/ 0, 0, 90, 60, /**/ 0, 100, 0, 36};
        const Run r = runResizeArgmax(c);
        QVERIFY2(r.error.empty(), r.error.c_str());
        const std::vector<std::int32_t> expected = {
            0, 0, 0, 1, 1, 1, 1, 1, //
            0, 0, 1, 1, 1, 1, 1, 1, //
            2, 2, 1, 1, 1, 1, 1, 1, //
            2, 2, 1, 1, 1, 1, 1, 1, //
            2, 2, 2, 2, 1, 1, 1, 1, //
            2, 2, 2, 2, 1, 1, 1, 1, //
            2, 2, 2, 2, 1, 1, 1, 1, //
            2, 2, 2, 2, 1, 1, 1, 1, //
        };
        QCOMPARE(intsOf(r.it->output(0)), expected);
        QCOMPARE(r.it->output(0).shape, (std::vector<std::int32_t>{1, 8, 8}));
        QCOMPARE(resizeArgmaxReference(c.logits, 2, 4), expected);
    }

    // An all-zero corner gives 0 where the block starts (the running maximum starts at 0); the other
    // positions mix the right and lower neighbours.
    void resizeArgmaxZerosAndTies()
    {
        ArgmaxCase c;
        c.C = 3;
        c.logits = {0, 0, 0, /**/ 0, 8, 0, /**/ 0, 0, 8, /**/ 0, 8, 0};
        const Run r = runResizeArgmax(c);
        QVERIFY2(r.error.empty(), r.error.c_str());
        const std::vector<std::int32_t> block = {0, 1, 1, 1, 2, 1, 1, 1, 2, 2, 1, 1, 2, 2, 1, 1};
        const auto out = intsOf(r.it->output(0));
        for (int i = 0; i < 4; ++i)
            for (int j = 0; j < 4; ++j)
                QCOMPARE(out[static_cast<std::size_t>(i * 8 + j)], block[static_cast<std::size_t>(i * 4 + j)]);
        // A tie at the cell itself goes to the first channel: a 1x1 input is all last row.
        ArgmaxCase t;
        t.H = t.W = 1;
        t.C = 4;
        t.logits = {5, 9, 3, 9};
        const Run rt = runResizeArgmax(t);
        QVERIFY2(rt.error.empty(), rt.error.c_str());
        QCOMPARE(intsOf(rt.it->output(0)), std::vector<std::int32_t>(16, 1));
    }

    // Four corners with the same argmax: the block is filled with it (the kernel's shortcut; with
    // strictly larger values at every corner the interpolation could not pick another class).
    // The last row and column are filled, not interpolated, even where the neighbour differs.
    void resizeArgmaxShortcutAndLastRowColumn()
    {
        ArgmaxCase c;
        c.H = c.W = 3;
        c.C = 2;
        // argmax per cell:  0 0 1 / 0 0 1 / 0 1 0
        const std::array<int, 9> best = {0, 0, 1, 0, 0, 1, 0, 1, 0};
        for (int i = 0; i < 9; ++i) {
            const bool one = best[static_cast<std::size_t>(i)] == 1;
            c.logits.push_back(one ? 10 : static_cast<std::uint8_t>(50 + i));
            c.logits.push_back(one ? static_cast<std::uint8_t>(60 + i) : 7);
        }
        const Run r = runResizeArgmax(c);
        QVERIFY2(r.error.empty(), r.error.c_str());
        const auto out = intsOf(r.it->output(0));
        auto blockIs = [&](int br, int bc, int v) {
            for (int i = 0; i < 4; ++i)
                for (int j = 0; j < 4; ++j)
                    if (out[static_cast<std::size_t>((4 * br + i) * 12 + 4 * bc + j)] != v)
                        return false;
            return true;
        };
        QVERIFY(blockIs(0, 0, 0)); // corners 0 0 / 0 0
        for (int k = 0; k < 3; ++k) {
            QVERIFY(blockIs(2, k, best[static_cast<std::size_t>(6 + k)])); // last row
            QVERIFY(blockIs(k, 2, best[static_cast<std::size_t>(3 * k + 2)])); // last column
        }
        QVERIFY(!blockIs(0, 1, 0) && !blockIs(0, 1, 1)); // corners 0 1 / 0 1: interpolated
        QCOMPARE(out, resizeArgmaxReference(c.logits, 3, 2));
    }

    // Random inputs against the per-pixel definition: sizes 1 to 6, 1 to 20 classes (the NEON path
    // of the original differs from 16 classes on, with the same first-maximum result), codes from a
    // narrow range (many ties) and from the full range. The size input is never read.
    void resizeArgmaxRandom()
    {
        std::mt19937 rng(2024);
        for (const int n : {1, 2, 3, 6})
            for (const int C : {1, 2, 7, 16, 20})
                for (const int range : {3, 255}) {
                    ArgmaxCase c;
                    c.H = c.W = n;
                    c.C = C;
                    c.size = {17, 5};
                    std::uniform_int_distribution<int> d(0, range);
                    for (int i = 0; i < n * n * C; ++i)
                        c.logits.push_back(static_cast<std::uint8_t>(d(rng)));
                    const Run r = runResizeArgmax(c);
                    QVERIFY2(r.error.empty(), r.error.c_str());
                    const auto out = intsOf(r.it->output(0));
                    QVERIFY2(out == resizeArgmaxReference(c.logits, n, C),
                        qPrintable(QStringLiteral("n %1, %2 classes, codes 0..%3").arg(n).arg(C).arg(range)));
                    if (C == 1)
                        QVERIFY(std::all_of(out.begin(), out.end(), [](std::int32_t v) { return v == 0; }));
                }
    }

    void resizeArgmaxRefusals_data()
    {
        QTest::addColumn<int>("variant");
        QTest::addColumn<QString>("message");
        QTest::newRow("axis 2") << 0 << "axis must be 3";
        QTest::newRow("axis -1") << 1 << "axis must be 3";
        QTest::newRow("axis uint8") << 2 << "int32 or int64";
        QTest::newRow("non-square") << 3 << "square";
        QTest::newRow("output not 4x") << 4 << "must be declared [1,12,12]";
        QTest::newRow("output rank 4") << 5 << "must be declared";
        QTest::newRow("int8 logits") << 6 << "uint8 logits";
        QTest::newRow("int64 output") << 7 << "int32 output";
        QTest::newRow("batch 2") << 8 << "[1, height, width, classes]";
    }

    void resizeArgmaxRefusals()
    {
        QFETCH(int, variant);
        QFETCH(QString, message);
        ArgmaxCase c;
        c.H = c.W = 3;
        c.C = 4;
        if (variant == 0)
            c.axis = {2};
        if (variant == 1)
            c.axis = {-1};
        if (variant == 2)
            c.axisType = DT::UInt8;
        if (variant == 3)
            c.W = 4;
        if (variant == 4)
            c.outShape = {1, 8, 8};
        if (variant == 5)
            c.outShape = {1, 12, 12, 1};
        if (variant == 6)
            c.inType = DT::Int8;
        if (variant == 7)
            c.outType = DT::Int64;
        std::int64_t n = c.H * c.W * c.C;
        if (variant == 8) {
            c.outShape = {2, 12, 12};
            n *= 2;
        }
        c.logits.assign(static_cast<std::size_t>(n), 1);
        Run r;
        if (variant == 8) { // a batch of two: build the model by hand
            std::vector<test::TensorSpec> in = {spec({2, 3, 3, 4}, DT::UInt8, 0.1f, 0),
                test::TensorSpec::constant<std::int32_t>({2}, DT::Int32, {12, 12}),
                test::TensorSpec::constant<std::int32_t>({1}, DT::Int32, {3})};
            r = runOp(custom("ResizeArgmax"), in, {c.logits}, {spec(c.outShape, DT::Int32)});
        } else {
            r = runResizeArgmax(c);
        }
        QVERIFY2(!r.error.empty(), "QuantLens ran a ResizeArgmax it must refuse");
        QVERIFY2(r.error.find(message.toStdString()) != std::string::npos, r.error.c_str());
    }

    // ---- the shipped models ----

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

    // The segmenter on a seeded synthetic image: the whole 512x512 output equals the kernel's
    // definition applied to the logits the network computed (so 4x4 blocks wherever the corners
    // agree, and on the last row and column), class ids in [0, 32), more than one class.
    void segmenterModel()
    {
        auto g = model::readTflite(test::modelPath("wild/mobile_segmenter_r3_512_uint8.tflite"));
        QVERIFY2(g.ok(), g.ok() ? "" : g.error().message.c_str());
        auto graph = std::make_shared<const model::Graph>(std::move(g.value()));
        const model::Operator* op = findCustom(*graph, "ResizeArgmax");
        QVERIFY(op);
        exec::InterpreterOptions opts;
        opts.keepIntermediates = true;
        auto it = exec::Interpreter::create(graph, opts);
        QVERIFY2(it.ok(), it.ok() ? "" : it.error().message.c_str());
        auto& interp = **it;
        const int S = 512;
        std::vector<std::uint8_t> image(static_cast<std::size_t>(S * S * 3));
        std::mt19937 rng(11);
        for (int y = 0; y < S; ++y)
            for (int x = 0; x < S; ++x) {
                // Sky, a wall and a floor with seeded noise.
                const std::array<int, 3> base = y < S / 3
                    ? std::array<int, 3>{110, 160, 230}
                    : (y < 2 * S / 3 ? std::array<int, 3>{150, 120, 90} : std::array<int, 3>{60, 130, 50});
                for (int ch = 0; ch < 3; ++ch)
                    image[static_cast<std::size_t>((y * S + x) * 3 + ch)] = static_cast<std::uint8_t>(
                        std::clamp(base[static_cast<std::size_t>(ch)] + static_cast<int>(rng() % 31) - 15, 0, 255));
            }
        auto st = interp.setInput(0, DT::UInt8, image);
        QVERIFY2(st.ok(), st.ok() ? "" : st.error().message.c_str());
        st = interp.invoke();
        QVERIFY2(st.ok(), st.ok() ? "" : st.error().message.c_str());
        const exec::RtTensor& logitsT = interp.tensor(op->inputs[0]);
        QCOMPARE(logitsT.shape, (std::vector<std::int32_t>{1, 128, 128, 32}));
        const std::vector<std::uint8_t> logitCodes(logitsT.data, logitsT.data + logitsT.count());
        const auto out = intsOf(interp.output(0));
        QCOMPARE(interp.output(0).shape, (std::vector<std::int32_t>{1, S, S}));
        QVERIFY(std::all_of(out.begin(), out.end(), [](std::int32_t v) { return v >= 0 && v < 32; }));
        const auto classes = std::set<std::int32_t>(out.begin(), out.end()).size();
        QVERIFY2(classes > 1, qPrintable(QStringLiteral("%1 class(es)").arg(classes)));
        QVERIFY(out == resizeArgmaxReference(logitCodes, 128, 32));
        int mixed = 0; // blocks holding more than one class: the interpolation ran
        for (int r = 0; r < 128; ++r)
            for (int c = 0; c < 128; ++c)
                for (int i = 0; i < 16; ++i)
                    if (out[static_cast<std::size_t>((4 * r + i / 4) * S + 4 * c + i % 4)] !=
                        out[static_cast<std::size_t>(4 * r * S + 4 * c)]) {
                        ++mixed;
                        break;
                    }
        QVERIFY(mixed > 0);
    }
};

QTEST_GUILESS_MAIN(DecoderOpsTest)
#include "decoder_ops_test.moc"
