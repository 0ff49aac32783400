// SPDX-License-Identifier: MIT
// Operators that rearrange elements without changing them: DEPTH_TO_SPACE, SPACE_TO_DEPTH,
// SPACE_TO_BATCH_ND, BATCH_TO_SPACE_ND, MIRROR_PAD, REVERSE_V2, TILE, BROADCAST_TO. Any element type;
// quantized tensors keep their parameters (the runtimes require the output quantized like the input).
#include "exec/kernels/common.h"

#include <algorithm>
#include <cstring>

namespace ql::exec {

namespace {

using model::DType;

// Row-major strides of a shape, in elements.
std::vector<std::int64_t> stridesOf(const std::vector<std::int32_t>& shape)
{
    std::vector<std::int64_t> s(shape.size(), 1);
    for (std::size_t d = shape.size(); d-- > 1;)
        s[d - 1] = s[d] * shape[d];
    return s;
}

// How an operator treats an output quantized unlike its input.
enum class Requantized {
    Refused, // LiteRT fails to prepare it
    CodesCopied, // LiteRT copies the codes whatever the output's scale and zero point
};

Status checkMoving(NodeContext& ctx, Requantized rule = Requantized::Refused)
{
    const RtTensor& x = ctx.in(0);
    const RtTensor& y = ctx.out(0);
    if (x.dtype != y.dtype)
        return ctx.unsupported();
    if (elementBytes(x.dtype) <= 0 || model::dtypeBits(x.dtype) < 8)
        return ctx.unsupported();
    return rule == Requantized::Refused ? expectSameQuantization(ctx, x, y) : Status{};
}

int blockSizeOf(NodeContext& ctx)
{
    if (const auto* o = ctx.op.options.AsDepthToSpaceOptions())
        return o->block_size;
    if (const auto* o = ctx.op.options.AsSpaceToDepthOptions())
        return o->block_size;
    return 0;
}

Prepared prepareDepthSpace(NodeContext& ctx, bool toSpace)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    if (auto st = checkMoving(ctx); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    // LiteRT's kernels move these types only.
    if (x.dtype != DType::Float32 && x.dtype != DType::UInt8 && x.dtype != DType::Int8 && x.dtype != DType::Int32 &&
        x.dtype != DType::Int64)
        return ctx.fail("LiteRT moves float32, uint8, int8, int32 and int64 only, not " + model::dtypeName(x.dtype));
    const int b = blockSizeOf(ctx);
    if (b < 1)
        return ctx.fail("block size must be at least 1, got " + std::to_string(b));
    if (x.rank() != 4)
        return ctx.fail("input must have rank 4, got " + shapeText(x.shape));
    const int N = x.dim(0), H = x.dim(1), W = x.dim(2), C = x.dim(3);
    std::vector<std::int32_t> shape;
    if (toSpace) {
        if (C % (b * b) != 0)
            return ctx.fail("depth " + std::to_string(C) + " does not divide into blocks of " + std::to_string(b * b));
        shape = {N, H * b, W * b, C / (b * b)};
    } else {
        if (H % b != 0 || W % b != 0)
            return ctx.fail("height and width of " + shapeText(x.shape) + " must be multiples of " + std::to_string(b));
        shape = {N, H / b, W / b, C * b * b};
    }
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    // The small side: (n, h, w) of the depth tensor, block offsets (by, bx), a run of `run` channels.
    const std::int64_t eb = elementBytes(x.dtype);
    const int sh = toSpace ? H : shape[1], sw = toSpace ? W : shape[2];
    const int run = toSpace ? shape[3] : C;
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const std::uint8_t* src = tensorAt(rc, in).data;
        std::uint8_t* dst = tensorAt(rc, out).data;
        const std::int64_t runBytes = run * eb;
        for (int n = 0; n < N; ++n)
            for (int h = 0; h < sh; ++h)
                for (int w = 0; w < sw; ++w)
                    for (int by = 0; by < b; ++by)
                        for (int bx = 0; bx < b; ++bx) {
                            // Depth side: channel block (by * b + bx) at (n, h, w).
                            const std::int64_t deep =
                                ((static_cast<std::int64_t>(n) * sh + h) * sw + w) * (static_cast<std::int64_t>(run) * b * b) +
                                static_cast<std::int64_t>(by * b + bx) * run;
                            // Space side: pixel (n, h*b+by, w*b+bx).
                            const std::int64_t wide =
                                ((static_cast<std::int64_t>(n) * sh * b + h * b + by) * (static_cast<std::int64_t>(sw) * b) +
                                    static_cast<std::int64_t>(w) * b + bx) *
                                run;
                            if (toSpace)
                                std::memcpy(dst + wide * eb, src + deep * eb, static_cast<std::size_t>(runBytes));
                            else
                                std::memcpy(dst + deep * eb, src + wide * eb, static_cast<std::size_t>(runBytes));
                        }
    });
}

// SPACE_TO_BATCH_ND / BATCH_TO_SPACE_ND over M spatial dimensions after the batch; the remaining
// dimensions move as one block.
Prepared prepareBatchSpace(NodeContext& ctx, bool toBatch)
{
    if (auto st = ctx.expectArity(3, 3, 1); !st)
        return st.error();
    if (auto st = checkMoving(ctx); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    // LiteRT: rank 3 ([N, H, C], one block dimension) or 4 ([N, H, W, C], two); int16 with zero points 0.
    if (x.rank() < 3 || x.rank() > 4)
        return ctx.fail("input must have rank 3 or 4, got " + shapeText(x.shape));
    if (x.dtype == DType::Int16 && (x.zeroPoint() != 0 || ctx.out(0).zeroPoint() != 0))
        return ctx.fail("int16 tensors must have zero point 0");
    const RtTensor* bs = ctx.valueOf(1);
    const RtTensor* pd = ctx.valueOf(2);
    if (!bs || !pd)
        return ctx.deferred();
    if (bs->dtype != DType::Int32 || pd->dtype != DType::Int32)
        return ctx.fail(std::string("block shape and ") + (toBatch ? "paddings" : "crops") + " must be int32");
    const auto block = readIndexVector(*bs);
    const auto pads = readIndexVector(*pd);
    const int M = static_cast<int>(block.size());
    if (M != x.rank() - 2 || static_cast<int>(pads.size()) != 2 * M)
        return ctx.fail("block shape " + std::to_string(M) + " and " + std::string(toBatch ? "paddings" : "crops") +
            " do not fit the input " + shapeText(x.shape));
    std::int64_t prod = 1;
    for (const auto v : block) {
        if (v < 1)
            return ctx.fail("block sizes must be at least 1");
        prod *= v;
    }
    std::vector<std::int32_t> shape = x.shape;
    for (int d = 0; d < M; ++d) {
        const auto before = pads[static_cast<std::size_t>(2 * d)], after = pads[static_cast<std::size_t>(2 * d + 1)];
        if (before < 0 || after < 0)
            return ctx.fail(std::string(toBatch ? "paddings" : "crops") + " must not be negative");
        const std::int64_t in = x.dim(d + 1);
        if (toBatch) {
            if ((in + before + after) % block[static_cast<std::size_t>(d)] != 0)
                return ctx.fail("padded dimension " + std::to_string(d + 1) + " is not a multiple of its block size");
            shape[static_cast<std::size_t>(d + 1)] =
                static_cast<std::int32_t>((in + before + after) / block[static_cast<std::size_t>(d)]);
        } else {
            const std::int64_t full = in * block[static_cast<std::size_t>(d)];
            if (before + after > full)
                return ctx.fail("crops are larger than dimension " + std::to_string(d + 1));
            shape[static_cast<std::size_t>(d + 1)] = static_cast<std::int32_t>(full - before - after);
        }
    }
    if (toBatch) {
        shape[0] = static_cast<std::int32_t>(x.dim(0) * prod);
    } else {
        if (x.dim(0) % prod != 0)
            return ctx.fail("batch " + std::to_string(x.dim(0)) + " is not a multiple of the block count");
        shape[0] = static_cast<std::int32_t>(x.dim(0) / prod);
    }
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    std::int64_t inner = 1;
    for (int d = M + 1; d < x.rank(); ++d)
        inner *= x.dim(d);
    const std::int64_t eb = elementBytes(x.dtype);
    const auto fill = zeroValue(ctx.out(0));
    const auto inShape = x.shape;
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    // The batched side has shape batched[], the spatial side spatial[]; both iterate over the batched
    // side's elements: batch index = offset * B + b with offset row-major over the block.
    const std::vector<std::int32_t> batched = toBatch ? shape : inShape;
    const std::vector<std::int32_t> spatial = toBatch ? inShape : shape;
    return makeKernel([=](const RunContext& rc) {
        const std::uint8_t* src = tensorAt(rc, in).data;
        std::uint8_t* dst = tensorAt(rc, out).data;
        const std::int64_t B = spatial[0];
        const std::int64_t total = static_cast<std::int64_t>(batched[0]);
        std::vector<std::int64_t> pos(static_cast<std::size_t>(M), 0), off(static_cast<std::size_t>(M));
        const auto bStr = stridesOf(batched), sStr = stridesOf(spatial);
        for (std::int64_t ob = 0; ob < total; ++ob) {
            const std::int64_t b = ob % B;
            std::int64_t rest = ob / B;
            for (int d = M - 1; d >= 0; --d) {
                off[static_cast<std::size_t>(d)] = rest % block[static_cast<std::size_t>(d)];
                rest /= block[static_cast<std::size_t>(d)];
            }
            std::fill(pos.begin(), pos.end(), 0);
            std::int64_t cells = 1;
            for (int d = 0; d < M; ++d)
                cells *= batched[static_cast<std::size_t>(d + 1)];
            for (std::int64_t k = 0; k < cells; ++k) {
                std::int64_t bo = ob * bStr[0], so = b * sStr[0];
                bool inside = true;
                for (int d = 0; d < M; ++d) {
                    const auto u = static_cast<std::size_t>(d);
                    const std::int64_t s = pos[u] * block[u] + off[u] - pads[2 * u];
                    inside = inside && s >= 0 && s < spatial[u + 1];
                    bo += pos[u] * bStr[u + 1];
                    so += s * sStr[u + 1];
                }
                std::uint8_t* to = toBatch ? dst + bo * eb : (inside ? dst + so * eb : nullptr);
                if (to) {
                    if (inside)
                        std::memcpy(to, src + (toBatch ? so : bo) * eb, static_cast<std::size_t>(inner * eb));
                    else
                        for (std::int64_t e = 0; e < inner; ++e)
                            std::memcpy(to + e * eb, fill.data(), static_cast<std::size_t>(eb));
                }
                for (int d = M - 1; d >= 0; --d) {
                    const auto u = static_cast<std::size_t>(d);
                    if (++pos[u] < batched[u + 1])
                        break;
                    pos[u] = 0;
                }
            }
        }
    });
}

} // namespace

Prepared prepareDepthToSpace(NodeContext& ctx)
{
    return prepareDepthSpace(ctx, true);
}

Prepared prepareSpaceToDepth(NodeContext& ctx)
{
    return prepareDepthSpace(ctx, false);
}

Prepared prepareSpaceToBatchNd(NodeContext& ctx)
{
    return prepareBatchSpace(ctx, true);
}

Prepared prepareBatchToSpaceNd(NodeContext& ctx)
{
    return prepareBatchSpace(ctx, false);
}

Prepared prepareMirrorPad(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    if (auto st = checkMoving(ctx); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor* pv = ctx.valueOf(1);
    if (!pv)
        return ctx.deferred();
    const auto pads = readIndexVector(*pv);
    const int rank = x.rank();
    if (static_cast<int>(pads.size()) != 2 * rank)
        return ctx.fail("paddings must have shape [" + std::to_string(rank) + ", 2]");
    const auto* o = ctx.op.options.AsMirrorPadOptions();
    const bool symmetric = o && o->mode == tflite::MirrorPadMode::SYMMETRIC;
    // REFLECT leaves the edge out, so it can pad at most dim - 1; SYMMETRIC at most dim.
    std::vector<std::int32_t> shape(static_cast<std::size_t>(rank));
    for (int d = 0; d < rank; ++d) {
        const auto before = pads[static_cast<std::size_t>(2 * d)], after = pads[static_cast<std::size_t>(2 * d + 1)];
        const std::int64_t limit = symmetric ? x.dim(d) : x.dim(d) - 1;
        if (before < 0 || after < 0 || before > limit || after > limit)
            return ctx.fail("padding " + std::to_string(before) + ", " + std::to_string(after) + " of dimension " +
                std::to_string(d) + " (size " + std::to_string(x.dim(d)) + ") is out of range for " +
                (symmetric ? "SYMMETRIC" : "REFLECT") + " mode");
        shape[static_cast<std::size_t>(d)] = static_cast<std::int32_t>(x.dim(d) + before + after);
    }
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    // For each output dimension, the input index of every output index.
    std::vector<std::vector<std::int32_t>> source(static_cast<std::size_t>(rank));
    for (int d = 0; d < rank; ++d) {
        const std::int64_t n = x.dim(d), before = pads[static_cast<std::size_t>(2 * d)];
        auto& m = source[static_cast<std::size_t>(d)];
        for (std::int64_t i = 0; i < shape[static_cast<std::size_t>(d)]; ++i) {
            std::int64_t s = i - before;
            if (s < 0)
                s = symmetric ? -s - 1 : -s;
            else if (s >= n)
                s = symmetric ? 2 * n - s - 1 : 2 * n - s - 2;
            m.push_back(static_cast<std::int32_t>(s));
        }
    }
    const auto inStr = stridesOf(x.shape);
    const std::int64_t eb = elementBytes(x.dtype);
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const std::uint8_t* src = tensorAt(rc, in).data;
        std::uint8_t* dst = tensorAt(rc, out).data;
        const std::int64_t n = tensorAt(rc, out).count();
        std::vector<std::int64_t> idx(static_cast<std::size_t>(rank), 0);
        for (std::int64_t k = 0; k < n; ++k) {
            std::int64_t off = 0;
            for (int d = 0; d < rank; ++d)
                off += source[static_cast<std::size_t>(d)][static_cast<std::size_t>(idx[static_cast<std::size_t>(d)])] *
                    inStr[static_cast<std::size_t>(d)];
            std::memcpy(dst + k * eb, src + off * eb, static_cast<std::size_t>(eb));
            for (int d = rank - 1; d >= 0; --d) {
                const auto u = static_cast<std::size_t>(d);
                if (++idx[u] < shape[u])
                    break;
                idx[u] = 0;
            }
        }
    });
}

Prepared prepareReverseV2(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    if (auto st = checkMoving(ctx, Requantized::CodesCopied); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor* av = ctx.valueOf(1);
    if (!av)
        return ctx.deferred();
    if (av->dtype != DType::Int32 || av->rank() != 1 || av->count() > x.rank())
        return ctx.fail("the axes must be a 1-D int32 tensor of at most " + std::to_string(x.rank()) + " values");
    StridedRegion region;
    for (int d = 0; d < x.rank(); ++d) {
        region.start.push_back(0);
        region.step.push_back(1);
        region.count.push_back(x.dim(d));
    }
    auto axes = readIndexVector(*av);
    for (auto& a : axes) {
        if (a < 0)
            a += x.rank();
        if (a < 0 || a >= x.rank())
            return ctx.fail("axis " + std::to_string(a) + " is out of range for " + shapeText(x.shape));
        region.start[static_cast<std::size_t>(a)] = x.dim(static_cast<int>(a)) - 1;
        region.step[static_cast<std::size_t>(a)] = -1;
    }
    // LiteRT reverses one run of neighbouring axes only (a repeated axis is not one).
    std::sort(axes.begin(), axes.end());
    for (std::size_t i = 1; i < axes.size(); ++i)
        if (axes[i] != axes[i - 1] + 1)
            return ctx.fail("LiteRT reverses only contiguous axes");
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    const auto shape = x.shape;
    const std::int64_t eb = elementBytes(x.dtype);
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        copyStrided(tensorAt(rc, in).data, shape, region, eb, tensorAt(rc, out).data);
    });
}

namespace {

// Copies `src` of shape `inShape` into every position of `outShape` (TILE: index modulo the input
// size; BROADCAST_TO: size-1 dimensions repeat). The input index of output index i along d is
// i % inShape[d] in both cases.
Prepared repeatInto(NodeContext& ctx, std::vector<std::int32_t> inShape, std::vector<std::int32_t> outShape)
{
    const RtTensor& x = ctx.in(0);
    if (auto st = ctx.setOutputShape(0, outShape); !st)
        return st.error();
    const auto inStr = stridesOf(inShape);
    const int rank = static_cast<int>(outShape.size());
    const std::int64_t eb = elementBytes(x.dtype);
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const std::uint8_t* src = tensorAt(rc, in).data;
        std::uint8_t* dst = tensorAt(rc, out).data;
        const std::int64_t n = tensorAt(rc, out).count();
        if (n == 0)
            return;
        if (rank == 0) {
            std::memcpy(dst, src, static_cast<std::size_t>(eb));
            return;
        }
        // Rows of the last dimension: the input row (or its single element) repeated.
        const std::int64_t lastOut = outShape.back(), lastIn = inShape.back();
        std::vector<std::int64_t> idx(static_cast<std::size_t>(rank), 0);
        for (std::int64_t k = 0; k < n; k += lastOut) {
            std::int64_t off = 0;
            for (int d = 0; d + 1 < rank; ++d)
                off += (idx[static_cast<std::size_t>(d)] % inShape[static_cast<std::size_t>(d)]) *
                    inStr[static_cast<std::size_t>(d)];
            for (std::int64_t j = 0; j < lastOut; j += lastIn) {
                const std::int64_t len = std::min(lastIn, lastOut - j);
                std::memcpy(dst + (k + j) * eb, src + off * eb, static_cast<std::size_t>(len * eb));
            }
            for (int d = rank - 2; d >= 0; --d) {
                const auto u = static_cast<std::size_t>(d);
                if (++idx[u] < outShape[u])
                    break;
                idx[u] = 0;
            }
        }
    });
}

} // namespace

Prepared prepareTile(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    if (auto st = checkMoving(ctx, Requantized::CodesCopied); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor* mv = ctx.valueOf(1);
    if (!mv)
        return ctx.deferred();
    const auto mult = readIndexVector(*mv);
    if (static_cast<int>(mult.size()) != x.rank())
        return ctx.fail("multiples must have " + std::to_string(x.rank()) + " values");
    std::vector<std::int32_t> shape;
    for (int d = 0; d < x.rank(); ++d) {
        if (mult[static_cast<std::size_t>(d)] < 0)
            return ctx.fail("multiples must not be negative");
        const std::int64_t v = x.dim(d) * mult[static_cast<std::size_t>(d)];
        if (v > model::kMaxTensorElements)
            return ctx.fail("the tiled tensor is too large");
        shape.push_back(static_cast<std::int32_t>(v));
    }
    return repeatInto(ctx, x.shape, shape);
}

Prepared prepareBroadcastTo(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    if (auto st = checkMoving(ctx, Requantized::CodesCopied); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor* sv = ctx.valueOf(1);
    if (!sv)
        return ctx.deferred();
    const auto target = readIndexVector(*sv);
    if (static_cast<int>(target.size()) < x.rank())
        return ctx.fail("cannot broadcast " + shapeText(x.shape) + " to a shape of lower rank");
    std::vector<std::int32_t> shape(target.begin(), target.end());
    for (int d = 0; d < x.rank(); ++d) {
        const int o = static_cast<int>(shape.size()) - x.rank() + d;
        if (x.dim(d) != 1 && x.dim(d) != shape[static_cast<std::size_t>(o)])
            return ctx.fail("cannot broadcast " + shapeText(x.shape) + " to " + shapeText(shape));
    }
    // Leading dimensions the input lacks act as size 1: give the input those dimensions.
    std::vector<std::int32_t> padded(shape.size() - static_cast<std::size_t>(x.rank()), 1);
    padded.insert(padded.end(), x.shape.begin(), x.shape.end());
    return repeatInto(ctx, padded, shape);
}

} // namespace ql::exec
