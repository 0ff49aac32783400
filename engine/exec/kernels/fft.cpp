// SPDX-License-Identifier: MIT
// RFFT2D (float32 → complex64) and the complex helpers COMPLEX_ABS, REAL, IMAG. LiteRT computes the
// 2-D real FFT in double precision and rounds each value to float once; an accurate double DFT
// rounded the same way gives the same bits.
#include "exec/kernels/common.h"

#include <cmath>
#include <complex>
#include <cstring>
#include <numbers>

namespace ql::exec {

namespace {

using model::DType;
using cd = std::complex<double>;

bool powerOfTwo(std::int64_t n)
{
    return n > 0 && (n & (n - 1)) == 0;
}

// In-place iterative radix-2 FFT (forward, e^{-i...}) of a power-of-two length.
void fft(std::vector<cd>& a)
{
    const std::size_t n = a.size();
    for (std::size_t i = 1, j = 0; i < n; ++i) {
        std::size_t bit = n >> 1;
        for (; j & bit; bit >>= 1)
            j ^= bit;
        j ^= bit;
        if (i < j)
            std::swap(a[i], a[j]);
    }
    for (std::size_t len = 2; len <= n; len <<= 1) {
        const double angle = -2.0 * std::numbers::pi / static_cast<double>(len);
        for (std::size_t i = 0; i < n; i += len)
            for (std::size_t k = 0; k < len / 2; ++k) {
                // Twiddles computed directly (not by repeated multiplication) to keep full accuracy.
                const cd w(std::cos(angle * static_cast<double>(k)), std::sin(angle * static_cast<double>(k)));
                const cd u = a[i + k], v = a[i + k + len / 2] * w;
                a[i + k] = u + v;
                a[i + k + len / 2] = u - v;
            }
    }
}

// COMPLEX_ABS as LiteRT's C library computes hypotf: the sum of squares in double, rounded to float,
// then the float square root (with the usual scaling for huge and tiny values).
float hypotLikeRuntime(float re, float im)
{
    float x = std::fabs(re), y = std::fabs(im);
    std::uint32_t bx, by;
    std::memcpy(&bx, &x, 4);
    std::memcpy(&by, &y, 4);
    if (bx < by) {
        std::swap(x, y);
        std::swap(bx, by);
    }
    if (std::isinf(y))
        return y;
    if (bx >= 0x7f800000u || by == 0 || bx - by >= (25u << 23))
        return x + y;
    float z = 1.0f;
    if (bx >= ((0x7fu + 60) << 23)) {
        z = 0x1p90f;
        x *= 0x1p-90f;
        y *= 0x1p-90f;
    } else if (by < ((0x7fu - 60) << 23)) {
        z = 0x1p-90f;
        x *= 0x1p90f;
        y *= 0x1p90f;
    }
    const auto sum = static_cast<float>(static_cast<double>(x) * x + static_cast<double>(y) * y);
    return z * std::sqrt(sum);
}

} // namespace

Prepared prepareRfft2d(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(2, 2, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    const RtTensor* lv = ctx.valueOf(1);
    if (!lv)
        return ctx.deferred();
    if (x.dtype != DType::Float32 || ctx.out(0).dtype != DType::Complex64)
        return ctx.unsupported();
    if (x.rank() < 2 || lv->dtype != DType::Int32 || lv->count() != 2)
        return ctx.fail("needs an input of rank 2 or more and fft_length as two int32 values");
    const std::int64_t H = lv->as<std::int32_t>()[0], W = lv->as<std::int32_t>()[1];
    if (!powerOfTwo(H) || !powerOfTwo(W) || W < 2)
        return ctx.fail("fft_length must be powers of two (width at least 2), got [" + std::to_string(H) + ", " +
            std::to_string(W) + "]");
    std::vector<std::int32_t> shape = x.shape;
    shape[shape.size() - 2] = static_cast<std::int32_t>(H);
    shape.back() = static_cast<std::int32_t>(W / 2 + 1);
    if (auto st = ctx.setOutputShape(0, shape); !st)
        return st.error();
    const std::int64_t inH = x.dim(-2), inW = x.dim(-1);
    const std::int64_t slices = (inH * inW) != 0 ? x.count() / (inH * inW) : 0;
    const std::int64_t outW = W / 2 + 1;
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    return makeKernel([=](const RunContext& rc) {
        const float* src = tensorAt(rc, in).as<float>();
        float* dst = tensorAt(rc, out).as<float>();
        std::vector<std::vector<cd>> rows(static_cast<std::size_t>(H));
        std::vector<cd> column(static_cast<std::size_t>(H));
        for (std::int64_t s = 0; s < slices; ++s) {
            // Rows: crop or zero-pad to W, transform.
            for (std::int64_t r = 0; r < H; ++r) {
                auto& row = rows[static_cast<std::size_t>(r)];
                row.assign(static_cast<std::size_t>(W), cd(0.0, 0.0));
                if (r < inH)
                    for (std::int64_t c = 0; c < std::min(W, inW); ++c)
                        row[static_cast<std::size_t>(c)] = cd(src[(s * inH + r) * inW + c], 0.0);
                fft(row);
            }
            // Columns of the first W/2+1 bins.
            for (std::int64_t c = 0; c < outW; ++c) {
                for (std::int64_t r = 0; r < H; ++r)
                    column[static_cast<std::size_t>(r)] = rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
                fft(column);
                for (std::int64_t r = 0; r < H; ++r) {
                    float* o = dst + ((s * H + r) * outW + c) * 2;
                    o[0] = static_cast<float>(column[static_cast<std::size_t>(r)].real());
                    o[1] = static_cast<float>(column[static_cast<std::size_t>(r)].imag());
                }
            }
        }
    });
}

Prepared prepareComplexPart(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(1, 1, 1); !st)
        return st.error();
    const RtTensor& x = ctx.in(0);
    if (x.dtype != DType::Complex64 || ctx.out(0).dtype != DType::Float32)
        return ctx.unsupported();
    if (auto st = ctx.setOutputShape(0, x.shape); !st)
        return st.error();
    const auto op = ctx.graph.opcodeOf(ctx.op);
    const int in = ctx.inputIndex(0), out = ctx.outputIndex(0);
    const int which = op == tflite::BuiltinOperator::REAL ? 0 : op == tflite::BuiltinOperator::IMAG ? 1 : 2;
    return makeKernel([=](const RunContext& rc) {
        const float* c = tensorAt(rc, in).as<float>();
        float* y = tensorAt(rc, out).as<float>();
        for (std::int64_t i = 0, n = tensorAt(rc, out).count(); i < n; ++i)
            y[i] = which == 2 ? hypotLikeRuntime(c[2 * i], c[2 * i + 1]) : c[2 * i + which];
    });
}

} // namespace ql::exec
