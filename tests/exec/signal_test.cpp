// SPDX-License-Identifier: MIT
// tflite-micro's Signal library operators (engine/exec/custom/signal_*.cpp), one operator at a time
// in models built in memory, and the whole audio_preprocessor_int8 model.
//
// Where the expected numbers come from (no runtime we can run here has these operators: LiteRT does
// not, see notes/signal_ops.md §1):
//  * worked by hand from the formulas of notes/signal_ops.md (window, auto-scale, energy, filter bank,
//    spectral subtraction, PCAN's shrink), as the comments next to them show;
//  * the examples the note gives for the square root, the log and PCAN's gain lookup, which it
//    checked against tflite-micro's compiled signal/src code;
//  * the FFT rows: computed once by a small independent Python port of the note's §6 (plain integers),
//    whose output also matched the compiled tflite-micro/kissfft oracle the note describes for the
//    same frames;
//  * the whole model: §16 of the note (tflite-micro's own golden features for yes/no, and the oracle's
//    features for the rand/sine/zero frames over three invokes; where §16 quotes only the start of an
//    invoke, the rest is the oracle's output for it).
#include "common/model_facts.h"
#include "common/op_builder.h"
#include "exec/interpreter.h"
#include "model/reader.h"
#include "signal_frames.h"

#include <QTest>

#include <flatbuffers/flexbuffers.h>

#include <cmath>
#include <memory>
#include <numbers>
#include <sstream>

using namespace ql;
using model::DType;

namespace {

using Options = std::vector<std::uint8_t>;

// A FlexBuffer map of integer options (the builder sorts the keys, as the converter's does).
Options intOptions(std::initializer_list<std::pair<const char*, std::int64_t>> values)
{
    flexbuffers::Builder b;
    b.Map([&] {
        for (const auto& [key, v] : values)
            b.Int(key, v);
    });
    b.Finish();
    return b.GetBuffer();
}

test::TensorSpec tensor(std::vector<std::int32_t> shape, DType dtype)
{
    test::TensorSpec s;
    s.shape = std::move(shape);
    s.dtype = dtype;
    return s;
}

template <class T> test::TensorSpec constant(std::vector<std::int32_t> shape, DType dtype, const std::vector<T>& v)
{
    return test::TensorSpec::constant(std::move(shape), dtype, v);
}

Result<std::unique_ptr<exec::Interpreter>> oneOp(const std::string& code, const Options& options,
    const std::vector<test::TensorSpec>& inputs, const std::vector<test::TensorSpec>& outputs,
    exec::Rounding rounding = exec::Rounding::Reference)
{
    test::OpSpec spec;
    spec.op = tflite::BuiltinOperator::CUSTOM;
    spec.customCode = code;
    spec.customOptions = options;
    exec::InterpreterOptions o;
    o.rounding = rounding;
    o.keepState = true; // a stream of frames, as tflite-micro runs it
    return exec::Interpreter::create(
        std::make_shared<const model::Graph>(test::singleOpGraph(spec, inputs, outputs)), o);
}

template <class T> Status setInput(exec::Interpreter& it, int i, const std::vector<T>& v)
{
    const auto* p = reinterpret_cast<const std::uint8_t*>(v.data());
    return it.setInput(i, it.input(i).dtype, std::span(p, v.size() * sizeof(T)));
}

template <class T> std::vector<T> values(const exec::RtTensor& t)
{
    return std::vector<T>(t.as<const T>(), t.as<const T>() + t.count());
}

// "" when equal, else the first differences.
template <class T> std::string difference(const std::vector<T>& got, const std::vector<T>& want)
{
    std::ostringstream s;
    if (got.size() != want.size())
        s << got.size() << " values, expected " << want.size() << "; ";
    int shown = 0;
    for (std::size_t i = 0; i < std::min(got.size(), want.size()) && shown < 6; ++i)
        if (got[i] != want[i]) {
            s << "[" << i << "] " << +got[i] << " != " << +want[i] << "; ";
            ++shown;
        }
    return s.str();
}

#define CHECK_VALUES(got, ...)                                                                                         \
    do {                                                                                                               \
        const std::string d_ = difference(got, __VA_ARGS__);                                                           \
        QVERIFY2(d_.empty(), d_.c_str());                                                                              \
    } while (false)

#define CHECK_OK(expr)                                                                                                 \
    do {                                                                                                               \
        const auto& r_ = (expr);                                                                                       \
        QVERIFY2(r_.ok(), r_.ok() ? "" : r_.error().message.c_str());                                                  \
    } while (false)

// The error of a result that must have failed, containing `part`.
template <class R> bool failsWith(const R& r, const std::string& part, std::string& why)
{
    if (r.ok()) {
        why = "succeeded, expected an error containing '" + part + "'";
        return false;
    }
    why = r.error().message;
    return why.find(part) != std::string::npos;
}

#define CHECK_FAILS(expr, part)                                                                                        \
    do {                                                                                                               \
        std::string w_;                                                                                                \
        const bool f_ = failsWith((expr), (part), w_);                                                                 \
        QVERIFY2(f_, w_.c_str());                                                                                      \
    } while (false)

std::shared_ptr<const model::Graph> preprocessor()
{
    static const std::shared_ptr<const model::Graph> g = [] {
        auto r = model::readTflite(test::modelPath("wild/audio_preprocessor_int8.tflite"));
        return r.ok() ? std::make_shared<const model::Graph>(std::move(r.value())) : nullptr;
    }();
    return g;
}

Result<std::unique_ptr<exec::Interpreter>> preprocessorInterpreter(
    exec::Rounding rounding = exec::Rounding::Reference, bool keepIntermediates = false, bool keepState = true)
{
    if (!preprocessor())
        return Error{"cannot read " + test::modelPath("wild/audio_preprocessor_int8.tflite")};
    exec::InterpreterOptions o;
    o.rounding = rounding;
    o.keepIntermediates = keepIntermediates;
    o.keepState = keepState;
    return exec::Interpreter::create(preprocessor(), o);
}

std::vector<std::int16_t> frame(const std::array<std::int16_t, 480>& a)
{
    return {a.begin(), a.end()};
}

// round(10000 sin(2 pi 1000 t / 16000)), the note's "sine" frame (no value lies near a tie, so the
// rounding mode does not matter).
std::vector<std::int16_t> sineFrame()
{
    std::vector<std::int16_t> v(480);
    for (int t = 0; t < 480; ++t)
        v[static_cast<std::size_t>(t)] =
            static_cast<std::int16_t>(std::lround(10000.0 * std::sin(2.0 * std::numbers::pi * 1000.0 * t / 16000.0)));
    return v;
}

// "-128 x n" runs of the note, expanded.
std::vector<std::int8_t> features(std::initializer_list<std::pair<int, int>> runs)
{
    std::vector<std::int8_t> v;
    for (const auto& [value, count] : runs)
        v.insert(v.end(), static_cast<std::size_t>(count), static_cast<std::int8_t>(value));
    return v;
}

std::vector<std::int8_t> features(std::initializer_list<int> list)
{
    std::vector<std::int8_t> v;
    for (const int x : list)
        v.push_back(static_cast<std::int8_t>(x));
    return v;
}

// The spectral subtraction options of the tests below: 2 channels, smoothing 0.25 (even channel) and
// 0.5 (odd channel) in Q14, minimum remaining 0.1, 2 smoothing bits.
Options subtractionOptions(bool clamping, int channels = 2, bool withSmoothingBits = true)
{
    flexbuffers::Builder b;
    b.Map([&] {
        b.Int("alternate_one_minus_smoothing", 8192);
        b.Int("alternate_smoothing", 8192);
        b.Bool("clamping", clamping);
        b.Int("min_signal_remaining", 1638);
        b.Int("num_channels", channels);
        b.Int("one_minus_smoothing", 12288);
        b.Int("smoothing", 4096);
        if (withSmoothingBits)
            b.Int("smoothing_bits", 2);
        b.Int("spectral_subtraction_bits", 14);
    });
    b.Finish();
    return b.GetBuffer();
}

} // namespace

class SignalTest : public QObject {
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

    void optionsWhoseKeyRunsOffTheEndAreRefused()
    {
        // An 11-byte FlexBuffer map {"k": 1} (byte width 1 throughout) whose key has no terminating zero:
        // every byte is non-zero, so reading the key as a C string would run past the buffer. The verifier
        // of FlatBuffers 2.0.8 accepts it (found by interpreter_fuzz); the options reader must not.
        const Options unterminated{
            'k', // 0: the key, unterminated
            1, 2, // 1: keys vector size 1; 2: offset back to the key
            1, 1, 1, // 3: offset back to the keys vector; 4: its byte width; 5: map size 1
            1, 4, // 6: value 1 (inline int); 7: its packed type (FBT_INT, 8 bits)
            2, 36, 1 // 8: root offset back to the map; 9: packed type FBT_MAP; 10: root byte width
        };
        QVERIFY(flexbuffers::VerifyBuffer(unterminated.data(), unterminated.size()));
        CHECK_FAILS(oneOp("SignalWindow", unterminated,
                        {tensor({4}, DType::Int16), constant<std::int16_t>({4}, DType::Int16, {1, 1, 1, 1})},
                        {tensor({4}, DType::Int16)}),
            "not terminated");
        // The same map with its key terminated is read: "k" is not an option of SignalWindow, so the
        // reader names it.
        const Options terminated{'k', 0, 1, 3, 1, 1, 1, 1, 4, 2, 36, 1};
        QVERIFY(flexbuffers::VerifyBuffer(terminated.data(), terminated.size()));
        CHECK_FAILS(oneOp("SignalWindow", terminated,
                        {tensor({4}, DType::Int16), constant<std::int16_t>({4}, DType::Int16, {1, 1, 1, 1})},
                        {tensor({4}, DType::Int16)}),
            "unexpected option 'k'");
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

    void filterBank()
    {
        // 2 channels, 3 slots of 2 bins each. Slot 0: bins 0-1, weights 0-1; slot 1: bins 2-3; slot 2: bins 4-5.
        const std::vector<std::int16_t> weights = {100, 200, 300, 400, 500, -1};
        const std::vector<std::int16_t> unweights = {4000, 3900, 3800, 3700, 3600, 2};
        auto it = oneOp("SignalFilterBank", intOptions({{"num_channels", 2}}),
            {tensor({6}, DType::UInt32), constant({6}, DType::Int16, weights), constant({6}, DType::Int16, unweights),
                constant<std::int16_t>({3}, DType::Int16, {0, 2, 4}),
                constant<std::int16_t>({3}, DType::Int16, {0, 2, 4}),
                constant<std::int16_t>({3}, DType::Int16, {2, 2, 2})},
            {tensor({2}, DType::UInt64)});
        CHECK_OK(it);
        CHECK_OK(setInput<std::uint32_t>(**it, 0, {10, 20, 30, 40, 50, 0xFFFFFFFFu}));
        CHECK_OK((*it)->invoke());
        // Channel 0 = unweights of slot 0 (4000 x 10 + 3900 x 20 = 118000) + weights of slot 1 (300 x 30 +
        // 400 x 40 = 25000). Channel 1 = unweights of slot 1 (3800 x 30 + 3700 x 40 = 262000) + weights of
        // slot 2 (500 x 50 + (-1) x 0xFFFFFFFF), modulo 2^64: 2^64 + 287000 - 4294967295.
        CHECK_VALUES(
            values<std::uint64_t>((*it)->output(0)), std::vector<std::uint64_t>{143000, 18446744069414871321ull});
    }

    void filterBankTablesChecked()
    {
        const std::vector<std::int16_t> w(6, 1);
        // Constant tables reading bin 5 .. 6 of 6: refused at prepare.
        CHECK_FAILS(oneOp("SignalFilterBank", intOptions({{"num_channels", 1}}),
                        {tensor({6}, DType::UInt32), constant({6}, DType::Int16, w), constant({6}, DType::Int16, w),
                            constant<std::int16_t>({2}, DType::Int16, {0, 5}),
                            constant<std::int16_t>({2}, DType::Int16, {0, 2}),
                            constant<std::int16_t>({2}, DType::Int16, {2, 2})},
                        {tensor({1}, DType::UInt64)}),
            "channel slot 1");
        // Tables shorter than num_channels + 1.
        CHECK_FAILS(oneOp("SignalFilterBank", intOptions({{"num_channels", 40}}),
                        {tensor({6}, DType::UInt32), constant({6}, DType::Int16, w), constant({6}, DType::Int16, w),
                            constant<std::int16_t>({2}, DType::Int16, {0, 2}),
                            constant<std::int16_t>({2}, DType::Int16, {0, 2}),
                            constant<std::int16_t>({2}, DType::Int16, {2, 2})},
                        {tensor({40}, DType::UInt64)}),
            "need 41");
        // Tables given at run time: a negative start is refused when the operator runs.
        auto it = oneOp("SignalFilterBank", intOptions({{"num_channels", 1}}),
            {tensor({6}, DType::UInt32), constant({6}, DType::Int16, w), constant({6}, DType::Int16, w),
                tensor({2}, DType::Int16), tensor({2}, DType::Int16), tensor({2}, DType::Int16)},
            {tensor({1}, DType::UInt64)});
        CHECK_OK(it);
        CHECK_OK(setInput<std::uint32_t>(**it, 0, {1, 2, 3, 4, 5, 6}));
        CHECK_OK(setInput<std::int16_t>(**it, 1, {0, -1}));
        CHECK_OK(setInput<std::int16_t>(**it, 2, {0, 2}));
        CHECK_OK(setInput<std::int16_t>(**it, 3, {2, 2}));
        CHECK_FAILS((*it)->invoke(), "channel slot 1");
        CHECK_OK(setInput<std::int16_t>(**it, 1, {0, 2}));
        CHECK_OK((*it)->invoke());
        CHECK_VALUES(values<std::uint64_t>((*it)->output(0)), std::vector<std::uint64_t>{1 + 2 + 3 + 4});
    }

    void squareRoot()
    {
        auto it = oneOp("SignalFilterBankSquareRoot", {}, {tensor({10}, DType::UInt64), tensor({}, DType::Int32)},
            {tensor({10}, DType::UInt32)});
        CHECK_OK(it);
        const std::vector<std::uint64_t> x = {0, 1, 2, 3, 4294836225ull, 4294901760ull, 4294901761ull, 4294967295ull,
            4294967296ull, 18446744073709551615ull};
        CHECK_OK(setInput(**it, 0, x));
        CHECK_OK(setInput<std::int32_t>(**it, 1, {0}));
        CHECK_OK((*it)->invoke());
        // Rounded to nearest (3 -> 2), capped at 65535 below 2^32 (4294901761 = 65535.5^2 + 0.75 rounds
        // to 65536 but gives 65535), and at 2^32 - 1 above.
        CHECK_VALUES(values<std::uint32_t>((*it)->output(0)),
            std::vector<std::uint32_t>{0, 1, 1, 2, 65535, 65535, 65535, 65535, 65536, 4294967295u});
        CHECK_OK(setInput<std::int32_t>(**it, 1, {3}));
        CHECK_OK((*it)->invoke());
        CHECK_VALUES(values<std::uint32_t>((*it)->output(0)),
            std::vector<std::uint32_t>{0, 0, 0, 0, 8191, 8191, 8191, 8191, 8192, 536870911});
        CHECK_OK(setInput<std::int32_t>(**it, 1, {32}));
        CHECK_FAILS((*it)->invoke(), "must lie in 0 .. 31");
        CHECK_FAILS(oneOp("SignalFilterBankSquareRoot", {}, {tensor({10}, DType::UInt64), tensor({2}, DType::Int32)},
                        {tensor({10}, DType::UInt32)}),
            "must be a scalar");
    }

    void spectralSubtractionKeepsState()
    {
        auto it = oneOp("SignalFilterBankSpectralSubtraction", subtractionOptions(false), {tensor({2}, DType::UInt32)},
            {tensor({2}, DType::UInt32), tensor({2}, DType::UInt32)});
        CHECK_OK(it);
        // Invoke 1, x = [1000, 400]: up = x << 2 = [4000, 1600]; noise = (up s + 0) >> 14 = [1000, 800];
        // out = max((up - noise) >> 2, (x 1638) >> 14) = [750, 200].
        // Invoke 2, same frame: noise = (4000 x 4096 + 1000 x 12288) >> 14 = 1750 and (1600 x 8192 +
        // 800 x 8192) >> 14 = 1200; out = [562, 100].
        // Invoke 3, x = [10, 10] (falling): up = 40; noise = 1322, 620 exceed it, so the estimate used is 40
        // and out = max(0, 0) = [0, 0]; without clamping the noise stays [1322, 620].
        // Invoke 4, [1000, 400] again: noise = [1991, 1110], out = [502, 122].
        const std::vector<std::vector<std::uint32_t>> in = {{1000, 400}, {1000, 400}, {10, 10}, {1000, 400}};
        const std::vector<std::vector<std::uint32_t>> out = {{750, 200}, {562, 100}, {0, 0}, {502, 122}};
        const std::vector<std::vector<std::uint32_t>> noise = {{1000, 800}, {1750, 1200}, {1322, 620}, {1991, 1110}};
        for (std::size_t k = 0; k < in.size(); ++k) {
            CHECK_OK(setInput(**it, 0, in[k]));
            CHECK_OK((*it)->invoke());
            CHECK_VALUES(values<std::uint32_t>((*it)->output(0)), out[k]);
            CHECK_VALUES(values<std::uint32_t>((*it)->output(1)), noise[k]);
        }
        // Preparing again (here for the same shapes) starts from a zero estimate, as tflite-micro's
        // AllocateTensors does.
        CHECK_OK((*it)->resizeInputs({{2}}));
        CHECK_OK(setInput(**it, 0, in[0]));
        CHECK_OK((*it)->invoke());
        CHECK_VALUES(values<std::uint32_t>((*it)->output(0)), out[0]);
        CHECK_VALUES(values<std::uint32_t>((*it)->output(1)), noise[0]);
        // A constant input is not folded away: each invoke still advances the estimate.
        auto folded = oneOp("SignalFilterBankSpectralSubtraction", subtractionOptions(false),
            {constant<std::uint32_t>({2}, DType::UInt32, {1000, 400})},
            {tensor({2}, DType::UInt32), tensor({2}, DType::UInt32)});
        CHECK_OK(folded);
        for (std::size_t k = 0; k < 2; ++k) {
            CHECK_OK((*folded)->invoke());
            CHECK_VALUES(values<std::uint32_t>((*folded)->output(0)), out[k]);
        }
    }

    void spectralSubtractionClamping()
    {
        auto it = oneOp("SignalFilterBankSpectralSubtraction", subtractionOptions(true), {tensor({2}, DType::UInt32)},
            {tensor({2}, DType::UInt32), tensor({2}, DType::UInt32)});
        CHECK_OK(it);
        // As above, but invoke 3 clamps the noise to up = [40, 40]; invoke 4 then gives noise
        // (4000 x 4096 + 40 x 12288) >> 14 = 1030 and (1600 + 40) x 8192 >> 14 = 820, out [742, 195].
        const std::vector<std::vector<std::uint32_t>> in = {{1000, 400}, {1000, 400}, {10, 10}, {1000, 400}};
        const std::vector<std::vector<std::uint32_t>> out = {{750, 200}, {562, 100}, {0, 0}, {742, 195}};
        const std::vector<std::vector<std::uint32_t>> noise = {{1000, 800}, {1750, 1200}, {40, 40}, {1030, 820}};
        for (std::size_t k = 0; k < in.size(); ++k) {
            CHECK_OK(setInput(**it, 0, in[k]));
            CHECK_OK((*it)->invoke());
            CHECK_VALUES(values<std::uint32_t>((*it)->output(0)), out[k]);
            CHECK_VALUES(values<std::uint32_t>((*it)->output(1)), noise[k]);
        }
        CHECK_FAILS(oneOp("SignalFilterBankSpectralSubtraction", subtractionOptions(true, 3),
                        {tensor({2}, DType::UInt32)}, {tensor({2}, DType::UInt32), tensor({2}, DType::UInt32)}),
            "num_channels");
        CHECK_FAILS(oneOp("SignalFilterBankSpectralSubtraction", subtractionOptions(true, 2, false),
                        {tensor({2}, DType::UInt32)}, {tensor({2}, DType::UInt32), tensor({2}, DType::UInt32)}),
            "option 'smoothing_bits' is missing");
    }

    void pcan()
    {
        // The model's gain table (tensor 8), whose lookups the note gives: WDF(0) = 32636, WDF(3) = 32627,
        // WDF(1000) = 29871, WDF(10^5) = 3411, WDF(10^7) = 48, WDF(2^31) = 0.
        auto model = preprocessorInterpreter();
        CHECK_OK(model);
        const exec::RtTensor& lutTensor = (*model)->tensor(8);
        QCOMPARE(lutTensor.count(), std::int64_t{125});
        const auto lut = values<std::int16_t>(lutTensor);
        auto it = oneOp("SignalPCAN", intOptions({{"snr_shift", 6}}),
            {tensor({7}, DType::UInt32), tensor({7}, DType::UInt32), constant({125}, DType::Int16, lut)},
            {tensor({7}, DType::UInt32)});
        CHECK_OK(it);
        CHECK_OK(setInput<std::uint32_t>(**it, 0, {1000, 1000, 1000, 100000, 1u << 20, 5, 10}));
        CHECK_OK(setInput<std::uint32_t>(**it, 1, {0, 3, 1000, 100000, 10000000, 1u << 31, 0}));
        CHECK_OK((*it)->invoke());
        // snr = (x g) >> 6; from 8192 on the output is (snr >> 6) - 64, below it snr^2 >> 20:
        // 1000 x 32636 >> 6 = 509937 -> 7903; 1000 x 32627 -> 509796 -> 7901; 1000 x 29871 -> 466734 -> 7228;
        // 10^5 x 3411 -> 5329687 -> 83212; 2^20 x 48 -> 786432 -> 12224; 5 x 0 -> 0; 10 x 32636 -> 5099 -> 24.
        CHECK_VALUES(
            values<std::uint32_t>((*it)->output(0)), std::vector<std::uint32_t>{7903, 7901, 7228, 83212, 12224, 0, 24});
        CHECK_FAILS(oneOp("SignalPCAN", intOptions({{"snr_shift", 6}}),
                        {tensor({7}, DType::UInt32), tensor({7}, DType::UInt32),
                            constant({124}, DType::Int16, std::vector<std::int16_t>(lut.begin(), lut.end() - 1))},
                        {tensor({7}, DType::UInt32)}),
            "needs 125");
        CHECK_FAILS(oneOp("SignalPCAN", intOptions({{"snr_shift", 6}}),
                        {tensor({7}, DType::UInt32), tensor({6}, DType::UInt32), constant({125}, DType::Int16, lut)},
                        {tensor({7}, DType::UInt32)}),
            "as many channels");
    }

    void filterBankLog()
    {
        auto it = oneOp("SignalFilterBankLog", intOptions({{"input_correction_bits", 3}, {"output_scale", 1600}}),
            {tensor({7}, DType::UInt32)}, {tensor({7}, DType::Int16)});
        CHECK_OK(it);
        CHECK_OK(setInput<std::uint32_t>(**it, 0, {0, 1, 2, 3, (1u << 29) - 1, 1u << 31, 0xFFFFFFFFu}));
        CHECK_OK((*it)->invoke());
        // 1600 ln(8) = 3327, 1600 ln(16) = 4436, 1600 ln(24) = 5085; 2^29 - 1 saturates at 32767;
        // 2^31 << 3 wraps to 0, which gives 0; 0xFFFFFFFF << 3 = 0xFFFFFFF8 saturates.
        CHECK_VALUES(
            values<std::int16_t>((*it)->output(0)), std::vector<std::int16_t>{0, 3327, 4436, 5085, 32767, 0, 32767});
        auto small = oneOp("SignalFilterBankLog", intOptions({{"input_correction_bits", 3}, {"output_scale", 64}}),
            {tensor({1}, DType::UInt32)}, {tensor({1}, DType::Int16)});
        CHECK_OK(small);
        CHECK_OK(setInput<std::uint32_t>(**small, 0, {1}));
        CHECK_OK((*small)->invoke());
        CHECK_VALUES(values<std::int16_t>((*small)->output(0)), std::vector<std::int16_t>{133}); // 64 ln(8)
        // Without correction bits, 0 and 1 are below the log's domain and give 0.
        auto plain = oneOp("SignalFilterBankLog", intOptions({{"input_correction_bits", 0}, {"output_scale", 64}}),
            {tensor({3}, DType::UInt32)}, {tensor({3}, DType::Int16)});
        CHECK_OK(plain);
        CHECK_OK(setInput<std::uint32_t>(**plain, 0, {0, 1, 8}));
        CHECK_OK((*plain)->invoke());
        CHECK_VALUES(values<std::int16_t>((*plain)->output(0)), std::vector<std::int16_t>{0, 0, 133});
    }

    void malformedOptions_data()
    {
        QTest::addColumn<QByteArray>("options");
        QTest::addColumn<QString>("error");
        const auto bytes = [](const Options& o) {
            return QByteArray(reinterpret_cast<const char*>(o.data()), static_cast<qsizetype>(o.size()));
        };
        QTest::newRow("no options") << QByteArray() << "option 'shift' is missing";
        QTest::newRow("not a FlexBuffer") << QByteArray("\x01\x02\x03", 3) << "not a valid FlexBuffer";
        flexbuffers::Builder vec;
        vec.Vector([&] { vec.Int(12); });
        vec.Finish();
        QTest::newRow("a vector") << bytes(vec.GetBuffer()) << "not a FlexBuffer map";
        flexbuffers::Builder f;
        f.Map([&] { f.Double("shift", 12.0); });
        f.Finish();
        QTest::newRow("float") << bytes(f.GetBuffer()) << "must be an integer";
        flexbuffers::Builder s;
        s.Map([&] { s.String("shift", "12"); });
        s.Finish();
        QTest::newRow("string") << bytes(s.GetBuffer()) << "must be an integer";
        QTest::newRow("extra key") << bytes(intOptions({{"shift", 12}, {"size", 480}})) << "unexpected option 'size'";
        QTest::newRow("misspelt") << bytes(intOptions({{"shfit", 12}})) << "unexpected option 'shfit'";
        QTest::newRow("shift 32") << bytes(intOptions({{"shift", 32}})) << "must lie in 0 .. 31";
        QTest::newRow("negative") << bytes(intOptions({{"shift", -1}})) << "must lie in 0 .. 31";
    }

    void malformedOptions()
    {
        QFETCH(QByteArray, options);
        QFETCH(QString, error);
        const Options o(options.begin(), options.end());
        CHECK_FAILS(oneOp("SignalWindow", o,
                        {tensor({4}, DType::Int16), constant<std::int16_t>({4}, DType::Int16, {1, 2, 3, 4})},
                        {tensor({4}, DType::Int16)}),
            error.toStdString());
    }

    void wrongTypes()
    {
        CHECK_FAILS(oneOp("SignalWindow", intOptions({{"shift", 1}}),
                        {tensor({4}, DType::Float32), constant<std::int16_t>({4}, DType::Int16, {1, 2, 3, 4})},
                        {tensor({4}, DType::Float32)}),
            "must be int16");
        CHECK_FAILS(oneOp("SignalEnergy", intOptions({{"end_index", 2}, {"start_index", 0}}),
                        {tensor({8}, DType::Int16)}, {tensor({4}, DType::Int32)}),
            "uint32 output");
        CHECK_FAILS(oneOp("SignalFilterBankLog", intOptions({{"input_correction_bits", 3}, {"output_scale", 0}}),
                        {tensor({4}, DType::UInt32)}, {tensor({4}, DType::Int16)}),
            "'output_scale' is 0");
        CHECK_FAILS(oneOp("SignalFftAutoScale", {}, {tensor({4}, DType::Int16)},
                        {tensor({4}, DType::Int16), tensor({}, DType::Int64)}),
            "int32 scale output");
        CHECK_FAILS(oneOp("SignalFilterBankSquareRoot", {}, {tensor({4}, DType::UInt32), tensor({}, DType::Int32)},
                        {tensor({4}, DType::UInt32)}),
            "uint64 input");
    }

    // The whole model on the note's three frames, three invokes each on one interpreter: the noise
    // estimate carries over from one invoke to the next, as in tflite-micro.
    void preprocessorStreams_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("rounding");
        for (const auto* name : {"rand", "sine", "zero"})
            for (const auto r : {exec::Rounding::Reference, exec::Rounding::Xnnpack})
                QTest::newRow((std::string(name) + " " + exec::roundingName(r)).c_str())
                    << QString(name) << static_cast<int>(r);
    }

    void preprocessorStreams()
    {
        QFETCH(QString, input);
        QFETCH(int, rounding);
        std::vector<std::int16_t> x;
        std::vector<std::vector<std::int8_t>> expected;
        if (input == "rand") {
            x = frame(test::kRandomFrame);
            expected = {
                features({125, 104, 126, 105, 127, 105, 126, 105, 127, 105, 127, 105, 127, 105, 126, 104, 127, 105, 127,
                    105, 126, 104, 127, 105, 127, 105, 127, 105, 127, 105, 127, 106, 127, 105, 127, 106, 127, 105, 127,
                    106}),
                features({108, 86, 109, 86, 110, 86, 110, 86, 110, 88, 110, 86, 110, 86, 109, 86, 110, 86, 110, 87, 110,
                    86, 110, 87, 110, 86, 111, 88, 111, 88, 110, 88, 111, 88, 111, 88, 111, 87, 111, 88}),
                features({98, 73, 99, 75, 99, 75, 99, 75, 99, 76, 100, 76, 99, 75, 99, 76, 100, 75, 100, 76, 100, 76,
                    99, 77, 100, 76, 101, 75, 100, 76, 100, 75, 100, 76, 100, 75, 100, 78, 101, 77}),
            };
        } else if (input == "sine") {
            x = sineFrame();
            expected = {
                features({{-128, 8}, {70, 1}, {81, 1}, {111, 1}, {105, 1}, {127, 1}, {105, 1}, {105, 1}, {66, 1},
                    {-128, 9}, {48, 1}, {42, 1}, {-128, 6}, {47, 1}, {43, 1}, {-128, 3}, {73, 1}, {70, 1}}),
                features({{-128, 8}, {66, 1}, {69, 1}, {99, 1}, {87, 1}, {111, 1}, {86, 1}, {95, 1}, {57, 1}, {-128, 9},
                    {40, 1}, {38, 1}, {-128, 6}, {40, 1}, {39, 1}, {-128, 3}, {68, 1}, {60, 1}}),
                features({{-128, 8}, {62, 1}, {59, 1}, {90, 1}, {76, 1}, {101, 1}, {74, 1}, {86, 1}, {48, 1}, {-128, 9},
                    {33, 1}, {36, 1}, {-128, 6}, {32, 1}, {37, 1}, {-128, 3}, {64, 1}, {51, 1}}),
            };
        } else {
            x.assign(480, 0);
            expected.assign(3, features({{-128, 40}}));
        }
        auto it = preprocessorInterpreter(static_cast<exec::Rounding>(rounding), true);
        CHECK_OK(it);
        for (std::size_t k = 0; k < expected.size(); ++k) {
            CHECK_OK(setInput(**it, 0, x));
            CHECK_OK((*it)->invoke());
            QCOMPARE((*it)->output(0).dtype, DType::Int8);
            const std::string d = difference(values<std::int8_t>((*it)->output(0)), expected[k]);
            QVERIFY2(d.empty(), (input.toStdString() + " invoke " + std::to_string(k + 1) + ": " + d).c_str());
            if (k == 0 && input == "rand") {
                // FilterBankLog (tensor 34) of the first invoke, as §16 quotes it, and FftAutoScale's 0.
                const auto logs = values<std::int16_t>((*it)->tensor(34));
                CHECK_VALUES(std::vector<std::int16_t>(logs.begin(), logs.begin() + 10),
                    std::vector<std::int16_t>{657, 603, 660, 605, 663, 605, 662, 605, 663, 607});
                QCOMPARE(*(*it)->tensor(22).as<std::int32_t>(), 0);
            }
            if (input == "sine")
                QCOMPARE(*(*it)->tensor(22).as<std::int32_t>(), 1);
        }
        // A new interpreter starts from a zero noise estimate again.
        auto fresh = preprocessorInterpreter(static_cast<exec::Rounding>(rounding));
        CHECK_OK(fresh);
        CHECK_OK(setInput(**fresh, 0, x));
        CHECK_OK((*fresh)->invoke());
        CHECK_VALUES(values<std::int8_t>((*fresh)->output(0)), expected[0]);
        // Without keepState every invoke starts afresh: the same frame gives the first frame's features
        // each time, whatever ran before (the interpreter's default state policy).
        auto independent = preprocessorInterpreter(static_cast<exec::Rounding>(rounding), false, false);
        CHECK_OK(independent);
        for (int k = 0; k < 3; ++k) {
            CHECK_OK(setInput(**independent, 0, x));
            CHECK_OK((*independent)->invoke());
            CHECK_VALUES(values<std::int8_t>((*independent)->output(0)), expected[0]);
        }
    }

    // tflite-micro's own golden features (audio_preprocessor_test.py, micro_speech_test.cc) for the first
    // 30 ms of its yes and no recordings, on fresh interpreters.
    void preprocessorGoldens()
    {
        const auto check = [](const std::array<std::int16_t, 480>& pcm,
                               const std::vector<std::int8_t>& want) -> std::string {
            auto it = preprocessorInterpreter();
            if (!it)
                return it.error().message;
            if (auto st = setInput(**it, 0, frame(pcm)); !st)
                return st.error().message;
            if (auto st = (*it)->invoke(); !st)
                return st.error().message;
            return difference(values<std::int8_t>((*it)->output(0)), want);
        };
        std::string d = check(test::kYesFrame,
            features({124, 105, 126, 103, 125, 101, 123, 100, 116, 98, 115, 97, 113, 90, 91, 82, 104, 96, 117, 97, 121,
                103, 126, 101, 125, 104, 126, 104, 125, 101, 116, 90, 81, 74, 80, 71, 83, 76, 82, 71}));
        QVERIFY2(d.empty(), ("yes: " + d).c_str());
        d = check(test::kNoFrame,
            features({126, 103, 124, 102, 124, 102, 123, 100, 118, 97, 118, 100, 118, 98, 121, 100, 121, 98, 117, 91,
                96, 74, 54, 87, 100, 87, 109, 92, 91, 80, 64, 55, 83, 74, 74, 78, 114, 95, 101, 81}));
        QVERIFY2(d.empty(), ("no: " + d).c_str());
    }
};

QTEST_GUILESS_MAIN(SignalTest)
#include "signal_test.moc"
