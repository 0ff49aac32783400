// SPDX-License-Identifier: MIT
// The TensorFlow Lite converter's quantization rules, one row per operator: whether an operator
// becomes int8 or 16x8, which inputs are quantized data, how its output's parameters are chosen
// (its own calibrated range, its input's, one set shared by several inputs and the output, or
// values the runtime fixes), its weights and bias, the operator version the converter writes and
// the highest one LiteRT registers. One table drives the quantizer (engine/passes), the validity
// checks (quant/lint.h) and the documentation (docs/quantization.md, generated from it and
// checked by a test). Sources and evidence: docs/quantization.md "Operator rules".
#pragma once

#include "model/graph.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace ql::quant {

using Op = tflite::BuiltinOperator;

enum class OutputRule : std::uint8_t {
    Own, // the output's own calibrated range
    SameAsInput, // the parameters of input `sameAs` (pools, RESHAPE, TRANSPOSE, ...): no requantization
    Shared, // one parameter set for the `sharedInputs` and every output (CONCATENATION, PACK, ...)
    Fixed, // parameters the kernels require (LOGISTIC, SOFTMAX, ...)
    NotQuantized, // the output is not a quantized activation (ARG_MAX's indices, comparisons' bools)
};

struct FixedParams {
    float scale = 0;
    std::int64_t zeroPoint = 0;
};

// How the int8 XNNPACK path treats an int8 node of this kind (details: quant/xnnpack_support.h).
enum class Int8Delegation : std::uint8_t {
    Xnnpack, // taken when its conditions hold
    BuiltinOnly, // XNNPACK has no int8 path; the built-in kernel runs it (as for the converter's own file)
};

struct OpRule {
    Op op = Op::ADD;
    bool int8 = false; // the converter quantizes it to int8 and LiteRT has the kernel
    bool int16 = false; // same for 16x8 (int16 activations, int8 weights)
    std::uint32_t dataInputs = 0; // bit k: input k is quantized like an activation (else left as it is)
    OutputRule output = OutputRule::Own;
    int sameAs = 0; // SameAsInput: the input whose parameters every output takes
    std::uint32_t sharedInputs = 0; // Shared: bit k: input k shares the output's parameters
    FixedParams fixed8{}, fixed16{}; // Fixed
    // Weights: the input holding the constant weights (-1: none), their per-channel axis, whether the
    // converter quantizes them per channel by default, and the bias input (-1: none).
    int weight = -1;
    int axis = 0;
    bool perChannel = false;
    int bias = -1;
    int versionInt8 = 1, version16x8 = 1; // as the converter writes them (before option-dependent bumps)
    int maxVersion = 1; // the highest version LiteRT registers: a file with a higher one does not load
    Int8Delegation delegation = Int8Delegation::Xnnpack;
    const char* note = ""; // what the table cannot say, in a few words
};

// The rule of a builtin operator, or nullptr: the operator is never quantized (it stays float, with
// DEQUANTIZE / QUANTIZE around it, or works on integers only).
const OpRule* ruleFor(Op op);
std::span<const OpRule> allRules();

// Whether input k is quantized data / shares the output's parameters.
inline bool isDataInput(const OpRule& r, int k)
{
    return k >= 0 && k < 32 && ((r.dataInputs >> k) & 1u) != 0;
}
inline bool isSharedInput(const OpRule& r, int k)
{
    return k >= 0 && k < 32 && ((r.sharedInputs >> k) & 1u) != 0;
}

// The version the converter writes for operator `op` of `sg` once quantized (`int16`: 16x8 mode),
// with the bumps that depend on options and ranks (FULLY_CONNECTED without bias, PAD of rank 5, ...).
int convertedVersion(const OpRule& r, const model::Graph& g, const model::Subgraph& sg, const model::Operator& op, bool int16);

// TFLite's integer ADD and SUB (int8, uint8, and int16 on the general path) bring both inputs to twice
// the larger input scale with `leftShift` extra bits (20 for 8-bit, 15 for int16) and rescale the sum by
// twice_max_in / (2^leftShift * s_out). LiteRT's kernel needs that factor below 1: at 1 or more it
// stops the program while preparing ADD (and SUB; measured with litert-run: max input scale >= 2^19
// times the output scale for 8 bits, 2^14 for int16). The kernel forms 2 * max_in and 2^leftShift * s_out
// in float: where either overflows (scales beyond about 3e32 for 8 bits), the factor becomes 0 or
// infinite and the program stops too (measured: an int8 ADD with output scale 4.6e35 aborts, 1e30 runs).
// Returns the factor as the kernel computes it.
double addSubOutputMultiplier(float inScale1, float inScale2, float outScale, model::DType type);
// Whether LiteRT's kernel takes that factor: above 0 and below 1.
inline bool addSubRescalable(double factor)
{
    return factor > 0.0 && factor < 1.0;
}
// The largest output scale whose 2^leftShift multiple stays finite in float.
double addSubLargestOutputScale(model::DType type);
// The largest ratio max input scale / output scale that keeps the factor below 1, as a power of two.
int addSubMaxScaleRatioLog2(model::DType type);

// Dynamic-range (weight-only and hybrid) quantization of one operator kind.
struct DynamicRule {
    Op op = Op::CONV_2D;
    int weight = 1; // the input holding the weights
    // Recurrent operators: every input that holds weights (bit k: input k), each quantized per tensor;
    // 0: `weight` alone. `allOrNothing`: when one of them is below the size threshold, none is quantized
    // (the converter's rule for the sequence LSTM; the LSTM kernels need every weight of one type).
    std::uint64_t weights = 0;
    bool allOrNothing = false;
    int axis = 0; // per-channel axis; -1: per tensor
    bool hybrid = true; // the kernel takes int8 weights with float activations; else a DEQUANTIZE feeds the float op
    bool asymmetricInputs = false; // the converter sets asymmetric_quantize_inputs on the options
    int version = 1; // per-channel (or the only) version
    int versionPerTensor = 1; // when per-channel quantization is turned off
};

const DynamicRule* dynamicRuleFor(Op op);
std::span<const DynamicRule> allDynamicRules();

// The builtin operator names of the table, as TFLite spells them.
std::string outputRuleName(OutputRule r);

} // namespace ql::quant
