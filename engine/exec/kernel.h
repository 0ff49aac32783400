// SPDX-License-Identifier: MIT
// What every operator kernel provides: a prepare step that checks the operator, computes the shapes
// of its outputs and all parameters (multipliers, shifts, clamps) once, and returns a Kernel whose
// run() does the arithmetic only. The kernel table (kernel.cpp) and the custom-operator registry
// (custom/registry.cpp) feed the interpreter, the tests and the benchmarks alike.
//
// Shapes: as in LiteRT, the shape stored in the file for an operator's output is not trusted; each
// prepare sets the shapes of its outputs from those of its inputs (and from input values it can
// read, see valueOf). An operator whose output shape depends on data it cannot know yet either
// asks to be prepared later, during a run (deferred), or marks the output dynamic and sizes it in
// run() with RunContext::resize.
#pragma once

#include "core/result.h"
#include "exec/tensor.h"

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace ql::exec {

class ThreadPool;
class SubgraphRunner;
struct ExecEnv;

struct RunContext {
    std::span<RtTensor> tensors;
    ThreadPool* pool = nullptr; // null: run on the calling thread
    SubgraphRunner* runner = nullptr;

    // Gives a dynamic output (NodeContext::markDynamic) its shape for this run, and memory for it.
    Status resize(int tensorIndex, const std::vector<std::int32_t>& shape) const;
};

class Kernel {
public:
    virtual ~Kernel() = default;
    // Errors here are for what only shows at run time (an index out of range in the data);
    // everything else is checked by prepare.
    virtual Status run(const RunContext& ctx) const = 0;
};

// Everything prepare may look at. Input shapes are set; data are set for constants (and, when an
// operator is prepared during a run, for every input).
class NodeContext {
public:
    NodeContext(ExecEnv& e, const model::Subgraph& s, const model::Operator& o, int i, std::vector<RtTensor>& t,
        bool duringRun);

    ExecEnv& env;
    const model::Graph& graph;
    const model::Subgraph& subgraph;
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

    // Whether LiteRT hands this operator to XNNPACK (quant/xnnpack_support.h), for kernels whose
    // arithmetic differs between XNNPACK and TFLite's built-in kernel (the hybrid ones). False with
    // --rounding reference.
    bool xnnpackRuns() const;
    // The requantization rounding of the kernel that computes this operator in the runtime modelled:
    // XNNPACK's where LiteRT delegates it, the fixed-point one of LiteRT's built-in kernels (the
    // reference's) where XNNPACK refuses it (e.g. an 8-bit convolution without a bias).
    // Why XNNPACK takes this operator but then fails to prepare it, so that LiteRT runs no part of the
    // model (quant/xnnpack_support.h), or an empty string. Always empty with --rounding reference.
    std::string xnnpackBreaks() const;
    Rounding requantRounding() const { return xnnpackRuns() ? Rounding::Xnnpack : Rounding::Reference; }

    // "operator 3 (CONV_2D): <message>"
    Error fail(const std::string& message) const;
    // Checks input/output counts (max -1: no upper bound).
    Status expectArity(int minInputs, int maxInputs, int outputs) const;
    Status expectConstant(const RtTensor& t, const char* what) const;
    // A description of the input and output dtypes for "unsupported" errors.
    std::string dtypes() const;
    Error unsupported() const;

    // Sets the shape of output i (and the bytes it takes). Every prepare sets every output, or
    // marks it dynamic.
    Status setOutputShape(int i, std::vector<std::int32_t> shape);
    // Output i gets its shape only in run() (RunContext::resize); its consumers are prepared during
    // the run.
    void markDynamic(int i);
    // Input i with its data readable now, or null: constants always, other tensors only when the
    // operator is prepared during a run. The operator is prepared again when such a value changes.
    const RtTensor* valueOf(int i);
    // Asks to be prepared during the run, when the values of all inputs are known.
    Error deferred();

    bool duringRun() const { return m_duringRun; }
    bool wasDeferred() const { return m_deferred; }
    bool outputSet(int i) const { return m_outputs[static_cast<std::size_t>(i)] != 0; }
    bool outputDynamic(int i) const { return m_outputs[static_cast<std::size_t>(i)] == 2; }
    const std::vector<int>& valueInputs() const { return m_valueInputs; }

private:
    std::vector<char> m_outputs; // 0 not set, 1 shape set, 2 dynamic
    std::vector<int> m_valueInputs;
    bool m_duringRun = false;
    bool m_deferred = false;
};

using PrepareFn = Result<std::unique_ptr<Kernel>> (*)(NodeContext&);

// How the interpreter may treat an operator beyond preparing and running it.
enum class OpTrait : unsigned {
    None = 0,
    // Runs once at prepare when all inputs are constants (its output becomes a constant).
    Foldable = 1,
    // Its output depends on the input's shape only: folded whenever the input shape is known.
    ShapeOnly = 2,
};

struct KernelInfo {
    tflite::BuiltinOperator op;
    PrepareFn prepare;
    unsigned traits = static_cast<unsigned>(OpTrait::Foldable);
};

// Every builtin operator the interpreter runs.
const std::vector<KernelInfo>& kernelTable();
const KernelInfo* findKernel(tflite::BuiltinOperator op);

} // namespace ql::exec
