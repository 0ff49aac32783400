// SPDX-License-Identifier: MIT
// `--rounding reference` (tflite-micro's arithmetic) for the int8 kernels built on fixed-point
// transcendental functions: LOGISTIC and TANH over every input code, SOFTMAX and LOG_SOFTMAX over
// random rows of several depths, at several scales and zero points. The expected codes come from
// fixed_point_reference.py, an independent Python evaluation; they must be equal, code for code.
// (LiteRT's own kernels round differently, so op_test cannot check these.)
#include "common/op_builder.h"
#include "exec/interpreter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <random>

using namespace ql;
using DT = model::DType;
using BO = tflite::BuiltinOperator;

namespace {

struct Case {
    BO op;
    float scale;
    int zeroPoint;
    float beta;
    int rows, depth;
};

std::vector<Case> cases()
{
    std::vector<Case> c;
    const std::pair<float, int> activations[] = {
        {0.1f, 0}, {1.0f, 0}, {0.0235f, -5}, {0.5f, 10}, {0.0078125f, 0}, {0.2f, -128}, {0.01f, 3}, {0.06f, 127}};
    for (const auto& [s, z] : activations) {
        c.push_back({BO::LOGISTIC, s, z, 1, 1, 256});
        c.push_back({BO::TANH, s, z, 1, 1, 256});
    }
    const std::pair<float, float> softmaxes[] = {
        {0.1f, 1}, {0.05f, 1}, {0.3f, 1}, {0.0625f, 1}, {0.17f, 0.5f}, {1.0f, 1}, {0.004f, 1}};
    for (const auto& [s, beta] : softmaxes)
        for (const int depth : {1, 7, 10, 39}) {
            c.push_back({BO::SOFTMAX, s, 0, beta, 40, depth});
            if (beta == 1)
                c.push_back({BO::LOG_SOFTMAX, s, 0, 1, 40, depth});
        }
    return c;
}

const char* opName(BO op)
{
    switch (op) {
    case BO::LOGISTIC: return "LOGISTIC";
    case BO::TANH: return "TANH";
    case BO::SOFTMAX: return "SOFTMAX";
    default: return "LOG_SOFTMAX";
    }
}

// The output quantization each operator requires of int8.
test::TensorSpec outputSpec(BO op, std::vector<std::int32_t> shape)
{
    test::TensorSpec t;
    t.shape = std::move(shape);
    t.dtype = DT::Int8;
    switch (op) {
    case BO::TANH: t.scale = 1.0f / 128; t.zeroPoint = 0; break;
    case BO::LOG_SOFTMAX: t.scale = 16.0f / 256; t.zeroPoint = 127; break;
    default: t.scale = 1.0f / 256; t.zeroPoint = -128; break;
    }
    return t;
}

std::vector<std::int8_t> inputsOf(const Case& c, unsigned seed)
{
    std::vector<std::int8_t> v(static_cast<std::size_t>(c.rows * c.depth));
    if (c.op == BO::LOGISTIC || c.op == BO::TANH) {
        for (std::size_t i = 0; i < v.size(); ++i)
            v[i] = static_cast<std::int8_t>(static_cast<int>(i) - 128);
        return v;
    }
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> d(-128, 127);
    for (auto& x : v)
        x = static_cast<std::int8_t>(d(rng));
    return v;
}

} // namespace

class ReferenceRoundingTest : public QObject {
    Q_OBJECT

private slots:
    void integerTranscendentalsMatchTheIndependentEvaluation()
    {
        const auto all = cases();
        QByteArray requests;
        std::vector<std::vector<std::int8_t>> ours;
        for (std::size_t k = 0; k < all.size(); ++k) {
            const Case& c = all[k];
            const auto in = inputsOf(c, static_cast<unsigned>(k + 1));
            const std::vector<std::int32_t> shape = {c.rows, c.depth};
            test::TensorSpec input;
            input.shape = shape;
            input.dtype = DT::Int8;
            input.scale = c.scale;
            input.zeroPoint = c.zeroPoint;
            test::OpSpec spec;
            spec.op = c.op;
            if (c.op == BO::SOFTMAX) {
                tflite::SoftmaxOptionsT o;
                o.beta = c.beta;
                spec.options.Set(o);
            } else if (c.op == BO::LOG_SOFTMAX) {
                spec.options.Set(tflite::LogSoftmaxOptionsT{});
            }
            spec.version = 2;
            auto graph = std::make_shared<model::Graph>(test::singleOpGraph(spec, {input}, {outputSpec(c.op, shape)}));
            exec::InterpreterOptions options;
            options.rounding = exec::Rounding::Reference;
            auto it = exec::Interpreter::create(graph, options);
            QVERIFY2(it.ok(), it.ok() ? "" : it.error().message.c_str());
            const std::span<const std::uint8_t> bytes(reinterpret_cast<const std::uint8_t*>(in.data()), in.size());
            QVERIFY((*it)->setInput(0, DT::Int8, bytes).ok());
            const auto st = (*it)->invoke();
            QVERIFY2(st.ok(), st.ok() ? "" : st.error().message.c_str());
            const auto& out = (*it)->output(0);
            ours.emplace_back(out.as<std::int8_t>(), out.as<std::int8_t>() + out.count());

            QJsonArray values;
            for (const auto v : in)
                values.append(v);
            QJsonObject req{{QStringLiteral("op"), QString::fromLatin1(opName(c.op))}, {QStringLiteral("scale"), static_cast<double>(c.scale)},
                {QStringLiteral("zero_point"), c.zeroPoint}, {QStringLiteral("beta"), static_cast<double>(c.beta)},
                {QStringLiteral("depth"), c.depth}, {QStringLiteral("values"), values}};
            requests += QJsonDocument(req).toJson(QJsonDocument::Compact) + '\n';
        }

        QProcess py;
        py.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral(QL_SOURCE_DIR "/tests/exec/fixed_point_reference.py")});
        QVERIFY(py.waitForStarted());
        py.write(requests);
        py.closeWriteChannel();
        QVERIFY(py.waitForFinished(300000));
        QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
        const auto lines = QString::fromUtf8(py.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(static_cast<std::size_t>(lines.size()), all.size());

        int failing = 0;
        for (std::size_t k = 0; k < all.size(); ++k) {
            const auto codes = lines[static_cast<int>(k)].split(QLatin1Char(' '), Qt::SkipEmptyParts);
            QCOMPARE(static_cast<std::size_t>(codes.size()), ours[k].size());
            int differing = 0, first = -1;
            for (std::size_t i = 0; i < ours[k].size(); ++i)
                if (codes[static_cast<int>(i)].toInt() != ours[k][i] && differing++ == 0)
                    first = static_cast<int>(i);
            if (differing) {
                ++failing;
                const auto& c = all[k];
                qWarning("%s scale %g zero point %d beta %g depth %d: %d codes differ, first at %d (%d, expected %s)",
                    opName(c.op), static_cast<double>(c.scale), c.zeroPoint, static_cast<double>(c.beta), c.depth, differing,
                    first, ours[k][static_cast<std::size_t>(first)], qPrintable(codes[first]));
            }
        }
        QCOMPARE(failing, 0);
    }
};

QTEST_GUILESS_MAIN(ReferenceRoundingTest)
#include "reference_rounding_test.moc"
