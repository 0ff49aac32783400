// SPDX-License-Identifier: MIT
// Every shared model loads, and what the reader sees agrees with MODELS.md.
#include "common/model_facts.h"
#include "model/reader.h"
#include "model/summary.h"
#include "model/zip_tail.h"

#include <QFile>

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
        // The structured parts of the guess say what its sentence says (the GUI words it from them).
        QCOMPARE(summary.mode.weightedOperators > 0, summary.mode.reason.rfind("no weighted operators", 0) != 0);
        QCOMPARE(summary.mode.smallWeightsFloat,
            summary.mode.reason.find("small weights left in float32") != std::string::npos);
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

    void associatedLabelFilesAreRead()
    {
        // mobilenet_v1 uint8 stores labels.txt (stored, not compressed); it equals the shared label file.
        auto g = readTflite(test::modelPath("mobilenet_v1_025_224_uint8.tflite"));
        QVERIFY(g.ok());
        auto members = readZipMembers(g->associatedFiles);
        QVERIFY2(members.ok(), members ? "" : members.error().message.c_str());
        QCOMPARE(members->size(), std::size_t{1});
        QCOMPARE(members->front().name, std::string("labels.txt"));
        const auto lines = labelLines(members->front().data);
        QCOMPARE(lines.size(), std::size_t{1001});
        QCOMPARE(lines.front(), std::string("background"));
        QFile shared(QString::fromStdString(test::modelPath("imagenet_labels_1001.txt")));
        QVERIFY(shared.open(QIODevice::ReadOnly));
        const QByteArray text = shared.readAll();
        QCOMPARE(labelLines(std::span(
                     reinterpret_cast<const std::uint8_t*>(text.constData()), static_cast<std::size_t>(text.size()))),
            lines);
        auto v2 = readTflite(test::modelPath("mobilenet_v2_100_224_int8_uint8io.tflite"));
        QVERIFY(v2.ok());
        auto m2 = readZipMembers(v2->associatedFiles);
        QVERIFY(m2.ok());
        QCOMPARE(m2->front().name, std::string("imagenet_labels.txt"));
        QCOMPARE(labelLines(m2->front().data).size(), std::size_t{1001});
    }

    void deflatedAndDamagedZipMembers()
    {
        // Python's zipfile, ZIP_DEFLATED: labels.txt ("class number 0".."class number 39") and a folder entry.
        std::vector<std::uint8_t> file(16, 0);
        const std::vector<std::uint8_t> zip{0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x30, 0x13,
            0x78, 0x5d, 0xd0, 0xc5, 0xfd, 0xb4, 0x6d, 0x00, 0x00, 0x00, 0x76, 0x02, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x00,
            0x6c, 0x61, 0x62, 0x65, 0x6c, 0x73, 0x2e, 0x74, 0x78, 0x74, 0x5d, 0xd1, 0xb1, 0x11, 0x83, 0x40, 0x14, 0x03,
            0xd1, 0x9c, 0x2a, 0xae, 0x04, 0x24, 0x61, 0x9b, 0x2b, 0x07, 0x18, 0x32, 0xec, 0xc0, 0x0c, 0xfd, 0x93, 0xf2,
            0x37, 0xdc, 0xec, 0x8d, 0xb4, 0x1d, 0xcb, 0x79, 0xb6, 0xdf, 0xf5, 0x5d, 0xf7, 0x7f, 0x1b, 0x87, 0xed, 0x99,
            0xaa, 0xe9, 0x9a, 0xa9, 0x39, 0xd5, 0x7c, 0xd5, 0x7c, 0xd7, 0xfc, 0xd4, 0x9c, 0x6b, 0x76, 0x30, 0xc8, 0x82,
            0x4b, 0x80, 0x09, 0x32, 0x81, 0x26, 0xd8, 0x04, 0x9c, 0xa0, 0x13, 0x78, 0x82, 0xcf, 0xf0, 0x99, 0xbb, 0xc1,
            0x67, 0xf8, 0x0c, 0x9f, 0xe1, 0x33, 0x7c, 0x86, 0xcf, 0xf0, 0x19, 0xbe, 0xc0, 0x17, 0xf8, 0xc2, 0x63, 0xe1,
            0x0b, 0x7c, 0x81, 0x2f, 0xf0, 0x05, 0xbe, 0xc0, 0x97, 0x3e, 0xdc, 0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00,
            0x00, 0x08, 0x00, 0x30, 0x13, 0x78, 0x5d, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x04, 0x00, 0x00, 0x00, 0x64, 0x69, 0x72, 0x2f, 0x03, 0x00, 0x50, 0x4b, 0x01, 0x02, 0x14, 0x03, 0x14,
            0x00, 0x00, 0x00, 0x08, 0x00, 0x30, 0x13, 0x78, 0x5d, 0xd0, 0xc5, 0xfd, 0xb4, 0x6d, 0x00, 0x00, 0x00, 0x76,
            0x02, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x01, 0x00,
            0x00, 0x00, 0x00, 0x6c, 0x61, 0x62, 0x65, 0x6c, 0x73, 0x2e, 0x74, 0x78, 0x74, 0x50, 0x4b, 0x01, 0x02, 0x14,
            0x03, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x30, 0x13, 0x78, 0x5d, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0xfd,
            0x41, 0x95, 0x00, 0x00, 0x00, 0x64, 0x69, 0x72, 0x2f, 0x50, 0x4b, 0x05, 0x06, 0x00, 0x00, 0x00, 0x00, 0x02,
            0x00, 0x02, 0x00, 0x6a, 0x00, 0x00, 0x00, 0xb9, 0x00, 0x00, 0x00, 0x00, 0x00};
        file.insert(file.end(), zip.begin(), zip.end());
        const auto tail = findZipTail(file);
        QCOMPARE(tail.size(), zip.size());
        auto members = readZipMembers(tail);
        QVERIFY2(members.ok(), members ? "" : members.error().message.c_str());
        QCOMPARE(members->size(), std::size_t{1}); // the folder is skipped
        const auto lines = labelLines(members->front().data);
        QCOMPARE(lines.size(), std::size_t{40});
        QCOMPARE(lines[39], std::string("class number 39"));
        // Every single-byte corruption of the compressed data or the headers gives an error or other
        // bytes, never a crash (ASan watches the reads).
        for (std::size_t i = 0; i < zip.size(); ++i) {
            auto bad = zip;
            bad[i] ^= 0x5a;
            auto r = readZipMembers(bad);
            if (r && !r->empty())
                QVERIFY(r->front().data.size() <= (64u << 20));
        }
        // Two directory entries sharing one member's data (a way to claim gigabytes from a few bytes) are refused.
        const std::vector<std::uint8_t> sharedData{0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x4a,
            0x17, 0x78, 0x5d, 0x24, 0xc7, 0xad, 0x86, 0x06, 0x00, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00,
            0x00, 0x61, 0x2e, 0x74, 0x78, 0x74, 0xab, 0xe0, 0xaa, 0xc0, 0x80, 0x00, 0x50, 0x4b, 0x03, 0x04, 0x14, 0x00,
            0x00, 0x00, 0x08, 0x00, 0x4a, 0x17, 0x78, 0x5d, 0x2a, 0x98, 0xc9, 0xed, 0x06, 0x00, 0x00, 0x00, 0x14, 0x00,
            0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x62, 0x2e, 0x74, 0x78, 0x74, 0xab, 0xe4, 0xaa, 0xc4, 0x80, 0x00, 0x50,
            0x4b, 0x01, 0x02, 0x14, 0x03, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x4a, 0x17, 0x78, 0x5d, 0x24, 0xc7, 0xad,
            0x86, 0x06, 0x00, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x80, 0x01, 0x00, 0x00, 0x00, 0x00, 0x61, 0x2e, 0x74, 0x78, 0x74, 0x50, 0x4b, 0x01, 0x02,
            0x14, 0x03, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x4a, 0x17, 0x78, 0x5d, 0x2a, 0x98, 0xc9, 0xed, 0x06, 0x00,
            0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x80, 0x01, 0x00, 0x00, 0x00, 0x00, 0x62, 0x2e, 0x74, 0x78, 0x74, 0x50, 0x4b, 0x05, 0x06, 0x00, 0x00, 0x00,
            0x00, 0x02, 0x00, 0x02, 0x00, 0x66, 0x00, 0x00, 0x00, 0x52, 0x00, 0x00, 0x00, 0x00, 0x00};
        auto twice = readZipMembers(sharedData);
        QVERIFY(!twice.ok());
        QVERIFY(QString::fromStdString(twice.error().message).contains(QStringLiteral("shares its data")));
        // An empty deflated member (Python's zipfile writes one for "") is read, not a reason to drop the labels.
        const std::vector<std::uint8_t> withEmpty{0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x4a,
            0x17, 0x78, 0x5d, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00,
            0x00, 0x65, 0x6d, 0x70, 0x74, 0x79, 0x2e, 0x74, 0x78, 0x74, 0x03, 0x00, 0x50, 0x4b, 0x03, 0x04, 0x14, 0x00,
            0x00, 0x00, 0x08, 0x00, 0x4a, 0x17, 0x78, 0x5d, 0xd9, 0x0e, 0x67, 0x0a, 0x08, 0x00, 0x00, 0x00, 0x06, 0x00,
            0x00, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x6c, 0x61, 0x62, 0x65, 0x6c, 0x73, 0x2e, 0x74, 0x78, 0x74, 0x4b, 0xe4,
            0x4a, 0xe2, 0x4a, 0xe6, 0x02, 0x00, 0x50, 0x4b, 0x01, 0x02, 0x14, 0x03, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00,
            0x4a, 0x17, 0x78, 0x5d, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x09, 0x00,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x01, 0x00, 0x00, 0x00, 0x00, 0x65, 0x6d,
            0x70, 0x74, 0x79, 0x2e, 0x74, 0x78, 0x74, 0x50, 0x4b, 0x01, 0x02, 0x14, 0x03, 0x14, 0x00, 0x00, 0x00, 0x08,
            0x00, 0x4a, 0x17, 0x78, 0x5d, 0xd9, 0x0e, 0x67, 0x0a, 0x08, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00, 0x0a,
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x80, 0x01, 0x29, 0x00, 0x00, 0x00, 0x6c,
            0x61, 0x62, 0x65, 0x6c, 0x73, 0x2e, 0x74, 0x78, 0x74, 0x50, 0x4b, 0x05, 0x06, 0x00, 0x00, 0x00, 0x00, 0x02,
            0x00, 0x02, 0x00, 0x6f, 0x00, 0x00, 0x00, 0x59, 0x00, 0x00, 0x00, 0x00, 0x00};
        auto both = readZipMembers(withEmpty);
        QVERIFY2(both.ok(), both ? "" : both.error().message.c_str());
        QCOMPARE(both->size(), std::size_t{2});
        QVERIFY(both->front().data.empty());
        QCOMPARE(labelLines(both->back().data), (std::vector<std::string>{"a", "b", "c"}));
        // A text with more lines than asked for is not a label list.
        QVERIFY(labelLines(both->back().data, 2).empty());
        // Deflated data cut short is an error that names the member.
        auto cut = zip;
        cut[60] ^= 0xff;
        cut[61] ^= 0xff;
        auto r = readZipMembers(cut);
        QVERIFY(!r || r->front().data != members->front().data);
        if (!r)
            QVERIFY(QString::fromStdString(r.error().message).contains(QStringLiteral("labels.txt")));
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
