// SPDX-License-Identifier: MIT
#include "pipeline/quantize.h"

#include "data/value_range.h"
#include "model/summary.h"

#include <algorithm>

namespace ql::pipeline {

namespace {

int validCount(const std::vector<quant::TensorRange>& r)
{
    return static_cast<int>(std::count_if(r.begin(), r.end(), [](const quant::TensorRange& x) { return x.valid; }));
}

} // namespace

bool needsData(const ModelSource& m, const passes::QuantizeOptions& o)
{
    return passes::needsCalibration(o.mode) && (!o.useModelRanges || m.carriedRanges() == 0);
}

Result<std::vector<quant::TensorRange>> activationRanges(const ModelSource& m, passes::QuantizeOptions& o,
    std::span<const data::SampleSet> calibration, std::vector<std::string>& notes)
{
    std::vector<quant::TensorRange> ranges;
    if (!passes::needsCalibration(o.mode))
        return ranges;
    const std::vector<quant::TensorRange> carried =
        o.useModelRanges ? quant::recordedRanges(*m.work) : std::vector<quant::TensorRange>{};
    const int carriedCount = validCount(carried);
    if (calibration.empty() && carriedCount == 0)
        return Error{passes::modeName(o.mode) +
            " needs calibration data: a data set of samples (one per model input for a model of several inputs)"};
    if (!calibration.empty()) {
        for (const auto& set : calibration)
            o.calibration.samples = std::min(o.calibration.samples, set.count);
        auto r = quant::calibrate(*m.work, calibration, o.calibration);
        if (!r)
            return withContext("calibration", r.error());
        ranges = std::move(*r);
    }
    if (carriedCount > 0) {
        quant::useRecordedRanges(ranges, carried);
        const std::string what = m.dequantized() ? "the activation scales of the quantized file"
                                                 : "min/max recorded by quantization-aware training";
        if (o.calibrationSource.empty())
            o.calibrationSource =
                m.dequantized() ? "the quantized file's activation scales" : "min/max recorded in the model";
        if (calibration.empty())
            o.calibration.samples = 0; // nothing was calibrated
        notes.push_back(std::to_string(carriedCount) + " activation ranges come from the model itself (" + what + ")" +
            (calibration.empty() ? "" : "; they replace the calibrated ones"));
    }
    return ranges;
}

Result<passes::QuantizeResult> quantizeWithRanges(
    const ModelSource& m, passes::QuantizeOptions o, const std::vector<quant::TensorRange>& ranges)
{
    auto keep = keepFloatOnWork(m, o.keepFloat);
    if (!keep)
        return keep.error();
    const std::string provenance = passes::describe(o); // keep-float as the user named it: the file's numbering
    o.keepFloat = std::move(*keep);
    auto r = passes::quantizeGraph(*m.work, o, ranges);
    if (!r)
        return r.error();
    r->graph.description = provenance;
    r->floatOperators = toFileOps(m, r->floatOperators);
    if (!m.note.empty())
        r->notes.insert(r->notes.begin(), m.note);
    return r;
}

Result<passes::QuantizeResult> quantize(
    const ModelSource& m, passes::QuantizeOptions o, std::span<const data::SampleSet> calibration)
{
    std::vector<std::string> notes;
    auto ranges = activationRanges(m, o, calibration, notes);
    if (!ranges)
        return ranges.error();
    auto r = quantizeWithRanges(m, o, *ranges);
    if (!r) {
        if (calibration.empty() && passes::needsCalibration(o.mode) &&
            r.error().message.find("has no calibrated range") != std::string::npos)
            return Error{r.error().message +
                " (the model carries ranges for some tensors, not for this one: calibration data is needed)"};
        return r;
    }
    r->notes.insert(r->notes.begin() + (m.note.empty() ? 0 : 1), notes.begin(), notes.end());
    return r;
}

Result<std::vector<quant::TensorRange>> rangesWithOwnData(const ModelSource& m, passes::QuantizeOptions& o,
    std::vector<data::SampleSet> calibration, const data::SampleSet& ownData, const std::string& what,
    std::vector<std::string>& notes)
{
    if (!passes::needsCalibration(o.mode))
        return std::vector<quant::TensorRange>{};
    if (calibration.empty() && needsData(m, o)) {
        calibration.push_back(ownData);
        notes.push_back("no --calibration-data: calibrated on the first " +
            std::to_string(std::min(o.calibration.samples, ownData.count)) + " " + what +
            " themselves (give separate data for an unbiased figure)");
    }
    for (auto& n : calibrationFitNotes(m, calibration))
        notes.push_back(std::move(n));
    return activationRanges(m, o, calibration, notes);
}

std::string dequantizedEvaluationNote(const ModelSource& m)
{
    if (m.note.empty())
        return {};
    return "float32 is the dequantized graph of the " + model::quantModeName(model::guessMode(*m.file).mode) +
        " file; 'original' is the file as shipped";
}

std::vector<std::string> calibrationFitNotes(const ModelSource& m, std::span<const data::SampleSet> calibration)
{
    std::vector<std::string> notes;
    if (!m.file)
        return notes;
    if (auto e = data::expectedInputRange(*m.file))
        for (const auto& set : calibration)
            if (auto why = data::rangeMismatch(data::valueRange(set), e->range))
                notes.push_back("the calibration data do not fit the model's input: " + *why + " (" + e->basis +
                    "); give --scale and --offset");
    return notes;
}

} // namespace ql::pipeline
