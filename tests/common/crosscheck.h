// SPDX-License-Identifier: MIT
// The cross-check table: every shared model LiteRT can run, with the input range it expects and the
// error budget QuantLens' outputs must keep against LiteRT's. One table feeds the correctness tests
// (tests/exec/crosscheck_test.cpp) and the benchmarks (bench/).
#pragma once

#include "model/graph.h"

#include <QString>

#include <cstdint>
#include <string>
#include <vector>

namespace ql::test {

// Error budgets, named so that every comparison says which one it holds to.
// Float kernels: |ours - LiteRT| <= kFloatRelTol * max |LiteRT output| (summation order differs).
constexpr double kFloatRelTol = 1e-4;
// Integer outputs with xnnpack rounding: bit for bit.
constexpr int kIntegerMaxLsb = 0;
// Dynamic-range (hybrid) models: LiteRT quantizes activations at run time its own way; budget
// relative to the largest output, measured on random and real inputs (see the issue note).
constexpr double kHybridRelTol = 0.05;

enum class ModelKind { Float, Integer, Hybrid };

struct CrossCheckModel {
    std::string file;
    ModelKind kind;
    float inputMin, inputMax; // range of float inputs (integer inputs use their full range)
};

// Element i of the raw values `p` of type `dt`, as a double (0 for types not listed; a complex64 tensor
// counts its real and imaginary parts as two elements).
double valueOf(const std::uint8_t* p, model::DType dt, std::int64_t i);

const std::vector<CrossCheckModel>& crossCheckModels();

// Runs `g` in QuantLens (xnnpack rounding) and in LiteRT on one seeded random input (floats uniform in
// [inputMin, inputMax], integers over their full range) and compares every output within the budget
// of `kind`. Integer graphs are first rewritten so that every operator output is a model output,
// so each intermediate tensor is compared too. Returns an empty string when all agree, else what
// differs. `label` names the model in the log.
QString checkAgainstLitert(
    const model::Graph& g, ModelKind kind, float inputMin, float inputMax, unsigned seed, const std::string& label);

} // namespace ql::test
