// SPDX-License-Identifier: MIT
// IDX files (MNIST / Fashion-MNIST), plain or gzip-compressed.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ql::data {

struct IdxArray {
    std::vector<std::int64_t> shape; // e.g. {10000, 28, 28}
    std::vector<std::uint8_t> data; // unsigned bytes (the only element type these data sets use)
};

// Reads an IDX file of unsigned bytes (type code 0x08); ".gz" files are decompressed.
Result<IdxArray> readIdx(const std::string& path);

} // namespace ql::data
