// SPDX-License-Identifier: MIT
// QuantLens' own int8 export of the float VWW MobileNet (../shared/models), calibrated on 8 seeded random
// images in [0, 1): what the diff tests compare with the converter's int8 file of the same network.
#pragma once

#include "common/model_facts.h"
#include "model/reader.h"
#include "passes/quantize.h"
#include "quant/calibrate.h"

#include <random>

namespace ql::test {

inline Result<model::Graph> ownVwwInt8Export()
{
    auto g = model::readTflite(modelPath("vww_mobilenet_v1_025_96_float32.tflite"));
    if (!g)
        return g.error();
    data::SampleSet cal;
    cal.sampleShape = {96, 96, 3};
    cal.count = 8;
    cal.values.resize(8 * 96 * 96 * 3);
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    for (float& v : cal.values)
        v = u(rng);
    auto ranges = quant::calibrate(*g, cal, {});
    if (!ranges)
        return ranges.error();
    passes::QuantizeOptions o;
    o.mode = passes::Mode::Int8;
    auto q = passes::quantizeGraph(*g, o, *ranges);
    if (!q)
        return q.error();
    return std::move(q->graph);
}

} // namespace ql::test
