// SPDX-License-Identifier: MIT
// Dynamic-range quantization of LSTM and UNIDIRECTIONAL_SEQUENCE_LSTM as the converter writes it (int8
// weights with one symmetric scale each, float biases, asymmetric inputs, the converter's versions; the
// whole operator left float below the size threshold), and the exported model computing the hybrid
// definition (lstm_definition.h) with those very weights.
#include "common/graph_builder.h"
#include "exec/interpreter.h"
#include "exec/lstm_definition.h"
#include "passes/quantize.h"

#include <QTest>

#include <string>
#include <vector>

using namespace ql;
using namespace ql::test::lstm;
using DT = model::DType;
using Op = tflite::BuiltinOperator;

class LstmDynamicRangeTest : public QObject {
    Q_OBJECT

private slots:
    // Dynamic-range quantization writes an LSTM as the converter does: weights 1-11 and 16 int8, one
    // symmetric scale each (zero point 0, codes in [-127, 127]), biases float, asymmetric_quantize_inputs,
    // version 3 (sequence) / 4 (step); and the exported model computes the hybrid definition with those
    // very weights. With weights below the size threshold the whole operator stays float, with a note.
    void dynamicRangeQuantizesWeightsAsTheConverter_data()
    {
        QTest::addColumn<bool>("sequence");
        QTest::newRow("UNIDIRECTIONAL_SEQUENCE_LSTM") << true;
        QTest::newRow("LSTM") << false;
    }

    void dynamicRangeQuantizesWeightsAsTheConverter()
    {
        QFETCH(bool, sequence);
        const Config floatCfg{"float", false, false, false, true, false, true};
        const Config hybridCfg{"hybrid", true, true, false, true, false, true};
        const int B = 2, T = sequence ? 3 : 1, nIn = 5, nCell = 6, nOut = 4;
        Direction f(floatCfg, nIn, 0, nCell, nOut, 500), h(hybridCfg, nIn, 0, nCell, nOut, 500);
        test::GraphBuilder b;
        const int sg = b.subgraph("main");
        const std::vector<std::int32_t> inShape = sequence ? std::vector<std::int32_t>{B, T, nIn} : std::vector<std::int32_t>{B, nIn};
        std::vector<std::int32_t> inputs{b.input(sg, "x", DT::Float32, inShape)};
        f.addWeights(b, sg, "", inputs);
        const auto state = f.addState(b, sg, "", B);
        inputs.insert(inputs.end(), {state[0], state[1]});
        std::vector<std::int32_t> outShape = inShape;
        outShape.back() = nOut;
        const int y = b.tensor(sg, "y", DT::Float32, outShape);
        if (sequence) {
            tflite::UnidirectionalSequenceLSTMOptionsT o;
            o.fused_activation_function = tflite::ActivationFunctionType::TANH;
            b.op(sg, Op::UNIDIRECTIONAL_SEQUENCE_LSTM, inputs, {y}, test::opts(o));
        } else {
            tflite::LSTMOptionsT o;
            o.fused_activation_function = tflite::ActivationFunctionType::TANH;
            b.op(sg, Op::LSTM, inputs, {y}, test::opts(o));
        }
        b.output(sg, y);
        const model::Graph g = b.graph();

        passes::QuantizeOptions opt;
        opt.mode = passes::Mode::Dynamic;
        // Below the default threshold of 1024 elements: the whole operator stays float, and says why.
        {
            auto kept = passes::quantizeGraph(g, opt, {});
            QVERIFY2(kept.ok(), kept ? "" : kept.error().message.c_str());
            for (const int t : kept->graph.main().operators.back().inputs)
                QVERIFY(t < 0 || kept->graph.main().tensors[static_cast<std::size_t>(t)].dtype == DT::Float32);
            bool noted = false;
            for (const auto& n : kept->notes)
                noted = noted || n.find("all together or not at all") != std::string::npos;
            QVERIFY(noted);
        }
        opt.dynamicMinElements = 4; // every weight, the 6-value peepholes too
        auto q = passes::quantizeGraph(g, opt, {});
        QVERIFY2(q.ok(), q ? "" : q.error().message.c_str());
        const model::Graph& qg = q->graph;
        const model::Operator& op = qg.main().operators.back();
        QCOMPARE(qg.opcodeOf(op), sequence ? Op::UNIDIRECTIONAL_SEQUENCE_LSTM : Op::LSTM);
        QCOMPARE(qg.opcodes[op.opcodeIndex].version, sequence ? 3 : 4);
        QVERIFY(sequence ? op.options.AsUnidirectionalSequenceLSTMOptions()->asymmetric_quantize_inputs
                         : op.options.AsLSTMOptions()->asymmetric_quantize_inputs);
        for (std::size_t k = 1; k < op.inputs.size(); ++k) {
            if (op.inputs[k] < 0 || k == 18 || k == 19)
                continue;
            const model::Tensor& t = qg.main().tensors[static_cast<std::size_t>(op.inputs[k])];
            const bool weight = k <= 11 || k == 16;
            QCOMPARE(t.dtype, weight ? DT::Int8 : DT::Float32);
            if (!weight)
                continue;
            QCOMPARE(t.quantization.scale.size(), std::size_t{1});
            QCOMPARE(t.quantization.zeroPoint, std::vector<std::int64_t>{0});
            const auto bytes = qg.tensorData(t);
            for (const auto c : bytes)
                QVERIFY(static_cast<std::int8_t>(c) >= -127);
            if (k >= 9 && k <= 11) // the reference takes the peepholes as the runtime reads them: code x scale
                for (int u = 0; u < nCell; ++u)
                    h.peep[k - 9][static_cast<std::size_t>(u)] =
                        static_cast<float>(static_cast<std::int8_t>(bytes[static_cast<std::size_t>(u)])) * t.quantization.scale[0];
        }

        exec::InterpreterOptions io;
        io.keepState = true;
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(qg), io);
        QVERIFY2(it.ok(), it ? "" : it.error().message.c_str());
        h.reset(B);
        for (int run = 0; run < 2; ++run) {
            const auto x = seeded(static_cast<std::size_t>(B * T * nIn), 2.0f, 31u + static_cast<unsigned>(run));
            QVERIFY((*it)->setInput(0, DT::Float32, bytesOf(x)).ok());
            QVERIFY((*it)->invoke().ok());
            const float* got = (*it)->output(0).as<float>();
            for (int n = 0; n < B; ++n)
                for (int t = 0; t < T; ++t) {
                    const std::int64_t at = n * T + t;
                    h.step(n, slice(x, at, nIn), nullptr);
                    for (int j = 0; j < nOut; ++j) {
                        QString why;
                        QVERIFY2(close(got[at * nOut + j], h.h[static_cast<std::size_t>(n * nOut + j)], why,
                                     QStringLiteral("run %1 batch %2 step %3 unit %4").arg(run).arg(n).arg(t).arg(j)),
                            qPrintable(why));
                    }
                }
        }
    }
};

QTEST_GUILESS_MAIN(LstmDynamicRangeTest)
#include "lstm_dynamic_range_test.moc"
