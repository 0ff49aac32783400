// SPDX-License-Identifier: MIT
// The tensor arena a model needs under tflite-micro: what `MicroInterpreter::arena_used_bytes()` reports after
// AllocateTensors() on a 64-bit host with the default greedy memory planner and the reference kernels. Two
// parts: the activation plan at the arena's head (every tensor without data, and the kernels' scratch
// buffers, rounded to 16 bytes and laid out first-fit by tflite-micro's greedy planner), and the persistent
// part at its tail (the interpreter's own objects, one record per tensor and per operator, each operator's
// options and kernel data, per-channel requantization arrays, scratch handles, variable tensors, and the
// descriptions of the model's inputs and outputs), allocated in the interpreter's order with its alignment.
// The struct sizes and per-kernel allocations are facts of tflite-micro (2026, 64-bit, static-memory build);
// docs/targets.md lists them. An operator whose kernel data are not known is named in `unknown` and counts 0.
#pragma once

#include "core/result.h"
#include "model/graph.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ql::target {

struct ArenaBuffer {
    int tensor = -1; // the tensor planned, or -1 for a kernel's scratch buffer
    int op = -1; // for a scratch buffer, the operator that asked for it
    std::int64_t bytes = 0; // rounded as planned
    int first = 0, last = 0; // lifetime in steps: 0 = the inputs, operator i runs at step i + 1
    std::int64_t offset = 0;
};

struct ArenaPart {
    std::string name; // "interpreter objects", "tensor records", "operator data", ...
    std::int64_t bytes = 0; // alignment padding included
};

struct MicroArena {
    std::int64_t plan = 0; // the head: the greedy plan's size
    std::int64_t persistent = 0; // the tail
    std::int64_t total() const { return plan + persistent; }
    std::vector<ArenaBuffer> buffers; // the plan
    std::vector<ArenaPart> parts; // the tail by kind, in the order first allocated
    // Live planned bytes at each step (0: inputs, i + 1: operator i), for a chart of memory over the run.
    std::vector<std::int64_t> liveBytes;
    std::vector<std::string> unknown; // operators whose kernel data tflite-micro's sizes do not cover here
};

// The main subgraph's arena; models with several subgraphs (control flow) are refused, as the lifetimes of
// nested subgraphs are not modelled.
Result<MicroArena> microArena(const model::Graph& g);

} // namespace ql::target
