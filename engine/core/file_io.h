// SPDX-License-Identifier: MIT
// Read-only memory mapping of a file, and writing a file without ever leaving a half-written one.
#pragma once

#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace ql {

// A read-only view of a whole file. Shared so that views into it (tensor data) keep it alive.
class MappedFile {
public:
    static Result<std::shared_ptr<const MappedFile>> open(const std::string& path);
    // Wraps bytes already in memory (tests, fuzzing, data handed over by a GUI).
    static std::shared_ptr<const MappedFile> fromBytes(std::span<const std::uint8_t> bytes, std::string name);

    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    std::span<const std::uint8_t> bytes() const { return {m_data, m_size}; }
    const std::string& path() const { return m_path; }

private:
    MappedFile() = default;
    const std::uint8_t* m_data = nullptr;
    std::size_t m_size = 0;
    bool m_mapped = false;
    void* m_owned = nullptr; // aligned heap copy made by fromBytes
    std::string m_path;
};

// Writes `bytes` to a temporary file beside `path`, flushes it to disk and renames it over `path`.
// On any failure (full disk, no permission, ...) the temporary file is removed and an existing
// file at `path` is left exactly as it was.
Status writeFileAtomically(const std::string& path, std::span<const std::uint8_t> bytes);

} // namespace ql
