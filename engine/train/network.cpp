// SPDX-License-Identifier: MIT
#include "train/network.h"

#include "quant/params.h"
#include "train/random.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ql::train {

namespace {

using RowMat = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowVec = Eigen::Matrix<float, 1, Eigen::Dynamic>;

struct FakeQuant {
    float scale = 1, lo = 0, hi = 0;
    float zeroPoint = 0;
};

FakeQuant activationFakeQuant(const ActivationRange& r)
{
    const quant::Scheme s{8, false, false};
    const quant::Params p = quant::activationParams(r.lo, r.hi, s);
    FakeQuant f;
    f.scale = p.scale[0];
    f.zeroPoint = static_cast<float>(p.zeroPoint[0]);
    f.lo = (static_cast<float>(s.qmin()) - f.zeroPoint) * f.scale;
    f.hi = (static_cast<float>(s.qmax()) - f.zeroPoint) * f.scale;
    return f;
}

// Quantize-dequantize in place; mask = 1 where the value was inside the representable range (the
// straight-through estimator passes the gradient there and blocks it where the value was clipped).
void applyFakeQuant(std::vector<float>& x, std::vector<std::uint8_t>& mask, const FakeQuant& f)
{
    mask.resize(x.size());
    const float inv = 1.0f / f.scale;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const float v = x[i];
        mask[i] = v >= f.lo && v <= f.hi;
        const float q = std::clamp(std::round(v * inv) + f.zeroPoint, -128.0f, 127.0f);
        x[i] = (q - f.zeroPoint) * f.scale;
    }
}

void observe(const std::vector<float>& x, float& lo, float& hi)
{
    lo = std::numeric_limits<float>::infinity();
    hi = -lo;
    for (float v : x) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
}

bool needsInputGradient(const Network& net, std::size_t layer)
{
    for (std::size_t j = 0; j < layer; ++j)
        if (net.layers[j].hasParameters())
            return true;
    return false;
}

// ---- Conv2D ----------------------------------------------------------------------------------------

void im2col(const Layer& l, const float* in, int n, float* col)
{
    const int H = l.in[0], W = l.in[1], C = l.in[2];
    const int Ho = l.out[0], Wo = l.out[1];
    const int kh = l.spec.kernelH, kw = l.spec.kernelW;
    const std::int64_t K = static_cast<std::int64_t>(kh) * kw * C;
    for (int b = 0; b < n; ++b) {
        const float* src = in + static_cast<std::int64_t>(b) * H * W * C;
        for (int oy = 0; oy < Ho; ++oy)
            for (int ox = 0; ox < Wo; ++ox) {
                float* row = col + ((static_cast<std::int64_t>(b) * Ho + oy) * Wo + ox) * K;
                for (int ky = 0; ky < kh; ++ky) {
                    const int iy = oy * l.strideH - l.padTop + ky;
                    for (int kx = 0; kx < kw; ++kx) {
                        const int ix = ox * l.strideW - l.padLeft + kx;
                        float* dst = row + (static_cast<std::int64_t>(ky) * kw + kx) * C;
                        if (iy < 0 || iy >= H || ix < 0 || ix >= W)
                            std::fill(dst, dst + C, 0.0f);
                        else
                            std::copy_n(src + (static_cast<std::int64_t>(iy) * W + ix) * C, C, dst);
                    }
                }
            }
    }
}

void col2im(const Layer& l, const float* col, int n, float* in)
{
    const int H = l.in[0], W = l.in[1], C = l.in[2];
    const int Ho = l.out[0], Wo = l.out[1];
    const int kh = l.spec.kernelH, kw = l.spec.kernelW;
    const std::int64_t K = static_cast<std::int64_t>(kh) * kw * C;
    std::fill(in, in + static_cast<std::int64_t>(n) * H * W * C, 0.0f);
    for (int b = 0; b < n; ++b) {
        float* dst = in + static_cast<std::int64_t>(b) * H * W * C;
        for (int oy = 0; oy < Ho; ++oy)
            for (int ox = 0; ox < Wo; ++ox) {
                const float* row = col + ((static_cast<std::int64_t>(b) * Ho + oy) * Wo + ox) * K;
                for (int ky = 0; ky < kh; ++ky) {
                    const int iy = oy * l.strideH - l.padTop + ky;
                    if (iy < 0 || iy >= H)
                        continue;
                    for (int kx = 0; kx < kw; ++kx) {
                        const int ix = ox * l.strideW - l.padLeft + kx;
                        if (ix < 0 || ix >= W)
                            continue;
                        const float* s = row + (static_cast<std::int64_t>(ky) * kw + kx) * C;
                        float* d = dst + (static_cast<std::int64_t>(iy) * W + ix) * C;
                        for (int c = 0; c < C; ++c)
                            d[c] += s[c];
                    }
                }
            }
    }
}

// ---- pooling ---------------------------------------------------------------------------------------

template <class Visit> void forEachWindow(const Layer& l, int n, Visit&& visit)
{
    const int H = l.in[0], W = l.in[1], C = l.in[2];
    const int Ho = l.out[0], Wo = l.out[1];
    for (int b = 0; b < n; ++b)
        for (int oy = 0; oy < Ho; ++oy)
            for (int ox = 0; ox < Wo; ++ox) {
                const int y0 = std::max(oy * l.strideH - l.padTop, 0);
                const int y1 = std::min(oy * l.strideH - l.padTop + l.spec.kernelH, H);
                const int x0 = std::max(ox * l.strideW - l.padLeft, 0);
                const int x1 = std::min(ox * l.strideW - l.padLeft + l.spec.kernelW, W);
                const std::int64_t inBase = static_cast<std::int64_t>(b) * H * W * C;
                const std::int64_t outBase = ((static_cast<std::int64_t>(b) * Ho + oy) * Wo + ox) * C;
                for (int c = 0; c < C; ++c)
                    visit(inBase, outBase + c, y0, y1, x0, x1, c, W, C);
            }
}

} // namespace

std::vector<std::vector<float>> fakeQuantWeights(const Network& net)
{
    std::vector<std::vector<float>> out(net.layers.size());
    const quant::Scheme s{8, true, true};
    for (std::size_t i = 0; i < net.layers.size(); ++i) {
        const Layer& l = net.layers[i];
        if (!l.hasParameters())
            continue;
        const std::vector<std::int32_t> shape = {
            static_cast<std::int32_t>(l.bias.size()), static_cast<std::int32_t>(l.weights.size() / l.bias.size())};
        const quant::Params p = quant::weightParams(l.weights, shape, 0, s);
        const auto q = quant::quantizeValues(l.weights, shape, p, s);
        out[i] = quant::dequantizeValues(q, shape, p);
    }
    return out;
}

void forward(const Network& net, const float* x, int n, Workspace& ws, const StepContext& ctx)
{
    const std::size_t L = net.layers.size();
    if (ws.n != n || ws.act.size() != L + 1) {
        ws.n = n;
        ws.act.assign(L + 1, {});
        ws.grad.assign(L + 1, {});
        ws.col.assign(L, {});
        ws.argmax.assign(L, {});
        ws.mask.assign(L, {});
        ws.fqMask.assign(L + 1, {});
        ws.dWeights.assign(L, {});
        ws.dBias.assign(L, {});
        for (std::size_t t = 0; t <= L; ++t)
            ws.act[t].resize(static_cast<std::size_t>(n * elementCount(net.shapeAt(static_cast<int>(t)))));
    }
    ws.observedLo.assign(L + 1, 0.0f);
    ws.observedHi.assign(L + 1, 0.0f);
    std::copy_n(x, ws.act[0].size(), ws.act[0].begin());
    observe(ws.act[0], ws.observedLo[0], ws.observedHi[0]);
    if (net.fakeQuant && net.ranges[0].valid)
        applyFakeQuant(ws.act[0], ws.fqMask[0], activationFakeQuant(net.ranges[0]));

    for (std::size_t i = 0; i < L; ++i) {
        const Layer& l = net.layers[i];
        const std::vector<float>& in = ws.act[i];
        std::vector<float>& out = ws.act[i + 1];
        switch (l.spec.kind) {
        case LayerKind::Reshape:
        case LayerKind::Flatten: std::copy(in.begin(), in.end(), out.begin()); break;
        case LayerKind::Conv2D: {
            const std::int64_t P = static_cast<std::int64_t>(l.out[0]) * l.out[1];
            const std::int64_t K = static_cast<std::int64_t>(l.spec.kernelH) * l.spec.kernelW * l.in[2];
            ws.col[i].resize(static_cast<std::size_t>(n * P * K));
            im2col(l, in.data(), n, ws.col[i].data());
            const auto& w = ctx.quantWeights && !(*ctx.quantWeights)[i].empty() ? (*ctx.quantWeights)[i] : l.weights;
            Eigen::Map<const RowMat> col(ws.col[i].data(), n * P, K);
            Eigen::Map<const RowMat> W(w.data(), l.spec.filters, K);
            Eigen::Map<RowMat> y(out.data(), n * P, l.spec.filters);
            y.noalias() = col * W.transpose();
            y.rowwise() += Eigen::Map<const RowVec>(l.bias.data(), l.spec.filters);
            break;
        }
        case LayerKind::Dense: {
            const auto& w = ctx.quantWeights && !(*ctx.quantWeights)[i].empty() ? (*ctx.quantWeights)[i] : l.weights;
            Eigen::Map<const RowMat> a(in.data(), n, l.in[0]);
            Eigen::Map<const RowMat> W(w.data(), l.spec.units, l.in[0]);
            Eigen::Map<RowMat> y(out.data(), n, l.spec.units);
            y.noalias() = a * W.transpose();
            y.rowwise() += Eigen::Map<const RowVec>(l.bias.data(), l.spec.units);
            break;
        }
        case LayerKind::MaxPool2D: {
            ws.argmax[i].resize(out.size());
            forEachWindow(
                l, n, [&](std::int64_t inBase, std::int64_t o, int y0, int y1, int x0, int x1, int c, int W, int C) {
                    float best = -std::numeric_limits<float>::infinity();
                    std::int64_t at = inBase + c;
                    for (int y = y0; y < y1; ++y)
                        for (int xx = x0; xx < x1; ++xx) {
                            const std::int64_t k = inBase + (static_cast<std::int64_t>(y) * W + xx) * C + c;
                            if (in[static_cast<std::size_t>(k)] > best) {
                                best = in[static_cast<std::size_t>(k)];
                                at = k;
                            }
                        }
                    out[static_cast<std::size_t>(o)] = best;
                    ws.argmax[i][static_cast<std::size_t>(o)] = static_cast<std::int32_t>(at);
                });
            break;
        }
        case LayerKind::AvgPool2D:
            forEachWindow(
                l, n, [&](std::int64_t inBase, std::int64_t o, int y0, int y1, int x0, int x1, int c, int W, int C) {
                    float sum = 0;
                    for (int y = y0; y < y1; ++y)
                        for (int xx = x0; xx < x1; ++xx)
                            sum +=
                                in[static_cast<std::size_t>(inBase + (static_cast<std::int64_t>(y) * W + xx) * C + c)];
                    out[static_cast<std::size_t>(o)] = sum / static_cast<float>((y1 - y0) * (x1 - x0));
                });
            break;
        case LayerKind::ReLU:
        case LayerKind::ReLU6: {
            const float cap = l.spec.kind == LayerKind::ReLU6 ? 6.0f : std::numeric_limits<float>::infinity();
            auto& m = ws.mask[i];
            m.resize(in.size());
            for (std::size_t k = 0; k < in.size(); ++k) {
                m[k] = in[k] > 0.0f && in[k] < cap;
                out[k] = std::clamp(in[k], 0.0f, cap);
            }
            break;
        }
        case LayerKind::Dropout: {
            auto& m = ws.mask[i];
            m.assign(in.size(), 1);
            if (!ctx.training || l.spec.rate <= 0.0f) {
                std::copy(in.begin(), in.end(), out.begin());
                break;
            }
            const float keep = 1.0f - l.spec.rate;
            const std::size_t per = in.size() / static_cast<std::size_t>(n);
            for (int b = 0; b < n; ++b) {
                // One stream per (step, sample, layer): the same mask whichever chunk the sample is in.
                SplitMix64 g(mixSeed(ctx.dropoutSeed, static_cast<std::uint64_t>(ctx.firstSample + b), i));
                for (std::size_t k = 0; k < per; ++k) {
                    const std::size_t at = static_cast<std::size_t>(b) * per + k;
                    m[at] = g.uniform() < keep;
                    out[at] = m[at] ? in[at] / keep : 0.0f;
                }
            }
            break;
        }
        }
        if (l.quantPoint) {
            observe(out, ws.observedLo[i + 1], ws.observedHi[i + 1]);
            if (net.fakeQuant && net.ranges[i + 1].valid)
                applyFakeQuant(out, ws.fqMask[i + 1], activationFakeQuant(net.ranges[i + 1]));
            else
                ws.fqMask[i + 1].clear();
        }
    }
}

LossResult backward(
    const Network& net, const std::int32_t* labels, int n, int batchSize, Workspace& ws, const StepContext& ctx)
{
    const std::size_t L = net.layers.size();
    LossResult r;
    const int classes = net.classes();
    {
        const std::vector<float>& z = ws.act[L];
        std::vector<float>& g = ws.grad[L];
        g.resize(z.size());
        const float inv = 1.0f / static_cast<float>(batchSize);
        for (int b = 0; b < n; ++b) {
            const float* zb = z.data() + static_cast<std::ptrdiff_t>(b) * classes;
            float* gb = g.data() + static_cast<std::ptrdiff_t>(b) * classes;
            const int top = static_cast<int>(std::max_element(zb, zb + classes) - zb);
            const float m = zb[top];
            double sum = 0;
            for (int c = 0; c < classes; ++c)
                sum += std::exp(static_cast<double>(zb[c] - m));
            const int y = labels[b];
            r.correct += top == y;
            r.lossSum += std::log(sum) - static_cast<double>(zb[y] - m);
            for (int c = 0; c < classes; ++c) {
                const auto p = static_cast<float>(std::exp(static_cast<double>(zb[c] - m)) / sum);
                gb[c] = (p - (c == y ? 1.0f : 0.0f)) * inv;
            }
        }
    }
    for (std::size_t ii = L; ii-- > 0;) {
        const Layer& l = net.layers[ii];
        std::vector<float>& gOut = ws.grad[ii + 1];
        if (!ws.fqMask[ii + 1].empty())
            for (std::size_t k = 0; k < gOut.size(); ++k)
                gOut[k] = ws.fqMask[ii + 1][k] ? gOut[k] : 0.0f;
        const bool wantInput = needsInputGradient(net, ii);
        std::vector<float>& gIn = ws.grad[ii];
        if (wantInput)
            gIn.resize(ws.act[ii].size());
        switch (l.spec.kind) {
        case LayerKind::Reshape:
        case LayerKind::Flatten:
            if (wantInput)
                std::copy(gOut.begin(), gOut.end(), gIn.begin());
            break;
        case LayerKind::Conv2D: {
            const std::int64_t P = static_cast<std::int64_t>(l.out[0]) * l.out[1];
            const std::int64_t K = static_cast<std::int64_t>(l.spec.kernelH) * l.spec.kernelW * l.in[2];
            const int F = l.spec.filters;
            Eigen::Map<const RowMat> dy(gOut.data(), n * P, F);
            Eigen::Map<const RowMat> col(ws.col[ii].data(), n * P, K);
            ws.dWeights[ii].resize(l.weights.size());
            ws.dBias[ii].resize(l.bias.size());
            Eigen::Map<RowMat>(ws.dWeights[ii].data(), F, K).noalias() = dy.transpose() * col;
            Eigen::Map<RowVec>(ws.dBias[ii].data(), F) = dy.colwise().sum();
            if (wantInput) {
                const auto& w =
                    ctx.quantWeights && !(*ctx.quantWeights)[ii].empty() ? (*ctx.quantWeights)[ii] : l.weights;
                std::vector<float> dcol(static_cast<std::size_t>(n * P * K));
                Eigen::Map<RowMat>(dcol.data(), n * P, K).noalias() = dy * Eigen::Map<const RowMat>(w.data(), F, K);
                col2im(l, dcol.data(), n, gIn.data());
            }
            break;
        }
        case LayerKind::Dense: {
            const int I = l.in[0], U = l.spec.units;
            Eigen::Map<const RowMat> dy(gOut.data(), n, U);
            Eigen::Map<const RowMat> a(ws.act[ii].data(), n, I);
            ws.dWeights[ii].resize(l.weights.size());
            ws.dBias[ii].resize(l.bias.size());
            Eigen::Map<RowMat>(ws.dWeights[ii].data(), U, I).noalias() = dy.transpose() * a;
            Eigen::Map<RowVec>(ws.dBias[ii].data(), U) = dy.colwise().sum();
            if (wantInput) {
                const auto& w =
                    ctx.quantWeights && !(*ctx.quantWeights)[ii].empty() ? (*ctx.quantWeights)[ii] : l.weights;
                Eigen::Map<RowMat>(gIn.data(), n, I).noalias() = dy * Eigen::Map<const RowMat>(w.data(), U, I);
            }
            break;
        }
        case LayerKind::MaxPool2D:
            if (wantInput) {
                std::fill(gIn.begin(), gIn.end(), 0.0f);
                for (std::size_t k = 0; k < gOut.size(); ++k)
                    gIn[static_cast<std::size_t>(ws.argmax[ii][k])] += gOut[k];
            }
            break;
        case LayerKind::AvgPool2D:
            if (wantInput) {
                std::fill(gIn.begin(), gIn.end(), 0.0f);
                forEachWindow(l, n,
                    [&](std::int64_t inBase, std::int64_t o, int y0, int y1, int x0, int x1, int c, int W, int C) {
                        const float share =
                            gOut[static_cast<std::size_t>(o)] / static_cast<float>((y1 - y0) * (x1 - x0));
                        for (int y = y0; y < y1; ++y)
                            for (int xx = x0; xx < x1; ++xx)
                                gIn[static_cast<std::size_t>(
                                    inBase + (static_cast<std::int64_t>(y) * W + xx) * C + c)] += share;
                    });
            }
            break;
        case LayerKind::ReLU:
        case LayerKind::ReLU6:
            if (wantInput)
                for (std::size_t k = 0; k < gOut.size(); ++k)
                    gIn[k] = ws.mask[ii][k] ? gOut[k] : 0.0f;
            break;
        case LayerKind::Dropout:
            if (wantInput) {
                const float keep = ctx.training && l.spec.rate > 0.0f ? 1.0f - l.spec.rate : 1.0f;
                for (std::size_t k = 0; k < gOut.size(); ++k)
                    gIn[k] = ws.mask[ii][k] ? gOut[k] / keep : 0.0f;
            }
            break;
        }
    }
    return r;
}

} // namespace ql::train
