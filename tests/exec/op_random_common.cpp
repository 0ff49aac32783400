// SPDX-License-Identifier: MIT
#include "exec/op_random.h"

#include <algorithm>

namespace ql::test::random_ops {

using DT = model::DType;

std::string numbersName(Numbers n)
{
    switch (n) {
    case Numbers::Float: return "float";
    case Numbers::Int8: return "int8";
    case Numbers::UInt8: return "uint8";
    case Numbers::Int16: return "int16";
    case Numbers::Hybrid: return "hybrid";
    }
    return "?";
}

Numbers activationNumbers(Dice& d)
{
    static const std::vector<Numbers> all{Numbers::Float, Numbers::Int8, Numbers::Int8, Numbers::UInt8, Numbers::Int16};
    return d.pick(all);
}

model::DType activationType(Numbers n)
{
    switch (n) {
    case Numbers::Int8: return DT::Int8;
    case Numbers::UInt8: return DT::UInt8;
    case Numbers::Int16: return DT::Int16;
    default: return DT::Float32;
    }
}

TensorSpec activation(Dice& d, std::vector<std::int32_t> shape, Numbers n, double magnitude)
{
    TensorSpec t;
    t.shape = std::move(shape);
    t.dtype = activationType(n);
    const double spread = d.decades(-0.3, 0.3);
    switch (n) {
    case Numbers::Float:
    case Numbers::Hybrid: t.range(-magnitude, magnitude); break;
    case Numbers::Int8:
        t.scale = static_cast<float>(magnitude / 128 * spread);
        t.zeroPoint = d.chance(0.2) ? 0 : d.between(-128, 127);
        break;
    case Numbers::UInt8:
        t.scale = static_cast<float>(magnitude / 128 * spread);
        t.zeroPoint = d.chance(0.2) ? 128 : d.between(0, 255);
        break;
    case Numbers::Int16:
        t.scale = static_cast<float>(magnitude / 32768 * spread);
        break;
    }
    return t;
}

TensorSpec sameAs(const TensorSpec& like, std::vector<std::int32_t> shape)
{
    TensorSpec t = like;
    t.shape = std::move(shape);
    t.data.clear();
    return t;
}

TensorSpec filled(TensorSpec spec, Dice& d)
{
    spec.data = randomInput(spec, d.engine());
    return spec;
}

std::string shapeText(const std::vector<std::int32_t>& s)
{
    std::string t = "[";
    for (std::size_t i = 0; i < s.size(); ++i)
        t += (i ? "," : "") + std::to_string(s[i]);
    return t + "]";
}

std::vector<std::int32_t> randomShape(Dice& d, int rank, int largest)
{
    std::vector<std::int32_t> s;
    for (int i = 0; i < rank; ++i)
        s.push_back(d.between(1, largest));
    return s;
}

std::vector<std::int32_t> broadcastFrom(Dice& d, const std::vector<std::int32_t>& out)
{
    const std::size_t rank = d.chance(0.25) ? static_cast<std::size_t>(d.between(0, static_cast<int>(out.size()))) : out.size();
    std::vector<std::int32_t> s(out.end() - static_cast<std::ptrdiff_t>(rank), out.end());
    for (auto& v : s)
        if (d.chance(0.3))
            v = 1;
    return s;
}

std::vector<std::int32_t> broadcastShape(const std::vector<std::int32_t>& a, const std::vector<std::int32_t>& b)
{
    const std::size_t rank = std::max(a.size(), b.size());
    std::vector<std::int32_t> out(rank, 1);
    for (std::size_t i = 0; i < rank; ++i) {
        const auto dim = [&](const std::vector<std::int32_t>& s) { return i < rank - s.size() ? 1 : s[i - (rank - s.size())]; };
        out[i] = std::max(dim(a), dim(b));
    }
    return out;
}

TensorSpec movedOutput(Dice& d, const TensorSpec& in, std::vector<std::int32_t> shape, Numbers n, bool& own)
{
    own = n != Numbers::Float && d.chance(0.15);
    return own ? activation(d, std::move(shape), n, d.decades(-1, 1)) : sameAs(in, std::move(shape));
}

std::vector<OpCase> randomCases(std::uint32_t seed, int count)
{
    using Generator = OpCase (*)(Dice&);
    // The convolutions twice: they carry most models' arithmetic and have the most parameters.
    static const std::vector<Generator> generators{randomConv2d, randomConv2d, randomDepthwise, randomDepthwise,
        randomFullyConnected, randomFullyConnected, randomTransposeConv, randomPool, randomBinary, randomBinary,
        randomResize, randomReduce, randomConcatenation, randomStridedSlice, randomActivation, randomPad, randomTranspose,
        randomGather, randomSplit, randomSlice, randomSpaceDepth, randomBatchMatmul, randomBatchMatmul, randomQuantize,
        randomQuantize, randomPrelu, randomUnaryMath, randomUnaryMath, randomPackUnpack, randomTile, randomArgMinMax,
        randomSelect, randomCompare, randomL2Normalization, randomGatherNd, randomScatterNd, randomTopK, randomReverse,
        randomCumsum, randomSpaceBatch, randomLogical, randomBroadcastTo, randomEmbeddingLookup, randomSegment};
    std::vector<OpCase> cases;
    for (int k = 0; k < count; ++k) {
        Dice d(seed * 1000003u + static_cast<std::uint32_t>(k));
        OpCase c = d.pick(generators)(d);
        c.name = "#" + std::to_string(seed) + "." + std::to_string(k) + " " + c.name;
        cases.push_back(std::move(c));
    }
    return cases;
}

} // namespace ql::test::random_ops
