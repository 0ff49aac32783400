// SPDX-License-Identifier: MIT
// Two models of a diff (eval/diff.h) run on the same samples: for every matched operator pair, how close B's
// output stays to A's (both as real values: SQNR, cosine, largest difference), and how often the two models'
// first outputs pick the same class.
#pragma once

#include "core/result.h"
#include "data/samples.h"
#include "eval/diff.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace ql::eval {

struct PairAgreement {
    int a = -1, b = -1; // operators
    bool compared = false; // false: the outputs differ in size (`why`)
    std::string why;
    double sqnrDb = 0; // 10 log10(sum a^2 / sum (a - b)^2), +inf when equal
    double cosine = 1;
    double maxAbsDiff = 0;
};

struct OutputAgreement {
    std::vector<PairAgreement> pairs; // in the diff's match order
    std::int64_t samples = 0;
    double top1Agreement = -1; // 0..1 over samples; -1 when the first outputs are not class scores
};

// `data` fits model A's input (and B's: same shape); at most `samples` of it are used.
Result<OutputAgreement> compareOutputs(const model::Graph& a, const model::Graph& b, const ModelDiff& diff,
    const data::SampleSet& data, std::int64_t samples = 32,
    const std::function<void(std::int64_t, std::int64_t)>& progress = {}, const std::atomic<bool>* cancel = nullptr);

} // namespace ql::eval
