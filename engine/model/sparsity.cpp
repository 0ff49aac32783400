// SPDX-License-Identifier: MIT
#include "model/sparsity.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace ql::model {

namespace {

std::vector<std::int64_t> indexVector(const tflite::SparseIndexVectorUnion& u)
{
    std::vector<std::int64_t> v;
    if (const auto* a = u.AsInt32Vector())
        v.assign(a->values.begin(), a->values.end());
    else if (const auto* b = u.AsUint16Vector())
        v.assign(b->values.begin(), b->values.end());
    else if (const auto* c = u.AsUint8Vector())
        v.assign(c->values.begin(), c->values.end());
    return v;
}

struct Level {
    bool dense = true;
    std::int64_t size = 0; // dense: extent; sparse: extent of the dimension it indexes
    std::vector<std::int64_t> segments, indices;
};

class Densifier {
public:
    Densifier(const Tensor& t, std::span<const std::uint8_t> values)
        : m_t(t)
        , m_values(values)
    {
    }

    Result<std::vector<std::uint8_t>> run()
    {
        const auto& sp = *m_t.sparsity;
        const int rank = static_cast<int>(m_t.shape.size());
        const int blocks = static_cast<int>(sp.block_map.size());
        const int levels = rank + blocks;
        m_elementBytes = dtypeBits(m_t.dtype) / 8;
        if (m_elementBytes <= 0)
            return Error{"sparse tensors of type " + dtypeName(m_t.dtype) + " are not supported"};
        if (static_cast<int>(sp.traversal_order.size()) != levels || static_cast<int>(sp.dim_metadata.size()) != levels)
            return Error{"sparsity has " + std::to_string(sp.traversal_order.size()) + " traversal dimensions and " +
                std::to_string(sp.dim_metadata.size()) + " dimension descriptions for rank " + std::to_string(rank) +
                " with " + std::to_string(blocks) + " block dimension(s)"};
        std::vector<bool> seen(static_cast<std::size_t>(levels), false);
        for (const int d : sp.traversal_order) {
            if (d < 0 || d >= levels || seen[static_cast<std::size_t>(d)])
                return Error{"sparsity traversal order is not a permutation of 0.." + std::to_string(levels - 1)};
            seen[static_cast<std::size_t>(d)] = true;
        }
        // The block dimensions are traversed after the dimensions they block.
        m_blockOf.assign(static_cast<std::size_t>(rank), -1);
        m_blockSize.assign(static_cast<std::size_t>(blocks), 1);
        for (int b = 0; b < blocks; ++b) {
            const int d = sp.block_map[static_cast<std::size_t>(b)];
            if (d < 0 || d >= rank || m_blockOf[static_cast<std::size_t>(d)] >= 0)
                return Error{"sparsity block map entry " + std::to_string(b) + " names dimension " + std::to_string(d)};
            m_blockOf[static_cast<std::size_t>(d)] = b;
        }
        m_levels.resize(static_cast<std::size_t>(levels));
        m_dimOfLevel.assign(sp.traversal_order.begin(), sp.traversal_order.end());
        for (int l = 0; l < levels; ++l) {
            const auto* md = sp.dim_metadata[static_cast<std::size_t>(l)].get();
            if (!md)
                return Error{"sparsity dimension " + std::to_string(l) + " has no description"};
            Level& lv = m_levels[static_cast<std::size_t>(l)];
            lv.dense = md->format == tflite::DimensionType::DENSE;
            const int dim = m_dimOfLevel[static_cast<std::size_t>(l)];
            if (dim >= rank) { // a block dimension: its size comes from its description
                if (!lv.dense || md->dense_size <= 0)
                    return Error{"sparsity block dimension " + std::to_string(dim) + " must be dense with a size"};
                m_blockSize[static_cast<std::size_t>(dim - rank)] = md->dense_size;
            }
        }
        // Extents of the expanded dimensions: blocked dimensions count blocks.
        m_extent.assign(static_cast<std::size_t>(levels), 0);
        for (int d = 0; d < rank; ++d) {
            std::int64_t e = m_t.shape[static_cast<std::size_t>(d)];
            const int b = m_blockOf[static_cast<std::size_t>(d)];
            if (b >= 0) {
                const std::int64_t bs = m_blockSize[static_cast<std::size_t>(b)];
                if (e % bs != 0)
                    return Error{"dimension " + std::to_string(d) + " of " + std::to_string(e) +
                        " does not split into blocks of " + std::to_string(bs)};
                e /= bs;
                m_extent[static_cast<std::size_t>(rank + b)] = bs;
            }
            m_extent[static_cast<std::size_t>(d)] = e;
        }
        for (int l = 0; l < levels; ++l) {
            Level& lv = m_levels[static_cast<std::size_t>(l)];
            const auto* md = sp.dim_metadata[static_cast<std::size_t>(l)].get();
            const std::int64_t extent = m_extent[static_cast<std::size_t>(m_dimOfLevel[static_cast<std::size_t>(l)])];
            lv.size = extent;
            if (lv.dense) {
                if (md->dense_size != extent)
                    return Error{"sparsity dimension " + std::to_string(l) + " is dense with size " +
                        std::to_string(md->dense_size) + ", the tensor's has " + std::to_string(extent)};
            } else {
                lv.segments = indexVector(md->array_segments);
                lv.indices = indexVector(md->array_indices);
                if (lv.segments.empty())
                    return Error{"sparsity dimension " + std::to_string(l) + " is compressed but has no segments"};
                for (const auto i : lv.indices)
                    if (i < 0 || i >= extent)
                        return Error{"sparsity dimension " + std::to_string(l) + " has index " + std::to_string(i) +
                            " outside [0, " + std::to_string(extent) + ")"};
                for (std::size_t s = 0; s < lv.segments.size(); ++s)
                    if (lv.segments[s] < 0 || lv.segments[s] > static_cast<std::int64_t>(lv.indices.size()) ||
                        (s > 0 && lv.segments[s] < lv.segments[s - 1]))
                        return Error{"sparsity dimension " + std::to_string(l) + " has malformed segments"};
            }
        }
        // Row-major strides of the dense tensor.
        m_stride.assign(static_cast<std::size_t>(rank), 1);
        for (int d = rank - 2; d >= 0; --d)
            m_stride[static_cast<std::size_t>(d)] =
                m_stride[static_cast<std::size_t>(d + 1)] * m_t.shape[static_cast<std::size_t>(d + 1)];
        // A hostile file must not make a few bytes claim gigabytes: real sparse weights are a few
        // times smaller than dense, never more than 64 times.
        const std::int64_t denseBytes = m_t.elementCount() * m_elementBytes;
        const auto limit = std::max<std::int64_t>(std::int64_t{64} << 20, 64 * static_cast<std::int64_t>(m_values.size()));
        if (denseBytes > limit)
            return Error{"sparse tensor of " + std::to_string(m_values.size()) + " bytes would densify to " +
                std::to_string(denseBytes) + " bytes"};
        m_out.assign(static_cast<std::size_t>(denseBytes), 0);
        m_index.assign(static_cast<std::size_t>(levels), 0);
        if (auto st = walk(0, 0); !st)
            return st.error();
        if (m_next * m_elementBytes != static_cast<std::int64_t>(m_values.size()))
            return Error{"sparse data hold " + std::to_string(m_values.size() / static_cast<std::size_t>(m_elementBytes)) +
                " values, the sparsity structure addresses " + std::to_string(m_next)};
        return std::move(m_out);
    }

private:
    // Visits level `l`; `parent` is the position within the previous level (the segment to read).
    Status walk(int l, std::int64_t parent)
    {
        if (l == static_cast<int>(m_levels.size()))
            return place();
        const Level& lv = m_levels[static_cast<std::size_t>(l)];
        const int dim = m_dimOfLevel[static_cast<std::size_t>(l)];
        if (lv.dense) {
            for (std::int64_t i = 0; i < lv.size; ++i) {
                m_index[static_cast<std::size_t>(dim)] = i;
                if (auto st = walk(l + 1, parent * lv.size + i); !st)
                    return st;
            }
            return {};
        }
        if (parent + 1 >= static_cast<std::int64_t>(lv.segments.size()))
            return Error{"sparsity dimension " + std::to_string(l) + " needs segment " + std::to_string(parent + 1) +
                ", it has " + std::to_string(lv.segments.size())};
        for (std::int64_t j = lv.segments[static_cast<std::size_t>(parent)];
             j < lv.segments[static_cast<std::size_t>(parent + 1)]; ++j) {
            m_index[static_cast<std::size_t>(dim)] = lv.indices[static_cast<std::size_t>(j)];
            if (auto st = walk(l + 1, j); !st)
                return st;
        }
        return {};
    }

    Status place()
    {
        const int rank = static_cast<int>(m_t.shape.size());
        std::int64_t offset = 0;
        for (int d = 0; d < rank; ++d) {
            std::int64_t i = m_index[static_cast<std::size_t>(d)];
            const int b = m_blockOf[static_cast<std::size_t>(d)];
            if (b >= 0)
                i = i * m_blockSize[static_cast<std::size_t>(b)] + m_index[static_cast<std::size_t>(rank + b)];
            offset += i * m_stride[static_cast<std::size_t>(d)];
        }
        if ((m_next + 1) * m_elementBytes > static_cast<std::int64_t>(m_values.size()))
            return Error{"sparse data end after " + std::to_string(m_next) + " values"};
        std::memcpy(m_out.data() + offset * m_elementBytes, m_values.data() + m_next * m_elementBytes,
            static_cast<std::size_t>(m_elementBytes));
        ++m_next;
        return {};
    }

    const Tensor& m_t;
    std::span<const std::uint8_t> m_values;
    std::int64_t m_elementBytes = 0;
    std::vector<int> m_blockOf, m_dimOfLevel;
    std::vector<std::int64_t> m_blockSize, m_extent, m_stride, m_index;
    std::vector<Level> m_levels;
    std::vector<std::uint8_t> m_out;
    std::int64_t m_next = 0;
};

} // namespace

Result<std::vector<std::uint8_t>> densify(const Tensor& t, std::span<const std::uint8_t> values)
{
    if (!t.sparsity)
        return std::vector<std::uint8_t>(values.begin(), values.end());
    return Densifier(t, values).run();
}

Result<std::vector<std::uint8_t>> denseConstant(const Graph& g, const Tensor& t)
{
    return densify(t, g.tensorData(t));
}

} // namespace ql::model
