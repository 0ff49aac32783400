// SPDX-License-Identifier: MIT
// quant/xnnpack_support against the runtime it predicts: the models of xnnpack_support_cases.cpp are
// written to disk and run once each with `litert-run MODEL --bench 1 --warmup 0 --verbose`, which
// prints "xnnpack_fully_delegated" like --info but also allocates and invokes the model (on zeros):
// a failed XNNPACK build then shows as "Node number k (TfLiteXNNPackDelegate) failed to prepare" or
// "... failed to invoke". With --info alone the prepare and invoke failures never appear.
// For every case the predicted verdicts must be the expected ones, xnnpackFullyDelegated must equal
// the runtime's flag, and BreaksBuild must be predicted exactly when the delegate failed; a refused
// node's own built-in kernel may fail only where the case says so.
#include "common/litert.h"
#include "engine/xnnpack_support_cases.h"
#include "model/writer.h"
#include "quant/xnnpack_support.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using namespace ql;
using namespace ql::test;
using V = quant::XnnpackVerdict;

namespace {

const std::vector<XnnpackCase>& cases()
{
    static const std::vector<XnnpackCase> c = xnnpackSupportCases();
    return c;
}

const XnnpackCase& named(const std::string& name)
{
    for (const auto& c : cases())
        if (c.name == name)
            return c;
    qFatal("no case %s", name.c_str());
}

struct Runtime {
    bool fullyDelegated = false;
    QString log;
};

// One litert-run call: compile, allocate and invoke once on zeros.
std::optional<Runtime> run(const QString& model, QString* error)
{
    QProcess p;
    p.start(litertRunPath(),
        {model, QStringLiteral("--bench"), QStringLiteral("1"), QStringLiteral("--warmup"), QStringLiteral("0"),
            QStringLiteral("--verbose")});
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("litert-run failed: ") + QString::fromUtf8(p.readAllStandardError()).right(600);
        return std::nullopt;
    }
    const auto doc = QJsonDocument::fromJson(p.readAllStandardOutput());
    if (!doc.isObject() || !doc.object().contains(QStringLiteral("xnnpack_fully_delegated"))) {
        *error = QStringLiteral("litert-run printed no xnnpack_fully_delegated");
        return std::nullopt;
    }
    return Runtime{
        doc.object()[QStringLiteral("xnnpack_fully_delegated")].toBool(), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class XnnpackSupportTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { m_clock.start(); }
    void cleanupTestCase()
    {
        qInfo("%zu cases against litert-run in %.1f s", cases().size(), m_clock.elapsed() / 1000.0);
    }

    void againstRuntime_data()
    {
        QTest::addColumn<int>("index");
        for (std::size_t i = 0; i < cases().size(); ++i)
            QTest::newRow(cases()[i].name.c_str()) << static_cast<int>(i);
    }

    void againstRuntime()
    {
        QFETCH(int, index);
        const XnnpackCase& c = cases()[static_cast<std::size_t>(index)];
        QVERIFY2(!c.g.subgraphs.empty(), "the model could not be read");
        const auto decisions = quant::xnnpackDecisions(c.g);
        if (!c.expect.empty())
            QCOMPARE(decisions.size(), c.expect.size());
        for (std::size_t i = 0; i < c.expect.size(); ++i) {
            // Compare through the name so that a failure shows both verdicts and the reason.
            const QString got = QStringLiteral("%1 (%2)").arg(
                quant::xnnpackVerdictName(decisions[i].verdict), QString::fromStdString(decisions[i].reason));
            QVERIFY2(decisions[i].verdict == c.expect[i],
                qPrintable(QStringLiteral("operator %1: expected %2, predicted %3")
                               .arg(i)
                               .arg(quant::xnnpackVerdictName(c.expect[i]), got)));
            const auto single = quant::xnnpackDecision(c.g, 0, static_cast<int>(i));
            QCOMPARE(single.verdict, decisions[i].verdict);
        }

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("model.tflite"));
        const auto written = model::writeTflite(c.g, path.toStdString());
        QVERIFY2(written.ok(), written ? "" : written.error().message.c_str());
        QString error;
        const auto r = run(path, &error);
        QVERIFY2(r.has_value(), qPrintable(error));

        QCOMPARE(quant::xnnpackFullyDelegated(c.g), r->fullyDelegated);
        const bool delegateFailed = r->log.contains(QLatin1String("(TfLiteXNNPackDelegate) failed to"));
        QVERIFY2(quant::xnnpackBuildFails(c.g) == delegateFailed, qPrintable(r->log.right(800)));
        const QString failure = litertFailure(r->log);
        if (!delegateFailed)
            QVERIFY2(failure.isEmpty() != c.builtinFails,
                qPrintable(c.builtinFails ? QStringLiteral("the built-in kernel was expected to fail") : failure));
    }

    void otherSubgraphsAndIndices()
    {
        const model::Graph& g = named("float RELU").g;
        QCOMPARE(quant::xnnpackDecision(g, 0, 0).verdict, V::Delegated);
        const auto other = quant::xnnpackDecision(g, 1, 0);
        QCOMPARE(other.verdict, V::BuiltinKernel);
        QVERIFY(other.reason.find("subgraph 0") != std::string::npos);
        QCOMPARE(quant::xnnpackDecision(g, 0, 1).verdict, V::BuiltinKernel);
        QCOMPARE(quant::xnnpackDecision(g, 0, -1).verdict, V::BuiltinKernel);
        QVERIFY(quant::xnnpackDecisions(model::Graph{}).empty());
    }

    void reasonsInPlainWords()
    {
        const auto reason = [](const char* name, int op = 0) {
            return QString::fromStdString(quant::xnnpackDecision(named(name).g, 0, op).reason);
        };
        QCOMPARE(reason("int8 SOFTMAX"), QStringLiteral("XNNPACK has no int8 SOFTMAX"));
        QCOMPARE(reason("int8 CONCATENATION different parameters"),
            QStringLiteral("CONCATENATION inputs and output are quantized differently"));
        QCOMPARE(reason("float SQUEEZE"), QStringLiteral("XNNPACK does not take SQUEEZE"));
        QCOMPARE(reason("int16 ADD"), QStringLiteral("XNNPACK has no int16 ADD"));
        QVERIFY(reason("int8 CONV_2D output scale 0").contains(QLatin1String("scale 0")));
        QVERIFY(reason("int8 FULLY_CONNECTED weights zero point 3").contains(QLatin1String("zero point 3")));
        QVERIFY(reason("hybrid FULLY_CONNECTED per-tensor").contains(QLatin1String("qd8")));
        QVERIFY(reason("DEQUANTIZE float16 constant as graph output").contains(QLatin1String("graph output")));
    }

private:
    QElapsedTimer m_clock;
};

QTEST_GUILESS_MAIN(XnnpackSupportTest)
#include "xnnpack_support_test.moc"
