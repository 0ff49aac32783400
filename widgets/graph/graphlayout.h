// SPDX-License-Identifier: MIT
// Lays out a directed graph top-down with Graphviz's `dot` (libgvc / libcgraph): boxes of given sizes in,
// their centres and each edge's route (cubic Bézier pieces) out, in points with y growing downwards. A
// plain function of values, so it runs on any thread; Graphviz keeps global state, so calls are serialised.
#pragma once

#include "core/result.h"

#include <vector>

namespace ql::widgets {

struct LayoutPoint {
    double x = 0, y = 0;
};

struct LayoutInput {
    struct Node {
        double width = 0, height = 0; // points
    };
    struct Edge {
        int from = 0, to = 0; // node indices
    };
    std::vector<Node> nodes;
    std::vector<Edge> edges;
    // Graphviz's effort limits for crossing minimisation and ranking: smaller is faster and rougher.
    // Graphs above `quickAbove` nodes are laid out with the smaller limits.
    int quickAbove = 600;
};

struct GraphLayout {
    std::vector<LayoutPoint> centres; // per node
    // Per edge: a start point followed by groups of three (control, control, end), from the source's side to
    // the target's; empty for an edge Graphviz did not route (a self-loop).
    std::vector<std::vector<LayoutPoint>> routes;
    double width = 0, height = 0;
};

// Fails only when Graphviz cannot lay out (its plug-ins missing, or out of memory), with its reason.
Result<GraphLayout> layoutGraph(const LayoutInput& input);

} // namespace ql::widgets
