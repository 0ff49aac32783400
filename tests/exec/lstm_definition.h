// SPDX-License-Identifier: MIT
// The LSTM's definition, evaluated in double precision for the LSTM tests (lstm_test.cpp,
// lstm_dynamic_range_test.cpp): one direction's seeded weights (float, or int8 with one scale), the
// tensors it adds to a graph, and its steps: gates, peepholes, CIFG, layer normalization, projection,
// clipping, auxiliary inputs. Dynamic-range weights follow the runtime's hybrid definition: each vector
// a weight matrix multiplies is quantized per batch row (symmetric to [-127, 127], or asymmetric to
// [-128, 127]), multiplied in integers and scaled by the two scales.
#pragma once

#include "common/graph_builder.h"

#include <QString>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace ql::test::lstm {

inline std::vector<float> seeded(std::size_t n, float scale, unsigned seed)
{
    std::vector<float> v(n);
    unsigned x = seed * 2654435761u + 17u;
    for (auto& e : v) {
        x = x * 1664525u + 1013904223u;
        e = scale * (static_cast<float>(x >> 8) / 8388608.0f - 1.0f);
    }
    return v;
}

struct Config {
    const char* name;
    bool hybrid = false, asymmetric = false, cifg = false, peephole = false, layerNorm = false, projection = false;
    float cellClip = 0, projClip = 0;
};

// One weight matrix as the reference uses it: float values, or int8 codes with one scale.
struct Matrix {
    int rows = 0, cols = 0;
    std::vector<float> f;
    std::vector<std::int8_t> q;
    float scale = 1;
};

// The hybrid definition: v quantized per row, integer products, scaled back.
inline std::vector<double> product(const Matrix& m, const std::vector<double>& v, bool hybrid, bool asymmetric)
{
    std::vector<double> out(static_cast<std::size_t>(m.rows), 0.0);
    if (!hybrid) {
        for (int r = 0; r < m.rows; ++r)
            for (int c = 0; c < m.cols; ++c)
                out[static_cast<std::size_t>(r)] += double(m.f[static_cast<std::size_t>(r * m.cols + c)]) * v[static_cast<std::size_t>(c)];
        return out;
    }
    double lo = 0, hi = 0;
    for (double e : v) {
        lo = std::min(lo, e);
        hi = std::max(hi, e);
    }
    double scale = 1;
    long zp = 0;
    std::vector<long> q(v.size(), 0);
    if (!asymmetric && hi - lo > 0) {
        scale = std::max(-lo, hi) / 127.0;
        for (std::size_t i = 0; i < v.size(); ++i)
            q[i] = std::clamp(std::lround(v[i] / scale), -127L, 127L);
    } else if (asymmetric && hi > lo) {
        scale = (hi - lo) / 255.0;
        zp = std::clamp(std::lround(-128.0 - lo / scale), -128L, 127L);
        for (std::size_t i = 0; i < v.size(); ++i)
            q[i] = std::clamp(zp + std::lround(v[i] / scale), -128L, 127L);
    }
    for (int r = 0; r < m.rows; ++r) {
        long acc = 0;
        for (int c = 0; c < m.cols; ++c)
            acc += long(m.q[static_cast<std::size_t>(r * m.cols + c)]) * (q[static_cast<std::size_t>(c)] - zp);
        out[static_cast<std::size_t>(r)] = double(acc) * scale * double(m.scale);
    }
    return out;
}

inline double sigmoid(double v)
{
    return 1.0 / (1.0 + std::exp(-v));
}

// One direction: the tensors it adds to the graph and the reference that follows them.
struct Direction {
    Config cfg;
    int nIn = 0, nAux = 0, nCell = 0, nOut = 0;
    std::array<Matrix, 4> wx, wh, wa;
    std::array<std::vector<float>, 4> bias, ln;
    std::array<std::vector<float>, 3> peep;
    Matrix proj;
    std::vector<float> projBias;
    std::vector<double> h, c; // [B x nOut], [B x nCell]

    Matrix matrix(int rows, int cols, float range, unsigned seed) const
    {
        Matrix m{rows, cols, seeded(static_cast<std::size_t>(rows * cols), range, seed), {}, 1};
        if (cfg.hybrid) {
            float mx = 0;
            for (float e : m.f)
                mx = std::max(mx, std::abs(e));
            m.scale = mx / 127.0f;
            for (float e : m.f)
                m.q.push_back(static_cast<std::int8_t>(std::lround(e / m.scale)));
        }
        return m;
    }

    Direction(const Config& config, int in, int aux, int cell, int out, unsigned seed)
        : cfg(config), nIn(in), nAux(aux), nCell(cell), nOut(out)
    {
        for (int g = 0; g < 4; ++g) {
            const auto u = static_cast<std::size_t>(g);
            const unsigned s = seed + 10u * static_cast<unsigned>(g);
            wx[u] = matrix(nCell, nIn, 0.6f, s);
            wh[u] = matrix(nCell, nOut, 0.5f, s + 1);
            if (nAux > 0)
                wa[u] = matrix(nCell, nAux, 0.4f, s + 2);
            bias[u] = seeded(static_cast<std::size_t>(nCell), 0.3f, s + 3);
            if (cfg.layerNorm)
                ln[u] = seeded(static_cast<std::size_t>(nCell), 1.0f, s + 4);
        }
        if (cfg.peephole)
            for (std::size_t k = 0; k < 3; ++k)
                peep[k] = seeded(static_cast<std::size_t>(nCell), 0.4f, seed + 50u + static_cast<unsigned>(k));
        if (cfg.projection) {
            proj = matrix(nOut, nCell, 0.7f, seed + 60);
            projBias = seeded(static_cast<std::size_t>(nOut), 0.1f, seed + 61);
        }
    }

    int weights(test::GraphBuilder& b, int sg, const std::string& name, const Matrix& m) const
    {
        if (!cfg.hybrid)
            return b.constant(sg, name, model::DType::Float32, {m.rows, m.cols}, m.f);
        const int t = b.constant(sg, name, model::DType::Int8, {m.rows, m.cols}, m.q);
        b.at(sg, t).quantization.scale = {m.scale};
        b.at(sg, t).quantization.zeroPoint = {0};
        return t;
    }

    // Appends this direction's 17 weight inputs (1..17 of a unidirectional LSTM) to `inputs`.
    void addWeights(test::GraphBuilder& b, int sg, const std::string& p, std::vector<std::int32_t>& inputs) const
    {
        for (int g = 0; g < 4; ++g)
            inputs.push_back(g == 0 && cfg.cifg ? -1 : weights(b, sg, p + "wx" + std::to_string(g), wx[static_cast<std::size_t>(g)]));
        for (int g = 0; g < 4; ++g)
            inputs.push_back(g == 0 && cfg.cifg ? -1 : weights(b, sg, p + "wh" + std::to_string(g), wh[static_cast<std::size_t>(g)]));
        for (std::size_t k = 0; k < 3; ++k)
            inputs.push_back(!cfg.peephole || (k == 0 && cfg.cifg)
                    ? -1
                    : b.constant(sg, p + "peep" + std::to_string(k), model::DType::Float32, {nCell}, peep[k]));
        for (int g = 0; g < 4; ++g)
            inputs.push_back(g == 0 && cfg.cifg ? -1
                                                : b.constant(sg, p + "b" + std::to_string(g), model::DType::Float32,
                                                      {nCell}, bias[static_cast<std::size_t>(g)]));
        inputs.push_back(cfg.projection ? weights(b, sg, p + "proj", proj) : -1);
        inputs.push_back(cfg.projection ? b.constant(sg, p + "projb", model::DType::Float32, {nOut}, projBias) : -1);
    }

    std::array<int, 2> addState(test::GraphBuilder& b, int sg, const std::string& p, int B) const
    {
        const int hs = b.tensor(sg, p + "h", model::DType::Float32, {B, nOut});
        const int cs = b.tensor(sg, p + "c", model::DType::Float32, {B, nCell});
        b.at(sg, hs).isVariable = b.at(sg, cs).isVariable = true;
        return {hs, cs};
    }

    void reset(int B)
    {
        h.assign(static_cast<std::size_t>(B * nOut), 0.0);
        c.assign(static_cast<std::size_t>(B * nCell), 0.0);
    }

    // One step for batch row `row`: the definition.
    void step(int row, const std::vector<double>& x, const std::vector<double>* aux)
    {
        std::vector<double> hPrev(h.begin() + row * nOut, h.begin() + (row + 1) * nOut);
        double* cs = c.data() + row * nCell;
        auto gate = [&](int g, bool cell) {
            const auto u = static_cast<std::size_t>(g);
            std::vector<double> v(static_cast<std::size_t>(nCell), 0.0);
            const auto px = product(wx[u], x, cfg.hybrid, cfg.asymmetric);
            const auto ph = product(wh[u], hPrev, cfg.hybrid, cfg.asymmetric);
            const auto pa = aux && nAux > 0 ? product(wa[u], *aux, cfg.hybrid, cfg.asymmetric) : std::vector<double>(v.size(), 0.0);
            const int pi = g == 0 ? 0 : g == 1 ? 1 : g == 3 ? 2 : -1;
            for (std::size_t k = 0; k < v.size(); ++k) {
                v[k] = px[k] + pa[k] + ph[k] + (cfg.layerNorm ? 0.0 : double(bias[u][k]));
                if (cfg.peephole && pi >= 0)
                    v[k] += double(peep[static_cast<std::size_t>(pi)][k]) * cs[k];
            }
            if (cfg.layerNorm) {
                double mean = 0, var = 0;
                for (double e : v)
                    mean += e / nCell;
                for (double e : v)
                    var += (e - mean) * (e - mean) / nCell;
                for (std::size_t k = 0; k < v.size(); ++k)
                    v[k] = (v[k] - mean) / std::sqrt(var + 1e-8) * double(ln[u][k]) + double(bias[u][k]);
            }
            for (double& e : v)
                e = cell ? std::tanh(e) : sigmoid(e);
            return v;
        };
        const auto f = gate(1, false);
        const auto i = cfg.cifg ? std::vector<double>{} : gate(0, false);
        const auto g = gate(2, true);
        for (int k = 0; k < nCell; ++k) {
            const auto u = static_cast<std::size_t>(k);
            double cn = f[u] * cs[k] + g[u] * (cfg.cifg ? 1.0 - f[u] : i[u]);
            if (cfg.cellClip > 0)
                cn = std::clamp(cn, -double(cfg.cellClip), double(cfg.cellClip));
            cs[k] = cn;
        }
        const auto o = gate(3, false);
        std::vector<double> hc(static_cast<std::size_t>(nCell));
        for (int k = 0; k < nCell; ++k)
            hc[static_cast<std::size_t>(k)] = o[static_cast<std::size_t>(k)] * std::tanh(cs[k]);
        std::vector<double> out = hc;
        if (cfg.projection) {
            out = product(proj, hc, cfg.hybrid, cfg.asymmetric);
            for (int j = 0; j < nOut; ++j) {
                out[static_cast<std::size_t>(j)] += double(projBias[static_cast<std::size_t>(j)]);
                if (cfg.projClip > 0)
                    out[static_cast<std::size_t>(j)] = std::clamp(out[static_cast<std::size_t>(j)], -double(cfg.projClip), double(cfg.projClip));
            }
        }
        std::copy(out.begin(), out.end(), h.begin() + row * nOut);
    }
};

inline std::vector<std::uint8_t> bytesOf(const std::vector<float>& v)
{
    std::vector<std::uint8_t> b(v.size() * 4);
    std::memcpy(b.data(), v.data(), b.size());
    return b;
}

inline std::vector<double> slice(const std::vector<float>& v, std::int64_t at, int n)
{
    return {v.begin() + at * n, v.begin() + (at + 1) * n};
}

inline const Config kConfigs[] = {
    {"float"},
    {"float cifg peephole clip", false, false, true, true, false, false, 0.8f},
    {"float layer norm projection", false, false, false, false, true, true, 0, 0.3f},
    {"hybrid", true},
    {"hybrid asymmetric peephole projection", true, true, false, true, false, true},
    {"hybrid layer norm cifg", true, false, true, false, true},
};

// Compares got against the reference within float's reach of the double definition.
inline bool close(float got, double want, QString& why, const QString& where)
{
    if (std::abs(double(got) - want) <= 2e-4 * std::max(1.0, std::abs(want)))
        return true;
    why = QStringLiteral("%1: %2 vs %3").arg(where).arg(double(got), 0, 'g', 9).arg(want, 0, 'g', 9);
    return false;
}

} // namespace ql::test::lstm
