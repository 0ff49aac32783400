// SPDX-License-Identifier: MIT
#include "exec/custom/options.h"

#include <flatbuffers/flexbuffers.h>

#include <cstdint>
#include <cstring>
#include <string>

namespace ql::exec {

namespace {

flexbuffers::Reference lookup(const std::vector<std::uint8_t>& bytes, const std::string& key)
{
    if (bytes.empty())
        return flexbuffers::Reference();
    const auto map = flexbuffers::GetRoot(bytes.data(), bytes.size()).AsMap();
    return map[key.c_str()];
}

// Calls fn on each element of a vector, typed vector or fixed-size typed vector.
template <class F> void forEachElement(const flexbuffers::Reference& r, F fn)
{
    if (r.IsFixedTypedVector()) {
        const auto v = r.AsFixedTypedVector();
        for (std::size_t i = 0; i < v.size(); ++i)
            fn(v[i]);
    } else if (r.IsTypedVector()) {
        const auto v = r.AsTypedVector();
        for (std::size_t i = 0; i < v.size(); ++i)
            fn(v[i]);
    } else if (r.IsVector()) {
        const auto v = r.AsVector();
        for (std::size_t i = 0; i < v.size(); ++i)
            fn(v[i]);
    }
}

} // namespace

Result<FlexOptions> FlexOptions::parse(std::span<const std::uint8_t> bytes)
{
    FlexOptions o;
    if (bytes.empty())
        return o;
    if (!flexbuffers::VerifyBuffer(bytes.data(), bytes.size()))
        return Error{"the custom options are not a valid FlexBuffer"};
    const auto root = flexbuffers::GetRoot(bytes.data(), bytes.size());
    if (!root.IsMap())
        return Error{"the custom options are not a FlexBuffer map"};
    // The verifier of the FlatBuffers release Debian 12 ships accepts a key as soon as it sees one
    // non-zero byte, so a key may run off the end of the buffer; every lookup compares keys as C strings.
    const auto keys = root.AsMap().Keys();
    const auto* end = bytes.data() + bytes.size();
    for (std::size_t i = 0; i < keys.size(); ++i) {
        const auto* key = reinterpret_cast<const std::uint8_t*>(keys[i].AsKey());
        if (key < bytes.data() || key >= end || std::memchr(key, 0, static_cast<std::size_t>(end - key)) == nullptr)
            return Error{"the custom options are not a valid FlexBuffer: key " + std::to_string(i)
                + " is not terminated inside the options"};
    }
    o.m_bytes.assign(bytes.begin(), bytes.end());
    return o;
}

bool FlexOptions::has(const std::string& key) const
{
    return !lookup(m_bytes, key).IsNull();
}

std::int64_t FlexOptions::integer(const std::string& key, std::int64_t fallback) const
{
    const auto r = lookup(m_bytes, key);
    return r.IsNull() ? fallback : r.AsInt64();
}

double FlexOptions::number(const std::string& key, double fallback) const
{
    const auto r = lookup(m_bytes, key);
    return r.IsNull() ? fallback : r.AsDouble();
}

bool FlexOptions::boolean(const std::string& key, bool fallback) const
{
    const auto r = lookup(m_bytes, key);
    return r.IsNull() ? fallback : r.AsBool();
}

std::vector<std::int64_t> FlexOptions::integers(const std::string& key) const
{
    std::vector<std::int64_t> out;
    forEachElement(lookup(m_bytes, key), [&](const flexbuffers::Reference& e) { out.push_back(e.AsInt64()); });
    return out;
}

std::vector<double> FlexOptions::numbers(const std::string& key) const
{
    std::vector<double> out;
    forEachElement(lookup(m_bytes, key), [&](const flexbuffers::Reference& e) { out.push_back(e.AsDouble()); });
    return out;
}

std::vector<std::string> FlexOptions::keys() const
{
    std::vector<std::string> out;
    if (m_bytes.empty())
        return out;
    const auto k = flexbuffers::GetRoot(m_bytes.data(), m_bytes.size()).AsMap().Keys();
    for (std::size_t i = 0; i < k.size(); ++i)
        out.emplace_back(k[i].AsKey());
    return out;
}

std::optional<std::int64_t> FlexOptions::exactInteger(const std::string& key) const
{
    const auto r = lookup(m_bytes, key);
    switch (r.GetType()) {
    case flexbuffers::FBT_INT: return r.AsInt64();
    case flexbuffers::FBT_BOOL: return r.AsBool() ? 1 : 0;
    case flexbuffers::FBT_UINT: {
        const std::uint64_t v = r.AsUInt64();
        return v > static_cast<std::uint64_t>(INT64_MAX) ? INT64_MAX : static_cast<std::int64_t>(v);
    }
    default: return std::nullopt;
    }
}

} // namespace ql::exec
