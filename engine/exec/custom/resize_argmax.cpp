// SPDX-License-Identifier: MIT
// MLPerf Mobile's ResizeArgmax (Pixel backend, mobile_back_pixel/.../resize_argmax_op.cc): a 4x
// bilinear upscale of uint8 class logits fused with the argmax over the classes, in integers. It
// replaces a RESIZE_BILINEAR + ARG_MAX pair (mobile_segmenter_r3_512_uint8) and computes
// something slightly different, which is what QuantLens reproduces:
// * the raw uint8 codes are compared (scale and zero point are ignored; argmax needs order only);
// * per input cell, a 4x4 output block. If the cell is on the last row or column, or the four
//   corners (the cell, right, below, below-right) have the same argmax, the block is that cell's
//   argmax: the last row and column are replicated, not interpolated, while the corner shortcut
//   only saves work (at all four corners that class beats the lower classes strictly and the higher
//   ones at least equally; the floored interpolation keeps both, so it would win anyway). Otherwise
//   each channel is interpolated with floor divisions, first along the block's top and bottom
//   edges, (3a + b) / 4, (a + b) / 2, (a + 3b) / 4, then between them on the already floored values,
//   and the block holds the per-position argmax, ties to the lower channel, all zeros giving 0;
// * the size input is never read.
// The kernel hard-codes the factor 4, swaps height and width, and does not resize its output: it
// is correct only for square inputs and an output declared 4x the input. Other shapes, and an
// axis other than the last, are refused here rather than imitating its out-of-bounds accesses.
#include "exec/custom/custom_ops.h"

#include "exec/kernels/common.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace ql::exec {

namespace {

using model::DType;

constexpr int kFactor = 4;

// Index of the first largest code.
std::int32_t firstMax(const std::uint8_t* v, int n)
{
    std::int32_t best = 0;
    for (int i = 1; i < n; ++i)
        if (v[i] > v[best])
            best = i;
    return best;
}

// Positions 0..3 between a and b: a, (3a + b) / 4, (a + b) / 2, (a + 3b) / 4, floored.
std::array<std::uint32_t, 4> spread(std::uint32_t a, std::uint32_t b)
{
    return {a, (3 * a + b) / 4, (a + b) / 2, (a + 3 * b) / 4};
}

} // namespace

Prepared prepareResizeArgmax(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(3, 3, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    if (x.dtype != DType::UInt8 || y.dtype != DType::Int32)
        return ctx.fail("needs uint8 logits and an int32 output (" + ctx.dtypes() + ")");
    if (x.rank() != 4 || x.dim(0) != 1 || x.dim(1) < 1 || x.dim(3) < 1)
        return ctx.fail("logits must have shape [1, height, width, classes], got " + shapeText(x.shape));
    if (x.dim(1) != x.dim(2))
        return ctx.fail(
            "only square logits are supported (the kernel swaps height and width), got " + shapeText(x.shape));
    const RtTensor* axis = ctx.valueOf(2);
    if (!axis)
        return ctx.deferred();
    if (axis->dtype != DType::Int32 && axis->dtype != DType::Int64)
        return ctx.fail("axis must be int32 or int64 (" + ctx.dtypes() + ")");
    const std::vector<std::int64_t> axisValues = readIndexVector(*axis);
    if (axisValues.size() != 1 || axisValues[0] != x.rank() - 1)
        return ctx.fail("axis must be " + std::to_string(x.rank() - 1) +
            " (the last dimension, written as such; the kernel takes no other value), got " + shapeText(axis->shape) +
            (axisValues.empty() ? std::string() : " holding " + std::to_string(axisValues[0])));
    // The kernel writes into the output as declared, 4x the input.
    const int H = x.dim(1), C = x.dim(3);
    const std::vector<std::int32_t> expected = {1, kFactor * H, kFactor * H};
    const std::vector<std::int32_t> declared = y.meta ? y.meta->shape : std::vector<std::int32_t>{};
    if (declared != expected)
        return ctx.fail("the output must be declared " + shapeText(expected) + " (4x the logits " + shapeText(x.shape) +
            "), got " + shapeText(declared));
    if (auto st = ctx.setOutputShape(0, expected); !st)
        return st.error();
    const int xi = ctx.inputIndex(0), yi = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const std::uint8_t* in = tensorAt(rc, xi).data;
        std::int32_t* out = tensorAt(rc, yi).as<std::int32_t>();
        const auto n = static_cast<std::size_t>(H);
        const auto c = static_cast<std::size_t>(C);
        const std::size_t rowStride = static_cast<std::size_t>(kFactor) * n;
        std::vector<std::int32_t> best(n * n);
        for (std::size_t i = 0; i < best.size(); ++i)
            best[i] = firstMax(in + i * c, C);
        std::array<std::uint32_t, 16> value{};
        std::array<std::int32_t, 16> index{};
        for (std::size_t r = 0; r < n; ++r)
            for (std::size_t col = 0; col < n; ++col) {
                std::int32_t* block = out + kFactor * r * rowStride + kFactor * col;
                const std::int32_t a = best[r * n + col];
                const bool edge = r + 1 == n || col + 1 == n;
                if (edge ||
                    (a == best[r * n + col + 1] && a == best[(r + 1) * n + col] && a == best[(r + 1) * n + col + 1])) {
                    for (std::size_t i = 0; i < kFactor; ++i)
                        std::fill(block + i * rowStride, block + i * rowStride + kFactor, a);
                    continue;
                }
                const std::uint8_t* tl = in + (r * n + col) * c;
                const std::uint8_t* tr = tl + c;
                const std::uint8_t* bl = tl + n * c;
                const std::uint8_t* br = bl + c;
                value.fill(0);
                index.fill(0);
                for (std::size_t d = 0; d < c; ++d) {
                    const auto top = spread(tl[d], tr[d]);
                    const auto bottom = spread(bl[d], br[d]);
                    for (std::size_t j = 0; j < 4; ++j) {
                        const std::uint32_t t = top[j], b = bottom[j];
                        const std::uint32_t column[4] = {t, (3 * t + b) / 4, (t + b) / 2, (t + 3 * b) / 4};
                        for (std::size_t i = 0; i < 4; ++i)
                            if (column[i] > value[i * 4 + j]) {
                                value[i * 4 + j] = column[i];
                                index[i * 4 + j] = static_cast<std::int32_t>(d);
                            }
                    }
                }
                for (std::size_t i = 0; i < kFactor; ++i)
                    std::copy(index.begin() + static_cast<std::ptrdiff_t>(i * 4),
                        index.begin() + static_cast<std::ptrdiff_t>(i * 4 + 4), block + i * rowStride);
            }
    });
}

} // namespace ql::exec
