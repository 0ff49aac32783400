// SPDX-License-Identifier: MIT
// Bad model files: each gets an error that names the problem, never a crash (this suite also runs
// under AddressSanitizer and UndefinedBehaviorSanitizer).
#include "common/graph_builder.h"
#include "common/model_facts.h"
#include "exec/interpreter.h"
#include "model/reader.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <limits>
#include <random>

using namespace ql;
using namespace ql::model;

namespace {

std::vector<std::uint8_t> loadBytes(const std::string& file)
{
    std::ifstream in(test::modelPath(file), std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

Result<Graph> readBytes(const std::vector<std::uint8_t>& bytes)
{
    return readTflite(MappedFile::fromBytes(bytes, "bad.tflite"));
}

// Unpacks a real model with the generated object API, lets `mutate` break it, and packs it again.
std::vector<std::uint8_t> mutated(const std::string& file, const std::function<void(tflite::ModelT&)>& mutate)
{
    const auto bytes = loadBytes(file);
    std::unique_ptr<tflite::ModelT> m(tflite::GetModel(bytes.data())->UnPack());
    mutate(*m);
    flatbuffers::FlatBufferBuilder fbb;
    tflite::FinishModelBuffer(fbb, tflite::Model::Pack(fbb, m.get()));
    return {fbb.GetBufferPointer(), fbb.GetBufferPointer() + fbb.GetSize()};
}

// The error preparing an interpreter for `bytes` gives (the model itself must read), or "" when it
// prepares.
std::string interpreterError(const std::vector<std::uint8_t>& bytes)
{
    auto g = readBytes(bytes);
    if (!g)
        return "the model does not read: " + g.error().message;
    auto it = exec::Interpreter::create(std::make_shared<const Graph>(std::move(*g)));
    return it ? std::string() : it.error().message;
}

tflite::TensorT& tensorFedTo(tflite::ModelT& m, std::size_t op, std::size_t input)
{
    auto& sg = *m.subgraphs[0];
    return *sg.tensors[static_cast<std::size_t>(sg.operators[op]->inputs[input])];
}

} // namespace

class MalformedTest : public QObject {
    Q_OBJECT

private slots:
    void truncatedAtEveryOffset()
    {
        const auto full = loadBytes("hello_world_twin_int8.tflite");
        QVERIFY(readBytes(full).ok());
        for (std::size_t n = 0; n < full.size(); ++n) {
            const std::vector<std::uint8_t> cut(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n));
            auto g = readBytes(cut);
            QVERIFY2(!g.ok(), qPrintable(QStringLiteral("truncated to %1 bytes still loads").arg(n)));
            QVERIFY(g.error().message.find("bad.tflite") == 0);
        }
    }

    void truncatedLargerModels()
    {
        for (const char* file :
            {"kws_dscnn_int8.tflite", "blazeface_short_range_float16.tflite", "mnist_lstm_int8.tflite"}) {
            const auto full = loadBytes(file);
            for (int i = 0; i < 300; ++i) {
                const std::size_t n = full.size() * static_cast<std::size_t>(i) / 300;
                const std::vector<std::uint8_t> cut(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n));
                QVERIFY2(!readBytes(cut).ok(), file);
            }
        }
        // With a ZIP appended, a cut inside the ZIP leaves a complete model: it loads, without
        // associated files. A cut inside the flatbuffer does not load.
        const auto zipped = loadBytes("mobilenet_v1_025_224_uint8.tflite");
        const std::vector<std::uint8_t> inZip(zipped.begin(), zipped.begin() + 500000);
        auto g = readBytes(inZip);
        QVERIFY(g.ok());
        QVERIFY(g->associatedFiles.empty());
        const std::vector<std::uint8_t> inModel(zipped.begin(), zipped.begin() + 400000);
        QVERIFY(!readBytes(inModel).ok());
    }

    void randomBytes()
    {
        std::mt19937 rng(1234);
        for (int i = 0; i < 500; ++i) {
            std::vector<std::uint8_t> bytes(8 + rng() % 4096);
            for (auto& b : bytes)
                b = static_cast<std::uint8_t>(rng());
            if (i % 2) // half of them with the right identifier, to get past the first check
                std::copy_n("TFL3", 4, bytes.begin() + 4);
            QVERIFY(!readBytes(bytes).ok());
        }
    }

    void flippedBytesNeverCrash()
    {
        // Single-byte corruptions of a real model: many still verify (a changed weight is still a
        // model); all must either load cleanly or fail with a message.
        const auto full = loadBytes("kws_dscnn_int8.tflite");
        std::mt19937 rng(99);
        int failed = 0;
        for (int i = 0; i < 2000; ++i) {
            auto bytes = full;
            bytes[rng() % bytes.size()] ^= static_cast<std::uint8_t>(1u << (rng() % 8));
            auto g = readBytes(bytes);
            if (!g.ok()) {
                ++failed;
                QVERIFY(!g.error().message.empty());
            }
        }
        QVERIFY(failed > 0);
    }

    void wrongIdentifier()
    {
        auto bytes = loadBytes("hello_world_twin_float32.tflite");
        std::copy_n("TFL2", 4, bytes.begin() + 4);
        auto g = readBytes(bytes);
        QVERIFY(!g.ok());
        QVERIFY2(g.error().message.find("file identifier is 'TFL2', expected 'TFL3'") != std::string::npos,
            g.error().message.c_str());
        QVERIFY(!readBytes({}).ok());
        QVERIFY(readBytes(std::vector<std::uint8_t>(7, 0)).error().message.find("only 7 bytes") != std::string::npos);
    }

    void structuralErrors_data()
    {
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("which");
        const char* cases[] = {
            "refers to buffer 9999",
            "input 0 refers to tensor 4242",
            "output 0 refers to tensor 777",
            "has a negative dimension",
            "more than 2^31-1 elements",
            "bytes, but shape [16,1] of int8 needs 16",
            "1 scales but 2 zero points",
            "per-channel quantization has 3 scales, but dimension 0 of shape",
            "per-channel quantization along dimension 5, but the tensor has rank 2",
            "must be finite and not negative",
            "unknown builtin operator code 9999",
            "uses operator code 50, but the model has",
            "signature 'serving_default' maps",
            "schema version 2 is not supported",
            "the model has no subgraph",
            "metadata 'min_runtime_version' refers to buffer 5000",
            "unknown element type 99",
            "zero points but no scale",
            "shape signature [1,2,3] has another rank",
        };
        for (int i = 0; i < static_cast<int>(std::size(cases)); ++i)
            QTest::newRow(cases[i]) << QString::fromLatin1(cases[i]) << i;
    }

    void structuralErrors()
    {
        QFETCH(QString, expected);
        QFETCH(int, which);
        const std::vector<std::function<void(tflite::ModelT&)>> breakers = {
            [](auto& m) { tensorFedTo(m, 0, 1).buffer = 9999; },
            [](auto& m) { m.subgraphs[0]->operators[0]->inputs[0] = 4242; },
            [](auto& m) { m.subgraphs[0]->outputs[0] = 777; },
            [](auto& m) {
                tensorFedTo(m, 0, 1).shape = {16, -1};
            },
            [](auto& m) {
                tensorFedTo(m, 0, 0).shape = {65536, 65536, 65536};
            },
            [](auto& m) { m.buffers[tensorFedTo(m, 0, 1).buffer]->data.resize(10); },
            [](auto& m) {
                tensorFedTo(m, 0, 1).quantization->zero_point = {0, 0};
            },
            [](auto& m) {
                auto& q = *tensorFedTo(m, 0, 1).quantization;
                q.scale = {0.1f, 0.2f, 0.3f};
                q.zero_point = {0, 0, 0};
            },
            [](auto& m) {
                auto& q = *tensorFedTo(m, 0, 1).quantization;
                q.scale = {0.1f, 0.2f};
                q.zero_point = {0, 0};
                q.quantized_dimension = 5;
            },
            [](auto& m) { tensorFedTo(m, 0, 1).quantization->scale = {std::numeric_limits<float>::quiet_NaN()}; },
            [](auto& m) {
                m.operator_codes[0]->builtin_code = static_cast<tflite::BuiltinOperator>(9999);
                m.operator_codes[0]->deprecated_builtin_code = 127;
            },
            [](auto& m) { m.subgraphs[0]->operators[1]->opcode_index = 50; },
            [](auto& m) {
                auto sig = std::make_unique<tflite::SignatureDefT>();
                sig->signature_key = "serving_default";
                auto map = std::make_unique<tflite::TensorMapT>();
                map->name = "x";
                map->tensor_index = 100000;
                sig->inputs.push_back(std::move(map));
                m.signature_defs.push_back(std::move(sig));
            },
            [](auto& m) { m.version = 2; },
            [](auto& m) { m.subgraphs.clear(); },
            [](auto& m) {
                auto md = std::make_unique<tflite::MetadataT>();
                md->name = "min_runtime_version";
                md->buffer = 5000;
                m.metadata.push_back(std::move(md));
            },
            [](auto& m) { tensorFedTo(m, 0, 0).type = static_cast<tflite::TensorType>(99); },
            [](auto& m) {
                auto& q = *tensorFedTo(m, 0, 1).quantization;
                q.scale.clear();
            },
            [](auto& m) {
                tensorFedTo(m, 0, 0).shape_signature = {1, 2, 3};
            },
        };
        QCOMPARE(breakers.size(), std::size_t{19});
        const auto bytes = mutated("hello_world_twin_int8.tflite", breakers[static_cast<std::size_t>(which)]);
        auto g = readBytes(bytes);
        QVERIFY2(!g.ok(), qPrintable(expected));
        QVERIFY2(g.error().message.find(expected.toStdString()) != std::string::npos, g.error().message.c_str());
    }

    void bufferOffsetOutsideFile()
    {
        const auto bytes = mutated("hello_world_twin_float32.tflite", [](auto& m) {
            auto& b = *m.buffers[tensorFedTo(m, 0, 1).buffer];
            b.data.clear();
            b.offset = 1u << 30;
            b.size = 64;
        });
        auto g = readBytes(bytes);
        QVERIFY(!g.ok());
        QVERIFY2(g.error().message.find("lie outside the file") != std::string::npos, g.error().message.c_str());
    }

    // A sparse dimension whose segments or indices union names a type but holds no value, or names a type
    // the schema does not know: the object API unpacks it to a null member, which writing the model back
    // dereferenced (found by reader_fuzz under UBSan). The reader refuses it by name.
    void sparseDimensionWithoutItsIndices_data()
    {
        QTest::addColumn<int>("segmentsType");
        QTest::addColumn<int>("indicesType");
        QTest::addColumn<bool>("withValues");
        QTest::addColumn<QString>("expected");
        QTest::newRow("segments type, no segments") << 1 << 1 << false
                                                    << "sparsity dimension 0 declares array segments but they are missing";
        QTest::newRow("indices type, no indices") << 0 << 2 << false
                                                  << "sparsity dimension 0 declares array indices but they are missing";
        QTest::newRow("unknown segments type") << 9 << 1 << true
                                               << "sparsity dimension 0 has array segments of unknown type 9";
    }

    void sparseDimensionWithoutItsIndices()
    {
        QFETCH(int, segmentsType);
        QFETCH(int, indicesType);
        QFETCH(bool, withValues);
        QFETCH(QString, expected);
        namespace tf = tflite;
        flatbuffers::FlatBufferBuilder fbb;
        const auto values = withValues ? tf::CreateInt32Vector(fbb, fbb.CreateVector<std::int32_t>({0, 2})).Union()
                                       : flatbuffers::Offset<void>();
        const auto dim = tf::CreateDimensionMetadata(fbb, tf::DimensionType::SPARSE_CSR, 0,
            static_cast<tf::SparseIndexVector>(segmentsType), segmentsType ? values : 0,
            static_cast<tf::SparseIndexVector>(indicesType), values);
        const auto sparsity = tf::CreateSparsityParameters(
            fbb, fbb.CreateVector<std::int32_t>({0}), 0, fbb.CreateVector(std::vector{dim}));
        const auto tensor = tf::CreateTensor(fbb, fbb.CreateVector<std::int32_t>({2}), tf::TensorType::FLOAT32, 0,
            fbb.CreateString("w"), 0, false, sparsity);
        const auto io = fbb.CreateVector<std::int32_t>({0});
        const auto subgraph = tf::CreateSubGraph(fbb, fbb.CreateVector(std::vector{tensor}), io, io,
            fbb.CreateVector(std::vector<flatbuffers::Offset<tf::Operator>>{}), fbb.CreateString("main"));
        const auto model = tf::CreateModel(fbb, 3, fbb.CreateVector(std::vector<flatbuffers::Offset<tf::OperatorCode>>{}),
            fbb.CreateVector(std::vector{subgraph}), fbb.CreateString("sparse"),
            fbb.CreateVector(std::vector{tf::CreateBuffer(fbb)}));
        tf::FinishModelBuffer(fbb, model);
        auto g = readBytes({fbb.GetBufferPointer(), fbb.GetBufferPointer() + fbb.GetSize()});
        QVERIFY(!g.ok());
        QVERIFY2(g.error().message.find("tensor 'w': " + expected.toStdString()) != std::string::npos,
            g.error().message.c_str());
    }

    // Integer convolution and fully-connected kernels fold the bias into their accumulators when they
    // are prepared, so a bias that is not a constant (here: its buffer removed) must be refused by name,
    // not read through a null pointer (found by interpreter_fuzz).
    void integerBiasMustBeConstant_data()
    {
        QTest::addColumn<int>("op");
        QTest::newRow("CONV_2D") << static_cast<int>(tflite::BuiltinOperator::CONV_2D);
        QTest::newRow("DEPTHWISE_CONV_2D") << static_cast<int>(tflite::BuiltinOperator::DEPTHWISE_CONV_2D);
        QTest::newRow("FULLY_CONNECTED") << static_cast<int>(tflite::BuiltinOperator::FULLY_CONNECTED);
    }

    void integerBiasMustBeConstant()
    {
        QFETCH(int, op);
        bool found = false;
        const auto bytes = mutated("kws_dscnn_int8.tflite", [&](tflite::ModelT& m) {
            auto& sg = *m.subgraphs[0];
            for (std::size_t i = 0; i < sg.operators.size() && !found; ++i) {
                const auto& code = *m.operator_codes[sg.operators[i]->opcode_index];
                if (static_cast<int>(std::max(static_cast<std::int32_t>(code.deprecated_builtin_code),
                        static_cast<std::int32_t>(code.builtin_code))) != op ||
                    sg.operators[i]->inputs.size() < 3 || sg.operators[i]->inputs[2] < 0)
                    continue;
                tensorFedTo(m, i, 2).buffer = 0;
                found = true;
            }
        });
        QVERIFY(found);
        const std::string error = interpreterError(bytes);
        QVERIFY2(error.find("bias must be a constant") != std::string::npos, error.c_str());
    }

    // An operator whose output is also its input: the kernel would size the tensor for its output and
    // then read it as its input of the old size (found by interpreter_fuzz as a heap overflow).
    void operatorWritingItsOwnInputIsRefused()
    {
        const auto bytes = mutated("vww_mobilenet_v1_025_96_int8.tflite", [](tflite::ModelT& m) {
            auto& op = *m.subgraphs[0]->operators[3];
            op.outputs[0] = op.inputs[0];
        });
        const std::string error = interpreterError(bytes);
        QVERIFY2(error.find("which it also reads") != std::string::npos, error.c_str());
    }

    // An operator that writes the model's input, a tensor another operator writes, or a tensor an earlier
    // operator has already read: kernels size their outputs when prepared, so the earlier reader would
    // read past the resized tensor (interpreter_fuzz found the first as a heap overflow in CONV_2D).
    void tensorsWithTwoWritersOrALateOneAreRefused_data()
    {
        QTest::addColumn<int>("form");
        QTest::addColumn<QString>("expected");
        QTest::newRow("writes the model's input") << 0 << "an input of the subgraph";
        QTest::newRow("two writers") << 1 << "which operator 2 writes too";
        QTest::newRow("written after it is read") << 2 << "which operator 3 reads before it is written";
    }

    void tensorsWithTwoWritersOrALateOneAreRefused()
    {
        QFETCH(int, form);
        QFETCH(QString, expected);
        const auto bytes = mutated("vww_mobilenet_v1_025_96_int8.tflite", [&](tflite::ModelT& m) {
            auto& sg = *m.subgraphs[0];
            auto& op = *sg.operators[5];
            if (form == 0)
                op.outputs[0] = sg.inputs[0];
            else if (form == 1)
                op.outputs[0] = sg.operators[2]->outputs[0];
            else
                sg.operators[3]->inputs[0] = op.outputs[0];
        });
        const std::string error = interpreterError(bytes);
        QVERIFY2(error.find(expected.toStdString()) != std::string::npos, error.c_str());
    }

    // Biases at the ends of int32 fold with the input's zero point without overflowing (this suite also
    // runs under UndefinedBehaviorSanitizer; found by interpreter_fuzz).
    void extremeBiasesDoNotOverflow()
    {
        for (const std::int32_t extreme : {std::numeric_limits<std::int32_t>::min(), std::numeric_limits<std::int32_t>::max()}) {
            const auto bytes = mutated("kws_dscnn_int8.tflite", [&](tflite::ModelT& m) {
                auto& sg = *m.subgraphs[0];
                for (std::size_t i = 0; i < sg.operators.size(); ++i) {
                    if (sg.operators[i]->inputs.size() < 3 || sg.operators[i]->inputs[2] < 0)
                        continue;
                    auto& data = m.buffers[tensorFedTo(m, i, 2).buffer]->data;
                    for (std::size_t k = 0; k + 4 <= data.size(); k += 4)
                        std::memcpy(data.data() + k, &extreme, 4);
                }
            });
            auto g = readBytes(bytes);
            QVERIFY2(g.ok(), g.ok() ? "" : g.error().message.c_str());
            auto it = exec::Interpreter::create(std::make_shared<const Graph>(std::move(*g)));
            QVERIFY2(it.ok(), it.ok() ? "" : it.error().message.c_str());
            const auto& in = (*it)->input(0);
            QVERIFY((*it)->setInput(0, in.dtype, std::vector<std::uint8_t>(static_cast<std::size_t>(in.bytes), 7)).ok());
            QVERIFY((*it)->invoke().ok());
        }
    }

    // A shape computed at prepare can be enormous although the file is small (interpreter_fuzz: a PAD
    // by 50 million rows took 1.6 GB and 80 s). With a memory limit the interpreter says what it would
    // need instead of allocating it; a model within the limit runs as before.
    void activationMemoryLimitIsEnforced()
    {
        // One int16 PAD of a [1,2,3,8] tensor by `rows` rows before the third dimension.
        const auto padModel = [](std::int32_t rows) {
            test::GraphBuilder b;
            const int sg = b.subgraph("main");
            const int x = b.input(sg, "x", DType::Int16, {1, 2, 3, 8});
            const int pads = b.constant<std::int32_t>(sg, "paddings", DType::Int32, {4, 2}, {0, 0, 0, 0, rows, 0, 0, 0});
            const int y = b.tensor(sg, "y", DType::Int16, {1, 2, 3, 8});
            b.op(sg, tflite::BuiltinOperator::PAD, {x, pads}, {y});
            b.output(sg, y);
            return std::make_shared<const Graph>(b.graph());
        };
        exec::InterpreterOptions limited;
        limited.maxActivationBytes = std::int64_t{64} << 20;
        auto refused = exec::Interpreter::create(padModel(50'000'000), limited);
        QVERIFY(!refused.ok());
        const std::string error = refused.error().message;
        QVERIFY2(error.find("would take 1525.9 MiB, more than the limit of 64.0 MiB") != std::string::npos, error.c_str());

        // A small padding runs under the limit, and so does a real model; a limit below a real model's
        // arena refuses it.
        auto runs = exec::Interpreter::create(padModel(2), limited);
        QVERIFY2(runs.ok(), runs.ok() ? "" : runs.error().message.c_str());
        QCOMPARE((*runs)->output(0).shape, (std::vector<std::int32_t>{1, 2, 5, 8}));
        QVERIFY((*runs)->invoke().ok());

        auto kws = readTflite(test::modelPath("kws_dscnn_int8.tflite"));
        QVERIFY(kws.ok());
        const auto kwsGraph = std::make_shared<const Graph>(std::move(*kws));
        QVERIFY(exec::Interpreter::create(kwsGraph, limited).ok());
        exec::InterpreterOptions tiny;
        tiny.maxActivationBytes = 1024;
        auto tooSmall = exec::Interpreter::create(kwsGraph, tiny);
        QVERIFY(!tooSmall.ok());
        QVERIFY2(tooSmall.error().message.find("more than the limit of 1.0 KiB") != std::string::npos,
            tooSmall.error().message.c_str());
    }

    void missingFile()
    {
        auto g = readTflite(std::string("/nonexistent/model.tflite"));
        QVERIFY(!g.ok());
        QVERIFY(g.error().message.find("/nonexistent/model.tflite: cannot open") == 0);
        auto dir = readTflite(test::modelsDir());
        QVERIFY(!dir.ok());
        QVERIFY(dir.error().message.find("not a regular file") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(MalformedTest)
#include "malformed_test.moc"
