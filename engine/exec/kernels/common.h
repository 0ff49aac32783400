// SPDX-License-Identifier: MIT
// Helpers shared by the kernels.
#pragma once

#include "exec/activation.h"
#include "exec/kernel.h"
#include "exec/kernels/kernels.h"
#include "exec/quant_math.h"
#include "exec/thread_pool.h"

#include <functional>
#include <type_traits>
#include <memory>
#include <vector>

namespace ql::exec {

// A kernel as a closure over the parameters prepare computed. The closure returns void, or a
// Status when it can fail at run time.
template <class F>
class FnKernel : public Kernel {
public:
    explicit FnKernel(F fn) : m_fn(std::move(fn)) {}
    Status run(const RunContext& ctx) const override
    {
        if constexpr (std::is_void_v<std::invoke_result_t<const F&, const RunContext&>>) {
            m_fn(ctx);
            return {};
        } else {
            return m_fn(ctx);
        }
    }

private:
    F m_fn;
};

template <class F>
Result<std::unique_ptr<Kernel>> makeKernel(F fn)
{
    return std::unique_ptr<Kernel>(std::make_unique<FnKernel<F>>(std::move(fn)));
}

inline RtTensor& tensorAt(const RunContext& ctx, int index)
{
    return ctx.tensors[static_cast<std::size_t>(index)];
}

struct Padding2D {
    int top = 0, left = 0;
};

// Output size and leading padding of a convolution or pooling window along one axis, as TFLite
// computes them (SAME: ceil(in / stride); VALID: windows that fit; extra padding goes at the end).
int convOutputSize(tflite::Padding padding, int in, int filter, int stride, int dilation);
int convPaddingBefore(int in, int filter, int stride, int dilation, int out);

// Per-tensor or per-channel requantization of an int32 accumulator to an integer output, prepared
// for both roundings.
struct Requantizer {
    std::vector<FixedMultiplier> fixed;  // reference rounding, per channel (size 1 if per-tensor)
    std::vector<float> scale;            // xnnpack rounding
    std::int32_t zeroPoint = 0;
    QuantRange range{};
    Rounding rounding = Rounding::Xnnpack;

    std::int32_t apply(std::int32_t acc, std::size_t channel) const
    {
        const std::size_t c = fixed.size() == 1 ? 0 : channel;
        return rounding == Rounding::Reference ? requantizeFixed(acc, fixed[c], zeroPoint, range.min, range.max)
                                               : requantizeFloat(acc, scale[c], zeroPoint, range.min, range.max);
    }
};

// Multipliers for output = acc * inputScale * weightScale[c] / outputScale.
Requantizer makeRequantizer(float inputScale, const std::vector<float>& weightScales, float outputScale,
                            std::int32_t outputZeroPoint, QuantRange range, Rounding rounding);

// Range of the integer type of `t` (int8, uint8, int16).
QuantRange typeRange(model::DType t);

// The integer clamp of a fused activation on output `y`, derived the way the runtime of `rounding`
// derives it (16-bit outputs never reach XNNPACK).
QuantRange activationRange(tflite::ActivationFunctionType act, const RtTensor& y, Rounding rounding);

}  // namespace ql::exec
