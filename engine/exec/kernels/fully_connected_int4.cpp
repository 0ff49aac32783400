// SPDX-License-Identifier: MIT
// FULLY_CONNECTED with 4-bit weights and float activations (LLM-style weight-only quantization):
// per-channel affine int4, or blockwise int4 with float16 scales (BlockwiseQuantization). LiteRT runs
// both through XNNPACK with the input quantized per row at run time (qd8); for blockwise weights
// XNNPACK rounds the float16 scales to bfloat16. TFLite's own blockwise kernel (--rounding reference)
// quantizes rows asymmetrically, keeps the float16 scales and applies no fused activation.
#include "exec/kernels/common.h"

#include "exec/half.h"
#include "exec/kernels/hybrid.h"

#include <cmath>
#include <cstring>

namespace ql::exec {

namespace {

// Element i of a packed int4 tensor: low nibble first, sign-extended.
std::int8_t nibble(const std::uint8_t* packed, std::int64_t i)
{
    const std::uint8_t byte = packed[i / 2];
    const int v = (i % 2 == 0) ? (byte & 0x0F) : (byte >> 4);
    return static_cast<std::int8_t>(v >= 8 ? v - 16 : v);
}

// bfloat16 rounding of a float (nearest, ties to even), as XNNPACK packs the block scales.
float toBfloat16(float f)
{
    std::uint32_t u;
    std::memcpy(&u, &f, 4);
    u = (u + 0x7FFF + ((u >> 16) & 1)) & 0xFFFF0000u;
    std::memcpy(&f, &u, 4);
    return f;
}

} // namespace

Prepared prepareInt4FullyConnected(NodeContext& ctx, int batch, int depth, int units, FloatRange act)
{
    const RtTensor& w = ctx.in(1);
    if (!w.constant)
        return ctx.fail("int4 weights must be constants");
    if (w.bytes < (static_cast<std::int64_t>(depth) * units + 1) / 2)
        return ctx.fail("int4 weights hold fewer bytes than their shape needs");
    // Unpack once.
    std::vector<std::int8_t> q(static_cast<std::size_t>(depth) * static_cast<std::size_t>(units));
    for (std::size_t i = 0; i < q.size(); ++i)
        q[i] = nibble(w.data, static_cast<std::int64_t>(i));
    const bool hasBias = ctx.hasInput(2);
    if (hasBias && ctx.in(2).dtype != model::DType::Float32)
        return ctx.fail("the bias must be float32 with int4 weights");
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0), bi = hasBias ? ctx.inputIndex(2) : -1;
    const bool xnn = ctx.rounding == Rounding::Xnnpack;
    const auto& wq = w.quantization();
    if (const auto* block = wq.details.AsBlockwiseQuantization()) {
        const int bl = block->block_size;
        if (bl <= 0 || depth % bl != 0)
            return ctx.fail("block size " + std::to_string(bl) + " does not divide the depth " + std::to_string(depth));
        if (xnn && bl % 32 != 0)
            return ctx.fail("LiteRT runs blockwise int4 weights only with blocks of a multiple of 32");
        const int si = block->scales;
        if (si < 0 || static_cast<std::size_t>(si) >= ctx.tensors.size())
            return ctx.fail("the block scales refer to tensor " + std::to_string(si) + ", which does not exist");
        const RtTensor& st = ctx.tensors[static_cast<std::size_t>(si)];
        const std::int64_t blocks = depth / bl;
        if (!st.constant || st.count() != blocks * units || (st.dtype != model::DType::Float16))
            return ctx.fail("the block scales must be a float16 constant of " + std::to_string(blocks * units) + " values");
        std::vector<float> scales(static_cast<std::size_t>(blocks * units));
        for (std::size_t i = 0; i < scales.size(); ++i) {
            const float s = halfToFloat(st.as<std::uint16_t>()[i]);
            if (xnn && !(std::isnormal(s) && s > 0))
                return ctx.fail("LiteRT needs every block scale to be a normal positive number");
            scales[i] = xnn ? toBfloat16(s) : s;
        }
        // XNNPACK folds the column sums against the zero point, pairs of columns at a time.
        std::vector<float> columnTerm(static_cast<std::size_t>(units), 0.0f);
        for (int n = 0; n < units; ++n) {
            float vk = 0;
            for (int k = 0; k + 1 < depth; k += 2)
                vk -= static_cast<float>(q[static_cast<std::size_t>(n) * depth + k] + q[static_cast<std::size_t>(n) * depth + k + 1]) *
                    scales[static_cast<std::size_t>(n * blocks + k / bl)];
            columnTerm[static_cast<std::size_t>(n)] = vk;
        }
        return makeKernel([=](const RunContext& rc) {
            const float* x = tensorAt(rc, in).as<float>();
            float* y = tensorAt(rc, out).as<float>();
            const float* bias = bi >= 0 ? tensorAt(rc, bi).as<float>() : nullptr;
            std::vector<std::int8_t> xq(static_cast<std::size_t>(depth));
            for (int m = 0; m < batch; ++m) {
                const float* row = x + static_cast<std::int64_t>(m) * depth;
                const RowQuantization rq = xnn ? quantizeQd8(row, depth, xq.data()) : quantizeAsymmetric(row, depth, xq.data());
                for (int n = 0; n < units; ++n) {
                    const std::int8_t* wn = q.data() + static_cast<std::size_t>(n) * depth;
                    float o;
                    if (xnn) {
                        o = columnTerm[static_cast<std::size_t>(n)] * static_cast<float>(rq.offset);
                        for (std::int64_t j = 0; j < blocks; ++j) {
                            std::int32_t acc = 0;
                            for (int k = static_cast<int>(j) * bl; k < static_cast<int>(j + 1) * bl; ++k)
                                acc += xq[static_cast<std::size_t>(k)] * wn[k];
                            o = o + static_cast<float>(acc) * scales[static_cast<std::size_t>(n * blocks + j)];
                        }
                        o = o * rq.scale;
                        if (bias)
                            o = o + bias[n];
                        o = std::clamp(o, act.min, act.max);
                    } else {
                        float sum = 0, kf = 0;
                        for (std::int64_t j = 0; j < blocks; ++j) {
                            std::int32_t c = 0, ks = 0;
                            for (int k = static_cast<int>(j) * bl; k < static_cast<int>(j + 1) * bl; ++k) {
                                c += xq[static_cast<std::size_t>(k)] * wn[k];
                                ks += wn[k];
                            }
                            const float s = scales[static_cast<std::size_t>(n * blocks + j)];
                            sum += static_cast<float>(c) * s;
                            kf += s * static_cast<float>(ks);
                        }
                        o = (sum - static_cast<float>(rq.offset) * kf) * rq.scale;
                        if (bias)
                            o = o + bias[n];
                    }
                    y[static_cast<std::int64_t>(m) * units + n] = o;
                }
            }
        });
    }
    // Per-channel (or per-tensor) affine int4, zero point 0.
    if (wq.scale.empty() || (wq.scale.size() != 1 && static_cast<int>(wq.scale.size()) != units))
        return ctx.fail("int4 weights need one scale or one per output channel");
    for (const auto z : wq.zeroPoint)
        if (z != 0)
            return ctx.fail("int4 weights must be symmetric (zero point 0)");
    const std::vector<float> scales(wq.scale.begin(), wq.scale.end());
    return makeKernel([=](const RunContext& rc) {
        const float* x = tensorAt(rc, in).as<float>();
        float* y = tensorAt(rc, out).as<float>();
        const float* bias = bi >= 0 ? tensorAt(rc, bi).as<float>() : nullptr;
        std::vector<std::int8_t> xq(static_cast<std::size_t>(depth));
        for (int m = 0; m < batch; ++m) {
            const float* row = x + static_cast<std::int64_t>(m) * depth;
            const RowQuantization rq = xnn ? quantizeQd8(row, depth, xq.data()) : quantizeSymmetric(row, depth, xq.data());
            for (int n = 0; n < units; ++n) {
                std::int32_t acc = 0;
                for (int k = 0; k < depth; ++k)
                    acc += (static_cast<std::int32_t>(xq[static_cast<std::size_t>(k)]) - rq.offset) *
                        q[static_cast<std::size_t>(n) * depth + k];
                float o = (static_cast<float>(acc) * rq.scale) * scales[scales.size() == 1 ? 0 : static_cast<std::size_t>(n)];
                if (bias)
                    o = o + bias[n];
                y[static_cast<std::int64_t>(m) * units + n] = std::clamp(o, act.min, act.max);
            }
        }
    });
}

} // namespace ql::exec
