// SPDX-License-Identifier: MIT
// Rescaling limits of LiteRT's integer ADD and SUB, as the interpreter, the validity check (quant/lint.h)
// and the quantizer treat them: scale ratios the kernel cannot rescale, the int16 power-of-two form,
// output ranges the quantizer widens so inputs that cancel out still rescale, and output scales whose
// 2^20 multiple overflows the kernel's float arithmetic (the ADD stays float).
#include "common/crosscheck.h"
#include "common/graph_builder.h"
#include "common/litert.h"
#include "common/op_builder.h"
#include "data/npy.h"
#include "exec/interpreter.h"
#include "model/writer.h"
#include "passes/quantize.h"
#include "quant/calibrate.h"
#include "quant/lint.h"
#include "quant/op_rules.h"
#include "rule_graphs.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace ql;
using DT = model::DType;
using BO = tflite::BuiltinOperator;

using test::calibrationSet;
using test::findOp;
using test::opts;
using test::randomValues;

namespace {

// x [1,8,8,3] -> a = x * 1e6 -> d = a - (a + 0.01): inputs a million wide, an output that nearly cancels.
model::Graph cancellingModel(BO code)
{
    test::GraphBuilder b;
    const int sg = b.subgraph("main");
    const int x = b.input(sg, "x", DT::Float32, {1, 8, 8, 3});
    const int big = b.constant(sg, "big", DT::Float32, {1}, std::vector<float>{1e6f});
    const int a = b.tensor(sg, "a", DT::Float32, {1, 8, 8, 3});
    b.op(sg, BO::MUL, {x, big}, {a}, opts(tflite::MulOptionsT{}));
    const int small = b.constant(sg, "small", DT::Float32, {1}, std::vector<float>{0.01f});
    const int shifted = b.tensor(sg, "shifted", DT::Float32, {1, 8, 8, 3});
    b.op(sg, BO::ADD, {a, small}, {shifted}, opts(tflite::AddOptionsT{}));
    const int d = b.tensor(sg, "d", DT::Float32, {1, 8, 8, 3});
    if (code == BO::SUB)
        b.op(sg, BO::SUB, {a, shifted}, {d}, opts(tflite::SubOptionsT{}));
    else {
        const int negated = b.tensor(sg, "negated", DT::Float32, {1, 8, 8, 3});
        b.op(sg, BO::NEG, {shifted}, {negated});
        b.op(sg, BO::ADD, {a, negated}, {d}, opts(tflite::AddOptionsT{}));
    }
    b.output(sg, d);
    return b.graph();
}
} // namespace

class RescaleRulesTest : public QObject {
    Q_OBJECT

private slots:
    void addSubScaleRatiosLiteRtCannotRescale()
    {
        for (const auto code : {BO::ADD, BO::SUB})
            for (const DT t : {DT::Int8, DT::Int16}) {
                const int limit = quant::addSubMaxScaleRatioLog2(t);
                for (const int k : {limit - 1, limit}) {
                    tflite::BuiltinOptionsUnion o;
                    if (code == BO::ADD) {
                        tflite::AddOptionsT ao;
                        ao.pot_scale_int16 = false;
                        o = opts(ao);
                    } else {
                        tflite::SubOptionsT so;
                        so.pot_scale_int16 = false;
                        o = opts(so);
                    }
                    test::OpSpec spec;
                    spec.op = code;
                    spec.options = o;
                    spec.version = t == DT::Int16 ? (code == BO::ADD ? 3 : 5) : 2;
                    const test::TensorSpec in1{{16}, t, 1.0f, 0, {}}, in2{{16}, t, 0.5f, 0, {}};
                    const test::TensorSpec out{{16}, t, std::ldexp(1.0f, -k), 0, {}};
                    const model::Graph g = test::singleOpGraph(spec, {in1, in2}, {out});
                    const QString what = QStringLiteral("%1 %2 ratio 2^%3")
                                             .arg(QString::fromLatin1(tflite::EnumNameBuiltinOperator(code)))
                                             .arg(QString::fromStdString(model::dtypeName(t)))
                                             .arg(k);
                    const bool beyond = k >= limit;
                    const auto report = quant::lint(g);
                    bool flagged = false;
                    for (const auto& f : report.findings)
                        flagged = flagged || (f.check == "rescale" && f.severity == quant::Severity::Error);
                    QVERIFY2(flagged == beyond, qPrintable(what));
                    auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(g));
                    QVERIFY2(it.ok() != beyond, qPrintable(what));
                    if (beyond)
                        QVERIFY2(it.error().message.find("stops the program") != std::string::npos, it.error().message.c_str());
                    QTemporaryDir dir;
                    const QString file = dir.filePath(QStringLiteral("op.tflite"));
                    QVERIFY(model::writeTflite(g, file.toStdString()).ok());
                    if (beyond) {
                        // LiteRT stops while preparing: no outputs.
                        QStringList inputs;
                        for (int i = 0; i < 2; ++i) {
                            data::NpyArray a;
                            a.dtype = t;
                            a.shape = {16};
                            a.data.assign(t == DT::Int16 ? 32 : 16, 1);
                            inputs << dir.filePath(QStringLiteral("in%1.npy").arg(i));
                            QVERIFY(data::writeNpy(inputs.back().toStdString(), a).ok());
                        }
                        const auto ref = test::runLitert(file, inputs);
                        QVERIFY2(!ref.ok, qPrintable(what));
                    } else {
                        const QString problem = test::checkAgainstLitert(g, test::ModelKind::Integer, -1, 1, 1, what.toStdString());
                        QVERIFY2(problem.isEmpty(), qPrintable(problem));
                    }
                }
            }
    }

    // int16 ADD / SUB written with pot_scale_int16 (older files) and power-of-two scales take LiteRT's
    // power-of-two form; the lint names the parameters that form cannot take (op_test measures them).
    void powerOfTwoInt16FormIsChecked()
    {
        auto lintFinds = [](BO code, bool pot, float s1, float s2, std::vector<std::int32_t> shape2) {
            tflite::BuiltinOptionsUnion o;
            if (code == BO::ADD) {
                tflite::AddOptionsT ao;
                ao.pot_scale_int16 = pot;
                o = opts(ao);
            } else {
                tflite::SubOptionsT so;
                so.pot_scale_int16 = pot;
                o = opts(so);
            }
            test::OpSpec spec;
            spec.op = code;
            spec.options = o;
            spec.version = code == BO::ADD ? 3 : 5;
            const test::TensorSpec in1{{2, 8}, DT::Int16, s1, 0, {}}, in2{std::move(shape2), DT::Int16, s2, 0, {}};
            const test::TensorSpec out{{2, 8}, DT::Int16, 1.0f / 1024, 0, {}};
            for (const auto& f : quant::lint(test::singleOpGraph(spec, {in1, in2}, {out})).findings)
                if (f.check == "rescale" && f.severity == quant::Severity::Error)
                    return true;
            return false;
        };
        const float p10 = 1.0f / 1024, p12 = 1.0f / 4096;
        QVERIFY(!lintFinds(BO::ADD, true, p10, p12, {2, 8})); // one input shifted: fine
        QVERIFY(lintFinds(BO::ADD, true, p12, p12, {2, 8})); // both finer: LiteRT refuses
        QVERIFY(lintFinds(BO::SUB, true, 1.0f / 256, p10, {2, 8})); // coarser than the output: refused
        QVERIFY(lintFinds(BO::ADD, true, p10, p10, {8})); // broadcasting ADD: LiteRT aborts
        QVERIFY(!lintFinds(BO::SUB, true, p10, p10, {8})); // SUB broadcasts
        QVERIFY(!lintFinds(BO::ADD, false, p12, p12, {2, 8})); // the general form takes any scales
        QVERIFY(!lintFinds(BO::ADD, true, 0.001f, 0.0007f, {2, 8})); // not powers of two: general form
    }

    // The quantizer widens an ADD / SUB output range that is too narrow for its inputs' (they cancel
    // out), says so, and the export runs in LiteRT as QuantLens computes it.
    void quantizerWidensOutputsLiteRtCouldNotRescale()
    {
        for (const auto code : {BO::ADD, BO::SUB})
            for (const auto mode : {passes::Mode::Int8, passes::Mode::Int16x8}) {
                const model::Graph g = cancellingModel(code);
                auto ranges = quant::calibrate(g, calibrationSet(), {});
                QVERIFY(ranges.ok());
                passes::QuantizeOptions o;
                o.mode = mode;
                auto q = passes::quantizeGraph(g, o, *ranges);
                QVERIFY2(q.ok(), q ? "" : q.error().message.c_str());
                bool noted = false;
                for (const auto& n : q->notes)
                    noted = noted || n.find("widened") != std::string::npos;
                QVERIFY(noted);
                QVERIFY2(q->lint.ok(), q->lint.findings.empty() ? "" : quant::describe(q->lint.findings.front()).c_str());
                const QString problem = test::checkAgainstLitert(q->graph, test::ModelKind::Integer, -1, 1, 2, "cancelling");
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
            }
    }

    // A float model that overflows on its calibration data (EXP reaching 1e38, as dp_net's softplus on
    // random inputs): an integer ADD after it would get an output scale whose 2^20 multiple overflows
    // float in LiteRT's kernel, which then aborts. The quantizer keeps that ADD float and says why; lint
    // reports such an ADD in a file made elsewhere; the export runs in LiteRT.
    void addWhoseScaleOverflowsTheKernelStaysFloat()
    {
        test::GraphBuilder b;
        const int sg = b.subgraph("main");
        const int x = b.input(sg, "x", DT::Float32, {1, 16});
        const int e = b.tensor(sg, "e", DT::Float32, {1, 16});
        b.op(sg, BO::EXP, {x}, {e});
        const int one = b.constant(sg, "one", DT::Float32, {1}, std::vector<float>{1.0f});
        const int y = b.tensor(sg, "y", DT::Float32, {1, 16});
        b.op(sg, BO::ADD, {one, e}, {y}, opts(tflite::AddOptionsT{}));
        b.output(sg, y);
        const model::Graph g = b.graph();
        data::SampleSet cal;
        cal.sampleShape = {16};
        cal.count = 8;
        cal.values = randomValues(8 * 16, 1.0f, 5);
        cal.values[3] = 87.5f; // exp(87.5) = 1e38
        auto ranges = quant::calibrate(g, cal, {});
        QVERIFY(ranges.ok());
        passes::QuantizeOptions o;
        o.mode = passes::Mode::Int8;
        o.io = passes::IoType::Float;
        auto q = passes::quantizeGraph(g, o, *ranges);
        QVERIFY2(q.ok(), q ? "" : q.error().message.c_str());
        bool noted = false;
        for (const auto& n : q->notes)
            noted = noted || (n.find("(ADD) stays float") != std::string::npos && n.find("overflows float") != std::string::npos);
        QVERIFY(noted);
        const model::Operator* add = findOp(q->graph, BO::ADD);
        QVERIFY(add);
        QCOMPARE(q->graph.main().tensors[static_cast<std::size_t>(add->outputs[0])].dtype, DT::Float32);
        QVERIFY2(q->lint.ok(), q->lint.findings.empty() ? "" : quant::describe(q->lint.findings.front()).c_str());
        const QString problem = test::checkAgainstLitert(q->graph, test::ModelKind::Integer, -1, 1, 2, "exp then add");
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        // The integer ADD itself, as another tool would write it: lint names it, the interpreter refuses it.
        test::OpSpec spec;
        spec.op = BO::ADD;
        spec.options = opts(tflite::AddOptionsT{});
        test::TensorSpec k = test::TensorSpec::constant<std::int8_t>({}, DT::Int8, {127});
        k.scale = 1.0f / 255;
        k.zeroPoint = -128;
        const test::TensorSpec big{{1, 16}, DT::Int8, 4.6e35f, -128, {}};
        const model::Graph bad = test::singleOpGraph(spec, {k, big}, {big});
        bool linted = false;
        for (const auto& f : quant::lint(bad).findings)
            linted = linted || (f.check == "rescale" && f.severity == quant::Severity::Error);
        QVERIFY(linted);
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(bad));
        QVERIFY(!it.ok());
        QVERIFY2(it.error().message.find("overflows") != std::string::npos, it.error().message.c_str());
        // 1e30 still rescales in float: both run it.
        const test::TensorSpec large{{1, 16}, DT::Int8, 1e30f, -128, {}};
        QVERIFY(exec::Interpreter::create(std::make_shared<const model::Graph>(test::singleOpGraph(spec, {k, large}, {large}))).ok());
    }

};

QTEST_GUILESS_MAIN(RescaleRulesTest)
#include "rescale_rules_test.moc"
