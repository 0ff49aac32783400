// SPDX-License-Identifier: MIT
// The layout of a folded graph: each expanded group is laid out on its own (its operators and its child
// groups, the expanded ones at the size of their own layout), then placed inside its parent's layout as one
// big box. No Graphviz run ever sees more than one level, so even thousands of operators lay out quickly;
// an edge between two boxes of the same level keeps Graphviz's route, an edge that crosses a group's border
// is drawn directly between its two boxes.
#pragma once

#include "graph/graphlayout.h"
#include "graph/scopetree.h"

#include <set>
#include <string>
#include <vector>

namespace ql::widgets {

struct NestedLayoutInput {
    const ModelGraph* graph = nullptr;
    const ScopeTree* tree = nullptr;
    std::set<int> expanded;
    std::vector<LayoutInput::Node> nodeSizes; // per graph node
    std::vector<LayoutInput::Node> groupSizes; // per group, collapsed
    double header = 22; // the title band of an expanded group
    double margin = 10;
};

struct PlacedBox {
    int item = 0; // a graph node (>= 0) or a group (-1 - group)
    bool expanded = false; // an expanded group: a frame around its contents
    double x = 0, y = 0, width = 0, height = 0; // top-left corner and size
};

struct PlacedEdge {
    int from = 0, to = 0; // items, as in PlacedBox
    int edge = -1; // the first graph edge (ModelGraph::edges) it stands for
    int tensors = 1; // how many tensor uses it stands for
    std::vector<LayoutPoint> route; // as GraphLayout::routes; empty: draw it directly
};

struct NestedLayout {
    std::vector<PlacedBox> boxes; // frames before their contents
    std::vector<PlacedEdge> edges; // between the boxes that show (not frames)
    std::vector<int> visible; // per graph node: its box's item (see visibleItems)
    double width = 0, height = 0;
    int levels = 0; // Graphviz runs
};

Result<NestedLayout> layoutNested(const NestedLayoutInput& input);

} // namespace ql::widgets
