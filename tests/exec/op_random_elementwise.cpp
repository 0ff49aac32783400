// SPDX-License-Identifier: MIT
// Random broadcasting binary operators, comparisons, logical operators, BROADCAST_TO and activation
// functions (op_random.h).
#include "exec/op_random.h"

#include <algorithm>

namespace ql::test::random_ops {

namespace {

using DT = model::DType;
using Op = tflite::BuiltinOperator;
using Act = tflite::ActivationFunctionType;

} // namespace

OpCase randomBinary(Dice& d)
{
    static const std::vector<Op> ops{Op::ADD, Op::ADD, Op::SUB, Op::MUL, Op::MUL, Op::DIV, Op::MAXIMUM, Op::MINIMUM,
        Op::SQUARED_DIFFERENCE};
    const Op op = d.pick(ops);
    const bool int32 = op != Op::SQUARED_DIFFERENCE && d.chance(0.1);
    const Numbers n = op == Op::DIV || int32 ? Numbers::Float : activationNumbers(d);
    const int rank = d.between(0, 5);
    std::vector<std::int32_t> out;
    for (int i = 0; i < rank; ++i)
        out.push_back(d.between(1, rank > 3 ? 3 : 6));
    const std::vector<std::int32_t> sa = broadcastFrom(d, out), sb = broadcastFrom(d, out);
    out = broadcastShape(sa, sb);
    const double a = d.decades(-1, 0.7), b = d.decades(-1, 0.7);
    TensorSpec x = activation(d, sa, n, a), y = activation(d, sb, n, b);
    if (int32) {
        x = ranged(sa, DT::Int32, -1000, 1000);
        y = ranged(sb, DT::Int32, -1000, 1000);
    }
    if (op == Op::DIV)
        y.range(0.25 * b, b); // away from zero
    double m = std::max(a, b);
    if (op == Op::MUL)
        m = a * b;
    else if (op == Op::DIV)
        m = 4 * a / b;
    else if (op == Op::SQUARED_DIFFERENCE)
        m = m * m;
    m *= d.decades(-0.3, 0.3);
    TensorSpec z = int32 ? typed(out, DT::Int32) : activation(d, out, n, m);
    Act act = Act::NONE;
    tflite::BuiltinOptionsUnion o;
    if (op == Op::ADD || op == Op::SUB || op == Op::MUL || op == Op::DIV) {
        act = d.chance(0.6) || int32 ? Act::NONE : d.pick(std::vector<Act>{Act::RELU, Act::RELU6, Act::RELU_N1_TO_1});
        if (op == Op::ADD) {
            tflite::AddOptionsT t;
            t.fused_activation_function = act;
            t.pot_scale_int16 = false;
            o = opts(t);
        } else if (op == Op::SUB) {
            tflite::SubOptionsT t;
            t.fused_activation_function = act;
            t.pot_scale_int16 = false;
            o = opts(t);
        } else if (op == Op::MUL) {
            tflite::MulOptionsT t;
            t.fused_activation_function = act;
            o = opts(t);
        } else {
            tflite::DivOptionsT t;
            t.fused_activation_function = act;
            o = opts(t);
        }
    }
    std::string name = std::string(tflite::EnumNameBuiltinOperator(op)) + " " + (int32 ? "int32" : numbersName(n)) + " " +
        shapeText(sa) + " " + shapeText(sb) + " -> " + shapeText(out) +
        (act == Act::NONE ? "" : std::string(" ") + tflite::EnumNameActivationFunctionType(act));
    return OpCase(std::move(name), builtin(op, std::move(o)), {x, y}, {z});
}

OpCase randomCompare(Dice& d)
{
    static const std::vector<Op> ops{Op::EQUAL, Op::NOT_EQUAL, Op::LESS, Op::LESS_EQUAL, Op::GREATER, Op::GREATER_EQUAL};
    const Op op = d.pick(ops);
    const bool int32 = d.chance(0.15);
    const Numbers n = int32 ? Numbers::Float : activationNumbers(d);
    const int rank = d.between(0, 4);
    std::vector<std::int32_t> out;
    for (int i = 0; i < rank; ++i)
        out.push_back(d.between(1, 5));
    const auto sa = broadcastFrom(d, out), sb = broadcastFrom(d, out);
    const auto shape = broadcastShape(sa, sb);
    // Inputs quantized alike or not (the kernel rescales both to a common scale); few distinct values,
    // so that equal ones occur.
    const double a = d.decades(-1, 1);
    TensorSpec x = activation(d, sa, n, a);
    TensorSpec y = d.chance(0.4) ? sameAs(x, sb) : activation(d, sb, n, a * d.decades(-0.3, 0.3));
    if (int32) {
        x = ranged(sa, DT::Int32, -3, 3);
        y = ranged(sb, DT::Int32, -3, 3);
    } else if (n == Numbers::Float) {
        x.range(-2, 2);
        y.range(-2, 2);
    }
    std::string name = std::string(tflite::EnumNameBuiltinOperator(op)) + " " + (int32 ? "int32" : numbersName(n)) + " " +
        shapeText(sa) + " " + shapeText(sb) + (x.scale == y.scale && x.zeroPoint == y.zeroPoint ? "" : " unlike");
    return OpCase(std::move(name), builtin(op), {x, y}, {bools(shape)});
}

OpCase randomLogical(Dice& d)
{
    static const std::vector<Op> ops{Op::LOGICAL_AND, Op::LOGICAL_OR, Op::LOGICAL_NOT};
    const Op op = d.pick(ops);
    const auto out = randomShape(d, d.between(0, 4), 5);
    const auto sa = op == Op::LOGICAL_NOT ? out : broadcastFrom(d, out);
    std::vector<TensorSpec> inputs{bools(sa)};
    std::string name = std::string(tflite::EnumNameBuiltinOperator(op)) + " " + shapeText(sa);
    std::vector<std::int32_t> shape = sa;
    if (op != Op::LOGICAL_NOT) {
        const auto sb = broadcastFrom(d, out);
        inputs.push_back(bools(sb));
        shape = broadcastShape(sa, sb);
        name += " " + shapeText(sb);
    }
    return OpCase(std::move(name), builtin(op), std::move(inputs), {bools(shape)});
}

OpCase randomBroadcastTo(Dice& d)
{
    const bool int32 = d.chance(0.15);
    const Numbers n = int32 ? Numbers::Float : activationNumbers(d);
    const auto out = randomShape(d, d.between(1, 5), 4);
    const auto in = broadcastFrom(d, out);
    const TensorSpec x = int32 ? ranged(in, DT::Int32, -1000, 1000) : activation(d, in, n, d.decades(-1, 1));
    const bool wide = d.chance(0.3);
    const std::vector<std::int64_t> dims(out.begin(), out.end());
    const TensorSpec shape = wide
        ? TensorSpec::constant({static_cast<std::int32_t>(out.size())}, DT::Int64, dims)
        : TensorSpec::constant({static_cast<std::int32_t>(out.size())}, DT::Int32, out);
    bool own = false;
    const TensorSpec y = movedOutput(d, x, out, n, own);
    std::string name = "BROADCAST_TO " + (int32 ? std::string("int32") : numbersName(n)) + " " + shapeText(in) + " -> " +
        shapeText(out) + (wide ? " int64 shape" : "") + (own ? " own scale" : "");
    // LiteRT registers BROADCAST_TO from version 2.
    return OpCase(std::move(name), builtin(Op::BROADCAST_TO, opts(tflite::BroadcastToOptionsT{}), 2), {x, shape}, {y});
}

OpCase randomActivation(Dice& d)
{
    static const std::vector<Op> ops{Op::SOFTMAX, Op::SOFTMAX, Op::LOGISTIC, Op::TANH, Op::LEAKY_RELU, Op::HARD_SWISH,
        Op::RELU, Op::RELU6};
    const Op op = d.pick(ops);
    const Numbers n = activationNumbers(d);
    const int rank = d.between(1, 4);
    std::vector<std::int32_t> shape;
    for (int i = 0; i < rank; ++i)
        shape.push_back(d.between(1, i + 1 == rank ? 40 : 4));
    const double a = op == Op::SOFTMAX ? d.decades(-1, 1.3) : d.decades(-0.7, 1);
    const TensorSpec x = activation(d, shape, n, a);
    TensorSpec y = activation(d, shape, n, op == Op::LEAKY_RELU || op == Op::HARD_SWISH || op == Op::RELU ? a : 6);
    // The output parameters the runtime requires of the fixed-range functions.
    if (n != Numbers::Float && (op == Op::SOFTMAX || op == Op::LOGISTIC || op == Op::TANH)) {
        const bool tanh = op == Op::TANH;
        if (n == Numbers::Int16) {
            y.scale = 1.0f / 32768;
            y.zeroPoint = 0;
        } else {
            y.scale = tanh ? 1.0f / 128 : 1.0f / 256;
            y.zeroPoint = n == Numbers::Int8 ? (tanh ? 0 : -128) : (tanh ? 128 : 0);
        }
    }
    tflite::BuiltinOptionsUnion o;
    std::string detail;
    if (op == Op::SOFTMAX) {
        tflite::SoftmaxOptionsT t;
        t.beta = d.pick(std::vector<float>{1.0f, 1.0f, 0.5f, 2.0f, static_cast<float>(d.real(0.1, 3))});
        detail = " beta " + std::to_string(t.beta);
        o = opts(t);
    } else if (op == Op::LEAKY_RELU) {
        tflite::LeakyReluOptionsT t;
        t.alpha = static_cast<float>(d.real(0.01, 0.9));
        detail = " alpha " + std::to_string(t.alpha);
        o = opts(t);
    }
    std::string name = std::string(tflite::EnumNameBuiltinOperator(op)) + " " + numbersName(n) + " " + shapeText(shape) + detail;
    return OpCase(std::move(name), builtin(op, std::move(o)), {x}, {y});
}

} // namespace ql::test::random_ops
