// SPDX-License-Identifier: MIT
// Quantized (int8, uint8, int16) and int4/hybrid variants of the operators, against LiteRT: each case
// must give the same codes as the runtime (float outputs of hybrid kernels within float rounding),
// or be refused where LiteRT cannot run the model.
#include "exec/op_cases.h"


namespace ql::test {

namespace {

using DT = model::DType;
using Op = tflite::BuiltinOperator;

// Packed int4 weights (low nibble first) of the given values in [-8, 7].
std::vector<std::uint8_t> int4Bytes(const std::vector<int>& v)
{
    std::vector<std::uint8_t> b((v.size() + 1) / 2, 0);
    for (std::size_t i = 0; i < v.size(); ++i)
        b[i / 2] |= static_cast<std::uint8_t>((v[i] & 0x0F) << (i % 2 ? 4 : 0));
    return b;
}

std::vector<int> pattern(std::size_t n, int lo, int hi, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> d(lo, hi);
    std::vector<int> v(n);
    for (auto& x : v)
        x = d(rng);
    return v;
}

template <class T> TensorSpec constantCodes(std::vector<std::int32_t> shape, DT t, float scale, std::int64_t zp, unsigned seed)
{
    std::int64_t n = 1;
    for (auto d : shape)
        n *= d;
    const auto v = pattern(static_cast<std::size_t>(n), std::numeric_limits<T>::min(), std::numeric_limits<T>::max(), seed);
    std::vector<T> codes(v.begin(), v.end());
    TensorSpec s = TensorSpec::constant(std::move(shape), t, codes);
    s.scale = scale;
    s.zeroPoint = zp;
    return s;
}

OpCase binary(std::string name, Op op, TensorSpec a, TensorSpec b, TensorSpec y)
{
    return OpCase(std::move(name), builtin(op), {std::move(a), std::move(b)}, {std::move(y)});
}

OpCase unary(std::string name, Op op, TensorSpec x, TensorSpec y, tflite::BuiltinOptionsUnion o = {})
{
    return OpCase(std::move(name), builtin(op, std::move(o)), {std::move(x)}, {std::move(y)});
}

} // namespace

std::vector<OpCase> quantizedCases()
{
    std::vector<OpCase> c;
    const auto i8 = DT::Int8, u8 = DT::UInt8, i16 = DT::Int16;

    // Comparisons: both sides rescaled to one fixed-point value.
    for (auto op : {Op::LESS, Op::GREATER_EQUAL, Op::EQUAL, Op::NOT_EQUAL})
        c.push_back(binary(std::string("compare int8 ") + tflite::EnumNameBuiltinOperator(op), op, q({4, 64}, i8, 0.05f, 3),
            q({1, 64}, i8, 0.0499f, -2), typed({4, 64}, DT::Bool)));
    c.push_back(binary("compare uint8 LESS_EQUAL", Op::LESS_EQUAL, q({3, 50}, u8, 0.1f, 128), q({3, 50}, u8, 0.07f, 100),
        typed({3, 50}, DT::Bool)));
    c.push_back(binary("compare int16 GREATER", Op::GREATER, q({2, 80}, i16, 0.001f, 0), q({2, 80}, i16, 0.0013f, 0),
        typed({2, 80}, DT::Bool)));

    // DIV (divisor codes kept away from their zero point).
    c.push_back(binary("DIV int8", Op::DIV, q({3, 40}, i8, 0.05f, -3), q({3, 40}, i8, 0.02f, -128).range(-100, 127),
        q({3, 40}, i8, 0.2f, 5)));
    c.push_back(binary("DIV int8 broadcast small results", Op::DIV, q({4, 30}, i8, 0.01f, 0), q({1, 30}, i8, 0.5f, -10).range(-5, 127),
        q({4, 30}, i8, 0.004f, -20)));
    c.push_back(binary("DIV uint8", Op::DIV, q({2, 64}, u8, 0.04f, 120), q({2, 64}, u8, 0.03f, 0).range(1, 255),
        q({2, 64}, u8, 0.1f, 30)));
    c.push_back(binary("DIV int16", Op::DIV, q({2, 64}, i16, 0.001f, 0), q({2, 64}, i16, 0.002f, 0).range(1, 32767),
        q({2, 64}, i16, 0.0005f, 0)));

    c.push_back(binary("SQUARED_DIFFERENCE int8", Op::SQUARED_DIFFERENCE, q({4, 64}, i8, 0.05f, 3), q({4, 64}, i8, 0.04f, -7),
        q({4, 64}, i8, 0.3f, -128)));
    c.push_back(binary("SQUARED_DIFFERENCE int8 broadcast", Op::SQUARED_DIFFERENCE, q({2, 3, 16}, i8, 0.1f, 0),
        q({16}, i8, 0.08f, 10), q({2, 3, 16}, i8, 0.9f, -100)));

    // Unary maths.
    c.push_back(unary("ABS int8 same scale", Op::ABS, q({256}, i8, 0.05f, -5), q({256}, i8, 0.05f, -128)));
    c.push_back(unary("ABS int8 rescaled", Op::ABS, q({256}, i8, 0.05f, 10), q({256}, i8, 0.03f, -128)));
    c.push_back(unary("ABS int16", Op::ABS, q({1000}, i16, 0.001f, 0), q({1000}, i16, 0.0012f, 0)));
    c.push_back(unary("NEG int8 codes", Op::NEG, q({256}, i8, 0.05f, 3), q({256}, i8, 0.05f, 3)));
    c.push_back(unary("NEG int16 codes", Op::NEG, q({500}, i16, 0.01f, 0), q({500}, i16, 0.01f, 0)));
    c.push_back(unary("SQRT int8", Op::SQRT, q({200}, i8, 0.05f, -128), q({200}, i8, 0.02f, -128)));
    c.push_back(unary("SQRT int16", Op::SQRT, q({500}, i16, 0.01f, 0).range(0, 32767), q({500}, i16, 0.005f, 0)));
    c.push_back(unary("RSQRT int8", Op::RSQRT, q({200}, i8, 0.05f, -128), q({200}, i8, 0.1f, -128)));
    c.push_back(unary("RSQRT int16", Op::RSQRT, q({500}, i16, 0.01f, 0).range(1, 32767), q({500}, i16, 0.0005f, 0)));
    c.push_back(unary("EXP int8", Op::EXP, q({256}, i8, 0.03f, 20), q({256}, i8, 0.1f, -128)));
    c.push_back(unary("EXP int16", Op::EXP, q({1000}, i16, 0.0002f, 0), q({1000}, i16, 0.0005f, 0)));
    c.push_back(unary("LOG int8", Op::LOG, q({256}, i8, 0.05f, -128), q({256}, i8, 0.04f, 0)));
    c.push_back(unary("LOG int16", Op::LOG, q({1000}, i16, 0.002f, 0), q({1000}, i16, 0.0004f, 0)));
    for (bool approximate : {false, true}) {
        tflite::GeluOptionsT g;
        g.approximate = approximate;
        const std::string form = approximate ? " tanh" : " erf";
        c.push_back(unary("GELU int8" + form, Op::GELU, q({256}, i8, 0.04f, 0), q({256}, i8, 0.03f, -60), opts(g)));
        c.push_back(unary("GELU uint8" + form, Op::GELU, q({256}, u8, 0.04f, 128), q({256}, u8, 0.03f, 60), opts(g)));
        c.push_back(unary("GELU int16" + form, Op::GELU, q({1000}, i16, 0.0003f, 0), q({1000}, i16, 0.0003f, 0), opts(g)));
    }
    c.push_back(unary("ELU int8", Op::ELU, q({256}, i8, 0.05f, 10), q({256}, i8, 0.04f, 0)));
    c.push_back(unary("ELU int8 ties", Op::ELU, q({256}, i8, 0.125f, 0), q({256}, i8, 0.25f, 0)));

    // PRELU with a broadcast alpha.
    for (auto t : {i8, u8, i16}) {
        const bool w = t == i16;
        const std::int64_t zx = t == u8 ? 128 : 0, za = t == u8 ? 120 : 5, zy = t == u8 ? 100 : w ? 0 : -10;
        // An int16 PRELU takes an int8 alpha (LiteRT reads it as int8).
        c.push_back(OpCase(std::string("PRELU ") + model::dtypeName(t), builtin(Op::PRELU),
            {q({4, 8, 3}, t, w ? 0.001f : 0.05f, zx), q({1, 1, 3}, w ? i8 : t, 0.01f, za)},
            {q({4, 8, 3}, t, w ? 0.0012f : 0.04f, zy)}));
    }
    c.push_back(OpCase("PRELU int16 alpha refused", builtin(Op::PRELU),
                    {q({4, 3}, i16, 0.001f, 0), q({3}, i16, 0.001f, 0)}, {q({4, 3}, i16, 0.001f, 0)})
                    .refused("reads the alpha of an int16 PRELU as int8"));
    c.push_back(binary("compare int16 EQUAL rescaled", Op::EQUAL, q({2, 80}, i16, 0.001f, 0).range(-50, 50),
        q({2, 80}, i16, 0.002f, 0).range(-25, 25), typed({2, 80}, DT::Bool)));
    tflite::L2NormOptionsT l2;
    c.push_back(unary("L2_NORMALIZATION int8", Op::L2_NORMALIZATION, q({50, 16}, i8, 0.05f, 3), q({50, 16}, i8, 1.0f / 128, 0), opts(l2)));
    c.push_back(unary("L2_NORMALIZATION uint8", Op::L2_NORMALIZATION, q({50, 16}, u8, 0.05f, 128), q({50, 16}, u8, 1.0f / 128, 128), opts(l2)));

    // Reductions.
    tflite::ReducerOptionsT keep;
    keep.keep_dims = true;
    tflite::ReducerOptionsT drop;
    c.push_back(OpCase("SUM int8", builtin(Op::SUM, opts(drop)), {q({2, 6, 7, 5}, i8, 0.05f, 3), i32({2}, {1, 2})},
        {q({2, 5}, i8, 0.8f, -4)}));
    c.push_back(OpCase("SUM uint8 keep", builtin(Op::SUM, opts(keep)), {q({1, 5, 5, 8}, u8, 0.02f, 128), i32({1}, {3})},
        {q({1, 5, 5, 1}, u8, 0.3f, 100)}));
    c.push_back(OpCase("SUM int16", builtin(Op::SUM, opts(drop)), {q({3, 40}, i16, 0.001f, 0), i32({1}, {1})}, {q({3}, i16, 0.02f, 0)}));
    c.push_back(OpCase("REDUCE_PROD int8", builtin(Op::REDUCE_PROD, opts(drop)), {q({3, 4, 3}, i8, 0.03f, 2), i32({1}, {1})},
        {q({3, 3}, i8, 0.0004f, -1)}));
    c.push_back(OpCase("REDUCE_PROD int16", builtin(Op::REDUCE_PROD, opts(drop)), {q({4, 3}, i16, 0.0005f, 0), i32({1}, {1})},
        {q({4}, i16, 0.00002f, 0)}));
    c.push_back(OpCase("REDUCE_MAX int8 other output scale", builtin(Op::REDUCE_MAX, opts(keep)),
        {q({1, 6, 6, 4}, i8, 0.1f, 1), i32({2}, {1, 2})}, {q({1, 1, 1, 4}, i8, 0.2f, 5)}));
    c.push_back(OpCase("REDUCE_MIN uint8", builtin(Op::REDUCE_MIN, opts(drop)), {q({5, 9}, u8, 0.1f, 30), i32({1}, {1})},
        {q({5}, u8, 0.1f, 30)}));

    // BATCH_MATMUL.
    tflite::BatchMatMulOptionsT plain, adjoint;
    adjoint.adj_x = true;
    adjoint.adj_y = true;
    c.push_back(OpCase("BATCH_MATMUL int8 (XNNPACK)", builtin(Op::BATCH_MATMUL, opts(plain)),
        {q({2, 3, 16}, i8, 0.05f, 3), q({2, 16, 7}, i8, 0.04f, 0)}, {q({2, 3, 7}, i8, 0.3f, -5)}));
    c.push_back(OpCase("BATCH_MATMUL int8 adjoint broadcast", builtin(Op::BATCH_MATMUL, opts(adjoint)),
        {q({3, 1, 16, 5}, i8, 0.05f, -3), q({1, 2, 7, 16}, i8, 0.04f, 0)}, {q({3, 2, 5, 7}, i8, 0.25f, 2)}));
    c.push_back(OpCase("BATCH_MATMUL int8 right zero point (TFLite kernel)", builtin(Op::BATCH_MATMUL, opts(plain)),
        {q({2, 4, 12}, i8, 0.05f, 3), q({2, 12, 6}, i8, 0.04f, 5)}, {q({2, 4, 6}, i8, 0.3f, -5)}));
    c.push_back(OpCase("BATCH_MATMUL int8 constant right side", builtin(Op::BATCH_MATMUL, opts(plain)),
        {q({1, 5, 16}, i8, 0.05f, 3), constantCodes<std::int8_t>({16, 8}, i8, 0.02f, 0, 7)}, {q({1, 5, 8}, i8, 0.2f, 0)}));
    c.push_back(OpCase("BATCH_MATMUL int8 to int32 raw", builtin(Op::BATCH_MATMUL, opts(plain)),
        {q({2, 3, 10}, i8, 0.05f, 3), q({2, 10, 4}, i8, 0.04f, 5)}, {typed({2, 3, 4}, DT::Int32)}));
    c.push_back(OpCase("BATCH_MATMUL int16", builtin(Op::BATCH_MATMUL, opts(plain)),
        {q({2, 3, 12}, i16, 0.0005f, 0), q({2, 12, 5}, i16, 0.0004f, 0)}, {q({2, 3, 5}, i16, 0.002f, 0)}));
    c.push_back(OpCase("BATCH_MATMUL 16x8", builtin(Op::BATCH_MATMUL, opts(plain)),
        {q({2, 3, 12}, i16, 0.0005f, 0), q({2, 12, 5}, i8, 0.02f, 0)}, {q({2, 3, 5}, i16, 0.004f, 0)}));
    c.push_back(OpCase("BATCH_MATMUL int8 scale above 255 refused", builtin(Op::BATCH_MATMUL, opts(plain)),
                    {q({1, 2, 4}, i8, 1.0f, 0), q({1, 4, 2}, i8, 1.0f, 0)}, {q({1, 2, 2}, i8, 0.001f, 0)})
                    .refused("outside (0, 255]"));
    {
        TensorSpec b = constantCodes<std::int8_t>({24, 6}, i8, 0.03f, 0, 11);
        c.push_back(OpCase("BATCH_MATMUL hybrid per-tensor", builtin(Op::BATCH_MATMUL, opts(plain)), {f32({2, 3, 24}), b},
            {f32({2, 3, 6})}));
        TensorSpec bc = constantCodes<std::int8_t>({24, 6}, i8, 0.03f, 0, 12);
        c.push_back(OpCase("BATCH_MATMUL hybrid per-column", builtin(Op::BATCH_MATMUL, opts(plain)), {f32({4, 24}), bc},
            {f32({4, 6})}));
    }

    // SOFTMAX and LOG_SOFTMAX.
    tflite::SoftmaxOptionsT sm;
    sm.beta = 1.0f;
    tflite::SoftmaxOptionsT sm2;
    sm2.beta = 0.7f;
    c.push_back(unary("SOFTMAX int16", Op::SOFTMAX, q({8, 30}, i16, 0.000732f, 0), q({8, 30}, i16, 1.0f / 32768, 0), opts(sm)));
    c.push_back(unary("SOFTMAX int16 beta", Op::SOFTMAX, q({8, 30}, i16, 0.0011f, 0), q({8, 30}, i16, 1.0f / 32768, 0), opts(sm2)));
    c.push_back(unary("SOFTMAX int8 to int16", Op::SOFTMAX, q({6, 20}, i8, 0.1f, 3), q({6, 20}, i16, 1.0f / 32768, 0), opts(sm)));
    c.push_back(unary("SOFTMAX uint8 to int16", Op::SOFTMAX, q({6, 20}, u8, 0.1f, 128), q({6, 20}, i16, 1.0f / 32768, 0), opts(sm)));
    tflite::LogSoftmaxOptionsT ls;
    c.push_back(unary("LOG_SOFTMAX int8", Op::LOG_SOFTMAX, q({20, 12}, i8, 0.1f, 0), q({20, 12}, i8, 16.0f / 256, 127), opts(ls)));
    c.push_back(unary("LOG_SOFTMAX uint8", Op::LOG_SOFTMAX, q({20, 12}, u8, 0.05f, 100), q({20, 12}, u8, 16.0f / 256, 255), opts(ls)));

    // int16 LOGISTIC / TANH with power-of-two input scales (gemmlowp in LiteRT).
    c.push_back(unary("LOGISTIC int16 2^-12", Op::LOGISTIC, q({4096}, i16, 1.0f / 4096, 0), q({4096}, i16, 1.0f / 32768, 0)));
    c.push_back(unary("TANH int16 2^-12", Op::TANH, q({4096}, i16, 1.0f / 4096, 0), q({4096}, i16, 1.0f / 32768, 0)));
    c.push_back(unary("TANH int16 2^-11", Op::TANH, q({4096}, i16, 1.0f / 2048, 0), q({4096}, i16, 1.0f / 32768, 0)));

    // RESIZE_BILINEAR on codes: XNNPACK (quantized 8-bit), TFLite's integer and uint8 kernels otherwise.
    tflite::ResizeBilinearOptionsT legacy, corners, half;
    corners.align_corners = true;
    half.half_pixel_centers = true;
    const std::pair<const char*, tflite::ResizeBilinearOptionsT*> modes[] = {
        {"legacy", &legacy}, {"align corners", &corners}, {"half pixel", &half}};
    for (const auto& [label, mode] : modes) {
        const std::string m = label;
        c.push_back(OpCase("RESIZE_BILINEAR int8 " + m, builtin(Op::RESIZE_BILINEAR, opts(*mode)),
            {q({1, 5, 7, 3}, i8, 0.05f, 3), i32({2}, {13, 11})}, {q({1, 13, 11, 3}, i8, 0.05f, 3)}));
        c.push_back(OpCase("RESIZE_BILINEAR uint8 " + m, builtin(Op::RESIZE_BILINEAR, opts(*mode)),
            {q({1, 6, 9, 2}, u8, 0.02f, 128), i32({2}, {4, 5})}, {q({1, 4, 5, 2}, u8, 0.02f, 128)}));
        c.push_back(OpCase("RESIZE_BILINEAR uint8 codes " + m, builtin(Op::RESIZE_BILINEAR, opts(*mode)),
            {typed({1, 5, 7, 3}, u8), i32({2}, {13, 11})}, {typed({1, 13, 11, 3}, u8)}));
        c.push_back(OpCase("RESIZE_BILINEAR int8 codes " + m, builtin(Op::RESIZE_BILINEAR, opts(*mode)),
            {typed({1, 5, 7, 3}, i8), i32({2}, {8, 9})}, {typed({1, 8, 9, 3}, i8)}));
        c.push_back(OpCase("RESIZE_BILINEAR int16 " + m, builtin(Op::RESIZE_BILINEAR, opts(*mode)),
            {q({1, 5, 7, 3}, i16, 0.001f, 0), i32({2}, {8, 9})}, {q({1, 8, 9, 3}, i16, 0.001f, 0)}));
    }
    c.push_back(OpCase("RESIZE_BILINEAR int8 rescaling refused", builtin(Op::RESIZE_BILINEAR, opts(legacy)),
                    {q({1, 4, 4, 2}, i8, 0.05f, 3), i32({2}, {8, 8})}, {q({1, 8, 8, 2}, i8, 0.1f, 3)})
                    .refused("quantized alike"));

    // CONCATENATION with inputs quantized unlike the output: LiteRT runs nothing.
    tflite::ConcatenationOptionsT cat;
    cat.axis = 1;
    c.push_back(OpCase("CONCATENATION int8 rescaling refused", builtin(Op::CONCATENATION, opts(cat)),
                    {q({2, 3}, i8, 0.05f, 1), q({2, 4}, i8, 0.02f, 1)}, {q({2, 7}, i8, 0.05f, 1)})
                    .refused("quantized like its output"));

    // ADD with a scale ratio outside XNNPACK's range: TFLite's kernel runs.
    tflite::AddOptionsT add;
    c.push_back(OpCase("ADD int8 outside XNNPACK's ratios", builtin(Op::ADD, opts(add)),
        {q({2, 50}, i8, 5.0f, 3), q({2, 50}, i8, 0.01f, -7)}, {q({2, 50}, i8, 0.01f, 2)}));

    // FULLY_CONNECTED with int4 weights (the blockwise form is covered by the corpus' Qwen layer).
    {
        tflite::FullyConnectedOptionsT fc;
        const int units = 8, depth = 64;
        TensorSpec w{{units, depth}, DT::Int4, 0.05f, 0, int4Bytes(pattern(units * depth, -8, 7, 21))};
        c.push_back(OpCase("FULLY_CONNECTED int4 per-tensor", builtin(Op::FULLY_CONNECTED, opts(fc)),
            {f32({3, depth}), w, f32c({units}, {0.1f, -0.2f, 0.3f, 0.0f, 1.0f, -1.0f, 0.5f, 0.25f})}, {f32({3, units})}));
    }
    // int16 ADD / SUB of older files: options written with pot_scale_int16 = true (the schema's default).
    // All scales powers of two: LiteRT's power-of-two form (one input shifted, saturating add); any other
    // scale: the general path; shifts LiteRT's form cannot take: refused.
    {
        auto potOp = [](Op op, tflite::ActivationFunctionType act = tflite::ActivationFunctionType::NONE) {
            if (op == Op::ADD) {
                tflite::AddOptionsT o;
                o.fused_activation_function = act;
                return builtin(op, opts(o));
            }
            tflite::SubOptionsT o;
            o.fused_activation_function = act;
            return builtin(op, opts(o), 2);
        };
        const float p10 = 1.0f / 1024, p12 = 1.0f / 4096;
        c.push_back(OpCase("ADD int16 power-of-two second input shifted", potOp(Op::ADD),
            {q({2, 64}, i16, p10, 0), q({2, 64}, i16, p12, 0)}, {q({2, 64}, i16, p10, 0)}));
        c.push_back(OpCase("SUB int16 power-of-two first input shifted", potOp(Op::SUB),
            {q({2, 64}, i16, p12, 0), q({2, 64}, i16, p10, 0)}, {q({2, 64}, i16, p10, 0)}));
        c.push_back(OpCase("ADD int16 power-of-two same scales saturating", potOp(Op::ADD),
            {q({128}, i16, p10, 0), q({128}, i16, p10, 0)}, {q({128}, i16, p10, 0)}));
        c.push_back(OpCase("ADD int16 power-of-two relu", potOp(Op::ADD, tflite::ActivationFunctionType::RELU),
            {q({5, 8}, i16, p10, 0), q({5, 8}, i16, 1.0f / 65536, 0)}, {q({5, 8}, i16, p10, 0)}));
        // LiteRT stops the program (Aborted) on a power-of-two int16 ADD whose inputs differ in shape
        // (measured); its SUB broadcasts.
        c.push_back(OpCase("ADD int16 power-of-two broadcast", potOp(Op::ADD),
            {q({3, 1, 8}, i16, p10, 0), q({1, 5, 8}, i16, p10, 0)}, {q({3, 5, 8}, i16, p10, 0)})
                .refused("broadcast"));
        c.push_back(OpCase("SUB int16 power-of-two broadcast", potOp(Op::SUB),
            {q({4, 8}, i16, p10, 0), q({8}, i16, p10, 0)}, {q({4, 8}, i16, p10, 0)}));
        c.push_back(OpCase("ADD int16 pot flag other scales general path", potOp(Op::ADD),
            {q({2, 64}, i16, 0.001f, 0), q({2, 64}, i16, 0.0007f, 0)}, {q({2, 64}, i16, 0.0015f, 0)}));
        c.push_back(OpCase("SUB int16 pot flag other scales general path", potOp(Op::SUB),
            {q({2, 64}, i16, 0.001f, 0), q({2, 64}, i16, 0.0007f, 0)}, {q({2, 64}, i16, 0.0015f, 0)}));
        c.push_back(OpCase("ADD int16 power-of-two both inputs finer", potOp(Op::ADD),
            {q({8}, i16, p12, 0), q({8}, i16, p12, 0)}, {q({8}, i16, p10, 0)})
                .refused("power-of-two"));
    }

    return c;
}

} // namespace ql::test
