// SPDX-License-Identifier: MIT
// Deployment targets as data (resources/targets/*.json, read by app/data/profiles.h) and the check of a model
// against one: which operators would not run there or would fall back to a slower path, and why; whether
// the model's types, weights, shapes and I/O are what the target takes; and whether it fits the target's RAM
// (the tflite-micro arena, target/micro_arena.h) and flash (the file).
#pragma once

#include "core/result.h"
#include "model/graph.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ql::target {

struct OperatorSupport {
    std::vector<model::DType> types; // input (activation) types its kernel takes; empty: any
    std::string limits; // documented restrictions, shown with a finding
};

struct Profile {
    std::string name; // "edgetpu", "tflite-micro", ...: what --target takes
    std::string title; // "Coral Edge TPU"
    std::string description; // one paragraph: what the target is and where the rules come from
    // Operators by TFLite builtin name ("CONV_2D") or custom code; empty: every operator QuantLens knows.
    std::map<std::string, OperatorSupport> operators;
    // Where an unsupported operator goes: nowhere (the model does not run), or the host CPU (the model is
    // cut there: it and everything after it run on the CPU, as the Edge TPU compiler does).
    bool fallsBackToCpu = false;
    bool requiresQuantized = false; // a model without integer activations is refused as a whole
    std::vector<model::DType> activationTypes; // every non-constant tensor's type; empty: any
    std::vector<model::DType> ioTypes; // the model's inputs and outputs; empty: any
    bool perTensorWeights = false; // weights with one scale per tensor only
    bool staticShapes = false; // no dimension only known at run time
    int maxVaryingDims = 0; // at most this many dimensions larger than 1, innermost (0: any)
    bool microArena = false; // RAM is tflite-micro's tensor arena
    bool xnnpack = false; // LiteRT's CPU path: operators XNNPACK does not take fall back to the built-in kernels
    std::int64_t ramBytes = 0, flashBytes = 0; // 0: not limited
};

enum class Impact {
    Blocks, // the model does not run on the target as it is
    FallsBack, // this part runs, but elsewhere or slower (the host CPU)
    Note,
};

struct Finding {
    Impact impact = Impact::Note;
    int op = -1; // -1: the model as a whole
    std::string opName;
    std::string rule; // "operator", "type", "io", "per-tensor", "shape", "rank", "ram", "flash"
    std::string message;
};

struct CheckResult {
    std::vector<Finding> findings;
    bool runs() const; // nothing blocks
    int cutAt = -1; // fallsBackToCpu: the first operator that goes to the CPU (-1: none)
    std::int64_t ramBytes = -1; // what the model needs as RAM on the target (-1: not modelled)
    std::int64_t flashBytes = 0; // the file
};

// `fileBytes`: the size of the model file (its flash). `ignoreIo`: the graph stands for an export whose I/O type
// is chosen later — its I/O rules, and QUANTIZE / DEQUANTIZE operators right at its inputs and outputs, are
// not checked.
CheckResult check(const model::Graph& g, const Profile& profile, std::int64_t fileBytes, bool ignoreIo = false);

std::string impactName(Impact i); // "blocks", "falls back", "note"

} // namespace ql::target
