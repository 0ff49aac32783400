// SPDX-License-Identifier: MIT
// One-operator models built in memory, run by QuantLens and by LiteRT on the same random inputs.
// Covers operators and type combinations that no shared model has. Integer outputs must be equal;
// float outputs within kFloatRelTol of the largest reference value.
#include "common/crosscheck.h"
#include "common/litert.h"
#include "common/op_builder.h"
#include "exec/interpreter.h"
#include "model/writer.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <functional>
#include <random>

using namespace ql;
using test::TensorSpec;
using DT = model::DType;
using Op = tflite::BuiltinOperator;

namespace {

struct OpCase {
    const char* name;
    Op op;
    std::function<tflite::BuiltinOptionsUnion()> options;
    std::vector<TensorSpec> inputs;
    std::vector<TensorSpec> outputs;
};

TensorSpec f32(std::vector<std::int32_t> shape)
{
    return {std::move(shape), DT::Float32, 0, 0, {}};
}

TensorSpec q(std::vector<std::int32_t> shape, DT t, float scale, std::int64_t zp)
{
    return {std::move(shape), t, scale, zp, {}};
}

template <class T> tflite::BuiltinOptionsUnion opts(T value)
{
    tflite::BuiltinOptionsUnion u;
    u.Set(std::move(value));
    return u;
}

tflite::BuiltinOptionsUnion none()
{
    return {};
}

std::vector<OpCase> cases()
{
    const auto i32 = [](std::vector<std::int32_t> shape, std::vector<std::int32_t> v) {
        return TensorSpec::constant(std::move(shape), DT::Int32, v);
    };
    tflite::ReducerOptionsT keep;
    keep.keep_dims = true;
    tflite::ResizeBilinearOptionsT half;
    half.half_pixel_centers = true;
    tflite::ArgMaxOptionsT argmax;
    argmax.output_type = tflite::TensorType::INT32;
    tflite::SplitOptionsT split;
    split.num_splits = 3;
    tflite::LeakyReluOptionsT leaky;
    leaky.alpha = 0.3f;
    tflite::BatchMatMulOptionsT adj;
    adj.adj_y = true;
    return {
        {"SLICE float", Op::SLICE, [] { return opts(tflite::SliceOptionsT{}); },
            {f32({1, 6, 6, 3}), i32({4}, {0, 1, 2, 0}), i32({4}, {1, 3, -1, 2})}, {f32({1, 3, 4, 2})}},
        {"SPLIT int8", Op::SPLIT, [=] { return opts(split); }, {i32({}, {3}), q({1, 4, 4, 6}, DT::Int8, 0.1f, 3)},
            {q({1, 4, 4, 2}, DT::Int8, 0.1f, 3), q({1, 4, 4, 2}, DT::Int8, 0.1f, 3),
                q({1, 4, 4, 2}, DT::Int8, 0.1f, 3)}},
        {"GATHER float", Op::GATHER, [] { return opts(tflite::GatherOptionsT{}); }, {f32({5, 4}), i32({3}, {4, 0, 2})},
            {f32({3, 4})}},
        {"ARG_MAX float", Op::ARG_MAX, [=] { return opts(argmax); }, {f32({2, 10}), i32({}, {1})},
            {TensorSpec{{2}, DT::Int32, 0, 0, {}}}},
        {"RESIZE_BILINEAR float", Op::RESIZE_BILINEAR, [] { return opts(tflite::ResizeBilinearOptionsT{}); },
            {f32({1, 4, 5, 3}), i32({2}, {7, 9})}, {f32({1, 7, 9, 3})}},
        {"RESIZE_BILINEAR float half-pixel", Op::RESIZE_BILINEAR, [=] { return opts(half); },
            {f32({1, 4, 5, 3}), i32({2}, {8, 10})}, {f32({1, 8, 10, 3})}},
        {"RESIZE_NEAREST_NEIGHBOR int8", Op::RESIZE_NEAREST_NEIGHBOR,
            [] { return opts(tflite::ResizeNearestNeighborOptionsT{}); },
            {q({1, 4, 5, 3}, DT::Int8, 0.05f, 3), i32({2}, {8, 10})}, {q({1, 8, 10, 3}, DT::Int8, 0.05f, 3)}},
        {"BATCH_MATMUL float", Op::BATCH_MATMUL, [] { return opts(tflite::BatchMatMulOptionsT{}); },
            {f32({2, 3, 4}), f32({2, 4, 5})}, {f32({2, 3, 5})}},
        {"BATCH_MATMUL float adj_y broadcast", Op::BATCH_MATMUL, [=] { return opts(adj); },
            {f32({2, 3, 4}), f32({1, 5, 4})}, {f32({2, 3, 5})}},
        {"PRELU float", Op::PRELU, none,
            {f32({1, 4, 4, 3}), TensorSpec::constant<float>({3}, DT::Float32, {0.1f, -0.5f, 2.0f})},
            {f32({1, 4, 4, 3})}},
        {"L2_NORMALIZATION float", Op::L2_NORMALIZATION, [] { return opts(tflite::L2NormOptionsT{}); }, {f32({2, 8})},
            {f32({2, 8})}},
        {"LOGISTIC float", Op::LOGISTIC, none, {f32({64})}, {f32({64})}},
        {"LOGISTIC int8", Op::LOGISTIC, none, {q({256}, DT::Int8, 0.1f, -10)}, {q({256}, DT::Int8, 1.0f / 256, -128)}},
        {"LOGISTIC uint8", Op::LOGISTIC, none, {q({256}, DT::UInt8, 0.05f, 120)}, {q({256}, DT::UInt8, 1.0f / 256, 0)}},
        {"TANH int8", Op::TANH, none, {q({256}, DT::Int8, 0.03f, 5)}, {q({256}, DT::Int8, 1.0f / 128, 0)}},
        {"TANH float", Op::TANH, none, {f32({64})}, {f32({64})}},
        // int16: the interpolated table (LiteRT takes it for input scales that are not 2^-12).
        {"LOGISTIC int16", Op::LOGISTIC, none, {q({4096}, DT::Int16, 3.5e-4f, 0)},
            {q({4096}, DT::Int16, 1.0f / 32768, 0)}},
        {"TANH int16", Op::TANH, none, {q({4096}, DT::Int16, 2.2e-4f, 0)}, {q({4096}, DT::Int16, 1.0f / 32768, 0)}},
        {"MUL int8 broadcast", Op::MUL, [] { return opts(tflite::MulOptionsT{}); },
            {q({1, 4, 4, 3}, DT::Int8, 0.05f, 3), q({1, 1, 1, 3}, DT::Int8, 0.04f, -7)},
            {q({1, 4, 4, 3}, DT::Int8, 0.01f, 2)}},
        {"SUB int8", Op::SUB, [] { return opts(tflite::SubOptionsT{}); },
            {q({2, 50}, DT::Int8, 0.05f, 3), q({2, 50}, DT::Int8, 0.07f, -7)}, {q({2, 50}, DT::Int8, 0.1f, 2)}},
        {"ADD uint8", Op::ADD, [] { return opts(tflite::AddOptionsT{}); },
            {q({2, 50}, DT::UInt8, 0.05f, 130), q({2, 50}, DT::UInt8, 0.02f, 100)},
            {q({2, 50}, DT::UInt8, 0.06f, 120)}},
        {"MAXIMUM float", Op::MAXIMUM, none, {f32({3, 5}), f32({1, 5})}, {f32({3, 5})}},
        {"MINIMUM float", Op::MINIMUM, none, {f32({3, 5}), f32({3, 5})}, {f32({3, 5})}},
        {"SUM float", Op::SUM, [] { return opts(tflite::ReducerOptionsT{}); }, {f32({2, 3, 4, 5}), i32({2}, {1, 2})},
            {f32({2, 5})}},
        {"REDUCE_MAX int8", Op::REDUCE_MAX, [=] { return opts(keep); },
            {q({1, 6, 6, 4}, DT::Int8, 0.1f, 1), i32({2}, {1, 2})}, {q({1, 1, 1, 4}, DT::Int8, 0.1f, 1)}},
        {"MEAN uint8", Op::MEAN, [=] { return opts(keep); }, {q({1, 7, 7, 16}, DT::UInt8, 0.1f, 100), i32({2}, {1, 2})},
            {q({1, 1, 1, 16}, DT::UInt8, 0.05f, 90)}},
        {"RELU6 int8 rescaling", Op::RELU6, none, {q({256}, DT::Int8, 0.05f, -20)}, {q({256}, DT::Int8, 0.03f, -128)}},
        {"RELU uint8", Op::RELU, none, {q({256}, DT::UInt8, 0.05f, 128)}, {q({256}, DT::UInt8, 0.04f, 10)}},
        {"HARD_SWISH float", Op::HARD_SWISH, none, {f32({64})}, {f32({64})}},
        {"HARD_SWISH int8", Op::HARD_SWISH, none, {q({256}, DT::Int8, 0.05f, -3)}, {q({256}, DT::Int8, 0.03f, -100)}},
        {"HARD_SWISH uint8", Op::HARD_SWISH, none, {q({256}, DT::UInt8, 0.04f, 128)},
            {q({256}, DT::UInt8, 0.035f, 20)}},
        {"LEAKY_RELU int8", Op::LEAKY_RELU, [=] { return opts(leaky); }, {q({256}, DT::Int8, 0.05f, -2)},
            {q({256}, DT::Int8, 0.04f, 5)}},
        {"QUANTIZE int8 requantize", Op::QUANTIZE, none, {q({256}, DT::Int8, 0.05f, 3)},
            {q({256}, DT::Int8, 0.0153f, -5)}},
        {"QUANTIZE float to uint8", Op::QUANTIZE, none, {f32({256})}, {q({256}, DT::UInt8, 0.0078f, 128)}},
        {"TRANSPOSE float", Op::TRANSPOSE, [] { return opts(tflite::TransposeOptionsT{}); },
            {f32({2, 3, 4, 5}), i32({4}, {0, 3, 1, 2})}, {f32({2, 5, 3, 4})}},
        {"CONCATENATION uint8 rescaling", Op::CONCATENATION,
            [] {
                tflite::ConcatenationOptionsT o;
                o.axis = 1;
                return opts(o);
            },
            {q({2, 3}, DT::UInt8, 0.05f, 120), q({2, 4}, DT::UInt8, 0.02f, 100)}, {q({2, 7}, DT::UInt8, 0.06f, 128)}},
    };
}

void fillRandom(std::vector<std::uint8_t>& data, DT t, std::mt19937& rng)
{
    if (t == DT::Float32) {
        std::uniform_real_distribution<float> d(-4.0f, 4.0f);
        for (std::size_t i = 0; i + 4 <= data.size(); i += 4) {
            const float v = d(rng);
            std::memcpy(data.data() + i, &v, 4);
        }
    } else {
        for (auto& b : data)
            b = static_cast<std::uint8_t>(rng());
    }
}

double valueAt(const std::uint8_t* p, DT t, std::int64_t i)
{
    switch (t) {
    case DT::Float32: {
        float f;
        std::memcpy(&f, p + i * 4, 4);
        return f;
    }
    case DT::Int8: return static_cast<std::int8_t>(p[i]);
    case DT::UInt8: return p[i];
    case DT::Int16: {
        std::int16_t v;
        std::memcpy(&v, p + i * 2, 2);
        return v;
    }
    case DT::Int32: {
        std::int32_t v;
        std::memcpy(&v, p + i * 4, 4);
        return v;
    }
    default: qFatal("valueAt: no comparison for this dtype"); return 0;
    }
}

} // namespace

class OpTest : public QObject {
    Q_OBJECT

private slots:
    void againstLitert_data()
    {
        QTest::addColumn<int>("index");
        const auto all = cases();
        for (std::size_t i = 0; i < all.size(); ++i)
            QTest::newRow(all[i].name) << static_cast<int>(i);
    }

    void againstLitert()
    {
        QFETCH(int, index);
        const OpCase c = cases()[static_cast<std::size_t>(index)];
        auto graph = std::make_shared<model::Graph>(test::singleOpGraph(c.op, c.options(), c.inputs, c.outputs));
        QTemporaryDir dir;
        const QString modelPath = dir.filePath(QStringLiteral("op.tflite"));
        QVERIFY(model::writeTflite(*graph, modelPath.toStdString()).ok());
        auto it = exec::Interpreter::create(graph);
        QVERIFY2(it.ok(), it.ok() ? "" : it.error().message.c_str());
        std::mt19937 rng(static_cast<unsigned>(index + 1));
        QStringList files;
        for (int i = 0; i < (*it)->inputCount(); ++i) {
            const auto& t = (*it)->input(i);
            data::NpyArray a;
            a.dtype = t.dtype;
            a.shape.assign(t.shape.begin(), t.shape.end());
            a.data.resize(static_cast<std::size_t>(t.bytes));
            fillRandom(a.data, t.dtype, rng);
            QVERIFY((*it)->setInput(i, a.dtype, a.data).ok());
            files << dir.filePath(QStringLiteral("in%1.npy").arg(i));
            QVERIFY(data::writeNpy(files.back().toStdString(), a).ok());
        }
        QVERIFY((*it)->invoke().ok());
        const auto ref = test::runLitert(modelPath, files);
        QVERIFY2(ref.ok, qPrintable(ref.error));
        QCOMPARE(static_cast<int>(ref.outputs.size()), (*it)->outputCount());
        for (int o = 0; o < (*it)->outputCount(); ++o) {
            const auto& ours = (*it)->output(o);
            const auto& theirs = ref.outputs[static_cast<std::size_t>(o)];
            QCOMPARE(theirs.elementCount(), ours.count());
            double maxRef = 0, maxDiff = 0;
            for (std::int64_t i = 0; i < ours.count(); ++i) {
                const double a = valueAt(ours.data, ours.dtype, i), b = valueAt(theirs.data.data(), theirs.dtype, i);
                maxRef = std::max(maxRef, std::abs(b));
                maxDiff = std::max(maxDiff, std::abs(a - b));
            }
            if (ours.dtype == DT::Float32)
                QVERIFY2(maxDiff <= test::kFloatRelTol * std::max(maxRef, 1e-3),
                    qPrintable(QStringLiteral("max |diff| %1 of max %2").arg(maxDiff).arg(maxRef)));
            else
                QVERIFY2(maxDiff == 0, qPrintable(QStringLiteral("integer outputs differ by up to %1").arg(maxDiff)));
        }
    }
};

QTEST_GUILESS_MAIN(OpTest)
#include "op_test.moc"
