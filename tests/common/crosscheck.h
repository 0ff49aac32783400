// SPDX-License-Identifier: MIT
// The cross-check table: every shared model LiteRT can run, with the input range it expects and the
// error budget QuantLens' outputs must keep against LiteRT's. One table feeds the correctness tests
// (tests/exec/crosscheck_test.cpp) and the benchmarks (bench/).
#pragma once

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

const std::vector<CrossCheckModel>& crossCheckModels();

} // namespace ql::test
