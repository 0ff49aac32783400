// SPDX-License-Identifier: MIT
// NON_MAX_SUPPRESSION_V4 (hard) and _V5 (soft, Gaussian decay), as LiteRT computes them: candidates
// above the score threshold in a priority queue (ties in the C++ library's heap order), a box dropped
// when its IoU with a selected one reaches the threshold, the output padded with index 0 / score 0.
// Like LiteRT, a candidate is pushed back after selection, so a box of zero area can be selected
// again (its IoU with itself is 0).
#include "exec/kernels/common.h"

#include "exec/heap_order.h"

#include <cmath>

namespace ql::exec {

namespace {

using model::DType;

float boxIou(const float* a, const float* b)
{
    const float ay0 = std::min(a[0], a[2]), ay1 = std::max(a[0], a[2]);
    const float ax0 = std::min(a[1], a[3]), ax1 = std::max(a[1], a[3]);
    const float by0 = std::min(b[0], b[2]), by1 = std::max(b[0], b[2]);
    const float bx0 = std::min(b[1], b[3]), bx1 = std::max(b[1], b[3]);
    const float areaA = (ay1 - ay0) * (ax1 - ax0);
    const float areaB = (by1 - by0) * (bx1 - bx0);
    if (areaA <= 0 || areaB <= 0)
        return 0.0f;
    const float ih = std::max(std::min(ay1, by1) - std::max(ay0, by0), 0.0f);
    const float iw = std::max(std::min(ax1, bx1) - std::max(ax0, bx0), 0.0f);
    const float inter = ih * iw;
    return inter / ((areaA + areaB) - inter);
}

struct Candidate {
    std::int32_t index;
    float score;
    int begin;
};

} // namespace

Prepared prepareNonMaxSuppression(NodeContext& ctx)
{
    const bool v5 = ctx.graph.opcodeOf(ctx.op) == tflite::BuiltinOperator::NON_MAX_SUPPRESSION_V5;
    if (auto st = ctx.expectArity(v5 ? 6 : 5, v5 ? 6 : 5, v5 ? 3 : 2); !st)
        return st.error();
    const RtTensor& boxes = ctx.in(0);
    const RtTensor& scores = ctx.in(1);
    if (boxes.dtype != DType::Float32 || boxes.rank() != 2 || boxes.dim(1) != 4)
        return ctx.fail("boxes must be float32 [N, 4], got " + shapeText(boxes.shape));
    if (scores.dtype != DType::Float32 || scores.rank() != 1 || scores.dim(0) != boxes.dim(0))
        return ctx.fail("scores must be float32 [N] for " + std::to_string(boxes.dim(0)) + " boxes");
    if (ctx.in(2).dtype != DType::Int32 || ctx.in(2).rank() != 0)
        return ctx.fail("max_output_size must be an int32 scalar");
    for (int i = 3; i < (v5 ? 6 : 5); ++i)
        if (ctx.in(i).dtype != DType::Float32 || ctx.in(i).rank() != 0)
            return ctx.fail("thresholds must be float32 scalars");
    const RtTensor* maxOut = ctx.valueOf(2);
    if (!maxOut)
        return ctx.deferred();
    const std::int32_t M = *maxOut->as<std::int32_t>();
    if (M < 0)
        return ctx.fail("max_output_size is negative");
    if (ctx.out(0).dtype != DType::Int32 || ctx.out(v5 ? 2 : 1).dtype != DType::Int32 ||
        (v5 && ctx.out(1).dtype != DType::Float32))
        return ctx.unsupported();
    if (auto st = ctx.setOutputShape(0, {M}); !st)
        return st.error();
    if (v5)
        if (auto st = ctx.setOutputShape(1, {M}); !st)
            return st.error();
    if (auto st = ctx.setOutputShape(v5 ? 2 : 1, {}); !st)
        return st.error();
    const int bi = ctx.inputIndex(0), si = ctx.inputIndex(1), ioui = ctx.inputIndex(3), sti = ctx.inputIndex(4);
    const int sigi = v5 ? ctx.inputIndex(5) : -1;
    const int oi = ctx.outputIndex(0), os = v5 ? ctx.outputIndex(1) : -1, on = ctx.outputIndex(v5 ? 2 : 1);
    const std::int64_t N = boxes.dim(0);
    return makeKernel([=](const RunContext& rc) -> Status {
        const float* box = tensorAt(rc, bi).as<float>();
        const float* score = tensorAt(rc, si).as<float>();
        const float iouThreshold = *tensorAt(rc, ioui).as<float>();
        const float scoreThreshold = *tensorAt(rc, sti).as<float>();
        const float sigma = sigi >= 0 ? *tensorAt(rc, sigi).as<float>() : 0.0f;
        if (sigma < 0)
            return Error{"the soft-NMS sigma must not be negative"};
        std::int32_t* indices = tensorAt(rc, oi).as<std::int32_t>();
        float* selectedScores = os >= 0 ? tensorAt(rc, os).as<float>() : nullptr;
        auto less = [](const Candidate& a, const Candidate& b) { return a.score < b.score; };
        heap::PriorityQueue<Candidate, decltype(less)> queue(less);
        std::int64_t candidates = 0;
        for (std::int64_t i = 0; i < N; ++i)
            if (score[i] > scoreThreshold) {
                queue.push({static_cast<std::int32_t>(i), score[i], 0});
                ++candidates;
            }
        const std::int64_t limit = std::min<std::int64_t>(candidates, M);
        const float scale = sigma > 0 ? static_cast<float>(-0.5 / static_cast<double>(sigma)) : 0.0f;
        std::vector<std::int32_t> selected;
        std::vector<float> kept;
        while (static_cast<std::int64_t>(selected.size()) < limit && !queue.empty()) {
            Candidate c = queue.top();
            queue.pop();
            const float original = c.score;
            bool suppressed = false;
            for (int j = static_cast<int>(selected.size()) - 1; j >= c.begin; --j) {
                const float iou = boxIou(box + c.index * 4, box + selected[static_cast<std::size_t>(j)] * 4);
                if (iou >= iouThreshold) {
                    suppressed = true;
                    break;
                }
                if (sigma > 0)
                    c.score = c.score * std::exp((scale * iou) * iou); // expf, as LiteRT (float overload)
                if (c.score <= scoreThreshold)
                    break;
            }
            c.begin = static_cast<int>(selected.size());
            if (suppressed)
                continue;
            if (c.score == original) {
                selected.push_back(c.index);
                kept.push_back(c.score);
            }
            if (c.score > scoreThreshold)
                queue.push(c);
        }
        for (std::int32_t k = 0; k < M; ++k) {
            const bool used = k < static_cast<std::int32_t>(selected.size());
            indices[k] = used ? selected[static_cast<std::size_t>(k)] : 0;
            if (selectedScores)
                selectedScores[k] = used ? kept[static_cast<std::size_t>(k)] : 0.0f;
        }
        *tensorAt(rc, on).as<std::int32_t>() = static_cast<std::int32_t>(selected.size());
        return {};
    });
}

} // namespace ql::exec
