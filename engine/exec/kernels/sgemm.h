// SPDX-License-Identifier: MIT
// Float matrix product for convolutions and fully connected layers: C = A * W^T + bias, clamped,
// with W packed once at prepare into panels of 16 output channels. Written with GCC/Clang vector
// extensions (SSE or NEON by default); on x86-64 an AVX2+FMA clone is chosen at load time when the
// processor has it.
#pragma once

#include <cstdint>
#include <vector>

namespace ql::exec {

class PackedWeights {
public:
    static constexpr int kPanel = 16;
    // weights: [n][k] row-major; bias: n values or null.
    PackedWeights(const float* weights, const float* bias, int n, int k);

    int n() const { return m_n; }
    int k() const { return m_k; }
    // C[m x n] (row stride ldc) = A[m x k] (row stride lda) * W^T + bias, clamped to [lo, hi].
    void multiply(
        const float* a, std::int64_t m, std::int64_t lda, float* c, std::int64_t ldc, float lo, float hi) const;

private:
    int m_n, m_k, m_panels;
    std::vector<float> m_data; // [panel][k][16], zero-padded
    std::vector<float> m_bias; // [panel][16], zero-padded
};

} // namespace ql::exec
