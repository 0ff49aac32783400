// SPDX-License-Identifier: MIT
// TFLite_Detection_PostProcess: SSD box decoding against anchors, then non-max suppression, either
// "fast" (one NMS over each anchor's best classes) or "regular" (one NMS per class, merged). Follows
// LiteRT's kernel (boxes decoded in double, rounded to float; ties ordered as its C++ library does);
// with --rounding reference, tflite-micro's variant (float inputs only, zero-size boxes refused, ties
// by class index, its slot layout for several classes per box).
#include "exec/custom/custom_ops.h"

#include "exec/custom/options.h"
#include "exec/heap_order.h"
#include "exec/kernels/common.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ql::exec {

namespace {

using model::DType;

struct Params {
    int maxDetections = 0, maxClassesPerDetection = 0, detectionsPerClass = 100, numClasses = 0;
    bool regular = false;
    float scoreThreshold = 0, iouThreshold = 0;
    float yScale = 0, xScale = 0, hScale = 0, wScale = 0;
    bool micro = false; // tflite-micro's variant
};

struct Box {
    float ymin, xmin, ymax, xmax;
};

float iou(const Box& a, const Box& b)
{
    const float areaA = (a.ymax - a.ymin) * (a.xmax - a.xmin);
    const float areaB = (b.ymax - b.ymin) * (b.xmax - b.xmin);
    if (areaA <= 0 || areaB <= 0)
        return 0.0f;
    const float ih = std::max(std::min(a.ymax, b.ymax) - std::max(a.ymin, b.ymin), 0.0f);
    const float iw = std::max(std::min(a.xmax, b.xmax) - std::max(a.xmin, b.xmin), 0.0f);
    const float inter = ih * iw;
    return inter / ((areaA + areaB) - inter);
}

// Dequantized float values of a float32 or uint8 tensor (uint8: one rounding of (q - zp) * s).
std::vector<float> floatsOf(const RtTensor& t)
{
    std::vector<float> v(static_cast<std::size_t>(t.count()));
    if (t.dtype == DType::Float32) {
        std::copy(t.as<float>(), t.as<float>() + t.count(), v.begin());
        return v;
    }
    const float s = t.scale();
    const auto zp = static_cast<float>(t.zeroPoint());
    for (std::size_t i = 0; i < v.size(); ++i)
        v[i] = (static_cast<float>(t.data[i]) - zp) * s;
    return v;
}

// Indices of the boxes kept by greedy NMS on `scores`, best first, at most `limit`.
std::vector<int> nonMaxSuppression(
    const std::vector<Box>& boxes, const std::vector<float>& scores, int limit, const Params& p)
{
    std::vector<int> kept;
    for (int i = 0; i < static_cast<int>(scores.size()); ++i)
        if (scores[static_cast<std::size_t>(i)] >= p.scoreThreshold)
            kept.push_back(i);
    std::stable_sort(kept.begin(), kept.end(),
        [&](int a, int b) { return scores[static_cast<std::size_t>(a)] > scores[static_cast<std::size_t>(b)]; });
    const std::size_t target = std::min<std::size_t>(kept.size(), static_cast<std::size_t>(std::max(limit, 0)));
    std::vector<bool> active(kept.size(), true);
    std::vector<int> selected;
    for (std::size_t c = 0; c < kept.size() && selected.size() < target; ++c) {
        if (!active[c])
            continue;
        selected.push_back(kept[c]);
        const Box& a = boxes[static_cast<std::size_t>(kept[c])];
        for (std::size_t d = c + 1; d < kept.size(); ++d)
            if (active[d] && iou(a, boxes[static_cast<std::size_t>(kept[d])]) > p.iouThreshold)
                active[d] = false;
    }
    return selected;
}

Result<Params> readParams(NodeContext& ctx)
{
    auto o = FlexOptions::parse(ctx.op.customOptions);
    if (!o)
        return ctx.fail(o.error().message);
    Params p;
    p.maxDetections = static_cast<int>(o->integer("max_detections", 0));
    p.maxClassesPerDetection = static_cast<int>(o->integer("max_classes_per_detection", 0));
    p.detectionsPerClass = static_cast<int>(o->integer("detections_per_class", 100));
    p.regular = o->boolean("use_regular_nms", false);
    p.scoreThreshold = static_cast<float>(o->number("nms_score_threshold", 0));
    p.iouThreshold = static_cast<float>(o->number("nms_iou_threshold", 0));
    p.numClasses = static_cast<int>(o->integer("num_classes", 0));
    p.yScale = static_cast<float>(o->number("y_scale", 0));
    p.xScale = static_cast<float>(o->number("x_scale", 0));
    p.hScale = static_cast<float>(o->number("h_scale", 0));
    p.wScale = static_cast<float>(o->number("w_scale", 0));
    p.micro = ctx.rounding == Rounding::Reference;
    if (p.maxDetections < 0 || p.maxClassesPerDetection < 0 || p.numClasses < 1)
        return ctx.fail("max_detections, max_classes_per_detection and num_classes must be set and positive");
    if (static_cast<std::int64_t>(p.maxDetections) * std::max(p.maxClassesPerDetection, 1) > (1 << 24))
        return ctx.fail("max_detections x max_classes_per_detection is too large");
    return p;
}

} // namespace

Prepared prepareDetectionPostProcess(NodeContext& ctx)
{
    if (auto st = ctx.expectArity(3, 3, 4); !st)
        return st.error();
    auto params = readParams(ctx);
    if (!params)
        return params.error();
    const Params p = *params;
    const RtTensor& enc = ctx.in(0);
    const RtTensor& cls = ctx.in(1);
    const RtTensor& anchors = ctx.in(2);
    if (enc.rank() != 3 || enc.dim(0) != 1 || enc.dim(2) < 4)
        return ctx.fail("box encodings must have shape [1, anchors, 4 or more], got " + shapeText(enc.shape));
    const int N = enc.dim(1);
    if (cls.rank() != 3 || cls.dim(0) != 1 || cls.dim(1) != N)
        return ctx.fail("class predictions must have shape [1, " + std::to_string(N) + ", classes], got " +
            shapeText(cls.shape));
    const int labelOffset = cls.dim(2) - p.numClasses;
    if (labelOffset != 0 && labelOffset != 1)
        return ctx.fail("class predictions have " + std::to_string(cls.dim(2)) + " columns for " +
            std::to_string(p.numClasses) + " classes (one background column at most)");
    if (anchors.rank() != 2 || anchors.dim(0) != N || anchors.dim(1) != 4)
        return ctx.fail("anchors must have shape [" + std::to_string(N) + ", 4], got " + shapeText(anchors.shape));
    auto okType = [&](const RtTensor& t) {
        return t.dtype == DType::Float32 || (!p.micro && t.dtype == DType::UInt8);
    };
    if (!okType(enc) || !okType(cls) || anchors.dtype != enc.dtype)
        return ctx.fail(std::string("box encodings and anchors must both be float32") + (p.micro ? "" : " or both uint8") +
            ", class predictions float32" + (p.micro ? "" : " or uint8") + " (" + ctx.dtypes() + ")");
    for (int i = 0; i < 4; ++i)
        if (ctx.out(i).dtype != DType::Float32)
            return ctx.fail("all four outputs must be float32 (" + ctx.dtypes() + ")");
    if (!(p.iouThreshold > 0 && p.iouThreshold <= 1))
        return ctx.fail("nms_iou_threshold must lie in (0, 1], got " + std::to_string(p.iouThreshold));
    if (!p.regular && p.maxClassesPerDetection < 1)
        return ctx.fail("max_classes_per_detection must be at least 1");
    if (p.regular && std::min(p.detectionsPerClass, p.maxDetections) < 1)
        return ctx.fail("detections_per_class must be at least 1");
    const int D = p.maxDetections * std::max(p.maxClassesPerDetection, 1);
    if (auto st = ctx.setOutputShape(0, {1, D, 4}); !st)
        return st.error();
    for (int i : {1, 2})
        if (auto st = ctx.setOutputShape(i, {1, D}); !st)
            return st.error();
    if (auto st = ctx.setOutputShape(3, {1}); !st)
        return st.error();
    const int encI = ctx.inputIndex(0), clsI = ctx.inputIndex(1), ancI = ctx.inputIndex(2);
    const int boxO = ctx.outputIndex(0), clsO = ctx.outputIndex(1), scoreO = ctx.outputIndex(2), numO = ctx.outputIndex(3);
    const int E = enc.dim(2), C = p.numClasses, Cp = cls.dim(2);
    return makeKernel([=](const RunContext& rc) -> Status {
        const auto e = floatsOf(tensorAt(rc, encI));
        const auto a = floatsOf(tensorAt(rc, ancI));
        const auto scores = floatsOf(tensorAt(rc, clsI));
        std::vector<Box> boxes(static_cast<std::size_t>(N));
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            const double ty = e[i * static_cast<std::size_t>(E)], tx = e[i * static_cast<std::size_t>(E) + 1];
            const double th = e[i * static_cast<std::size_t>(E) + 2], tw = e[i * static_cast<std::size_t>(E) + 3];
            const double ya = a[i * 4], xa = a[i * 4 + 1], ha = a[i * 4 + 2], wa = a[i * 4 + 3];
            const auto yc = static_cast<float>(ty / p.yScale * ha + ya);
            const auto xc = static_cast<float>(tx / p.xScale * wa + xa);
            const auto hh = static_cast<float>(0.5 * std::exp(th / p.hScale) * ha);
            const auto hw = static_cast<float>(0.5 * std::exp(tw / p.wScale) * wa);
            boxes[i] = {yc - hh, xc - hw, yc + hh, xc + hw};
            const bool bad = p.micro ? (boxes[i].ymin >= boxes[i].ymax || boxes[i].xmin >= boxes[i].xmax)
                                     : (boxes[i].ymin > boxes[i].ymax || boxes[i].xmin > boxes[i].xmax);
            if (bad)
                return Error{"anchor " + std::to_string(i) + " decodes to an invalid box (ymin " +
                    std::to_string(boxes[i].ymin) + ", ymax " + std::to_string(boxes[i].ymax) + ", xmin " +
                    std::to_string(boxes[i].xmin) + ", xmax " + std::to_string(boxes[i].xmax) + ")"};
        }
        float* ob = tensorAt(rc, boxO).as<float>();
        float* oc = tensorAt(rc, clsO).as<float>();
        float* os = tensorAt(rc, scoreO).as<float>();
        std::fill(ob, ob + static_cast<std::int64_t>(D) * 4, 0.0f); // LiteRT leaves unused slots unwritten
        std::fill(oc, oc + D, 0.0f);
        std::fill(os, os + D, 0.0f);
        auto write = [&](int slot, std::size_t anchor, int classId, float score) {
            ob[slot * 4] = boxes[anchor].ymin;
            ob[slot * 4 + 1] = boxes[anchor].xmin;
            ob[slot * 4 + 2] = boxes[anchor].ymax;
            ob[slot * 4 + 3] = boxes[anchor].xmax;
            oc[slot] = static_cast<float>(classId);
            os[slot] = score;
        };
        auto classScore = [&](std::size_t anchor, int c) {
            return scores[anchor * static_cast<std::size_t>(Cp) + static_cast<std::size_t>(c + labelOffset)];
        };
        int detections = 0;
        if (!p.regular) {
            const int k = std::min(p.maxClassesPerDetection, C);
            std::vector<std::vector<int>> best(static_cast<std::size_t>(N));
            std::vector<float> maxScore(static_cast<std::size_t>(N));
            for (std::size_t i = 0; i < best.size(); ++i) {
                auto& idx = best[i];
                if (k == 1 && !p.micro) {
                    int b = 0;
                    for (int c = 1; c < C; ++c)
                        if (classScore(i, c) > classScore(i, b))
                            b = c;
                    idx = {b};
                } else {
                    idx.resize(static_cast<std::size_t>(C));
                    std::iota(idx.begin(), idx.end(), 0);
                    if (p.micro)
                        std::stable_sort(idx.begin(), idx.end(),
                            [&](int x, int y) { return classScore(i, x) > classScore(i, y); });
                    else
                        heap::partialSort(idx, static_cast<std::size_t>(k),
                            [&](int x, int y) { return classScore(i, x) > classScore(i, y); });
                    idx.resize(static_cast<std::size_t>(k));
                }
                maxScore[i] = classScore(i, idx[0]);
            }
            const auto selected = nonMaxSuppression(boxes, maxScore, p.maxDetections, p);
            int counter = 0;
            for (std::size_t n = 0; n < selected.size(); ++n) {
                const auto anchor = static_cast<std::size_t>(selected[n]);
                for (int c = 0; c < k; ++c) {
                    // tflite-micro counts every written pair into the slot position.
                    const int slot = p.micro ? k * counter + c : p.maxClassesPerDetection * static_cast<int>(n) + c;
                    if (slot < D)
                        write(slot, anchor, best[anchor][static_cast<std::size_t>(c)],
                            classScore(anchor, best[anchor][static_cast<std::size_t>(c)]));
                    ++counter;
                }
            }
            detections = p.micro ? counter : static_cast<int>(selected.size());
        } else {
            const int perClass = std::min(p.detectionsPerClass, p.maxDetections);
            struct Entry {
                float score;
                std::size_t anchor;
                int classId;
            };
            std::vector<Entry> merged;
            std::vector<float> column(static_cast<std::size_t>(N));
            for (int c = 0; c < C; ++c) {
                for (std::size_t i = 0; i < column.size(); ++i)
                    column[i] = classScore(i, c);
                std::vector<Entry> fresh;
                for (const int i : nonMaxSuppression(boxes, column, perClass, p))
                    fresh.push_back({column[static_cast<std::size_t>(i)], static_cast<std::size_t>(i), c});
                // Stable merge: on equal scores the earlier classes stay first.
                std::vector<Entry> out;
                std::merge(merged.begin(), merged.end(), fresh.begin(), fresh.end(), std::back_inserter(out),
                    [](const Entry& x, const Entry& y) { return x.score > y.score; });
                if (out.size() > static_cast<std::size_t>(p.maxDetections))
                    out.resize(static_cast<std::size_t>(p.maxDetections));
                merged = std::move(out);
            }
            for (std::size_t s = 0; s < merged.size(); ++s)
                write(static_cast<int>(s), merged[s].anchor, merged[s].classId, merged[s].score);
            detections = static_cast<int>(merged.size());
        }
        *tensorAt(rc, numO).as<float>() = static_cast<float>(detections);
        return {};
    });
}

} // namespace ql::exec
