// SPDX-License-Identifier: MIT
// Every shared model loads, and what the reader sees agrees with MODELS.md.
#include "common/model_facts.h"
#include "model/reader.h"
#include "model/summary.h"

#include <QTest>

#include <cmath>

using namespace ql;
using namespace ql::model;

namespace {

bool closeTo(double a, double b)
{
    // MODELS.md rounds to six decimals.
    return std::abs(a - b) <= 2e-4 * std::abs(b) + 6e-7;
}

void checkIo(
    const Graph& g, const std::vector<std::int32_t>& indices, const std::vector<test::IoFact>& facts, const char* what)
{
    QCOMPARE(indices.size(), facts.size());
    for (std::size_t i = 0; i < facts.size(); ++i) {
        const Tensor& t = g.main().tensors[static_cast<std::size_t>(indices[i])];
        const auto& f = facts[i];
        QVERIFY2(t.shape == f.shape, what);
        QCOMPARE(dtypeName(t.dtype), f.dtype);
        if (f.scale) {
            QCOMPARE(t.quantization.scale.size(), std::size_t{1});
            QVERIFY2(closeTo(t.quantization.scale[0], *f.scale),
                qPrintable(QStringLiteral("%1 scale %2, expected %3")
                               .arg(QLatin1String(what))
                               .arg(t.quantization.scale[0])
                               .arg(*f.scale)));
            QCOMPARE(t.quantization.zeroPoint.at(0), *f.zeroPoint);
        } else {
            QVERIFY(!t.quantization.hasScale()); // min/max may be recorded on float tensors
        }
    }
}

const Tensor& weightOf(const Graph& g, const Operator& op)
{
    return g.main().tensors[static_cast<std::size_t>(op.inputs[1])];
}

} // namespace

class ReaderTest : public QObject {
    Q_OBJECT

private slots:
    void everySharedModelLoads()
    {
        const auto files = test::allModelFiles();
        QVERIFY2(files.size() >= 27 + 100, "the shared models folder is missing or incomplete");
        for (const auto& f : files) {
            auto g = readTflite(f);
            QVERIFY2(g.ok(), g.ok() ? "" : g.error().message.c_str());
            QCOMPARE(g->version, 3u);
            QVERIFY(!g->main().operators.empty());
        }
    }

    void factsFromModelsMd_data()
    {
        QTest::addColumn<int>("index");
        const auto& facts = test::modelFacts();
        for (std::size_t i = 0; i < facts.size(); ++i)
            QTest::newRow(facts[i].file.c_str()) << static_cast<int>(i);
    }

    void factsFromModelsMd()
    {
        QFETCH(int, index);
        const auto& fact = test::modelFacts()[static_cast<std::size_t>(index)];
        auto g = readTflite(test::modelPath(fact.file));
        QVERIFY2(g.ok(), g.ok() ? "" : g.error().message.c_str());
        QCOMPARE(g->subgraphs.size(), std::size_t{1});
        const auto summary = summarize(*g);
        QCOMPARE(summary.operatorCounts, fact.ops);
        checkIo(*g, g->main().inputs, fact.inputs, "input");
        checkIo(*g, g->main().outputs, fact.outputs, "output");
        QCOMPARE(
            summary.mode.mode == QuantMode::Mixed ? std::string("mixed") : quantModeName(summary.mode.mode), fact.mode);
        QCOMPARE(summary.fileSize, static_cast<std::uint64_t>(g->file->bytes().size()));
    }

    void weightsAreViewsIntoTheMapping()
    {
        auto g = readTflite(test::modelPath("ad01_autoencoder_float32.tflite"));
        QVERIFY(g.ok());
        const auto file = g->file->bytes();
        int constants = 0;
        for (const auto& t : g->main().tensors) {
            if (!g->isConstant(t))
                continue;
            ++constants;
            const auto data = g->tensorData(t);
            QVERIFY(data.data() >= file.data() && data.data() + data.size() <= file.data() + file.size());
        }
        QCOMPARE(constants, 20); // 10 weight matrices and 10 biases
    }

    void perChannelScales()
    {
        // kws int8: convolutions per output channel (dimension 0), depthwise along dimension 3.
        auto g = readTflite(test::modelPath("kws_dscnn_int8.tflite"));
        QVERIFY(g.ok());
        int conv = 0, depthwise = 0;
        for (const auto& op : g->main().operators) {
            const auto code = g->opcodeOf(op);
            if (code != tflite::BuiltinOperator::CONV_2D && code != tflite::BuiltinOperator::DEPTHWISE_CONV_2D)
                continue;
            const Tensor& w = weightOf(*g, op);
            QCOMPARE(w.dtype, DType::Int8);
            const int dim = code == tflite::BuiltinOperator::CONV_2D ? 0 : 3;
            QCOMPARE(w.quantization.quantizedDimension, dim);
            QCOMPARE(static_cast<std::int64_t>(w.quantization.scale.size()),
                static_cast<std::int64_t>(w.shape[static_cast<std::size_t>(dim)]));
            QVERIFY(w.quantization.scale.size() > 1);
            for (auto zp : w.quantization.zeroPoint)
                QCOMPARE(zp, std::int64_t{0});
            (code == tflite::BuiltinOperator::CONV_2D ? conv : depthwise)++;
            // The int32 bias is quantized with input scale x weight scale, channel by channel.
            const Tensor& in = g->main().tensors[static_cast<std::size_t>(op.inputs[0])];
            const Tensor& bias = g->main().tensors[static_cast<std::size_t>(op.inputs[2])];
            QCOMPARE(bias.dtype, DType::Int32);
            QCOMPARE(bias.quantization.scale.size(), w.quantization.scale.size());
            for (std::size_t c = 0; c < w.quantization.scale.size(); ++c)
                QVERIFY(closeTo(bias.quantization.scale[c], in.quantization.scale[0] * w.quantization.scale[c]));
        }
        QCOMPARE(conv, 5);
        QCOMPARE(depthwise, 4);
    }

    void tinyScalesAreKept()
    {
        // MODELS.md: 973 of 2,736 conv/depthwise output channels of the VWW int8 model have weight
        // scale 0.0. In the file they are tiny positive floats (down to ~1e-11) that a JSON dump with
        // six decimals prints as 0; the reader must keep them exactly.
        auto g = readTflite(test::modelPath("vww_mobilenet_v1_025_96_int8.tflite"));
        QVERIFY(g.ok());
        int channels = 0, tiny = 0;
        float smallest = 1;
        for (const auto& op : g->main().operators) {
            const auto code = g->opcodeOf(op);
            if (code != tflite::BuiltinOperator::CONV_2D && code != tflite::BuiltinOperator::DEPTHWISE_CONV_2D)
                continue;
            for (auto s : weightOf(*g, op).quantization.scale) {
                ++channels;
                tiny += s < 5e-7f;
                smallest = std::min(smallest, s);
            }
        }
        QCOMPARE(channels, 2736);
        QCOMPARE(tiny, 973);
        QVERIFY(smallest > 0 && smallest < 1e-10f);
    }

    void asymmetricUint8AndInt64Bias()
    {
        auto g = readTflite(test::modelPath("mobilenet_v1_025_224_uint8.tflite"));
        QVERIFY(g.ok());
        const Tensor& w = weightOf(*g, g->main().operators.front());
        QCOMPARE(w.dtype, DType::UInt8);
        QCOMPARE(w.quantization.scale.size(), std::size_t{1});
        QVERIFY(w.quantization.zeroPoint[0] != 0);

        auto s = readTflite(test::modelPath("seanet_conv0_16x8.tflite"));
        QVERIFY(s.ok());
        const auto& conv = s->main().operators.front();
        QCOMPARE(s->main().tensors[static_cast<std::size_t>(conv.inputs[2])].dtype, DType::Int64);
        QCOMPARE(weightOf(*s, conv).quantization.scale.size(), std::size_t{8});
        const auto* opts = conv.options.AsConv2DOptions();
        QVERIFY(opts);
        QCOMPARE(opts->padding, tflite::Padding::VALID);
        QCOMPARE(opts->stride_w, 1);
    }

    void appendedZipIsFoundAndIgnored()
    {
        auto g = readTflite(test::modelPath("mobilenet_v1_025_224_uint8.tflite"));
        QVERIFY(g.ok());
        QCOMPARE(g->associatedFilesOffset, std::uint64_t{498184});
        QCOMPARE(g->associatedFiles.size(), std::size_t{508786 - 498184});
        auto v2 = readTflite(test::modelPath("mobilenet_v2_100_224_int8_uint8io.tflite"));
        QVERIFY(v2.ok());
        QCOMPARE(v2->associatedFilesOffset, std::uint64_t{4048352});
        auto plain = readTflite(test::modelPath("mobilenet_v1_025_224_float32.tflite"));
        QVERIFY(plain.ok());
        QVERIFY(plain->associatedFiles.empty());
    }

    void optionsAndSignatures()
    {
        auto g = readTflite(test::modelPath("fashion_mnist_cnn_dynrange.tflite"));
        QVERIFY(g.ok());
        int fc = 0;
        for (const auto& op : g->main().operators) {
            if (g->opcodeOf(op) != tflite::BuiltinOperator::FULLY_CONNECTED)
                continue;
            const auto* o = op.options.AsFullyConnectedOptions();
            QVERIFY(o);
            QVERIFY(o->asymmetric_quantize_inputs);
            ++fc;
        }
        QCOMPARE(fc, 2);
        // The int8 LSTM keeps its five intermediates and its variable int16 cell state.
        auto lstm = readTflite(test::modelPath("mnist_lstm_int8.tflite"));
        QVERIFY(lstm.ok());
        const auto& cell = lstm->main().operators.front();
        QCOMPARE(lstm->opName(cell), std::string("UNIDIRECTIONAL_SEQUENCE_LSTM"));
        QCOMPARE(cell.intermediates.size(), std::size_t{5});
        QCOMPARE(cell.inputs.size(), std::size_t{24});
        int int16State = 0;
        for (auto i : cell.inputs)
            if (i >= 0) {
                const auto& t = lstm->main().tensors[static_cast<std::size_t>(i)];
                int16State += t.isVariable && t.dtype == DType::Int16;
            }
        QCOMPARE(int16State, 1);
        int withSignatures = 0;
        for (const auto& f : test::allModelFiles()) {
            auto m = readTflite(f);
            QVERIFY(m.ok());
            withSignatures += !m->signatureDefs.empty();
        }
        QVERIFY(withSignatures >= 6); // MODELS.md: SignatureDefs in six files
    }
};

QTEST_GUILESS_MAIN(ReaderTest)
#include "reader_test.moc"
