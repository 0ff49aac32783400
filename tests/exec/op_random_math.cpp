// SPDX-License-Identifier: MIT
// Random requantizations and element-wise math (op_random.h): QUANTIZE, DEQUANTIZE, PRELU, the unary
// functions (ABS, NEG, SQRT, RSQRT, EXP, LOG, GELU, ELU, LOG_SOFTMAX), PACK, UNPACK, TILE, ARG_MAX,
// ARG_MIN, SELECT_V2 and L2_NORMALIZATION.
#include "exec/op_random.h"

#include <algorithm>

namespace ql::test::random_ops {

namespace {

using DT = model::DType;
using Op = tflite::BuiltinOperator;


} // namespace

OpCase randomQuantize(Dice& d)
{
    // float -> integer, integer -> integer with other parameters (also between widths), integer -> float.
    static const std::vector<Numbers> integers{Numbers::Int8, Numbers::Int8, Numbers::UInt8, Numbers::Int16};
    const int kind = d.between(0, 2);
    const auto shape = randomShape(d, d.between(1, 4), 6);
    const double a = d.decades(-1, 1);
    const Numbers from = kind == 0 ? Numbers::Float : d.pick(integers);
    const Numbers to = kind == 2 ? Numbers::Float : d.pick(integers);
    const TensorSpec x = activation(d, shape, from, a);
    const TensorSpec y = activation(d, shape, to, a * d.decades(-0.5, 0.5));
    const Op op = kind == 2 ? Op::DEQUANTIZE : Op::QUANTIZE;
    std::string name = std::string(tflite::EnumNameBuiltinOperator(op)) + " " + numbersName(from) + " -> " + numbersName(to) +
        " " + shapeText(shape);
    return OpCase(std::move(name), builtin(op), {x}, {y});
}

OpCase randomPrelu(Dice& d)
{
    const Numbers n = activationNumbers(d);
    const int rank = d.between(1, 4);
    const auto shape = randomShape(d, rank, 6);
    // alpha broadcasts against the input: usually one value per channel of the last dimension.
    std::vector<std::int32_t> alphaShape;
    if (d.chance(0.6)) {
        alphaShape = {shape.back()};
    } else {
        const int lower = d.between(0, rank);
        alphaShape.assign(shape.end() - lower, shape.end());
        for (auto& v : alphaShape)
            if (d.chance(0.3))
                v = 1;
    }
    const double a = d.decades(-1, 1);
    const TensorSpec x = activation(d, shape, n, a);
    // int16 PRELU: LiteRT reads alpha as int8 (QuantLens refuses an int16 alpha by name).
    TensorSpec alpha = filled(activation(d, alphaShape, n == Numbers::Int16 ? Numbers::Int8 : n, 1.0), d);
    if (n == Numbers::Float)
        alpha = filled(f32(alphaShape).range(-0.5, 1.0), d);
    const TensorSpec y = activation(d, shape, n, a);
    std::string name = "PRELU " + numbersName(n) + " " + shapeText(shape) + " alpha " + shapeText(alphaShape);
    return OpCase(std::move(name), builtin(Op::PRELU), {x, alpha}, {y});
}

OpCase randomUnaryMath(Dice& d)
{
    static const std::vector<Op> ops{Op::ABS, Op::NEG, Op::SQRT, Op::RSQRT, Op::EXP, Op::LOG, Op::GELU, Op::ELU,
        Op::LOG_SOFTMAX};
    const Op op = d.pick(ops);
    Numbers n = activationNumbers(d);
    const auto shape = randomShape(d, d.between(1, 4), 8);
    const bool positive = op == Op::SQRT || op == Op::RSQRT || op == Op::LOG;
    const double a = d.decades(-0.7, 0.7);
    TensorSpec x = activation(d, shape, n, a);
    if (n == Numbers::Float)
        x.range(positive ? 0.05 * a : -a, a);
    else if (positive) // codes from the zero point up: LiteRT's int16 RSQRT fails or gives garbage below it
        x.range(static_cast<double>(x.zeroPoint), n == Numbers::UInt8 ? 255 : n == Numbers::Int8 ? 127 : 32767);
    double outMagnitude = a;
    switch (op) {
    case Op::SQRT: outMagnitude = std::sqrt(a); break;
    case Op::RSQRT: outMagnitude = 1 / std::sqrt(0.05 * a); break;
    case Op::EXP: outMagnitude = std::exp(a); break;
    case Op::LOG: outMagnitude = std::max(std::abs(std::log(0.05 * a)), std::abs(std::log(a))); break;
    case Op::LOG_SOFTMAX: outMagnitude = 2 * a + std::log(static_cast<double>(shape.back())); break;
    default: break;
    }
    TensorSpec y = activation(d, shape, n, outMagnitude * d.decades(-0.2, 0.2));
    if (op == Op::LOG_SOFTMAX && (n == Numbers::Int8 || n == Numbers::UInt8)) {
        // The parameters LiteRT requires of an 8-bit LOG_SOFTMAX output.
        y.scale = 16.0f / 256;
        y.zeroPoint = n == Numbers::Int8 ? 127 : 255;
    }
    tflite::BuiltinOptionsUnion o;
    std::string detail;
    if (op == Op::GELU) {
        tflite::GeluOptionsT t;
        t.approximate = d.chance(0.5);
        detail = t.approximate ? " approximate" : "";
        o = opts(t);
    } else if (op == Op::LOG_SOFTMAX) {
        o = opts(tflite::LogSoftmaxOptionsT{});
    }
    std::string name = std::string(tflite::EnumNameBuiltinOperator(op)) + " " + numbersName(n) + " " + shapeText(shape) + detail;
    return OpCase(std::move(name), builtin(op, std::move(o)), {x}, {y});
}

OpCase randomL2Normalization(Dice& d)
{
    static const std::vector<Numbers> numbers{Numbers::Float, Numbers::Int8, Numbers::UInt8};
    const Numbers n = d.pick(numbers);
    const auto shape = randomShape(d, d.between(1, 4), 6);
    const TensorSpec x = activation(d, shape, n, d.decades(-1, 1));
    TensorSpec y = activation(d, shape, n, 1.0);
    if (n != Numbers::Float) { // the parameters LiteRT requires of an 8-bit L2_NORMALIZATION output
        y.scale = 1.0f / 128;
        y.zeroPoint = n == Numbers::Int8 ? 0 : 128;
    }
    std::string name = "L2_NORMALIZATION " + numbersName(n) + " " + shapeText(shape);
    return OpCase(std::move(name), builtin(Op::L2_NORMALIZATION, opts(tflite::L2NormOptionsT{})), {x}, {y});
}

OpCase randomPackUnpack(Dice& d)
{
    const bool pack = d.chance(0.5);
    const Numbers n = activationNumbers(d);
    const int rank = d.between(1, 4);
    const auto shape = randomShape(d, rank, 5);
    const int count = d.between(1, 4);
    if (pack) {
        const int axis = d.between(0, rank);
        std::vector<std::int32_t> out = shape;
        out.insert(out.begin() + axis, count);
        const TensorSpec x = activation(d, shape, n, d.decades(-1, 1));
        std::vector<TensorSpec> in;
        for (int k = 0; k < count; ++k)
            in.push_back(sameAs(x, shape));
        tflite::PackOptionsT o;
        o.values_count = count;
        o.axis = d.chance(0.3) ? axis - rank - 1 : axis;
        std::string name = "PACK " + numbersName(n) + " " + std::to_string(count) + " x " + shapeText(shape) + " axis " +
            std::to_string(o.axis);
        return OpCase(std::move(name), builtin(Op::PACK, opts(o)), std::move(in), {sameAs(x, out)});
    }
    const int axis = d.between(0, rank - 1);
    auto in = shape;
    in[at(axis)] = count;
    auto part = in;
    part.erase(part.begin() + axis);
    const TensorSpec x = activation(d, in, n, d.decades(-1, 1));
    std::vector<TensorSpec> outs(at(count), sameAs(x, part));
    tflite::UnpackOptionsT o;
    o.num = count;
    o.axis = d.chance(0.3) ? axis - rank : axis;
    std::string name = "UNPACK " + numbersName(n) + " " + shapeText(in) + " axis " + std::to_string(o.axis);
    return OpCase(std::move(name), builtin(Op::UNPACK, opts(o)), {x}, std::move(outs));
}

OpCase randomTile(Dice& d)
{
    const Numbers n = activationNumbers(d);
    const int rank = d.between(1, 4);
    const auto shape = randomShape(d, rank, 4);
    std::vector<std::int32_t> multiples, out;
    for (int i = 0; i < rank; ++i) {
        multiples.push_back(d.between(1, 3));
        out.push_back(shape[at(i)] * multiples.back());
    }
    const TensorSpec x = activation(d, shape, n, d.decades(-1, 1));
    bool own = false;
    const TensorSpec y = movedOutput(d, x, out, n, own);
    std::string name = "TILE " + numbersName(n) + " " + shapeText(shape) + " multiples " + shapeText(multiples) +
        (own ? " own scale" : "");
    return OpCase(std::move(name), builtin(Op::TILE, opts(tflite::TileOptionsT{})),
        {x, TensorSpec::constant<std::int32_t>({rank}, DT::Int32, multiples)}, {y});
}

OpCase randomArgMinMax(Dice& d)
{
    const bool isMax = d.chance(0.6);
    const Numbers n = activationNumbers(d);
    const int rank = d.between(1, 4);
    const auto shape = randomShape(d, rank, 7);
    const int axis = d.between(0, rank - 1);
    auto out = shape;
    out.erase(out.begin() + axis);
    const bool wide = d.chance(0.5);
    const DT outType = wide ? DT::Int64 : DT::Int32;
    // Few distinct values, so that ties (the first index wins) occur.
    TensorSpec x = activation(d, shape, n, 1.0);
    if (n == Numbers::Float && d.chance(0.5))
        x.range(-2, 2);
    const int written = d.chance(0.3) ? axis - rank : axis;
    tflite::BuiltinOptionsUnion o;
    if (isMax) {
        tflite::ArgMaxOptionsT t;
        t.output_type = static_cast<tflite::TensorType>(outType);
        o = opts(t);
    } else {
        tflite::ArgMinOptionsT t;
        t.output_type = static_cast<tflite::TensorType>(outType);
        o = opts(t);
    }
    std::string name = std::string(isMax ? "ARG_MAX " : "ARG_MIN ") + numbersName(n) + " " + shapeText(shape) + " axis " +
        std::to_string(written) + (wide ? " int64" : "");
    return OpCase(std::move(name), builtin(isMax ? Op::ARG_MAX : Op::ARG_MIN, std::move(o)),
        {x, TensorSpec::constant<std::int32_t>({1}, DT::Int32, {written})}, {typed(out, outType)});
}

OpCase randomSelect(Dice& d)
{
    const Numbers n = activationNumbers(d);
    const int rank = d.between(0, 4);
    const auto out = randomShape(d, rank, 4);
    // Condition and both values broadcast to the output.
    auto from = [&]() {
        std::vector<std::int32_t> s(out.end() - d.between(0, rank), out.end());
        for (auto& v : s)
            if (d.chance(0.3))
                v = 1;
        return s;
    };
    // One value input has the output's full shape, so that the broadcast shape is the output's.
    const auto sc = from(), sa = out, sb = from();
    const double a = d.decades(-1, 1);
    const TensorSpec x = activation(d, sa, n, a);
    const bool shared = d.chance(0.6);
    const TensorSpec y = shared ? sameAs(x, sb) : activation(d, sb, n, a);
    const TensorSpec z = shared ? sameAs(x, out) : activation(d, out, n, a);
    std::string name = "SELECT_V2 " + numbersName(n) + " cond " + shapeText(sc) + " " + shapeText(sa) + " " + shapeText(sb) +
        (shared ? " shared scale" : "");
    return OpCase(std::move(name), builtin(Op::SELECT_V2, opts(tflite::SelectV2OptionsT{})), {bools(sc), x, y}, {z});
}

} // namespace ql::test::random_ops
