// SPDX-License-Identifier: MIT
// Runs one OpCase in QuantLens and in LiteRT on seeded random inputs and compares the outputs: the
// check behind op_test (hand-written cases) and op_random_test (generated ones).
#pragma once

#include "exec/op_cases.h"

#include <QString>

#include <map>
#include <set>
#include <string>

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

// The operator's name: its builtin name or its custom code.
std::string operatorName(const OpSpec& op);
// The element types of a case: "int8", "float32/int8" (a second input of another type),
// "uint8->float32" (an output of another type).
std::string caseTypes(const OpCase& c);
// Prints "verified against LiteRT: OP: types, ..." for each operator.
void printCoverage(const std::map<std::string, std::set<std::string>>& ran);

} // namespace ql::test
