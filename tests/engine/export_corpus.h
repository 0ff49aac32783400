// SPDX-License-Identifier: MIT
// What export_test exports: every float model of ../shared/models and ../shared/models/wild (a third of
// them under the sanitizers, QL_CORPUS_SAMPLE; only some with QL_EXPORT_ONLY) with the input range it
// expects, the modes and I/O types, the converter's own twins of some of the models, and the calibration
// samples (8: Fashion-MNIST images for 28x28 inputs, seeded random values in the model's input range
// otherwise).
#pragma once

#include "data/samples.h"
#include "model/graph.h"
#include "passes/quantize.h"

#include <string>
#include <vector>

namespace ql::test {

inline constexpr int kCalibrationSamples = 8;

struct ModelEntry {
    std::string path, file;
    float lo = 0, hi = 1;
};

// The float models, float16 files included (export_test dequantizes them first), by folder and name.
std::vector<ModelEntry> floatModels();

struct ModeEntry {
    const char* name;
    passes::Mode mode;
    passes::IoType io;
    bool keepOneFloat = false;
};

inline const ModeEntry kModes[] = {
    {"float16", passes::Mode::Float16, passes::IoType::Native},
    {"dynamic", passes::Mode::Dynamic, passes::IoType::Native},
    {"int8", passes::Mode::Int8, passes::IoType::Native},
    {"int8/uint8", passes::Mode::Int8, passes::IoType::UInt8},
    {"int8/float", passes::Mode::Int8, passes::IoType::Float},
    {"16x8", passes::Mode::Int16x8, passes::IoType::Native},
    {"16x8/float", passes::Mode::Int16x8, passes::IoType::Float},
    {"int8 mixed", passes::Mode::Int8, passes::IoType::Float, true},
};

// The converter's own outputs of the shared float models, with the I/O type of each.
struct Twin {
    const char* floatFile;
    const char* twinFile;
    passes::IoType io;
};
inline const Twin kTwins[] = {
    {"hello_world_twin_float32.tflite", "hello_world_twin_int8.tflite", passes::IoType::Native},
    {"hello_world_twin_float32.tflite", "hello_world_twin_int8_floatio.tflite", passes::IoType::Float},
    {"resnet8_cifar10_float32.tflite", "resnet8_cifar10_int8.tflite", passes::IoType::Native},
    {"ad01_autoencoder_float32.tflite", "ad01_autoencoder_int8.tflite", passes::IoType::Native},
    {"ad01_autoencoder_float32.tflite", "ad01_autoencoder_int8_floatio.tflite", passes::IoType::Float},
    {"vww_mobilenet_v1_025_96_float32.tflite", "vww_mobilenet_v1_025_96_int8.tflite", passes::IoType::Native},
};

// One sample set per graph input, kCalibrationSamples samples each.
std::vector<data::SampleSet> calibrationSets(const model::Graph& g, const ModelEntry& m);

} // namespace ql::test
