// SPDX-License-Identifier: MIT
#include "pipeline/qat.h"

#include "pipeline/quantize.h"
#include "pipeline/source.h"

#include <chrono>
#include <span>

namespace ql::pipeline {

namespace {

Error step(const std::string& what, const Error& e)
{
    return Error{what + ": " + e.message};
}

// Int8 with float I/O, per channel everywhere (as QAT fake-quantizes the weights).
passes::QuantizeOptions int8Options()
{
    passes::QuantizeOptions q;
    q.mode = passes::Mode::Int8;
    q.io = passes::IoType::Float;
    q.perChannelDense = true;
    return q;
}

} // namespace

Result<QatModels> quantizeTrained(const train::Network& trained, const data::SampleSet& trainSet,
    const data::SampleSet* test, const QatOptions& options, const train::ProgressFn& progress,
    const std::atomic<bool>* cancel)
{
    QatModels out;
    auto floatGraph = train::toGraph(trained, options.floatExport);
    if (!floatGraph)
        return step("export", floatGraph.error());
    out.floatGraph = std::move(*floatGraph);

    // Post-training: calibrated on the first training samples.
    passes::QuantizeOptions ptqOptions = int8Options();
    ptqOptions.calibration.samples = std::min<std::int64_t>(options.calibrationSamples, trainSet.count);
    out.calibrationSource = "first " + std::to_string(ptqOptions.calibration.samples) + " training samples";
    ptqOptions.calibrationSource = out.calibrationSource;
    auto floatSource = fromGraph(out.floatGraph);
    if (!floatSource)
        return step("PTQ", floatSource.error());
    auto ptq = quantize(*floatSource, ptqOptions, std::span(&trainSet, 1));
    if (!ptq)
        return step("PTQ", ptq.error());
    out.ptqInt8 = std::move(ptq->graph);
    if (options.epochs <= 0)
        return out;

    train::TrainOptions tuning = options.train;
    tuning.epochs = options.epochs;
    tuning.learningRate = options.learningRate;
    if (cancel && cancel->load())
        return Error{"cancelled"};

    // Quantization-aware fine-tuning from the trained weights, and its integer model from the learned ranges.
    train::Network qat = trained;
    if (auto s = train::enableFakeQuant(qat, trainSet, options.rangeSamples, tuning.threads); !s)
        return step("QAT", s.error());
    const auto start = std::chrono::steady_clock::now();
    auto stats = train::train(qat, trainSet, test, tuning, progress, cancel);
    if (!stats)
        return step("QAT", stats.error());
    out.qatSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    out.qatEpochs = std::move(*stats);
    train::ExportOptions qatExport = options.floatExport;
    if (!options.qatDescription.empty())
        qatExport.description = options.qatDescription;
    auto qatGraph = train::toGraph(qat, qatExport);
    if (!qatGraph)
        return step("QAT export", qatGraph.error());
    auto qatSource = fromGraph(*qatGraph);
    if (!qatSource)
        return step("QAT int8", qatSource.error());
    passes::QuantizeOptions qatOptions = int8Options();
    qatOptions.calibrationSource = "ranges learned by quantization-aware training";
    auto qatInt8 = quantize(*qatSource, qatOptions, {}); // no calibration data: the ranges the model carries
    if (!qatInt8)
        return step("QAT int8", qatInt8.error());
    out.qatGraph = std::move(*qatGraph);
    out.qatInt8 = std::move(qatInt8->graph);

    // The baseline: as many more epochs at the same rate, without fake quantization.
    if (options.fineTunedBaseline) {
        train::Network tuned = trained;
        if (auto r = train::train(tuned, trainSet, nullptr, tuning, {}, cancel); !r)
            return step("fine-tuning", r.error());
        auto tunedGraph = train::toGraph(tuned, options.floatExport);
        if (!tunedGraph)
            return step("fine-tuning export", tunedGraph.error());
        out.floatFineTuned = std::move(*tunedGraph);
    }
    return out;
}

} // namespace ql::pipeline
