// SPDX-License-Identifier: MIT
// The whole audio_preprocessor_int8 model (tflite-micro's Signal library operators, engine/exec/custom/
// signal_*.cpp, from 30 ms of int16 audio to 40 int8 features) over streams of frames.
//
// Where the expected numbers come from (no runtime we can run here has these operators: LiteRT does
// not, see notes/signal_ops.md §1): §16 of the note (tflite-micro's own golden features for yes/no, and
// the oracle's features for the rand/sine/zero frames over three invokes; where §16 quotes only the start
// of an invoke, the rest is the oracle's output for it).
#include "exec/signal_harness.h"
#include "signal_frames.h"

#include <QTest>

#include <array>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <string>
#include <vector>

using namespace ql;
using namespace ql::test;
using model::DType;

namespace {

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

} // namespace

class AudioPreprocessorTest : public QObject {
    Q_OBJECT

private slots:
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

QTEST_GUILESS_MAIN(AudioPreprocessorTest)
#include "audio_preprocessor_test.moc"
