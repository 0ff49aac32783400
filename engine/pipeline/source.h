// SPDX-License-Identifier: MIT
// A model as every step of the pipeline sees it: the file as opened, the float graph that analysis and
// quantization start from (the file itself when it is float, else its dequantized form), and which
// operator of one is which of the other. An operator's identity is its index in the file, the numbering
// `info` prints and the layer table shows; it survives dequantizing, quantizing and keeping layers in float.
#pragma once

#include "core/result.h"
#include "model/graph.h"

#include <memory>
#include <string>
#include <vector>

namespace ql::pipeline {

struct ModelSource {
    std::shared_ptr<const model::Graph> file; // as opened
    std::shared_ptr<const model::Graph> work; // float32: `file` itself, or its dequantized form
    std::vector<int> toFile; // operator of `work` (main subgraph) -> operator of `file`
    std::string note; // set when the file was quantized and has been dequantized

    bool dequantized() const { return file != work; }
    // -1 when there is none: a QUANTIZE / DEQUANTIZE of the file that dequantizing removed (the quantizer
    // places those itself).
    int fileOp(int workOp) const;
    int workOp(int fileOp) const;
    // Activation tensors of `work` that carry a range: min/max recorded by quantization-aware training, or
    // the span an already-quantized file gave them.
    int carriedRanges() const;
};

// Takes a graph as read (any mode); a float one is shared, not copied.
Result<ModelSource> fromGraph(std::shared_ptr<const model::Graph> graph);
Result<ModelSource> fromGraph(model::Graph graph);
// Reads a .tflite file; errors name the problem.
Result<ModelSource> openModel(const std::string& path);

// Keep-float items as a user names them — an operator by the file's numbering ("12"), a tensor name, an
// operator type — as the quantizer reads them on `work`. An index that is not an operator of the file, or
// that names a QUANTIZE / DEQUANTIZE the quantizer places itself, is an error that says so.
Result<std::vector<std::string>> keepFloatOnWork(const ModelSource& m, const std::vector<std::string>& items);

// Operator numbers of `work` (analysis results, the sensitivity's choice) in the file's numbering; those
// without a counterpart are dropped.
std::vector<int> toFileOps(const ModelSource& m, const std::vector<int>& workOps);
std::vector<int> toWorkOps(const ModelSource& m, const std::vector<int>& fileOps);

} // namespace ql::pipeline
