// SPDX-License-Identifier: MIT
#include "exec/kernel.h"

#include "exec/env.h"
#include "exec/kernels/kernels.h"
#include "model/validate.h"
#include "quant/xnnpack_support.h"

#include <algorithm>

namespace ql::exec {

std::string roundingName(Rounding r)
{
    return r == Rounding::Reference ? "reference" : "xnnpack";
}

std::string shapeText(const std::vector<std::int32_t>& shape)
{
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? "," : "") + std::to_string(shape[i]);
    return s + "]";
}

namespace {

int subgraphIndex(const model::Graph& g, const model::Subgraph& s)
{
    for (std::size_t k = 0; k < g.subgraphs.size(); ++k)
        if (&g.subgraphs[k] == &s)
            return static_cast<int>(k);
    return -1;
}

} // namespace

bool NodeContext::xnnpackRuns() const
{
    if (rounding != Rounding::Xnnpack)
        return false;
    const int sg = subgraphIndex(graph, subgraph);
    return sg >= 0 && env.xnnpackDecision(sg, index).verdict == quant::XnnpackVerdict::Delegated;
}

std::string NodeContext::xnnpackBreaks() const
{
    if (rounding != Rounding::Xnnpack)
        return {};
    const int sg = subgraphIndex(graph, subgraph);
    if (sg < 0)
        return {};
    const auto& d = env.xnnpackDecision(sg, index);
    return d.verdict == quant::XnnpackVerdict::BreaksBuild ? d.reason : std::string();
}

NodeContext::NodeContext(
    ExecEnv& e, const model::Subgraph& s, const model::Operator& o, int i, std::vector<RtTensor>& t, bool duringRun)
    : env(e)
    , graph(*e.graph)
    , subgraph(s)
    , op(o)
    , index(i)
    , tensors(t)
    , rounding(e.rounding)
    , m_outputs(o.outputs.size(), 0)
    , m_duringRun(duringRun)
{
}

Error NodeContext::fail(const std::string& message) const
{
    return Error{"operator " + std::to_string(index) + " (" + graph.opName(op) + "): " + message};
}

Status NodeContext::expectArity(int minInputs, int maxInputs, int outputs) const
{
    if (inputCount() < minInputs || (maxInputs >= 0 && inputCount() > maxInputs))
        return fail("has " + std::to_string(inputCount()) + " inputs, expected " + std::to_string(minInputs) +
            (maxInputs == minInputs ? "" : (maxInputs < 0 ? " or more" : " to " + std::to_string(maxInputs))));
    if (outputCount() != outputs)
        return fail("has " + std::to_string(outputCount()) + " outputs, expected " + std::to_string(outputs));
    for (int i = 0; i < minInputs; ++i)
        if (!hasInput(i))
            return fail("input " + std::to_string(i) + " is required but omitted");
    for (int i = 0; i < outputs; ++i)
        if (outputIndex(i) < 0)
            return fail("output " + std::to_string(i) + " is omitted");
    return {};
}

Status NodeContext::expectConstant(const RtTensor& t, const char* what) const
{
    if (!t.constant)
        return fail(std::string(what) + " must be a constant");
    return {};
}

std::string NodeContext::dtypes() const
{
    std::string s = "inputs (";
    for (int i = 0; i < inputCount(); ++i)
        s += (i ? ", " : "") + (hasInput(i) ? model::dtypeName(in(i).dtype) : std::string("-"));
    s += "), outputs (";
    for (int i = 0; i < outputCount(); ++i)
        s += (i ? ", " : "") + (outputIndex(i) >= 0 ? model::dtypeName(out(i).dtype) : std::string("-"));
    return s + ")";
}

Error NodeContext::unsupported() const
{
    return fail("this combination of types is not supported: " + dtypes());
}

Status NodeContext::setOutputShape(int i, std::vector<std::int32_t> shape)
{
    if (i < 0 || i >= outputCount() || outputIndex(i) < 0)
        return fail("has no output " + std::to_string(i));
    std::int64_t count = 1;
    for (const auto d : shape) {
        if (d < 0)
            return fail("output " + std::to_string(i) + " would have shape " + shapeText(shape));
        count *= d;
        if (count > model::kMaxTensorElements)
            return fail("output " + std::to_string(i) + " of shape " + shapeText(shape) + " is too large");
    }
    RtTensor& t = out(i);
    t.shape = std::move(shape);
    const bool handle = t.dtype == model::DType::Resource || t.dtype == model::DType::Variant;
    t.bytes = handle ? 4 * count : model::denseBytes(t.dtype, count);
    m_outputs[static_cast<std::size_t>(i)] = 1;
    return {};
}

void NodeContext::markDynamic(int i)
{
    m_outputs[static_cast<std::size_t>(i)] = 2;
}

const RtTensor* NodeContext::valueOf(int i)
{
    if (!hasInput(i))
        return nullptr;
    const RtTensor& t = in(i);
    if (t.constant)
        return &t;
    if (!m_duringRun)
        return nullptr;
    if (std::find(m_valueInputs.begin(), m_valueInputs.end(), i) == m_valueInputs.end())
        m_valueInputs.push_back(i);
    return &t;
}

Error NodeContext::deferred()
{
    m_deferred = true;
    return fail("needs the values of its inputs");
}

const std::vector<KernelInfo>& kernelTable()
{
    using Op = tflite::BuiltinOperator;
    constexpr unsigned shapeOnly = static_cast<unsigned>(OpTrait::ShapeOnly);
    constexpr unsigned stateful = static_cast<unsigned>(OpTrait::None);
    static const std::vector<KernelInfo> table = {
        {Op::ADD, prepareAdd},
        {Op::SUB, prepareSub},
        {Op::MUL, prepareMul},
        {Op::AVERAGE_POOL_2D, prepareAveragePool},
        {Op::MAX_POOL_2D, prepareMaxPool},
        {Op::CONCATENATION, prepareConcatenation},
        {Op::CONV_2D, prepareConv2D},
        {Op::DEPTHWISE_CONV_2D, prepareDepthwiseConv2D},
        {Op::FULLY_CONNECTED, prepareFullyConnected},
        {Op::TRANSPOSE_CONV, prepareTransposeConv},
        {Op::DEQUANTIZE, prepareDequantize},
        {Op::QUANTIZE, prepareQuantize},
        {Op::RESHAPE, prepareReshape},
        {Op::SQUEEZE, prepareReshape},
        {Op::EXPAND_DIMS, prepareReshape},
        {Op::SHAPE, prepareShape, shapeOnly},
        {Op::PACK, preparePack},
        {Op::STRIDED_SLICE, prepareStridedSlice},
        {Op::PAD, preparePad},
        {Op::PADV2, preparePad},
        {Op::SOFTMAX, prepareSoftmax},
        {Op::RELU, prepareRelu},
        {Op::RELU6, prepareRelu6},
        {Op::RELU_N1_TO_1, prepareReluN1To1},
        {Op::RELU_0_TO_1, prepareRelu0To1},
        {Op::L2_POOL_2D, prepareL2Pool},
        {Op::FAKE_QUANT, prepareFakeQuant},
        {Op::LOCAL_RESPONSE_NORMALIZATION, prepareLocalResponseNorm},
        {Op::ADD_N, prepareAddN},
        {Op::ONE_HOT, prepareOneHot},
        {Op::BROADCAST_ARGS, prepareBroadcastArgs},
        {Op::DYNAMIC_UPDATE_SLICE, prepareDynamicUpdateSlice},
        {Op::SEGMENT_SUM, prepareSegmentSum},
        {Op::UNSORTED_SEGMENT_SUM, prepareUnsortedSegment},
        {Op::UNSORTED_SEGMENT_PROD, prepareUnsortedSegment},
        {Op::UNSORTED_SEGMENT_MAX, prepareUnsortedSegment},
        {Op::UNSORTED_SEGMENT_MIN, prepareUnsortedSegment},
        {Op::ATAN2, prepareBinaryMath},
        {Op::CONV_3D, prepareConv3D},
        {Op::CONV_3D_TRANSPOSE, prepareConv3DTranspose},
        {Op::RANK, prepareRank, shapeOnly},
        {Op::BUCKETIZE, prepareBucketize},
        {Op::UNIQUE, prepareUnique},
        {Op::SPARSE_TO_DENSE, prepareSparseToDense},
        {Op::DILATE, prepareDilate},
        {Op::BITWISE_XOR, prepareBitwiseBinary},
        {Op::RIGHT_SHIFT, prepareBitwiseBinary},
        {Op::BITCAST, prepareBitcast},
        {Op::MATRIX_DIAG, prepareMatrixDiag},
        {Op::MATRIX_SET_DIAG, prepareMatrixSetDiag},
        {Op::REVERSE_SEQUENCE, prepareReverseSequence},
        {Op::LOGISTIC, prepareLogistic},
        {Op::TANH, prepareTanh},
        {Op::LEAKY_RELU, prepareLeakyRelu},
        {Op::HARD_SWISH, prepareHardSwish},
        {Op::MEAN, prepareMean},
        {Op::SUM, prepareSum},
        {Op::REDUCE_MAX, prepareReduceMax},
        {Op::TRANSPOSE, prepareTranspose},
        {Op::MAXIMUM, prepareMaximum},
        {Op::MINIMUM, prepareMinimum},
        {Op::SLICE, prepareSlice},
        {Op::SPLIT, prepareSplit},
        {Op::GATHER, prepareGather},
        {Op::ARG_MAX, prepareArgMax},
        {Op::ARG_MIN, prepareArgMin},
        {Op::RESIZE_BILINEAR, prepareResizeBilinear},
        {Op::RESIZE_NEAREST_NEIGHBOR, prepareResizeNearest},
        {Op::BATCH_MATMUL, prepareBatchMatMul},
        {Op::PRELU, preparePrelu},
        {Op::L2_NORMALIZATION, prepareL2Normalization},
        {Op::UNIDIRECTIONAL_SEQUENCE_LSTM, prepareUnidirectionalLstm, stateful},
        {Op::LSTM, prepareLstm, stateful},
        {Op::BIDIRECTIONAL_SEQUENCE_LSTM, prepareBidirectionalLstm, stateful},
        {Op::RNN, prepareRnn, stateful},
        {Op::BIDIRECTIONAL_SEQUENCE_RNN, prepareBidirectionalRnn, stateful},
        {Op::SVDF, prepareSvdf, stateful},
        {Op::UNIDIRECTIONAL_SEQUENCE_RNN, prepareSequenceRnn, stateful},
        {Op::DEPTH_TO_SPACE, prepareDepthToSpace},
        {Op::SPACE_TO_DEPTH, prepareSpaceToDepth},
        {Op::SPACE_TO_BATCH_ND, prepareSpaceToBatchNd},
        {Op::BATCH_TO_SPACE_ND, prepareBatchToSpaceNd},
        {Op::MIRROR_PAD, prepareMirrorPad},
        {Op::REVERSE_V2, prepareReverseV2},
        {Op::TILE, prepareTile},
        {Op::BROADCAST_TO, prepareBroadcastTo},
        {Op::DIV, prepareBinaryMath},
        {Op::POW, prepareBinaryMath},
        {Op::FLOOR_DIV, prepareBinaryMath},
        {Op::FLOOR_MOD, prepareBinaryMath},
        {Op::SQUARED_DIFFERENCE, prepareBinaryMath},
        {Op::LESS, prepareBinaryMath},
        {Op::LESS_EQUAL, prepareBinaryMath},
        {Op::GREATER, prepareBinaryMath},
        {Op::GREATER_EQUAL, prepareBinaryMath},
        {Op::EQUAL, prepareBinaryMath},
        {Op::NOT_EQUAL, prepareBinaryMath},
        {Op::LOGICAL_AND, prepareBinaryMath},
        {Op::LOGICAL_OR, prepareBinaryMath},
        {Op::ABS, prepareUnaryMath},
        {Op::NEG, prepareUnaryMath},
        {Op::SQUARE, prepareUnaryMath},
        {Op::SQRT, prepareUnaryMath},
        {Op::RSQRT, prepareUnaryMath},
        {Op::EXP, prepareUnaryMath},
        {Op::LOG, prepareUnaryMath},
        {Op::SIN, prepareUnaryMath},
        {Op::COS, prepareUnaryMath},
        {Op::FLOOR, prepareUnaryMath},
        {Op::CEIL, prepareUnaryMath},
        {Op::ROUND, prepareUnaryMath},
        {Op::SIGN, prepareUnaryMath},
        {Op::LOGICAL_NOT, prepareUnaryMath},
        {Op::GELU, prepareUnaryMath},
        {Op::ELU, prepareUnaryMath},
        {Op::FILL, prepareFill},
        {Op::ZEROS_LIKE, prepareZerosOnesLike},
        {Op::RANGE, prepareRange},
        {Op::CAST, prepareCast},
        {Op::GATHER_ND, prepareGatherNd},
        {Op::SCATTER_ND, prepareScatterNd},
        {Op::SELECT, prepareSelect},
        {Op::SELECT_V2, prepareSelect},
        {Op::WHERE, prepareWhere},
        {Op::TOPK_V2, prepareTopK},
        {Op::EMBEDDING_LOOKUP, prepareEmbeddingLookup},
        {Op::SPLIT_V, prepareSplitV},
        {Op::UNPACK, prepareUnpack},
        {Op::REDUCE_MIN, prepareReduceMin},
        {Op::REDUCE_PROD, prepareReduceProd},
        {Op::REDUCE_ANY, prepareReduceAny},
        {Op::REDUCE_ALL, prepareReduceAll},
        {Op::LOG_SOFTMAX, prepareLogSoftmax},
        {Op::CUMSUM, prepareCumsum},
        {Op::DENSIFY, prepareDensify},
        {Op::RFFT2D, prepareRfft2d},
        {Op::REAL, prepareComplexPart},
        {Op::IMAG, prepareComplexPart},
        {Op::COMPLEX_ABS, prepareComplexPart},
        {Op::NON_MAX_SUPPRESSION_V4, prepareNonMaxSuppression},
        {Op::NON_MAX_SUPPRESSION_V5, prepareNonMaxSuppression},
        {Op::IF, prepareIf, stateful},
        {Op::WHILE, prepareWhile, stateful},
        {Op::CALL_ONCE, prepareCallOnce, stateful},
        {Op::STABLEHLO_COMPOSITE, prepareStablehloComposite, stateful},
        {Op::VAR_HANDLE, prepareVarHandle},
        {Op::ASSIGN_VARIABLE, prepareAssignVariable, stateful},
        {Op::READ_VARIABLE, prepareReadVariable, stateful},
    };
    return table;
}

const KernelInfo* findKernel(tflite::BuiltinOperator op)
{
    const auto& t = kernelTable();
    const auto it = std::find_if(t.begin(), t.end(), [op](const KernelInfo& k) { return k.op == op; });
    return it == t.end() ? nullptr : &*it;
}

} // namespace ql::exec
