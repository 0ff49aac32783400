// SPDX-License-Identifier: MIT
// Resource variables: VAR_HANDLE gives the id of a named variable (shared by every subgraph),
// ASSIGN_VARIABLE stores a value (its type and shape with it), READ_VARIABLE copies it out.
#include "exec/kernels/common.h"

#include "exec/env.h"

#include <cstring>

namespace ql::exec {

namespace {

using model::DType;

Result<std::int32_t> handleOf(const NodeContext& ctx, const RtTensor& t)
{
    if ((t.dtype != DType::Resource && t.dtype != DType::Int32) || t.count() != 1)
        return ctx.fail("the variable handle must be one resource or int32 value");
    return t.as<std::int32_t>()[0];
}

} // namespace

Prepared prepareVarHandle(NodeContext& ctx)
{
    if (ctx.inputCount() != 0 || ctx.outputCount() != 1)
        return ctx.fail("needs no inputs and one output");
    if (ctx.out(0).dtype != DType::Resource && ctx.out(0).dtype != DType::Int32)
        return ctx.fail("the output must be a resource (or int32) tensor, got " +
                        model::dtypeName(ctx.out(0).dtype));
    const auto* o = ctx.op.options.AsVarHandleOptions();
    const std::int32_t id = ctx.env.resources.handle(o ? o->container : "", o ? o->shared_name : "");
    if (auto st = ctx.setOutputShape(0, {}); !st)
        return st.error();
    const int out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) { *tensorAt(rc, out).as<std::int32_t>() = id; });
}

Prepared prepareAssignVariable(NodeContext& ctx)
{
    if (ctx.inputCount() != 2 || !ctx.hasInput(0) || !ctx.hasInput(1) || ctx.outputCount() != 0)
        return ctx.fail("needs a handle and a value, and no outputs");
    if (model::dtypeBits(ctx.in(1).dtype) < 8)
        return ctx.unsupported();
    ResourceStore* store = &ctx.env.resources;
    const int hi = ctx.inputIndex(0), vi = ctx.inputIndex(1);
    return makeKernel([=](const RunContext& rc) -> Status {
        const RtTensor& h = tensorAt(rc, hi);
        if (h.count() != 1)
            return Error{"the variable handle must be one value"};
        Variable* v = store->find(h.as<std::int32_t>()[0]);
        if (!v)
            return Error{"no variable has id " + std::to_string(h.as<std::int32_t>()[0])};
        const RtTensor& x = tensorAt(rc, vi);
        v->dtype = x.dtype;
        v->shape = x.shape;
        v->bytes.assign(x.data, x.data + (x.data ? x.bytes : 0));
        v->assigned = true;
        return {};
    });
}

Prepared prepareReadVariable(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    const RtTensor* h = ctx.valueOf(0);
    ResourceStore* store = &ctx.env.resources;
    const DType t = ctx.out(0).dtype;
    // The variable's shape, when its initialisation has already run; otherwise the stored one, or
    // (with none stored, as LiteRT does) the shape the variable has when it is read.
    const Variable* known = nullptr;
    if (h) {
        auto id = handleOf(ctx, *h);
        if (!id)
            return id.error();
        known = store->find(*id);
        if (known && !known->assigned)
            known = nullptr;
    }
    const model::Tensor& meta = *ctx.out(0).meta;
    bool dynamic = false;
    if (known) {
        if (known->dtype != t)
            return ctx.fail("the variable holds " + model::dtypeName(known->dtype) + ", the output is " +
                model::dtypeName(t));
        if (auto st = ctx.setOutputShape(0, known->shape); !st)
            return st.error();
    } else if (!meta.shape.empty()) {
        if (auto st = ctx.setOutputShape(0, meta.shape); !st)
            return st.error();
    } else {
        ctx.markDynamic(0);
        dynamic = true;
    }
    const int hi = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) -> Status {
        const std::int32_t id = tensorAt(rc, hi).as<std::int32_t>()[0];
        const Variable* v = store->find(id);
        if (!v || !v->assigned)
            return Error{"variable " + std::to_string(id) + " is read before anything was assigned to it"};
        if (v->dtype != t)
            return Error{"the variable holds " + model::dtypeName(v->dtype) + ", the output is " + model::dtypeName(t)};
        if (dynamic)
            if (auto st = rc.resize(out, v->shape); !st)
                return st;
        RtTensor& y = tensorAt(rc, out);
        if (y.shape != v->shape)
            return Error{"the variable has shape " + shapeText(v->shape) + ", the output " + shapeText(y.shape)};
        if (y.bytes)
            std::memcpy(y.data, v->bytes.data(), static_cast<std::size_t>(y.bytes));
        return {};
    });
}

} // namespace ql::exec
