// SPDX-License-Identifier: MIT
// Sparse constants built in memory, in TFLite's 1x4-block and plain CSR forms: FULLY_CONNECTED weights read
// in their sparse form, DENSIFY as LiteRT does it (both run in LiteRT on the same inputs where it can, and
// checked against the dense values), and sparse indices that leave the tensor refused.
#include "common/graph_builder.h"
#include "exec/fully_connected_model.h"
#include "exec/graph_run.h"
#include "exec/interpreter.h"

#include <QTest>

#include <cmath>

using namespace ql;
using namespace ql::test;
using DT = model::DType;
using BO = tflite::BuiltinOperator;

namespace {

// A 3x5 matrix in plain CSR (rows dense, columns compressed) with uint8 segment and index vectors.
const std::vector<float> kCsrDense = {0, 0.5f, 0, 0, -2, 0, 0, 0, 0, 0, 3, 0, 0, 7, 0};

std::shared_ptr<tflite::SparsityParametersT> csrSparsity()
{
    auto s = std::make_shared<tflite::SparsityParametersT>();
    s->traversal_order = {0, 1};
    auto rows = std::make_unique<tflite::DimensionMetadataT>();
    rows->format = tflite::DimensionType::DENSE;
    rows->dense_size = 3;
    s->dim_metadata.push_back(std::move(rows));
    auto cols = std::make_unique<tflite::DimensionMetadataT>();
    cols->format = tflite::DimensionType::SPARSE_CSR;
    tflite::Uint8VectorT seg, idx;
    seg.values = {0, 2, 2, 4};
    idx.values = {1, 4, 0, 3};
    cols->array_segments.Set(std::move(seg));
    cols->array_indices.Set(std::move(idx));
    s->dim_metadata.push_back(std::move(cols));
    return s;
}

const std::vector<float> kCsrValues = {0.5f, -2, 3, 7};

// DENSIFY(sparse constant) + x.
model::Graph densifyPlus(std::vector<std::int32_t> shape, const std::vector<float>& values,
    std::shared_ptr<tflite::SparsityParametersT> sparsity)
{
    test::GraphBuilder b;
    const int main = b.subgraph("main");
    const int x = b.input(main, "x", DT::Float32, shape);
    const int w = b.constant<float>(main, "sparse", DT::Float32, shape, values);
    b.at(main, w).sparsity = std::move(sparsity);
    const int d = b.tensor(main, "dense", DT::Float32, shape);
    const int o = b.tensor(main, "out", DT::Float32, shape);
    b.op(main, BO::DENSIFY, {w}, {d});
    b.op(main, BO::ADD, {d, x}, {o}, opts(tflite::AddOptionsT{}));
    b.output(main, o);
    return b.graph();
}

} // namespace

class SparseConstantsTest : public QObject {
    Q_OBJECT

private slots:
    void sparseFullyConnectedWeightsAreReadInTheirSparseForm()
    {
        // TFLite's FULLY_CONNECTED takes 1x4-block sparse float weights (its optimized kernel);
        // LiteRT.js 2.x drops the sparsity when it loads the model ("Sparsity tensors may not yet be
        // fully supported") and reads the 16 stored values as a dense 4x8 matrix, so this is checked
        // against the dense product.
        auto it = interpreter(fullyConnected(true), [] {
            exec::InterpreterOptions o;
            o.inputShapes = {{3, 8}};
            return o;
        }());
        QVERIFY(it);
        const auto xs = seeded(24, 10);
        const auto ours = run(*it, {array(DT::Float32, {3, 8}, xs)});
        QCOMPARE(ours.size(), std::size_t{1});
        const auto v = valuesOf<float>(ours[0]);
        const float bias[4] = {0.5f, -0.5f, 1, 0};
        for (int row = 0; row < 3; ++row)
            for (int k = 0; k < 4; ++k) {
                double expect = bias[k];
                for (int j = 0; j < 8; ++j)
                    expect += static_cast<double>(kBlockDense[static_cast<std::size_t>(k * 8 + j)]) *
                        xs[static_cast<std::size_t>(row * 8 + j)];
                QVERIFY(std::abs(v[static_cast<std::size_t>(row * 4 + k)] - expect) <= 1e-5 * (1 + std::abs(expect)));
            }
    }

    void sparseConstantsDensifyAsLiteRTDoes_data()
    {
        QTest::addColumn<int>("form");
        QTest::newRow("1x4 blocks, int32 CSR") << 0;
        QTest::newRow("plain CSR, uint8 vectors") << 1;
    }

    void sparseConstantsDensifyAsLiteRTDoes()
    {
        QFETCH(int, form);
        const std::vector<std::int32_t> shape =
            form == 0 ? std::vector<std::int32_t>{4, 8} : std::vector<std::int32_t>{3, 5};
        const auto& dense = form == 0 ? kBlockDense : kCsrDense;
        const auto g = form == 0 ? densifyPlus(shape, kBlockValues, blockSparsity())
                                 : densifyPlus(shape, kCsrValues, csrSparsity());
        auto it = interpreter(g);
        QVERIFY(it);
        const auto xs = seeded(dense.size(), 9);
        const std::vector<data::NpyArray> in = {array(DT::Float32, {shape[0], shape[1]}, xs)};
        const auto ours = run(*it, in);
        QCOMPARE(ours.size(), std::size_t{1});
        const auto v = valuesOf<float>(ours[0]);
        for (std::size_t i = 0; i < dense.size(); ++i)
            QCOMPARE(v[i], dense[i] + xs[i]);
        const auto ref = litert(g, in);
        QVERIFY2(ref.ok, qPrintable(ref.error));
        QString why;
        QVERIFY2(sameArrays(ours, ref.outputs, why), qPrintable(why));
    }

    void aSparseConstantWithBrokenIndicesIsRefused()
    {
        auto s = csrSparsity();
        tflite::Uint8VectorT idx;
        idx.values = {1, 9, 0, 3}; // column 9 of 5
        s->dim_metadata[1]->array_indices.Set(std::move(idx));
        const auto g = densifyPlus({3, 5}, kCsrValues, s);
        seedFuzzer(g);
        auto it = exec::Interpreter::create(std::make_shared<model::Graph>(g));
        QVERIFY(!it);
        QVERIFY2(it.error().message.find("sparse") != std::string::npos, it.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(SparseConstantsTest)
#include "sparse_constants_test.moc"
