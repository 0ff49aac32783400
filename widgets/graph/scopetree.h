// SPDX-License-Identifier: MIT
// Folding a model's graph by the name scopes the converter writes ("model/block_3/conv/Conv2D" lies in
// model › block_3 › conv): a tree of groups over the graph's nodes, and which boxes show for a set of
// expanded groups. Scopes that hold a single item vanish into their parent, a root that holds a single scope
// opens it, and a level with more items than a layout handles quickly is split, in execution order, into
// numbered parts ("forward_gru · part 2 of 4"), so that no level is ever laid out whole when it is huge.
#pragma once

#include "graph/modelgraph.h"

#include <set>
#include <string>
#include <vector>

namespace ql::widgets {

struct ScopeGroup {
    std::string path; // "model/block_3" ("" for the root)
    std::string label; // "block_3", or "block_3 · part 2 of 4"
    int parent = -1;
    std::vector<int> groups; // child groups
    std::vector<int> nodes; // graph nodes directly inside, in execution order
    int operatorCount = 0; // operators anywhere inside
};

struct ScopeTree {
    std::vector<ScopeGroup> groups; // [0] is the root; every group is reachable from it
    std::vector<int> groupOf; // per graph node: its innermost group
    // Whether `group` is inside `ancestor` (or is it).
    bool within(int group, int ancestor) const;
    // The groups from the root's child down to `group`, outermost first.
    std::vector<int> chain(int group) const;
};

// `maxItems`: the most items (nodes and groups) one level holds before it is split into parts.
ScopeTree buildScopeTree(const ModelGraph& graph, int maxItems = 120);

// The scope path of a tensor name: its first ';'-separated name without the last '/' component.
std::string scopeOfName(const std::string& tensorName);

// What shows, given the expanded groups: per graph node, the box that stands for it: the node itself
// (every group around it expanded), or the outermost collapsed group around it, as -1 - group.
std::vector<int> visibleItems(const ScopeTree& tree, const std::set<int>& expanded);

} // namespace ql::widgets
