// SPDX-License-Identifier: MIT
// Runs one OpCase in QuantLens and in LiteRT on seeded random inputs and compares the outputs: the
// check behind op_test (hand-written cases) and op_random_test (generated ones).
#pragma once

#include "exec/op_cases.h"

#include <QString>

namespace ql::test {

// How the two runtimes' refusals are judged.
enum class RefusalRule {
    // The case says whether QuantLens must refuse (OpCase::refusal); LiteRT runs only cases that must run.
    AsWritten,
    // LiteRT decides: QuantLens must run exactly the models LiteRT runs, and refuse the others.
    LikeLitert,
};

struct OpCheck {
    QString problem; // empty: the runtimes agree
    bool ran = false; // QuantLens ran the model (and LiteRT too)
    QString refusal; // when both refused: QuantLens' reason
};

// `seedBase` makes the inputs of one case differ from another's (seed s of the case uses
// seedBase * 131 + s).
OpCheck checkOpCase(const OpCase& c, unsigned seedBase, RefusalRule rule = RefusalRule::AsWritten);

} // namespace ql::test
