// SPDX-License-Identifier: MIT
// Selection by index or condition: GATHER_ND, SCATTER_ND, SELECT, SELECT_V2, WHERE, TOPK_V2,
// EMBEDDING_LOOKUP.
#include "exec/kernels/common.h"

#include "exec/half.h"

#include <algorithm>
#include <cstring>
#include <numeric>

namespace ql::exec {

namespace {

using model::DType;

bool isIndexType(DType t)
{
    return t == DType::Int32 || t == DType::Int64;
}

// GATHER_ND also takes int16 indices.
std::vector<std::int64_t> readIndices(const RtTensor& t)
{
    if (t.dtype != DType::Int16)
        return readIndexVector(t);
    return std::vector<std::int64_t>(t.as<std::int16_t>(), t.as<std::int16_t>() + t.count());
}

std::vector<std::int64_t> stridesOf(const std::vector<std::int32_t>& shape)
{
    std::vector<std::int64_t> s(shape.size(), 1);
    for (std::size_t d = shape.size(); d-- > 1;)
        s[d - 1] = s[d] * shape[d];
    return s;
}

} // namespace

Prepared prepareGatherNd(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    const RtTensor& p = ctx.in(0);
    const RtTensor& ix = ctx.in(1);
    if ((!isIndexType(ix.dtype) && ix.dtype != DType::Int16) || ix.rank() < 1)
        return ctx.fail("indices must be int16, int32 or int64 with at least one dimension");
    if (p.dtype != ctx.out(0).dtype || model::dtypeBits(p.dtype) < 8)
        return ctx.unsupported();
    if (p.rank() < 1)
        return ctx.fail("params must have at least one dimension");
    const int k = ix.dim(-1);
    if (k > p.rank() || k < 0)
        return ctx.fail("index tuples of " + std::to_string(k) + " do not fit " + shapeText(p.shape));
    std::vector<std::int32_t> shape(ix.shape.begin(), ix.shape.end() - 1);
    shape.insert(shape.end(), p.shape.begin() + k, p.shape.end());
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    // An output quantized unlike the params gets their codes, as in LiteRT.
    std::int64_t slice = 1;
    for (int d = k; d < p.rank(); ++d)
        slice *= p.dim(d);
    const auto pShape = p.shape;
    const auto pStr = stridesOf(p.shape);
    const std::int64_t eb = elementBytes(p.dtype);
    const int in = ctx.inputIndex(0), idx = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) -> Status {
        const auto indices = readIndices(tensorAt(rc, idx));
        const std::uint8_t* src = tensorAt(rc, in).data;
        std::uint8_t* dst = tensorAt(rc, out).data;
        const std::size_t tuples = k ? indices.size() / static_cast<std::size_t>(k) : 0;
        const std::size_t count = k ? tuples : static_cast<std::size_t>(tensorAt(rc, idx).count());
        for (std::size_t t = 0; t < count; ++t) {
            std::int64_t off = 0;
            for (int d = 0; d < k; ++d) {
                const auto i = indices[t * static_cast<std::size_t>(k) + static_cast<std::size_t>(d)];
                if (i < 0 || i >= pShape[static_cast<std::size_t>(d)])
                    return Error{"index " + std::to_string(i) + " is out of range for dimension " + std::to_string(d) +
                        " of " + shapeText(pShape)};
                off += i * pStr[static_cast<std::size_t>(d)];
            }
            std::memcpy(dst + static_cast<std::int64_t>(t) * slice * eb, src + off * eb,
                static_cast<std::size_t>(slice * eb));
        }
        return {};
    });
}

Prepared prepareScatterNd(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(3, 3, 1); !st)
        return st.error();
    const RtTensor& ix = ctx.in(0);
    const RtTensor& up = ctx.in(1);
    const RtTensor* sv = ctx.valueOf(2);
    if (!sv)
        return ctx.deferred();
    // LiteRT: int32 indices and shape; updates float32, uint8, int8, int32, int64 or bool.
    if (ix.dtype != DType::Int32 || sv->dtype != DType::Int32 || ix.rank() < 1)
        return ctx.fail("indices and shape must be int32, the indices with at least one dimension");
    if (up.dtype != ctx.out(0).dtype)
        return ctx.unsupported();
    if (up.dtype != DType::Float32 && up.dtype != DType::UInt8 && up.dtype != DType::Int8 && up.dtype != DType::Int32 &&
        up.dtype != DType::Int64 && up.dtype != DType::Bool)
        return ctx.fail("LiteRT scatters float32, uint8, int8, int32, int64 and bool only, not " +
            model::dtypeName(up.dtype));
    std::vector<std::int32_t> shape;
    for (const auto d : readIndexVector(*sv)) {
        if (d < 0 || d > model::kMaxTensorElements)
            return ctx.fail("shape dimension " + std::to_string(d) + " is out of range");
        shape.push_back(static_cast<std::int32_t>(d));
    }
    const int k = ix.dim(-1);
    if (k < 1 || k > static_cast<int>(shape.size()))
        return ctx.fail("index tuples of " + std::to_string(k) + " do not fit the shape " + shapeText(shape));
    // updates = indices.shape[:-1] + shape[k:]
    std::vector<std::int32_t> expected(ix.shape.begin(), ix.shape.end() - 1);
    expected.insert(expected.end(), shape.begin() + k, shape.end());
    if (up.shape != expected)
        return ctx.fail("updates have shape " + shapeText(up.shape) + ", expected " + shapeText(expected));
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    std::int64_t slice = 1;
    for (std::size_t d = static_cast<std::size_t>(k); d < shape.size(); ++d)
        slice *= shape[d];
    const auto oStr = stridesOf(shape);
    const int idx = ctx.inputIndex(0), upd = ctx.inputIndex(1), out = ctx.outputIndex(0);
    Prepared result = ctx.unsupported();
    // Duplicate indices add up, as the runtime's kernel does.
    withNumericType(up.dtype, [&](auto tag) {
        using T = decltype(tag);
        result = makeKernel([=](const RunContext& rc) -> Status {
            const auto indices = readIndexVector(tensorAt(rc, idx));
            const T* u = tensorAt(rc, upd).as<T>();
            RtTensor& y = tensorAt(rc, out);
            T* o = y.as<T>();
            std::fill(o, o + y.count(), T{});
            const std::size_t tuples = indices.size() / static_cast<std::size_t>(k);
            for (std::size_t t = 0; t < tuples; ++t) {
                std::int64_t off = 0;
                for (int d = 0; d < k; ++d) {
                    const auto i = indices[t * static_cast<std::size_t>(k) + static_cast<std::size_t>(d)];
                    if (i < 0 || i >= shape[static_cast<std::size_t>(d)])
                        return Error{"index " + std::to_string(i) + " is out of range for dimension " +
                            std::to_string(d) + " of " + shapeText(shape)};
                    off += i * oStr[static_cast<std::size_t>(d)];
                }
                for (std::int64_t j = 0; j < slice; ++j) {
                    if constexpr (std::is_same_v<T, bool>)
                        o[off + j] = o[off + j] || u[static_cast<std::int64_t>(t) * slice + j];
                    else
                        o[off + j] = static_cast<T>(o[off + j] + u[static_cast<std::int64_t>(t) * slice + j]);
                }
            }
            return {};
        });
    });
    return result;
}

Prepared prepareSelect(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(3, 3, 1); !st)
        return st.error();
    const RtTensor& c = ctx.in(0);
    const RtTensor& a = ctx.in(1);
    const RtTensor& b = ctx.in(2);
    if (c.dtype != DType::Bool || a.dtype != b.dtype || a.dtype != ctx.out(0).dtype || model::dtypeBits(a.dtype) < 8)
        return ctx.unsupported();
    const bool v2 = ctx.graph.opcodeOf(ctx.op) == tflite::BuiltinOperator::SELECT_V2;
    std::vector<std::int32_t> shape;
    // SELECT: all three alike, a 1-D condition choosing whole rows of the first dimension, or a
    // scalar condition choosing a whole input.
    bool rows = false;
    if (v2) {
        auto ab = broadcastShapes(a.shape, b.shape);
        auto s = ab ? broadcastShapes(c.shape, *ab) : std::nullopt;
        if (!s)
            return ctx.fail("condition " + shapeText(c.shape) + " and values " + shapeText(a.shape) + ", " +
                shapeText(b.shape) + " do not broadcast");
        shape = *s;
    } else {
        if (a.shape != b.shape)
            return ctx.fail("values " + shapeText(a.shape) + " and " + shapeText(b.shape) + " differ in shape");
        rows = c.shape != a.shape && c.rank() != 0;
        if (rows && (c.rank() != 1 || a.rank() < 1 || c.dim(0) != a.dim(0)))
            return ctx.fail("condition " + shapeText(c.shape) + " does not fit values " + shapeText(a.shape));
        shape = a.shape;
    }
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    // LiteRT copies codes whatever the tensors' parameters (lint reports values quantized unlike the
    // output); so does QuantLens.
    // Strides of each input within the output (0 along broadcast dimensions).
    const int rank = static_cast<int>(shape.size());
    auto strides = [&](const std::vector<std::int32_t>& s) {
        std::vector<std::int64_t> st(static_cast<std::size_t>(rank), 0);
        std::int64_t stride = 1;
        for (int d = rank - 1, k = static_cast<int>(s.size()) - 1; d >= 0; --d, --k) {
            const int dim = k >= 0 ? s[static_cast<std::size_t>(k)] : 1;
            st[static_cast<std::size_t>(d)] = dim == 1 ? 0 : stride;
            stride *= dim;
        }
        return st;
    };
    std::vector<std::int64_t> sc;
    if (rows) {
        sc.assign(static_cast<std::size_t>(rank), 0);
        sc[0] = 1;
    } else {
        sc = strides(c.shape);
    }
    const auto sa = strides(a.shape), sb = strides(b.shape);
    const std::int64_t eb = elementBytes(a.dtype);
    const int ci = ctx.inputIndex(0), ai = ctx.inputIndex(1), bi = ctx.inputIndex(2), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const bool* cond = tensorAt(rc, ci).as<bool>();
        const std::uint8_t* x = tensorAt(rc, ai).data;
        const std::uint8_t* z = tensorAt(rc, bi).data;
        std::uint8_t* o = tensorAt(rc, out).data;
        const std::int64_t n = tensorAt(rc, out).count();
        std::vector<std::int64_t> idx(static_cast<std::size_t>(rank), 0);
        for (std::int64_t i = 0; i < n; ++i) {
            std::int64_t oc = 0, oa = 0, ob = 0;
            for (int d = 0; d < rank; ++d) {
                const auto u = static_cast<std::size_t>(d);
                oc += idx[u] * sc[u];
                oa += idx[u] * sa[u];
                ob += idx[u] * sb[u];
            }
            std::memcpy(o + i * eb, cond[oc] ? x + oa * eb : z + ob * eb, static_cast<std::size_t>(eb));
            for (int d = rank - 1; d >= 0; --d) {
                const auto u = static_cast<std::size_t>(d);
                if (++idx[u] < shape[u])
                    break;
                idx[u] = 0;
            }
        }
    });
}

Prepared prepareWhere(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    const RtTensor& c = ctx.in(0);
    if (ctx.out(0).dtype != DType::Int64)
        return ctx.unsupported();
    if (c.rank() < 1)
        return ctx.fail("the condition must have at least one dimension");
    if (c.dtype != DType::Bool && c.dtype != DType::Float32 && c.dtype != DType::Int64 && c.dtype != DType::Int32 &&
        c.dtype != DType::Int8 && c.dtype != DType::UInt8 && c.dtype != DType::UInt32)
        return ctx.fail("LiteRT has no WHERE for a condition of type " + model::dtypeName(c.dtype));
    ctx.markDynamic(0); // [number of true elements, rank]
    const int rank = c.rank();
    const auto shape = c.shape;
    const DType t = c.dtype;
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    if (!withNumericType(t, [](auto) {}))
        return ctx.unsupported();
    return makeKernel([=](const RunContext& rc) -> Status {
        const RtTensor& x = tensorAt(rc, in);
        std::vector<std::int64_t> hits;
        withNumericType(t, [&](auto tag) {
            using T = decltype(tag);
            const T* v = x.as<T>();
            for (std::int64_t i = 0, n = x.count(); i < n; ++i)
                if (v[i] != T(0))
                    hits.push_back(i);
        });
        if (auto st = rc.resize(out, {static_cast<std::int32_t>(hits.size()), rank}); !st)
            return st;
        std::int64_t* o = tensorAt(rc, out).as<std::int64_t>();
        const auto str = stridesOf(shape);
        for (std::size_t h = 0; h < hits.size(); ++h)
            for (int d = 0; d < rank; ++d)
                o[h * static_cast<std::size_t>(rank) + static_cast<std::size_t>(d)] =
                    (hits[h] / str[static_cast<std::size_t>(d)]) % shape[static_cast<std::size_t>(d)];
        return {};
    });
}

Prepared prepareTopK(NodeContext& ctx)
{
    if (ctx.inputCount() != 2 || ctx.outputCount() != 2 || !ctx.hasInput(0) || !ctx.hasInput(1))
        return ctx.fail("needs the values and k, and two outputs");
    const RtTensor& x = ctx.in(0);
    const RtTensor* kv = ctx.valueOf(1);
    if (!kv)
        return ctx.deferred();
    if (kv->count() != 1 || !isIndexType(kv->dtype))
        return ctx.fail("k must be an integer scalar");
    const std::int64_t k = readIndexVector(*kv)[0];
    if (x.rank() < 1 || k < 0 || k > x.dim(-1))
        return ctx.fail("k = " + std::to_string(k) + " does not fit the last dimension of " + shapeText(x.shape));
    if (ctx.out(0).dtype != x.dtype || !isIndexType(ctx.out(1).dtype))
        return ctx.unsupported();
    std::vector<std::int32_t> shape = x.shape;
    shape.back() = static_cast<std::int32_t>(k);
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    if (auto st = ctx.setOutputShape(1, shape); !st)
        return st.error();
    // Values quantized unlike the input get its codes, as in LiteRT.
    const std::int64_t n = x.dim(-1);
    const std::int64_t rows = n ? x.count() / n : 0;
    const bool wide = ctx.out(1).dtype == DType::Int64;
    const int in = ctx.inputIndex(0), vo = ctx.outputIndex(0), io = ctx.outputIndex(1);
    Prepared result = ctx.unsupported();
    withNumericType(x.dtype, [&](auto tag) {
        using T = decltype(tag);
        if constexpr (!std::is_same_v<T, bool>)
            result = makeKernel([=](const RunContext& rc) {
                const T* v = tensorAt(rc, in).as<T>();
                T* ov = tensorAt(rc, vo).as<T>();
                std::vector<std::int64_t> order(static_cast<std::size_t>(n));
                for (std::int64_t r = 0; r < rows; ++r) {
                    const T* row = v + r * n;
                    std::iota(order.begin(), order.end(), 0);
                    // Largest first; equal values keep the lower index first.
                    std::stable_sort(order.begin(), order.end(),
                        [&](std::int64_t a, std::int64_t b) { return row[a] > row[b]; });
                    for (std::int64_t j = 0; j < k; ++j) {
                        const auto s = order[static_cast<std::size_t>(j)];
                        ov[r * k + j] = row[s];
                        if (wide)
                            tensorAt(rc, io).as<std::int64_t>()[r * k + j] = s;
                        else
                            tensorAt(rc, io).as<std::int32_t>()[r * k + j] = static_cast<std::int32_t>(s);
                    }
                }
            });
    });
    return result;
}

Prepared prepareEmbeddingLookup(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    const RtTensor& ids = ctx.in(0);
    const RtTensor& table = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    if (ids.dtype != DType::Int32 || ids.rank() != 1)
        return ctx.fail("ids must be a 1-D int32 tensor");
    if (table.rank() < 2)
        return ctx.fail("the table must have at least two dimensions");
    std::vector<std::int32_t> shape = table.shape;
    shape[0] = ids.dim(0);
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    std::int64_t row = 1;
    for (int d = 1; d < table.rank(); ++d)
        row *= table.dim(d);
    const std::int64_t rows = table.dim(0);
    const int ii = ctx.inputIndex(0), ti = ctx.inputIndex(1), out = ctx.outputIndex(0);
    auto check = [rows](std::int32_t id) -> Status {
        if (id < 0 || id >= rows)
            return Error{"id " + std::to_string(id) + " is outside the table's " + std::to_string(rows) + " rows"};
        return {};
    };
    const bool hybrid = y.dtype == DType::Float32 && (table.dtype == DType::Int8 || table.dtype == DType::UInt8);
    if (!hybrid) {
        if (table.dtype != y.dtype || model::dtypeBits(table.dtype) < 8)
            return ctx.unsupported();
        if (auto st = expectSameQuantization(ctx, table, y); !st)
            return st.error();
        const std::int64_t eb = elementBytes(table.dtype);
        return makeKernel([=](const RunContext& rc) -> Status {
            const RtTensor& it = tensorAt(rc, ii);
            for (std::int64_t i = 0; i < it.count(); ++i) {
                const std::int32_t id = it.as<std::int32_t>()[i];
                if (auto st = check(id); !st)
                    return st;
                std::memcpy(tensorAt(rc, out).data + i * row * eb, tensorAt(rc, ti).data + id * row * eb,
                    static_cast<std::size_t>(row * eb));
            }
            return {};
        });
    }
    // Hybrid: 8-bit rows times their scale (one per table, or one per row).
    const auto& q = table.quantization();
    if (q.scale.empty() || (q.scale.size() != 1 && static_cast<std::int64_t>(q.scale.size()) != rows))
        return ctx.fail("an 8-bit table needs one scale, or one per row");
    for (const auto z : q.zeroPoint)
        if (z != 0)
            return ctx.fail("an 8-bit table must have zero point 0");
    const std::vector<float> scales(q.scale.begin(), q.scale.end());
    return makeKernel([=](const RunContext& rc) -> Status {
        const RtTensor& it = tensorAt(rc, ii);
        float* o = tensorAt(rc, out).as<float>();
        for (std::int64_t i = 0; i < it.count(); ++i) {
            const std::int32_t id = it.as<std::int32_t>()[i];
            if (auto st = check(id); !st)
                return st;
            const float s = scales[scales.size() == 1 ? 0 : static_cast<std::size_t>(id)];
            const std::uint8_t* r = tensorAt(rc, ti).data + id * row;
            // LiteRT reads the codes as int8 even in a uint8 table (codes >= 128 come out negative).
            for (std::int64_t j = 0; j < row; ++j)
                o[i * row + j] = s * static_cast<float>(static_cast<std::int8_t>(r[j]));
        }
        return {};
    });
}

} // namespace ql::exec
