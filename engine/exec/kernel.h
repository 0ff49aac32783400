// SPDX-License-Identifier: MIT
// What every operator kernel provides: a prepare step that checks the operator, computes all
// parameters (multipliers, shifts, clamps, output shapes) once, and returns a Kernel whose run()
// does the arithmetic only. The kernel table (kernels.cpp) feeds the interpreter, the tests and the
// benchmarks alike.
#pragma once

#include "core/result.h"
#include "exec/tensor.h"

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace ql::exec {

class ThreadPool;

struct RunContext {
    std::span<RtTensor> tensors;
    ThreadPool* pool = nullptr; // null: run on the calling thread
};

class Kernel {
public:
    virtual ~Kernel() = default;
    // Errors here are for what only shows at run time (a shape computed from data that does not
    // match the model); everything else is checked by prepare.
    virtual Status run(const RunContext& ctx) const = 0;
};

// Everything prepare may look at. Tensor data of constants are set; other data are not yet.
class NodeContext {
public:
    NodeContext(const model::Graph& g, const model::Operator& o, int i, std::vector<RtTensor>& t, Rounding r)
        : graph(g)
        , op(o)
        , index(i)
        , tensors(t)
        , rounding(r)
    {
    }

    const model::Graph& graph;
    const model::Operator& op;
    int index;
    std::vector<RtTensor>& tensors;
    Rounding rounding;

    int inputCount() const { return static_cast<int>(op.inputs.size()); }
    int outputCount() const { return static_cast<int>(op.outputs.size()); }
    bool hasInput(int i) const { return i < inputCount() && op.inputs[static_cast<std::size_t>(i)] >= 0; }
    int inputIndex(int i) const { return op.inputs[static_cast<std::size_t>(i)]; }
    int outputIndex(int i) const { return op.outputs[static_cast<std::size_t>(i)]; }
    RtTensor& in(int i) const { return tensors[static_cast<std::size_t>(inputIndex(i))]; }
    RtTensor& out(int i) const { return tensors[static_cast<std::size_t>(outputIndex(i))]; }

    // "operator 3 (CONV_2D): <message>"
    Error fail(const std::string& message) const;
    // Checks input/output counts (max -1: no upper bound).
    Status expectArity(int minInputs, int maxInputs, int outputs) const;
    // Fails unless `t` has exactly `shape` (the file's shape must agree with what the op computes).
    Status expectShape(const RtTensor& t, const std::vector<std::int32_t>& shape, const char* what) const;
    Status expectConstant(const RtTensor& t, const char* what) const;
    // A description of the input and output dtypes for "unsupported" errors.
    std::string dtypes() const;
    Error unsupported() const;
};

using PrepareFn = Result<std::unique_ptr<Kernel>> (*)(NodeContext&);

struct KernelInfo {
    tflite::BuiltinOperator op;
    PrepareFn prepare;
};

// Every operator the interpreter runs.
const std::vector<KernelInfo>& kernelTable();
PrepareFn findKernel(tflite::BuiltinOperator op);

} // namespace ql::exec
