// SPDX-License-Identifier: MIT
// The float and dynamic-range LSTMs (LSTM, UNIDIRECTIONAL_SEQUENCE_LSTM, BIDIRECTIONAL_SEQUENCE_LSTM)
// against the LSTM's definition evaluated here in double precision (lstm_definition.h): gates, peepholes,
// CIFG, layer normalization, projection, clipping, auxiliary inputs, both time layouts, state carried
// across invokes; and hybrid weights the runtime cannot read refused by name. LiteRT refuses the state
// (variable) tensors these operators need, so the definition is the reference (as for the float LSTM
// model).
#include "common/graph_builder.h"
#include "exec/interpreter.h"
#include "exec/lstm_definition.h"

#include <QTest>

#include <iterator>
#include <string>
#include <vector>

using namespace ql;
using namespace ql::test::lstm;
using DT = model::DType;
using Op = tflite::BuiltinOperator;

class LstmTest : public QObject {
    Q_OBJECT

private slots:
    void unidirectionalFollowsTheDefinition_data()
    {
        QTest::addColumn<int>("config");
        QTest::addColumn<bool>("timeMajor");
        QTest::addColumn<bool>("sequence");
        for (int i = 0; i < static_cast<int>(std::size(kConfigs)); ++i) {
            QTest::addRow("%s, batch-major", kConfigs[i].name) << i << false << true;
            QTest::addRow("%s, time-major", kConfigs[i].name) << i << true << true;
            QTest::addRow("%s, LSTM step", kConfigs[i].name) << i << false << false;
        }
    }

    void unidirectionalFollowsTheDefinition()
    {
        QFETCH(int, config);
        QFETCH(bool, timeMajor);
        QFETCH(bool, sequence);
        const Config& cfg = kConfigs[config];
        const int B = 2, T = sequence ? 4 : 1, nIn = 5, nCell = 6, nOut = cfg.projection ? 3 : nCell;
        Direction d(cfg, nIn, 0, nCell, nOut, 100);
        test::GraphBuilder b;
        const int sg = b.subgraph("main");
        const std::vector<std::int32_t> inShape = !sequence ? std::vector<std::int32_t>{B, nIn}
            : timeMajor ? std::vector<std::int32_t>{T, B, nIn}
                        : std::vector<std::int32_t>{B, T, nIn};
        std::vector<std::int32_t> outShape = inShape;
        outShape.back() = nOut;
        std::vector<std::int32_t> inputs{b.input(sg, "x", DT::Float32, inShape)};
        d.addWeights(b, sg, "", inputs);
        const auto state = d.addState(b, sg, "", B);
        inputs.push_back(state[0]);
        inputs.push_back(state[1]);
        for (int g = 0; g < 4; ++g)
            inputs.push_back(cfg.layerNorm && !(g == 0 && cfg.cifg)
                    ? b.constant(sg, "ln" + std::to_string(g), DT::Float32, {nCell}, d.ln[static_cast<std::size_t>(g)])
                    : -1);
        const int y = b.tensor(sg, "y", DT::Float32, outShape);
        if (sequence) {
            tflite::UnidirectionalSequenceLSTMOptionsT o;
            o.fused_activation_function = tflite::ActivationFunctionType::TANH;
            o.cell_clip = cfg.cellClip;
            o.proj_clip = cfg.projClip;
            o.time_major = timeMajor;
            o.asymmetric_quantize_inputs = cfg.asymmetric;
            b.op(sg, Op::UNIDIRECTIONAL_SEQUENCE_LSTM, inputs, {y}, test::opts(o));
        } else {
            tflite::LSTMOptionsT o;
            o.fused_activation_function = tflite::ActivationFunctionType::TANH;
            o.cell_clip = cfg.cellClip;
            o.proj_clip = cfg.projClip;
            o.asymmetric_quantize_inputs = cfg.asymmetric;
            b.op(sg, Op::LSTM, inputs, {y}, test::opts(o));
        }
        b.output(sg, y);
        exec::InterpreterOptions io;
        io.keepState = true;
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(b.graph()), io);
        QVERIFY2(it.ok(), it ? "" : it.error().message.c_str());
        d.reset(B);
        for (int run = 0; run < 2; ++run) {
            const auto x = seeded(static_cast<std::size_t>(B * T * nIn), 2.0f, 7u + static_cast<unsigned>(run));
            QVERIFY((*it)->setInput(0, DT::Float32, bytesOf(x)).ok());
            QVERIFY((*it)->invoke().ok());
            const float* got = (*it)->output(0).as<float>();
            for (int n = 0; n < B; ++n)
                for (int t = 0; t < T; ++t) {
                    const std::int64_t at = timeMajor ? t * B + n : n * T + t;
                    d.step(n, slice(x, at, nIn), nullptr);
                    for (int j = 0; j < nOut; ++j) {
                        QString why;
                        QVERIFY2(close(got[at * nOut + j], d.h[static_cast<std::size_t>(n * nOut + j)], why,
                                     QStringLiteral("run %1 batch %2 step %3 unit %4").arg(run).arg(n).arg(t).arg(j)),
                            qPrintable(why));
                    }
                }
        }
    }

    void bidirectionalFollowsTheDefinition_data()
    {
        QTest::addColumn<int>("config");
        QTest::addColumn<bool>("timeMajor");
        QTest::addColumn<bool>("merge");
        QTest::addColumn<int>("aux"); // 0 none, 1 cross-linked (aux weights), 2 backward reads aux
        for (int i : {0, 1, 3, 4}) {
            QTest::addRow("%s, time-major, merged", kConfigs[i].name) << i << true << true << 0;
            QTest::addRow("%s, batch-major, two outputs", kConfigs[i].name) << i << false << false << 0;
            QTest::addRow("%s, aux weights", kConfigs[i].name) << i << true << false << 1;
            QTest::addRow("%s, backward reads aux", kConfigs[i].name) << i << false << true << 2;
        }
    }

    void bidirectionalFollowsTheDefinition()
    {
        QFETCH(int, config);
        QFETCH(bool, timeMajor);
        QFETCH(bool, merge);
        QFETCH(int, aux);
        const Config& cfg = kConfigs[config];
        const int B = 2, T = 3, nIn = 4, nAux = 3, nCell = 5;
        const int nFw = cfg.projection ? 3 : nCell, nBw = cfg.projection ? 2 : nCell;
        Direction fw(cfg, nIn, aux == 1 ? nAux : 0, nCell, nFw, 200);
        Direction bw(cfg, aux == 2 ? nAux : nIn, aux == 1 ? nAux : 0, nCell, nBw, 300);
        test::GraphBuilder b;
        const int sg = b.subgraph("main");
        auto shape = [&](int last) {
            return timeMajor ? std::vector<std::int32_t>{T, B, last} : std::vector<std::int32_t>{B, T, last};
        };
        std::vector<std::int32_t> inputs{b.input(sg, "x", DT::Float32, shape(nIn))};
        fw.addWeights(b, sg, "fw", inputs);
        bw.addWeights(b, sg, "bw", inputs);
        const auto fs = fw.addState(b, sg, "fw", B), bs = bw.addState(b, sg, "bw", B);
        inputs.insert(inputs.end(), {fs[0], fs[1], bs[0], bs[1]});
        inputs.push_back(aux > 0 ? b.input(sg, "aux", DT::Float32, shape(nAux)) : -1);
        for (Direction* d : {&fw, &bw})
            for (int g = 0; g < 4; ++g)
                inputs.push_back(aux == 1 && !(g == 0 && cfg.cifg)
                        ? d->weights(b, sg, "aux" + std::to_string(g) + (d == &fw ? "fw" : "bw"), d->wa[static_cast<std::size_t>(g)])
                        : -1);
        QCOMPARE(inputs.size(), std::size_t{48});
        const int y0 = b.tensor(sg, "y0", DT::Float32, shape(merge ? nFw + nBw : nFw));
        std::vector<std::int32_t> outputs{y0};
        if (!merge)
            outputs.push_back(b.tensor(sg, "y1", DT::Float32, shape(nBw)));
        tflite::BidirectionalSequenceLSTMOptionsT o;
        o.fused_activation_function = tflite::ActivationFunctionType::TANH;
        o.cell_clip = cfg.cellClip;
        o.proj_clip = cfg.projClip;
        o.time_major = timeMajor;
        o.merge_outputs = merge;
        o.asymmetric_quantize_inputs = cfg.asymmetric;
        b.op(sg, Op::BIDIRECTIONAL_SEQUENCE_LSTM, inputs, outputs, test::opts(o));
        for (int out : outputs)
            b.output(sg, out);
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(b.graph()));
        QVERIFY2(it.ok(), it ? "" : it.error().message.c_str());
        const auto x = seeded(static_cast<std::size_t>(B * T * nIn), 1.5f, 11);
        const auto a = seeded(static_cast<std::size_t>(B * T * nAux), 1.0f, 12);
        QVERIFY((*it)->setInput(0, DT::Float32, bytesOf(x)).ok());
        if (aux > 0)
            QVERIFY((*it)->setInput(1, DT::Float32, bytesOf(a)).ok());
        QVERIFY((*it)->invoke().ok());
        fw.reset(B);
        bw.reset(B);
        const int stride = merge ? nFw + nBw : nFw;
        for (int n = 0; n < B; ++n)
            for (int i = 0; i < T; ++i) {
                for (const bool backward : {false, true}) {
                    const int t = backward ? T - 1 - i : i;
                    const std::int64_t at = timeMajor ? t * B + n : n * T + t;
                    Direction& d = backward ? bw : fw;
                    const auto auxRow = slice(a, at, nAux);
                    d.step(n, backward && aux == 2 ? auxRow : slice(x, at, nIn), aux == 1 ? &auxRow : nullptr);
                    const float* got = (*it)->output(backward && !merge ? 1 : 0).as<float>();
                    const int width = backward && !merge ? nBw : stride;
                    const int offset = backward && merge ? nFw : 0;
                    for (int j = 0; j < d.nOut; ++j) {
                        QString why;
                        QVERIFY2(close(got[at * width + offset + j], d.h[static_cast<std::size_t>(n * d.nOut + j)], why,
                                     QStringLiteral("%1 batch %2 step %3 unit %4")
                                         .arg(backward ? "backward" : "forward").arg(n).arg(t).arg(j)),
                            qPrintable(why));
                    }
                }
            }
    }

    void badWeightsAreNamed()
    {
        // Per-channel int8 weights are not what the runtime's hybrid LSTM reads: refused by name.
        const Config cfg{"hybrid", true};
        Direction d(cfg, 3, 0, 4, 4, 400);
        test::GraphBuilder b;
        const int sg = b.subgraph("main");
        std::vector<std::int32_t> inputs{b.input(sg, "x", DT::Float32, {1, 2, 3})};
        d.addWeights(b, sg, "", inputs);
        b.at(sg, inputs[2]).quantization.scale = {0.1f, 0.1f, 0.1f, 0.1f};
        b.at(sg, inputs[2]).quantization.zeroPoint = {0, 0, 0, 0};
        const auto state = d.addState(b, sg, "", 1);
        inputs.insert(inputs.end(), {state[0], state[1]});
        const int y = b.tensor(sg, "y", DT::Float32, {1, 2, 4});
        b.op(sg, Op::UNIDIRECTIONAL_SEQUENCE_LSTM, inputs, {y}, test::opts(tflite::UnidirectionalSequenceLSTMOptionsT{}));
        b.output(sg, y);
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(b.graph()));
        QVERIFY(!it.ok());
        QVERIFY2(it.error().message.find("need one scale and zero point 0") != std::string::npos, it.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(LstmTest)
#include "lstm_test.moc"
