// SPDX-License-Identifier: MIT
#include "eval/diff.h"

#include "model/layers.h"
#include "model/validate.h"
#include "passes/quantize.h"
#include "quant/params.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>

namespace ql::eval {
namespace {

std::string outputName(const model::Graph& g, const model::Operator& op)
{
    const auto& sg = g.main();
    for (const int t : op.outputs)
        if (t >= 0 && static_cast<std::size_t>(t) < sg.tensors.size())
            return sg.tensors[static_cast<std::size_t>(t)].name;
    return {};
}

std::string firstPart(const std::string& name)
{
    return name.substr(0, name.find(';'));
}

// Names that occur once among the operators of `g`, mapped to their operator.
std::map<std::string, int> uniqueNames(const model::Graph& g, bool first)
{
    std::map<std::string, int> out;
    std::map<std::string, int> count;
    for (std::size_t i = 0; i < g.main().operators.size(); ++i) {
        std::string n = outputName(g, g.main().operators[i]);
        if (first)
            n = firstPart(n);
        if (n.empty())
            continue;
        ++count[n];
        out[n] = static_cast<int>(i);
    }
    for (auto it = out.begin(); it != out.end();)
        it = count[it->first] > 1 ? out.erase(it) : std::next(it);
    return out;
}

TensorDiff compareTensors(const std::string& role, const model::Tensor& a, const model::Tensor& b)
{
    TensorDiff d;
    d.role = role;
    d.nameA = a.name;
    d.nameB = b.name;
    d.dtypeA = model::dtypeName(a.dtype);
    d.dtypeB = model::dtypeName(b.dtype);
    d.dtypeDiffers = a.dtype != b.dtype;
    d.scaleA = a.quantization.scale;
    d.scaleB = b.quantization.scale;
    d.zeroPointA = a.quantization.zeroPoint;
    d.zeroPointB = b.quantization.zeroPoint;
    if (d.scaleA.empty() != d.scaleB.empty())
        d.scaleRatio = 0;
    else if (!d.scaleA.empty()) {
        const std::size_t n = std::max(d.scaleA.size(), d.scaleB.size());
        for (std::size_t c = 0; c < n; ++c) {
            const double sa = d.scaleA[std::min(c, d.scaleA.size() - 1)], sb = d.scaleB[std::min(c, d.scaleB.size() - 1)];
            if (sa > 0 && sb > 0)
                d.scaleRatio = std::max(d.scaleRatio, std::max(sa / sb, sb / sa));
        }
    }
    auto zp = [](const std::vector<std::int64_t>& z, std::size_t c) { return z.empty() ? 0 : z[std::min(c, z.size() - 1)]; };
    for (std::size_t c = 0; c < std::max(d.zeroPointA.size(), d.zeroPointB.size()); ++c)
        d.zeroPointsDiffer = d.zeroPointsDiffer || zp(d.zeroPointA, c) != zp(d.zeroPointB, c);
    return d;
}

// Real values of a constant: float32 as stored, anything quantized or float16 dequantized.
std::optional<std::vector<float>> realConstant(const model::Graph& g, const model::Tensor& t)
{
    if (!g.isConstant(t) || t.isSparse())
        return std::nullopt;
    if (t.dtype == model::DType::Float32) {
        const auto bytes = g.tensorData(t);
        std::vector<float> v(bytes.size() / sizeof(float));
        std::memcpy(v.data(), bytes.data(), v.size() * sizeof(float));
        return v;
    }
    auto v = passes::dequantizedValues(g, t);
    if (!v)
        return std::nullopt;
    return std::move(*v);
}

void compareWeights(OperatorMatch& m, const model::Graph& a, int wa, const model::Graph& b, int wb)
{
    const model::Tensor& ta = a.main().tensors[static_cast<std::size_t>(wa)];
    const model::Tensor& tb = b.main().tensors[static_cast<std::size_t>(wb)];
    const TensorDiff d = compareTensors("weights", ta, tb);
    if (d.differs())
        m.tensors.push_back(d);
    if (ta.shape != tb.shape || !tb.quantization.hasScale())
        return;
    const auto va = realConstant(a, ta), vb = realConstant(b, tb);
    if (!va || !vb || va->size() != vb->size() || va->empty())
        return;
    const auto& scale = tb.quantization.scale;
    const quant::ChannelIndexer channel(tb.shape, model::channelAxis(tb), scale.size() > 1);
    double worst = 0, sum = 0;
    for (std::size_t i = 0; i < va->size(); ++i) {
        const double s = scale[std::min(static_cast<std::size_t>(channel(static_cast<std::int64_t>(i))), scale.size() - 1)];
        const double lsb = s > 0 ? std::abs(static_cast<double>((*va)[i]) - static_cast<double>((*vb)[i])) / s : 0;
        worst = std::max(worst, lsb);
        sum += lsb;
    }
    m.weightMaxLsb = worst;
    m.weightMeanLsb = sum / static_cast<double>(va->size());
}

int activationInput(const model::Graph& g, const model::Operator& op)
{
    for (const int t : op.inputs)
        if (t >= 0 && static_cast<std::size_t>(t) < g.main().tensors.size() &&
            !g.isConstant(g.main().tensors[static_cast<std::size_t>(t)]))
            return t;
    return -1;
}

} // namespace

bool OperatorMatch::changed() const
{
    return !tensors.empty() || !opB.empty() || (weightMaxLsb && *weightMaxLsb > 0);
}

ModelDiff diffModels(const model::Graph& a, const model::Graph& b)
{
    ModelDiff out;
    if (a.subgraphs.empty() || b.subgraphs.empty())
        return out;
    const auto& opsA = a.main().operators;
    const auto& opsB = b.main().operators;
    std::vector<int> partner(opsA.size(), -1), partnerB(opsB.size(), -1);
    std::vector<bool> byName(opsA.size(), false);
    // By name: the whole output tensor name, then its first part (the converter joins fused names with ';').
    for (const bool first : {false, true}) {
        const auto na = uniqueNames(a, first), nb = uniqueNames(b, first);
        for (const auto& [name, i] : na)
            if (const auto it = nb.find(name); it != nb.end() && partner[static_cast<std::size_t>(i)] < 0 &&
                partnerB[static_cast<std::size_t>(it->second)] < 0) {
                partner[static_cast<std::size_t>(i)] = it->second;
                partnerB[static_cast<std::size_t>(it->second)] = i;
                byName[static_cast<std::size_t>(i)] = true;
            }
    }
    // By position: the longest common subsequence of operator types among the rest, in execution order.
    std::vector<int> restA, restB;
    for (std::size_t i = 0; i < opsA.size(); ++i)
        if (partner[i] < 0)
            restA.push_back(static_cast<int>(i));
    for (std::size_t j = 0; j < opsB.size(); ++j)
        if (partnerB[j] < 0)
            restB.push_back(static_cast<int>(j));
    if (!restA.empty() && !restB.empty() && restA.size() * restB.size() <= 25'000'000) {
        auto typeA = [&](int i) { return a.opName(opsA[static_cast<std::size_t>(i)]); };
        auto typeB = [&](int j) { return b.opName(opsB[static_cast<std::size_t>(j)]); };
        const std::size_t n = restA.size(), m = restB.size();
        std::vector<std::vector<int>> len(n + 1, std::vector<int>(m + 1, 0));
        for (std::size_t i = n; i-- > 0;)
            for (std::size_t j = m; j-- > 0;)
                len[i][j] = typeA(restA[i]) == typeB(restB[j]) ? len[i + 1][j + 1] + 1 : std::max(len[i + 1][j], len[i][j + 1]);
        for (std::size_t i = 0, j = 0; i < n && j < m;) {
            if (typeA(restA[i]) == typeB(restB[j])) {
                partner[static_cast<std::size_t>(restA[i])] = restB[j];
                partnerB[static_cast<std::size_t>(restB[j])] = restA[i];
                ++i;
                ++j;
            } else if (len[i + 1][j] >= len[i][j + 1])
                ++i;
            else
                ++j;
        }
    }

    const auto layersA = model::describeLayers(a), layersB = model::describeLayers(b);
    for (std::size_t i = 0; i < opsA.size(); ++i) {
        const int j = partner[i];
        if (j < 0) {
            out.onlyA.push_back(static_cast<int>(i));
            continue;
        }
        const auto& oa = opsA[i];
        const auto& ob = opsB[static_cast<std::size_t>(j)];
        OperatorMatch m;
        m.a = static_cast<int>(i);
        m.b = j;
        m.op = a.opName(oa);
        if (b.opName(ob) != m.op)
            m.opB = b.opName(ob);
        m.name = outputName(a, oa);
        m.byName = byName[i];
        const auto& ta = a.main().tensors;
        const auto& tb = b.main().tensors;
        if (!oa.outputs.empty() && !ob.outputs.empty() && oa.outputs[0] >= 0 && ob.outputs[0] >= 0) {
            const TensorDiff d = compareTensors("output", ta[static_cast<std::size_t>(oa.outputs[0])],
                tb[static_cast<std::size_t>(ob.outputs[0])]);
            if (d.differs())
                m.tensors.push_back(d);
        }
        if (const int ia = activationInput(a, oa), ib = activationInput(b, ob); ia >= 0 && ib >= 0) {
            const TensorDiff d = compareTensors("input", ta[static_cast<std::size_t>(ia)], tb[static_cast<std::size_t>(ib)]);
            if (d.differs())
                m.tensors.push_back(d);
        }
        const int wa = layersA[i].weightTensor, wb = layersB[static_cast<std::size_t>(j)].weightTensor;
        if (wa >= 0 && wb >= 0)
            compareWeights(m, a, wa, b, wb);
        out.changed += m.changed();
        out.matches.push_back(std::move(m));
    }
    for (std::size_t j = 0; j < opsB.size(); ++j)
        if (partnerB[j] < 0)
            out.onlyB.push_back(static_cast<int>(j));
    return out;
}

} // namespace ql::eval
