// SPDX-License-Identifier: MIT
#include "eval/diff_outputs.h"

#include "eval/classify.h"
#include "eval/scores.h"
#include "exec/interpreter.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ql::eval {
namespace {

struct Sums {
    double signal = 0, noise = 0, dot = 0, normB = 0, maxAbs = 0; // signal: sum of A's squares
    bool sizeMismatch = false;
};

Result<std::unique_ptr<exec::Interpreter>> interpreterFor(const model::Graph& g, const char* which)
{
    exec::InterpreterOptions o;
    o.keepIntermediates = true; // every operator output is read after the run
    auto it = exec::Interpreter::create(std::make_shared<const model::Graph>(g), o);
    if (!it)
        return withContext(std::string("model ") + which, it.error());
    return it;
}

int argmax(const std::vector<float>& v)
{
    return v.empty() ? -1 : static_cast<int>(std::max_element(v.begin(), v.end()) - v.begin());
}

} // namespace

Result<OutputAgreement> compareOutputs(const model::Graph& a, const model::Graph& b, const ModelDiff& diff,
    const data::SampleSet& data, std::int64_t samples, const std::function<void(std::int64_t, std::int64_t)>& progress,
    const std::atomic<bool>* cancel)
{
    auto ia = interpreterFor(a, "A");
    if (!ia)
        return ia.error();
    auto ib = interpreterFor(b, "B");
    if (!ib)
        return ib.error();
    if ((*ia)->inputCount() != 1 || (*ib)->inputCount() != 1)
        return Error{"comparing on a data set needs models with one input each"};
    const std::int64_t n = std::min<std::int64_t>(data.count, std::max<std::int64_t>(1, samples));
    std::vector<Sums> sums(diff.matches.size());
    std::vector<std::uint8_t> bytes;
    std::int64_t agree = 0;
    bool classScores = true;
    for (std::int64_t s = 0; s < n; ++s) {
        if (cancel && cancel->load())
            return Error{"cancelled"};
        for (auto* it : {ia->get(), ib->get()}) {
            if (auto st = feedSamples(*it, data, s, 1, bytes); !st)
                return withContext(it == ia->get() ? "model A" : "model B", st.error());
            if (auto st = it->invoke(); !st)
                return withContext(it == ia->get() ? "model A" : "model B", st.error());
        }
        for (std::size_t k = 0; k < diff.matches.size(); ++k) {
            const auto& m = diff.matches[k];
            const auto& oa = a.main().operators[static_cast<std::size_t>(m.a)];
            const auto& ob = b.main().operators[static_cast<std::size_t>(m.b)];
            if (oa.outputs.empty() || ob.outputs.empty() || oa.outputs[0] < 0 || ob.outputs[0] < 0)
                continue;
            const exec::RtTensor& ta = (*ia)->tensor(oa.outputs[0]);
            const exec::RtTensor& tb = (*ib)->tensor(ob.outputs[0]);
            if (ta.count() != tb.count()) {
                sums[k].sizeMismatch = true;
                continue;
            }
            const auto va = realValues(ta), vb = realValues(tb);
            Sums& x = sums[k];
            for (std::size_t i = 0; i < va.size() && i < vb.size(); ++i) {
                const double p = va[i], q = vb[i];
                x.signal += p * p;
                x.noise += (p - q) * (p - q);
                x.dot += p * q;
                x.normB += q * q;
                x.maxAbs = std::max(x.maxAbs, std::abs(p - q));
            }
        }
        const auto outA = realValues((*ia)->output(0)), outB = realValues((*ib)->output(0));
        classScores = classScores && outA.size() == outB.size() && outA.size() > 1;
        agree += classScores && argmax(outA) == argmax(outB);
        if (progress)
            progress(s + 1, n);
    }
    OutputAgreement out;
    out.samples = n;
    out.top1Agreement = classScores ? static_cast<double>(agree) / static_cast<double>(n) : -1;
    for (std::size_t k = 0; k < diff.matches.size(); ++k) {
        PairAgreement p;
        p.a = diff.matches[k].a;
        p.b = diff.matches[k].b;
        const Sums& x = sums[k];
        if (x.sizeMismatch) {
            p.why = "the two outputs differ in size";
        } else {
            p.compared = true;
            p.sqnrDb = x.noise > 0 ? 10 * std::log10(x.signal / x.noise) : std::numeric_limits<double>::infinity();
            p.cosine = x.signal > 0 && x.normB > 0 ? x.dot / std::sqrt(x.signal * x.normB) : 1.0;
            p.maxAbsDiff = x.maxAbs;
        }
        out.pairs.push_back(std::move(p));
    }
    return out;
}

} // namespace ql::eval
