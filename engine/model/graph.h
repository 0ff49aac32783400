// SPDX-License-Identifier: MIT
// The in-memory graph IR of a TensorFlow Lite model. It mirrors what the file holds, field for
// field, so that reading and writing back is lossless; tensor data are views into the memory-mapped
// file (or into storage a pass owns), never copies. Builtin operator options use the object-API
// structs generated from the project's schema (engine/model/schema/tflite.fbs).
#pragma once

#include "core/file_io.h"
#include "model/dtype.h"
#include "tflite_generated.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace ql::model {

struct Quantization {
    std::vector<float> min;
    std::vector<float> max;
    std::vector<float> scale;
    std::vector<std::int64_t> zeroPoint;
    std::int32_t quantizedDimension = 0;
    // Extra schemes (custom bytes, blockwise, multi-axis), kept as they are.
    tflite::QuantizationDetailsUnion details;

    bool hasScale() const { return !scale.empty(); }
    bool perChannel() const { return scale.size() > 1; }
    bool empty() const
    {
        return min.empty() && max.empty() && scale.empty() && zeroPoint.empty() &&
            details.type == tflite::QuantizationDetails::NONE && quantizedDimension == 0;
    }
    bool operator==(const Quantization&) const = default;
};

struct VariantSubType {
    std::vector<std::int32_t> shape;
    DType dtype = DType::Float32;
    bool hasRank = false;
    bool operator==(const VariantSubType&) const = default;
};

// A constant's bytes: a view into the model file, or into `owned` when a pass made new data.
struct Buffer {
    std::span<const std::uint8_t> data;
    std::shared_ptr<const std::vector<std::uint8_t>> owned;
    // True when the file stored the data outside the flatbuffer (offset/size form, models over 2 GB).
    bool external = false;

    static Buffer fromOwned(std::vector<std::uint8_t> bytes);
};

struct Tensor {
    std::string name;
    DType dtype = DType::Float32;
    std::vector<std::int32_t> shape;
    std::vector<std::int32_t> shapeSignature; // -1 marks a dimension only known at run time
    std::uint32_t buffer = 0; // index into Graph::buffers; buffer 0 is the empty one
    Quantization quantization;
    bool isVariable = false;
    bool hasRank = false;
    // Sparse constants are detected and kept as they are; nothing here densifies them yet.
    std::shared_ptr<const tflite::SparsityParametersT> sparsity;
    std::vector<VariantSubType> variantTensors;
    std::uint32_t externalBuffer = 0; // id of an ExternalBuffer holding the data in another file; 0 = none

    bool isSparse() const { return sparsity != nullptr; }
    // Number of elements of `shape` (1 for a scalar). Shapes are checked by the reader, so this
    // cannot overflow for a graph that came from readTflite.
    std::int64_t elementCount() const;
};

struct OperatorCode {
    // The builtin operator. Codes above 127 are stored in the file's `builtin_code` with
    // `deprecated_builtin_code` = 127; this is the resolved value.
    tflite::BuiltinOperator builtin = tflite::BuiltinOperator::ADD;
    std::string customCode; // set for CUSTOM operators
    std::int32_t version = 1;
    bool operator==(const OperatorCode&) const = default;
};

struct Operator {
    std::uint32_t opcodeIndex = 0;
    std::vector<std::int32_t> inputs; // -1 marks an omitted optional input
    std::vector<std::int32_t> outputs;
    std::vector<std::int32_t> intermediates;
    tflite::BuiltinOptionsUnion options;
    tflite::BuiltinOptions2Union options2;
    std::vector<std::uint8_t> customOptions; // inline or from the large-custom-options form
    tflite::CustomOptionsFormat customOptionsFormat = tflite::CustomOptionsFormat::FLEXBUFFERS;
    std::vector<bool> mutatingVariableInputs;
    std::int32_t debugMetadataIndex = -1;
};

struct Subgraph {
    std::string name;
    std::vector<Tensor> tensors;
    std::vector<std::int32_t> inputs;
    std::vector<std::int32_t> outputs;
    std::vector<Operator> operators; // in execution order
    std::int32_t debugMetadataIndex = -1;
};

struct Metadata {
    std::string name;
    std::uint32_t buffer = 0;
    bool operator==(const Metadata&) const = default;
};

struct SignatureTensor {
    std::string name;
    std::uint32_t tensorIndex = 0;
    bool operator==(const SignatureTensor&) const = default;
};

struct SignatureDef {
    std::string key;
    std::uint32_t subgraphIndex = 0;
    std::vector<SignatureTensor> inputs;
    std::vector<SignatureTensor> outputs;
    bool operator==(const SignatureDef&) const = default;
};

// Constant data kept in files beside the model (a newer TFLite form); recorded, not loaded.
struct ExternalBufferGroup {
    std::string name;
    bool operator==(const ExternalBufferGroup&) const = default;
};

struct ExternalBuffer {
    std::uint32_t id = 0;
    std::uint32_t group = 0;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    std::string packing;
    bool operator==(const ExternalBuffer&) const = default;
};

struct Graph {
    std::uint32_t version = 3;
    std::string description;
    std::vector<OperatorCode> opcodes;
    std::vector<Subgraph> subgraphs;
    std::vector<Buffer> buffers;
    std::vector<std::int32_t> metadataBuffer; // the deprecated list of buffer indices
    std::vector<Metadata> metadata;
    std::vector<SignatureDef> signatureDefs;
    std::vector<ExternalBufferGroup> externalBufferGroups;
    std::vector<ExternalBuffer> externalBuffers;

    // Bytes after the flatbuffer that form a ZIP archive of associated files (the TFLite metadata
    // convention, e.g. a labels file), and where they started in the file. Written back after the model.
    std::span<const std::uint8_t> associatedFiles;
    std::uint64_t associatedFilesOffset = 0;

    // Where the graph came from; keeps the mapping that buffers view alive.
    std::shared_ptr<const MappedFile> file;
    std::uint64_t fileSize = 0;

    const Subgraph& main() const { return subgraphs.front(); }
    tflite::BuiltinOperator opcodeOf(const Operator& op) const { return opcodes[op.opcodeIndex].builtin; }
    // Name of an operator's kind: the builtin name ("CONV_2D") or the custom code.
    std::string opName(const Operator& op) const;
    std::span<const std::uint8_t> tensorData(const Tensor& t) const { return buffers[t.buffer].data; }
    bool isConstant(const Tensor& t) const { return !buffers[t.buffer].data.empty(); }
};

// Name of a builtin operator as TFLite spells it ("CONV_2D"), or "UNKNOWN_<code>".
std::string builtinName(tflite::BuiltinOperator op);

} // namespace ql::model
