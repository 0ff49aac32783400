// SPDX-License-Identifier: MIT
// Small pieces the operator-rule tests share: seeded values, a calibration set for [8,8,3] inputs, the
// first operator of a type.
#pragma once

#include "data/samples.h"
#include "model/graph.h"

#include <random>
#include <vector>

namespace ql::test {

inline std::vector<float> randomValues(std::size_t n, float scale, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(-scale, scale);
    std::vector<float> v(n);
    for (float& x : v)
        x = u(rng);
    return v;
}

inline data::SampleSet calibrationSet()
{
    data::SampleSet s;
    s.sampleShape = {8, 8, 3};
    s.count = 8;
    s.values = randomValues(8 * 192, 1.0f, 3);
    return s;
}

inline const model::Operator* findOp(const model::Graph& g, tflite::BuiltinOperator code)
{
    for (const auto& op : g.main().operators)
        if (g.opcodeOf(op) == code)
            return &op;
    return nullptr;
}

} // namespace ql::test
