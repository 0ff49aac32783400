// SPDX-License-Identifier: MIT
// Finding a ZIP archive appended to a model file (TFLite metadata keeps "associated files" such as
// label lists that way).
#pragma once

#include <cstdint>
#include <span>

namespace ql::model {

// The ZIP archive at the end of `file`, from its first local file header to the end of the file,
// or an empty span when the file does not end with a well-formed ZIP directory.
std::span<const std::uint8_t> findZipTail(std::span<const std::uint8_t> file);

} // namespace ql::model

#include "core/result.h"

#include <string>
#include <vector>

namespace ql::model {

// A copy of the ZIP archive `zip`, which started at byte `oldStart` of its file, fixed up to start at
// byte `newStart` of another file: archives whose directory stores absolute file offsets (as ones
// appended by Python's zipfile do) get those offsets moved; archives with relative offsets are
// copied unchanged.
std::vector<std::uint8_t> relocateZip(
    std::span<const std::uint8_t> zip, std::uint64_t oldStart, std::uint64_t newStart);

// One member of an associated-files archive, uncompressed.
struct ZipMember {
    std::string name;
    std::vector<std::uint8_t> data;
};

// The members of the ZIP archive `zip` (as findZipTail returns it; offsets may be relative to the archive
// or to its file), stored or deflated. Members with another compression, encryption or a claimed size over
// 64 MiB are skipped; a damaged archive gives an error that names what is wrong.
Result<std::vector<ZipMember>> readZipMembers(std::span<const std::uint8_t> zip);

// The lines of a label file (TFLite metadata's "one class per line"), trailing spaces and a final empty
// line dropped; empty when the text has more than `maxLines` lines.
std::vector<std::string> labelLines(std::span<const std::uint8_t> text, std::size_t maxLines = 100000);

} // namespace ql::model
