// SPDX-License-Identifier: MIT
#include "eval/classify.h"

#include "eval/scores.h"

#include "exec/interpreter.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <mutex>
#include <thread>

namespace ql::eval {

namespace {

template <class T> void quantizeInput(const float* x, std::int64_t n, float scale, std::int32_t zp, T* out)
{
    constexpr auto lo = static_cast<float>(std::numeric_limits<T>::min());
    constexpr auto hi = static_cast<float>(std::numeric_limits<T>::max());
    for (std::int64_t i = 0; i < n; ++i)
        out[i] = static_cast<T>(std::clamp(std::round(x[i] / scale) + static_cast<float>(zp), lo, hi));
}

} // namespace

Status feedSamples(exec::Interpreter& it, const data::SampleSet& set, std::int64_t first, std::int64_t batch,
    std::vector<std::uint8_t>& bytes)
{
    const exec::RtTensor& in = it.input(0);
    if (in.dtype != model::DType::Float32 && !(in.scale() > 0.0f))
        return Error{"the model input is " + model::dtypeName(in.dtype) + " without a quantization scale"};
    const std::int64_t per = set.sampleSize();
    std::vector<float> x(static_cast<std::size_t>(batch * per), 0.0f);
    for (std::int64_t b = 0; b < batch && first + b < set.count; ++b)
        std::copy_n(set.sample(first + b), per, x.data() + b * per);
    const std::int64_t n = batch * per;
    switch (in.dtype) {
    case model::DType::Float32:
        bytes.resize(static_cast<std::size_t>(n) * 4);
        std::memcpy(bytes.data(), x.data(), bytes.size());
        break;
    case model::DType::Int8:
        bytes.resize(static_cast<std::size_t>(n));
        quantizeInput(x.data(), n, in.scale(), in.zeroPoint(), reinterpret_cast<std::int8_t*>(bytes.data()));
        break;
    case model::DType::UInt8:
        bytes.resize(static_cast<std::size_t>(n));
        quantizeInput(x.data(), n, in.scale(), in.zeroPoint(), bytes.data());
        break;
    case model::DType::Int16:
        bytes.resize(static_cast<std::size_t>(n) * 2);
        quantizeInput(x.data(), n, in.scale(), in.zeroPoint(), reinterpret_cast<std::int16_t*>(bytes.data()));
        break;
    default:
        return Error{"the model input has type " + model::dtypeName(in.dtype) +
            "; classify needs float32, int8, "
            "uint8 or int16"};
    }
    return it.setInput(0, in.dtype, bytes);
}

Result<Classification> classify(const model::Graph& g, const data::SampleSet& set, const ClassifyOptions& o,
    const ProgressFn& progress, const std::atomic<bool>* cancel)
{
    const model::Subgraph& sg = g.main();
    if (sg.inputs.size() != 1 || sg.outputs.size() != 1)
        return Error{"a classifier needs one input and one output; this model has " + std::to_string(sg.inputs.size()) +
            " inputs and " + std::to_string(sg.outputs.size()) + " outputs"};
    const model::Tensor& in = sg.tensors[static_cast<std::size_t>(sg.inputs[0])];
    const model::Tensor& out = sg.tensors[static_cast<std::size_t>(sg.outputs[0])];
    if (in.shape.empty() || out.shape.empty())
        return Error{"the model's input and output need a batch dimension"};
    const std::int64_t batch = in.shape[0];
    if (batch < 1 || out.shape[0] != batch)
        return Error{"the model's input batch (" + std::to_string(batch) + ") and output batch (" +
            std::to_string(out.shape[0]) + ") differ"};
    std::vector<std::int32_t> inputShape = in.shape;
    if (batch == 1) {
        auto shape = data::inputShapeFor(set, in);
        if (!shape)
            return shape.error();
        inputShape = std::move(shape.value());
    } else if (in.elementCount() / batch != set.sampleSize()) {
        return Error{"the samples have " + std::to_string(set.sampleSize()) + " values each but the model input '" +
            in.name + "' takes " + std::to_string(in.elementCount() / batch) + " per sample"};
    }
    std::int64_t perOutput = out.elementCount() / batch;
    if (inputShape != in.shape) {
        // Resized to the samples: the output's size follows from prepare, not from the file.
        exec::InterpreterOptions probe;
        probe.inputShapes = {inputShape};
        auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(g), probe);
        if (!it)
            return withContext("resizing the input to " + exec::shapeText(inputShape), it.error());
        perOutput = (*it)->output(0).count();
    }
    if (perOutput < 1 || perOutput > (1 << 20))
        return Error{"the output '" + out.name + "' does not look like class scores"};

    Classification r;
    r.count = set.count;
    r.classes = static_cast<int>(perOutput);
    r.outputs.assign(static_cast<std::size_t>(set.count * perOutput), 0.0f);
    r.top1.assign(static_cast<std::size_t>(set.count), 0);

    const auto graph = std::make_shared<const model::Graph>(g);
    const std::int64_t runs = (set.count + batch - 1) / batch;
    const int threads = static_cast<int>(std::clamp<std::int64_t>(o.threads, 1, std::max<std::int64_t>(runs, 1)));
    std::vector<Error> errors(static_cast<std::size_t>(threads));
    std::vector<char> failed(static_cast<std::size_t>(threads), 0); // one byte per worker: no shared bits
    std::mutex progressMutex;
    std::int64_t done = 0;
    auto work = [&](int w) {
        const std::int64_t r0 = runs * w / threads, r1 = runs * (w + 1) / threads;
        exec::InterpreterOptions io;
        io.rounding = o.rounding;
        if (inputShape != in.shape)
            io.inputShapes = {inputShape};
        auto it = exec::Interpreter::create(graph, io);
        if (!it) {
            errors[static_cast<std::size_t>(w)] = it.error();
            failed[static_cast<std::size_t>(w)] = 1;
            return;
        }
        std::vector<std::uint8_t> bytes;
        for (std::int64_t run = r0; run < r1; ++run) {
            if (cancel && cancel->load()) {
                errors[static_cast<std::size_t>(w)] = Error{"cancelled"};
                failed[static_cast<std::size_t>(w)] = 1;
                return;
            }
            const std::int64_t first = run * batch;
            Status s = feedSamples(**it, set, first, batch, bytes);
            if (s)
                s = (*it)->invoke();
            if (!s) {
                errors[static_cast<std::size_t>(w)] = withContext("sample " + std::to_string(first), s.error());
                failed[static_cast<std::size_t>(w)] = 1;
                return;
            }
            const exec::RtTensor& y = (*it)->output(0);
            for (std::int64_t b = 0; b < batch && first + b < set.count; ++b) {
                float* dst = r.outputs.data() + (first + b) * perOutput;
                for (std::int64_t k = 0; k < perOutput; ++k)
                    dst[k] = realValue(y, b * perOutput + k);
                r.top1[static_cast<std::size_t>(first + b)] =
                    static_cast<int>(std::max_element(dst, dst + perOutput) - dst);
            }
            if (progress) {
                const std::lock_guard lock(progressMutex);
                done += std::min(batch, set.count - first);
                progress(done, set.count);
            }
        }
    };
    std::vector<std::thread> pool;
    for (int w = 1; w < threads; ++w)
        pool.emplace_back(work, w);
    work(0);
    for (auto& t : pool)
        t.join();
    for (std::size_t w = 0; w < failed.size(); ++w)
        if (failed[w])
            return errors[w];

    if (set.labels.size() == static_cast<std::size_t>(set.count)) {
        std::vector<std::uint8_t> top5(static_cast<std::size_t>(set.count), 0);
        for (std::int64_t i = 0; i < set.count; ++i) {
            const int label = set.labels[static_cast<std::size_t>(i)];
            if (label >= 0 && label < r.classes) {
                const float* y = r.outputs.data() + i * perOutput;
                int above = 0;
                for (std::int64_t k = 0; k < perOutput; ++k)
                    above += y[k] > y[label];
                top5[static_cast<std::size_t>(i)] = above < 5;
            }
        }
        setAccuracies(r, set.labels, std::move(top5));
    }
    return r;
}

void setAccuracies(Classification& r, const std::vector<int>& labels, std::vector<std::uint8_t> top5Hit)
{
    const auto n = static_cast<std::int64_t>(r.top1.size());
    std::int64_t hit1 = 0, hit5 = 0;
    for (std::int64_t i = 0; i < n; ++i) {
        hit1 += r.top1[static_cast<std::size_t>(i)] == labels[static_cast<std::size_t>(i)];
        hit5 += top5Hit[static_cast<std::size_t>(i)];
    }
    r.accuracy = static_cast<double>(hit1) / static_cast<double>(n);
    r.top5 = static_cast<double>(hit5) / static_cast<double>(n);
    r.top5Hit = std::move(top5Hit);
}

} // namespace ql::eval
