// SPDX-License-Identifier: MIT
// Reading a .tflite file into the graph IR. The file is memory-mapped and run through the
// FlatBuffers verifier before anything else touches it; every index, shape, data size and
// quantization vector is then checked (see validate.h), so a graph that reads cleanly is safe for
// the rest of the engine. Tensor data stay views into the mapping.
#pragma once

#include "core/result.h"
#include "model/graph.h"

#include <memory>
#include <string>

namespace ql::model {

Result<Graph> readTflite(const std::string& path);
Result<Graph> readTflite(std::shared_ptr<const MappedFile> file);

} // namespace ql::model
