// SPDX-License-Identifier: MIT
// tflite-micro's Signal operators from samples to a power spectrum (engine/exec/custom/signal_window.cpp,
// signal_spectrum.cpp): SignalWindow, SignalFftAutoScale, SignalRfft and SignalEnergy, one operator at a
// time in models built in memory.
//
// Where the expected numbers come from (no runtime we can run here has these operators: LiteRT does
// not, see notes/signal_ops.md §1):
//  * worked by hand from the formulas of notes/signal_ops.md (window, auto-scale, energy), as the
//    comments next to them show;
//  * the FFT rows: computed once by a small independent Python port of the note's §6 (plain integers),
//    whose output also matched the compiled tflite-micro/kissfft oracle the note describes for the
//    same frames.
#include "exec/signal_harness.h"

#include <QTest>

#include <cstdint>
#include <vector>

using namespace ql;
using namespace ql::test;
using model::DType;

class SignalSpectrumTest : public QObject {
    Q_OBJECT

private slots:
    void window()
    {
        // Two windows of 4 samples (input [2, 4], weights [4]); y = clamp((x w) >> 12).
        auto it = oneOp("SignalWindow", intOptions({{"shift", 12}}),
            {tensor({2, 4}, DType::Int16), constant<std::int16_t>({4}, DType::Int16, {4096, 2048, -4096, 1})},
            {tensor({2, 4}, DType::Int16)});
        CHECK_OK(it);
        CHECK_OK(setInput<std::int16_t>(**it, 0, {1000, -1001, 32767, -32768, -1, 7, 8191, -8192}));
        CHECK_OK((*it)->invoke());
        // 1000; -1001 * 2048 / 4096 = -500.5 floors to -501; -32767; -32768 / 4096 = -8; -4096 >> 12 = -1;
        // 7 * 2048 / 4096 = 3.5 floors to 3; -8191; -8192 / 4096 = -2.
        CHECK_VALUES(values<std::int16_t>((*it)->output(0)),
            std::vector<std::int16_t>{1000, -501, -32767, -8, -1, 3, -8191, -2});
        QCOMPARE((*it)->output(0).shape, (std::vector<std::int32_t>{2, 4}));
    }

    void windowSaturatesAndFloors()
    {
        // shift 0: (-32768)^2 = 2^30 saturates to 32767, 32767 * -32768 to -32768; shift 1: -1 * 1 >> 1 = -1.
        auto it = oneOp("SignalWindow", intOptions({{"shift", 0}}),
            {tensor({2}, DType::Int16), constant<std::int16_t>({2}, DType::Int16, {-32768, -32768})},
            {tensor({2}, DType::Int16)});
        CHECK_OK(it);
        CHECK_OK(setInput<std::int16_t>(**it, 0, {-32768, 32767}));
        CHECK_OK((*it)->invoke());
        CHECK_VALUES(values<std::int16_t>((*it)->output(0)), std::vector<std::int16_t>{32767, -32768});
        auto floored = oneOp("SignalWindow", intOptions({{"shift", 1}}),
            {tensor({1}, DType::Int16), constant<std::int16_t>({1}, DType::Int16, {1})}, {tensor({1}, DType::Int16)});
        CHECK_OK(floored);
        CHECK_OK(setInput<std::int16_t>(**floored, 0, {-1}));
        CHECK_OK((*floored)->invoke());
        CHECK_VALUES(values<std::int16_t>((*floored)->output(0)), std::vector<std::int16_t>{-1});
        // Weights that do not tile the input.
        CHECK_FAILS(oneOp("SignalWindow", intOptions({{"shift", 1}}),
                        {tensor({5}, DType::Int16), constant<std::int16_t>({2}, DType::Int16, {1, 1})},
                        {tensor({5}, DType::Int16)}),
            "whole windows");
    }

    void fftAutoScale_data()
    {
        QTest::addColumn<QList<int>>("input");
        QTest::addColumn<QList<int>>("expected");
        QTest::addColumn<int>("scale");
        // s = 15 - bitlen(max |x|), at least 0; the output is x << s, wrapped to int16.
        QTest::newRow("zeros") << QList<int>{0, 0, 0} << QList<int>{0, 0, 0} << 0;
        QTest::newRow("max 1") << QList<int>{1, -1} << QList<int>{16384, -16384} << 14;
        QTest::newRow("max 16383") << QList<int>{16383, -2} << QList<int>{32766, -4} << 1;
        QTest::newRow("max 16384") << QList<int>{16384, 3} << QList<int>{16384, 3} << 0;
        QTest::newRow("negative max") << QList<int>{5, -300} << QList<int>{320, -19200} << 6;
        // The quirk: -32768 negates to itself in int16, the running maximum turns negative and 5
        // replaces it, so s = 12 and -32768 << 12 wraps to 0.
        QTest::newRow("-32768 first") << QList<int>{-32768, 5, -3} << QList<int>{0, 20480, -12288} << 12;
        QTest::newRow("-32768 last") << QList<int>{100, -32768} << QList<int>{100, -32768} << 0;
    }

    void fftAutoScale()
    {
        QFETCH(QList<int>, input);
        QFETCH(QList<int>, expected);
        QFETCH(int, scale);
        const auto n = static_cast<std::int32_t>(input.size());
        auto it = oneOp("SignalFftAutoScale", {}, {tensor({n}, DType::Int16)},
            {tensor({n}, DType::Int16), tensor({}, DType::Int32)});
        CHECK_OK(it);
        CHECK_OK(setInput(**it, 0, std::vector<std::int16_t>(input.begin(), input.end())));
        CHECK_OK((*it)->invoke());
        CHECK_VALUES(
            values<std::int16_t>((*it)->output(0)), std::vector<std::int16_t>(expected.begin(), expected.end()));
        // The scale is a rank-0 int32.
        QCOMPARE((*it)->output(1).dtype, DType::Int32);
        QVERIFY((*it)->output(1).shape.empty());
        QCOMPARE(*(*it)->output(1).as<std::int32_t>(), scale);
    }

    void rfftSanity()
    {
        const auto run = [](const std::vector<std::int16_t>& x, std::vector<std::int16_t>& out) -> Status {
            auto it = oneOp("SignalRfft", intOptions({{"T", 7}, {"fft_length", 512}}), {tensor({512}, DType::Int16)},
                {tensor({514}, DType::Int16)});
            if (!it)
                return it.error();
            if (auto st = setInput(**it, 0, x); !st)
                return st;
            if (auto st = (*it)->invoke(); !st)
                return st;
            out = values<std::int16_t>((*it)->output(0));
            return {};
        };
        std::vector<std::int16_t> out;
        // An impulse of 32767: every bin is 32767 / 512 = 64, imaginary parts 0.
        std::vector<std::int16_t> x(512, 0);
        x[0] = 32767;
        CHECK_OK(run(x, out));
        std::vector<std::int16_t> want(514);
        for (std::size_t i = 0; i < want.size(); i += 2)
            want[i] = 64;
        CHECK_VALUES(out, want);
        // A constant 16384: all in DC.
        CHECK_OK(run(std::vector<std::int16_t>(512, 16384), out));
        want.assign(514, 0);
        want[0] = 16384;
        CHECK_VALUES(out, want);
        // +-16384 alternating: Nyquist 16382, and 2 left in DC by the per-stage rounding.
        for (std::size_t i = 0; i < 512; ++i)
            x[i] = i % 2 ? -16384 : 16384;
        CHECK_OK(run(x, out));
        want.assign(514, 0);
        want[0] = 2;
        want[512] = 16382;
        CHECK_VALUES(out, want);
    }

    void rfftRadices_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<QList<int>>("expected");
        // Two rows of length - 2 samples each (zero-padded to fft_length), from
        // s = (s * 1103515245 + 12345) mod 2^31 with s starting at the length, sample = (s >> 8) mod 65536 - 32768.
        // Radices of length / 2: 12 -> 2, 3; 16 -> 4, 2; 20 -> 2, 5; 24 -> 4, 3; 32 -> 4, 4; 40 -> 4, 5.
        QTest::newRow("12") << 12
                            << QList<int>{-5369, 0, 3748, -5240, -1591, -1455, -5397, 3282, -2591, 998, 3606, 65, -3525,
                                   0, -5570, 0, -4733, 4785, -2630, -606, -1303, 934, -6712, 2345, 2282, 4278, 306, 0};
        QTest::newRow("16") << 16
                            << QList<int>{3074, 0, -5213, -5346, 736, -2930, -3304, 4253, 1968, 6580, -7130, -804, 3318,
                                   3292, 6013, -405, -2746, 0, -2048, 0, 1984, -219, -2026, -4315, -759, 3414, -1344,
                                   4990, 1937, -2736, 2806, -1526, -3341, 2425, 3560, 0};
        QTest::newRow("20") << 20
                            << QList<int>{7227, 0, 123, 1185, 349, -1378, -654, 336, -6296, -3983, -1321, -752, 4267,
                                   1564, 936, 4805, 858, -4008, -3611, 2125, 3041, 0, 5668, 0, 1907, -1110, -2076, -738,
                                   481, 217, 1558, -5091, -112, 3930, 4605, 4850, -3546, -1839, 4511, -4064, 32, -762,
                                   -598, 0};
        QTest::newRow("24") << 24
                            << QList<int>{2107, 0, -311, -2382, -2187, 522, -260, 6821, -520, -3656, 1072, 1597, -1441,
                                   -618, 128, -3931, 1286, 2642, -530, 7286, -3021, 1074, 7134, 318, 1209, 0, 185, 0,
                                   1185, 399, 1791, -1110, 110, 1377, -1669, -1841, 2094, -5611, -3129, -6280, -1906,
                                   1557, -4116, 4700, -3344, -772, -69, -166, -2282, 304, 4015, 0};
        QTest::newRow("32") << 32
                            << QList<int>{-742, 0, 262, -2514, -712, -1471, 1510, -1324, 1358, 5555, -1753, -2968, 916,
                                   2233, 1464, 736, -21, -450, -564, 798, 3348, -3443, -3138, 2727, -1541, 4001, 3846,
                                   -557, 1311, 2147, 1500, -331, 4092, 0, 1699, 0, -400, -2884, 99, 79, -1167, 323,
                                   3081, -815, -1082, -134, 2249, -4311, -2141, 949, -1820, -2163, -2352, -2086, -1174,
                                   4021, -1146, -2598, -4102, -3496, 1672, 0, -686, 4951, 47, 1421, -3601, 0};
        QTest::newRow("40") << 40
                            << QList<int>{871, 0, 3139, 1654, -629, -82, 1575, 1758, 684, -2185, -945, 3280, -2118,
                                   -588, -1368, -700, 773, -1416, 3252, 2238, -482, -1666, 4580, 1951, 2679, -1739,
                                   -2516, -127, -2202, 560, 3295, 1931, 1071, 3282, -85, 1486, 488, -1894, 4397, -2165,
                                   -207, 0, 619, 0, 890, 2832, -1607, -537, 1703, -623, -3213, -3537, 417, 301, -230,
                                   282, -225, 1365, -2806, 728, 1938, 1203, 705, 1045, 764, 3839, 2848, -1390, -1626,
                                   1844, 383, -1865, 3316, 375, -5329, 558, 889, -1514, 2618, -2985, 1140, 353, -1429,
                                   0};
    }

    void rfftRadices()
    {
        QFETCH(int, length);
        QFETCH(QList<int>, expected);
        const int rowLength = length - 2;
        std::vector<std::int16_t> x(static_cast<std::size_t>(2 * rowLength));
        std::uint32_t s = static_cast<std::uint32_t>(length);
        for (auto& v : x) {
            s = static_cast<std::uint32_t>((std::uint64_t{s} * 1103515245u + 12345u) % 2147483648u);
            v = static_cast<std::int16_t>(static_cast<int>((s >> 8) % 65536) - 32768);
        }
        auto it = oneOp("SignalRfft", intOptions({{"T", 7}, {"fft_length", length}}),
            {tensor({2, rowLength}, DType::Int16)}, {tensor({2, length + 2}, DType::Int16)});
        CHECK_OK(it);
        CHECK_OK(setInput(**it, 0, x));
        CHECK_OK((*it)->invoke());
        QCOMPARE((*it)->output(0).shape, (std::vector<std::int32_t>{2, length + 2}));
        CHECK_VALUES(
            values<std::int16_t>((*it)->output(0)), std::vector<std::int16_t>(expected.begin(), expected.end()));
    }

    void rfftFullScale_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("dc");
        // A row of -32768, and a row alternating -32768, 32767: only DC, then only Nyquist, survive, each
        // a few units short of full scale after the per-stage roundings (radices 4, 3 and 4, 5).
        QTest::newRow("24") << 24 << -32762;
        QTest::newRow("40") << 40 << -32758;
    }

    void rfftFullScale()
    {
        QFETCH(int, length);
        QFETCH(int, dc);
        const auto n = static_cast<std::size_t>(length);
        std::vector<std::int16_t> x(2 * n, -32768);
        for (std::size_t i = n + 1; i < 2 * n; i += 2)
            x[i] = 32767;
        auto it = oneOp("SignalRfft", intOptions({{"T", 7}, {"fft_length", length}}),
            {tensor({2, length}, DType::Int16)}, {tensor({2, length + 2}, DType::Int16)});
        CHECK_OK(it);
        CHECK_OK(setInput(**it, 0, x));
        CHECK_OK((*it)->invoke());
        std::vector<std::int16_t> want(2 * (n + 2), 0);
        want[0] = static_cast<std::int16_t>(dc); // row 0, bin 0
        want[(n + 2) + n] = static_cast<std::int16_t>(dc); // row 1, bin n / 2 (Nyquist)
        CHECK_VALUES(values<std::int16_t>((*it)->output(0)), want);
    }

    void rfftRejects_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("rowLength");
        QTest::addColumn<QString>("error");
        // 28 / 2 = 14 = 2 x 7: kissfft's generic butterfly, which tflite-micro's build cannot run.
        QTest::newRow("radix 7") << 7 << 28 << 28 << "prime factor 7";
        QTest::newRow("radix 11") << 7 << 44 << 40 << "prime factor 11";
        QTest::newRow("odd") << 7 << 31 << 31 << "not supported";
        QTest::newRow("2") << 7 << 2 << 2 << "not supported";
        QTest::newRow("row too long") << 7 << 16 << 17 << "longer than fft_length";
        QTest::newRow("float32 variant") << 0 << 16 << 16 << "only the int16 variant";
        QTest::newRow("int32 variant") << 2 << 16 << 16 << "only the int16 variant";
    }

    void rfftRejects()
    {
        QFETCH(int, type);
        QFETCH(int, length);
        QFETCH(int, rowLength);
        QFETCH(QString, error);
        CHECK_FAILS(oneOp("SignalRfft", intOptions({{"T", type}, {"fft_length", length}}),
                        {tensor({rowLength}, DType::Int16)}, {tensor({length + 2}, DType::Int16)}),
            error.toStdString());
    }

    void energy()
    {
        // 8 bins; start 1, end 5 (exclusive): bins 0 and 5 .. 7 stay 0.
        const std::vector<std::int16_t> x = {-32768, -32768, 3, 4, -1, 0, 100, -200, 32767, 32767, 5, 5, 0, 0, 7, -7};
        auto it = oneOp("SignalEnergy", intOptions({{"end_index", 5}, {"start_index", 1}}),
            {tensor({16}, DType::Int16)}, {tensor({8}, DType::UInt32)});
        CHECK_OK(it);
        CHECK_OK(setInput(**it, 0, x));
        CHECK_OK((*it)->invoke());
        // 3^2 + 4^2; 1; 100^2 + 200^2; 2 x 32767^2.
        CHECK_VALUES(
            values<std::uint32_t>((*it)->output(0)), std::vector<std::uint32_t>{0, 25, 1, 50000, 2147352578u, 0, 0, 0});
        // The whole range: (-32768)^2 x 2 = 2^31 only fits unsigned.
        auto all = oneOp("SignalEnergy", intOptions({{"end_index", 8}, {"start_index", 0}}),
            {tensor({16}, DType::Int16)}, {tensor({8}, DType::UInt32)});
        CHECK_OK(all);
        CHECK_OK(setInput(**all, 0, x));
        CHECK_OK((*all)->invoke());
        CHECK_VALUES(values<std::uint32_t>((*all)->output(0)),
            std::vector<std::uint32_t>{2147483648u, 25, 1, 50000, 2147352578u, 50, 0, 98});
        CHECK_FAILS(oneOp("SignalEnergy", intOptions({{"end_index", 9}, {"start_index", 0}}),
                        {tensor({16}, DType::Int16)}, {tensor({8}, DType::UInt32)}),
            "do not select a range");
        CHECK_FAILS(oneOp("SignalEnergy", intOptions({{"end_index", 2}, {"start_index", 3}}),
                        {tensor({16}, DType::Int16)}, {tensor({8}, DType::UInt32)}),
            "do not select a range");
        CHECK_FAILS(oneOp("SignalEnergy", intOptions({{"end_index", 2}, {"start_index", 0}}),
                        {tensor({15}, DType::Int16)}, {tensor({7}, DType::UInt32)}),
            "pairs");
    }
};

QTEST_GUILESS_MAIN(SignalSpectrumTest)
#include "signal_spectrum_test.moc"
