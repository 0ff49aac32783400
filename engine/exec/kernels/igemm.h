// SPDX-License-Identifier: MIT
// Integer matrix product of the 8-bit kernels: C[m x n] = A[m x k] * W^T, exact in int32.
//
// A and W hold 16-bit values: 8-bit codes widened, the weights minus their zero point (the input's
// zero point is folded into a per-channel constant by the caller). W is packed once at prepare into
// panels of 16 output channels that hold k in pairs, the layout of the x86 widening multiply-add
// (vpmaddwd, and vpdpwssd with VNNI): each 32-bit lane of one instruction is
// a[k] * w[c][k] + a[k+1] * w[c][k+1], exact, and lanes are summed in int32. Callers make sure the
// sum cannot overflow (checkAccumulator), so every path computes the same integers as the scalar one.
//
// The instruction set is chosen at run time from CPUID (AVX-512 VNNI or AVX-VNNI, else AVX2, else
// the portable loop); tests and benchmarks can select any path the machine has.
#pragma once

#include <cstdint>
#include <vector>

namespace ql::exec {

enum class IgemmPath { Scalar, Avx2, AvxVnni, Avx512Vnni };

const char* igemmPathName(IgemmPath path);
// The paths this processor (and operating system) can run, the portable one first.
std::vector<IgemmPath> availableIgemmPaths();
// The path in use: the last available one, unless the environment variable QL_IGEMM_PATH names another
// available one (by igemmPathName) or setIgemmPath chose one.
IgemmPath igemmPath();
// Selects a path for the whole process (tests, benchmarks); false, and no change, when the machine
// cannot run it.
bool setIgemmPath(IgemmPath path);

class PackedInt16Weights {
public:
    static constexpr int kPanel = 16;

    // True when every 8-bit code minus `zeroPoint` fits 16 bits (a file may store any zero point).
    static bool fits(std::int32_t zeroPoint) { return zeroPoint >= -32512 && zeroPoint <= 32512; }

    // weights: [n][k] row-major 8-bit codes; stored as weight - zeroPoint (fits(zeroPoint) must hold).
    template <class TW> PackedInt16Weights(const TW* weights, int n, int k, std::int32_t zeroPoint);

    int n() const { return m_n; }
    int k() const { return m_k; }
    // The row length A must provide (k rounded up to even); the last column's value is ignored when
    // k is odd (its weight is 0) but must be readable.
    int paddedK() const { return 2 * m_pairs; }

    // C[m x n] (row stride ldc) = A[m x paddedK] (row stride lda >= paddedK) * W^T.
    void multiply(const std::int16_t* a, std::int64_t m, std::int64_t lda, std::int32_t* c, std::int64_t ldc) const;

private:
    int m_n, m_k, m_pairs, m_panels;
    std::vector<std::int16_t> m_data; // [panel][pair][16 channels][2], zero-padded
};

extern template PackedInt16Weights::PackedInt16Weights(const std::int8_t*, int, int, std::int32_t);
extern template PackedInt16Weights::PackedInt16Weights(const std::uint8_t*, int, int, std::int32_t);

// Widens `rows` rows of k 8-bit codes (row stride srcStride) into 16-bit rows of `dstStride` values,
// writing 0 into the padding column when the padded length exceeds k.
template <class T>
void widenRows(const T* src, std::int64_t rows, int k, std::int64_t srcStride, std::int16_t* dst, std::int64_t dstStride)
{
    for (std::int64_t r = 0; r < rows; ++r) {
        const T* s = src + r * srcStride;
        std::int16_t* d = dst + r * dstStride;
        for (int i = 0; i < k; ++i)
            d[i] = static_cast<std::int16_t>(s[i]);
        for (std::int64_t i = k; i < dstStride; ++i)
            d[i] = 0;
    }
}

} // namespace ql::exec
