// SPDX-License-Identifier: MIT
// Element-wise maths and the operators that compute rather than move: DIV, POW, FLOOR_DIV, FLOOR_MOD,
// SQUARED_DIFFERENCE, comparisons, logic, the unary functions, FILL, ZEROS_LIKE, CAST, the reductions
// beyond the first wave, LOG_SOFTMAX, CUMSUM, RFFT2D and the complex helpers. Float, plain integer and
// bool tensors (the quantized variants are in op_cases_quantized.cpp).
//
// Special values reach an input through its random range: a range [x, x] gives the constant x,
// [4, inf] gives +inf, [-inf, inf] gives NaN (the generator computes lo + (hi - lo) * u in float), and
// a range near 2^22, where floats are multiples of 0.5, gives exact halves.
#include "exec/op_cases.h"

#include <limits>

namespace ql::test {

using DT = model::DType;
using Op = tflite::BuiltinOperator;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

TensorSpec boolc(std::vector<std::int32_t> shape, std::vector<std::uint8_t> values)
{
    return TensorSpec::constant(std::move(shape), DT::Bool, values);
}

OpSpec reducer(Op op, bool keep)
{
    tflite::ReducerOptionsT o;
    o.keep_dims = keep;
    return builtin(op, opts(o));
}

OpSpec cumsum(bool exclusive, bool reverse)
{
    tflite::CumsumOptionsT o;
    o.exclusive = exclusive;
    o.reverse = reverse;
    return builtin(Op::CUMSUM, opts(o));
}

OpSpec gelu(bool approximate)
{
    tflite::GeluOptionsT o;
    o.approximate = approximate;
    return builtin(Op::GELU, opts(o));
}

OpSpec divide(tflite::ActivationFunctionType act = tflite::ActivationFunctionType::NONE)
{
    tflite::DivOptionsT o;
    o.fused_activation_function = act;
    return builtin(Op::DIV, opts(o));
}

// A comparison case: inputs a and b of one type, a bool output of the broadcast shape.
OpCase compare(const std::string& name, Op op, TensorSpec a, TensorSpec b, std::vector<std::int32_t> out)
{
    return {name, builtin(op), {std::move(a), std::move(b)}, {bools(std::move(out))}};
}

OpCase cast(const std::string& name, TensorSpec in, DT to)
{
    auto shape = in.shape;
    return {name, builtin(Op::CAST), {std::move(in)}, {typed(std::move(shape), to)}};
}

OpCase unary(const std::string& name, Op op, TensorSpec in)
{
    auto out = typed(in.shape, in.dtype);
    return {name, builtin(op), {std::move(in)}, {std::move(out)}};
}

// A float operator whose result is exactly rounded in both runtimes: compared bit for bit (the
// default budget, relative to the largest output, would miss a wrong rounding of a large value).
OpCase exact(OpCase c)
{
    return c.tolerance(0);
}

} // namespace

std::vector<OpCase> mathCases()
{
    std::vector<OpCase> c = {
        // DIV: float goes to XNNPACK, int32 to TFLite (C division, truncating).
        exact(OpCase("DIV float", divide(), {f32({2, 3, 4}), f32({2, 3, 4}).range(0.5, 4)}, {f32({2, 3, 4})})),
        exact(OpCase("DIV float broadcast rank 5", divide(), {f32({2, 1, 3, 1, 4}), f32({3, 5, 1}).range(-3, -0.25)},
            {f32({2, 1, 3, 5, 4})})),
        {"DIV int32 negative divisor broadcast", divide(),
            {ranged({4, 5}, DT::Int32, -1000, 1000), i32({5}, {-7, -3, 2, 5, -1})}, {typed({4, 5}, DT::Int32)}},
        OpCase("DIV int32 by zero", divide(), {typed({4}, DT::Int32), i32({4}, {1, 2, 0, 3})}, {typed({4}, DT::Int32)})
            .refused("division by zero"),

        // POW: float powf; int32 through double pow, saturating; negative int32 exponents fail.
        {"POW float", builtin(Op::POW), {f32({3, 8}).range(0.1, 3), f32({3, 8}).range(-2.5, 2.5)}, {f32({3, 8})}},
        {"POW int32", builtin(Op::POW), {ranged({30}, DT::Int32, -6, 6), ranged({30}, DT::Int32, 0, 7)},
            {typed({30}, DT::Int32)}},
        {"POW int32 saturating", builtin(Op::POW), {ranged({30}, DT::Int32, -60, 60), ranged({30}, DT::Int32, 5, 12)},
            {typed({30}, DT::Int32)}},
        OpCase("POW int32 negative exponent", builtin(Op::POW), {typed({3}, DT::Int32), i32({3}, {1, -1, 2})},
            {typed({3}, DT::Int32)})
            .refused("negative"),

        // FLOOR_DIV: any zero divisor fails, float included; float, int32, int16, int8 (plain integers).
        exact(OpCase("FLOOR_DIV float", builtin(Op::FLOOR_DIV), {f32({30}).range(-20, 20), f32({30}).range(0.3, 4)},
            {f32({30})})),
        {"FLOOR_DIV int32", builtin(Op::FLOOR_DIV), {ranged({6, 5}, DT::Int32, -50, 50), i32({5}, {-7, -2, 1, 3, 10})},
            {typed({6, 5}, DT::Int32)}},
        {"FLOOR_DIV int32 minimum by -1", builtin(Op::FLOOR_DIV),
            {ranged({4}, DT::Int32, -2147483648.0, -2147483648.0), i32({4}, {-1, 1, 2, -2})}, {typed({4}, DT::Int32)}},
        {"FLOOR_DIV int16", builtin(Op::FLOOR_DIV), {typed({20}, DT::Int16), ranged({20}, DT::Int16, 1, 300)},
            {typed({20}, DT::Int16)}},
        {"FLOOR_DIV int8", builtin(Op::FLOOR_DIV),
            {typed({2, 10}, DT::Int8),
                TensorSpec::constant<std::int8_t>({10}, DT::Int8, {-1, -2, -3, 1, 2, 3, 7, -7, 127, -128})},
            {typed({2, 10}, DT::Int8)}},
        OpCase("FLOOR_DIV float by zero", builtin(Op::FLOOR_DIV), {f32({3}), f32c({3}, {1, 0, 2})}, {f32({3})})
            .refused("division by zero"),

        // FLOOR_MOD: the result takes the divisor's sign; float, int8, int16, int32, int64.
        exact(OpCase("FLOOR_MOD float", builtin(Op::FLOOR_MOD), {f32({30}).range(-20, 20), f32({30}).range(-4, 4)},
            {f32({30})})),
        {"FLOOR_MOD int32 broadcast", builtin(Op::FLOOR_MOD),
            {ranged({4, 6}, DT::Int32, -50, 50), i32({6}, {-7, -2, -1, 1, 3, 10})}, {typed({4, 6}, DT::Int32)}},
        {"FLOOR_MOD int64", builtin(Op::FLOOR_MOD),
            {ranged({20}, DT::Int64, -1e12, 1e12), ranged({20}, DT::Int64, 1, 1e6)}, {typed({20}, DT::Int64)}},
        {"FLOOR_MOD int8", builtin(Op::FLOOR_MOD), {typed({24}, DT::Int8), ranged({24}, DT::Int8, 1, 20)},
            {typed({24}, DT::Int8)}},
        OpCase("FLOOR_MOD int32 by zero", builtin(Op::FLOOR_MOD), {typed({2}, DT::Int32), i32({2}, {0, 3})},
            {typed({2}, DT::Int32)})
            .refused("division by zero"),

        // SQUARED_DIFFERENCE: float (XNNPACK) and int32 (wrapping).
        exact(OpCase("SQUARED_DIFFERENCE float broadcast", builtin(Op::SQUARED_DIFFERENCE),
            {f32({2, 1, 4}), f32({3, 1})}, {f32({2, 3, 4})})),
        {"SQUARED_DIFFERENCE int32", builtin(Op::SQUARED_DIFFERENCE),
            {ranged({20}, DT::Int32, -60000, 60000), ranged({20}, DT::Int32, -60000, 60000)}, {typed({20}, DT::Int32)}},
        OpCase("SQUARED_DIFFERENCE int64", builtin(Op::SQUARED_DIFFERENCE),
            {typed({4}, DT::Int64), typed({4}, DT::Int64)}, {typed({4}, DT::Int64)})
            .refused("int64"),

        // Comparisons: float, int32, int64; EQUAL / NOT_EQUAL also bool. Small integer ranges give ties.
        compare("LESS float broadcast", Op::LESS, f32({2, 3, 4}), f32({3, 1}), {2, 3, 4}),
        compare("LESS_EQUAL int32 broadcast", Op::LESS_EQUAL, ranged({3, 4}, DT::Int32, -3, 3), i32({}, {0}), {3, 4}),
        compare("GREATER int32 broadcast", Op::GREATER, ranged({2, 1, 3}, DT::Int32, -3, 3),
            ranged({4, 1}, DT::Int32, -3, 3), {2, 4, 3}),
        compare("GREATER_EQUAL int64 broadcast", Op::GREATER_EQUAL, ranged({3, 4}, DT::Int64, -3, 3),
            ranged({4}, DT::Int64, -3, 3), {3, 4}),
        compare("EQUAL float", Op::EQUAL, f32({20}).range(-1e-44, 1e-44), f32({20}).range(-1e-44, 1e-44), {20}),
        compare("EQUAL int32 broadcast", Op::EQUAL, ranged({5, 4}, DT::Int32, -2, 2), ranged({4}, DT::Int32, -2, 2),
            {5, 4}),
        compare("EQUAL bool broadcast", Op::EQUAL, bools({3, 4}), bools({4}), {3, 4}),
        // int16 without quantization compares raw codes; LiteRT aborts on unquantized int8 / uint8.
        compare(
            "LESS int16 unquantized", Op::LESS, ranged({20}, DT::Int16, -2, 2), ranged({20}, DT::Int16, -2, 2), {20}),
        compare("EQUAL int8 unquantized", Op::EQUAL, typed({4}, DT::Int8), typed({4}, DT::Int8), {4})
            .refused("quantization parameters"),
        compare("GREATER uint8 unquantized", Op::GREATER, typed({4}, DT::UInt8), typed({4}, DT::UInt8), {4})
            .refused("quantization parameters"),
        compare("NOT_EQUAL float NaN", Op::NOT_EQUAL, f32({6}).range(-kInf, kInf), f32({6}), {6}),
        compare("NOT_EQUAL int64 broadcast", Op::NOT_EQUAL, ranged({2, 3, 1}, DT::Int64, -2, 2),
            ranged({3, 4}, DT::Int64, -2, 2), {2, 3, 4}),

        // Broadcasting over five dimensions.
        {"FLOOR_MOD int32 rank 5 broadcast", builtin(Op::FLOOR_MOD),
            {ranged({2, 1, 3, 1, 2}, DT::Int32, -50, 50), ranged({2, 1, 4, 1}, DT::Int32, 1, 9)},
            {typed({2, 2, 3, 4, 2}, DT::Int32)}},
        {"POW float rank 5 broadcast", builtin(Op::POW),
            {f32({2, 1, 2, 1, 3}).range(0.1, 2), f32({1, 2, 1}).range(-2, 2)}, {f32({2, 1, 2, 2, 3})}},
        compare(
            "GREATER float rank 5 broadcast", Op::GREATER, f32({2, 1, 3, 1, 2}), f32({1, 2, 1, 4, 1}), {2, 2, 3, 4, 2}),
        {"FLOOR_DIV int8 rank 5 broadcast", builtin(Op::FLOOR_DIV),
            {typed({1, 2, 1, 2, 3}, DT::Int8), ranged({2, 1, 2, 1, 1}, DT::Int8, 1, 5)},
            {typed({2, 2, 2, 2, 3}, DT::Int8)}},
        {"LOGICAL_AND broadcast", builtin(Op::LOGICAL_AND), {bools({2, 3, 1}), bools({4})}, {bools({2, 3, 4})}},
        {"LOGICAL_OR broadcast", builtin(Op::LOGICAL_OR), {bools({3, 1}), boolc({1, 2}, {0, 1})}, {bools({3, 2})}},
        unary("LOGICAL_NOT", Op::LOGICAL_NOT, bools({2, 3, 4})),

        // Unary functions: float (XNNPACK for most) and the integer types LiteRT accepts.
        unary("ABS int32", Op::ABS, typed({21}, DT::Int32)),
        unary("ABS int16 unquantized", Op::ABS, typed({40}, DT::Int16)),
        exact(unary("NEG float", Op::NEG, f32({2, 3, 4}))),
        unary("NEG int8 unquantized", Op::NEG, typed({64}, DT::Int8)),
        exact(unary("SQUARE float", Op::SQUARE, f32({5, 5}).range(-100, 100))),
        exact(unary("SQRT float", Op::SQRT, f32({40}).range(0, 100))),
        unary("RSQRT float", Op::RSQRT, f32({40}).range(0.01, 100)),
        unary("EXP float", Op::EXP, f32({50}).range(-20, 20)),
        unary("EXP float scalar", Op::EXP, f32({})),
        unary("NEG int32 scalar", Op::NEG, typed({}, DT::Int32)),
        unary("LOG float", Op::LOG, f32({50}).range(1e-3, 1e3)),
        // XNNPACK's rational log, to the bit: small, huge, +inf (88.376), zero (-inf), negative (NaN).
        exact(unary("LOG float to the bit", Op::LOG, f32({400}).range(1e-3, 1e3))),
        exact(unary("LOG float huge", Op::LOG, f32({100}).range(1e30, 3e38))),
        exact(unary("LOG float tiny", Op::LOG, f32({100}).range(1e-38, 1e-30))),
        exact(unary("LOG float inf", Op::LOG, f32({4}).range(4, kInf))),
        exact(unary("LOG float zero and negative", Op::LOG, f32({8}).range(-1, 0))),
        unary("SIN float", Op::SIN, f32({50}).range(-10, 10)),
        unary("COS float", Op::COS, f32({50}).range(-10, 10)),
        exact(unary("FLOOR float", Op::FLOOR, f32({3, 20}).range(-10, 10))),
        exact(unary("CEIL float halves", Op::CEIL, f32({20}).range(4194304, 4194320))),
        exact(unary("ROUND float halves", Op::ROUND, f32({40}).range(4194304, 4194320))),
        exact(unary("SIGN float", Op::SIGN, f32({30}))),
        unary("SIGN int32", Op::SIGN, ranged({30}, DT::Int32, -2, 2)),
        {"GELU float", gelu(false), {f32({64}).range(-6, 6)}, {f32({64})}},
        {"GELU float approximate", gelu(true), {f32({64}).range(-6, 6)}, {f32({64})}},
        unary("ELU float", Op::ELU, f32({64}).range(-8, 8)),
        OpCase("ELU int32", builtin(Op::ELU), {typed({4}, DT::Int32)}, {typed({4}, DT::Int32)}).refused("int32"),
        OpCase("SQUARE int32", builtin(Op::SQUARE), {typed({4}, DT::Int32)}, {typed({4}, DT::Int32)}).refused("int32"),
        OpCase("SIGN int8", builtin(Op::SIGN), {typed({4}, DT::Int8)}, {typed({4}, DT::Int8)}).refused("int8"),
        OpCase("ABS int8 unquantized", builtin(Op::ABS), {typed({4}, DT::Int8)}, {typed({4}, DT::Int8)})
            .refused("int8"),

        // FILL (dims constant, value a scalar input), ZEROS_LIKE.
        {"FILL float", builtin(Op::FILL, opts(tflite::FillOptionsT{})), {i32({3}, {2, 3, 4}), f32({})},
            {f32({2, 3, 4})}},
        {"FILL int32 int64 dims", builtin(Op::FILL, opts(tflite::FillOptionsT{})),
            {i64({2}, {5, 1}), typed({}, DT::Int32)}, {typed({5, 1}, DT::Int32)}},
        {"FILL int8 quantized", builtin(Op::FILL, opts(tflite::FillOptionsT{})),
            {i32({2}, {2, 5}), q({}, DT::Int8, 0.1f, 3)}, {q({2, 5}, DT::Int8, 0.1f, 3)}},
        {"FILL int16 rank 5", builtin(Op::FILL, opts(tflite::FillOptionsT{})),
            {i32({5}, {1, 2, 1, 3, 2}), typed({}, DT::Int16)}, {typed({1, 2, 1, 3, 2}, DT::Int16)}},
        OpCase("FILL value not a scalar", builtin(Op::FILL, opts(tflite::FillOptionsT{})), {i32({1}, {3}), f32({1})},
            {f32({3})})
            .refused("scalar"),
        exact(unary("ZEROS_LIKE float", Op::ZEROS_LIKE, f32({2, 3}))),
        unary("ZEROS_LIKE int64 rank 5", Op::ZEROS_LIKE, typed({1, 2, 1, 2, 3}, DT::Int64)),
        OpCase("ZEROS_LIKE int8", builtin(Op::ZEROS_LIKE), {typed({4}, DT::Int8)}, {typed({4}, DT::Int8)})
            .refused("int8"),

        // RANGE: litert-run cannot run it (constant inputs make a model without inputs; others make its
        // output shape known only at run time, returned unfilled): only refusals are checked.
        OpCase("RANGE delta 0", builtin(Op::RANGE, opts(tflite::RangeOptionsT{})),
            {i32({}, {1}), i32({}, {5}), i32({}, {0})}, {typed({4}, DT::Int32)})
            .refused("delta must not be 0"),
        OpCase("RANGE wrong direction", builtin(Op::RANGE, opts(tflite::RangeOptionsT{})),
            {f32c({}, {5}), f32c({}, {1}), f32c({}, {0.5f})}, {f32({8})})
            .refused("do not make a range"),

        // CAST: float to integer truncates; out of range as the WebAssembly build converts; NaN too.
        cast("CAST float to int8", f32({40}).range(-300, 300), DT::Int8),
        cast("CAST float to int8 beyond int32", f32({40}).range(-3e10, 3e10), DT::Int8),
        cast("CAST float to uint8", f32({40}).range(-300, 300), DT::UInt8),
        cast("CAST float to int16", f32({40}).range(-50000, 50000), DT::Int16),
        cast("CAST float to int32", f32({40}).range(-3e9, 3e9), DT::Int32),
        cast("CAST float to int64", f32({40}).range(-2e19, 2e19), DT::Int64),
        cast("CAST float to uint32", f32({40}).range(-1e10, 1e10), DT::UInt32),
        cast("CAST float to bool", f32({20}).range(-1, 1), DT::Bool),
        cast("CAST float NaN to int8", f32({4}).range(-kInf, kInf), DT::Int8),
        cast("CAST float NaN to int32", f32({4}).range(-kInf, kInf), DT::Int32),
        cast("CAST float NaN to bool", f32({4}).range(-kInf, kInf), DT::Bool),
        cast("CAST float inf to int32", f32({4}).range(4, kInf), DT::Int32),
        cast("CAST int32 to int8", ranged({40}, DT::Int32, -1000, 1000), DT::Int8),
        cast("CAST int32 to uint8", ranged({40}, DT::Int32, -1000, 1000), DT::UInt8),
        cast("CAST int32 to int16", ranged({40}, DT::Int32, -200000, 200000), DT::Int16),
        exact(cast("CAST int32 to float", ranged({40}, DT::Int32, -2147483648.0, 2147483647.0), DT::Float32)),
        cast("CAST int64 to int32", ranged({40}, DT::Int64, -1e15, 1e15), DT::Int32),
        exact(cast("CAST int8 quantized to float", q({40}, DT::Int8, 0.1f, 5), DT::Float32)),
        cast("CAST uint8 to int8", typed({40}, DT::UInt8), DT::Int8),
        cast("CAST int16 to int8", typed({40}, DT::Int16), DT::Int8),
        exact(cast("CAST bool to float", bools({2, 5}), DT::Float32)),

        // Reductions beyond the first wave.
        exact(
            OpCase("REDUCE_MIN float", reducer(Op::REDUCE_MIN, false), {f32({3, 4, 5}), i32({1}, {1})}, {f32({3, 5})})),
        {"REDUCE_MIN int64 all axes", reducer(Op::REDUCE_MIN, false),
            {typed({2, 3, 4}, DT::Int64), i32({3}, {0, 1, 2})}, {typed({}, DT::Int64)}},
        {"REDUCE_PROD float", reducer(Op::REDUCE_PROD, false), {f32({3, 4, 5}).range(0.5, 1.5), i32({1}, {2})},
            {f32({3, 4})}},
        {"REDUCE_PROD int32 wrapping", reducer(Op::REDUCE_PROD, false),
            {ranged({3, 12}, DT::Int32, -100, 100), i32({1}, {1})}, {typed({3}, DT::Int32)}},
        {"REDUCE_PROD int64", reducer(Op::REDUCE_PROD, false), {ranged({2, 3, 4}, DT::Int64, -9, 9), i32({2}, {1, 2})},
            {typed({2}, DT::Int64)}},
        {"REDUCE_ANY keep dims", reducer(Op::REDUCE_ANY, true), {bools({2, 3, 4}), i32({2}, {0, 2})},
            {bools({1, 3, 1})}},
        {"REDUCE_ALL keep dims rank 5", reducer(Op::REDUCE_ALL, true), {bools({2, 1, 2, 3, 2}), i32({2}, {1, 3})},
            {bools({2, 1, 2, 1, 2})}},
        {"MEAN int32 large", reducer(Op::MEAN, false), {ranged({2, 8}, DT::Int32, 1e9, 2.1e9), i32({1}, {1})},
            {typed({2}, DT::Int32)}},
        {"MEAN int64 keep dims", reducer(Op::MEAN, true), {typed({3, 4, 2}, DT::Int64), i32({2}, {0, 1})},
            {typed({1, 1, 2}, DT::Int64)}},
        {"SUM int32", reducer(Op::SUM, false), {typed({3, 4, 5}, DT::Int32), i32({2}, {0, 2})},
            {typed({4}, DT::Int32)}},
        {"SUM int64 keep dims", reducer(Op::SUM, true), {ranged({4, 3}, DT::Int64, -1e15, 1e15), i32({1}, {0})},
            {typed({1, 3}, DT::Int64)}},
        {"REDUCE_MAX int64", reducer(Op::REDUCE_MAX, true), {typed({2, 3, 4}, DT::Int64), i32({1}, {1})},
            {typed({2, 1, 4}, DT::Int64)}},

        // LOG_SOFTMAX over the last dimension.
        {"LOG_SOFTMAX float", builtin(Op::LOG_SOFTMAX, opts(tflite::LogSoftmaxOptionsT{})),
            {f32({3, 10}).range(-20, 20)}, {f32({3, 10})}},
        {"LOG_SOFTMAX float rank 1", builtin(Op::LOG_SOFTMAX, opts(tflite::LogSoftmaxOptionsT{})),
            {f32({33}).range(-50, 50)}, {f32({33})}},
        {"LOG_SOFTMAX float depth 1", builtin(Op::LOG_SOFTMAX, opts(tflite::LogSoftmaxOptionsT{})), {f32({4, 1})},
            {f32({4, 1})}},

        // CUMSUM: float, int32, int64; exclusive and reverse; negative axis.
        exact(OpCase(
            "CUMSUM float exclusive reverse", cumsum(true, true), {f32({4, 3, 2}), i32({}, {0})}, {f32({4, 3, 2})})),
        exact(OpCase(
            "CUMSUM float rank 5", cumsum(false, true), {f32({2, 1, 3, 2, 4}), i32({}, {2})}, {f32({2, 1, 3, 2, 4})})),
        {"CUMSUM int32 exclusive", cumsum(true, false), {typed({2, 7}, DT::Int32), i32({}, {-1})},
            {typed({2, 7}, DT::Int32)}},
        {"CUMSUM int32 wrapping", cumsum(false, false), {ranged({12}, DT::Int32, 1e9, 2e9), i32({}, {0})},
            {typed({12}, DT::Int32)}},
        {"CUMSUM int64 reverse", cumsum(false, true), {ranged({3, 4}, DT::Int64, -1e15, 1e15), i32({}, {1})},
            {typed({3, 4}, DT::Int64)}},

        // RFFT2D: double-precision DFT rounded once; padding and cropping to fft_length; rank 2 to 4.
        {"RFFT2D float rank 2", builtin(Op::RFFT2D, opts(tflite::Rfft2dOptionsT{})), {f32({8, 16}), i32({2}, {8, 16})},
            {typed({8, 9}, DT::Complex64)}},
        {"RFFT2D float padded", builtin(Op::RFFT2D, opts(tflite::Rfft2dOptionsT{})),
            {f32({2, 3, 12}), i32({2}, {4, 16})}, {typed({2, 4, 9}, DT::Complex64)}},
        {"RFFT2D float cropped", builtin(Op::RFFT2D, opts(tflite::Rfft2dOptionsT{})),
            {f32({1, 8, 8}), i32({2}, {4, 4})}, {typed({1, 4, 3}, DT::Complex64)}},
        {"RFFT2D float rank 4 padded", builtin(Op::RFFT2D, opts(tflite::Rfft2dOptionsT{})),
            {f32({2, 2, 5, 7}), i32({2}, {8, 8})}, {typed({2, 2, 8, 5}, DT::Complex64)}},
        {"RFFT2D float one row", builtin(Op::RFFT2D, opts(tflite::Rfft2dOptionsT{})),
            {f32({3, 1, 32}), i32({2}, {1, 32})}, {typed({3, 1, 17}, DT::Complex64)}},
        OpCase("RFFT2D length not a power of two", builtin(Op::RFFT2D, opts(tflite::Rfft2dOptionsT{})),
            {f32({1, 4, 6}), i32({2}, {4, 6})}, {typed({1, 4, 4}, DT::Complex64)})
            .refused("powers of two"),
        // fft_length width 1 passes LiteRT's checks but does not give the transform.
        OpCase("RFFT2D width 1", builtin(Op::RFFT2D, opts(tflite::Rfft2dOptionsT{})),
            {f32({1, 4, 1}), i32({2}, {4, 1})}, {typed({1, 4, 1}, DT::Complex64)})
            .refused("width at least 2"),

        // COMPLEX_ABS (musl's hypotf), REAL and IMAG copy bits.
        OpCase("COMPLEX_ABS", builtin(Op::COMPLEX_ABS), {typed({4, 6}, DT::Complex64)}, {f32({4, 6})}).tolerance(0),
        OpCase(
            "COMPLEX_ABS huge", builtin(Op::COMPLEX_ABS), {typed({30}, DT::Complex64).range(-1e30, 1e30)}, {f32({30})})
            .tolerance(0),
        OpCase("COMPLEX_ABS tiny", builtin(Op::COMPLEX_ABS), {typed({30}, DT::Complex64).range(-1e-30, 1e-30)},
            {f32({30})})
            .tolerance(0),
        OpCase("COMPLEX_ABS inf", builtin(Op::COMPLEX_ABS), {typed({3}, DT::Complex64).range(4, kInf)}, {f32({3})})
            .tolerance(0),
        OpCase("REAL", builtin(Op::REAL), {typed({2, 3, 4}, DT::Complex64)}, {f32({2, 3, 4})}).tolerance(0),
        OpCase("IMAG rank 4", builtin(Op::IMAG), {typed({1, 2, 3, 2}, DT::Complex64)}, {f32({1, 2, 3, 2})})
            .tolerance(0),
    };
    return c;
}

} // namespace ql::test
