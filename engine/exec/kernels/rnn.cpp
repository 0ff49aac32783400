// SPDX-License-Identifier: MIT
// The basic recurrent cell: RNN (one step) and UNIDIRECTIONAL_SEQUENCE_RNN (a sequence, batch- or
// time-major). Each step computes h = act(b + W x + R h_prev) in that order (the bias, then each
// product's row sums added to it, as LiteRT's cell accumulates); the hidden state is the operator's
// variable input 4, carried from step to step (and across invokes when the interpreter keeps state).
// Weights are float32, or both int8 with one scale each (dynamic range, "hybrid"): x and h_prev are then
// quantized per batch row at run time (symmetric, or asymmetric with asymmetric_quantize_inputs),
// multiplied in int32 and scaled back; input, state, bias and output stay float32.
#include "exec/kernels/common.h"
#include "exec/kernels/rnn_cell.h"

namespace ql::exec {

namespace {

using model::DType;

Prepared prepareRecurrent(NodeContext& ctx, bool sequence)
{
    if (auto st = ctx.expectArity(5, 5, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor& w = ctx.in(1);
    const RtTensor& r = ctx.in(2);
    const RtTensor& b = ctx.in(3);
    const RtTensor& h = ctx.in(4);
    const char* name = sequence ? "UNIDIRECTIONAL_SEQUENCE_RNN" : "RNN";
    if (x.dtype != DType::Float32 || ctx.out(0).dtype != DType::Float32 || h.dtype != DType::Float32)
        return ctx.fail(std::string(name) + " runs on float32 input, state and output here (" + ctx.dtypes() + ")");
    if (b.dtype != DType::Float32)
        return ctx.fail(std::string(name) + " needs a float32 bias (" + ctx.dtypes() + ")");
    if (x.rank() != (sequence ? 3 : 2))
        return ctx.fail(std::string("the input must have rank ") + (sequence ? "3" : "2") + ", got " + shapeText(x.shape));
    if (w.rank() != 2 || r.rank() != 2 || b.rank() != 1)
        return ctx.fail("weights [units, input], recurrent weights [units, units] and bias [units] expected, got " +
            shapeText(w.shape) + ", " + shapeText(r.shape) + ", " + shapeText(b.shape));
    bool timeMajor = false, asymmetric = false;
    tflite::ActivationFunctionType act = tflite::ActivationFunctionType::NONE;
    if (sequence) {
        const auto* o = ctx.op.options.AsSequenceRNNOptions();
        if (!o)
            return ctx.fail("has no SequenceRNNOptions");
        timeMajor = o->time_major;
        act = o->fused_activation_function;
        asymmetric = o->asymmetric_quantize_inputs;
    } else {
        const auto* o = ctx.op.options.AsRNNOptions();
        if (!o)
            return ctx.fail("has no RNNOptions");
        act = o->fused_activation_function;
        asymmetric = o->asymmetric_quantize_inputs;
    }
    const int units = w.dim(0), nIn = w.dim(1);
    const int T = sequence ? (timeMajor ? x.dim(0) : x.dim(1)) : 1;
    const int B = sequence ? (timeMajor ? x.dim(1) : x.dim(0)) : x.dim(0);
    if (x.dim(-1) != nIn || r.dim(0) != units || r.dim(1) != units || b.dim(0) != units)
        return ctx.fail("input " + shapeText(x.shape) + ", weights " + shapeText(w.shape) + ", recurrent weights " +
            shapeText(r.shape) + " and bias " + shapeText(b.shape) + " do not fit together");
    if (h.count() != static_cast<std::int64_t>(B) * units)
        return ctx.fail("the hidden state " + shapeText(h.shape) + " must hold " + std::to_string(B) + " x " +
            std::to_string(units) + " values");
    std::vector<std::int32_t> shape = x.shape;
    shape.back() = units;
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    auto cell = std::make_shared<RnnCell>();
    if (auto st = loadRnnCell(ctx, 1, 2, -1, nIn, 0, "", *cell); !st)
        return st.error();
    cell->asymmetric = asymmetric;
    cell->act = act;
    const int xi = ctx.inputIndex(0), bi = ctx.inputIndex(3), hi = ctx.inputIndex(4), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const float* input = tensorAt(rc, xi).as<float>();
        const float* bias = tensorAt(rc, bi).as<float>();
        float* state = tensorAt(rc, hi).as<float>();
        float* y = tensorAt(rc, out).as<float>();
        RnnScratch scratch(*cell, nIn, 0);
        for (int t = 0; t < T; ++t)
            for (int n = 0; n < B; ++n) {
                const std::int64_t step =
                    timeMajor ? static_cast<std::int64_t>(t) * B + n : static_cast<std::int64_t>(n) * T + t;
                rnnStep(*cell, bias, input + step * nIn, nullptr, state + static_cast<std::int64_t>(n) * units, y + step * units, scratch);
            }
    });
}

} // namespace

Prepared prepareRnn(NodeContext& ctx)
{
    return prepareRecurrent(ctx, false);
}

Prepared prepareSequenceRnn(NodeContext& ctx)
{
    return prepareRecurrent(ctx, true);
}

} // namespace ql::exec
