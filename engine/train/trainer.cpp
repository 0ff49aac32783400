// SPDX-License-Identifier: MIT
#include "train/trainer.h"

#include "exec/thread_pool.h"
#include "train/random.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

namespace ql::train {

namespace {

constexpr int kChunks = 2; // every batch is split in two halves, computed in parallel when possible

struct OptimizerState {
    std::vector<std::vector<float>> mW, vW, mB, vB;
    std::int64_t step = 0;
};

void update(std::vector<float>& p, const std::vector<float>& g, std::vector<float>& m, std::vector<float>& v,
    const TrainOptions& o, std::int64_t step)
{
    if (m.size() != p.size()) {
        m.assign(p.size(), 0.0f);
        v.assign(p.size(), 0.0f);
    }
    if (o.optimizer == Optimizer::Sgd) {
        for (std::size_t k = 0; k < p.size(); ++k) {
            m[k] = o.momentum * m[k] - o.learningRate * g[k];
            p[k] += m[k];
        }
        return;
    }
    constexpr float b1 = 0.9f, b2 = 0.999f, eps = 1e-7f;
    const auto t = static_cast<double>(step);
    const auto c1 = static_cast<float>(1.0 - std::pow(static_cast<double>(b1), t));
    const auto c2 = static_cast<float>(1.0 - std::pow(static_cast<double>(b2), t));
    for (std::size_t k = 0; k < p.size(); ++k) {
        m[k] = b1 * m[k] + (1.0f - b1) * g[k];
        v[k] = b2 * v[k] + (1.0f - b2) * g[k] * g[k];
        p[k] -= o.learningRate * (m[k] / c1) / (std::sqrt(v[k] / c2) + eps);
    }
}

std::vector<std::int64_t> shuffled(std::int64_t n, std::uint64_t seed)
{
    std::vector<std::int64_t> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), 0);
    SplitMix64 g(seed);
    for (std::int64_t i = n - 1; i > 0; --i)
        std::swap(order[static_cast<std::size_t>(i)],
            order[static_cast<std::size_t>(g.below(static_cast<std::uint64_t>(i + 1)))]);
    return order;
}

} // namespace

Status checkDataFits(const Network& net, const data::SampleSet& set, const std::string& what)
{
    const std::int64_t need = elementCount(net.input);
    if (set.count <= 0)
        return Error{what + " is empty"};
    if (set.sampleSize() != need) {
        std::string shape;
        for (std::size_t i = 0; i < set.sampleShape.size(); ++i)
            shape += (i ? "x" : "") + std::to_string(set.sampleShape[i]);
        return Error{what + ": samples of shape " + shape + " do not fit the network input " + shapeText(net.input)};
    }
    if (set.labels.size() != static_cast<std::size_t>(set.count))
        return Error{what + " has no labels (" + std::to_string(set.labels.size()) + " labels for " +
            std::to_string(set.count) + " samples)"};
    for (std::size_t i = 0; i < set.labels.size(); ++i)
        if (set.labels[i] < 0 || set.labels[i] >= net.classes())
            return Error{what + ": label " + std::to_string(set.labels[i]) + " of sample " + std::to_string(i) +
                " is outside the network's " + std::to_string(net.classes()) + " classes"};
    return {};
}

Result<std::vector<EpochStats>> train(Network& net, const data::SampleSet& trainSet, const data::SampleSet* testSet,
    const TrainOptions& o, const ProgressFn& progress, const std::atomic<bool>* cancel)
{
    if (auto s = checkDataFits(net, trainSet, "the training set"); !s)
        return s.error();
    if (testSet)
        if (auto s = checkDataFits(net, *testSet, "the test set"); !s)
            return s.error();
    if (o.epochs < 0 || o.batchSize < 1)
        return Error{"epochs must be >= 0 and the batch size >= 1"};
    if (!(o.learningRate > 0.0f))
        return Error{"the learning rate must be positive"};

    exec::ThreadPool pool(std::max(1, std::min(o.threads, kChunks)));
    const std::size_t L = net.layers.size();
    const std::int64_t sampleSize = trainSet.sampleSize();
    const std::int64_t batches = (trainSet.count + o.batchSize - 1) / o.batchSize;
    OptimizerState opt;
    opt.mW.resize(L);
    opt.vW.resize(L);
    opt.mB.resize(L);
    opt.vB.resize(L);
    std::vector<Workspace> ws(kChunks);
    std::vector<std::vector<float>> x(kChunks);
    std::vector<std::vector<std::int32_t>> y(kChunks);
    std::vector<LossResult> loss(kChunks);
    std::vector<EpochStats> stats;

    for (int epoch = 1; epoch <= o.epochs; ++epoch) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto order = shuffled(trainSet.count, mixSeed(o.seed, static_cast<std::uint64_t>(epoch), net.fakeQuant));
        double lossSum = 0;
        std::int64_t correct = 0, seen = 0;
        for (std::int64_t b = 0; b < batches; ++b) {
            if (cancel && cancel->load())
                return Error{"training cancelled"};
            const std::int64_t begin = b * o.batchSize;
            const int size = static_cast<int>(std::min<std::int64_t>(o.batchSize, trainSet.count - begin));
            std::vector<std::vector<float>> qw;
            if (net.fakeQuant)
                qw = fakeQuantWeights(net);
            StepContext ctx;
            ctx.training = true;
            ctx.dropoutSeed = mixSeed(o.seed, static_cast<std::uint64_t>(opt.step + 1), 0xd50);
            ctx.quantWeights = net.fakeQuant ? &qw : nullptr;
            const int half = (size + 1) / 2;
            exec::parallelFor(&pool, kChunks, 1, [&](std::int64_t c0, std::int64_t c1) {
                for (std::int64_t c = c0; c < c1; ++c) {
                    const int from = c == 0 ? 0 : half;
                    const int n = c == 0 ? half : size - half;
                    auto& cx = x[static_cast<std::size_t>(c)];
                    auto& cy = y[static_cast<std::size_t>(c)];
                    cx.resize(static_cast<std::size_t>(n * sampleSize));
                    cy.resize(static_cast<std::size_t>(n));
                    for (int k = 0; k < n; ++k) {
                        const std::int64_t s = order[static_cast<std::size_t>(begin + from + k)];
                        std::copy_n(
                            trainSet.sample(s), sampleSize, cx.data() + static_cast<std::int64_t>(k) * sampleSize);
                        cy[static_cast<std::size_t>(k)] = trainSet.labels[static_cast<std::size_t>(s)];
                    }
                    StepContext cc = ctx;
                    cc.firstSample = begin + from;
                    loss[static_cast<std::size_t>(c)] = {};
                    if (n == 0)
                        continue;
                    forward(net, cx.data(), n, ws[static_cast<std::size_t>(c)], cc);
                    loss[static_cast<std::size_t>(c)] =
                        backward(net, cy.data(), n, size, ws[static_cast<std::size_t>(c)], cc);
                }
            });
            const bool secondRan = size - half > 0;
            ++opt.step;
            for (std::size_t i = 0; i < L; ++i) {
                Layer& l = net.layers[i];
                if (!l.hasParameters())
                    continue;
                std::vector<float> gw = ws[0].dWeights[i], gb = ws[0].dBias[i];
                if (secondRan) {
                    for (std::size_t k = 0; k < gw.size(); ++k)
                        gw[k] += ws[1].dWeights[i][k];
                    for (std::size_t k = 0; k < gb.size(); ++k)
                        gb[k] += ws[1].dBias[i][k];
                }
                update(l.weights, gw, opt.mW[i], opt.vW[i], o, opt.step);
                update(l.bias, gb, opt.mB[i], opt.vB[i], o, opt.step);
            }
            if (net.fakeQuant) {
                for (std::size_t t = 0; t <= L; ++t) {
                    if (t > 0 && !net.layers[t - 1].quantPoint)
                        continue;
                    float lo = ws[0].observedLo[t], hi = ws[0].observedHi[t];
                    if (secondRan) {
                        lo = std::min(lo, ws[1].observedLo[t]);
                        hi = std::max(hi, ws[1].observedHi[t]);
                    }
                    auto& r = net.ranges[t];
                    r.lo = o.rangeDecay * r.lo + (1.0f - o.rangeDecay) * lo;
                    r.hi = o.rangeDecay * r.hi + (1.0f - o.rangeDecay) * hi;
                }
            }
            for (const auto& l : loss) {
                lossSum += l.lossSum;
                correct += l.correct;
            }
            seen += size;
            if (progress && ((b + 1) % std::max(1, o.progressEvery) == 0 || b + 1 == batches))
                progress({net.fakeQuant, epoch, o.epochs, b + 1, batches, lossSum / static_cast<double>(seen),
                    static_cast<double>(correct) / static_cast<double>(seen)});
        }
        EpochStats e;
        e.epoch = epoch;
        e.qat = net.fakeQuant;
        e.loss = lossSum / static_cast<double>(std::max<std::int64_t>(seen, 1));
        e.trainAccuracy = static_cast<double>(correct) / static_cast<double>(std::max<std::int64_t>(seen, 1));
        e.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (testSet) {
            auto acc = evaluate(net, *testSet, o.threads, cancel);
            if (!acc)
                return acc.error();
            e.testAccuracy = *acc;
        }
        stats.push_back(e);
    }
    return stats;
}

Status enableFakeQuant(Network& net, const data::SampleSet& set, std::int64_t samples, int threads)
{
    (void)threads;
    if (set.sampleSize() != elementCount(net.input))
        return Error{"the calibration samples do not fit the network input " + shapeText(net.input)};
    const int n = static_cast<int>(std::min(samples, set.count));
    if (n <= 0)
        return Error{"no samples to measure the activation ranges on"};
    net.fakeQuant = false;
    Workspace ws;
    forward(net, set.sample(0), n, ws, {});
    for (std::size_t t = 0; t < net.ranges.size(); ++t) {
        auto& r = net.ranges[t];
        r = {};
        if (t == 0 || net.layers[t - 1].quantPoint)
            r = {true, ws.observedLo[t], ws.observedHi[t]};
    }
    net.fakeQuant = true;
    return {};
}

Result<double> evaluate(const Network& net, const data::SampleSet& set, int threads, const std::atomic<bool>* cancel)
{
    if (set.sampleSize() != elementCount(net.input))
        return Error{"the samples do not fit the network input " + shapeText(net.input)};
    if (set.labels.size() != static_cast<std::size_t>(set.count) || set.count == 0)
        return Error{"evaluation needs a labelled, non-empty data set"};
    constexpr std::int64_t kBlock = 250;
    const std::int64_t blocks = (set.count + kBlock - 1) / kBlock;
    std::vector<std::vector<float>> qw;
    if (net.fakeQuant)
        qw = fakeQuantWeights(net);
    StepContext ctx;
    ctx.quantWeights = net.fakeQuant ? &qw : nullptr;
    std::atomic<std::int64_t> correct{0};
    std::atomic<bool> cancelled{false};
    exec::ThreadPool pool(std::max(1, threads));
    exec::parallelFor(&pool, blocks, 1, [&](std::int64_t b0, std::int64_t b1) {
        Workspace ws;
        for (std::int64_t b = b0; b < b1; ++b) {
            if (cancel && cancel->load()) {
                cancelled = true;
                return;
            }
            const std::int64_t from = b * kBlock;
            const int n = static_cast<int>(std::min(kBlock, set.count - from));
            forward(net, set.sample(from), n, ws, ctx);
            const int classes = net.classes();
            std::int64_t ok = 0;
            for (int k = 0; k < n; ++k) {
                const float* z = ws.act.back().data() + static_cast<std::ptrdiff_t>(k) * classes;
                ok += static_cast<int>(std::max_element(z, z + classes) - z) ==
                    set.labels[static_cast<std::size_t>(from + k)];
            }
            correct += ok;
        }
    });
    if (cancelled)
        return Error{"evaluation cancelled"};
    return static_cast<double>(correct.load()) / static_cast<double>(set.count);
}

} // namespace ql::train
