// SPDX-License-Identifier: MIT
// BIDIRECTIONAL_SEQUENCE_RNN: a forward and a backward RNN cell over one sequence (rnn_cell.h), each with
// its own weights, bias and hidden state (variable inputs 4 and 8); the backward cell walks the sequence
// from its end. Inputs: 0 input, 1-3 forward weights/recurrent weights/bias, 4 forward state, 5-7
// backward ones, 8 backward state, then optionally 9 auxiliary input, 10-11 forward/backward auxiliary
// weights. With auxiliary weights both cells also read the auxiliary input; without them an auxiliary
// input feeds the backward cell instead of the input (stacked layers without cross links). The outputs
// are two sequences, or one with the forward units then the backward units (merge_outputs).
//
// As LiteRT computes it, including what its kernel does that a reader might not expect:
//  - batch-major sequences: the backward cell always reads the input, even when an auxiliary input
//    should replace it;
//  - dynamic-range weights on a time-major sequence: LiteRT's kernel runs both cells over the whole
//    sequence once per time step (the outputs are the last pass's; the states carry over the passes).
// An auxiliary input of another size than the input is refused: LiteRT steps through it at the input's
// stride.
#include "exec/kernels/common.h"
#include "exec/kernels/rnn_cell.h"

#include <array>

namespace ql::exec {

using model::DType;

Prepared prepareBidirectionalRnn(NodeContext& ctx)
{
    const auto* o = ctx.op.options.AsBidirectionalSequenceRNNOptions();
    if (!o)
        return ctx.fail("has no BidirectionalSequenceRNNOptions");
    const bool merge = o->merge_outputs;
    // One output when merged, else the forward and the backward sequence.
    if (auto st = ctx.expectArity(9, 12, merge ? 1 : 2); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    if (x.dtype != DType::Float32 || x.rank() != 3)
        return ctx.fail("the input must be a float32 sequence of rank 3, got " + model::dtypeName(x.dtype) + " " +
            shapeText(x.shape));
    const bool timeMajor = o->time_major;
    const int T = timeMajor ? x.dim(0) : x.dim(1), B = timeMajor ? x.dim(1) : x.dim(0), nIn = x.dim(2);
    const bool hasAux = ctx.hasInput(9);
    const bool auxWeights = ctx.hasInput(10) || ctx.hasInput(11);
    if (auxWeights && !(ctx.hasInput(10) && ctx.hasInput(11) && hasAux))
        return ctx.fail("auxiliary weights need an auxiliary input and both cells' auxiliary weights (inputs 9-11)");
    int nAux = 0;
    if (hasAux) {
        const RtTensor& a = ctx.in(9);
        if (a.dtype != DType::Float32 || a.rank() != 3 || a.dim(0) != x.dim(0) || a.dim(1) != x.dim(1))
            return ctx.fail("the auxiliary input " + shapeText(a.shape) + " must be a float32 sequence like the input " +
                shapeText(x.shape));
        nAux = a.dim(2);
        if (nAux != nIn)
            return ctx.fail("an auxiliary input of " + std::to_string(nAux) + " features with an input of " +
                std::to_string(nIn) + " is not supported (LiteRT steps through it at the input's stride)");
    }
    // Without auxiliary weights an auxiliary input replaces the input of the backward cell (time-major only).
    const bool backwardReadsAux = hasAux && !auxWeights && timeMajor;
    auto cells = std::make_shared<std::array<RnnCell, 2>>();
    const int weightInputs[2][3] = {{1, 2, 10}, {5, 6, 11}};
    const int biasInput[2] = {3, 7}, stateInput[2] = {4, 8};
    for (int d = 0; d < 2; ++d) {
        RnnCell& c = (*cells)[static_cast<std::size_t>(d)];
        const char* what = d == 0 ? "forward" : "backward";
        if (auto st = loadRnnCell(ctx, weightInputs[d][0], weightInputs[d][1], auxWeights ? weightInputs[d][2] : -1, nIn,
                nAux, what, c);
            !st)
            return st.error();
        c.asymmetric = o->asymmetric_quantize_inputs;
        c.act = o->fused_activation_function;
        const RtTensor& bias = ctx.in(biasInput[d]);
        const RtTensor& state = ctx.in(stateInput[d]);
        if (bias.dtype != DType::Float32 || bias.count() != c.units)
            return ctx.fail(std::string("the ") + what + " bias must be float32 with " + std::to_string(c.units) +
                " values, got " + model::dtypeName(bias.dtype) + " " + shapeText(bias.shape));
        if (state.dtype != DType::Float32 || state.count() != static_cast<std::int64_t>(B) * c.units)
            return ctx.fail(std::string("the ") + what + " state must be float32 with " + std::to_string(B) + " x " +
                std::to_string(c.units) + " values, got " + model::dtypeName(state.dtype) + " " + shapeText(state.shape));
    }
    if ((*cells)[0].hybrid != (*cells)[1].hybrid)
        return ctx.fail("the forward and backward weights must be of one type (" + ctx.dtypes() + ")");
    const int fwUnits = (*cells)[0].units, bwUnits = (*cells)[1].units;
    const int fwStep = merge ? fwUnits + bwUnits : fwUnits, bwStep = merge ? fwUnits + bwUnits : bwUnits;
    for (int k = 0; k < ctx.outputCount(); ++k) {
        if (ctx.out(k).dtype != DType::Float32)
            return ctx.unsupported();
        std::vector<std::int32_t> shape = x.shape;
        shape.back() = k == 0 ? fwStep : bwUnits;
        if (auto st = ctx.setOutputShape(k, shape); !st)
            return st.error();
    }
    const bool hybrid = (*cells)[0].hybrid;
    const int passes = hybrid && timeMajor ? T : 1;
    if (passes > 1) {
        // The repetition makes the work quadratic in the sequence length: refuse what would run for hours.
        double macs = 0;
        for (const RnnCell& c : *cells)
            macs += static_cast<double>(c.units) * (nIn + nAux + c.units);
        macs *= static_cast<double>(passes) * T * B;
        constexpr double kMaxMacs = 268435456.0; // 2^28
        if (macs > kMaxMacs)
            return ctx.fail("with int8 weights on a time-major sequence LiteRT runs the whole sequence once per time "
                            "step; " + std::to_string(T) + " steps would take " + std::to_string(static_cast<long long>(macs)) +
                " multiply-adds (more than 2^28)");
    }
    const int xi = ctx.inputIndex(0), ai = hasAux ? ctx.inputIndex(9) : -1;
    const int bias[2] = {ctx.inputIndex(3), ctx.inputIndex(7)}, state[2] = {ctx.inputIndex(4), ctx.inputIndex(8)};
    const int fwOut = ctx.outputIndex(0), bwOut = merge ? -1 : ctx.outputIndex(1);
    return makeKernel([=](const RunContext& rc) {
        const float* input = tensorAt(rc, xi).as<float>();
        const float* aux = ai >= 0 ? tensorAt(rc, ai).as<float>() : nullptr;
        float* y[2] = {tensorAt(rc, fwOut).as<float>(), merge ? tensorAt(rc, fwOut).as<float>() + fwUnits : tensorAt(rc, bwOut).as<float>()};
        const int outStep[2] = {fwStep, bwStep};
        for (int pass = 0; pass < passes; ++pass)
            for (int d = 0; d < 2; ++d) {
                const RnnCell& c = (*cells)[static_cast<std::size_t>(d)];
                const float* b = tensorAt(rc, bias[d]).as<float>();
                float* h = tensorAt(rc, state[d]).as<float>();
                const float* cellInput = d == 1 && backwardReadsAux ? aux : input;
                const float* cellAux = c.aux.present() ? aux : nullptr;
                RnnScratch scratch(c, nIn, nAux);
                for (int n = 0; n < B; ++n)
                    for (int k = 0; k < T; ++k) {
                        const int t = d == 0 ? k : T - 1 - k;
                        const std::int64_t at = timeMajor ? static_cast<std::int64_t>(t) * B + n : static_cast<std::int64_t>(n) * T + t;
                        rnnStep(c, b, cellInput + at * nIn, cellAux ? cellAux + at * nAux : nullptr,
                            h + static_cast<std::int64_t>(n) * c.units, y[d] + at * outStep[d], scratch);
                    }
            }
    });
}

} // namespace ql::exec
