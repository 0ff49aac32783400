// SPDX-License-Identifier: MIT
// The converter's operator rules (quant/op_rules.h) as the quantizer applies them and as the validity
// check (quant/lint.h) enforces them: a CONCATENATION's inputs and output share one parameter set
// without requantization; an input whose parameters are fixed (LOGISTIC's) is requantized to the shared
// set; LiteRT runs both exports fully delegated and computes what QuantLens computes; a file whose
// CONCATENATION inputs differ in scale (the broken DeepLab export) is an error that names the operator;
// and docs/quantization.md carries the table exactly as the code has it.
#include "common/crosscheck.h"
#include "common/graph_builder.h"
#include "common/litert.h"
#include "common/op_builder.h"
#include "exec/interpreter.h"
#include "model/writer.h"
#include "passes/quantize.h"
#include "quant/lint.h"
#include "quant/op_rules.h"
#include "quant/op_rules_doc.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <random>

using namespace ql;
using DT = model::DType;
using BO = tflite::BuiltinOperator;

using test::opts;

namespace {

std::vector<float> randomValues(std::size_t n, float scale, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(-scale, scale);
    std::vector<float> v(n);
    for (float& x : v)
        x = u(rng);
    return v;
}

// x [1,8,8,3] -> conv A (small weights) and conv B (large weights); optionally LOGISTIC(x); all
// concatenated along the channels.
model::Graph concatModel(bool withLogistic)
{
    test::GraphBuilder b;
    const int sg = b.subgraph("main");
    const int x = b.input(sg, "x", DT::Float32, {1, 8, 8, 3});
    auto conv = [&](const std::string& name, float wscale, unsigned seed) {
        const int w = b.constant(sg, name + "/w", DT::Float32, {4, 3, 3, 3}, randomValues(108, wscale, seed));
        const int bias = b.constant(sg, name + "/b", DT::Float32, {4}, randomValues(4, 0.1f, seed + 1));
        const int y = b.tensor(sg, name, DT::Float32, {1, 8, 8, 4});
        tflite::Conv2DOptionsT co;
        co.padding = tflite::Padding::SAME;
        co.stride_w = co.stride_h = 1;
        b.op(sg, BO::CONV_2D, {x, w, bias}, {y}, opts(co), {}, 1);
        return y;
    };
    std::vector<std::int32_t> parts{conv("small", 0.2f, 1), conv("large", 2.0f, 7)};
    if (withLogistic) {
        const int s = b.tensor(sg, "sigmoid", DT::Float32, {1, 8, 8, 3});
        b.op(sg, BO::LOGISTIC, {x}, {s});
        parts.push_back(s);
    }
    const int channels = withLogistic ? 11 : 8;
    const int y = b.tensor(sg, "concat", DT::Float32, {1, 8, 8, channels});
    tflite::ConcatenationOptionsT co;
    co.axis = 3;
    b.op(sg, BO::CONCATENATION, parts, {y}, opts(co));
    b.output(sg, y);
    return b.graph();
}

// x [2,4,16] -> BATCH_MATMUL with a constant right-hand side [16,8] (an einsum "btd,df->btf" as the
// converter keeps it) -> FULLY_CONNECTED with weights [6,8] and keep_num_dims (the converter's rewrite of
// a rank-2 einsum: weights transposed to [out, in]) -> [2,4,6].
model::Graph einsumModel()
{
    test::GraphBuilder b;
    const int sg = b.subgraph("main");
    const int x = b.input(sg, "x", DT::Float32, {2, 4, 16});
    const int w1 = b.constant(sg, "einsum/w", DT::Float32, {16, 8}, randomValues(128, 0.5f, 11));
    const int y = b.tensor(sg, "einsum", DT::Float32, {2, 4, 8});
    b.op(sg, BO::BATCH_MATMUL, {x, w1}, {y}, opts(tflite::BatchMatMulOptionsT{}));
    std::vector<float> w2 = randomValues(48, 0.3f, 12);
    for (int k = 0; k < 8; ++k)
        w2[static_cast<std::size_t>(40 + k)] *= 8.0f; // one output row much wider: per-channel matters
    const int w2t = b.constant(sg, "dense/w", DT::Float32, {6, 8}, w2);
    const int bias = b.constant(sg, "dense/b", DT::Float32, {6}, randomValues(6, 0.1f, 13));
    const int z = b.tensor(sg, "dense", DT::Float32, {2, 4, 6});
    tflite::FullyConnectedOptionsT fo;
    fo.keep_num_dims = true;
    b.op(sg, BO::FULLY_CONNECTED, {y, w2t, bias}, {z}, opts(fo));
    b.output(sg, z);
    return b.graph();
}

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

data::SampleSet calibrationSet()
{
    data::SampleSet s;
    s.sampleShape = {8, 8, 3};
    s.count = 8;
    s.values = randomValues(8 * 192, 1.0f, 3);
    return s;
}

passes::QuantizeResult quantized(const model::Graph& g, passes::IoType io = passes::IoType::Native)
{
    auto ranges = quant::calibrate(g, calibrationSet(), {});
    if (!ranges)
        qFatal("%s", ranges.error().message.c_str());
    passes::QuantizeOptions o;
    o.mode = passes::Mode::Int8;
    o.io = io;
    auto q = passes::quantizeGraph(g, o, *ranges);
    if (!q)
        qFatal("%s", q.error().message.c_str());
    return std::move(*q);
}

const model::Operator* findOp(const model::Graph& g, BO code)
{
    for (const auto& op : g.main().operators)
        if (g.opcodeOf(op) == code)
            return &op;
    return nullptr;
}

const model::Quantization& quantOf(const model::Graph& g, int t)
{
    return g.main().tensors[static_cast<std::size_t>(t)].quantization;
}

bool fullyDelegatedInLitert(const QString& file)
{
    QProcess p;
    p.start(test::litertRunPath(),
        {file, QStringLiteral("--bench"), QStringLiteral("1"), QStringLiteral("--warmup"), QStringLiteral("0"), QStringLiteral("--verbose")});
    p.waitForFinished(120000);
    const QString log = QString::fromUtf8(p.readAllStandardError());
    if (p.exitCode() != 0 || !test::litertFailure(log).isEmpty())
        qFatal("litert-run failed: %s", qPrintable(log.right(500)));
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object()[QStringLiteral("xnnpack_fully_delegated")].toBool();
}

} // namespace

class OpRulesTest : public QObject {
    Q_OBJECT

private slots:
    void concatenationInputsShareTheOutputsParameters()
    {
        const auto q = quantized(concatModel(false));
        const model::Operator* concat = findOp(q.graph, BO::CONCATENATION);
        QVERIFY(concat);
        const auto& out = quantOf(q.graph, concat->outputs[0]);
        for (int in : concat->inputs) {
            const auto& p = quantOf(q.graph, in);
            QCOMPARE(p.scale, out.scale);
            QCOMPARE(p.zeroPoint, out.zeroPoint);
        }
        // No requantization: the convolutions write the shared parameters themselves.
        int quantizeOps = 0;
        for (const auto& op : q.graph.main().operators)
            quantizeOps += q.graph.opcodeOf(op) == BO::QUANTIZE;
        QCOMPARE(quantizeOps, 0);
        // The shared range holds both branches (the large one's range is wider).
        QVERIFY(out.scale[0] > 0.02f);
        QVERIFY(q.lint.ok());
        QVERIFY(q.lint.fullyDelegated);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("concat.tflite"));
        QVERIFY(model::writeTflite(q.graph, file.toStdString()).ok());
        QVERIFY(fullyDelegatedInLitert(file));
        for (unsigned seed : {1u, 2u}) {
            const QString problem = test::checkAgainstLitert(q.graph, test::ModelKind::Integer, -1, 1, seed, "concat int8");
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }

    void fixedRangeInputIsRequantizedToTheSharedParameters()
    {
        const auto q = quantized(concatModel(true));
        const model::Operator* concat = findOp(q.graph, BO::CONCATENATION);
        const model::Operator* logistic = findOp(q.graph, BO::LOGISTIC);
        QVERIFY(concat && logistic);
        // LOGISTIC keeps the parameters its kernel requires ...
        const auto& sig = quantOf(q.graph, logistic->outputs[0]);
        QCOMPARE(sig.scale, std::vector<float>{1.0f / 256});
        QCOMPARE(sig.zeroPoint, std::vector<std::int64_t>{-128});
        // ... and reaches the CONCATENATION through an int8-to-int8 QUANTIZE to the shared set.
        const int third = concat->inputs[2];
        QVERIFY(third != logistic->outputs[0]);
        const model::Operator* requant = nullptr;
        for (const auto& op : q.graph.main().operators)
            if (q.graph.opcodeOf(op) == BO::QUANTIZE && op.outputs[0] == third)
                requant = &op;
        QVERIFY(requant);
        QCOMPARE(requant->inputs[0], logistic->outputs[0]);
        QCOMPARE(q.graph.main().tensors[static_cast<std::size_t>(third)].dtype, DT::Int8);
        const auto& out = quantOf(q.graph, concat->outputs[0]);
        for (int in : concat->inputs)
            QCOMPARE(quantOf(q.graph, in).scale, out.scale);
        QVERIFY(q.lint.ok());
        for (unsigned seed : {1u, 2u}) {
            const QString problem =
                test::checkAgainstLitert(q.graph, test::ModelKind::Integer, -1, 1, seed, "logistic concat int8");
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }

    void concatenationWithMismatchedScalesIsAnErrorNamingIt()
    {
        // What the old export wrote (and what a file made elsewhere may hold): each input with its own
        // parameters. LiteRT then fails to delegate the node and its built-in kernel computes garbage.
        auto q = quantized(concatModel(false));
        model::Graph broken = q.graph;
        const model::Operator* concat = findOp(broken, BO::CONCATENATION);
        auto& t = broken.subgraphs.front().tensors[static_cast<std::size_t>(concat->inputs[0])];
        t.quantization.scale = {t.quantization.scale[0] * 0.25f};
        const auto report = quant::lint(broken);
        QVERIFY(!report.ok());
        bool named = false;
        for (const auto& f : report.findings)
            if (f.severity == quant::Severity::Error && f.check == "same-scale" && f.opName == "CONCATENATION")
                named = quant::describe(f).find("CONCATENATION") != std::string::npos;
        QVERIFY2(named, report.findings.empty() ? "no finding" : quant::describe(report.findings.front()).c_str());
        QVERIFY(quant::lint(q.graph).ok());

        // `info` says so, in text and JSON.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("broken.tflite"));
        QVERIFY(model::writeTflite(broken, file.toStdString()).ok());
        QProcess text;
        text.start(QStringLiteral(QL_CLI_PATH), {QStringLiteral("info"), file});
        QVERIFY(text.waitForFinished(60000));
        const QString shown = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(shown.contains(QLatin1String("Problems")) && shown.contains(QLatin1String("error: operator 2 (CONCATENATION)")),
            qPrintable(shown));
        QProcess json;
        json.start(QStringLiteral(QL_CLI_PATH), {QStringLiteral("info"), file, QStringLiteral("--json")});
        QVERIFY(json.waitForFinished(60000));
        const auto lintJson = QJsonDocument::fromJson(json.readAllStandardOutput()).object()[QStringLiteral("lint")].toObject();
        QVERIFY(lintJson[QStringLiteral("errors")].toInt() >= 1);
        bool inJson = false;
        for (const auto& v : lintJson[QStringLiteral("findings")].toArray()) {
            const auto o = v.toObject();
            inJson = inJson || (o[QStringLiteral("severity")].toString() == QLatin1String("error") &&
                                   o[QStringLiteral("op")].toString() == QLatin1String("CONCATENATION") &&
                                   o[QStringLiteral("check")].toString() == QLatin1String("same-scale"));
        }
        QVERIFY(inJson);
    }

    // Einsum-style layers get the converter's weight axes: a BATCH_MATMUL's constant right-hand side one
    // symmetric scale (the converter gives BATCH_MATMUL no per-channel axis; XNNPACK takes a zero point of 0
    // only), a FULLY_CONNECTED's [out, in] weights one scale per output row (axis 0), in int8 and in
    // dynamic range; LiteRT computes what QuantLens computes.
    void einsumStyleWeightsGetTheConvertersAxis()
    {
        const model::Graph g = einsumModel();
        for (const auto mode : {passes::Mode::Int8, passes::Mode::Dynamic}) {
            passes::QuantizeOptions o;
            o.mode = mode;
            o.dynamicMinElements = 16;
            std::vector<quant::TensorRange> ranges;
            if (mode == passes::Mode::Int8) {
                data::SampleSet s;
                s.sampleShape = {2, 4, 16};
                s.count = 8;
                s.values = randomValues(8 * 128, 1.0f, 5);
                auto r = quant::calibrate(g, s, {});
                QVERIFY(r.ok());
                ranges = *r;
            }
            auto q = passes::quantizeGraph(g, o, ranges);
            QVERIFY2(q.ok(), q ? "" : q.error().message.c_str());
            const model::Operator* bmm = findOp(q->graph, BO::BATCH_MATMUL);
            const model::Operator* fc = findOp(q->graph, BO::FULLY_CONNECTED);
            QVERIFY(bmm && fc);
            const auto& rhs = q->graph.main().tensors[static_cast<std::size_t>(bmm->inputs[1])];
            QCOMPARE(rhs.dtype, DT::Int8);
            QCOMPARE(rhs.quantization.scale.size(), std::size_t{1});
            QCOMPARE(rhs.quantization.zeroPoint, std::vector<std::int64_t>{0});
            const auto& w = q->graph.main().tensors[static_cast<std::size_t>(fc->inputs[1])];
            QCOMPARE(w.dtype, DT::Int8);
            QCOMPARE(w.shape, (std::vector<std::int32_t>{6, 8}));
            QCOMPARE(w.quantization.quantizedDimension, 0);
            QCOMPARE(w.quantization.scale.size(), std::size_t{6});
            QVERIFY(w.quantization.scale[5] > 4.0f * w.quantization.scale[0]); // the wide row has its own scale
            QVERIFY(q->lint.ok());
            const bool integer = mode == passes::Mode::Int8;
            const QString problem = test::checkAgainstLitert(q->graph,
                integer ? test::ModelKind::Integer : test::ModelKind::Hybrid, -1, 1, 1, integer ? "einsum int8" : "einsum dynamic");
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }

    // LiteRT's integer ADD / SUB stop the program (Aborted, while preparing) when the largest input scale
    // is 2^19 (int8) or 2^14 (int16) or more times the output scale. The lint calls it an error, the
    // interpreter refuses it by name, and LiteRT indeed stops there and runs one power of two below.
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

    void everyRuleIsConsistent()
    {
        for (const auto& r : quant::allRules()) {
            const std::string name = tflite::EnumNameBuiltinOperator(r.op);
            QVERIFY2(r.int8 || r.int16, name.c_str());
            QVERIFY2(r.versionInt8 <= r.maxVersion && r.version16x8 <= std::max(r.maxVersion, r.version16x8), name.c_str());
            QVERIFY2(r.dataInputs != 0, name.c_str());
            if (r.output == quant::OutputRule::Shared)
                QVERIFY2(r.sharedInputs != 0, name.c_str());
            if (r.output == quant::OutputRule::SameAsInput)
                QVERIFY2(quant::isDataInput(r, r.sameAs), name.c_str());
            if (r.output == quant::OutputRule::Fixed)
                QVERIFY2(r.fixed8.scale > 0 && (!r.int16 || r.fixed16.scale > 0), name.c_str());
            QVERIFY2(quant::ruleFor(r.op) == &r, name.c_str()); // one row per operator
        }
    }

    void documentCarriesTheTable()
    {
        QFile f(QStringLiteral(QL_SOURCE_DIR "/docs/quantization.md"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString doc = QString::fromUtf8(f.readAll());
        const QString begin = QStringLiteral("<!-- operator-rules:begin -->\n"), end = QStringLiteral("<!-- operator-rules:end -->");
        const auto b = doc.indexOf(begin), e = doc.indexOf(end);
        QVERIFY2(b >= 0 && e > b, "docs/quantization.md has no operator-rules markers");
        const QString inDoc = doc.mid(b + begin.size(), e - b - begin.size());
        const QString fromCode = QString::fromStdString(quant::operatorRulesMarkdown());
        QVERIFY2(inDoc == fromCode,
            "docs/quantization.md's operator table differs from quant/op_rules.cpp: regenerate it with "
            "`quantlens-cli rules`");
    }

    // What LiteRT does with CONCATENATION, measured by op_random_test (docs/arithmetic.md 10d): int16
    // copies codes whatever the scales; a fused activation is ignored by XNNPACK (float, 8-bit) and
    // refused by TFLite's kernel (int16, which XNNPACK does not take).
    void lintReportsConcatenationAsLiteRtRunsIt()
    {
        auto findings = [](DT t, float s1, float s2, tflite::ActivationFunctionType act) {
            tflite::ConcatenationOptionsT o;
            o.axis = 1;
            o.fused_activation_function = act;
            const float sy = t == DT::Float32 ? 0.0f : s1;
            const test::TensorSpec a{{2, 3}, t, s1, 0, {}}, b{{2, 5}, t, s2, 0, {}}, y{{2, 8}, t, sy, 0, {}};
            return quant::lint(test::singleOpGraph(BO::CONCATENATION, test::opts(o), {a, b}, {y})).findings;
        };
        auto has = [](const std::vector<quant::LintFinding>& f, const std::string& check, quant::Severity sev,
                       const std::string& text) {
            for (const auto& x : f)
                if (x.check == check && x.severity == sev && x.message.find(text) != std::string::npos)
                    return true;
            return false;
        };
        using A = tflite::ActivationFunctionType;
        const auto codes = findings(DT::Int16, 1e-4f, 3e-4f, A::NONE);
        QVERIFY(has(codes, "same-scale", quant::Severity::Error, "copies or compares the codes"));
        QVERIFY(!has(findings(DT::Int16, 1e-4f, 1e-4f, A::NONE), "same-scale", quant::Severity::Error, ""));
        QVERIFY(has(findings(DT::Float32, 0, 0, A::RELU), "activation", quant::Severity::Warning, "ignores"));
        QVERIFY(has(findings(DT::Int16, 1e-4f, 1e-4f, A::RELU6), "activation", quant::Severity::Error, "refuses"));
    }
};

QTEST_GUILESS_MAIN(OpRulesTest)
#include "op_rules_test.moc"
