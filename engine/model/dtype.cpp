// SPDX-License-Identifier: MIT
#include "model/dtype.h"

#include <array>
#include <string_view>

namespace ql::model {

namespace {

struct DTypeInfo {
    std::string_view name;
    int bits;
};

constexpr std::array<DTypeInfo, kDTypeCount> kInfo{{
    {"float32", 32},
    {"float16", 16},
    {"int32", 32},
    {"uint8", 8},
    {"int64", 64},
    {"string", 0},
    {"bool", 8},
    {"int16", 16},
    {"complex64", 64},
    {"int8", 8},
    {"float64", 64},
    {"complex128", 128},
    {"uint64", 64},
    {"resource", 0},
    {"variant", 0},
    {"uint32", 32},
    {"uint16", 16},
    {"int4", 4},
    {"bfloat16", 16},
    {"int2", 2},
    {"uint4", 4},
    {"float8_e4m3fn", 8},
    {"float8_e5m2", 8},
}};

} // namespace

std::string dtypeName(DType t)
{
    const auto i = static_cast<int>(t);
    if (i < 0 || i >= kDTypeCount)
        return "unknown(" + std::to_string(i) + ")";
    return std::string(kInfo[static_cast<std::size_t>(i)].name);
}

std::optional<DType> dtypeFromName(const std::string& name)
{
    for (int i = 0; i < kDTypeCount; ++i)
        if (kInfo[static_cast<std::size_t>(i)].name == name)
            return static_cast<DType>(i);
    return std::nullopt;
}

int dtypeBits(DType t)
{
    const auto i = static_cast<int>(t);
    return (i < 0 || i >= kDTypeCount) ? 0 : kInfo[static_cast<std::size_t>(i)].bits;
}

std::int64_t denseBytes(DType t, std::int64_t count)
{
    const int bits = dtypeBits(t);
    if (bits == 0)
        return -1;
    return (count * bits + 7) / 8;
}

} // namespace ql::model
