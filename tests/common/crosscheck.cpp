// SPDX-License-Identifier: MIT
#include "common/crosscheck.h"

#include "common/litert.h"
#include "data/npy.h"
#include "exec/interpreter.h"
#include "model/transform.h"
#include "model/writer.h"

#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

namespace ql::test {

namespace {

// Which tensors of `sg` the graph inputs reach (through every operator but SHAPE, whose output only
// the static shapes determine).
std::vector<bool> dependsOnInputs(const model::Subgraph& sg, const model::Graph& g)
{
    std::vector<bool> reached(sg.tensors.size(), false);
    for (const auto i : sg.inputs)
        if (i >= 0 && static_cast<std::size_t>(i) < reached.size())
            reached[static_cast<std::size_t>(i)] = true;
    for (const auto& op : sg.operators) {
        bool any = false;
        if (g.opcodeOf(op) != tflite::BuiltinOperator::SHAPE)
            for (const auto i : op.inputs)
                any = any || (i >= 0 && static_cast<std::size_t>(i) < reached.size() && reached[static_cast<std::size_t>(i)]);
        for (const auto o : op.outputs)
            if (o >= 0 && static_cast<std::size_t>(o) < reached.size())
                reached[static_cast<std::size_t>(o)] = any;
    }
    return reached;
}

data::NpyArray randomInput(const exec::RtTensor& t, float inputMin, float inputMax, std::mt19937& rng)
{
    data::NpyArray a;
    a.dtype = t.dtype;
    a.shape.assign(t.shape.begin(), t.shape.end());
    a.data.resize(static_cast<std::size_t>(t.bytes));
    const std::int64_t n = t.count();
    switch (t.dtype) {
    case model::DType::Float32: {
        std::uniform_real_distribution<float> d(inputMin, inputMax);
        for (std::int64_t i = 0; i < n; ++i) {
            const float v = d(rng);
            std::memcpy(a.data.data() + i * 4, &v, 4);
        }
        break;
    }
    case model::DType::Int8:
    case model::DType::UInt8:
        for (auto& b : a.data)
            b = static_cast<std::uint8_t>(rng());
        break;
    case model::DType::Int16:
        for (std::int64_t i = 0; i < n; ++i) {
            const auto v = static_cast<std::int16_t>(rng());
            std::memcpy(a.data.data() + i * 2, &v, 2);
        }
        break;
    default: qFatal("no random input for %s", model::dtypeName(t.dtype).c_str());
    }
    return a;
}

} // namespace

double valueOf(const std::uint8_t* p, model::DType t, std::int64_t i)
{
    auto read = [&](auto tag) {
        using T = decltype(tag);
        T v;
        std::memcpy(&v, p + i * static_cast<std::int64_t>(sizeof(T)), sizeof(T));
        return static_cast<double>(v);
    };
    switch (t) {
    case model::DType::Float32:
    case model::DType::Complex64: return read(float{});
    case model::DType::Float64: return read(double{});
    case model::DType::Int8: return read(std::int8_t{});
    case model::DType::UInt8:
    case model::DType::Bool: return p[i];
    case model::DType::Int16: return read(std::int16_t{});
    case model::DType::UInt16: return read(std::uint16_t{});
    case model::DType::Int32: return read(std::int32_t{});
    case model::DType::UInt32: return read(std::uint32_t{});
    case model::DType::Int64: return read(std::int64_t{});
    default: return 0;
    }
}

const std::vector<CrossCheckModel>& crossCheckModels()
{
    using K = ModelKind;
    static const std::vector<CrossCheckModel> models = {
        {"hello_world_twin_float32.tflite", K::Float, 0.0f, 6.28f},
        {"hello_world_twin_int8.tflite", K::Integer, 0, 0},
        {"hello_world_twin_int8_floatio.tflite", K::Integer, 0.0f, 6.28f},
        {"mnist_cnn_float32.tflite", K::Float, 0.0f, 1.0f},
        {"mnist_cnn_dynrange.tflite", K::Hybrid, 0.0f, 1.0f},
        {"kws_dscnn_dynrange.tflite", K::Hybrid, -30.0f, 30.0f},
        {"kws_dscnn_int8.tflite", K::Integer, 0, 0},
        {"resnet8_cifar10_float32.tflite", K::Float, 0.0f, 255.0f},
        {"resnet8_cifar10_int8.tflite", K::Integer, 0, 0},
        {"ad01_autoencoder_float32.tflite", K::Float, -10.0f, 10.0f},
        {"ad01_autoencoder_dynrange.tflite", K::Hybrid, -10.0f, 10.0f},
        {"ad01_autoencoder_int8.tflite", K::Integer, 0, 0},
        {"ad01_autoencoder_int8_floatio.tflite", K::Integer, -10.0f, 10.0f},
        {"vww_mobilenet_v1_025_96_float32.tflite", K::Float, 0.0f, 1.0f},
        {"vww_mobilenet_v1_025_96_int8.tflite", K::Integer, 0, 0},
        {"mobilenet_v1_025_224_float32.tflite", K::Float, -1.0f, 1.0f},
        {"mobilenet_v1_025_224_uint8.tflite", K::Integer, 0, 0},
        {"mobilenet_v2_100_224_int8_uint8io.tflite", K::Integer, 0, 0},
        {"mobilenet_v2_035_96_embedder_dynrange.tflite", K::Hybrid, 0.0f, 1.0f},
        {"fashion_mnist_cnn_dynrange.tflite", K::Hybrid, 0.0f, 1.0f},
        {"blazeface_short_range_float16.tflite", K::Float, -1.0f, 1.0f},
        {"conv_tiny_float16.tflite", K::Float, -1.0f, 1.0f},
        {"mobilenet_like_tiny_float32.tflite", K::Float, -1.0f, 1.0f},
        {"seanet_conv0_16x8.tflite", K::Integer, 0, 0},
        {"seanet_conv4_16x8.tflite", K::Integer, 0, 0},
    };
    return models;
}

QString checkAgainstLitert(
    const model::Graph& graph, ModelKind kind, float inputMin, float inputMax, unsigned seed, const std::string& label)
{
    model::Graph g = graph;
    QTemporaryDir dir;
    const QString runPath = dir.filePath(QStringLiteral("model.tflite"));
    QStringList litertArgs;
    if (kind == ModelKind::Integer) {
        const std::size_t original = g.main().outputs.size();
        model::exposeIntermediates(g);
        litertArgs << QStringLiteral("--no-signatures");
        // litert-run cannot read back a tensor whose shape is only known at run time (a RESHAPE
        // whose shape is computed); such intermediates are not compared.
        auto& sg = g.subgraphs.front();
        std::vector<std::int32_t> kept(sg.outputs.begin(), sg.outputs.begin() + static_cast<long>(original));
        for (std::size_t k = original; k < sg.outputs.size(); ++k) {
            bool dynamic = false;
            for (const auto& op : sg.operators)
                if (g.opcodeOf(op) == tflite::BuiltinOperator::RESHAPE && !op.outputs.empty() &&
                    op.outputs[0] == sg.outputs[k] && op.inputs.size() > 1 && op.inputs[1] >= 0 &&
                    !g.isConstant(sg.tensors[static_cast<std::size_t>(op.inputs[1])]))
                    dynamic = true;
            if (!dynamic)
                kept.push_back(sg.outputs[k]);
        }
        sg.outputs = std::move(kept);
    }
    if (auto st = model::writeTflite(g, runPath.toStdString()); !st)
        return QString::fromStdString("cannot write the model: " + st.error().message);
    auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(std::move(g)));
    if (!it)
        return QString::fromStdString("QuantLens cannot prepare it: " + it.error().message);
    exec::Interpreter& interp = **it;
    std::mt19937 rng(seed);
    QStringList files;
    for (int i = 0; i < interp.inputCount(); ++i) {
        const auto a = randomInput(interp.input(i), inputMin, inputMax, rng);
        if (!interp.setInput(i, a.dtype, a.data).ok())
            return QStringLiteral("cannot set input %1").arg(i);
        files << dir.filePath(QStringLiteral("in%1.npy").arg(i));
        if (!data::writeNpy(files.back().toStdString(), a).ok())
            return QStringLiteral("cannot write input %1").arg(i);
    }
    if (auto st = interp.invoke(); !st)
        return QString::fromStdString("QuantLens failed: " + st.error().message);
    const auto ref = runLitert(runPath, files, litertArgs);
    if (!ref.ok)
        return QStringLiteral("LiteRT failed: ") + ref.error;
    if (static_cast<int>(ref.outputs.size()) != interp.outputCount())
        return QStringLiteral("LiteRT has %1 outputs, QuantLens %2").arg(ref.outputs.size()).arg(interp.outputCount());
    const auto fromInputs = dependsOnInputs(interp.graph().main(), interp.graph());
    for (int o = 0; o < interp.outputCount(); ++o) {
        const auto& ours = interp.output(o);
        const auto& theirs = ref.outputs[static_cast<std::size_t>(o)];
        // LiteRT computes a tensor no input reaches (a SHAPE of static shapes and what follows it)
        // once, while preparing, into read-only memory that litert-run does not read back.
        const int index = interp.outputTensorIndex(o);
        if (index >= 0 && !fromInputs[static_cast<std::size_t>(index)])
            continue;
        if (theirs.dtype != ours.dtype || theirs.elementCount() != ours.count())
            return QStringLiteral("output %1: dtype or size differs").arg(o);
        double maxRef = 0, maxDiff = 0;
        std::int64_t differ = 0;
        for (std::int64_t i = 0; i < ours.count(); ++i) {
            const double a = valueOf(ours.data, ours.dtype, i);
            const double b = valueOf(theirs.data.data(), theirs.dtype, i);
            maxRef = std::max(maxRef, std::abs(b));
            maxDiff = std::max(maxDiff, std::abs(a - b));
            differ += a != b;
        }
        const bool isFloat = ours.dtype == model::DType::Float32;
        if (kind != ModelKind::Integer || o < 1 || maxDiff > 0)
            qInfo("%s out%d: max |diff| %.3g, max |ref| %.3g, %lld of %lld differ", label.c_str(), o, maxDiff, maxRef,
                static_cast<long long>(differ), static_cast<long long>(ours.count()));
        QString problem;
        if (kind == ModelKind::Hybrid) {
            if (maxDiff > kHybridRelTol * maxRef)
                problem = QStringLiteral("hybrid output outside its budget");
        } else if (isFloat && kind == ModelKind::Float) {
            if (maxDiff > kFloatRelTol * std::max(maxRef, 1e-6))
                problem = QStringLiteral("float output outside its budget");
        } else if (isFloat) {
            // Integer graph: a DEQUANTIZE output must be identical; a float operator left in the
            // graph (e.g. kept float) holds to the float budget.
            bool dequantized = false;
            for (const auto& op : interp.graph().main().operators)
                if (!op.outputs.empty() && op.outputs[0] == index)
                    dequantized = interp.graph().opcodeOf(op) == tflite::BuiltinOperator::DEQUANTIZE;
            if (dequantized ? maxDiff != 0 : maxDiff > kFloatRelTol * std::max(maxRef, 1e-6))
                problem = QStringLiteral("integer graph's float output differs");
        } else if (maxDiff > kIntegerMaxLsb) {
            // One exception: a QUANTIZE of a float operator's output (a float op kept in an integer
            // graph) may round a value that differs in its last float bit to the neighbouring code.
            const auto& sgm = interp.graph().main();
            auto producer = [&](int t) -> const model::Operator* {
                for (const auto& op : sgm.operators)
                    if (!op.outputs.empty() && op.outputs[0] == t)
                        return &op;
                return nullptr;
            };
            const model::Operator* q = producer(index);
            const model::Operator* f = q && interp.graph().opcodeOf(*q) == tflite::BuiltinOperator::QUANTIZE
                ? producer(q->inputs[0])
                : nullptr;
            const bool fromFloatOp = f && interp.graph().opcodeOf(*f) != tflite::BuiltinOperator::DEQUANTIZE &&
                sgm.tensors[static_cast<std::size_t>(q->inputs[0])].dtype == model::DType::Float32;
            if (!fromFloatOp || maxDiff > 1)
                problem = QStringLiteral("integer output differs from LiteRT");
        }
        if (!problem.isEmpty())
            return QStringLiteral("%1 out%2 (tensor '%3'): %4 (max |diff| %5)")
                .arg(QString::fromStdString(label))
                .arg(o)
                .arg(QString::fromStdString(ours.meta ? ours.meta->name : std::string()))
                .arg(problem)
                .arg(maxDiff);
    }
    return {};
}

} // namespace ql::test
