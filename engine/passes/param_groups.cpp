// SPDX-License-Identifier: MIT
#include "passes/param_groups.h"

#include "passes/common.h"
#include "quant/op_rules.h"

#include <algorithm>
#include <numeric>

namespace ql::passes::detail {

namespace {

using model::DType;

class UnionFind {
public:
    explicit UnionFind(std::size_t n)
        : m_parent(n)
    {
        std::iota(m_parent.begin(), m_parent.end(), 0);
    }
    int find(int x)
    {
        while (m_parent[static_cast<std::size_t>(x)] != x) {
            m_parent[static_cast<std::size_t>(x)] = m_parent[static_cast<std::size_t>(m_parent[static_cast<std::size_t>(x)])];
            x = m_parent[static_cast<std::size_t>(x)];
        }
        return x;
    }
    void unite(int a, int b)
    {
        a = find(a);
        b = find(b);
        if (a != b)
            m_parent[static_cast<std::size_t>(b)] = a;
    }

private:
    std::vector<int> m_parent;
};

bool isFloatData(const model::Graph& g, const model::Subgraph& sg, int t)
{
    return t >= 0 && sg.tensors[static_cast<std::size_t>(t)].dtype == DType::Float32 && !sg.tensors[static_cast<std::size_t>(t)].isSparse() &&
        !(g.isConstant(sg.tensors[static_cast<std::size_t>(t)]) && sg.tensors[static_cast<std::size_t>(t)].elementCount() == 0);
}

quant::Params fixedParams(const quant::FixedParams& f)
{
    quant::Params p;
    p.scale = {f.scale};
    p.zeroPoint = {f.zeroPoint};
    return p;
}

} // namespace

Result<quant::Params> ownParams(const GroupInputs& in, int t)
{
    const auto& ranges = *in.ranges;
    if (static_cast<std::size_t>(t) >= ranges.size() || !ranges[static_cast<std::size_t>(t)].valid)
        return Error{"tensor " + std::to_string(t) + " ('" + in.graph->subgraphs[static_cast<std::size_t>(in.subgraph)].tensors[static_cast<std::size_t>(t)].name +
            "') has no calibrated range"};
    const auto& r = ranges[static_cast<std::size_t>(t)];
    return quant::activationParams(r.lo, r.hi, in.activation);
}

quant::Params constantParams(const model::Graph& g, const model::Tensor& t, const quant::Scheme& s)
{
    const auto v = floatsOf(g, t);
    float lo = 0, hi = 0;
    for (const float x : v) {
        lo = std::min(lo, x);
        hi = std::max(hi, x);
    }
    return quant::activationParams(lo, hi, s);
}

Result<ParamGroups> groupParams(const GroupInputs& in)
{
    const model::Graph& g = *in.graph;
    const model::Subgraph& sg = g.subgraphs[static_cast<std::size_t>(in.subgraph)];
    const std::size_t nT = sg.tensors.size();
    UnionFind uf(nT);
    std::vector<bool> inGroup(nT, false), ss1Output(nT, false), sharedOutput(nT, false);
    std::vector<std::optional<quant::Params>> pinned(nT);
    for (std::size_t t = 0; t < nT && t < in.pinnedInput.size(); ++t)
        if (in.pinnedInput[t]) {
            auto p = ownParams(in, static_cast<int>(t));
            if (!p)
                return p.error();
            pinned[t] = *p;
        }

    // 1. Data movement: the output joins its input's group; fixed outputs are pinned.
    for (std::size_t i = 0; i < sg.operators.size(); ++i) {
        if (!in.integer[i])
            continue;
        const model::Operator& op = sg.operators[i];
        const quant::OpRule* rule = quant::ruleFor(g.opcodeOf(op));
        if (!rule)
            continue;
        if (rule->output == quant::OutputRule::Fixed) {
            for (const auto o : op.outputs)
                if (o >= 0)
                    pinned[static_cast<std::size_t>(o)] = fixedParams(in.int16 ? rule->fixed16 : rule->fixed8);
            continue;
        }
        if (rule->output != quant::OutputRule::SameAsInput || static_cast<int>(op.inputs.size()) <= rule->sameAs)
            continue;
        const int src = op.inputs[static_cast<std::size_t>(rule->sameAs)];
        if (!isFloatData(g, sg, src))
            continue;
        for (const auto o : op.outputs) {
            if (o < 0 || sg.tensors[static_cast<std::size_t>(o)].dtype != DType::Float32)
                continue;
            uf.unite(src, o);
            inGroup[static_cast<std::size_t>(src)] = inGroup[static_cast<std::size_t>(o)] = true;
            ss1Output[static_cast<std::size_t>(o)] = true;
        }
    }
    // A group is pinned when one of its members is.
    std::vector<std::optional<quant::Params>> pinnedRoot(nT);
    for (std::size_t t = 0; t < nT; ++t)
        if (pinned[t]) {
            const int r = uf.find(static_cast<int>(t));
            if (!pinnedRoot[static_cast<std::size_t>(r)])
                pinnedRoot[static_cast<std::size_t>(r)] = pinned[t];
        }

    // 2. Shared operators: inputs and output in one group, except inputs whose parameters are pinned.
    ParamGroups out;
    for (std::size_t i = 0; i < sg.operators.size(); ++i) {
        if (!in.integer[i])
            continue;
        const model::Operator& op = sg.operators[i];
        const quant::OpRule* rule = quant::ruleFor(g.opcodeOf(op));
        if (!rule || rule->output != quant::OutputRule::Shared || op.outputs.empty() || op.outputs[0] < 0)
            continue;
        const int y = op.outputs[0];
        sharedOutput[static_cast<std::size_t>(y)] = true;
        inGroup[static_cast<std::size_t>(y)] = true;
        for (std::size_t k = 0; k < op.inputs.size(); ++k) {
            const int x = op.inputs[k];
            if (!quant::isSharedInput(*rule, static_cast<int>(k)) || !isFloatData(g, sg, x))
                continue;
            const int rx = uf.find(x), ry = uf.find(y);
            if (pinnedRoot[static_cast<std::size_t>(rx)] && rx != ry) {
                out.requantize.insert({static_cast<int>(i), static_cast<int>(k)});
                continue;
            }
            uf.unite(y, x);
            inGroup[static_cast<std::size_t>(x)] = true;
            const int r = uf.find(y);
            if (!pinnedRoot[static_cast<std::size_t>(r)])
                pinnedRoot[static_cast<std::size_t>(r)] = pinnedRoot[static_cast<std::size_t>(rx)] ? pinnedRoot[static_cast<std::size_t>(rx)]
                                                                                                  : pinnedRoot[static_cast<std::size_t>(ry)];
        }
    }

    // 3. The parameters of each group: pinned ones; else the union of the shared outputs' ranges;
    // else the range of the tensor the group starts from (the one no data-movement operator made).
    struct Range {
        bool any = false;
        float lo = 0, hi = 0;
        int start = -1;
    };
    std::map<int, Range> range;
    for (std::size_t t = 0; t < nT; ++t) {
        if (!inGroup[t])
            continue;
        const int r = uf.find(static_cast<int>(t));
        Range& gr = range[r];
        if (sharedOutput[t]) {
            if (static_cast<std::size_t>(t) >= in.ranges->size() || !(*in.ranges)[t].valid)
                return Error{"tensor " + std::to_string(t) + " ('" + sg.tensors[t].name + "') has no calibrated range"};
            const auto& tr = (*in.ranges)[t];
            gr.lo = gr.any ? std::min(gr.lo, tr.lo) : tr.lo;
            gr.hi = gr.any ? std::max(gr.hi, tr.hi) : tr.hi;
            gr.any = true;
        }
        if (!ss1Output[t] && gr.start < 0)
            gr.start = static_cast<int>(t);
    }
    std::map<int, quant::Params> byRoot;
    for (const auto& [r, gr] : range) {
        if (pinnedRoot[static_cast<std::size_t>(r)]) {
            byRoot[r] = *pinnedRoot[static_cast<std::size_t>(r)];
        } else if (gr.any) {
            byRoot[r] = quant::activationParams(gr.lo, gr.hi, in.activation);
        } else if (gr.start >= 0) {
            const model::Tensor& s = sg.tensors[static_cast<std::size_t>(gr.start)];
            if (g.isConstant(s)) {
                byRoot[r] = constantParams(g, s, in.activation);
            } else {
                auto p = ownParams(in, gr.start);
                if (!p)
                    return p.error();
                byRoot[r] = *p;
            }
        }
    }
    for (std::size_t t = 0; t < nT; ++t)
        if (inGroup[t])
            if (auto it = byRoot.find(uf.find(static_cast<int>(t))); it != byRoot.end())
                out.params[static_cast<int>(t)] = it->second;
    return out;
}

} // namespace ql::passes::detail
