// SPDX-License-Identifier: MIT
// What `quantize`, `analyze`, `eval` and `sensitivity` share: the quantization options, loading a model
// as a float graph (dequantizing a quantized one), loading samples (.npy, IDX, a folder of images) and
// the activation ranges of a command with data of its own (the pipeline's policy, pipeline/quantize.h).
#pragma once

#include "cli/args.h"
#include "data/samples.h"
#include "model/graph.h"
#include "passes/quantize.h"
#include "pipeline/source.h"
#include "quant/calibrate.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace ql::cli {

QStringList quantOptionsWithValue(); // --mode --io --calibration --samples --keep-float --scale ...
QStringList quantFlags(); // --per-tensor --per-channel-dense --ignore-model-ranges

// The options given (the mode only when `modeText` is not empty).
Result<passes::QuantizeOptions> parseQuantizeOptions(const Args& a, const QString& modeText);
// --scale and --offset for 8-bit data; without them, the range `file`'s quantized input stands for (when given
// and quantized), else pixels / 255.
Result<data::Preprocess> parsePreprocess(const Args& a, const model::Graph* file = nullptr);

// The model as the pipeline works on it (a quantized file dequantized); errors name the problem.
Result<pipeline::ModelSource> loadModelSource(const QString& path);

// Samples from a .npy / IDX file or a folder of images (sized for the model's input).
Result<data::SampleSet> loadData(const QString& path, const model::Graph& g, const data::Preprocess& pre,
    const Args& a, std::int64_t limit, const data::SampleWindow& window = {});

// The --calibration-data files (repeated once per model input for models of several inputs).
Result<std::vector<data::SampleSet>> loadCalibrationData(const Args& a, const model::Graph& g,
    const data::Preprocess& pre, passes::QuantizeOptions& o);

// The data set of eval / sensitivity / analyze: --data (up to `limit` samples, 0 = all; only the window's when
// given), checked against the model's input, with --labels when given. Errors say "data: ..." or "labels: ...".
Result<data::SampleSet> loadCommandData(const Args& a, const model::Graph& g, const data::Preprocess& pre,
    std::int64_t limit, const data::SampleWindow& window = {});



// The activation ranges of --ranges FILE (`quantlens-cli calibrate`) when given, checked against the model file;
// `o` takes the calibration they came from, `notes` say where they came from. Nothing without --ranges; refused
// together with --calibration-data or calibration options.
Result<std::optional<std::vector<quant::TensorRange>>> rangesFromFile(
    const Args& a, const pipeline::ModelSource& m, passes::QuantizeOptions& o, std::vector<std::string>& notes);

// Activation ranges for a command that has data of its own: --ranges FILE when given; else from --calibration-data
// when given; else from
// the model's recorded ranges when it has them; else from the first samples of `ownData` itself (noted:
// `what` names those samples).
Result<std::vector<quant::TensorRange>> rangesForCommand(const Args& a, const pipeline::ModelSource& m,
    const data::Preprocess& pre, passes::QuantizeOptions& o, const data::SampleSet& ownData, const std::string& what,
    std::vector<std::string>& notes);
// The same for a command whose data may be a window of its data set (`windowed`: a shard's samples, read with
// `limit`): its own samples are then the first --samples of the whole data set, as one run over all of it
// calibrates on; the window when it holds them, else read apart.
Result<std::vector<quant::TensorRange>> rangesForWindow(const Args& a, const pipeline::ModelSource& m,
    const data::Preprocess& pre, passes::QuantizeOptions& o, const data::SampleSet& data, bool windowed,
    std::int64_t limit, const std::string& what, std::vector<std::string>& notes);

} // namespace ql::cli
