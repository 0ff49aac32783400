// SPDX-License-Identifier: MIT
// Fashion-MNIST for the trainer's tests (train_test.cpp, fashion_mnist_test.cpp): a labelled sample set
// read from the system's copy, and the class each row of a network's outputs picks.
#pragma once

#include "data/samples.h"

#include <QtGlobal>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace ql::test {

inline const std::string kFashion = "/usr/share/datasets/fashion-mnist/";

// The first `limit` samples (0: all) of an images file with their labels; stops the test when either
// cannot be read.
inline data::SampleSet fashion(const char* images, const char* labels, std::int64_t limit)
{
    auto s = data::loadSamples(kFashion + images, {}, limit);
    if (!s)
        qFatal("%s", s.error().message.c_str());
    if (auto st = data::loadLabels(*s, kFashion + labels); !st)
        qFatal("%s", st.error().message.c_str());
    return std::move(*s);
}

// The index of the largest value of each row of `classes` values.
inline std::vector<int> argmaxRows(const std::vector<float>& y, int classes)
{
    std::vector<int> top;
    for (std::size_t r = 0; r < y.size() / static_cast<std::size_t>(classes); ++r) {
        const float* p = y.data() + r * static_cast<std::size_t>(classes);
        top.push_back(static_cast<int>(std::max_element(p, p + classes) - p));
    }
    return top;
}

} // namespace ql::test
