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
#include "rule_graphs.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace ql;
using DT = model::DType;
using BO = tflite::BuiltinOperator;

using test::calibrationSet;
using test::findOp;
using test::opts;
using test::randomValues;

namespace {

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
