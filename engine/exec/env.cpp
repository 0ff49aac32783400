// SPDX-License-Identifier: MIT
#include "exec/env.h"

#include "exec/runner.h"
#include "quant/xnnpack_support.h"

#include <cstdio>

namespace ql::exec {

std::int32_t ResourceStore::handle(const std::string& container, const std::string& sharedName)
{
    const std::string key = container + '\n' + sharedName;
    auto it = m_ids.find(key);
    if (it != m_ids.end())
        return it->second;
    const auto id = static_cast<std::int32_t>(m_ids.size());
    m_ids.emplace(key, id);
    return id;
}

Variable* ResourceStore::find(std::int32_t id)
{
    if (id < 0 || id >= static_cast<std::int32_t>(m_ids.size()))
        return nullptr;
    return &m_variables[id];
}

Result<std::unique_ptr<SubgraphRunner>> ExecEnv::createRunner(
    int index, const std::vector<std::vector<std::int32_t>>& inputShapes)
{
    // Real models nest a few levels (a WHILE in an IF); a subgraph calling itself would never end.
    constexpr int kMaxDepth = 16;
    if (depth >= kMaxDepth)
        return Error{"subgraph calls nest deeper than " + std::to_string(kMaxDepth) +
            " levels (does a subgraph call itself?)"};
    ++depth;
    auto r = SubgraphRunner::create(*this, index, inputShapes);
    --depth;
    return r;
}

const quant::XnnpackDecision& ExecEnv::xnnpackDecision(int subgraph, int op)
{
    static const quant::XnnpackDecision outside{
        quant::XnnpackVerdict::BuiltinKernel, "only subgraph 0 goes to XNNPACK in LiteRT"};
    if (!xnnpackCache)
        xnnpackCache = std::make_shared<const std::vector<quant::XnnpackDecision>>(quant::xnnpackDecisions(*graph));
    if (subgraph != 0 || op < 0 || op >= static_cast<int>(xnnpackCache->size()))
        return outside;
    return (*xnnpackCache)[static_cast<std::size_t>(op)];
}

Status ExecEnv::checkActivationBytes(std::int64_t bytes, const std::string& what) const
{
    if (maxActivationBytes <= 0 || bytes <= maxActivationBytes)
        return {};
    const auto mib = [](std::int64_t b) {
        char text[32];
        if (b < (std::int64_t{1} << 20))
            std::snprintf(text, sizeof text, "%.1f KiB", static_cast<double>(b) / 1024.0);
        else
            std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(b) / (1024.0 * 1024.0));
        return std::string(text);
    };
    return Error{what + " would take " + mib(bytes) + ", more than the limit of " + mib(maxActivationBytes)};
}

} // namespace ql::exec
