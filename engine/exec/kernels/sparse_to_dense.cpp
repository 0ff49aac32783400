// SPDX-License-Identifier: MIT
// SPARSE_TO_DENSE: a dense tensor of `output_shape` filled with the default value, with the values set at
// the given indices (a scalar or vector of indices for a vector output, rows of [N, rank] coordinates
// otherwise; one value per index, or one value for all). A later index wins over an earlier equal one.
#include "exec/kernels/common.h"

#include <cstring>

namespace ql::exec {

Prepared prepareSparseToDense(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(4, 4, 1); !st)
        return st.error();
    using model::DType;
    const RtTensor& indices = ctx.in(0);
    const RtTensor& values = ctx.in(2);
    const RtTensor& fill = ctx.in(3);
    const RtTensor& y = ctx.out(0);
    if (indices.dtype != DType::Int32 && indices.dtype != DType::Int64)
        return ctx.fail("indices must be int32 or int64");
    if (ctx.in(1).dtype != indices.dtype)
        return ctx.fail("the output shape must have the type of the indices");
    if (values.dtype != y.dtype || fill.dtype != y.dtype ||
        (y.dtype != DType::Float32 && y.dtype != DType::Int32 && y.dtype != DType::Int64 && y.dtype != DType::Int8 &&
            y.dtype != DType::UInt8))
        return ctx.unsupported();
    if (indices.rank() > 2)
        return ctx.fail("indices must have rank 0, 1 or 2, got " + shapeText(indices.shape));
    if (values.rank() > 1 || fill.count() != 1)
        return ctx.fail("values must be a scalar or a vector and the default value a scalar");
    const RtTensor* sv = ctx.valueOf(1);
    if (!sv)
        return ctx.deferred();
    if (sv->rank() != 1)
        return ctx.fail("the output shape must be a vector");
    std::vector<std::int32_t> shape;
    for (auto d : readIndexVector(*sv)) {
        if (d < 0 || d > (std::int64_t{1} << 30))
            return ctx.fail("output dimension " + std::to_string(d) + " is out of range");
        shape.push_back(static_cast<std::int32_t>(d));
    }
    if (shape.empty() || shape.size() > 4)
        return ctx.fail("LiteRT fills outputs of rank 1 to 4, got " + std::to_string(shape.size()));
    const int coords = indices.rank() == 2 ? indices.dim(1) : 1;
    const std::int64_t count = indices.rank() == 0 ? 1 : indices.dim(0);
    if (coords != static_cast<int>(shape.size()))
        return ctx.fail("indices " + shapeText(indices.shape) + " do not address an output of rank " +
            std::to_string(shape.size()));
    const bool scalarValue = values.rank() == 0;
    if (!scalarValue && values.count() != count)
        return ctx.fail("values " + shapeText(values.shape) + " must be a scalar or hold one value per index (" +
            std::to_string(count) + ")");
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    const int ii = ctx.inputIndex(0), vi = ctx.inputIndex(2), fi = ctx.inputIndex(3), out = ctx.outputIndex(0);
    const std::int64_t bytes = elementBytes(y.dtype);
    return makeKernel([=](const RunContext& rc) -> Status {
        const RtTensor& idx = tensorAt(rc, ii);
        RtTensor& dst = tensorAt(rc, out);
        const std::uint8_t* def = tensorAt(rc, fi).data;
        const std::uint8_t* val = tensorAt(rc, vi).data;
        const std::int64_t n = dst.count();
        for (std::int64_t i = 0; i < n; ++i)
            std::memcpy(dst.data + i * bytes, def, static_cast<std::size_t>(bytes));
        const auto flat = readIndexVector(idx);
        for (std::int64_t k = 0; k < count; ++k) {
            std::int64_t offset = 0;
            for (int d = 0; d < coords; ++d) {
                const std::int64_t c = flat[static_cast<std::size_t>(k * coords + d)];
                if (c < 0 || c >= shape[static_cast<std::size_t>(d)])
                    return Error{"index " + std::to_string(c) + " is out of range for dimension " + std::to_string(d) +
                        " of " + shapeText(shape)};
                offset = offset * shape[static_cast<std::size_t>(d)] + c;
            }
            std::memcpy(dst.data + offset * bytes, val + (scalarValue ? 0 : k * bytes), static_cast<std::size_t>(bytes));
        }
        return {};
    });
}

} // namespace ql::exec
