// SPDX-License-Identifier: MIT
// Integer dot products and matrix products for the quantized kernels.
#pragma once

#include "exec/kernels/common.h"

#include <cstdint>
#include <vector>

namespace ql::exec {

// sum_k x[k] * (w[k] - zpW): the input zero point is folded into a per-unit constant by the caller.
template <class TAcc, class TX, class TW> inline TAcc dot(const TX* x, const TW* w, int n, std::int32_t zpW)
{
    TAcc acc = 0;
    if (zpW == 0) {
        for (int k = 0; k < n; ++k)
            acc += static_cast<TAcc>(x[k]) * static_cast<TAcc>(w[k]);
    } else {
        for (int k = 0; k < n; ++k)
            acc += static_cast<TAcc>(x[k]) * (static_cast<TAcc>(w[k]) - zpW);
    }
    return acc;
}

// The constant part of each output channel's accumulator: bias[c] - zpX * sum_k (w[c][k] - zpW), folded
// and bounded by foldBias (weights [n][k] row-major; bias null for none).
template <class TAcc, class TW, class TBias>
std::vector<TAcc> foldedBiases(
    const TW* w, int n, std::int64_t k, std::int32_t zpW, std::int32_t zpX, const TBias* bias)
{
    std::vector<TAcc> base(static_cast<std::size_t>(n));
    for (int c = 0; c < n; ++c) {
        std::int64_t sum = 0;
        for (std::int64_t i = 0; i < k; ++i)
            sum += static_cast<std::int64_t>(w[c * k + i]) - zpW;
        base[static_cast<std::size_t>(c)] =
            foldBias<TAcc>(bias ? static_cast<std::int64_t>(bias[c]) : 0, static_cast<std::int64_t>(zpX) * sum);
    }
    return base;
}

} // namespace ql::exec
