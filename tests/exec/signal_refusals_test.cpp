// SPDX-License-Identifier: MIT
// What tflite-micro's Signal operators (engine/exec/custom/signal_*.cpp) refuse before they run: FlexBuffer
// options that are malformed (a key running off the end of the buffer, not a map, a value of the wrong
// kind or out of range, a key missing, unknown or misspelt) and tensors of the wrong type.
#include "exec/signal_harness.h"

#include <QTest>

#include <flatbuffers/flexbuffers.h>

#include <cstdint>
#include <vector>

using namespace ql;
using namespace ql::test;
using model::DType;

class SignalRefusalsTest : public QObject {
    Q_OBJECT

private slots:
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
};

QTEST_GUILESS_MAIN(SignalRefusalsTest)
#include "signal_refusals_test.moc"
