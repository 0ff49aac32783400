// SPDX-License-Identifier: MIT
// Post-training quantization pipelines: turn a float32 graph into each deployment mode the TFLite
// converter offers (float16, dynamic-range, full-integer int8, 16x8), with the converter's
// parameters, so that the result can be written as a .tflite the official runtime loads.
#pragma once

#include "core/result.h"
#include "model/graph.h"
#include "quant/calibrate.h"
#include "quant/lint.h"
#include "quant/params.h"

#include <optional>
#include <string>
#include <vector>

namespace ql::passes {

enum class Mode { Float32, Float16, Dynamic, Int8, Int16x8 };
// The graph's input/output type for the integer modes: Native is int8 (int8 mode) or int16 (16x8).
enum class IoType { Native, UInt8, Float };

std::string modeName(Mode m); // "float32", "float16", "dynamic", "int8", "16x8"
Result<Mode> parseMode(const std::string& text);
Result<IoType> parseIo(const std::string& text, Mode m); // "int8", "uint8", "int16", "float"
bool needsCalibration(Mode m);

struct QuantizeOptions {
    Mode mode = Mode::Int8;
    IoType io = IoType::Native;
    bool perChannel = true; // convolution weights per output channel (else per tensor)
    // FULLY_CONNECTED weights per output channel too (the current converter's default; older
    // converters wrote them per tensor).
    bool perChannelDense = true;
    quant::CalibrationOptions calibration;
    std::string calibrationSource; // recorded in the model's description
    // Operators kept in float: operator index ("12"), tensor name of one of its outputs, or op type
    // ("SOFTMAX"). QUANTIZE / DEQUANTIZE are inserted at the boundaries.
    std::vector<std::string> keepFloat;
    std::int64_t dynamicMinElements = 1024; // dynamic mode: smaller weight tensors stay float
    // The pipeline (pipeline/quantize.h): use the activation ranges a model carries (quantization-aware
    // training's, or an already-quantized file's) instead of calibrating those tensors.
    bool useModelRanges = true;
};

struct QuantizeResult {
    model::Graph graph;
    std::vector<std::string> notes; // what was done differently from the plain recipe, and why
    std::vector<int> floatOperators; // operators of the input graph that stayed float
    quant::LintReport lint; // how LiteRT will run the result (it has no errors: quantizeGraph refuses those)
};

// `ranges` (one per tensor of the input graph, from quant::calibrate) is needed for int8 and 16x8.
// The result is checked as a file LiteRT must run (quant::lint); a result LiteRT would refuse or run
// wrongly is an error that names every problem, so no caller writes such a file.
Result<QuantizeResult> quantizeGraph(
    const model::Graph& floatGraph, const QuantizeOptions& options, const std::vector<quant::TensorRange>& ranges = {});

// The provenance line written as the model's description ("QuantLens 0.1.0: mode int8, ...").
std::string describe(const QuantizeOptions& o);

// Whether operator `op` of the main subgraph is one that `keep` (QuantizeOptions::keepFloat) names.
bool keptInFloat(const model::Graph& g, int op, const std::vector<std::string>& keep);

// True when the graph holds quantized or float16 weights or quantized activations (anything but a
// plain float32 graph).
bool isQuantized(const model::Graph& g);

// Teaching: the float graph with every weight tensor of CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED /
// TRANSPOSE_CONV replaced by its quantize-dequantize under `scheme` (any bit width 2..16, symmetric or
// asymmetric, per channel or per tensor). Still a float model: it runs anywhere and shows what that weight
// precision costs (activations stay float).
Result<model::Graph> simulateWeights(const model::Graph& floatGraph, const quant::Scheme& scheme);

// Where the weights of a weighted operator are (input slots), and along which axis their output
// channels run: CONV_2D, DEPTHWISE_CONV_2D (axis 3), FULLY_CONNECTED, TRANSPOSE_CONV.
struct WeightSlot {
    int weight = -1, bias = -1, activation = 0;
    int axis = 0;
};
std::optional<WeightSlot> weightSlot(tflite::BuiltinOperator op);

// A float32 graph from a quantized (or float16-weight) one, so that it can be quantized into another
// mode: quantized and float16 constants dequantized ((q - zero point) * scale, per channel where
// needed), integer activations made float32, DEQUANTIZE of constants folded, QUANTIZE/DEQUANTIZE
// between activations removed. A re-quantization of the result starts from the already quantized
// weights, not from the original float ones. The range each integer activation of the main subgraph
// covers stays on its float tensor as min/max (as quantization-aware training records them), so that a
// re-quantization can keep the file's activation scales without calibration data. `toOriginal`, when
// given, receives for each operator of the main subgraph the index it had in `g`.
Result<model::Graph> dequantizeGraph(const model::Graph& g, std::vector<int>* toOriginal = nullptr);
// The real values of a quantized (int8, uint8, int16, int32, int64; per tensor or per channel) or float16
// constant: (code - zero point) x scale of its channel.
Result<std::vector<float>> dequantizedValues(const model::Graph& g, const model::Tensor& t);

} // namespace ql::passes
