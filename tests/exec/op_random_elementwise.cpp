// SPDX-License-Identifier: MIT
// Random broadcasting binary operators, comparisons and activation functions (op_random.h).
#include "exec/op_random.h"

#include <algorithm>

namespace ql::test::random_ops {

namespace {

using DT = model::DType;
using Op = tflite::BuiltinOperator;
using Act = tflite::ActivationFunctionType;

// A shape of rank `rank` that broadcasts to `out`: some dimensions 1, sometimes a lower rank.
std::vector<std::int32_t> broadcastFrom(Dice& d, const std::vector<std::int32_t>& out)
{
    const std::size_t rank = d.chance(0.25) ? static_cast<std::size_t>(d.between(0, static_cast<int>(out.size()))) : out.size();
    std::vector<std::int32_t> s(out.end() - static_cast<std::ptrdiff_t>(rank), out.end());
    for (auto& v : s)
        if (d.chance(0.3))
            v = 1;
    return s;
}

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
    std::vector<std::int32_t> sa = broadcastFrom(d, out), sb = broadcastFrom(d, out);
    // The output's rank is the larger input rank; its dimensions the broadcast ones.
    const std::size_t outRank = std::max(sa.size(), sb.size());
    out.erase(out.begin(), out.end() - static_cast<std::ptrdiff_t>(outRank));
    for (std::size_t i = 0; i < outRank; ++i) {
        const auto at = [&](const std::vector<std::int32_t>& s) {
            const std::size_t lead = outRank - s.size();
            return i < lead ? 1 : s[i - lead];
        };
        out[i] = std::max(at(sa), at(sb));
    }
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
    const std::size_t outRank = std::max(sa.size(), sb.size());
    std::vector<std::int32_t> shape(outRank, 1);
    for (std::size_t i = 0; i < outRank; ++i) {
        const auto dim = [&](const std::vector<std::int32_t>& s) {
            const std::size_t lead = outRank - s.size();
            return i < lead ? 1 : s[i - lead];
        };
        shape[i] = std::max(dim(sa), dim(sb));
    }
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
