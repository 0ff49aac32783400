// SPDX-License-Identifier: MIT
// Operators on the bits of integers: BITWISE_XOR and RIGHT_SHIFT (signed and unsigned 8/16/32-bit, with
// broadcasting) and BITCAST (the bytes of a tensor read as another type).
#include "exec/kernels/common.h"

#include <cstring>
#include <type_traits>

namespace ql::exec {

namespace {

using model::DType;
using Op = tflite::BuiltinOperator;

// Calls fn(T{}) for the integer types LiteRT's bitwise kernels take.
template <class F> bool withBitwiseType(DType t, F&& fn)
{
    switch (t) {
    case DType::Int8: fn(std::int8_t{}); return true;
    case DType::UInt8: fn(std::uint8_t{}); return true;
    case DType::Int16: fn(std::int16_t{}); return true;
    case DType::UInt16: fn(std::uint16_t{}); return true;
    case DType::Int32: fn(std::int32_t{}); return true;
    case DType::UInt32: fn(std::uint32_t{}); return true;
    default: return false;
    }
}

// x >> y with the shift clamped to [0, bits - 1], as LiteRT does (signed values shift arithmetically).
template <class T> T shiftRight(T x, T y)
{
    constexpr int bits = static_cast<int>(sizeof(T)) * 8;
    int s = 0;
    if constexpr (std::is_signed_v<T>)
        s = y < 0 ? 0 : (y > bits - 1 ? bits - 1 : static_cast<int>(y));
    else
        s = y > static_cast<T>(bits - 1) ? bits - 1 : static_cast<int>(y);
    using Wide = std::conditional_t<std::is_signed_v<T>, std::int64_t, std::uint64_t>;
    return static_cast<T>(static_cast<Wide>(x) >> s);
}

} // namespace

Prepared prepareBitwiseBinary(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    const DType t = ctx.in(0).dtype;
    if (ctx.in(1).dtype != t || ctx.out(0).dtype != t)
        return ctx.unsupported();
    auto bc = makeBroadcast(ctx);
    if (!bc)
        return bc.error();
    const bool xorOp = ctx.graph.opcodeOf(ctx.op) == Op::BITWISE_XOR;
    const int a = ctx.inputIndex(0), b = ctx.inputIndex(1), out = ctx.outputIndex(0);
    Prepared kernel = ctx.unsupported();
    withBitwiseType(t, [&](auto tag) {
        using T = decltype(tag);
        kernel = makeKernel([=, bc = *bc](const RunContext& rc) {
            const T* x = tensorAt(rc, a).as<T>();
            const T* z = tensorAt(rc, b).as<T>();
            T* y = tensorAt(rc, out).as<T>();
            bc.forEach(tensorAt(rc, out).count(), [&](std::int64_t i, std::int64_t ia, std::int64_t ib) {
                y[i] = xorOp ? static_cast<T>(x[ia] ^ z[ib]) : shiftRight<T>(x[ia], z[ib]);
            });
        });
    });
    return kernel;
}

Prepared prepareBitcast(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const DType to = ctx.out(0).dtype;
    const int inBits = model::dtypeBits(x.dtype), outBits = model::dtypeBits(to);
    if (inBits < 8 || outBits < 8 || x.dtype == DType::String || to == DType::String)
        return ctx.fail("cannot reinterpret " + model::dtypeName(x.dtype) + " as " + model::dtypeName(to));
    std::vector<std::int32_t> shape = x.shape;
    if (inBits > outBits) {
        shape.push_back(inBits / outBits); // each element becomes several narrower ones
    } else if (inBits < outBits) {
        if (x.rank() < 1 || x.dim(-1) != outBits / inBits)
            return ctx.fail("the last dimension of " + shapeText(x.shape) + " must be " + std::to_string(outBits / inBits) +
                " to form " + model::dtypeName(to) + " values from " + model::dtypeName(x.dtype));
        shape.pop_back();
    }
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const RtTensor& src = tensorAt(rc, in);
        RtTensor& dst = tensorAt(rc, out);
        std::memcpy(dst.data, src.data, static_cast<std::size_t>(std::min(src.bytes, dst.bytes)));
    });
}

} // namespace ql::exec
