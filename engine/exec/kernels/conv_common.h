// SPDX-License-Identifier: MIT
// Geometry shared by CONV_2D and DEPTHWISE_CONV_2D (NHWC activations).
#pragma once

#include "exec/kernels/common.h"

#include <cstring>

namespace ql::exec {

struct ConvGeometry {
    int batch = 0, inH = 0, inW = 0, inC = 0;
    int kH = 0, kW = 0;
    int outH = 0, outW = 0, outC = 0;
    int outChannels = 0; // = outC
    int strideH = 1, strideW = 1, dilH = 1, dilW = 1;
    int padTop = 0, padLeft = 0;
    int depthMultiplier = 1; // depthwise only
    int groups = 1; // CONV_2D whose filter has inC / groups input channels (grouped convolution)

    std::int64_t patchCount() const { return static_cast<std::int64_t>(batch) * outH * outW; }
    std::int64_t patchSize() const { return static_cast<std::int64_t>(kH) * kW * inC; }
    bool isPointwise() const
    {
        return kH == 1 && kW == 1 && strideH == 1 && strideW == 1 && padTop == 0 && padLeft == 0 && inH == outH &&
            inW == outW;
    }
};

// Checks shapes and options and computes the geometry. Filter layout: [outC, kH, kW, inC] for
// CONV_2D, [1, kH, kW, inC * multiplier] for DEPTHWISE_CONV_2D.
Result<ConvGeometry> convGeometry(NodeContext& ctx, tflite::Padding padding, int strideH, int strideW, int dilH,
    int dilW, bool depthwise, int depthMultiplier);

// The patches of one output row (image b, output row oy): outW rows of kH * kW * inC values.
template <class T> void im2colRow(const T* x, const ConvGeometry& g, int b, int oy, T pad, T* out)
{
    const std::size_t rowBytes = static_cast<std::size_t>(g.inC) * sizeof(T);
    for (int ox = 0; ox < g.outW; ++ox)
        for (int ky = 0; ky < g.kH; ++ky) {
            const int iy = oy * g.strideH - g.padTop + ky * g.dilH;
            for (int kx = 0; kx < g.kW; ++kx) {
                const int ix = ox * g.strideW - g.padLeft + kx * g.dilW;
                if (iy < 0 || iy >= g.inH || ix < 0 || ix >= g.inW)
                    std::fill(out, out + g.inC, pad);
                else
                    std::memcpy(out, x + ((static_cast<std::int64_t>(b) * g.inH + iy) * g.inW + ix) * g.inC, rowBytes);
                out += g.inC;
            }
        }
}

// Rows of kH * kW * inC values, one per output pixel; outside the input: `pad`.
template <class T> void im2col(const T* x, const ConvGeometry& g, T pad, T* out)
{
    const std::size_t rowBytes = static_cast<std::size_t>(g.inC) * sizeof(T);
    for (int b = 0; b < g.batch; ++b)
        for (int oy = 0; oy < g.outH; ++oy)
            for (int ox = 0; ox < g.outW; ++ox) {
                for (int ky = 0; ky < g.kH; ++ky) {
                    const int iy = oy * g.strideH - g.padTop + ky * g.dilH;
                    for (int kx = 0; kx < g.kW; ++kx) {
                        const int ix = ox * g.strideW - g.padLeft + kx * g.dilW;
                        if (iy < 0 || iy >= g.inH || ix < 0 || ix >= g.inW) {
                            std::fill(out, out + g.inC, pad);
                        } else {
                            std::memcpy(
                                out, x + ((static_cast<std::int64_t>(b) * g.inH + iy) * g.inW + ix) * g.inC, rowBytes);
                        }
                        out += g.inC;
                    }
                }
            }
}

Prepared prepareHybridConv(NodeContext& ctx, const ConvGeometry& g, tflite::ActivationFunctionType act);

// A grouped CONV_2D (g.groups > 1) as LiteRT's reference kernel computes it (the only one of its
// kernels that takes groups): float, int8 per channel, int16 x int8 (conv_grouped.cpp).
Prepared prepareGroupedConv(NodeContext& ctx, const ConvGeometry& g, tflite::ActivationFunctionType act);

} // namespace ql::exec
