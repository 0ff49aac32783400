// SPDX-License-Identifier: MIT
// Segment reductions: SEGMENT_SUM (sorted segment ids along the first axis) and UNSORTED_SEGMENT_SUM,
// _PROD, _MAX, _MIN (ids of any prefix shape, a given number of segments). float32 and int32, as in LiteRT.
//
// As LiteRT computes them: an output row starts at the reduction's identity (0, 1, the type's lowest or
// highest value) and stays so when no id names it; an unsorted id outside [0, num_segments) is skipped.
// The output's shape depends on the ids' values (SEGMENT_SUM) or on num_segments, so the operator is
// prepared when those are known.
#include "exec/kernels/common.h"

#include <algorithm>
#include <limits>

namespace ql::exec {

namespace {

using model::DType;
using Op = tflite::BuiltinOperator;

enum class Reduce { Sum, Prod, Max, Min };

template <class T> T identity(Reduce r)
{
    switch (r) {
    case Reduce::Sum: return T(0);
    case Reduce::Prod: return T(1);
    case Reduce::Max: return std::numeric_limits<T>::lowest();
    case Reduce::Min: return std::numeric_limits<T>::max();
    }
    return T(0);
}

template <class T> T combine(Reduce r, T a, T b)
{
    switch (r) {
    case Reduce::Sum:
        if constexpr (std::is_integral_v<T>) // wraps as the runtime's two's-complement arithmetic does
            return static_cast<T>(static_cast<std::uint32_t>(a) + static_cast<std::uint32_t>(b));
        else
            return a + b;
    case Reduce::Prod:
        if constexpr (std::is_integral_v<T>)
            return static_cast<T>(static_cast<std::uint32_t>(a) * static_cast<std::uint32_t>(b));
        else
            return a * b;
    case Reduce::Max: return std::max(a, b);
    case Reduce::Min: return std::min(a, b);
    }
    return a;
}

// out[ids[i]] op= rows[i] for i < idCount, each row `inner` elements; ids outside [0, segments) skipped.
template <class T>
void reduceRows(Reduce r, const T* x, const std::vector<std::int64_t>& ids, std::int64_t segments, std::int64_t inner,
    T* y)
{
    std::fill(y, y + segments * inner, identity<T>(r));
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const std::int64_t s = ids[i];
        if (s < 0 || s >= segments)
            continue;
        const T* row = x + static_cast<std::int64_t>(i) * inner;
        T* dst = y + s * inner;
        for (std::int64_t k = 0; k < inner; ++k)
            dst[k] = combine(r, dst[k], row[k]);
    }
}

Prepared prepareSegment(NodeContext& ctx, Reduce r, bool sorted)
{
    if (auto st = ctx.expectArity(sorted ? 2 : 3, sorted ? 2 : 3, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor& idsT = ctx.in(1);
    if (x.dtype != DType::Float32 && x.dtype != DType::Int32)
        return ctx.fail("LiteRT has segment reductions for float32 and int32 data only, not " + model::dtypeName(x.dtype));
    if (ctx.out(0).dtype != x.dtype)
        return ctx.fail("the output must have the data's type: " + ctx.dtypes());
    if (idsT.dtype != DType::Int32)
        return ctx.fail("the segment ids must be int32, not " + model::dtypeName(idsT.dtype));
    if (x.rank() < 1)
        return ctx.fail("the data must have at least one dimension");
    // The ids cover the leading dimensions of the data: one dimension for SEGMENT_SUM, any prefix else.
    const int idRank = idsT.rank();
    if ((sorted && idRank != 1) || idRank < 1 || idRank > x.rank())
        return ctx.fail("the segment ids " + shapeText(idsT.shape) + " must be " +
            (sorted ? std::string("1-D") : std::string("a prefix of the data's shape")) + ", data " + shapeText(x.shape));
    for (int d = 0; d < idRank; ++d)
        if (idsT.dim(d) != x.dim(d))
            return ctx.fail("the segment ids " + shapeText(idsT.shape) + " do not match the data " + shapeText(x.shape));

    std::int64_t segments = 0;
    if (sorted) {
        const RtTensor* ids = ctx.valueOf(1);
        if (!ids)
            return ctx.deferred();
        const auto v = readIndexVector(*ids);
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (v[i] < 0)
                return ctx.fail("segment id " + std::to_string(v[i]) + " is negative");
            if (i > 0 && v[i] < v[i - 1])
                return ctx.fail("the segment ids must be sorted (id " + std::to_string(v[i]) + " after " +
                    std::to_string(v[i - 1]) + ")");
        }
        segments = v.empty() ? 0 : v.back() + 1;
    } else {
        const RtTensor* n = ctx.valueOf(2);
        if (!n)
            return ctx.deferred();
        if (n->count() != 1 || (n->dtype != DType::Int32 && n->dtype != DType::Int64))
            return ctx.fail("num_segments must be one integer");
        segments = readIndexVector(*n)[0];
        if (segments < 0)
            return ctx.fail("num_segments is negative (" + std::to_string(segments) + ")");
    }
    if (segments > model::kMaxTensorElements)
        return ctx.fail(std::to_string(segments) + " segments are too many");
    std::vector<std::int32_t> shape{static_cast<std::int32_t>(segments)};
    std::int64_t inner = 1;
    for (int d = idRank; d < x.rank(); ++d) {
        shape.push_back(x.dim(d));
        inner *= x.dim(d);
    }
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    const int in = ctx.inputIndex(0), idx = ctx.inputIndex(1), out = ctx.outputIndex(0);
    const DType t = x.dtype;
    return makeKernel([=](const RunContext& rc) -> Status {
        const RtTensor& ids = tensorAt(rc, idx);
        const std::vector<std::int64_t> v = readIndexVector(ids);
        if (sorted)
            for (std::size_t i = 0; i < v.size(); ++i)
                if (v[i] < 0 || v[i] >= segments || (i > 0 && v[i] < v[i - 1]))
                    return Error{"SEGMENT_SUM: the segment ids changed since the output was sized"};
        if (t == DType::Float32)
            reduceRows(r, tensorAt(rc, in).as<float>(), v, segments, inner, tensorAt(rc, out).as<float>());
        else
            reduceRows(r, tensorAt(rc, in).as<std::int32_t>(), v, segments, inner, tensorAt(rc, out).as<std::int32_t>());
        return {};
    });
}

} // namespace

Prepared prepareSegmentSum(NodeContext& ctx)
{
    return prepareSegment(ctx, Reduce::Sum, true);
}

Prepared prepareUnsortedSegment(NodeContext& ctx)
{
    switch (ctx.graph.opcodeOf(ctx.op)) {
    case Op::UNSORTED_SEGMENT_SUM: return prepareSegment(ctx, Reduce::Sum, false);
    case Op::UNSORTED_SEGMENT_PROD: return prepareSegment(ctx, Reduce::Prod, false);
    case Op::UNSORTED_SEGMENT_MAX: return prepareSegment(ctx, Reduce::Max, false);
    case Op::UNSORTED_SEGMENT_MIN: return prepareSegment(ctx, Reduce::Min, false);
    default: return ctx.unsupported();
    }
}

} // namespace ql::exec
