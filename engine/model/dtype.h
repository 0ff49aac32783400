// SPDX-License-Identifier: MIT
// Tensor element types. The numeric values are those of the TFLite TensorType enum, so that a
// value read from a file converts without a table.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace ql::model {

enum class DType : std::int8_t {
    Float32 = 0,
    Float16 = 1,
    Int32 = 2,
    UInt8 = 3,
    Int64 = 4,
    String = 5,
    Bool = 6,
    Int16 = 7,
    Complex64 = 8,
    Int8 = 9,
    Float64 = 10,
    Complex128 = 11,
    UInt64 = 12,
    Resource = 13,
    Variant = 14,
    UInt32 = 15,
    UInt16 = 16,
    Int4 = 17,
    BFloat16 = 18,
    Int2 = 19,
    UInt4 = 20,
    Float8E4M3FN = 21,
    Float8E5M2 = 22,
};

constexpr int kDTypeCount = 23;

inline bool isKnownDType(std::int64_t code)
{
    return code >= 0 && code < kDTypeCount;
}

// numpy-style lower-case name: "float32", "int8", "float16", "bool", "string", ...
std::string dtypeName(DType t);
std::optional<DType> dtypeFromName(const std::string& name);

// Bits one element takes in a dense buffer; 0 for types without a fixed size (string, resource,
// variant).
int dtypeBits(DType t);

// Bytes `count` elements take in a dense buffer (sub-byte types packed), or -1 when the type has no
// fixed size.
std::int64_t denseBytes(DType t, std::int64_t count);

} // namespace ql::model
