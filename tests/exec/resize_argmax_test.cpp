// SPDX-License-Identifier: MIT
// MLPerf Mobile's ResizeArgmax (engine/exec/custom/resize_argmax.cpp). LiteRT does not register it, so
// there is no runtime to compare with: the one-operator cases are built by hand and checked against the
// kernel's definition written per pixel (see the file comment of the operator), and the shipped
// segmenter is run end to end and checked against the same definition applied to its own logits.
#include "common/model_facts.h"
#include "exec/custom_op_run.h"
#include "exec/interpreter.h"
#include "model/reader.h"

#include <QTest>

#include <algorithm>
#include <array>
#include <cstdint>
#include <random>
#include <set>
#include <vector>

using namespace ql;
using namespace ql::test;
using DT = model::DType;

namespace {

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

} // namespace

class ResizeArgmaxTest : public QObject {
    Q_OBJECT

private slots:
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

QTEST_GUILESS_MAIN(ResizeArgmaxTest)
#include "resize_argmax_test.moc"
