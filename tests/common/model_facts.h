// SPDX-License-Identifier: MIT
// What ../shared/models/MODELS.md says about each shared model, as data, so that the engine tests
// and the CLI tests check the same facts.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ql::test {

// Folder of the shared real models (set by CMake from QUANTLENS_SHARED_DIR).
std::string modelsDir();
std::string modelPath(const std::string& file);
// Every .tflite under the shared models folder, tflm_seanet/ included, sorted.
std::vector<std::string> allModelFiles();

struct IoFact {
    std::vector<std::int32_t> shape;
    std::string dtype;
    std::optional<double> scale; // per-tensor scale, checked to 1e-5 relative
    std::optional<std::int64_t> zeroPoint;
};

struct ModelFact {
    std::string file;
    std::map<std::string, int> ops; // operator counts
    std::vector<IoFact> inputs;
    std::vector<IoFact> outputs;
    std::string mode; // as `info` names it
};

const std::vector<ModelFact>& modelFacts();

} // namespace ql::test
