// SPDX-License-Identifier: MIT
// NumPy .npy arrays: reading (versions 1-3, little-endian, C order) and writing (version 1).
#pragma once

#include "core/result.h"
#include "model/dtype.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ql::data {

struct NpyArray {
    model::DType dtype = model::DType::Float32;
    std::vector<std::int64_t> shape;
    std::vector<std::uint8_t> data; // raw little-endian elements, C order

    std::int64_t elementCount() const;
};

Result<NpyArray> parseNpy(const std::vector<std::uint8_t>& bytes, const std::string& name);
Result<NpyArray> readNpy(const std::string& path);
std::vector<std::uint8_t> serializeNpy(const NpyArray& a);
Status writeNpy(const std::string& path, const NpyArray& a);

// "<f4", "|i1", ...: the numpy descr of a dtype, or "" when numpy has none (int4, bfloat16, ...).
std::string npyDescr(model::DType t);

} // namespace ql::data
