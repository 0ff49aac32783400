// SPDX-License-Identifier: MIT
// A FULLY_CONNECTED model with its batch dynamic in the shape signature and 4x8 float weights, dense or
// sparse in 1x4 blocks, and those weights as a block-sparse constant (sparse_constants_test.cpp,
// batch_resize_test.cpp).
#pragma once

#include "common/graph_builder.h"
#include "model/graph.h"

#include <memory>
#include <vector>

namespace ql::test {

// A 4x8 float matrix with the non-zero 1x4 blocks (0,0), (1,1), (3,0), (3,1).
inline const std::vector<float> kBlockDense = {
    1, 2, 3, 4, 0, 0, 0, 0, //
    0, 0, 0, 0, 5, 6, 7, 8, //
    0, 0, 0, 0, 0, 0, 0, 0, //
    -1, -2, -3, -4, 9, 10, 11, 12};

inline std::shared_ptr<tflite::SparsityParametersT> blockSparsity()
{
    // Dimensions traversed: rows (dense), column blocks (CSR), the 4 columns of a block (dense).
    auto s = std::make_shared<tflite::SparsityParametersT>();
    s->traversal_order = {0, 1, 2};
    s->block_map = {1};
    auto dense = [](int size) {
        auto d = std::make_unique<tflite::DimensionMetadataT>();
        d->format = tflite::DimensionType::DENSE;
        d->dense_size = size;
        return d;
    };
    s->dim_metadata.push_back(dense(4));
    auto csr = std::make_unique<tflite::DimensionMetadataT>();
    csr->format = tflite::DimensionType::SPARSE_CSR;
    tflite::Int32VectorT seg, idx;
    seg.values = {0, 1, 2, 2, 4};
    idx.values = {0, 1, 0, 1};
    csr->array_segments.Set(std::move(seg));
    csr->array_indices.Set(std::move(idx));
    s->dim_metadata.push_back(std::move(csr));
    s->dim_metadata.push_back(dense(4));
    return s;
}

inline const std::vector<float> kBlockValues = {1, 2, 3, 4, 5, 6, 7, 8, -1, -2, -3, -4, 9, 10, 11, 12};

// FULLY_CONNECTED([batch, 8] x 4x8 weights, sparse in 1x4 blocks or dense), batch dynamic in the shape signature.
inline model::Graph fullyConnected(bool sparse)
{
    test::GraphBuilder b;
    const int main = b.subgraph("main");
    const int x = b.input(main, "x", model::DType::Float32, {1, 8});
    b.at(main, x).shapeSignature = {-1, 8};
    const int w =
        b.constant<float>(main, "weights", model::DType::Float32, {4, 8}, sparse ? kBlockValues : kBlockDense);
    if (sparse)
        b.at(main, w).sparsity = blockSparsity();
    const int bias = b.constant<float>(main, "bias", model::DType::Float32, {4}, {0.5f, -0.5f, 1, 0});
    const int o = b.tensor(main, "out", model::DType::Float32, {1, 4});
    b.at(main, o).shapeSignature = {-1, 4};
    tflite::FullyConnectedOptionsT fo;
    b.op(main, tflite::BuiltinOperator::FULLY_CONNECTED, {x, w, bias}, {o}, opts(fo));
    b.output(main, o);
    return b.graph();
}

} // namespace ql::test
