// SPDX-License-Identifier: MIT
// The full-integer quantization pass (internal to engine/passes), one class over three files: integer.cpp
// runs it (graph inputs and outputs, QUANTIZE / DEQUANTIZE where float and integer tensors meet),
// integer_choice.cpp decides which operators become integer, integer_operators.cpp gives one operator
// its integer inputs, weights, bias, outputs and options (integer_lstm.cpp and integer_svdf.cpp: the LSTM's and the SVDF's).
#pragma once

#include "passes/common.h"
#include "passes/param_groups.h"

#include "model/transform.h"
#include "quant/op_rules.h"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace ql::passes::detail {

class IntegerPass {
public:
    // Quantizes subgraph `subgraph` of `in`; `ranges` holds one per tensor of that subgraph. A subgraph
    // other than 0 (a control-flow body) keeps float inputs and outputs, whatever o.io says, since the
    // operator that calls it passes float values; o.keepFloat applies to it by operator type and tensor
    // name (operator numbers are subgraph 0's), and its float operators are named in notes only.
    IntegerPass(const model::Graph& in, const QuantizeOptions& o, std::vector<quant::TensorRange> ranges, int subgraph = 0)
        : m_in(in)
        , m_o(o)
        , m_sub(subgraph)
        , m_ranges(std::move(ranges))
        , m_int16(o.mode == Mode::Int16x8)
        , m_act{m_int16 ? 16 : 8, m_int16, false}
    {
    }

    Result<QuantizeResult> run();

private:
    model::DType actType() const { return m_int16 ? model::DType::Int16 : model::DType::Int8; }
    model::Subgraph& sg() { return m_r.graph.subgraphs[static_cast<std::size_t>(m_sub)]; }
    const model::Subgraph& src() const { return m_in.subgraphs[static_cast<std::size_t>(m_sub)]; }
    IoType io() const { return m_sub == 0 ? m_o.io : IoType::Float; }
    // "operator 3 (CONV_2D)", with "subgraph 2, " before it outside subgraph 0.
    std::string opLabel(int i) const
    {
        return (m_sub == 0 ? std::string() : "subgraph " + std::to_string(m_sub) + ", ") + "operator " + std::to_string(i) +
            " (" + m_in.opName(src().operators[static_cast<std::size_t>(i)]) + ")";
    }
    int addTensor(model::Tensor t)
    {
        sg().tensors.push_back(std::move(t));
        return static_cast<int>(sg().tensors.size() - 1);
    }
    void emit(
        tflite::BuiltinOperator code, std::vector<std::int32_t> inputs, std::vector<std::int32_t> outputs, int version)
    {
        model::Operator op;
        op.opcodeIndex = model::opcodeIndexFor(m_r.graph, code, version);
        op.inputs = std::move(inputs);
        op.outputs = std::move(outputs);
        m_ops.push_back(std::move(op));
    }
    std::vector<bool> chooseIntegerOperators();
    Result<quant::Params> paramsFor(int t);
    Result<int> quantized(int t); // the quantized version of float tensor t
    Result<int> requantized(int t, const quant::Params& p); // tensor t (quantized) moved to other parameters
    int dequantized(int t); // the float version of tensor t
    int quantizeConstant(int t, const quant::Params& p);
    // Float constant t (a weight) as codes of scheme `s` with parameters `p`: int8 up to 8 bits, int16
    // above; written once per tensor, parameters and type (weights shared by several operators).
    int weightCodes(int t, const quant::Params& p, const quant::Scheme& s);
    // Float constant t (a bias) as int32 (int64 with `bits` 64) codes at scale inScale x weightScales[c],
    // zero point 0; written once per tensor and scales.
    int biasCodes(int t, float inScale, const std::vector<float>& weightScales, int bits);
    // Tensor t (an output, or a float variable state) becomes `type` with `p` in place; a state starts at
    // its zero point in the runtimes, so it keeps no data.
    void makeInteger(int t, model::DType type, const quant::Params& p);
    // How many operators of the subgraph read tensor t.
    int readers(int t) const;
    // The operator code's version as the converter writes the integer form (never below the file's).
    void setConvertedVersion(model::Operator& op, tflite::BuiltinOperator code, const quant::OpRule& rule);
    Status quantizeWeights(model::Operator& op, const quant::OpRule& rule, int opIndex);
    Status quantizeOperator(model::Operator& op, const quant::OpRule& rule, int opIndex);
    // UNIDIRECTIONAL_SEQUENCE_LSTM (integer_lstm.cpp): why the integer kernel cannot take operator `op`
    // (empty: it can), and its integer form.
    std::string lstmProblem(const model::Operator& op) const;
    Status quantizeLstm(model::Operator& op, int opIndex);
    // SVDF (integer_svdf.cpp): the same two.
    std::string svdfProblem(const model::Operator& op) const;
    Status quantizeSvdf(model::Operator& op, int opIndex);
    void finishOptions(model::Operator& op, tflite::BuiltinOperator code);
    // An integer DIV divides by (divisor code - zero point), and LiteRT stops the model when that is 0.
    // The zero point always represents 0, so a divisor is safe only when its values stay at least a step
    // away from 0: a constant whose every value keeps a non-zero code, or an activation whose calibrated
    // range keeps one full step from 0. Otherwise the DIV stays float (the converter would quantize it).
    std::string divisorProblem(const model::Subgraph& s, int t) const;
    // Why an integer ADD / SUB with output `t` would stop LiteRT (its scale overflows the kernel's float
    // rescaling), or an empty string.
    std::string addSubScaleProblem(const model::Subgraph& s, int t) const;

    const model::Graph& m_in;
    const QuantizeOptions& m_o;
    int m_sub = 0;
    std::vector<quant::TensorRange> m_ranges; // the calibrated ranges, with widenAddSubOutputRanges applied
    // Float weight or bias tensor and the scales it was quantized with -> its integer tensor.
    std::map<std::pair<int, std::vector<float>>, int> m_quantizedWeights, m_quantizedBiases;
    bool m_int16;
    quant::Scheme m_act;
    QuantizeResult m_r;
    std::vector<model::Operator> m_ops;
    std::vector<bool> m_isFloatActivation; // float32, not constant
    std::vector<char> m_domain; // 'q': the tensor itself is quantized; 'f': it is float; 'u': uint8 graph input
    std::map<int, int> m_qVersion, m_fVersion;
    std::map<int, quant::Params> m_params; // decided parameters of original tensors
    ParamGroups m_groups;
    GroupInputs m_groupInputs;
};

} // namespace ql::passes::detail
