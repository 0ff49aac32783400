// SPDX-License-Identifier: MIT
// Integer dot products and matrix products for the quantized kernels.
#pragma once

#include <cstdint>

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

} // namespace ql::exec
