// SPDX-License-Identifier: MIT
// BATCH_MATMUL: [..., M, K] x [..., K, N] with broadcast batch dimensions and adj_x / adj_y, in float,
// int8 (XNNPACK's float requantization when LiteRT hands it there, TFLite's fixed point otherwise),
// int8 with an int32 result (raw codes), int16 x int16 and int16 x int8 (16x8, 64-bit accumulators),
// and float x int8 weights (dynamic range: each row of A quantized at run time).
#include "exec/kernels/common.h"

#include "exec/kernels/hybrid.h"

namespace ql::exec {

namespace {

using model::DType;

struct Geometry {
    int M = 0, N = 0, K = 0;
    bool adjX = false, adjY = false;
    std::vector<std::int32_t> batch;
    std::vector<std::int64_t> strideA, strideB; // per batch dimension, in matrices
    std::int64_t batches = 1;

    std::int64_t aIndex(std::int64_t matrix, int i, int k) const
    {
        return matrix * M * K + (adjX ? static_cast<std::int64_t>(k) * M + i : static_cast<std::int64_t>(i) * K + k);
    }
    std::int64_t bIndex(std::int64_t matrix, int k, int j) const
    {
        return matrix * K * N + (adjY ? static_cast<std::int64_t>(j) * K + k : static_cast<std::int64_t>(k) * N + j);
    }
    // Calls fn(output matrix, A matrix, B matrix) for every batch entry.
    template <class F> void forEachBatch(F fn) const
    {
        std::vector<std::int64_t> idx(batch.size(), 0);
        for (std::int64_t t = 0; t < batches; ++t) {
            std::int64_t oa = 0, ob = 0;
            for (std::size_t d = 0; d < batch.size(); ++d) {
                oa += idx[d] * strideA[d];
                ob += idx[d] * strideB[d];
            }
            fn(t, oa, ob);
            for (std::size_t d = batch.size(); d-- > 0;) {
                if (++idx[d] < batch[d])
                    break;
                idx[d] = 0;
            }
        }
    }
};

Result<Geometry> geometry(NodeContext& ctx)
{
    const auto* o = ctx.op.options.AsBatchMatMulOptions();
    const RtTensor& a = ctx.in(0);
    const RtTensor& b = ctx.in(1);
    if (a.rank() < 2 || b.rank() < 2 || a.rank() > 6 || b.rank() > 6)
        return ctx.fail("operands must have rank 2 to 6, got " + shapeText(a.shape) + " and " + shapeText(b.shape));
    Geometry g;
    g.adjX = o && o->adj_x;
    g.adjY = o && o->adj_y;
    g.M = g.adjX ? a.dim(-1) : a.dim(-2);
    g.K = g.adjX ? a.dim(-2) : a.dim(-1);
    const int K2 = g.adjY ? b.dim(-1) : b.dim(-2);
    g.N = g.adjY ? b.dim(-2) : b.dim(-1);
    if (g.K != K2)
        return ctx.fail("inner dimensions differ: " + shapeText(a.shape) + " x " + shapeText(b.shape));
    const int rank = std::max(a.rank(), b.rank());
    g.batch.assign(static_cast<std::size_t>(rank - 2), 0);
    g.strideA.assign(g.batch.size(), 0);
    g.strideB.assign(g.batch.size(), 0);
    std::int64_t sa = 1, sb = 1;
    for (int d = rank - 3, da = a.rank() - 3, db = b.rank() - 3; d >= 0; --d, --da, --db) {
        const int x = da >= 0 ? a.dim(da) : 1, z = db >= 0 ? b.dim(db) : 1;
        if (x != z && x != 1 && z != 1)
            return ctx.fail("batch dimensions of " + shapeText(a.shape) + " and " + shapeText(b.shape) + " do not broadcast");
        g.batch[static_cast<std::size_t>(d)] = std::max(x, z);
        g.strideA[static_cast<std::size_t>(d)] = x == 1 ? 0 : sa;
        g.strideB[static_cast<std::size_t>(d)] = z == 1 ? 0 : sb;
        sa *= x;
        sb *= z;
    }
    for (auto d : g.batch)
        g.batches *= d;
    std::vector<std::int32_t> shape = g.batch;
    shape.push_back(g.M);
    shape.push_back(g.N);
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    return g;
}

Prepared floatMatMul(NodeContext& ctx, const Geometry& g)
{
    const int ia = ctx.inputIndex(0), ib = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const float* A = tensorAt(rc, ia).as<float>();
        const float* B = tensorAt(rc, ib).as<float>();
        float* Y = tensorAt(rc, out).as<float>();
        g.forEachBatch([&](std::int64_t t, std::int64_t oa, std::int64_t ob) {
            for (int i = 0; i < g.M; ++i)
                for (int j = 0; j < g.N; ++j) {
                    float s = 0;
                    for (int k = 0; k < g.K; ++k)
                        s += A[g.aIndex(oa, i, k)] * B[g.bIndex(ob, k, j)];
                    Y[(t * g.M + i) * g.N + j] = s;
                }
        });
    });
}

// Integer products accumulated in TAcc and turned into TOut by `finish(acc)`.
template <class TA, class TB, class TAcc, class TOut, class Finish>
Prepared integerMatMul(NodeContext& ctx, const Geometry& g, std::int32_t zA, std::int32_t zB, Finish finish)
{
    const int ia = ctx.inputIndex(0), ib = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const TA* A = tensorAt(rc, ia).as<TA>();
        const TB* B = tensorAt(rc, ib).as<TB>();
        TOut* Y = tensorAt(rc, out).as<TOut>();
        g.forEachBatch([&](std::int64_t t, std::int64_t oa, std::int64_t ob) {
            for (int i = 0; i < g.M; ++i)
                for (int j = 0; j < g.N; ++j) {
                    TAcc acc = 0;
                    for (int k = 0; k < g.K; ++k)
                        acc += static_cast<TAcc>(static_cast<TAcc>(A[g.aIndex(oa, i, k)]) - zA) *
                            static_cast<TAcc>(static_cast<TAcc>(B[g.bIndex(ob, k, j)]) - zB);
                    Y[(t * g.M + i) * g.N + j] = finish(acc);
                }
        });
    });
}

Prepared int8MatMul(NodeContext& ctx, const Geometry& g)
{
    const RtTensor& a = ctx.in(0);
    const RtTensor& b = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    if (b.quantization().scale.size() > 1)
        return ctx.fail("per-channel int8 right-hand sides give no usable result in the runtimes (their "
                        "multiplier reads one scale); QuantLens refuses them");
    if (auto st = checkAccumulator(ctx, g.K); !st)
        return st.error();
    const std::int32_t zA = a.zeroPoint(), zB = b.zeroPoint(), zY = y.zeroPoint();
    if (ctx.rounding == Rounding::Xnnpack && zB == 0) {
        // XNNPACK: float requantization; it cannot build the operator for scales above 255, and
        // LiteRT then returns zeros without a word.
        const float scale = (a.scale() * b.scale()) / y.scale();
        if (!(scale > 0 && scale <= 255))
            return ctx.fail("the requantization scale " + std::to_string(scale) +
                " is outside (0, 255]: LiteRT's XNNPACK returns zeros for this operator");
        return integerMatMul<std::int8_t, std::int8_t, std::int32_t, std::int8_t>(
            ctx, g, zA, 0, [=](std::int32_t acc) { return static_cast<std::int8_t>(requantizeFloat(acc, scale, zY, -128, 127)); });
    }
    const FixedMultiplier m = quantizeMultiplier(static_cast<double>(a.scale() * b.scale()) / static_cast<double>(y.scale()));
    return integerMatMul<std::int8_t, std::int8_t, std::int32_t, std::int8_t>(ctx, g, zA, zB,
        [=](std::int32_t acc) { return static_cast<std::int8_t>(requantizeFixed(acc, m, zY, -128, 127)); });
}

template <class TB> Prepared int16MatMul(NodeContext& ctx, const Geometry& g)
{
    const RtTensor& a = ctx.in(0);
    const RtTensor& b = ctx.in(1);
    const RtTensor& y = ctx.out(0);
    if (a.zeroPoint() != 0 || b.zeroPoint() != 0 || y.zeroPoint() != 0)
        return ctx.fail("int16 batch matmul needs zero points 0");
    if (ctx.rounding == Rounding::Reference && sizeof(TB) == 1)
        return ctx.fail("tflite-micro's batch matmul needs operands of one type (" + ctx.dtypes() + ")");
    const FixedMultiplier m = quantizeMultiplier(static_cast<double>(a.scale() * b.scale()) / static_cast<double>(y.scale()));
    return integerMatMul<std::int16_t, TB, std::int64_t, std::int16_t>(ctx, g, 0, 0, [=](std::int64_t acc) {
        return static_cast<std::int16_t>(std::clamp(multiplyByQuantizedMultiplier64(acc, m), -32768, 32767));
    });
}

// Float A times constant int8 B: each row of A quantized at run time (XNNPACK's qd8; the reference
// rounding: TFLite's symmetric row quantization), scaled back per output column.
Prepared hybridMatMul(NodeContext& ctx, const Geometry& g)
{
    const RtTensor& b = ctx.in(1);
    if (!b.constant)
        return ctx.fail("int8 right-hand sides of a float batch matmul must be constants");
    const auto& bq = b.quantization();
    const bool perColumn = bq.scale.size() > 1;
    const int nAxis = b.rank() - (g.adjY ? 2 : 1);
    if (perColumn && (static_cast<int>(bq.scale.size()) != g.N || bq.quantizedDimension != nAxis))
        return ctx.fail("int8 right-hand sides must be quantized per tensor or per output column");
    for (const auto z : bq.zeroPoint)
        if (z != 0)
            return ctx.fail("int8 right-hand sides must be symmetric (zero point 0)");
    const std::vector<float> scales(bq.scale.begin(), bq.scale.end());
    const bool xnn = ctx.xnnpackRuns();
    const int ia = ctx.inputIndex(0), ib = ctx.inputIndex(1), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const float* A = tensorAt(rc, ia).as<float>();
        const auto* B = tensorAt(rc, ib).as<std::int8_t>();
        float* Y = tensorAt(rc, out).as<float>();
        std::vector<float> row(static_cast<std::size_t>(g.K));
        std::vector<std::int8_t> q(static_cast<std::size_t>(g.K));
        g.forEachBatch([&](std::int64_t t, std::int64_t oa, std::int64_t ob) {
            for (int i = 0; i < g.M; ++i) {
                for (int k = 0; k < g.K; ++k)
                    row[static_cast<std::size_t>(k)] = A[g.aIndex(oa, i, k)];
                const RowQuantization rq = xnn ? quantizeQd8(row.data(), g.K, q.data()) : quantizeSymmetric(row.data(), g.K, q.data());
                for (int j = 0; j < g.N; ++j) {
                    std::int32_t acc = 0;
                    for (int k = 0; k < g.K; ++k)
                        acc += (static_cast<std::int32_t>(q[static_cast<std::size_t>(k)]) - rq.offset) * B[g.bIndex(ob, k, j)];
                    const float s = scales[perColumn ? static_cast<std::size_t>(j) : 0];
                    Y[(t * g.M + i) * g.N + j] = (static_cast<float>(acc) * rq.scale) * s;
                }
            }
        });
    });
}

} // namespace

Prepared prepareBatchMatMul(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    auto g = geometry(ctx);
    if (!g)
        return g.error();
    const DType a = ctx.in(0).dtype, b = ctx.in(1).dtype, y = ctx.out(0).dtype;
    if (a == DType::Float32 && b == DType::Float32 && y == DType::Float32)
        return floatMatMul(ctx, *g);
    if (a == DType::Float32 && b == DType::Int8 && y == DType::Float32)
        return hybridMatMul(ctx, *g);
    if (a == DType::Int8 && b == DType::Int8 && y == DType::Int8)
        return int8MatMul(ctx, *g);
    if (a == DType::Int8 && b == DType::Int8 && y == DType::Int32) {
        if (ctx.rounding == Rounding::Reference)
            return ctx.fail("tflite-micro has no int8 batch matmul with an int32 result");
        // LiteRT multiplies the raw codes: no zero points, no scales.
        return integerMatMul<std::int8_t, std::int8_t, std::int32_t, std::int32_t>(
            ctx, *g, 0, 0, [](std::int32_t acc) { return acc; });
    }
    if (a == DType::Int16 && b == DType::Int16 && y == DType::Int16)
        return int16MatMul<std::int16_t>(ctx, *g);
    if (a == DType::Int16 && b == DType::Int8 && y == DType::Int16)
        return int16MatMul<std::int8_t>(ctx, *g);
    return ctx.unsupported();
}

} // namespace ql::exec
