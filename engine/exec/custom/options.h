// SPDX-License-Identifier: MIT
// Reading a custom operator's options: a FlexBuffer map (verified first, so a hostile file cannot
// read out of bounds), or the raw C structs some MediaPipe operators store.
#pragma once

#include "core/result.h"

#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace ql::exec {

class FlexOptions {
public:
    // Empty options read as an empty map; bytes that are not a valid FlexBuffer map are an error.
    static Result<FlexOptions> parse(std::span<const std::uint8_t> bytes);

    bool has(const std::string& key) const;
    std::int64_t integer(const std::string& key, std::int64_t fallback) const;
    double number(const std::string& key, double fallback) const;
    bool boolean(const std::string& key, bool fallback) const;
    std::vector<std::int64_t> integers(const std::string& key) const;
    std::vector<double> numbers(const std::string& key) const;
    // The map's keys, in their stored (byte-sorted) order.
    std::vector<std::string> keys() const;
    // The value under `key` when it is an inline integer (signed, unsigned or bool); nothing when the
    // key is missing or holds anything else (a float, a string, an indirect value). For runtimes that
    // read options as raw inline integers (tflite-micro), where any other type would be misread.
    // Unsigned values above the int64 range read as its maximum.
    std::optional<std::int64_t> exactInteger(const std::string& key) const;

private:
    std::vector<std::uint8_t> m_bytes; // empty: no options
};

// Little-endian int32 field `index` of a raw options struct, or nothing when it is too short.
inline std::optional<std::int32_t> rawInt32(std::span<const std::uint8_t> bytes, std::size_t index)
{
    if (bytes.size() < (index + 1) * 4)
        return std::nullopt;
    std::int32_t v;
    std::memcpy(&v, bytes.data() + index * 4, 4);
    return v;
}

} // namespace ql::exec
