// SPDX-License-Identifier: MIT
// Custom operators LiteRT runs: TFLite_Detection_PostProcess (FlexBuffer options) and MediaPipe's
// Convolution2DTransposeBias, MaxPoolingWithArgmax2D, MaxUnpooling2D (raw C-struct options; LiteRT
// runs them through XNNPACK, so pooling windows must equal their strides).
#include "exec/op_cases.h"

#include <flatbuffers/flexbuffers.h>

#include <cstring>
#include <limits>

namespace ql::test {

using DT = model::DType;

namespace {

OpSpec custom(const std::string& code, std::vector<std::uint8_t> options)
{
    OpSpec s;
    s.op = tflite::BuiltinOperator::CUSTOM;
    s.customCode = code;
    s.customOptions = std::move(options);
    return s;
}

std::vector<std::uint8_t> rawInts(const std::vector<std::int32_t>& v)
{
    std::vector<std::uint8_t> b(v.size() * 4);
    std::memcpy(b.data(), v.data(), b.size());
    return b;
}

// Deterministic values in [-1, 1) for constant weights.
std::vector<float> pseudoRandom(std::size_t n, std::uint32_t seed)
{
    std::vector<float> v(n);
    for (auto& x : v) {
        seed = seed * 1664525u + 1013904223u;
        x = static_cast<float>(seed >> 8) / static_cast<float>(1 << 23) - 1.0f;
    }
    return v;
}

struct Dpp {
    int maxDetections = 5, maxClasses = 1, numClasses = 3;
    int perClass = -1; // -1: key left out (default 100)
    int regular = -1; // -1: key left out (default fast)
    float scoreThreshold = 0.0f, iouThreshold = 0.5f;
};

OpSpec dpp(const Dpp& d)
{
    flexbuffers::Builder fbb;
    fbb.Map([&] {
        fbb.Int("max_detections", d.maxDetections);
        fbb.Int("max_classes_per_detection", d.maxClasses);
        if (d.perClass >= 0)
            fbb.Int("detections_per_class", d.perClass);
        if (d.regular >= 0)
            fbb.Bool("use_regular_nms", d.regular != 0);
        fbb.Float("nms_score_threshold", d.scoreThreshold);
        fbb.Float("nms_iou_threshold", d.iouThreshold);
        fbb.Int("num_classes", d.numClasses);
        fbb.Float("y_scale", 10.0f);
        fbb.Float("x_scale", 10.0f);
        fbb.Int("h_scale", 5); // integer-typed scales are read as numbers too
        fbb.Float("w_scale", 5.0f);
    });
    fbb.Finish();
    return custom("TFLite_Detection_PostProcess", fbb.GetBuffer());
}

// The four outputs for D = max_detections * max_classes_per_detection slots.
std::vector<TensorSpec> dppOutputs(const Dpp& d)
{
    const int D = d.maxDetections * d.maxClasses;
    return {f32({1, D, 4}), f32({1, D}), f32({1, D}), f32({1})};
}

// Slot of an element of outputs 0 (4 per slot), 1 and 2; -1 for num_detections.
std::int64_t slotOf(int output, std::int64_t element)
{
    return output == 0 ? element / 4 : output < 3 ? element : -1;
}

// Float box encodings, class scores in [0, 1] (C' columns) and anchors with centres and sizes in [0.1, 1].
std::vector<TensorSpec> dppInputs(int N, int columns, int E = 4)
{
    return {f32({1, N, E}).range(-2, 2), f32({1, N, columns}).range(0, 1), f32({N, 4}).range(0.1, 1)};
}

OpSpec pooling(int padding, int sw, int sh, int fw, int fh, int activation = 0)
{
    return custom("MaxPoolingWithArgmax2D", rawInts({padding, sw, sh, fw, fh, activation, -1, -1}));
}

OpSpec unpooling(int padding, int sw, int sh, int fw, int fh)
{
    return custom("MaxUnpooling2D", rawInts({padding, sw, sh, fw, fh, 0, -1, -1}));
}

constexpr int kSame = 1, kValid = 2;
constexpr double kInf = std::numeric_limits<double>::infinity();

// Pooling cases compare both outputs bit for bit: the index output holds raw uint32 bits.
OpCase pool(const std::string& name, OpSpec op, TensorSpec in, std::vector<std::int32_t> out)
{
    return OpCase(name, std::move(op), {std::move(in)}, {f32(out), f32(out)}).tolerance(0);
}

// Unpooling of values by indices whose float bits are window positions 0 .. positions (inclusive, so
// a few are out of range and dropped): denormal floats in [0, positions * 2^-149].
OpCase unpool(
    const std::string& name, OpSpec op, std::vector<std::int32_t> shape, int positions, std::vector<std::int32_t> out)
{
    const double denormal = 1.401298464324817e-45;
    return OpCase(name, std::move(op), {f32(shape), f32(shape).range(0, positions * denormal)}, {f32(std::move(out))})
        .tolerance(0);
}

// Convolution2DTransposeBias with constant OHWI weights and bias; `out` is MediaPipe's output size.
OpCase transposeConv(const std::string& name, int padding, int sw, int sh, std::vector<std::int32_t> in, int O, int KH,
    int KW, std::vector<std::int32_t> out)
{
    const int I = in.back();
    const auto w =
        pseudoRandom(static_cast<std::size_t>(O * KH * KW * I), static_cast<std::uint32_t>(O * 131 + KH * 7 + KW));
    const auto b = pseudoRandom(static_cast<std::size_t>(O), static_cast<std::uint32_t>(O + 5));
    return {name, custom("Convolution2DTransposeBias", rawInts({padding, sw, sh})),
        {f32(std::move(in)), f32c({O, KH, KW, I}, w), f32c({O}, b)}, {f32(std::move(out))}};
}

} // namespace

std::vector<OpCase> customCases()
{
    Dpp fast1; // fast path, one class per box
    Dpp fast1Few = fast1; // fewer anchors than max_detections, nothing suppressed
    fast1Few.maxDetections = 8;
    fast1Few.iouThreshold = 1.0f;
    Dpp fast3 = fast1; // fast path, three classes per box, background column
    fast3.maxClasses = 3;
    fast3.numClasses = 4;
    Dpp fastWide = fast1; // more classes per box than classes: parts of each group unwritten
    fastWide.maxClasses = 4;
    fastWide.numClasses = 2;
    fastWide.scoreThreshold = 0.3f;
    Dpp regular = fast1;
    regular.regular = 1;
    regular.perClass = 3;
    regular.maxDetections = 6;
    regular.numClasses = 4;
    regular.scoreThreshold = 0.4f;
    Dpp regularWide = regular; // the slots beyond max_detections are never written
    regularWide.maxClasses = 2;
    regularWide.perClass = -1;
    Dpp uint8Fast = fast3;
    uint8Fast.maxClasses = 2;
    uint8Fast.maxDetections = 4;
    Dpp uint8Regular = regular;
    uint8Regular.maxDetections = 10;
    uint8Regular.scoreThreshold = 0.25f; // some scores equal it (kept)
    Dpp badIou = fast1;
    badIou.iouThreshold = 0.0f;

    const int fewAnchors = 6;
    const double denormal = 1.401298464324817e-45;
    return {
        // TFLite_Detection_PostProcess: boxes decoded in double; NMS; unwritten slots are skipped.
        OpCase("DETECTION_POSTPROCESS fast", dpp(fast1), dppInputs(40, 3), dppOutputs(fast1)).tolerance(0),
        OpCase("DETECTION_POSTPROCESS fast few anchors", dpp(fast1Few), dppInputs(fewAnchors, 4), dppOutputs(fast1Few))
            .skipping([=](int o, std::int64_t e) { return slotOf(o, e) >= fewAnchors; })
            .tolerance(0),
        OpCase("DETECTION_POSTPROCESS fast three classes background", dpp(fast3), dppInputs(40, 5), dppOutputs(fast3))
            .tolerance(0),
        OpCase("DETECTION_POSTPROCESS fast groups wider than classes", dpp(fastWide), dppInputs(40, 2),
            dppOutputs(fastWide))
            .skipping([](int o, std::int64_t e) { return slotOf(o, e) >= 0 && slotOf(o, e) % 4 >= 2; })
            .tolerance(0),
        OpCase("DETECTION_POSTPROCESS fast wide encodings", dpp(fast1), dppInputs(30, 3, 6), dppOutputs(fast1))
            .tolerance(0),
        OpCase("DETECTION_POSTPROCESS regular", dpp(regular), dppInputs(30, 5), dppOutputs(regular)).tolerance(0),
        OpCase("DETECTION_POSTPROCESS regular two classes per box", dpp(regularWide), dppInputs(30, 4),
            dppOutputs(regularWide))
            .skipping([](int o, std::int64_t e) { return slotOf(o, e) >= 6; })
            .tolerance(0),
        // Tied scores (few distinct uint8 codes): libc++ partial_sort order in the fast path, earlier
        // classes first in the regular merge.
        OpCase("DETECTION_POSTPROCESS uint8 fast ties", dpp(uint8Fast),
            {q({1, 40, 4}, DT::UInt8, 0.05f, 128), q({1, 40, 5}, DT::UInt8, 0.25f, 0).range(0, 4),
                q({40, 4}, DT::UInt8, 0.01f, 0).range(10, 100)},
            dppOutputs(uint8Fast))
            .tolerance(0),
        OpCase("DETECTION_POSTPROCESS uint8 regular ties", dpp(uint8Regular),
            {q({1, 30, 4}, DT::UInt8, 0.04f, 120), q({1, 30, 4}, DT::UInt8, 0.125f, 2).range(2, 9),
                q({30, 4}, DT::UInt8, 0.02f, 3).range(8, 53)},
            dppOutputs(uint8Regular))
            .tolerance(0),
        OpCase("DETECTION_POSTPROCESS uint8 scores float boxes", dpp(regular),
            {f32({1, 20, 4}).range(-2, 2), q({1, 20, 5}, DT::UInt8, 0.004f, 0), f32({20, 4}).range(0.1, 1)},
            dppOutputs(regular))
            .tolerance(0),
        OpCase("DETECTION_POSTPROCESS int8", dpp(fast1),
            {q({1, 4, 4}, DT::Int8, 0.1f, 0), q({1, 4, 3}, DT::Int8, 0.1f, 0), q({4, 4}, DT::Int8, 0.1f, 0)},
            dppOutputs(fast1))
            .refused("float32"),
        OpCase("DETECTION_POSTPROCESS iou threshold 0", dpp(badIou), dppInputs(4, 3), dppOutputs(badIou))
            .refused("nms_iou_threshold"),

        // MaxPoolingWithArgmax2D: XNNPACK numbers window positions column-major, repeats edge pixels
        // into the padding, and writes the index as raw uint32 bits.
        pool("MaxPoolingWithArgmax2D 2x2 SAME", pooling(kSame, 2, 2, 2, 2), f32({1, 4, 4, 3}), {1, 2, 2, 3}),
        pool("MaxPoolingWithArgmax2D 3x3 SAME padded", pooling(kSame, 3, 3, 3, 3), f32({1, 7, 7, 5}), {1, 3, 3, 5}),
        pool("MaxPoolingWithArgmax2D 2x2 VALID leftover", pooling(kValid, 2, 2, 2, 2), f32({1, 5, 7, 6}), {1, 2, 3, 6}),
        pool("MaxPoolingWithArgmax2D 4x4 SAME batch 2", pooling(kSame, 4, 4, 4, 4), f32({2, 9, 9, 2}), {2, 3, 3, 2}),
        pool("MaxPoolingWithArgmax2D 3x2 window", pooling(kValid, 3, 2, 3, 2), f32({1, 4, 6, 1}), {1, 2, 2, 1}),
        pool("MaxPoolingWithArgmax2D relu ignored", pooling(kSame, 2, 2, 2, 2, 1), f32({1, 4, 4, 9}).range(-4, -1),
            {1, 2, 2, 9}),
        pool("MaxPoolingWithArgmax2D ties", pooling(kSame, 3, 3, 3, 3), f32({1, 7, 7, 3}).range(4194304, 4194305),
            {1, 3, 3, 3}),
        pool("MaxPoolingWithArgmax2D NaN", pooling(kSame, 2, 2, 2, 2), f32({1, 2, 2, 2}).range(-kInf, kInf),
            {1, 1, 1, 2}),
        OpCase("MaxPoolingWithArgmax2D filter larger than stride", pooling(kSame, 1, 1, 2, 2), {f32({1, 4, 4, 1})},
            {f32({1, 4, 4, 1}), f32({1, 4, 4, 1})})
            .refused("filter equal to the stride"),
        OpCase("MaxPoolingWithArgmax2D tanh", pooling(kSame, 2, 2, 2, 2, 4), {f32({1, 4, 4, 1})},
            {f32({1, 2, 2, 1}), f32({1, 2, 2, 1})})
            .refused("activation"),
        OpCase("MaxPoolingWithArgmax2D padding 0", pooling(0, 2, 2, 2, 2), {f32({1, 4, 4, 1})},
            {f32({1, 2, 2, 1}), f32({1, 2, 2, 1})})
            .refused("padding"),

        // MaxUnpooling2D: index bits j < window count place the value column-major; others are dropped.
        unpool("MaxUnpooling2D 2x2", unpooling(kValid, 2, 2, 2, 2), {1, 3, 3, 4}, 4, {1, 6, 6, 4}),
        unpool("MaxUnpooling2D 3x3 SAME flag", unpooling(kSame, 3, 3, 3, 3), {1, 2, 3, 5}, 9, {1, 6, 9, 5}),
        unpool("MaxUnpooling2D 2x3 window batch 2", unpooling(kValid, 3, 2, 3, 2), {2, 2, 2, 3}, 6, {2, 4, 6, 3}),
        unpool("MaxUnpooling2D 4x4", unpooling(kValid, 4, 4, 4, 4), {1, 2, 2, 1}, 16, {1, 8, 8, 1}),
        OpCase("MaxUnpooling2D MediaPipe-style indices", unpooling(kValid, 2, 2, 2, 2),
            {f32({1, 2, 2, 3}), f32({1, 2, 2, 3}).range(1.1, 3.1)}, {f32({1, 4, 4, 3})})
            .tolerance(0),
        OpCase("MaxUnpooling2D filter larger than stride", unpooling(kValid, 1, 1, 2, 2),
            {f32({1, 2, 2, 1}), f32({1, 2, 2, 1}).range(0, denormal)}, {f32({1, 4, 4, 1})})
            .refused("filter equal to the stride"),

        // Convolution2DTransposeBias: XNNPACK deconvolution with MediaPipe's output size.
        transposeConv("Convolution2DTransposeBias 3x3 s2 SAME", kSame, 2, 2, {1, 4, 4, 3}, 5, 3, 3, {1, 8, 8, 5}),
        transposeConv("Convolution2DTransposeBias 2x2 s2 SAME odd", kSame, 2, 2, {1, 3, 5, 4}, 2, 2, 2, {1, 5, 9, 2}),
        transposeConv(
            "Convolution2DTransposeBias 4x4 s2 SAME odd padding", kSame, 2, 2, {1, 5, 7, 3}, 6, 4, 4, {1, 9, 13, 6}),
        transposeConv("Convolution2DTransposeBias 5x3 s2x3 SAME", kSame, 3, 2, {1, 4, 3, 2}, 3, 5, 3, {1, 8, 9, 3}),
        transposeConv("Convolution2DTransposeBias 3x3 s2 VALID", kValid, 2, 2, {1, 3, 3, 5}, 4, 3, 3, {1, 7, 7, 4}),
        transposeConv(
            "Convolution2DTransposeBias kernel below stride VALID", kValid, 3, 3, {1, 3, 3, 2}, 3, 2, 2, {1, 8, 8, 3}),
        OpCase(transposeConv("Convolution2DTransposeBias SAME kernel below stride", kSame, 3, 3, {1, 3, 3, 2}, 3, 2, 2,
                   {1, 9, 9, 3}))
            .refused("at least as large as the stride"),
        OpCase(transposeConv("Convolution2DTransposeBias padding 0", 0, 2, 2, {1, 3, 3, 2}, 3, 3, 3, {1, 7, 7, 3}))
            .refused("padding"),
    };
}

} // namespace ql::test
