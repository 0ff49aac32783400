// SPDX-License-Identifier: MIT
#include "data/idx.h"

#include "core/file_io.h"

#include <zlib.h>

namespace ql::data {

namespace {

Result<std::vector<std::uint8_t>> readAll(const std::string& path)
{
    auto file = MappedFile::open(path);
    if (!file)
        return file.error();
    const auto b = (*file)->bytes();
    const bool gz = b.size() >= 2 && b[0] == 0x1f && b[1] == 0x8b;
    if (!gz)
        return std::vector<std::uint8_t>(b.begin(), b.end());
    std::vector<std::uint8_t> out;
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 32) != Z_OK)
        return Error{path + ": cannot start decompression"};
    zs.next_in = const_cast<Bytef*>(b.data());
    zs.avail_in = static_cast<uInt>(b.size());
    std::uint8_t chunk[1 << 16];
    int rc = Z_OK;
    while (rc == Z_OK) {
        zs.next_out = chunk;
        zs.avail_out = sizeof chunk;
        rc = inflate(&zs, Z_NO_FLUSH);
        out.insert(out.end(), chunk, chunk + (sizeof chunk - zs.avail_out));
        if (out.size() > (std::size_t{1} << 32)) {
            rc = Z_MEM_ERROR;
            break;
        }
    }
    inflateEnd(&zs);
    if (rc != Z_STREAM_END)
        return Error{path + ": damaged gzip data (zlib error " + std::to_string(rc) + ")"};
    return out;
}

} // namespace

Result<IdxArray> readIdx(const std::string& path)
{
    auto bytes = readAll(path);
    if (!bytes)
        return bytes.error();
    const auto& b = *bytes;
    if (b.size() < 4 || b[0] != 0 || b[1] != 0)
        return Error{path + ": not an IDX file (bad magic number)"};
    if (b[2] != 0x08)
        return Error{path + ": IDX element type 0x" + std::to_string(b[2]) + " is not supported (only unsigned bytes)"};
    const int rank = b[3];
    if (rank < 1 || b.size() < 4 + 4 * static_cast<std::size_t>(rank))
        return Error{path + ": IDX header is truncated"};
    IdxArray a;
    std::uint64_t count = 1;
    for (int i = 0; i < rank; ++i) {
        const std::size_t at = 4 + 4 * static_cast<std::size_t>(i);
        const std::uint64_t d = static_cast<std::uint64_t>(b[at]) << 24 | static_cast<std::uint64_t>(b[at + 1]) << 16 |
            static_cast<std::uint64_t>(b[at + 2]) << 8 | b[at + 3];
        a.shape.push_back(static_cast<std::int64_t>(d));
        count *= d;
        if (count > (std::uint64_t{1} << 34))
            return Error{path + ": IDX dimensions are implausibly large"};
    }
    const std::size_t header = 4 + 4 * static_cast<std::size_t>(rank);
    if (b.size() - header != count)
        return Error{path + ": IDX data has " + std::to_string(b.size() - header) + " bytes, its header announces " +
            std::to_string(count)};
    a.data.assign(b.begin() + static_cast<std::ptrdiff_t>(header), b.end());
    return a;
}

} // namespace ql::data
