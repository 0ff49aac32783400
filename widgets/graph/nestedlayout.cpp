// SPDX-License-Identifier: MIT
#include "graph/nestedlayout.h"

#include <map>

namespace ql::widgets {
namespace {

struct Level {
    double width = 0, height = 0;
    std::vector<PlacedBox> boxes; // relative to the level's top-left
    std::map<std::pair<int, int>, std::vector<LayoutPoint>> routes; // sibling edges, relative
};

class Nester {
public:
    explicit Nester(const NestedLayoutInput& in)
        : m_in(in)
        , m_tree(*in.tree)
    {
        m_chains.resize(m_tree.groupOf.size());
        for (std::size_t n = 0; n < m_chains.size(); ++n)
            m_chains[n] = m_tree.chain(m_tree.groupOf[n]);
    }

    // The item of level `group` that holds node `n`: the node itself, or the child group around it; or
    // nothing (INT_MIN) when `n` is not inside `group`.
    int itemAt(int n, int group) const
    {
        const auto& chain = m_chains[static_cast<std::size_t>(n)];
        if (m_tree.groupOf[static_cast<std::size_t>(n)] == group)
            return n;
        if (group == 0)
            return chain.empty() ? n : -1 - chain.front();
        for (std::size_t k = 0; k + 1 < chain.size(); ++k)
            if (chain[k] == group)
                return -1 - chain[k + 1];
        return kNone;
    }

    Result<Level> layOut(int group)
    {
        ++m_levels;
        const ScopeGroup& g = m_tree.groups[static_cast<std::size_t>(group)];
        std::vector<int> items(g.nodes.begin(), g.nodes.end());
        for (const int c : g.groups)
            items.push_back(-1 - c);
        std::map<int, std::size_t> index;
        LayoutInput li;
        std::map<int, Level> inner;
        for (std::size_t i = 0; i < items.size(); ++i) {
            index[items[i]] = i;
            const int it = items[i];
            if (it >= 0) {
                li.nodes.push_back(m_in.nodeSizes[static_cast<std::size_t>(it)]);
            } else if (m_in.expanded.count(-1 - it)) {
                auto sub = layOut(-1 - it);
                if (!sub)
                    return sub.error();
                li.nodes.push_back({sub->width + 2 * m_in.margin, sub->height + m_in.header + m_in.margin});
                inner.emplace(it, std::move(*sub));
            } else {
                li.nodes.push_back(m_in.groupSizes[static_cast<std::size_t>(-1 - it)]);
            }
        }
        std::map<std::pair<int, int>, std::size_t> edgeOf;
        for (const auto& e : m_in.graph->edges) {
            const int a = itemAt(e.from, group), b = itemAt(e.to, group);
            if (a == kNone || b == kNone || a == b || edgeOf.count({a, b}))
                continue;
            edgeOf[{a, b}] = li.edges.size();
            li.edges.push_back({static_cast<int>(index.at(a)), static_cast<int>(index.at(b))});
        }
        auto laid = layoutGraph(li);
        if (!laid)
            return laid.error();
        Level out;
        out.width = laid->width;
        out.height = laid->height;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const auto& size = li.nodes[i];
            PlacedBox box{items[i], inner.count(items[i]) > 0, laid->centres[i].x - size.width / 2,
                laid->centres[i].y - size.height / 2, size.width, size.height};
            out.boxes.push_back(box);
            if (const auto it = inner.find(items[i]); it != inner.end()) {
                const double dx = box.x + m_in.margin, dy = box.y + m_in.header;
                for (PlacedBox b : it->second.boxes) {
                    b.x += dx;
                    b.y += dy;
                    out.boxes.push_back(b);
                }
                for (auto [key, route] : it->second.routes) {
                    for (auto& p : route) {
                        p.x += dx;
                        p.y += dy;
                    }
                    out.routes.emplace(key, std::move(route));
                }
            }
        }
        for (const auto& [key, e] : edgeOf)
            out.routes.emplace(key, laid->routes[e]);
        return out;
    }

    int levels() const { return m_levels; }

    static constexpr int kNone = -(1 << 30);

private:
    const NestedLayoutInput& m_in;
    const ScopeTree& m_tree;
    std::vector<std::vector<int>> m_chains;
    int m_levels = 0;
};

} // namespace

Result<NestedLayout> layoutNested(const NestedLayoutInput& input)
{
    NestedLayout out;
    if (!input.graph || !input.tree || input.tree->groups.empty())
        return out;
    Nester nester(input);
    auto root = nester.layOut(0);
    if (!root)
        return root.error();
    out.width = root->width;
    out.height = root->height;
    out.boxes = std::move(root->boxes);
    out.levels = nester.levels();
    out.visible = visibleItems(*input.tree, input.expanded);
    // One edge per pair of boxes that show; Graphviz's route when the two were laid out side by side.
    std::map<std::pair<int, int>, std::size_t> seen;
    for (std::size_t k = 0; k < input.graph->edges.size(); ++k) {
        const GraphEdge& e = input.graph->edges[k];
        const int a = out.visible[static_cast<std::size_t>(e.from)], b = out.visible[static_cast<std::size_t>(e.to)];
        if (a == b)
            continue;
        if (const auto it = seen.find({a, b}); it != seen.end()) {
            ++out.edges[it->second].tensors;
            continue;
        }
        seen[{a, b}] = out.edges.size();
        PlacedEdge pe{a, b, static_cast<int>(k), 1, {}};
        if (const auto r = root->routes.find({a, b}); r != root->routes.end())
            pe.route = r->second;
        out.edges.push_back(std::move(pe));
    }
    return out;
}

} // namespace ql::widgets
