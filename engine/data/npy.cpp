// SPDX-License-Identifier: MIT
#include "data/npy.h"

#include "core/file_io.h"

#include <cstring>

namespace ql::data {

namespace {

using model::DType;

struct DescrEntry {
    const char* descr;
    DType dtype;
};

// '<' little-endian, '|' not applicable (one byte); '=' native is little-endian here too.
constexpr DescrEntry kDescrs[] = {
    {"f4", DType::Float32},
    {"f2", DType::Float16},
    {"f8", DType::Float64},
    {"i1", DType::Int8},
    {"u1", DType::UInt8},
    {"i2", DType::Int16},
    {"u2", DType::UInt16},
    {"i4", DType::Int32},
    {"u4", DType::UInt32},
    {"i8", DType::Int64},
    {"u8", DType::UInt64},
    {"b1", DType::Bool},
    {"c8", DType::Complex64},
    {"c16", DType::Complex128},
};

std::string trim(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\n");
    const auto e = s.find_last_not_of(" \t\n");
    return b == std::string::npos ? std::string{} : s.substr(b, e - b + 1);
}

// Value of `key` in the header dict, as its literal text.
std::string dictValue(const std::string& header, const std::string& key)
{
    const auto k = header.find("'" + key + "'");
    if (k == std::string::npos)
        return {};
    auto p = header.find(':', k);
    if (p == std::string::npos)
        return {};
    ++p;
    const auto start = header.find_first_not_of(' ', p);
    if (start == std::string::npos)
        return {};
    std::size_t end = start;
    if (header[start] == '(') {
        end = header.find(')', start);
        return end == std::string::npos ? std::string{} : header.substr(start, end - start + 1);
    }
    if (header[start] == '\'') {
        end = header.find('\'', start + 1);
        return end == std::string::npos ? std::string{} : header.substr(start, end - start + 1);
    }
    end = header.find_first_of(",}", start);
    return trim(header.substr(start, end - start));
}

} // namespace

std::int64_t NpyArray::elementCount() const
{
    std::int64_t n = 1;
    for (auto d : shape)
        n *= d;
    return n;
}

std::string npyDescr(DType t)
{
    for (const auto& e : kDescrs)
        if (e.dtype == t) {
            const bool oneByte = model::dtypeBits(t) == 8;
            return std::string(oneByte ? "|" : "<") + e.descr;
        }
    return {};
}

Result<NpyArray> parseNpy(const std::vector<std::uint8_t>& bytes, const std::string& name)
{
    auto fail = [&](const std::string& why) { return Error{name + ": not a usable .npy file: " + why}; };
    static const std::uint8_t magic[] = {0x93, 'N', 'U', 'M', 'P', 'Y'};
    if (bytes.size() < 10 || std::memcmp(bytes.data(), magic, 6) != 0)
        return fail("the NumPy magic bytes are missing");
    const int major = bytes[6];
    std::size_t headerLen = 0;
    std::size_t offset = 0;
    if (major == 1) {
        headerLen = bytes[8] | bytes[9] << 8;
        offset = 10;
    } else if (major == 2 || major == 3) {
        if (bytes.size() < 12)
            return fail("the header is truncated");
        headerLen = static_cast<std::size_t>(bytes[8]) | static_cast<std::size_t>(bytes[9]) << 8 |
            static_cast<std::size_t>(bytes[10]) << 16 | static_cast<std::size_t>(bytes[11]) << 24;
        offset = 12;
    } else {
        return fail("format version " + std::to_string(major) + " is not supported");
    }
    if (headerLen > bytes.size() - offset)
        return fail("the header is truncated");
    const std::string header(reinterpret_cast<const char*>(bytes.data() + offset), headerLen);
    offset += headerLen;

    NpyArray a;
    std::string descr = dictValue(header, "descr");
    if (descr.size() < 4 || descr.front() != '\'' || descr.back() != '\'')
        return fail("the header has no dtype ('descr')");
    descr = descr.substr(1, descr.size() - 2);
    const char order = descr[0];
    if (order == '>')
        return fail("big-endian data (" + descr + ") is not supported");
    bool found = false;
    for (const auto& e : kDescrs)
        if (descr.substr(1) == e.descr && (order == '<' || order == '|' || order == '=')) {
            a.dtype = e.dtype;
            found = true;
        }
    if (!found)
        return fail("dtype '" + descr + "' is not supported");
    if (dictValue(header, "fortran_order") != "False")
        return fail("Fortran-ordered arrays are not supported");
    const std::string shape = dictValue(header, "shape");
    if (shape.size() < 2)
        return fail("the header has no shape");
    std::string dims = shape.substr(1, shape.size() - 2);
    std::size_t pos = 0;
    while (pos < dims.size()) {
        const auto comma = dims.find(',', pos);
        const std::string item = trim(dims.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos));
        if (!item.empty()) {
            std::int64_t d = 0;
            for (char c : item) {
                if (c < '0' || c > '9' || d > (std::int64_t{1} << 40))
                    return fail("shape " + shape + " is not a list of sizes");
                d = d * 10 + (c - '0');
            }
            a.shape.push_back(d);
        }
        if (comma == std::string::npos)
            break;
        pos = comma + 1;
    }
    const std::int64_t count = a.elementCount();
    const std::int64_t need = model::denseBytes(a.dtype, count);
    if (need < 0 || static_cast<std::uint64_t>(need) != bytes.size() - offset)
        return fail("shape " + shape + " of " + descr + " needs " + std::to_string(need) +
            " bytes of data, the file has " + std::to_string(bytes.size() - offset));
    a.data.assign(bytes.begin() + static_cast<std::ptrdiff_t>(offset), bytes.end());
    return a;
}

Result<NpyArray> readNpy(const std::string& path)
{
    auto file = MappedFile::open(path);
    if (!file)
        return file.error();
    const auto b = (*file)->bytes();
    return parseNpy(std::vector<std::uint8_t>(b.begin(), b.end()), path);
}

std::vector<std::uint8_t> serializeNpy(const NpyArray& a)
{
    // numpy spells a 1-tuple "(3,)" and a 0-tuple "()".
    std::string shape = "(";
    for (std::size_t i = 0; i < a.shape.size(); ++i)
        shape += (i ? ", " : "") + std::to_string(a.shape[i]);
    shape += a.shape.size() == 1 ? ",)" : ")";
    std::string header = "{'descr': '" + npyDescr(a.dtype) + "', 'fortran_order': False, 'shape': " + shape + ", }";
    // Pad with spaces so that the data start at a multiple of 64, ending the header with '\n'.
    const std::size_t total = (10 + header.size() + 1 + 63) / 64 * 64;
    header.append(total - 10 - header.size() - 1, ' ');
    header += '\n';
    std::vector<std::uint8_t> out = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0,
        static_cast<std::uint8_t>(header.size() & 0xff), static_cast<std::uint8_t>(header.size() >> 8)};
    out.insert(out.end(), header.begin(), header.end());
    out.insert(out.end(), a.data.begin(), a.data.end());
    return out;
}

Status writeNpy(const std::string& path, const NpyArray& a)
{
    if (npyDescr(a.dtype).empty())
        return Error{path + ": NumPy has no dtype for " + model::dtypeName(a.dtype)};
    return writeFileAtomically(path, serializeNpy(a));
}

} // namespace ql::data
