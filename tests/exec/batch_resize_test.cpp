// SPDX-License-Identifier: MIT
// Inputs resized to another batch: a FULLY_CONNECTED model whose batch is dynamic in its shape signature,
// run on a batch of 5 in QuantLens and row by row in LiteRT, then resized back, and a shape it cannot take
// refused.
#include "exec/fully_connected_model.h"
#include "exec/graph_run.h"
#include "exec/interpreter.h"

#include <QTest>

#include <cmath>

using namespace ql;
using namespace ql::test;
using DT = model::DType;
using BO = tflite::BuiltinOperator;

class BatchResizeTest : public QObject {
    Q_OBJECT

private slots:
    void aResizedBatchRunsEveryRowAsLiteRTRunsItAlone()
    {
        // LiteRT.js cannot resize inputs; each row is run by itself there and compared with its row of
        // QuantLens's batch of 5.
        const auto g = fullyConnected(false);
        exec::InterpreterOptions o;
        o.inputShapes = {{5, 8}};
        auto it = interpreter(g, o);
        QVERIFY(it);
        const auto xs = seeded(40, 8);
        const auto ours = run(*it, {array(DT::Float32, {5, 8}, xs)});
        QCOMPARE(ours.size(), std::size_t{1});
        QCOMPARE(ours[0].shape, (std::vector<std::int64_t>{5, 4}));
        const auto v = valuesOf<float>(ours[0]);
        const float bias[4] = {0.5f, -0.5f, 1, 0};
        for (int row = 0; row < 5; ++row) {
            const std::vector<float> x(xs.begin() + row * 8, xs.begin() + row * 8 + 8);
            const auto ref = litert(g, {array(DT::Float32, {1, 8}, x)});
            QVERIFY2(ref.ok, qPrintable(ref.error));
            const auto r = valuesOf<float>(ref.outputs.at(0));
            for (int k = 0; k < 4; ++k) {
                double expect = bias[k];
                for (int j = 0; j < 8; ++j)
                    expect += static_cast<double>(kBlockDense[static_cast<std::size_t>(k * 8 + j)]) *
                        x[static_cast<std::size_t>(j)];
                const float ourValue = v[static_cast<std::size_t>(row * 4 + k)];
                QVERIFY2(std::abs(ourValue - expect) <= 1e-4 * (1 + std::abs(expect)),
                    qPrintable(QString::number(ourValue)));
                QVERIFY2(std::abs(ourValue - r[static_cast<std::size_t>(k)]) <=
                        1e-5f * (1 + std::abs(r[static_cast<std::size_t>(k)])),
                    qPrintable(QStringLiteral("row %1 unit %2: %3 against LiteRT %4")
                                   .arg(row)
                                   .arg(k)
                                   .arg(ourValue)
                                   .arg(r[static_cast<std::size_t>(k)])));
            }
        }
        // Back to one row, and a shape the model cannot take.
        QVERIFY(it->resizeInputs({{1, 8}}).ok());
        QCOMPARE(it->output(0).shape, (std::vector<std::int32_t>{1, 4}));
        const auto bad = it->resizeInputs({{2, 7}});
        QVERIFY(!bad.ok());
        QVERIFY2(!bad.error().message.empty(), "no reason given");
    }
};

QTEST_GUILESS_MAIN(BatchResizeTest)
#include "batch_resize_test.moc"
