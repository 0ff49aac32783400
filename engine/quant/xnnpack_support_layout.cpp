// SPDX-License-Identifier: MIT
// The XNNPACK delegate predictor for the layout operators: concatenation, padding, reshapes, resizing,
// slices, splits, transposes and depth/space rearrangement, with XNNPACK's parameter-tensor and
// same-scale build checks. The dispatch is in xnnpack_support_ops.cpp.
#include "quant/xnnpack_support_layout.h"

#include <cstddef>
#include <string>
#include <vector>

namespace ql::quant::xnn {

using model::DType;
using model::Tensor;
using Op = tflite::BuiltinOperator;

namespace {

// A constant int32 (or int64 when `allow64`) parameter tensor, 1-D unless `squeezable` lets
// leading unit dimensions through.
std::string checkParamTensor(const Node& n, int input, const char* role, bool allow64 = false, bool squeezable = false)
{
    const Tensor* t = n.in(input);
    if (!t)
        return n.name + " has no " + role;
    if (t->dtype != DType::Int32 && !(allow64 && t->dtype == DType::Int64))
        return n.name + " " + role + " is " + typeLabel(*t) + " (XNNPACK needs int32)";
    if (!squeezable && t->shape.size() != 1)
        return n.name + " " + role + " is not a 1-D tensor";
    for (std::size_t i = 0; i + 1 < t->shape.size(); ++i)
        if (t->shape[i] != 1)
            return n.name + " " + role + " is not a 1-D tensor";
    if (!n.constantInput(input))
        return n.name + " " + role + " is not a constant";
    return {};
}

} // namespace

std::string sameParams(const Node& n, const Tensor& in, const Tensor& out, const char* what)
{
    if (in.dtype != out.dtype)
        return n.name + " " + what + " have different types (" + typeLabel(in) + ", " + typeLabel(out) + ")";
    if (isQuantized8(out) && (legacyParams(in) != legacyParams(out)))
        return n.name + " " + what + " are quantized differently";
    return {};
}

XnnpackDecision visitConcatenation(const Node& n)
{
    if (n.inputs() < 2 || n.inputs() > 5)
        return refuse("CONCATENATION has " + std::to_string(n.inputs()) + " inputs (XNNPACK takes 2 to 5)");
    if (n.outputs() != 1)
        return refuse("CONCATENATION has an unexpected number of outputs");
    const Tensor* y = n.out(0);
    QL_XNN_REFUSE_IF(checkType(n, y, "output", kFloatQ8));
    const int axis = optionsOr(n.op.options.AsConcatenationOptions()).axis;
    for (int i = 0; i < n.inputs(); ++i)
        if (!n.in(i) || axis >= static_cast<int>(n.in(i)->shape.size()))
            return refuse("CONCATENATION axis " + std::to_string(axis) + " is beyond an input's rank");
    if (y->dtype == DType::UInt8)
        for (int i = 0; i < n.inputs(); ++i)
            if (legacyParams(*n.in(i)) != legacyParams(*y))
                return refuse("uint8 CONCATENATION inputs and output are quantized differently (XNNPACK checks "
                              "this before taking it)");
    for (int i = 0; i < n.inputs(); ++i)
        QL_XNN_REFUSE_IF(checkType(n, n.in(i), "input", kFloatQ8));
    for (int i = 0; i < n.inputs(); ++i)
        if (std::string why = sameParams(n, *n.in(i), *y, "inputs and output"); !why.empty())
            return breaks(why);
    return take();
}

XnnpackDecision visitPad(const Node& n)
{
    if (n.inputs() != 2 || n.outputs() != 1)
        return refuse("PAD has an unexpected number of inputs or outputs (PADV2 and MIRROR_PAD are other operators)");
    const Tensor* x = n.in(0);
    const Tensor* y = n.out(0);
    QL_XNN_REFUSE_IF(checkType(n, x, "input", kFloatQ8));
    QL_XNN_REFUSE_IF(checkRank(n, x, "input", 1, kMaxRank));
    const Tensor* p = n.in(1);
    if (!p || p->dtype != DType::Int32)
        return refuse("PAD paddings are not int32");
    if (p->shape.size() != 2 || p->shape[0] != static_cast<int>(x->shape.size()) || p->shape[1] != 2)
        return refuse("PAD paddings do not have one row of two values per input dimension");
    if (!n.constantInput(1))
        return refuse("PAD paddings are not a constant");
    QL_XNN_REFUSE_IF(checkType(n, y, "output", kFloatQ8));
    QL_XNN_REFUSE_IF(checkRank(n, y, "output", 1, kMaxRank));
    for (const auto v : intData(n.g, *p))
        if (v < 0)
            return refuse("PAD has a negative padding");
    if (std::string why = sameParams(n, *x, *y, "input and output"); !why.empty())
        return breaks(why);
    return take();
}

XnnpackDecision visitReshape(const Node& n)
{
    if (n.inputs() < 1 || n.inputs() > 2 || n.outputs() != 1)
        return refuse("RESHAPE has an unexpected number of inputs or outputs");
    const Tensor* x = n.in(0);
    const Tensor* y = n.out(0);
    QL_XNN_REFUSE_IF(checkType(n, x, "input", kFloatQ8));
    QL_XNN_REFUSE_IF(checkRank(n, x, "input", 0, kMaxRank));
    QL_XNN_REFUSE_IF(checkType(n, y, "output", kFloatQ8));
    QL_XNN_REFUSE_IF(checkRank(n, y, "output", 0, kMaxRank));
    if (isQuantized8(*y) && legacyParams(*x) != legacyParams(*y))
        return refuse("RESHAPE input and output are quantized differently (XNNPACK checks this before taking it; "
                      "the built-in kernel copies the codes unchanged)");
    std::vector<std::int64_t> shape;
    if (n.in(1)) {
        QL_XNN_REFUSE_IF(checkParamTensor(n, 1, "shape", false, true));
        shape = intData(n.g, *n.in(1));
    } else if (const auto* o = n.op.options.AsReshapeOptions()) {
        shape.assign(o->new_shape.begin(), o->new_shape.end());
    }
    if (shape.size() == 1 && (shape[0] == -1 || shape[0] == 0))
        return refuse("RESHAPE to a single dimension of -1 (XNNPACK skips this legacy scalar form)");
    if (shape.size() > static_cast<std::size_t>(kMaxRank))
        return breaks("RESHAPE to rank " + std::to_string(shape.size()) + " (XNNPACK handles at most 6)");
    if (std::string why = sameParams(n, *x, *y, "input and output"); !why.empty())
        return breaks(why);
    return take();
}

XnnpackDecision visitResizeBilinear(const Node& n)
{
    if (n.inputs() != 2 || n.outputs() != 1)
        return refuse("RESIZE_BILINEAR has an unexpected number of inputs or outputs");
    const Tensor* x = n.in(0);
    const Tensor* y = n.out(0);
    QL_XNN_REFUSE_IF(checkType(n, x, "input", kF32Q8));
    QL_XNN_REFUSE_IF(checkRank(n, x, "input", 4, 4));
    QL_XNN_REFUSE_IF(checkParamTensor(n, 1, "size"));
    QL_XNN_REFUSE_IF(checkType(n, y, "output", kFloatQ8));
    QL_XNN_REFUSE_IF(checkRank(n, y, "output", 4, 4));
    const auto size = intData(n.g, *n.in(1));
    if (!size.empty() && size[0] <= 0)
        return refuse("RESIZE_BILINEAR output size is not positive");
    if (std::string why = sameParams(n, *x, *y, "input and output"); !why.empty())
        return breaks(why);
    return take();
}

XnnpackDecision visitSlice(const Node& n)
{
    if (n.inputs() != 3 || n.outputs() != 1)
        return refuse("SLICE has an unexpected number of inputs or outputs");
    QL_XNN_REFUSE_IF(checkParamTensor(n, 1, "begin", true));
    QL_XNN_REFUSE_IF(checkParamTensor(n, 2, "size", true));
    if (n.in(1)->shape != n.in(2)->shape)
        return refuse("SLICE begin and size differ in length");
    const Tensor* x = n.in(0);
    const Tensor* y = n.out(0);
    QL_XNN_REFUSE_IF(checkType(n, x, "input", kFloatQ8));
    QL_XNN_REFUSE_IF(checkType(n, y, "output", kFloatQ8));
    const auto begin = intData(n.g, *n.in(1));
    for (const auto s : intData(n.g, *n.in(2)))
        if (s <= 0)
            return refuse("SLICE size " + std::to_string(s) + " is not positive (XNNPACK does not take -1)");
    if (begin.size() > static_cast<std::size_t>(kMaxRank))
        return breaks("SLICE of rank " + std::to_string(begin.size()) + " (XNNPACK handles at most 6)");
    for (const auto b : begin)
        if (b < 0)
            return breaks("SLICE has a negative begin, which XNNPACK accepts but cannot build");
    if (std::string why = sameParams(n, *x, *y, "input and output"); !why.empty())
        return breaks(why);
    return take();
}

XnnpackDecision visitStridedSlice(const Node& n)
{
    const auto o = optionsOr(n.op.options.AsStridedSliceOptions());
    if (o.ellipsis_mask != 0 || o.new_axis_mask != 0 || o.shrink_axis_mask != 0)
        return refuse("STRIDED_SLICE uses an ellipsis, new-axis or shrink mask");
    if (n.inputs() != 4 || n.outputs() != 1)
        return refuse("STRIDED_SLICE has an unexpected number of inputs or outputs");
    QL_XNN_REFUSE_IF(checkParamTensor(n, 3, "strides"));
    for (const auto s : intData(n.g, *n.in(3)))
        if (s != 1)
            return refuse("STRIDED_SLICE has a stride other than 1");
    QL_XNN_REFUSE_IF(checkParamTensor(n, 1, "begin"));
    QL_XNN_REFUSE_IF(checkParamTensor(n, 2, "end"));
    const Tensor* x = n.in(0);
    const Tensor* y = n.out(0);
    if (!x)
        return refuse("STRIDED_SLICE has no input");
    for (int i = 1; i <= 3; ++i)
        if (n.in(i)->shape.size() != 1 || n.in(i)->shape[0] != static_cast<int>(x->shape.size()))
            return refuse("STRIDED_SLICE begin, end and strides do not have one value per input dimension");
    QL_XNN_REFUSE_IF(checkType(n, x, "input", kFloatQ8));
    QL_XNN_REFUSE_IF(checkType(n, y, "output", kFloatQ8));
    if (x->shape.size() > static_cast<std::size_t>(kMaxRank))
        return breaks("STRIDED_SLICE of rank " + std::to_string(x->shape.size()) + " (XNNPACK handles at most 6)");
    if (std::string why = sameParams(n, *x, *y, "input and output"); !why.empty())
        return breaks(why);
    return take();
}

XnnpackDecision visitSplit(const Node& n)
{
    if (optionsOr(n.op.options.AsSplitOptions()).num_splits != n.outputs())
        return refuse("SPLIT num_splits differs from its number of outputs");
    if (n.inputs() != 2 || n.outputs() < 2 || n.outputs() > 4)
        return refuse("SPLIT has " + std::to_string(n.outputs()) + " outputs (XNNPACK takes 2 to 4)");
    const Tensor* dim = n.in(0);
    if (!dim || dim->dtype != DType::Int32 || !n.constantInput(0))
        return refuse("SPLIT axis is not a constant int32");
    const Tensor* x = n.in(1);
    QL_XNN_REFUSE_IF(checkType(n, x, "input", kFloatQ8));
    for (int i = 0; i < n.outputs(); ++i)
        QL_XNN_REFUSE_IF(checkType(n, n.out(i), "output", kFloatQ8));
    const auto axisData = intData(n.g, *dim);
    auto axis = axisData.empty() ? 0 : axisData[0];
    const auto rank = static_cast<std::int64_t>(x->shape.size());
    if (axis < 0)
        axis += rank;
    if (axis < 0 || axis >= rank || x->shape[static_cast<std::size_t>(axis)] % n.outputs() != 0)
        return breaks("SPLIT axis does not divide evenly into its outputs");
    for (int i = 0; i < n.outputs(); ++i)
        if (std::string why = sameParams(n, *x, *n.out(i), "input and outputs"); !why.empty())
            return breaks(why);
    return take();
}

XnnpackDecision visitTranspose(const Node& n)
{
    if (n.inputs() != 2 || n.outputs() != 1)
        return refuse("TRANSPOSE has an unexpected number of inputs or outputs");
    const Tensor* x = n.in(0);
    const Tensor* y = n.out(0);
    QL_XNN_REFUSE_IF(checkType(n, x, "input", kFloatQ8));
    QL_XNN_REFUSE_IF(checkRank(n, x, "input", 1, kMaxRank));
    if (!n.constantInput(1))
        return refuse("TRANSPOSE permutation is not a constant");
    if (std::string why = sameParams(n, *x, *y, "input and output"); !why.empty())
        return breaks(why);
    return take();
}

XnnpackDecision visitSpaceDepth(const Node& n, Op code)
{
    if (n.inputs() != 1 || n.outputs() != 1)
        return refuse(n.name + " has an unexpected number of inputs or outputs");
    const Tensor* x = n.in(0);
    const Tensor* y = n.out(0);
    const bool toDepth = code == Op::SPACE_TO_DEPTH;
    QL_XNN_REFUSE_IF(checkType(n, x, "input", toDepth ? kF32Q8 : kFloatQ8));
    QL_XNN_REFUSE_IF(checkType(n, y, "output", kFloatQ8));
    const int block = toDepth ? optionsOr(n.op.options.AsSpaceToDepthOptions()).block_size
                              : optionsOr(n.op.options.AsDepthToSpaceOptions()).block_size;
    if (block <= 1)
        return refuse(n.name + " block size " + std::to_string(block) + " is not above 1");
    if (toDepth && (x->shape.size() < 3 || x->shape[1] % block != 0 || x->shape[2] % block != 0))
        return refuse("SPACE_TO_DEPTH height or width is not a multiple of the block size");
    if (x->shape.size() != 4)
        return breaks(n.name + " input is not 4-D");
    if (std::string why = sameParams(n, *x, *y, "input and output"); !why.empty())
        return breaks(why);
    return take();
}

} // namespace ql::quant::xnn
