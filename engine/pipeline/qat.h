// SPDX-License-Identifier: MIT
// From a trained float network to the integer models a classroom compares: post-training quantization
// (calibrated on the first training samples), quantization-aware fine-tuning and its integer model (the
// ranges QAT learned, no calibration), and the fair baseline for QAT: the float network fine-tuned just
// as long without fake quantization, so that a gain of QAT is not mistaken for the effect of more epochs.
// The CLI's `train` and the GUI's Train tab both call this.
#pragma once

#include "core/result.h"
#include "data/samples.h"
#include "model/graph.h"
#include "train/export.h"
#include "train/trainer.h"

#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace ql::pipeline {

struct QatOptions {
    int epochs = 1; // quantization-aware epochs after float training (0: post-training quantization only)
    float learningRate = 1e-4f;
    train::TrainOptions train; // batch size, optimizer, seed, threads, progress interval (epochs and rate above)
    std::int64_t rangeSamples = 512; // samples the float network measures its activation ranges on before QAT
    std::int64_t calibrationSamples = 200; // post-training calibration on the first training samples
    bool fineTunedBaseline = true;
    train::ExportOptions floatExport; // the float graphs (batch, softmax, description)
    std::string qatDescription; // the QAT graph's description (empty: the float export's)
};

struct QatModels {
    model::Graph floatGraph; // the trained network as given
    model::Graph ptqInt8; // int8 with float I/O, calibrated
    std::optional<model::Graph> qatGraph; // float, carrying QAT's learned ranges as tensor min/max
    std::optional<model::Graph> qatInt8; // int8 with float I/O from those ranges
    std::optional<model::Graph> floatFineTuned; // the baseline, when asked for
    std::vector<train::EpochStats> qatEpochs;
    double qatSeconds = 0;
    std::string calibrationSource; // "first 200 training samples"
};

// `trained`: the float network after training (not changed). `test`, when given, is scored after each QAT
// epoch. Errors name the step that failed ("PTQ: ...", "QAT: ...").
Result<QatModels> quantizeTrained(const train::Network& trained, const data::SampleSet& trainSet,
    const data::SampleSet* test, const QatOptions& options, const train::ProgressFn& progress = {},
    const std::atomic<bool>* cancel = nullptr);

} // namespace ql::pipeline
