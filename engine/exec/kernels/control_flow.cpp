// SPDX-License-Identifier: MIT
// Operators that run other subgraphs: IF, WHILE, CALL_ONCE, STABLEHLO_COMPOSITE (its decomposition).
// Each call site owns runners for the subgraphs it calls, prepared for the shapes of its inputs.
// Values are copied into the callee's inputs and out of its outputs.
#include "exec/kernels/common.h"

#include "exec/env.h"
#include "exec/runner.h"

#include <cstring>

namespace ql::exec {

namespace {

using model::DType;

// A model's loop that has not ended after this many iterations is taken to be broken.
constexpr std::int64_t kMaxWhileIterations = 100'000'000;

struct Value {
    DType dtype = DType::Float32;
    std::vector<std::int32_t> shape;
    std::vector<std::uint8_t> bytes;
};

std::vector<std::vector<std::int32_t>> shapesOf(const std::vector<Value>& v)
{
    std::vector<std::vector<std::int32_t>> s;
    for (const auto& x : v)
        s.push_back(x.shape);
    return s;
}

Status copyIn(SubgraphRunner& r, const std::vector<Value>& values)
{
    for (std::size_t i = 0; i < values.size(); ++i) {
        RtTensor& t = r.tensor(r.inputs()[i]);
        if (t.dtype != values[i].dtype)
            return Error{"subgraph " + std::to_string(r.subgraphIndex()) + " takes " + model::dtypeName(t.dtype) +
                " as input " + std::to_string(i) + ", the caller gives " + model::dtypeName(values[i].dtype)};
        if (t.bytes != static_cast<std::int64_t>(values[i].bytes.size()))
            return Error{"subgraph " + std::to_string(r.subgraphIndex()) + " input " + std::to_string(i) + " has shape " +
                shapeText(t.shape) + ", the caller gives " + shapeText(values[i].shape)};
        if (t.data && t.bytes)
            std::memcpy(t.data, values[i].bytes.data(), static_cast<std::size_t>(t.bytes));
    }
    return {};
}

std::vector<Value> copyOut(SubgraphRunner& r)
{
    std::vector<Value> v;
    for (const int o : r.outputs()) {
        const RtTensor& t = r.tensor(o);
        v.push_back({t.dtype, t.shape, std::vector<std::uint8_t>(t.data, t.data + (t.data ? t.bytes : 0))});
    }
    return v;
}

std::vector<Value> valuesOf(const RunContext& rc, const std::vector<int>& tensors)
{
    std::vector<Value> v;
    for (const int i : tensors) {
        const RtTensor& t = tensorAt(rc, i);
        v.push_back({t.dtype, t.shape, std::vector<std::uint8_t>(t.data, t.data + (t.data ? t.bytes : 0))});
    }
    return v;
}

Status writeOutputs(const RunContext& rc, const std::vector<int>& outs, const std::vector<Value>& values, bool dynamic)
{
    for (std::size_t i = 0; i < outs.size(); ++i) {
        if (dynamic)
            if (auto st = rc.resize(outs[i], values[i].shape); !st)
                return st;
        RtTensor& t = tensorAt(rc, outs[i]);
        if (t.dtype != values[i].dtype || t.bytes != static_cast<std::int64_t>(values[i].bytes.size()))
            return Error{"output " + std::to_string(i) + " " + model::dtypeName(t.dtype) + " " + shapeText(t.shape) +
                " does not take the subgraph's " + model::dtypeName(values[i].dtype) + " " + shapeText(values[i].shape)};
        if (t.bytes)
            std::memcpy(t.data, values[i].bytes.data(), static_cast<std::size_t>(t.bytes));
    }
    return {};
}

std::vector<std::vector<std::int32_t>> inputShapes(NodeContext& ctx, int first)
{
    std::vector<std::vector<std::int32_t>> s;
    for (int i = first; i < ctx.inputCount(); ++i)
        s.push_back(ctx.in(i).shape);
    return s;
}

Result<std::unique_ptr<SubgraphRunner>> callee(NodeContext& ctx, int index, int first, int outputs)
{
    if (index < 0 || static_cast<std::size_t>(index) >= ctx.graph.subgraphs.size())
        return ctx.fail("calls subgraph " + std::to_string(index) + ", but the model has " +
            std::to_string(ctx.graph.subgraphs.size()));
    const auto& sg = ctx.graph.subgraphs[static_cast<std::size_t>(index)];
    if (static_cast<int>(sg.inputs.size()) != ctx.inputCount() - first ||
        (outputs >= 0 && static_cast<int>(sg.outputs.size()) != outputs))
        return ctx.fail("subgraph " + std::to_string(index) + " has " + std::to_string(sg.inputs.size()) + " inputs and " +
            std::to_string(sg.outputs.size()) + " outputs; the operator passes " + std::to_string(ctx.inputCount() - first) +
            " and takes " + std::to_string(outputs));
    for (int i = first; i < ctx.inputCount(); ++i)
        if (!ctx.hasInput(i))
            return ctx.fail("input " + std::to_string(i) + " is omitted");
    auto r = ctx.env.createRunner(index, inputShapes(ctx, first));
    if (!r)
        return ctx.fail(r.error().message);
    for (std::size_t k = 0; k < sg.inputs.size(); ++k)
        if (r.value()->tensor(sg.inputs[k]).dtype != ctx.in(first + static_cast<int>(k)).dtype)
            return ctx.fail("input " + std::to_string(first + static_cast<int>(k)) + " is " +
                model::dtypeName(ctx.in(first + static_cast<int>(k)).dtype) + ", subgraph " + std::to_string(index) +
                " takes " + model::dtypeName(r.value()->tensor(sg.inputs[k]).dtype));
    return r;
}

// Sets the operator's outputs to the callee's output shapes when they are known at prepare;
// otherwise marks them dynamic. Returns whether they are static.
Result<bool> outputsFrom(NodeContext& ctx, const std::vector<const SubgraphRunner*>& candidates)
{
    bool fixed = true;
    for (const auto* r : candidates)
        fixed = fixed && r->deferredOperators() == 0;
    for (int i = 0; fixed && i < ctx.outputCount(); ++i)
        for (const auto* r : candidates)
            fixed = fixed && r->tensor(r->outputs()[static_cast<std::size_t>(i)]).shape ==
                    candidates.front()->tensor(candidates.front()->outputs()[static_cast<std::size_t>(i)]).shape;
    for (int i = 0; i < ctx.outputCount(); ++i) {
        const RtTensor& t = candidates.front()->tensor(candidates.front()->outputs()[static_cast<std::size_t>(i)]);
        if (t.dtype != ctx.out(i).dtype)
            return ctx.fail("output " + std::to_string(i) + " is " + model::dtypeName(ctx.out(i).dtype) +
                ", the subgraph gives " + model::dtypeName(t.dtype));
        if (!fixed) {
            ctx.markDynamic(i);
        } else if (auto st = ctx.setOutputShape(i, t.shape); !st) {
            return st.error();
        }
    }
    return fixed;
}

// Runs `r` on `args` and hands back its outputs.
Result<std::vector<Value>> call(SubgraphRunner& r, const std::vector<Value>& args)
{
    if (auto st = copyIn(r, args); !st)
        return st.error();
    if (auto st = r.run(nullptr); !st)
        return withContext("subgraph " + std::to_string(r.subgraphIndex()), st.error());
    return copyOut(r);
}

} // namespace

Prepared prepareIf(NodeContext& ctx)
{
    const auto* o = ctx.op.options.AsIfOptions();
    if (!o || ctx.inputCount() < 1 || !ctx.hasInput(0))
        return ctx.fail("needs IfOptions and a condition");
    const RtTensor& cond = ctx.in(0);
    if (cond.dtype != DType::Bool || cond.count() != 1)
        return ctx.fail("the condition must be one bool, got " + model::dtypeName(cond.dtype) + " " + shapeText(cond.shape));
    auto thenR = callee(ctx, o->then_subgraph_index, 1, ctx.outputCount());
    if (!thenR)
        return thenR.error();
    auto elseR = callee(ctx, o->else_subgraph_index, 1, ctx.outputCount());
    if (!elseR)
        return elseR.error();
    auto fixed = outputsFrom(ctx, {thenR->get(), elseR->get()});
    if (!fixed)
        return fixed.error();
    std::shared_ptr<SubgraphRunner> branches[2] = {std::move(thenR.value()), std::move(elseR.value())};
    std::vector<int> args(ctx.op.inputs.begin() + 1, ctx.op.inputs.end());
    std::vector<int> outs(ctx.op.outputs.begin(), ctx.op.outputs.end());
    const int ci = ctx.inputIndex(0);
    const bool dynamic = !*fixed;
    return makeKernel([=](const RunContext& rc) -> Status {
        SubgraphRunner& r = *branches[*tensorAt(rc, ci).as<bool>() ? 0 : 1];
        auto result = call(r, valuesOf(rc, args));
        if (!result)
            return result.error();
        return writeOutputs(rc, outs, *result, dynamic);
    });
}

Prepared prepareWhile(NodeContext& ctx)
{
    const auto* o = ctx.op.options.AsWhileOptions();
    if (!o)
        return ctx.fail("has no WhileOptions");
    if (ctx.inputCount() != ctx.outputCount())
        return ctx.fail("has " + std::to_string(ctx.inputCount()) + " inputs and " + std::to_string(ctx.outputCount()) +
            " outputs; a loop carries each value through");
    if (o->cond_subgraph_index == o->body_subgraph_index)
        return ctx.fail("condition and body are the same subgraph");
    auto condR = callee(ctx, o->cond_subgraph_index, 0, 1);
    if (!condR)
        return condR.error();
    {
        const RtTensor& c = (*condR)->tensor((*condR)->outputs()[0]);
        if (c.dtype != DType::Bool || c.count() != 1)
            return ctx.fail("the condition subgraph must give one bool");
    }
    auto bodyR = callee(ctx, o->body_subgraph_index, 0, ctx.outputCount());
    if (!bodyR)
        return bodyR.error();
    // A body that keeps every shape gives the loop static outputs.
    bool fixed = (*bodyR)->deferredOperators() == 0 && (*condR)->deferredOperators() == 0;
    for (int i = 0; i < ctx.outputCount(); ++i) {
        const RtTensor& out = (*bodyR)->tensor((*bodyR)->outputs()[static_cast<std::size_t>(i)]);
        if (out.dtype != ctx.in(i).dtype || out.dtype != ctx.out(i).dtype)
            return ctx.fail("loop value " + std::to_string(i) + " changes type in the body");
        fixed = fixed && out.shape == ctx.in(i).shape;
    }
    for (int i = 0; i < ctx.outputCount(); ++i) {
        if (!fixed)
            ctx.markDynamic(i);
        else if (auto st = ctx.setOutputShape(i, ctx.in(i).shape); !st)
            return st.error();
    }
    std::shared_ptr<SubgraphRunner> cond = std::move(condR.value()), body = std::move(bodyR.value());
    std::vector<int> args(ctx.op.inputs.begin(), ctx.op.inputs.end());
    std::vector<int> outs(ctx.op.outputs.begin(), ctx.op.outputs.end());
    return makeKernel([=](const RunContext& rc) -> Status {
        std::vector<Value> values = valuesOf(rc, args);
        for (std::int64_t iteration = 0;; ++iteration) {
            if (iteration >= kMaxWhileIterations)
                return Error{"the loop did not end after " + std::to_string(kMaxWhileIterations) + " iterations"};
            const auto shapes = shapesOf(values);
            if (!fixed) {
                std::vector<std::vector<std::int32_t>> condShapes, bodyShapes;
                for (const int i : cond->inputs())
                    condShapes.push_back(cond->tensor(i).shape);
                for (const int i : body->inputs())
                    bodyShapes.push_back(body->tensor(i).shape);
                if (condShapes != shapes)
                    if (auto st = cond->reshape(shapes); !st)
                        return st;
                if (bodyShapes != shapes)
                    if (auto st = body->reshape(shapes); !st)
                        return st;
            }
            auto c = call(*cond, values);
            if (!c)
                return c.error();
            if (!*reinterpret_cast<const bool*>(c->front().bytes.data()))
                break;
            auto next = call(*body, values);
            if (!next)
                return next.error();
            values = std::move(next.value());
        }
        return writeOutputs(rc, outs, values, !fixed);
    });
}

Prepared prepareCallOnce(NodeContext& ctx)
{
    const auto* o = ctx.op.options.AsCallOnceOptions();
    if (!o)
        return ctx.fail("has no CallOnceOptions");
    if (ctx.inputCount() != 0 || ctx.outputCount() != 0)
        return ctx.fail("must have no inputs and no outputs");
    // The initialisation runs now, at prepare, so that later operators see the variables it sets;
    // every run then starts from that state (Interpreter::invoke).
    if (ctx.env.initialized.insert(o->init_subgraph_index).second) {
        auto init = callee(ctx, o->init_subgraph_index, 0, 0);
        if (!init)
            return init.error();
        if (auto st = (*init)->run(nullptr); !st)
            return ctx.fail("initialisation subgraph " + std::to_string(o->init_subgraph_index) + ": " + st.error().message);
    }
    return makeKernel([](const RunContext&) {});
}

Prepared prepareStablehloComposite(NodeContext& ctx)
{
    const auto* o = ctx.op.options2.AsStableHLOCompositeOptions();
    if (!o)
        return ctx.fail("has no StableHLOCompositeOptions");
    auto r = callee(ctx, o->decomposition_subgraph_index, 0, ctx.outputCount());
    if (!r)
        return r.error();
    auto fixed = outputsFrom(ctx, {r->get()});
    if (!fixed)
        return fixed.error();
    std::shared_ptr<SubgraphRunner> runner = std::move(r.value());
    std::vector<int> args(ctx.op.inputs.begin(), ctx.op.inputs.end());
    std::vector<int> outs(ctx.op.outputs.begin(), ctx.op.outputs.end());
    const bool dynamic = !*fixed;
    return makeKernel([=](const RunContext& rc) -> Status {
        auto result = call(*runner, valuesOf(rc, args));
        if (!result)
            return result.error();
        return writeOutputs(rc, outs, *result, dynamic);
    });
}

} // namespace ql::exec
