// SPDX-License-Identifier: MIT
#include "graph/graphlayout.h"

#include <graphviz/gvc.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

namespace ql::widgets {
namespace {

// Graphviz's context loads its plug-ins (the dot layout) once; it and every layout share global state.
std::mutex& graphvizMutex()
{
    static std::mutex m;
    return m;
}

GVC_t* context()
{
    static GVC_t* gvc = gvContext();
    return gvc;
}

// Graphviz takes names and values as writable C strings.
void set(void* object, const char* name, const std::string& value)
{
    agsafeset(object, const_cast<char*>(name), const_cast<char*>(value.c_str()), const_cast<char*>(""));
}

std::string number(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", v);
    return buf;
}

// Edges that close a cycle, found by depth-first search in node order. dot would reverse them itself, but its
// own reversal leaks memory (Graphviz 2.42's acyclic pass), so they are handed to it reversed instead.
std::vector<bool> backEdges(std::size_t nodeCount, const std::vector<LayoutInput::Edge>& edges)
{
    std::vector<std::vector<std::size_t>> out(nodeCount);
    for (std::size_t e = 0; e < edges.size(); ++e)
        out[static_cast<std::size_t>(edges[e].from)].push_back(e);
    std::vector<int> state(nodeCount, 0); // 0 unseen, 1 on the path, 2 done
    std::vector<bool> back(edges.size(), false);
    std::vector<std::pair<std::size_t, std::size_t>> stack; // node, next of its edges
    for (std::size_t root = 0; root < nodeCount; ++root) {
        if (state[root])
            continue;
        state[root] = 1;
        stack.emplace_back(root, 0);
        while (!stack.empty()) {
            auto& [node, next] = stack.back();
            if (next == out[node].size()) {
                state[node] = 2;
                stack.pop_back();
                continue;
            }
            const std::size_t e = out[node][next++];
            const auto to = static_cast<std::size_t>(edges[e].to);
            if (to == node)
                continue; // a loop: dot draws it without reversing anything
            if (state[to] == 1)
                back[e] = true;
            else if (state[to] == 0) {
                state[to] = 1;
                stack.emplace_back(to, 0);
            }
        }
    }
    return back;
}

struct GraphDeleter {
    void operator()(Agraph_t* g) const
    {
        gvFreeLayout(context(), g);
        agclose(g);
    }
};

} // namespace

Result<GraphLayout> layoutGraph(const LayoutInput& input)
{
    GraphLayout out;
    out.centres.resize(input.nodes.size());
    out.routes.resize(input.edges.size());
    if (input.nodes.empty())
        return out;
    for (const auto& e : input.edges)
        if (e.from < 0 || e.to < 0 || static_cast<std::size_t>(e.from) >= input.nodes.size() ||
            static_cast<std::size_t>(e.to) >= input.nodes.size())
            return Error{"graph layout: an edge names node " + std::to_string(std::max(e.from, e.to)) + " of " +
                std::to_string(input.nodes.size())};

    const std::lock_guard lock(graphvizMutex());
    if (!context())
        return Error{"graph layout: Graphviz could not start (libgvc)"};
    Agdesc_t directed = Agdirected;
    std::unique_ptr<Agraph_t, GraphDeleter> g(agopen(const_cast<char*>("model"), directed, nullptr));
    if (!g)
        return Error{"graph layout: Graphviz could not create a graph"};
    set(g.get(), "rankdir", "TB");
    set(g.get(), "nodesep", "0.25");
    set(g.get(), "ranksep", "0.35");
    set(g.get(), "splines", "spline");
    if (static_cast<int>(input.nodes.size()) > input.quickAbove) {
        // Fewer crossing-minimisation passes and network-simplex iterations: large graphs in well under a
        // second, with a few more crossings.
        set(g.get(), "mclimit", "0.2");
        set(g.get(), "nslimit", "2");
        set(g.get(), "nslimit1", "2");
        set(g.get(), "searchsize", "10");
    }
    agattr(g.get(), AGNODE, const_cast<char*>("shape"), const_cast<char*>("box"));
    agattr(g.get(), AGNODE, const_cast<char*>("fixedsize"), const_cast<char*>("true"));
    agattr(g.get(), AGNODE, const_cast<char*>("label"), const_cast<char*>(""));
    agattr(g.get(), AGNODE, const_cast<char*>("width"), const_cast<char*>("1"));
    agattr(g.get(), AGNODE, const_cast<char*>("height"), const_cast<char*>("0.5"));

    std::vector<Agnode_t*> nodes(input.nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const std::string name = "n" + std::to_string(i);
        nodes[i] = agnode(g.get(), const_cast<char*>(name.c_str()), 1);
        agxset(nodes[i], agattr(g.get(), AGNODE, const_cast<char*>("width"), nullptr),
            const_cast<char*>(number(input.nodes[i].width / 72.0).c_str()));
        agxset(nodes[i], agattr(g.get(), AGNODE, const_cast<char*>("height"), nullptr),
            const_cast<char*>(number(input.nodes[i].height / 72.0).c_str()));
    }
    // No arrowheads from Graphviz: every route ends on its node's border, and the view draws the arrows.
    agattr(g.get(), AGEDGE, const_cast<char*>("dir"), const_cast<char*>("none"));
    const std::vector<bool> reversed = backEdges(nodes.size(), input.edges);
    std::vector<Agedge_t*> edges(input.edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const std::string name = "e" + std::to_string(i); // keeps parallel edges apart
        auto* from = nodes[static_cast<std::size_t>(input.edges[i].from)];
        auto* to = nodes[static_cast<std::size_t>(input.edges[i].to)];
        edges[i] = reversed[i] ? agedge(g.get(), to, from, const_cast<char*>(name.c_str()), 1)
                               : agedge(g.get(), from, to, const_cast<char*>(name.c_str()), 1);
    }
    if (gvLayout(context(), g.get(), "dot") != 0)
        return Error{"graph layout: Graphviz's dot layout failed (is the libgvc plug-in installed?)"};

    const boxf bb = GD_bb(g.get());
    out.width = bb.UR.x - bb.LL.x;
    out.height = bb.UR.y - bb.LL.y;
    auto flip = [&](pointf p) { return LayoutPoint{p.x - bb.LL.x, bb.UR.y - p.y}; };
    for (std::size_t i = 0; i < nodes.size(); ++i)
        out.centres[i] = flip(ND_coord(nodes[i]));
    for (std::size_t i = 0; i < edges.size(); ++i) {
        Agedge_t* e = edges[i];
        const splines* spl = ED_spl(e);
        if (!spl || spl->size < 1)
            continue;
        // One piece per edge for dot's splines; the end point reaches the arrow's tip when Graphviz drew one.
        const bezier& b = spl->list[0];
        auto& route = out.routes[i];
        for (int k = 0; k < b.size; ++k)
            route.push_back(flip(b.list[k]));
        if (b.sflag && !route.empty())
            route.front() = flip(b.sp);
        if (b.eflag && !route.empty())
            route.back() = flip(b.ep);
        if (reversed[i]) // laid out from head to tail: turn it back
            std::reverse(route.begin(), route.end());
    }
    return out;
}

} // namespace ql::widgets
