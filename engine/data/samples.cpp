// SPDX-License-Identifier: MIT
#include "data/samples.h"

#include <algorithm>

#include "data/idx.h"
#include "data/npy.h"

#include <cstring>
#include <sstream>

namespace ql::data {

namespace {

std::string shapeString(const std::vector<std::int64_t>& s)
{
    std::string out = "[";
    for (std::size_t i = 0; i < s.size(); ++i)
        out += (i ? "," : "") + std::to_string(s[i]);
    return out + "]";
}

bool endsWith(const std::string& s, const std::string& tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

} // namespace

std::string Preprocess::describe() const
{
    std::ostringstream os;
    os << "x * " << scale << " + " << offset;
    return os.str();
}

std::int64_t SampleSet::sampleSize() const
{
    std::int64_t n = 1;
    for (auto d : sampleShape)
        n *= d;
    return n;
}

namespace {

// Applies the limit and the window: set.count, set.first, set.fileCount.
Status chooseWindow(SampleSet& set, const std::string& path, std::int64_t total, std::int64_t limit,
    const SampleWindow& window)
{
    set.fileCount = total;
    const std::int64_t available = limit > 0 ? std::min(limit, total) : total;
    set.count = available;
    if (window) {
        auto w = window(available);
        if (!w)
            return w.error();
        if (w->first < 0 || w->second < 0 || w->first + w->second > available)
            return Error{path + ": samples " + std::to_string(w->first) + ".." +
                std::to_string(w->first + w->second - 1) + " asked for, the data offer " + std::to_string(available)};
        set.first = w->first;
        set.count = w->second;
    }
    return Status::success();
}

} // namespace

Result<SampleSet> loadSamples(
    const std::string& path, const Preprocess& pre, std::int64_t limit, const SampleWindow& window)
{
    SampleSet set;
    if (endsWith(path, ".npy")) {
        auto a = readNpy(path);
        if (!a)
            return a.error();
        if (a->shape.empty())
            return Error{path + ": a sample file needs a leading sample dimension, the array is a scalar"};
        set.sampleShape.assign(a->shape.begin() + 1, a->shape.end());
        if (auto st = chooseWindow(set, path, a->shape.front(), limit, window); !st)
            return st.error();
        const std::int64_t n = set.count * set.sampleSize(), at = set.first * set.sampleSize();
        set.values.resize(static_cast<std::size_t>(n));
        switch (a->dtype) {
        case model::DType::Float32:
            std::memcpy(set.values.data(), a->data.data() + at * 4, static_cast<std::size_t>(n) * 4);
            break;
        case model::DType::UInt8:
            for (std::int64_t i = 0; i < n; ++i)
                set.values[static_cast<std::size_t>(i)] =
                    a->data[static_cast<std::size_t>(at + i)] * pre.scale + pre.offset;
            break;
        case model::DType::Int8:
            for (std::int64_t i = 0; i < n; ++i)
                set.values[static_cast<std::size_t>(i)] =
                    static_cast<std::int8_t>(a->data[static_cast<std::size_t>(at + i)]) * pre.scale + pre.offset;
            break;
        default:
            return Error{
                path + ": samples must be float32, uint8 or int8, the file holds " + model::dtypeName(a->dtype)};
        }
        return set;
    }
    auto a = readIdx(path);
    if (!a)
        return a.error();
    if (a->shape.empty())
        return Error{path + ": an IDX sample file needs a leading sample dimension"};
    set.sampleShape.assign(a->shape.begin() + 1, a->shape.end());
    if (auto st = chooseWindow(set, path, a->shape.front(), limit, window); !st)
        return st.error();
    const std::int64_t n = set.count * set.sampleSize(), at = set.first * set.sampleSize();
    set.values.resize(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i)
        set.values[static_cast<std::size_t>(i)] = a->data[static_cast<std::size_t>(at + i)] * pre.scale + pre.offset;
    return set;
}

Status loadLabels(SampleSet& set, const std::string& path)
{
    std::vector<std::int32_t> labels;
    if (endsWith(path, ".npy")) {
        auto a = readNpy(path);
        if (!a)
            return a.error();
        const std::int64_t n = a->elementCount();
        for (std::int64_t i = 0; i < n; ++i) {
            switch (a->dtype) {
            case model::DType::UInt8: labels.push_back(a->data[static_cast<std::size_t>(i)]); break;
            case model::DType::Int32: {
                std::int32_t v;
                std::memcpy(&v, a->data.data() + i * 4, 4);
                labels.push_back(v);
                break;
            }
            case model::DType::Int64: {
                std::int64_t v;
                std::memcpy(&v, a->data.data() + i * 8, 8);
                labels.push_back(static_cast<std::int32_t>(v));
                break;
            }
            default:
                return Error{
                    path + ": labels must be uint8, int32 or int64, the file holds " + model::dtypeName(a->dtype)};
            }
        }
    } else {
        auto a = readIdx(path);
        if (!a)
            return a.error();
        if (a->shape.size() != 1)
            return Error{path + ": a label file must be one-dimensional, it is " + shapeString(a->shape)};
        labels.assign(a->data.begin(), a->data.end());
    }
    if (static_cast<std::int64_t>(labels.size()) < set.first + set.count)
        return Error{path + ": " + std::to_string(labels.size()) + " labels for " +
            std::to_string(set.first + set.count) + " samples"};
    if (set.fileCount > 0 && static_cast<std::int64_t>(labels.size()) != set.fileCount)
        return Error{path + ": " + std::to_string(labels.size()) + " labels, but the samples file holds " +
            std::to_string(set.fileCount) + " samples; the two files do not belong together"};
    set.labels.assign(labels.begin() + static_cast<std::ptrdiff_t>(set.first),
        labels.begin() + static_cast<std::ptrdiff_t>(set.first + set.count));
    return {};
}

SampleSet firstSamples(const SampleSet& set, std::int64_t n)
{
    SampleSet r;
    r.sampleShape = set.sampleShape;
    r.count = std::clamp<std::int64_t>(n, 0, set.count);
    r.fileCount = set.fileCount;
    r.values.assign(set.values.begin(), set.values.begin() + static_cast<std::ptrdiff_t>(r.count * set.sampleSize()));
    if (set.labels.size() == static_cast<std::size_t>(set.count))
        r.labels.assign(set.labels.begin(), set.labels.begin() + static_cast<std::ptrdiff_t>(r.count));
    return r;
}

Result<std::vector<std::int32_t>> inputShapeFor(const SampleSet& set, const model::Tensor& input)
{
    std::vector<std::int64_t> want(input.shape.begin(), input.shape.end());
    std::vector<std::int64_t> wantNoBatch = want;
    if (!wantNoBatch.empty() && wantNoBatch.front() == 1)
        wantNoBatch.erase(wantNoBatch.begin());
    if (set.sampleShape == want || set.sampleShape == wantNoBatch)
        return input.shape;
    // Same element count in another layout (e.g. 28x28 images for a 28x28x1 input) is accepted.
    std::int64_t n = 1;
    for (auto d : want)
        n *= d;
    if (n == set.sampleSize())
        return input.shape;
    // Other sizes in the dimensions the model leaves open (a fully convolutional model's height and
    // width): the input takes the samples' shape.
    const auto& signature = input.shapeSignature;
    std::vector<std::int64_t> candidate = set.sampleShape;
    if (candidate.size() + 1 == want.size() && !want.empty() && want.front() == 1)
        candidate.insert(candidate.begin(), 1);
    if (signature.size() == want.size() && candidate.size() == want.size()) {
        bool fits = true;
        for (std::size_t d = 0; fits && d < want.size(); ++d)
            fits = candidate[d] == want[d] || (signature[d] < 0 && candidate[d] > 0 && candidate[d] <= (1 << 24));
        if (fits)
            return std::vector<std::int32_t>(candidate.begin(), candidate.end());
    }
    std::string open;
    if (signature.size() == want.size() && std::count(signature.begin(), signature.end(), -1) > 0)
        open = " (dimensions marked -1 in " + shapeString(std::vector<std::int64_t>(signature.begin(), signature.end())) +
            " may differ)";
    return Error{"the samples have shape " + shapeString(set.sampleShape) + " but the model input '" + input.name +
        "' takes " + shapeString(want) + open};
}

Status checkSamplesFit(const SampleSet& set, const model::Tensor& input)
{
    auto shape = inputShapeFor(set, input);
    if (!shape)
        return shape.error();
    return {};
}

} // namespace ql::data
