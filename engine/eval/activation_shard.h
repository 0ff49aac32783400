// SPDX-License-Identifier: MIT
// Activation analysis split over machines: each shard measures its share of the analysis samples and keeps every
// sample's statistics per layer (eval/activations.h); merging folds them in sample order, as one run does, so the
// merged metrics, clipped shares and histograms equal one run's bit for bit.
#pragma once

#include "eval/activations.h"
#include "eval/shard.h"

namespace ql::eval {

struct ActivationPartial {
    static constexpr int kVersion = 1;
    int version = kVersion;
    std::string fingerprint;
    Shard shard; // over the analysis samples
    int bins = 64;
    ActivationMeasure measure; // the layers (described) and the kept values of the analysis's first samples
    std::vector<std::vector<ActivationSampleStats>> samples; // per sample of the shard, per layer
};

// The activation analysis of all samples from every shard's partial (in any order); refused, naming the problem:
// a missing or repeated shard, partials of another run or version, other layers.
Result<std::vector<ActivationLayer>> mergeActivations(std::vector<ActivationPartial> parts);

} // namespace ql::eval
