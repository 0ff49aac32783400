// SPDX-License-Identifier: MIT
#include "exec/kernels/rnn_cell.h"

namespace ql::exec {

RnnScratch::RnnScratch(const RnnCell& c, int inputs, int auxInputs)
    : next(static_cast<std::size_t>(c.units))
    , inputCodes(static_cast<std::size_t>(inputs))
    , auxCodes(static_cast<std::size_t>(auxInputs))
    , stateCodes(static_cast<std::size_t>(c.units))
{
}

Status loadRnnCell(NodeContext& ctx, int w, int r, int waux, int inputs, int auxInputs, const std::string& what, RnnCell& cell)
{
    const std::string cellName = what.empty() ? std::string() : what + " ";
    const RtTensor& wt = ctx.in(w);
    if (wt.rank() != 2)
        return ctx.fail(cellName + "input weights must be [units, input], got " + shapeText(wt.shape));
    cell.units = wt.dim(0);
    const bool withAux = waux >= 0 && ctx.hasInput(waux);
    for (const int i : {w, r, withAux ? waux : w})
        if (ctx.in(i).dtype != wt.dtype || (wt.dtype != model::DType::Float32 && wt.dtype != model::DType::Int8))
            return ctx.fail(cellName + "weights must be all float32 or all int8 (" + ctx.dtypes() + ")");
    if (auto st = loadWeightMatrix(ctx, w, cell.units, inputs, cell.input); !st)
        return st;
    if (auto st = loadWeightMatrix(ctx, r, cell.units, cell.units, cell.recurrent); !st)
        return st;
    if (withAux)
        if (auto st = loadWeightMatrix(ctx, waux, cell.units, auxInputs, cell.aux); !st)
            return st;
    cell.hybrid = wt.dtype == model::DType::Int8;
    return {};
}

void rnnStep(const RnnCell& c, const float* bias, const float* x, const float* aux, float* h, float* out, RnnScratch& s)
{
    std::copy(bias, bias + c.units, s.next.begin());
    accumulate(c.input, matrixOperand(x, c.input.cols, c.hybrid, c.asymmetric, s.inputCodes), s.next.data());
    if (c.aux.present() && aux)
        accumulate(c.aux, matrixOperand(aux, c.aux.cols, c.hybrid, c.asymmetric, s.auxCodes), s.next.data());
    accumulate(c.recurrent, matrixOperand(h, c.units, c.hybrid, c.asymmetric, s.stateCodes), s.next.data());
    for (int u = 0; u < c.units; ++u) {
        const float v = applyFloatActivation(c.act, s.next[static_cast<std::size_t>(u)]);
        h[u] = v;
        out[u] = v;
    }
}

} // namespace ql::exec
