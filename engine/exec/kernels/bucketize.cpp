// SPDX-License-Identifier: MIT
// BUCKETIZE: the index of the bucket each value falls into, given sorted boundaries (a value equal to a
// boundary belongs to the bucket above it): the number of boundaries <= value.
#include "exec/kernels/common.h"

#include <algorithm>

namespace ql::exec {

Prepared prepareBucketize(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    const auto* o = ctx.op.options.AsBucketizeOptions();
    if (!o)
        return ctx.fail("has no BucketizeOptions");
    const std::vector<float> bounds = o->boundaries;
    if (bounds.empty()) // a file cannot store an empty list apart from a missing one; LiteRT refuses both
        return ctx.fail("has no boundaries");
    if (!std::is_sorted(bounds.begin(), bounds.end()))
        return ctx.fail("the boundaries must be sorted in ascending order");
    const RtTensor& x = ctx.in(0);
    using model::DType;
    if (ctx.out(0).dtype != DType::Int32 ||
        (x.dtype != DType::Float32 && x.dtype != DType::Float64 && x.dtype != DType::Int32 && x.dtype != DType::Int64))
        return ctx.unsupported();
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    Prepared kernel = ctx.unsupported();
    withNumericType(x.dtype, [&](auto tag) {
        using T = decltype(tag);
        kernel = makeKernel([=](const RunContext& rc) {
            const RtTensor& src = tensorAt(rc, in);
            const T* v = src.as<T>();
            std::int32_t* y = tensorAt(rc, out).as<std::int32_t>();
            for (std::int64_t i = 0, n = src.count(); i < n; ++i)
                y[i] = static_cast<std::int32_t>(std::upper_bound(bounds.begin(), bounds.end(), v[i]) - bounds.begin());
        });
    });
    return kernel;
}

} // namespace ql::exec
