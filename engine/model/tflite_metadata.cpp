// SPDX-License-Identifier: MIT
// The layout read here (TFLite Support's metadata schema, as fields numbered from 0):
//   ModelMetadata:     3 subgraph_metadata  [SubGraphMetadata]
//   SubGraphMetadata:  2 input_tensor_metadata [TensorMetadata]
//   TensorMetadata:    4 process_units [ProcessUnit]
//   ProcessUnit:       0 options_type (union tag, 1 = NormalizationOptions), 1 options
//   NormalizationOptions: 0 mean [float], 1 std [float]
#include "model/tflite_metadata.h"

#include <cmath>
#include <cstdint>
#include <cstring>

namespace ql::model {

namespace {

// A flatbuffer read with every offset checked against the buffer.
class Reader {
public:
    explicit Reader(std::span<const std::uint8_t> b)
        : m_b(b)
    {
    }

    // A little-endian scalar at byte `at`, if it lies inside the buffer.
    template <class T> std::optional<T> read(std::size_t at) const
    {
        if (at > m_b.size() || m_b.size() - at < sizeof(T))
            return std::nullopt;
        T v;
        std::memcpy(&v, m_b.data() + at, sizeof(T));
        return v;
    }
    std::optional<std::uint32_t> u32(std::size_t at) const { return read<std::uint32_t>(at); }
    std::optional<std::uint16_t> u16(std::size_t at) const { return read<std::uint16_t>(at); }
    std::optional<std::uint8_t> u8(std::size_t at) const { return read<std::uint8_t>(at); }
    // The position of field `id` of the table at `table`, or nothing when the field is absent.
    std::optional<std::size_t> field(std::size_t table, int id) const
    {
        const auto soffset = u32(table);
        if (!soffset)
            return std::nullopt;
        const auto vtable = static_cast<std::int64_t>(table) - static_cast<std::int32_t>(*soffset);
        if (vtable < 0)
            return std::nullopt;
        const auto vt = static_cast<std::size_t>(vtable);
        const auto vlen = u16(vt);
        const std::size_t slot = 4 + 2 * static_cast<std::size_t>(id);
        if (!vlen || slot + 2 > *vlen)
            return std::nullopt;
        const auto off = u16(vt + slot);
        if (!off || *off == 0)
            return std::nullopt;
        return table + *off;
    }
    // Follows the offset stored at `at`.
    std::optional<std::size_t> deref(std::size_t at) const
    {
        const auto off = u32(at);
        if (!off)
            return std::nullopt;
        const std::size_t to = at + *off;
        return to < m_b.size() ? std::optional<std::size_t>(to) : std::nullopt;
    }
    // The vector whose offset is stored at `at`: its first element's position and its length.
    std::optional<std::pair<std::size_t, std::uint32_t>> vector(std::size_t at, std::size_t elementSize) const
    {
        const auto v = deref(at);
        if (!v)
            return std::nullopt;
        const auto n = u32(*v);
        if (!n || (m_b.size() - *v - 4) / elementSize < *n)
            return std::nullopt;
        return std::pair{*v + 4, *n};
    }
    // The table that element `k` of a vector of tables points at.
    std::optional<std::size_t> tableAt(std::size_t vectorField, std::uint32_t k) const
    {
        const auto v = vector(vectorField, 4);
        if (!v || k >= v->second)
            return std::nullopt;
        return deref(v->first + 4 * static_cast<std::size_t>(k));
    }
    std::optional<std::vector<float>> floats(std::size_t vectorField) const
    {
        const auto v = vector(vectorField, 4);
        if (!v)
            return std::nullopt;
        std::vector<float> out(v->second);
        std::memcpy(out.data(), m_b.data() + v->first, 4 * static_cast<std::size_t>(v->second));
        return out;
    }

private:
    std::span<const std::uint8_t> m_b;
};

bool usable(const std::vector<float>& v, bool positive)
{
    if (v.empty() || v.size() > 4096)
        return false;
    for (float x : v)
        if (!std::isfinite(x) || (positive && !(x > 0)))
            return false;
    return true;
}

} // namespace

std::optional<InputNormalization> inputNormalization(std::span<const std::uint8_t> metadata, std::size_t input)
{
    const Reader r(metadata);
    if (metadata.size() < 8 || std::memcmp(metadata.data() + 4, "M001", 4) != 0)
        return std::nullopt;
    const auto root = r.deref(0);
    const auto subgraphs = root ? r.field(*root, 3) : std::nullopt;
    const auto subgraph = subgraphs ? r.tableAt(*subgraphs, 0) : std::nullopt;
    const auto inputs = subgraph ? r.field(*subgraph, 2) : std::nullopt;
    const auto tensor = inputs ? r.tableAt(*inputs, static_cast<std::uint32_t>(input)) : std::nullopt;
    const auto units = tensor ? r.field(*tensor, 4) : std::nullopt;
    const auto count = units ? r.vector(*units, 4) : std::nullopt;
    if (!count)
        return std::nullopt;
    for (std::uint32_t k = 0; k < count->second; ++k) {
        const auto unit = r.tableAt(*units, k);
        const auto tag = unit ? r.field(*unit, 0) : std::nullopt;
        const auto options = unit ? r.field(*unit, 1) : std::nullopt;
        if (!tag || !options || r.u8(*tag) != std::uint8_t{1})
            continue;
        const auto table = r.deref(*options);
        const auto mean = table ? r.field(*table, 0) : std::nullopt;
        const auto stddev = table ? r.field(*table, 1) : std::nullopt;
        if (!mean || !stddev)
            continue;
        auto m = r.floats(*mean);
        auto s = r.floats(*stddev);
        if (m && s && usable(*m, false) && usable(*s, true) &&
            (m->size() == s->size() || m->size() == 1 || s->size() == 1))
            return InputNormalization{std::move(*m), std::move(*s)};
    }
    return std::nullopt;
}

std::optional<InputNormalization> inputNormalization(const Graph& g, std::size_t input)
{
    for (const auto& m : g.metadata)
        if (m.name == "TFLITE_METADATA" && m.buffer < g.buffers.size())
            return inputNormalization(g.buffers[m.buffer].data, input);
    return std::nullopt;
}

} // namespace ql::model
