// SPDX-License-Identifier: MIT
// Mini-batch training of a train::Network with softmax cross-entropy (Adam or SGD with momentum), and
// quantization-aware fine-tuning. Deterministic for a seed: every batch is split into the same two
// halves whatever the thread count, and their gradients are added in a fixed order.
#pragma once

#include "core/result.h"
#include "data/samples.h"
#include "train/network.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ql::train {

enum class Optimizer { Adam, Sgd };

struct TrainOptions {
    int epochs = 5;
    int batchSize = 32;
    Optimizer optimizer = Optimizer::Adam;
    float learningRate = 0.001f;
    float momentum = 0.9f; // SGD only
    std::uint64_t seed = 1; // shuffling and dropout (the weights come from buildNetwork's seed)
    int threads = 2;
    float rangeDecay = 0.99f; // quantization-aware training: moving average of activation ranges
    int progressEvery = 50; // batches between progress callbacks
};

struct TrainProgress {
    bool qat = false;
    int epoch = 0; // 1-based
    int epochs = 0;
    std::int64_t batch = 0; // batches done in this epoch
    std::int64_t batches = 0;
    double loss = 0; // mean over this epoch so far
    double accuracy = 0; // training accuracy over this epoch so far, 0..1
};
using ProgressFn = std::function<void(const TrainProgress&)>;

struct EpochStats {
    int epoch = 0;
    bool qat = false;
    double loss = 0;
    double trainAccuracy = 0;
    double testAccuracy = -1; // -1 without a test set
    double seconds = 0;
};

// Checks that a data set fits the network: sample shape, labels present and below the class count.
Status checkDataFits(const Network& net, const data::SampleSet& set, const std::string& what);

// Trains `net` in place. With net.fakeQuant on this is quantization-aware training.
Result<std::vector<EpochStats>> train(Network& net, const data::SampleSet& trainSet, const data::SampleSet* testSet,
    const TrainOptions& options, const ProgressFn& progress = {}, const std::atomic<bool>* cancel = nullptr);

// Switches on fake quantization, with activation ranges first measured (min/max) on up to `samples`
// training samples by the float network.
Status enableFakeQuant(Network& net, const data::SampleSet& set, std::int64_t samples = 512, int threads = 2);

// Top-1 accuracy (0..1) of the network as it is (fake-quantized when that is on).
Result<double> evaluate(
    const Network& net, const data::SampleSet& set, int threads = 2, const std::atomic<bool>* cancel = nullptr);

} // namespace ql::train
