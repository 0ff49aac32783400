// SPDX-License-Identifier: MIT
#include "graph/scopetree.h"

#include <algorithm>
#include <functional>
#include <map>

namespace ql::widgets {

std::string scopeOfName(const std::string& tensorName)
{
    const std::string first = tensorName.substr(0, tensorName.find(';'));
    const auto slash = first.rfind('/');
    return slash == std::string::npos ? std::string() : first.substr(0, slash);
}

bool ScopeTree::within(int group, int ancestor) const
{
    for (int g = group; g >= 0; g = groups[static_cast<std::size_t>(g)].parent)
        if (g == ancestor)
            return true;
    return false;
}

std::vector<int> ScopeTree::chain(int group) const
{
    std::vector<int> out;
    for (int g = group; g > 0; g = groups[static_cast<std::size_t>(g)].parent)
        out.push_back(g);
    std::reverse(out.begin(), out.end());
    return out;
}

namespace {

// Splits every level with more than `maxItems` items into parts of consecutive items; `firstNode` gives each
// group's first node (its place in execution order).
void splitLarge(ScopeTree& t, int group, int maxItems, const std::vector<int>& firstNode)
{
    auto& g = t.groups[static_cast<std::size_t>(group)];
    const std::size_t items = g.nodes.size() + g.groups.size();
    if (items > static_cast<std::size_t>(maxItems)) {
        std::vector<std::pair<int, int>> order; // (first node, item: node >= 0, group as -1 - g)
        for (const int n : g.nodes)
            order.emplace_back(n, n);
        for (const int c : g.groups)
            order.emplace_back(firstNode[static_cast<std::size_t>(c)], -1 - c);
        std::sort(order.begin(), order.end());
        const std::size_t parts = (items + static_cast<std::size_t>(maxItems) - 1) / static_cast<std::size_t>(maxItems);
        const std::size_t per = (items + parts - 1) / parts;
        const std::string base = group == 0 ? std::string("operators") : t.groups[static_cast<std::size_t>(group)].label;
        std::vector<int> newGroups;
        for (std::size_t p = 0; p < parts; ++p) {
            ScopeGroup part;
            part.path = t.groups[static_cast<std::size_t>(group)].path + "#" + std::to_string(p + 1);
            part.label = base + " · part " + std::to_string(p + 1) + " of " + std::to_string(parts);
            part.parent = group;
            const int id = static_cast<int>(t.groups.size());
            for (std::size_t k = p * per; k < std::min(items, (p + 1) * per); ++k) {
                const int item = order[k].second;
                if (item >= 0) {
                    part.nodes.push_back(item);
                    t.groupOf[static_cast<std::size_t>(item)] = id;
                } else {
                    part.groups.push_back(-1 - item);
                    t.groups[static_cast<std::size_t>(-1 - item)].parent = id;
                }
            }
            t.groups.push_back(std::move(part));
            newGroups.push_back(id);
        }
        auto& again = t.groups[static_cast<std::size_t>(group)]; // the vector grew
        again.nodes.clear();
        again.groups = newGroups;
    }
    // Parts are small enough; the groups inside them (which have their first nodes) may still be too large.
    const std::vector<int> children = t.groups[static_cast<std::size_t>(group)].groups;
    for (const int c : children)
        if (static_cast<std::size_t>(c) < firstNode.size())
            splitLarge(t, c, maxItems, firstNode);
        else
            for (const int inner : std::vector<int>(t.groups[static_cast<std::size_t>(c)].groups))
                splitLarge(t, inner, maxItems, firstNode);
}

// Drops the groups merged away (unreachable from the root) and numbers the rest in tree order.
void compact(ScopeTree& t)
{
    std::vector<int> newId(t.groups.size(), -1);
    std::vector<int> order{0};
    for (std::size_t k = 0; k < order.size(); ++k)
        for (const int c : t.groups[static_cast<std::size_t>(order[k])].groups)
            order.push_back(c);
    for (std::size_t k = 0; k < order.size(); ++k)
        newId[static_cast<std::size_t>(order[k])] = static_cast<int>(k);
    std::vector<ScopeGroup> groups;
    for (const int old : order) {
        ScopeGroup g = std::move(t.groups[static_cast<std::size_t>(old)]);
        g.parent = g.parent >= 0 ? newId[static_cast<std::size_t>(g.parent)] : -1;
        for (int& c : g.groups)
            c = newId[static_cast<std::size_t>(c)];
        groups.push_back(std::move(g));
    }
    t.groups = std::move(groups);
    for (int& g : t.groupOf)
        g = newId[static_cast<std::size_t>(g)];
}

int countOperators(ScopeTree& t, const ModelGraph& graph, int group)
{
    auto& g = t.groups[static_cast<std::size_t>(group)];
    int n = 0;
    for (const int node : g.nodes)
        n += graph.nodes[static_cast<std::size_t>(node)].op >= 0;
    const std::vector<int> children = g.groups;
    for (const int c : children)
        n += countOperators(t, graph, c);
    t.groups[static_cast<std::size_t>(group)].operatorCount = n;
    return n;
}

} // namespace

ScopeTree buildScopeTree(const ModelGraph& graph, int maxItems)
{
    // The full tree of scope paths, one group per path that holds an operator (and its ancestors).
    std::vector<std::string> scopes(graph.nodes.size());
    std::map<std::string, std::vector<std::string>> childScopes;
    std::map<std::string, std::vector<int>> scopeNodes;
    std::set<std::string> known{""};
    for (std::size_t i = 0; i < graph.nodes.size(); ++i) {
        if (graph.nodes[i].op < 0)
            continue; // inputs and outputs sit at the root
        scopes[i] = scopeOfName(graph.nodes[i].names.substr(0, graph.nodes[i].names.find('\n')));
        scopeNodes[scopes[i]].push_back(static_cast<int>(i));
        for (std::string s = scopes[i]; known.insert(s).second;) {
            const auto slash = s.rfind('/');
            const std::string parent = slash == std::string::npos ? std::string() : s.substr(0, slash);
            childScopes[parent].push_back(s);
            s = parent;
        }
    }
    // Collapse: a scope with one item and no nodes of its own hands its child up; the root opens a single scope.
    auto itemsOf = [&](const std::string& s) {
        return (childScopes.count(s) ? childScopes[s].size() : 0) + (scopeNodes.count(s) ? scopeNodes[s].size() : 0);
    };
    ScopeTree t;
    t.groupOf.assign(graph.nodes.size(), 0);
    t.groups.push_back({});
    t.groups[0].label = "model";
    std::function<void(const std::string&, int)> build = [&](const std::string& scope, int into) {
        for (const int n : scopeNodes[scope]) {
            t.groups[static_cast<std::size_t>(into)].nodes.push_back(n);
            t.groupOf[static_cast<std::size_t>(n)] = into;
        }
        auto kids = childScopes[scope];
        std::sort(kids.begin(), kids.end());
        for (const auto& k : kids) {
            if (itemsOf(k) == 1 && scopeNodes[k].size() == 1) { // one operator: no group around it
                build(k, into);
                continue;
            }
            ScopeGroup g;
            g.path = k;
            const auto slash = k.rfind('/');
            g.label = slash == std::string::npos ? k : k.substr(slash + 1);
            g.parent = into;
            const int id = static_cast<int>(t.groups.size());
            t.groups.push_back(std::move(g));
            t.groups[static_cast<std::size_t>(into)].groups.push_back(id);
            build(k, id);
        }
    };
    std::string top;
    while (childScopes.count(top) && childScopes[top].size() == 1 && scopeNodes[top].empty())
        top = childScopes[top].front(); // everything under "model/": start inside it
    build(top, 0);
    for (std::size_t i = 0; i < graph.nodes.size(); ++i)
        if (graph.nodes[i].op < 0)
            t.groups[0].nodes.push_back(static_cast<int>(i));
    std::sort(t.groups[0].nodes.begin(), t.groups[0].nodes.end());
    // A group that holds one group only: the inner one takes its place.
    for (std::size_t g = 1; g < t.groups.size(); ++g) {
        auto& grp = t.groups[g];
        while (grp.nodes.empty() && grp.groups.size() == 1) {
            const int inner = grp.groups.front();
            auto moved = t.groups[static_cast<std::size_t>(inner)];
            grp.nodes = moved.nodes;
            grp.groups = moved.groups;
            grp.path = moved.path;
            grp.label += "/" + moved.label;
            for (const int n : grp.nodes)
                t.groupOf[static_cast<std::size_t>(n)] = static_cast<int>(g);
            for (const int c : grp.groups)
                t.groups[static_cast<std::size_t>(c)].parent = static_cast<int>(g);
            t.groups[static_cast<std::size_t>(inner)].groups.clear(); // merged: unreachable from the root
        }
    }
    compact(t);
    std::vector<int> firstNode(t.groups.size(), 1 << 30);
    for (std::size_t n = 0; n < t.groupOf.size(); ++n)
        for (int a = t.groupOf[n]; a >= 0; a = t.groups[static_cast<std::size_t>(a)].parent)
            firstNode[static_cast<std::size_t>(a)] = std::min(firstNode[static_cast<std::size_t>(a)], static_cast<int>(n));
    splitLarge(t, 0, maxItems, firstNode);
    countOperators(t, graph, 0);
    return t;
}

std::vector<int> visibleItems(const ScopeTree& tree, const std::set<int>& expanded)
{
    std::vector<int> out(tree.groupOf.size());
    for (std::size_t n = 0; n < out.size(); ++n) {
        int item = static_cast<int>(n);
        for (const int g : tree.chain(tree.groupOf[n]))
            if (!expanded.count(g)) {
                item = -1 - g;
                break;
            }
        out[n] = item;
    }
    return out;
}

} // namespace ql::widgets
