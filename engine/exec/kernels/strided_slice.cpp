// SPDX-License-Identifier: MIT
// STRIDED_SLICE: begin, end and strides per dimension with LiteRT's masks (begin, end, ellipsis, new-axis,
// shrink-axis) and offset form; the selection is copied, so every element type passes through.
#include "exec/kernels/common.h"

namespace ql::exec {

using model::DType;

Prepared prepareStridedSlice(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(4, 4, 1); !st)
        return st.error();
    const auto* o = ctx.op.options.AsStridedSliceOptions();
    if (!o)
        return ctx.fail("has no StridedSliceOptions");
    const RtTensor& x = ctx.in(0);
    const int rank = x.rank();
    const RtTensor* bt = ctx.valueOf(1);
    const RtTensor* et = ctx.valueOf(2);
    const RtTensor* st = ctx.valueOf(3);
    if (!bt || !et || !st)
        return ctx.deferred();
    const auto spec = static_cast<int>(bt->count());
    for (const RtTensor* t : {bt, et, st})
        if (t->count() != spec || t->rank() != 1 || (t->dtype != DType::Int32 && t->dtype != DType::Int64))
            return ctx.fail("begin, end and strides must be int32 or int64 vectors of the same length");
    if (x.dtype != ctx.out(0).dtype)
        return ctx.unsupported();
    const auto begin = readIndexVector(*bt), end = readIndexVector(*et), strides = readIndexVector(*st);
    auto bit = [](std::int32_t mask, int i) { return i < 31 && ((mask >> i) & 1); };
    // Entries after an ellipsis that consume input dimensions tell how many dimensions it covers.
    int consuming = 0;
    for (int i = 0; i < spec; ++i)
        consuming += !bit(o->ellipsis_mask, i) && !bit(o->new_axis_mask, i);
    StridedRegion region;
    std::vector<std::int32_t> outShape;
    int d = 0; // input dimension
    bool ellipsisSeen = false;
    auto full = [&](int dim) {
        region.start.push_back(0);
        region.step.push_back(1);
        region.count.push_back(x.dim(dim));
        outShape.push_back(x.dim(dim));
    };
    for (int i = 0; i < spec; ++i) {
        if (bit(o->ellipsis_mask, i) && !ellipsisSeen) {
            ellipsisSeen = true;
            const int covered = rank - consuming;
            for (int k = 0; k < covered && d < rank; ++k)
                full(d++);
            continue;
        }
        if (bit(o->new_axis_mask, i)) {
            outShape.push_back(1);
            continue;
        }
        if (d >= rank)
            return ctx.fail("the slice has more entries than the input " + shapeText(x.shape) + " has dimensions");
        const std::int64_t n = x.dim(d);
        const std::int64_t s = strides[static_cast<std::size_t>(i)];
        if (s == 0)
            return ctx.fail("stride " + std::to_string(i) + " is 0");
        auto clampIndex = [&](std::int64_t v) {
            if (v < 0)
                v += n;
            return s > 0 ? std::clamp<std::int64_t>(v, 0, n) : std::clamp<std::int64_t>(v, -1, n - 1);
        };
        std::int64_t b, e, step = s;
        if (bit(o->shrink_axis_mask, i)) {
            b = begin[static_cast<std::size_t>(i)];
            if (b < 0)
                b += n;
            if (b < 0 || b >= n)
                return ctx.fail("index " + std::to_string(begin[static_cast<std::size_t>(i)]) +
                    " is out of range for dimension " + std::to_string(d) + " of " + shapeText(x.shape));
            e = b + 1;
            step = 1;
        } else {
            b = bit(o->begin_mask, i) ? (s > 0 ? 0 : n - 1) : clampIndex(begin[static_cast<std::size_t>(i)]);
            if (o->offset)
                e = std::clamp<std::int64_t>(b + end[static_cast<std::size_t>(i)], s > 0 ? 0 : -1, s > 0 ? n : n - 1);
            else
                e = bit(o->end_mask, i) ? (s > 0 ? n : -1) : clampIndex(end[static_cast<std::size_t>(i)]);
        }
        const std::int64_t len = step > 0 ? (e - b + step - 1) / step : (b - e - step - 1) / -step;
        const std::int64_t count = std::max<std::int64_t>(len, 0);
        region.start.push_back(count ? b : 0);
        region.step.push_back(step);
        region.count.push_back(count);
        if (!bit(o->shrink_axis_mask, i))
            outShape.push_back(static_cast<std::int32_t>(count));
        ++d;
    }
    while (d < rank)
        full(d++);
    if (auto status = ctx.setOutputShape(0, outShape); !status)
        return status.error();
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    const auto shape = x.shape;
    const std::int64_t eb = elementBytes(x.dtype);
    return makeKernel([=](const RunContext& rc) {
        copyStrided(tensorAt(rc, in).data, shape, region, eb, tensorAt(rc, out).data);
    });
}
} // namespace ql::exec
