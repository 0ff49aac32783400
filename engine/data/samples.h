// SPDX-License-Identifier: MIT
// Model input samples for calibration and evaluation: a .npy with a leading sample dimension, or an
// IDX file (.gz too) of 8-bit images. 8-bit data are mapped to float by a documented
// preprocessing (value * scale + offset; pixels/255 by default). Folders of images are decoded in
// the app layer (QImage) and handed over as a SampleSet.
#pragma once

#include "core/result.h"
#include "model/graph.h"

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ql::data {

struct Preprocess {
    float scale = 1.0f / 255.0f;
    float offset = 0.0f;
    std::string describe() const; // "x * 0.00392157 + 0"
};

struct SampleSet {
    std::vector<std::int64_t> sampleShape; // one sample, without the leading count
    std::int64_t count = 0;
    std::int64_t fileCount = 0; // samples in the file before a limit was applied (0: not from a file)
    std::int64_t first = 0; // the index of the first sample in the file (a window of it: SampleWindow)
    std::vector<float> values; // count x sampleShape, C order
    std::vector<std::int32_t> labels; // empty, or one per sample

    std::int64_t sampleSize() const;
    const float* sample(std::int64_t i) const { return values.data() + i * sampleSize(); }
};

// Which samples to convert, once the file has said how many it offers (`available`, after the limit): the window
// [first, first + count). A shard of a data set converts (or decodes) only its own samples this way.
using SampleWindow =
    std::function<Result<std::pair<std::int64_t, std::int64_t>>(std::int64_t available)>;

// Reads up to `limit` samples (0: all), or the window of them. Float .npy data are used as they are; 8-bit data
// (.npy or IDX) go through `pre`.
Result<SampleSet> loadSamples(
    const std::string& path, const Preprocess& pre, std::int64_t limit = 0, const SampleWindow& window = {});

// Attaches labels from an IDX label file or an integer .npy (one per sample; a window's own).
Status loadLabels(SampleSet& set, const std::string& path);

// The first n samples (and their labels) of a set.
SampleSet firstSamples(const SampleSet& set, std::int64_t n);

// Fails unless one sample fills `input` (the batch dimension of the input may be 1 and absent from
// the samples), or differs from it only in dimensions the model marks dynamic (-1 in its shape
// signature); the error names both shapes.
Status checkSamplesFit(const SampleSet& set, const model::Tensor& input);

// The shape `input` takes for one sample of `set`: its stored shape, or, where the samples differ
// from it only in dynamic dimensions, the samples' shape (with the batch of 1). Interpreters created
// with it as InterpreterOptions::inputShapes run the samples as they are.
Result<std::vector<std::int32_t>> inputShapeFor(const SampleSet& set, const model::Tensor& input);

} // namespace ql::data
