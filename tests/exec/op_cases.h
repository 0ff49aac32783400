// SPDX-License-Identifier: MIT
// The one-operator test cases of op_test: each a model built in memory, run by QuantLens and by
// LiteRT on the same seeded inputs. Families of cases live in op_cases_*.cpp.
#pragma once

#include "common/crosscheck.h"
#include "common/graph_builder.h"
#include "common/op_builder.h"

#include <QStringList>

#include <functional>
#include <string>
#include <vector>

namespace ql::test {

struct OpCase {
    OpCase(std::string n, OpSpec o, std::vector<TensorSpec> in, std::vector<TensorSpec> out)
        : name(std::move(n))
        , op(std::move(o))
        , inputs(std::move(in))
        , outputs(std::move(out))
    {
    }
    OpCase& tolerance(double t)
    {
        floatTolerance = t;
        return *this;
    }
    OpCase& litert(QStringList args)
    {
        litertArgs = std::move(args);
        return *this;
    }
    OpCase& skipping(std::function<bool(int, std::int64_t)> f)
    {
        skip = std::move(f);
        return *this;
    }
    // An output the runtime sizes at run time and litert-run leaves unwritten: not compared at all.
    OpCase& ignoringOutput(int o)
    {
        ignoredOutputs.push_back(o);
        return *this;
    }
    OpCase& refused(std::string text)
    {
        refusal = std::move(text);
        return *this;
    }
    OpCase& withSeeds(int n)
    {
        seeds = n;
        return *this;
    }

    std::string name;
    OpSpec op;
    std::vector<TensorSpec> inputs, outputs;
    // Float outputs: |ours - LiteRT| <= floatTolerance * max(|LiteRT|, 1e-3); integers must be equal.
    double floatTolerance = kFloatRelTol;
    QStringList litertArgs;
    // Elements of an output the runtime leaves unwritten, not compared: (output, element) -> skip.
    std::function<bool(int, std::int64_t)> skip;
    std::vector<int> ignoredOutputs;
    // Non-empty: QuantLens must refuse the model with an error containing this text (LiteRT is not
    // asked: it fails on such models without saying so).
    std::string refusal;
    int seeds = 1;
};

// Helpers for writing cases.
TensorSpec f32(std::vector<std::int32_t> shape);
TensorSpec q(std::vector<std::int32_t> shape, model::DType t, float scale, std::int64_t zp);
TensorSpec typed(std::vector<std::int32_t> shape, model::DType t);
// An input of seeded random values in [lo, hi] (see TensorSpec::range).
TensorSpec ranged(std::vector<std::int32_t> shape, model::DType t, double lo, double hi);
TensorSpec bools(std::vector<std::int32_t> shape);
TensorSpec i32(std::vector<std::int32_t> shape, std::vector<std::int32_t> values);
TensorSpec i64(std::vector<std::int32_t> shape, std::vector<std::int64_t> values);
TensorSpec f32c(std::vector<std::int32_t> shape, std::vector<float> values);
OpSpec builtin(tflite::BuiltinOperator op, tflite::BuiltinOptionsUnion options = {}, int version = 1);

std::vector<OpCase> basicCases(); // the operators of the first wave
std::vector<OpCase> layoutCases(); // op_cases_layout.cpp
std::vector<OpCase> mathCases(); // op_cases_math.cpp
std::vector<OpCase> indexingCases(); // op_cases_indexing.cpp
std::vector<OpCase> quantizedCases(); // op_cases_quantized.cpp
std::vector<OpCase> customCases(); // op_cases_custom.cpp
std::vector<OpCase> extendedCases(); // op_cases_extended.cpp
std::vector<OpCase> bitsCases(); // op_cases_bits.cpp
std::vector<OpCase> foundCases(); // op_cases_found.cpp: what op_random_test found

} // namespace ql::test
