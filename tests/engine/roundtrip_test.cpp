// SPDX-License-Identifier: MIT
// Read -> write -> read is lossless on every shared model, in both buffer forms.
#include "common/graph_compare.h"
#include "common/model_facts.h"
#include "model/reader.h"
#include "model/writer.h"
#include "model/zip_tail.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ql;
using namespace ql::model;

namespace {

Graph reread(const std::vector<std::uint8_t>& bytes, const std::string& name)
{
    auto g = readTflite(MappedFile::fromBytes(bytes, name));
    if (!g)
        qFatal("%s: written model does not read back: %s", name.c_str(), g.error().message.c_str());
    return std::move(g.value());
}

std::string joined(const std::vector<std::string>& diffs)
{
    std::string s;
    for (std::size_t i = 0; i < diffs.size() && i < 10; ++i)
        s += "\n  " + diffs[i];
    return s;
}

} // namespace

class RoundTripTest : public QObject {
    Q_OBJECT

private slots:
    void everyModel_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("external");
        for (const auto& f : test::allModelFiles()) {
            const auto name = QString::fromStdString(f.substr(test::modelsDir().size() + 1));
            QTest::newRow(qPrintable(name + QStringLiteral(" inline"))) << QString::fromStdString(f) << false;
            QTest::newRow(qPrintable(name + QStringLiteral(" external"))) << QString::fromStdString(f) << true;
        }
    }

    void everyModel()
    {
        QFETCH(QString, path);
        QFETCH(bool, external);
        auto original = readTflite(path.toStdString());
        QVERIFY(original.ok());
        WriteOptions opts;
        opts.externalBuffers = external;
        auto bytes = serializeTflite(*original, opts);
        QVERIFY2(bytes.ok(), bytes.ok() ? "" : bytes.error().message.c_str());
        const Graph copy = reread(*bytes, path.toStdString());
        const auto diffs = test::compareGraphs(*original, copy);
        QVERIFY2(diffs.empty(), joined(diffs).c_str());
        for (const auto& b : copy.buffers) {
            QCOMPARE(b.external, external && !b.data.empty());
            // The writer aligns constant data to 16 bytes (the converter does not always).
            if (!b.data.empty())
                QCOMPARE((b.data.data() - copy.file->bytes().data()) % 16, std::ptrdiff_t{0});
        }
        // Writing is deterministic: the copy writes to the very same bytes.
        auto again = serializeTflite(copy, opts);
        QVERIFY(again.ok());
        QVERIFY(*again == *bytes);
    }

    void associatedFilesStayReadable()
    {
        // The labels ZIP of the MobileNet files stores absolute offsets; after it moves, they must
        // point at its entries again.
        auto g = readTflite(test::modelPath("mobilenet_v1_025_224_uint8.tflite"));
        QVERIFY(g.ok());
        for (bool external : {false, true}) {
            WriteOptions opts;
            opts.externalBuffers = external;
            auto bytes = serializeTflite(*g, opts);
            QVERIFY(bytes.ok());
            const Graph copy = reread(*bytes, "copy");
            QCOMPARE(copy.associatedFiles.size(), g->associatedFiles.size());
            QVERIFY(copy.associatedFilesOffset != g->associatedFilesOffset);
            const auto back = relocateZip(copy.associatedFiles, copy.associatedFilesOffset, g->associatedFilesOffset);
            QVERIFY(std::equal(back.begin(), back.end(), g->associatedFiles.begin(), g->associatedFiles.end()));
            // The first entry is the label file, found where the directory says.
            const auto* local = copy.associatedFiles.data();
            QCOMPARE(local[0], std::uint8_t{'P'});
            QCOMPARE(local[1], std::uint8_t{'K'});
        }
    }

    void writesAtomicallyToDisk()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string out = dir.filePath(QStringLiteral("copy.tflite")).toStdString();
        auto g = readTflite(test::modelPath("resnet8_cifar10_int8.tflite"));
        QVERIFY(g.ok());
        QVERIFY(writeTflite(*g, out).ok());
        auto copy = readTflite(out);
        QVERIFY(copy.ok());
        QVERIFY(test::compareGraphs(*g, *copy).empty());
        // Overwriting the file the graph views into is safe: the old mapping stays valid.
        QVERIFY(writeTflite(*copy, out).ok());
        auto third = readTflite(out);
        QVERIFY(third.ok());
        QVERIFY(test::compareGraphs(*g, *third).empty());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary left behind
    }

    void ownedBuffersAreWritten()
    {
        auto g = readTflite(test::modelPath("hello_world_twin_float32.tflite"));
        QVERIFY(g.ok());
        // A pass replacing a weight tensor's data with data it owns.
        auto& t = g->subgraphs[0].tensors[static_cast<std::size_t>(g->main().operators[0].inputs[1])];
        std::vector<std::uint8_t> zeros(g->tensorData(t).size(), 0);
        g->buffers[t.buffer] = Buffer::fromOwned(zeros);
        auto bytes = serializeTflite(*g);
        QVERIFY(bytes.ok());
        const Graph copy = reread(*bytes, "copy");
        const auto data =
            copy.tensorData(copy.main().tensors[static_cast<std::size_t>(copy.main().operators[0].inputs[1])]);
        QCOMPARE(data.size(), zeros.size());
        QVERIFY(std::all_of(data.begin(), data.end(), [](auto b) { return b == 0; }));
    }

    void invalidGraphIsNotWritten()
    {
        auto g = readTflite(test::modelPath("hello_world_twin_float32.tflite"));
        QVERIFY(g.ok());
        g->subgraphs[0].operators[0].inputs[0] = 999;
        auto bytes = serializeTflite(*g);
        QVERIFY(!bytes.ok());
        QVERIFY(bytes.error().message.find("refers to tensor 999") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(RoundTripTest)
#include "roundtrip_test.moc"
