// SPDX-License-Identifier: MIT
// The engine's one quantization pipeline (pipeline/source.h, pipeline/quantize.h) on the shared real models:
// a quantized file re-quantizes with its own activation scales and needs no data, every operator of the
// dequantized graph is the file's operator of the same number, keep-float speaks the file's numbering,
// and class scores read the same whatever the output's type (eval/scores.h).
#include "common/model_facts.h"
#include "eval/scores.h"
#include "exec/interpreter.h"
#include "model/reader.h"
#include "passes/quantize.h"
#include "pipeline/quantize.h"
#include "pipeline/source.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <random>

using namespace ql;
using Op = tflite::BuiltinOperator;

namespace {

pipeline::ModelSource open(const std::string& file)
{
    auto m = pipeline::openModel(test::modelPath(file));
    if (!m)
        qFatal("%s: %s", file.c_str(), m.error().message.c_str());
    return std::move(*m);
}

const model::Tensor& outputOf(const model::Graph& g, int op)
{
    const auto& o = g.main().operators[static_cast<std::size_t>(op)];
    return g.main().tensors[static_cast<std::size_t>(o.outputs.at(0))];
}

// Runs `g` on `input` (bytes of the graph's own input type) and returns output 0 as real values.
std::vector<float> run(const model::Graph& g, const std::vector<std::uint8_t>& input)
{
    auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(g));
    if (!it)
        qFatal("interpreter: %s", it.error().message.c_str());
    const auto& in = (*it)->input(0);
    if (!(*it)->setInput(0, in.dtype, input).ok() || !(*it)->invoke().ok())
        qFatal("run failed");
    return eval::realValues((*it)->output(0));
}

} // namespace

class PipelineTest : public QObject {
    Q_OBJECT

private slots:
    void floatModelIsItsOwnWorkGraph()
    {
        const auto m = open("resnet8_cifar10_float32.tflite");
        QVERIFY(!m.dequantized());
        QCOMPARE(m.work.get(), m.file.get());
        QVERIFY(m.note.empty());
        QCOMPARE(m.toFile.size(), m.file->main().operators.size());
        for (std::size_t i = 0; i < m.toFile.size(); ++i)
            QCOMPARE(m.toFile[i], static_cast<int>(i));
        QCOMPARE(m.carriedRanges(), 0);
        passes::QuantizeOptions o;
        QVERIFY(pipeline::needsData(m, o));
        auto r = pipeline::quantize(m, o, {});
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.find("needs calibration data") != std::string::npos, r.error().message.c_str());
        o.mode = passes::Mode::Float16;
        QVERIFY(!pipeline::needsData(m, o));
        QVERIFY(pipeline::quantize(m, o, {}).ok());
    }

    // Every operator of the dequantized graph is the file's operator of the number it maps to: same type,
    // same output tensor name; every file operator but the QUANTIZE / DEQUANTIZE that dequantizing removes
    // has its counterpart.
    void everyWorkOperatorIsTheFileOperatorOfItsNumber_data()
    {
        QTest::addColumn<QString>("file");
        for (const char* f : {"resnet8_cifar10_int8.tflite", "mobilenet_v2_100_224_int8_uint8io.tflite",
                 "mobilenet_v1_025_224_uint8.tflite", "kws_dscnn_int8.tflite", "mnist_lstm_int8.tflite",
                 "fashion_mnist_cnn_dynrange.tflite", "seanet_conv4_16x8.tflite", "ad01_autoencoder_int8_floatio.tflite"})
            QTest::newRow(f) << QString::fromLatin1(f);
    }
    void everyWorkOperatorIsTheFileOperatorOfItsNumber()
    {
        QFETCH(QString, file);
        const auto m = open(file.toStdString());
        QVERIFY(m.dequantized());
        QVERIFY(!m.note.empty());
        QVERIFY(!passes::isQuantized(*m.work));
        const auto& wOps = m.work->main().operators;
        QCOMPARE(m.toFile.size(), wOps.size());
        std::vector<bool> covered(m.file->main().operators.size(), false);
        int previous = -1;
        for (int w = 0; w < static_cast<int>(wOps.size()); ++w) {
            const int f = m.fileOp(w);
            QVERIFY2(f >= 0 && f < static_cast<int>(covered.size()), qPrintable(QString::number(w)));
            QVERIFY2(f > previous, "the order of operators is kept");
            previous = f;
            covered[static_cast<std::size_t>(f)] = true;
            QCOMPARE(m.workOp(f), w);
            QCOMPARE(m.work->opcodeOf(wOps[static_cast<std::size_t>(w)]),
                m.file->opcodeOf(m.file->main().operators[static_cast<std::size_t>(f)]));
            // Same output tensor, except where a dropped QUANTIZE / DEQUANTIZE wrote a graph output: its name
            // moves to the tensor it read.
            const std::string& workName = outputOf(*m.work, w).name;
            bool graphOutput = false;
            for (int t : m.file->main().outputs)
                graphOutput = graphOutput || m.file->main().tensors[static_cast<std::size_t>(t)].name == workName;
            QVERIFY2(workName == outputOf(*m.file, f).name || graphOutput, workName.c_str());
        }
        for (std::size_t f = 0; f < covered.size(); ++f) {
            const Op code = m.file->opcodeOf(m.file->main().operators[f]);
            QVERIFY2(covered[f] || code == Op::QUANTIZE || code == Op::DEQUANTIZE,
                qPrintable(QStringLiteral("file operator %1 has no counterpart").arg(f)));
            if (!covered[f])
                QCOMPARE(m.workOp(static_cast<int>(f)), -1);
        }
    }

    // The converter's int8 file, re-quantized to int8 without any data, keeps the file's activation scales and
    // zero points and computes what the file computes.
    void quantizedFileRequantizesWithItsOwnScales()
    {
        const auto m = open("resnet8_cifar10_int8.tflite");
        QVERIFY(m.carriedRanges() > 0);
        passes::QuantizeOptions o;
        o.io = passes::IoType::Native;
        QVERIFY(!pipeline::needsData(m, o));
        auto r = pipeline::quantize(m, o, {});
        QVERIFY2(r.ok(), r ? "" : r.error().message.c_str());
        bool noted = false;
        for (const auto& n : r->notes)
            noted = noted || n.find("come from the model itself") != std::string::npos;
        QVERIFY(noted);
        int compared = 0;
        for (const auto& t : m.file->main().tensors) {
            if (t.buffer > 0 && !m.file->buffers[static_cast<std::size_t>(t.buffer)].data.empty())
                continue; // constants
            if (t.dtype != model::DType::Int8 || t.quantization.scale.size() != 1)
                continue;
            for (const auto& u : r->graph.main().tensors) {
                if (u.name != t.name)
                    continue;
                QCOMPARE(u.dtype, model::DType::Int8);
                QVERIFY2(std::abs(u.quantization.scale.at(0) / t.quantization.scale[0] - 1.0f) < 1e-5f, t.name.c_str());
                QCOMPARE(u.quantization.zeroPoint.at(0), t.quantization.zeroPoint.at(0));
                ++compared;
            }
        }
        QVERIFY2(compared >= 15, qPrintable(QString::number(compared)));

        std::mt19937 rng(7);
        std::uniform_int_distribution<int> d(-128, 127);
        std::vector<std::uint8_t> input(32 * 32 * 3);
        for (auto& b : input)
            b = static_cast<std::uint8_t>(static_cast<std::int8_t>(d(rng)));
        const auto a = run(*m.file, input), b = run(r->graph, input);
        QCOMPARE(a.size(), b.size());
        const float quantum = m.file->main().tensors[static_cast<std::size_t>(m.file->main().outputs[0])].quantization.scale[0];
        for (std::size_t i = 0; i < a.size(); ++i)
            QVERIFY2(std::abs(a[i] - b[i]) <= quantum * 1.01f, qPrintable(QStringLiteral("%1 vs %2").arg(a[i]).arg(b[i])));
    }

    // A float graph that carries min/max (what quantization-aware training writes) quantizes without data, to
    // the same file as the quantized model those ranges came from.
    void carriedRangesNeedNoDataAndGiveTheSameFile()
    {
        const auto q = open("resnet8_cifar10_int8.tflite");
        auto qat = pipeline::fromGraph(*q.work); // a float model with recorded ranges
        QVERIFY(qat.ok());
        QVERIFY(!qat->dequantized());
        QCOMPARE(qat->carriedRanges(), q.carriedRanges());
        passes::QuantizeOptions o;
        auto a = pipeline::quantize(q, o, {});
        auto b = pipeline::quantize(*qat, o, {});
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->graph.main().tensors.size(), b->graph.main().tensors.size());
        for (std::size_t t = 0; t < a->graph.main().tensors.size(); ++t) {
            const auto& x = a->graph.main().tensors[t];
            const auto& y = b->graph.main().tensors[t];
            QCOMPARE(x.dtype, y.dtype);
            QCOMPARE(x.quantization.scale, y.quantization.scale);
            QCOMPARE(x.quantization.zeroPoint, y.quantization.zeroPoint);
        }
        // Ignoring the model's ranges asks for data again.
        o.useModelRanges = false;
        QVERIFY(pipeline::needsData(*qat, o));
        QVERIFY(!pipeline::quantize(*qat, o, {}).ok());
    }

    // Keep-float items name operators by the file's numbering, and the result reports them in it.
    void keepFloatUsesTheFileNumbering()
    {
        // The float-I/O int8 autoencoder: operator 0 is a QUANTIZE that dequantizing drops, so the file's
        // numbering and the work graph's differ by one.
        const auto m = open("ad01_autoencoder_int8_floatio.tflite");
        QCOMPARE(m.file->opcodeOf(m.file->main().operators[0]), Op::QUANTIZE);
        const int fc = 5; // the 8-wide bottleneck
        QCOMPARE(m.file->opcodeOf(m.file->main().operators[fc]), Op::FULLY_CONNECTED);
        QCOMPARE(m.workOp(fc), fc - 1);
        passes::QuantizeOptions o;
        o.io = passes::IoType::Float;
        o.keepFloat = {std::to_string(fc)};
        auto r = pipeline::quantize(m, o, {});
        QVERIFY2(r.ok(), r ? "" : r.error().message.c_str());
        QCOMPARE(r->floatOperators, std::vector<int>{fc});
        // The provenance written into the file names the operator as the user did, and says where the ranges
        // came from (nothing was calibrated).
        QVERIFY2(r->graph.description.find("kept float: 5") != std::string::npos, r->graph.description.c_str());
        QVERIFY2(r->graph.description.find("activation ranges from the quantized file's activation scales") !=
                std::string::npos,
            r->graph.description.c_str());
        QVERIFY(r->graph.description.find("samples") == std::string::npos);
        // That operator's weights stay float in the result; the others are int8.
        const auto& tensors = r->graph.main().tensors;
        int floatWeights = 0, intWeights = 0;
        for (const auto& op : r->graph.main().operators)
            if (r->graph.opcodeOf(op) == Op::FULLY_CONNECTED) {
                const auto& w = tensors[static_cast<std::size_t>(op.inputs[1])];
                if (w.dtype == model::DType::Float32) {
                    ++floatWeights;
                    QCOMPARE(w.shape, (std::vector<std::int32_t>{8, 128}));
                } else {
                    ++intWeights;
                }
            }
        QCOMPARE(floatWeights, 1);
        QCOMPARE(intWeights, 9);

        o.keepFloat = {"0"};
        auto quantizeOp = pipeline::quantize(m, o, {});
        QVERIFY(!quantizeOp.ok());
        QVERIFY2(quantizeOp.error().message.find("QUANTIZE") != std::string::npos, quantizeOp.error().message.c_str());
        o.keepFloat = {std::to_string(m.file->main().operators.size())};
        auto outOfRange = pipeline::quantize(m, o, {});
        QVERIFY(!outOfRange.ok());
        QVERIFY2(outOfRange.error().message.find(o.keepFloat[0]) != std::string::npos, outOfRange.error().message.c_str());
        // Names and types pass through; numbers convert both ways.
        QCOMPARE(*pipeline::keepFloatOnWork(m, {"SOFTMAX"}), std::vector<std::string>{"SOFTMAX"});
        QCOMPARE(*pipeline::keepFloatOnWork(m, {std::to_string(fc)}), std::vector<std::string>{std::to_string(fc - 1)});
        QCOMPARE(pipeline::toFileOps(m, {fc - 1}), std::vector<int>{fc});
        QCOMPARE(pipeline::toWorkOps(m, {fc, 0}), std::vector<int>{fc - 1});
    }

    void scoresReadTheSameWhateverTheType()
    {
        // Probabilities are kept within the tolerance, anything else gets a softmax.
        const std::vector<float> probs{0.1f, 0.2f, 0.71f};
        const auto p = eval::probabilities(probs);
        QVERIFY(std::abs(p[2] - 0.71 / 1.01) < 1e-6);
        const std::vector<float> logits{0.1f, 0.2f, 0.8f}; // sums to 1.1
        const auto s = eval::probabilities(logits);
        QVERIFY(std::abs(s[2] - std::exp(0.8) / (std::exp(0.1) + std::exp(0.2) + std::exp(0.8))) < 1e-6);
        QVERIFY(std::abs(s[0] + s[1] + s[2] - 1.0) < 1e-9);

        // An int16 output dequantizes with its scale (the side-by-side view read those as 0).
        model::Tensor desc;
        desc.dtype = model::DType::Int16;
        desc.shape = {1, 3};
        desc.quantization.scale = {1.0f / 32768.0f};
        desc.quantization.zeroPoint = {0};
        std::vector<std::int16_t> raw{3277, 6554, 22938};
        exec::RtTensor t;
        t.dtype = desc.dtype;
        t.shape = desc.shape;
        t.meta = &desc;
        t.bytes = 6;
        t.data = reinterpret_cast<std::uint8_t*>(raw.data());
        const auto v = eval::realValues(t);
        QCOMPARE(v.size(), std::size_t{3});
        QVERIFY(std::abs(v[0] - 0.1f) < 1e-4f && std::abs(v[2] - 0.7f) < 1e-4f);
    }
};

QTEST_GUILESS_MAIN(PipelineTest)
#include "pipeline_test.moc"
