// SPDX-License-Identifier: MIT
// tflite-micro's Signal operators from a power spectrum to features (engine/exec/custom/signal_filter_bank.cpp,
// signal_noise.cpp): SignalFilterBank, SignalFilterBankSquareRoot, SignalFilterBankSpectralSubtraction
// (the one operator with state), SignalPCAN and SignalFilterBankLog, one operator at a time in models built
// in memory.
//
// Where the expected numbers come from (no runtime we can run here has these operators: LiteRT does
// not, see notes/signal_ops.md §1):
//  * worked by hand from the formulas of notes/signal_ops.md (filter bank, spectral subtraction, PCAN's
//    shrink), as the comments next to them show;
//  * the examples the note gives for the square root, the log and PCAN's gain lookup, which it
//    checked against tflite-micro's compiled signal/src code.
#include "exec/signal_harness.h"

#include <QTest>

#include <flatbuffers/flexbuffers.h>

#include <cstdint>
#include <vector>

using namespace ql;
using namespace ql::test;
using model::DType;

namespace {

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

class SignalFilterBankTest : public QObject {
    Q_OBJECT

private slots:
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
};

QTEST_GUILESS_MAIN(SignalFilterBankTest)
#include "signal_filter_bank_test.moc"
