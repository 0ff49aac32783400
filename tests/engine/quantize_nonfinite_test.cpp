// SPDX-License-Identifier: MIT
// QUANTIZE of NaN and infinities, as an integer export whose float part divides by zero hands them to its
// final QUANTIZE: QuantLens must write the codes LiteRT writes, for int8, uint8 and int16 outputs.
#include "common/graph_builder.h"
#include "common/litert.h"
#include "engine/export_litert.h"
#include "exec/interpreter.h"
#include "model/writer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cstring>
#include <limits>
#include <utility>

using namespace ql;
using namespace ql::test;
using DT = model::DType;

class QuantizeNonfiniteTest : public QObject {
    Q_OBJECT

private slots:
    // An integer export whose float part divides by zero hands NaN and infinities to its final QUANTIZE;
    // LiteRT saturates them (int8/uint8 through XNNPACK: NaN by its sign bit; int16 through TFLite's
    // kernel: NaN to the zero point). QuantLens must write the same codes.
    void quantizeOfNanAndInfinityAsLitert()
    {
        const float nan = std::numeric_limits<float>::quiet_NaN(), inf = std::numeric_limits<float>::infinity();
        const std::vector<float> x{nan, inf, -inf, 1.0f, -nan, 1e30f, -1e30f, 0.0f};
        for (const auto& [dt, zp] : {std::pair{DT::Int8, 3}, std::pair{DT::UInt8, 128}, std::pair{DT::Int16, 0}}) {
            test::GraphBuilder b;
            const int sg = b.subgraph("main");
            const int in = b.input(sg, "x", DT::Float32, {8});
            const int out = b.tensor(sg, "y", dt, {8});
            b.at(sg, out).quantization.scale = {0.05f};
            b.at(sg, out).quantization.zeroPoint = {zp};
            b.op(sg, tflite::BuiltinOperator::QUANTIZE, {in}, {out});
            b.output(sg, out);
            QTemporaryDir dir;
            const QString file = dir.filePath(QStringLiteral("q.tflite")), input = dir.filePath(QStringLiteral("x.npy"));
            QVERIFY(model::writeTflite(b.graph(), file.toStdString()).ok());
            data::NpyArray a;
            a.dtype = DT::Float32;
            a.shape = {8};
            a.data.resize(32);
            std::memcpy(a.data.data(), x.data(), 32);
            QVERIFY(data::writeNpy(input.toStdString(), a).ok());
            const auto ref = test::runLitert(file, {input});
            QVERIFY2(ref.ok, qPrintable(ref.error));
            auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(b.graph()));
            QVERIFY(it.ok());
            QVERIFY((*it)->setInput(0, DT::Float32, a.data).ok());
            QVERIFY((*it)->invoke().ok());
            const auto& ours = (*it)->output(0);
            for (std::int64_t i = 0; i < 8; ++i)
                QVERIFY2(valueOf(ours.data, dt, i) == valueOf(ref.outputs[0].data.data(), dt, i),
                    qPrintable(QStringLiteral("%1 element %2: QuantLens %3, LiteRT %4")
                                   .arg(QString::fromStdString(model::dtypeName(dt)))
                                   .arg(i)
                                   .arg(valueOf(ours.data, dt, i))
                                   .arg(valueOf(ref.outputs[0].data.data(), dt, i))));
        }
    }
};

QTEST_GUILESS_MAIN(QuantizeNonfiniteTest)
#include "quantize_nonfinite_test.moc"
