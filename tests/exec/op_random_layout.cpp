// SPDX-License-Identifier: MIT
// Random resizes, reductions, concatenations and strided slices (op_random.h).
#include "exec/op_random.h"

#include <algorithm>
#include <numeric>

namespace ql::test::random_ops {

namespace {

using DT = model::DType;
using Op = tflite::BuiltinOperator;


std::string listText(const std::vector<std::int32_t>& v)
{
    return shapeText(v);
}

} // namespace

OpCase randomResize(Dice& d)
{
    const bool bilinear = d.chance(0.6);
    const Numbers n = activationNumbers(d);
    const std::vector<std::int32_t> x{d.chance(0.2) ? 2 : 1, d.between(1, 9), d.between(1, 9), d.between(1, 6)};
    const std::int32_t oh = d.between(1, 17), ow = d.between(1, 17);
    const bool align = d.chance(0.3), half = !align && d.chance(0.5);
    tflite::BuiltinOptionsUnion o;
    if (bilinear) {
        tflite::ResizeBilinearOptionsT t;
        t.align_corners = align;
        t.half_pixel_centers = half;
        o = opts(t);
    } else {
        tflite::ResizeNearestNeighborOptionsT t;
        t.align_corners = align;
        t.half_pixel_centers = half;
        o = opts(t);
    }
    const TensorSpec in = activation(d, x, n, d.decades(-1, 1));
    const TensorSpec out = sameAs(in, {x[0], oh, ow, x[3]});
    std::string name = std::string(bilinear ? "RESIZE_BILINEAR " : "RESIZE_NEAREST_NEIGHBOR ") + numbersName(n) + " " +
        shapeText(x) + " -> " + std::to_string(oh) + "x" + std::to_string(ow) + (align ? " align corners" : "") +
        (half ? " half pixel" : "");
    return OpCase(std::move(name), builtin(bilinear ? Op::RESIZE_BILINEAR : Op::RESIZE_NEAREST_NEIGHBOR, std::move(o)),
        {in, TensorSpec::constant<std::int32_t>({2}, DT::Int32, {oh, ow})}, {out});
}

OpCase randomReduce(Dice& d)
{
    static const std::vector<Op> ops{Op::MEAN, Op::MEAN, Op::SUM, Op::REDUCE_MAX, Op::REDUCE_MIN, Op::REDUCE_PROD};
    const Op op = d.pick(ops);
    const Numbers n = op == Op::REDUCE_PROD ? Numbers::Float : activationNumbers(d);
    const int rank = d.between(1, 4);
    const auto shape = randomShape(d, rank, rank > 2 ? 6 : 12);
    // A non-empty set of axes, in random order, some written negative.
    std::vector<int> dims(static_cast<std::size_t>(rank));
    std::iota(dims.begin(), dims.end(), 0);
    std::shuffle(dims.begin(), dims.end(), d.engine());
    dims.resize(static_cast<std::size_t>(d.between(1, rank)));
    std::vector<std::int32_t> axes;
    for (int a : dims)
        axes.push_back(d.chance(0.3) ? a - rank : a);
    const bool keep = d.chance(0.5);
    std::vector<std::int32_t> out;
    std::int64_t reduced = 1;
    for (int i = 0; i < rank; ++i) {
        const bool gone = std::find(dims.begin(), dims.end(), i) != dims.end();
        if (gone)
            reduced *= shape[static_cast<std::size_t>(i)];
        if (!gone)
            out.push_back(shape[static_cast<std::size_t>(i)]);
        else if (keep)
            out.push_back(1);
    }
    const double a = op == Op::REDUCE_PROD ? 1.2 : d.decades(-1, 1);
    const TensorSpec x = activation(d, shape, n, a);
    TensorSpec y;
    if ((op == Op::REDUCE_MAX || op == Op::REDUCE_MIN) && d.chance(0.6))
        y = sameAs(x, out);
    else
        y = activation(d, out, n, op == Op::SUM ? a * std::sqrt(static_cast<double>(reduced)) : a);
    tflite::ReducerOptionsT o;
    o.keep_dims = keep;
    std::string name = std::string(tflite::EnumNameBuiltinOperator(op)) + " " + numbersName(n) + " " + shapeText(shape) +
        " axes " + listText(axes) + (keep ? " keep dims" : "");
    return OpCase(std::move(name), builtin(op, opts(o)),
        {x, TensorSpec::constant<std::int32_t>({static_cast<std::int32_t>(axes.size())}, DT::Int32, axes)}, {y});
}

OpCase randomConcatenation(Dice& d)
{
    const Numbers n = activationNumbers(d);
    const int rank = d.between(1, 4), count = d.between(2, 4);
    const auto shape = randomShape(d, rank, 5);
    const int axis = d.between(0, rank - 1);
    const bool shared = d.chance(0.4);
    std::vector<TensorSpec> in;
    std::vector<std::int32_t> out = shape;
    out[static_cast<std::size_t>(axis)] = 0;
    std::string sizes;
    for (int k = 0; k < count; ++k) {
        auto s = shape;
        s[static_cast<std::size_t>(axis)] = d.between(1, 5);
        out[static_cast<std::size_t>(axis)] += s[static_cast<std::size_t>(axis)];
        sizes += (k ? "," : "") + std::to_string(s[static_cast<std::size_t>(axis)]);
        in.push_back(shared && k > 0 ? sameAs(in[0], s) : activation(d, s, n, d.decades(-1, 1)));
    }
    const TensorSpec y = shared ? sameAs(in[0], out) : activation(d, out, n, d.decades(-1, 1));
    tflite::ConcatenationOptionsT o;
    o.axis = d.chance(0.3) ? axis - rank : axis;
    o.fused_activation_function = d.chance(0.8) ? tflite::ActivationFunctionType::NONE : tflite::ActivationFunctionType::RELU;
    std::string name = "CONCATENATION " + numbersName(n) + " " + shapeText(shape) + " axis " + std::to_string(o.axis) +
        " sizes " + sizes + (shared ? " shared scale" : "") +
        (o.fused_activation_function == tflite::ActivationFunctionType::RELU ? " RELU" : "");
    return OpCase(std::move(name), builtin(Op::CONCATENATION, opts(o)), std::move(in), {y});
}

OpCase randomStridedSlice(Dice& d)
{
    const Numbers n = activationNumbers(d);
    const int rank = d.between(1, 4);
    const auto shape = randomShape(d, rank, 7);
    std::vector<std::int32_t> begin, end, strides, out;
    tflite::StridedSliceOptionsT o;
    for (int attempt = 0;; ++attempt) {
        begin.clear();
        end.clear();
        strides.clear();
        out.clear();
        o.begin_mask = o.end_mask = o.shrink_axis_mask = 0;
        bool empty = false;
        for (int i = 0; i < rank; ++i) {
            const int dim = shape[static_cast<std::size_t>(i)];
            const int bit = 1 << i;
            if (attempt < 20 && d.chance(0.15)) {
                o.shrink_axis_mask |= bit;
                begin.push_back(d.between(-dim, dim - 1));
                end.push_back(0);
                strides.push_back(1);
                continue;
            }
            const int s = attempt < 20 ? d.pick(std::vector<int>{-2, -1, 1, 1, 1, 2, 3}) : 1;
            if (attempt >= 20 || d.chance(0.25))
                o.begin_mask |= bit;
            if (attempt >= 20 || d.chance(0.25))
                o.end_mask |= bit;
            begin.push_back(d.between(-dim - 1, dim + 1));
            end.push_back(d.between(-dim - 1, dim + 1));
            strides.push_back(s);
            // The slice's extent along this dimension, as TensorFlow defines it.
            auto place = [&](int v, bool masked, bool isBegin) {
                if (masked)
                    return s > 0 ? (isBegin ? 0 : dim) : (isBegin ? dim - 1 : -1);
                if (v < 0)
                    v += dim;
                return s > 0 ? std::clamp(v, 0, dim) : std::clamp(v, -1, dim - 1);
            };
            const int b = place(begin.back(), (o.begin_mask & bit) != 0, true);
            const int e = place(end.back(), (o.end_mask & bit) != 0, false);
            const int size = s > 0 ? (e - b + s - 1) / s : (b - e + (-s) - 1) / (-s);
            if (size <= 0)
                empty = true;
            out.push_back(std::max(size, 0));
        }
        if (!empty)
            break;
    }
    const TensorSpec x = activation(d, shape, n, d.decades(-1, 1));
    auto consts = [&](const std::vector<std::int32_t>& v) {
        return TensorSpec::constant<std::int32_t>({rank}, DT::Int32, v);
    };
    std::string name = "STRIDED_SLICE " + numbersName(n) + " " + shapeText(shape) + " begin " + listText(begin) + " end " +
        listText(end) + " strides " + listText(strides) + " masks " + std::to_string(o.begin_mask) + "," +
        std::to_string(o.end_mask) + "," + std::to_string(o.shrink_axis_mask);
    return OpCase(std::move(name), builtin(Op::STRIDED_SLICE, opts(o)), {x, consts(begin), consts(end), consts(strides)},
        {sameAs(x, out)});
}

} // namespace ql::test::random_ops
