// SPDX-License-Identifier: MIT
// Writing a graph as a .tflite file.
//
// What a read -> write -> read round trip keeps: every tensor (name, dtype, shape, shape signature,
// data bytes, quantization incl. min/max and custom details, variable flag, sparsity, variant
// sub-types), every operator code, operator (inputs, outputs, intermediates, builtin options of both
// option sets, custom options, mutating-variable flags, debug metadata index), subgraph, buffer,
// signature def, metadata entry, the description and the appended ZIP of associated files.
// What it does not keep byte for byte: the flatbuffer's internal layout (object order, vtable
// sharing, padding); an empty quantization table is dropped (it means the same as none); large custom
// options written in the offset form come back inline; any other unreferenced bytes after the
// flatbuffer that are not a ZIP archive are dropped.
#pragma once

#include "core/result.h"
#include "model/graph.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ql::model {

struct WriteOptions {
    // Store constant data after the flatbuffer with offset/size (the form TFLite uses for models
    // over 2 GB). Chosen automatically when the data would not fit inline.
    bool externalBuffers = false;
};

Result<std::vector<std::uint8_t>> serializeTflite(const Graph& g, const WriteOptions& options = {});

// Serializes and writes atomically: an existing file at `path` is replaced only once the new one
// is complete on disk.
Status writeTflite(const Graph& g, const std::string& path, const WriteOptions& options = {});

} // namespace ql::model
