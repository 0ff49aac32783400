// SPDX-License-Identifier: MIT
#include "model/zip_tail.h"

#include <zlib.h>

#include <algorithm>
#include <cstddef>
#include <limits>

namespace ql::model {

namespace {

// ZIP record layouts (PKWARE APPNOTE): end of central directory (22 bytes + comment) and
// central directory file header (46 bytes + name + extra + comment).
constexpr std::uint32_t kEndOfDirectory = 0x06054b50;
constexpr std::uint32_t kDirectoryEntry = 0x02014b50;
constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::size_t kEndSize = 22;
constexpr std::size_t kEntrySize = 46;

std::uint32_t le32(std::span<const std::uint8_t> b, std::size_t at)
{
    return static_cast<std::uint32_t>(b[at]) | static_cast<std::uint32_t>(b[at + 1]) << 8 |
        static_cast<std::uint32_t>(b[at + 2]) << 16 | static_cast<std::uint32_t>(b[at + 3]) << 24;
}

std::uint16_t le16(std::span<const std::uint8_t> b, std::size_t at)
{
    return static_cast<std::uint16_t>(b[at] | b[at + 1] << 8);
}

struct EndRecord {
    std::size_t at; // position of the end record
    std::size_t entries;
    std::size_t dirStart; // position of the central directory
    std::size_t dirOffset; // the offset the end record stores for it
};

// The end record of a ZIP archive that ends exactly at the end of `b`.
bool findEnd(std::span<const std::uint8_t> b, EndRecord& out, bool offsetsMayBeAbsolute = false)
{
    if (b.size() < kEndSize)
        return false;
    // The end record sits in the last 22 + 65535 (longest comment) bytes.
    const std::size_t lowest = b.size() > kEndSize + 0xffff ? b.size() - kEndSize - 0xffff : 0;
    for (std::size_t at = b.size() - kEndSize + 1; at-- > lowest;) {
        if (le32(b, at) != kEndOfDirectory || at + kEndSize + le16(b, at + 20) != b.size())
            continue; // the comment must reach exactly to the end
        const std::size_t dirSize = le32(b, at + 12);
        const std::size_t dirOffset = le32(b, at + 16);
        if (dirSize > at)
            return false;
        out = {at, le16(b, at + 10), at - dirSize, dirOffset};
        return out.entries > 0 && (offsetsMayBeAbsolute || out.dirOffset <= out.dirStart);
    }
    return false;
}

void putLe32(std::vector<std::uint8_t>& b, std::size_t at, std::uint64_t v)
{
    for (int i = 0; i < 4; ++i)
        b[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (8 * i));
}

} // namespace

std::span<const std::uint8_t> findZipTail(std::span<const std::uint8_t> file)
{
    EndRecord end{};
    if (file.size() < kEndSize + 8 || !findEnd(file, end))
        return {};
    // Offsets are relative to the archive start, or absolute file offsets when a writer appended
    // the archive to an existing file: `shift` covers both.
    const std::size_t shift = end.dirStart - end.dirOffset;
    std::size_t first = end.at;
    std::size_t p = end.dirStart;
    for (std::size_t e = 0; e < end.entries; ++e) {
        if (p + kEntrySize > end.at || le32(file, p) != kDirectoryEntry)
            return {};
        const std::size_t local = le32(file, p + 42);
        if (local > end.dirOffset)
            return {};
        first = std::min(first, shift + local);
        p += kEntrySize + le16(file, p + 28) + le16(file, p + 30) + le16(file, p + 32);
    }
    if (first < 8 || first + 4 > file.size() || le32(file, first) != kLocalHeader)
        return {};
    return file.subspan(first);
}

std::vector<std::uint8_t> relocateZip(std::span<const std::uint8_t> zip, std::uint64_t oldStart, std::uint64_t newStart)
{
    std::vector<std::uint8_t> out(zip.begin(), zip.end());
    EndRecord end{};
    if (!findEnd(zip, end) || oldStart == newStart)
        return out;
    // Within `zip` the directory sits at end.dirStart; it stores end.dirOffset. Relative offsets
    // store the same number; absolute ones store oldStart more.
    if (end.dirOffset != end.dirStart + oldStart)
        return out;
    const auto move = [&](std::uint64_t v) { return v - oldStart + newStart; };
    putLe32(out, end.at + 16, move(end.dirOffset));
    std::size_t p = end.dirStart;
    for (std::size_t e = 0; e < end.entries && p + kEntrySize <= end.at; ++e) {
        putLe32(out, p + 42, move(le32(zip, p + 42)));
        p += kEntrySize + le16(zip, p + 28) + le16(zip, p + 30) + le16(zip, p + 32);
    }
    return out;
}

namespace {

constexpr std::size_t kLocalSize = 30;
constexpr std::uint64_t kMaxMember = 64ull << 20;
constexpr std::uint64_t kMaxTotal = 64ull << 20; // all members together: a small archive cannot claim gigabytes

Result<std::vector<std::uint8_t>> inflateRaw(std::span<const std::uint8_t> in, std::size_t size)
{
    std::vector<std::uint8_t> out(size);
    if (size == 0)
        return out; // zlib refuses a null output buffer; an empty member needs no inflating
    z_stream z{};
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
        return Error{"cannot start zlib"};
    z.next_in = const_cast<Bytef*>(in.data()); // zlib's API is not const-correct; it does not write here
    z.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size(), std::numeric_limits<uInt>::max()));
    z.next_out = out.data();
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = inflate(&z, Z_FINISH);
    const std::size_t produced = out.size() - z.avail_out;
    inflateEnd(&z);
    if (rc != Z_STREAM_END || produced != size)
        return Error{"damaged compressed data"};
    return out;
}

} // namespace

Result<std::vector<ZipMember>> readZipMembers(std::span<const std::uint8_t> zip)
{
    EndRecord end{};
    if (!findEnd(zip, end, true))
        return Error{"associated files: no ZIP directory at the end of the file"};
    // The directory stores offsets from the archive's start, or from the start of the file it was appended
    // to: `origin` is where that reference point lies before `zip` (0 when relative).
    const std::size_t origin = end.dirOffset > end.dirStart ? end.dirOffset - end.dirStart : 0;
    std::vector<ZipMember> members;
    std::vector<std::size_t> seen; // local headers already read: two entries may not share one
    std::uint64_t total = 0;
    std::size_t p = end.dirStart;
    for (std::size_t e = 0; e < end.entries; ++e) {
        if (p + kEntrySize > end.at || le32(zip, p) != kDirectoryEntry)
            return Error{"associated files: damaged ZIP directory entry " + std::to_string(e)};
        const std::uint16_t flags = le16(zip, p + 8);
        const std::uint16_t method = le16(zip, p + 10);
        const std::uint64_t packed = le32(zip, p + 20);
        const std::uint64_t size = le32(zip, p + 24);
        const std::size_t nameLength = le16(zip, p + 28);
        const std::size_t next = p + kEntrySize + nameLength + le16(zip, p + 30) + le16(zip, p + 32);
        if (next > end.at)
            return Error{"associated files: damaged ZIP directory entry " + std::to_string(e)};
        ZipMember m;
        m.name.assign(reinterpret_cast<const char*>(zip.data() + p + kEntrySize), nameLength);
        const std::size_t local = le32(zip, p + 42);
        p = next;
        if ((flags & 1) != 0 || (method != 0 && method != 8) || size > kMaxMember || m.name.ends_with('/'))
            continue; // encrypted, another compression, huge, or a folder
        if (local < origin || local - origin + kLocalSize > end.dirStart)
            return Error{"associated files: '" + m.name + "' points outside the archive"};
        const std::size_t at = local - origin;
        if (std::find(seen.begin(), seen.end(), at) != seen.end())
            return Error{"associated files: '" + m.name + "' shares its data with another member"};
        seen.push_back(at);
        if ((total += size) > kMaxTotal)
            return Error{"associated files: more than 64 MiB uncompressed"};
        if (le32(zip, at) != kLocalHeader)
            return Error{"associated files: '" + m.name + "' has no local header"};
        const std::size_t dataAt = at + kLocalSize + le16(zip, at + 26) + le16(zip, at + 28);
        if (dataAt > end.dirStart || packed > end.dirStart - dataAt)
            return Error{"associated files: '" + m.name + "' runs past the archive"};
        const auto bytes = zip.subspan(dataAt, static_cast<std::size_t>(packed));
        if (method == 0) {
            if (packed != size)
                return Error{"associated files: '" + m.name + "' is stored with two different sizes"};
            m.data.assign(bytes.begin(), bytes.end());
        } else {
            auto out = inflateRaw(bytes, static_cast<std::size_t>(size));
            if (!out)
                return Error{"associated files: '" + m.name + "': " + out.error().message};
            m.data = std::move(*out);
        }
        members.push_back(std::move(m));
    }
    return members;
}

std::vector<std::string> labelLines(std::span<const std::uint8_t> text, std::size_t maxLines)
{
    std::vector<std::string> lines;
    if (static_cast<std::size_t>(std::count(text.begin(), text.end(), std::uint8_t{'\n'})) > maxLines)
        return lines; // not a label list (and not worth a string per line)
    std::string line;
    for (std::uint8_t c : text) {
        if (c == '\n') {
            while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
                line.pop_back();
            lines.push_back(std::move(line));
            line.clear();
        } else {
            line.push_back(static_cast<char>(c));
        }
    }
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
        line.pop_back();
    if (!line.empty())
        lines.push_back(std::move(line));
    return lines;
}

} // namespace ql::model
