// SPDX-License-Identifier: MIT
// Operators that move elements without changing them: DEPTH_TO_SPACE, SPACE_TO_DEPTH,
// SPACE_TO_BATCH_ND, BATCH_TO_SPACE_ND, MIRROR_PAD, REVERSE_V2, TILE, BROADCAST_TO. Every element type
// LiteRT moves, quantized tensors with their parameters, ranks 1 to 5 and size-1 dimensions.
#include "exec/op_cases.h"

namespace ql::test {

using DT = model::DType;
using Op = tflite::BuiltinOperator;

namespace {

OpSpec depthToSpace(int block)
{
    tflite::DepthToSpaceOptionsT o;
    o.block_size = block;
    return builtin(Op::DEPTH_TO_SPACE, opts(o));
}

OpSpec spaceToDepth(int block)
{
    tflite::SpaceToDepthOptionsT o;
    o.block_size = block;
    return builtin(Op::SPACE_TO_DEPTH, opts(o));
}

OpSpec mirrorPad(tflite::MirrorPadMode mode)
{
    tflite::MirrorPadOptionsT o;
    o.mode = mode;
    return builtin(Op::MIRROR_PAD, opts(o));
}

const auto kReflect = tflite::MirrorPadMode::REFLECT;
const auto kSymmetric = tflite::MirrorPadMode::SYMMETRIC;

} // namespace

std::vector<OpCase> layoutCases()
{
    const OpSpec s2b = builtin(Op::SPACE_TO_BATCH_ND, opts(tflite::SpaceToBatchNDOptionsT{}));
    const OpSpec b2s = builtin(Op::BATCH_TO_SPACE_ND, opts(tflite::BatchToSpaceNDOptionsT{}));
    const OpSpec reverse = builtin(Op::REVERSE_V2, opts(tflite::ReverseV2OptionsT{}));
    const OpSpec tile = builtin(Op::TILE, opts(tflite::TileOptionsT{}));
    // LiteRT registers BROADCAST_TO from version 2.
    const OpSpec broadcast = builtin(Op::BROADCAST_TO, opts(tflite::BroadcastToOptionsT{}), 2);
    return {
        // DEPTH_TO_SPACE: XNNPACK takes float and quantized 8-bit with block > 1, TFLite the rest.
        {"DEPTH_TO_SPACE float", depthToSpace(2), {f32({1, 2, 3, 8})}, {f32({1, 4, 6, 2})}},
        {"DEPTH_TO_SPACE float block 3 batch 2", depthToSpace(3), {f32({2, 3, 1, 18})}, {f32({2, 9, 3, 2})}},
        {"DEPTH_TO_SPACE int8", depthToSpace(2), {q({1, 3, 2, 12}, DT::Int8, 0.1f, -3)},
            {q({1, 6, 4, 3}, DT::Int8, 0.1f, -3)}},
        {"DEPTH_TO_SPACE uint8", depthToSpace(2), {q({2, 1, 3, 4}, DT::UInt8, 0.05f, 130)},
            {q({2, 2, 6, 1}, DT::UInt8, 0.05f, 130)}},
        {"DEPTH_TO_SPACE int64", depthToSpace(3), {typed({1, 2, 1, 9}, DT::Int64)}, {typed({1, 6, 3, 1}, DT::Int64)}},
        OpCase("DEPTH_TO_SPACE int8 requantizing", depthToSpace(2), {q({1, 2, 2, 4}, DT::Int8, 0.1f, 0)},
            {q({1, 4, 4, 1}, DT::Int8, 0.2f, 0)})
            .refused("quantized alike"),
        OpCase(
            "DEPTH_TO_SPACE int16", depthToSpace(2), {typed({1, 2, 2, 4}, DT::Int16)}, {typed({1, 4, 4, 1}, DT::Int16)})
            .refused("not int16"),
        OpCase("DEPTH_TO_SPACE rank 3", depthToSpace(2), {f32({2, 2, 4})}, {f32({4, 4, 1})}).refused("rank 4"),

        {"SPACE_TO_DEPTH float block 3 batch 2", spaceToDepth(3), {f32({2, 6, 3, 1})}, {f32({2, 2, 1, 9})}},
        {"SPACE_TO_DEPTH int8", spaceToDepth(2), {q({1, 2, 4, 5}, DT::Int8, 0.1f, 4)},
            {q({1, 1, 2, 20}, DT::Int8, 0.1f, 4)}},
        {"SPACE_TO_DEPTH uint8", spaceToDepth(3), {q({1, 3, 3, 2}, DT::UInt8, 0.02f, 7)},
            {q({1, 1, 1, 18}, DT::UInt8, 0.02f, 7)}},
        {"SPACE_TO_DEPTH int64", spaceToDepth(2), {typed({1, 4, 2, 3}, DT::Int64)}, {typed({1, 2, 1, 12}, DT::Int64)}},
        OpCase("SPACE_TO_DEPTH height not a multiple", spaceToDepth(2), {f32({1, 3, 4, 1})}, {f32({1, 1, 2, 4})})
            .refused("multiples of 2"),
        OpCase("SPACE_TO_DEPTH uint8 requantizing", spaceToDepth(2), {q({1, 2, 2, 1}, DT::UInt8, 0.1f, 3)},
            {q({1, 1, 1, 4}, DT::UInt8, 0.1f, 4)})
            .refused("quantized alike"),

        // SPACE_TO_BATCH_ND: padding takes the output zero point (8-bit) or 0.
        {"SPACE_TO_BATCH_ND float padded batch 2", s2b,
            {f32({2, 5, 4, 2}), i32({2}, {2, 2}), i32({2, 2}, {1, 0, 0, 2})}, {f32({8, 3, 3, 2})}},
        {"SPACE_TO_BATCH_ND float rank 3", s2b, {f32({2, 5, 3}), i32({1}, {2}), i32({1, 2}, {1, 0})}, {f32({4, 3, 3})}},
        {"SPACE_TO_BATCH_ND int8 padded", s2b,
            {q({2, 3, 3, 1}, DT::Int8, 0.1f, -5), i32({2}, {2, 2}), i32({2, 2}, {1, 0, 0, 1})},
            {q({8, 2, 2, 1}, DT::Int8, 0.1f, -5)}},
        {"SPACE_TO_BATCH_ND uint8 padded", s2b,
            {q({1, 2, 3, 2}, DT::UInt8, 0.1f, 77), i32({2}, {3, 2}), i32({2, 2}, {0, 1, 1, 0})},
            {q({6, 1, 2, 2}, DT::UInt8, 0.1f, 77)}},
        {"SPACE_TO_BATCH_ND int16 padded", s2b,
            {q({1, 3, 2, 2}, DT::Int16, 0.001f, 0), i32({2}, {2, 1}), i32({2, 2}, {0, 1, 0, 0})},
            {q({2, 2, 2, 2}, DT::Int16, 0.001f, 0)}},
        OpCase("SPACE_TO_BATCH_ND rank 5", s2b,
            {f32({1, 2, 2, 2, 1}), i32({3}, {2, 2, 2}), i32({3, 2}, {0, 0, 0, 0, 0, 0})}, {f32({8, 1, 1, 1, 1})})
            .refused("rank"),
        OpCase("SPACE_TO_BATCH_ND int16 zero point", s2b,
            {q({1, 2, 2, 1}, DT::Int16, 0.01f, 3), i32({2}, {2, 2}), i32({2, 2}, {0, 0, 0, 0})},
            {q({4, 1, 1, 1}, DT::Int16, 0.01f, 3)})
            .refused("zero point 0"),
        OpCase("SPACE_TO_BATCH_ND rank 4 one block dimension", s2b,
            {f32({1, 4, 3, 2}), i32({1}, {2}), i32({1, 2}, {0, 0})}, {f32({2, 2, 3, 2})})
            .refused("do not fit"),

        {"BATCH_TO_SPACE_ND float cropped", b2s, {f32({12, 3, 3, 1}), i32({2}, {2, 3}), i32({2, 2}, {1, 0, 0, 2})},
            {f32({2, 5, 7, 1})}},
        {"BATCH_TO_SPACE_ND float rank 3", b2s, {f32({4, 3, 2}), i32({1}, {2}), i32({1, 2}, {0, 1})}, {f32({2, 5, 2})}},
        {"BATCH_TO_SPACE_ND int8", b2s,
            {q({6, 2, 2, 3}, DT::Int8, 0.1f, 9), i32({2}, {3, 2}), i32({2, 2}, {1, 1, 0, 1})},
            {q({1, 4, 3, 3}, DT::Int8, 0.1f, 9)}},
        {"BATCH_TO_SPACE_ND uint8", b2s,
            {q({4, 1, 3, 1}, DT::UInt8, 0.3f, 128), i32({2}, {1, 4}), i32({2, 2}, {0, 0, 2, 1})},
            {q({1, 1, 9, 1}, DT::UInt8, 0.3f, 128)}},

        // MIRROR_PAD: REFLECT pads up to dim - 1, SYMMETRIC up to dim.
        {"MIRROR_PAD REFLECT float", mirrorPad(kReflect), {f32({3, 4}), i32({2, 2}, {1, 2, 2, 3})}, {f32({6, 9})}},
        {"MIRROR_PAD SYMMETRIC float", mirrorPad(kSymmetric), {f32({3, 4}), i32({2, 2}, {3, 3, 4, 0})}, {f32({9, 8})}},
        {"MIRROR_PAD REFLECT int8 rank 4", mirrorPad(kReflect),
            {q({1, 3, 5, 2}, DT::Int8, 0.1f, -4), i32({4, 2}, {0, 0, 2, 1, 1, 4, 0, 0})},
            {q({1, 6, 10, 2}, DT::Int8, 0.1f, -4)}},
        {"MIRROR_PAD SYMMETRIC uint8 rank 3", mirrorPad(kSymmetric),
            {q({2, 3, 1}, DT::UInt8, 0.1f, 100), i32({3, 2}, {2, 1, 0, 3, 1, 1})},
            {q({5, 6, 3}, DT::UInt8, 0.1f, 100)}},
        {"MIRROR_PAD SYMMETRIC int32 rank 1", mirrorPad(kSymmetric), {typed({5}, DT::Int32), i32({1, 2}, {3, 5})},
            {typed({13}, DT::Int32)}},
        {"MIRROR_PAD REFLECT int64 rank 5 int64 paddings", mirrorPad(kReflect),
            {typed({2, 1, 3, 2, 3}, DT::Int64), i64({5, 2}, {1, 0, 0, 0, 2, 1, 1, 1, 0, 2})},
            {typed({3, 1, 6, 4, 5}, DT::Int64)}},
        OpCase(
            "MIRROR_PAD REFLECT too wide", mirrorPad(kReflect), {f32({3, 4}), i32({2, 2}, {3, 0, 0, 0})}, {f32({6, 4})})
            .refused("out of range"),

        // REVERSE_V2: one or several axes, negative axes.
        {"REVERSE_V2 float rank 4 axis 1", reverse, {f32({2, 3, 4, 5}), i32({1}, {1})}, {f32({2, 3, 4, 5})}},
        {"REVERSE_V2 int8 two axes", reverse, {q({3, 4, 5}, DT::Int8, 0.1f, 2), i32({2}, {1, 0})},
            {q({3, 4, 5}, DT::Int8, 0.1f, 2)}},
        {"REVERSE_V2 int16 rank 5", reverse, {typed({2, 1, 3, 2, 3}, DT::Int16), i32({3}, {-3, 3, 4})},
            {typed({2, 1, 3, 2, 3}, DT::Int16)}},
        {"REVERSE_V2 int32 size-1 axis", reverse, {typed({4, 1, 3}, DT::Int32), i32({1}, {1})},
            {typed({4, 1, 3}, DT::Int32)}},
        {"REVERSE_V2 bool", reverse, {typed({4, 3}, DT::Bool), i32({1}, {1})}, {typed({4, 3}, DT::Bool)}},
        OpCase("REVERSE_V2 axes not contiguous", reverse, {f32({3, 4, 5}), i32({2}, {0, 2})}, {f32({3, 4, 5})})
            .refused("contiguous"),
        OpCase("REVERSE_V2 int64 axes", reverse, {f32({3, 4}), i64({1}, {0})}, {f32({3, 4})}).refused("int32"),

        // TILE: multiples int32 or int64.
        {"TILE float", tile, {f32({2, 3}), i32({2}, {2, 3})}, {f32({4, 9})}},
        {"TILE int8 rank 4", tile, {q({1, 2, 1, 3}, DT::Int8, 0.1f, 1), i32({4}, {2, 1, 3, 2})},
            {q({2, 2, 3, 6}, DT::Int8, 0.1f, 1)}},
        {"TILE int32 rank 5", tile, {typed({1, 2, 1, 2, 3}, DT::Int32), i32({5}, {2, 1, 2, 1, 2})},
            {typed({2, 2, 2, 2, 6}, DT::Int32)}},
        {"TILE int64 int64 multiples", tile, {typed({2, 3}, DT::Int64), i64({2}, {2, 2})}, {typed({4, 6}, DT::Int64)}},
        {"TILE bool", tile, {typed({3}, DT::Bool), i32({1}, {4})}, {typed({12}, DT::Bool)}},

        // BROADCAST_TO: size-1 and missing leading dimensions repeat.
        {"BROADCAST_TO float scalar", broadcast, {f32({}), i32({2}, {2, 3})}, {f32({2, 3})}},
        {"BROADCAST_TO int8", broadcast, {q({1, 4}, DT::Int8, 0.1f, 0), i32({2}, {3, 4})},
            {q({3, 4}, DT::Int8, 0.1f, 0)}},
        {"BROADCAST_TO uint8 rank 5", broadcast, {typed({2, 1, 3}, DT::UInt8), i32({5}, {2, 1, 2, 4, 3})},
            {typed({2, 1, 2, 4, 3}, DT::UInt8)}},
        {"BROADCAST_TO int64 int64 shape", broadcast, {typed({2, 1}, DT::Int64), i64({3}, {3, 2, 5})},
            {typed({3, 2, 5}, DT::Int64)}},
        {"BROADCAST_TO bool", broadcast, {typed({1, 3}, DT::Bool), i32({2}, {4, 3})}, {typed({4, 3}, DT::Bool)}},
        OpCase("BROADCAST_TO incompatible", broadcast, {f32({2, 3}), i32({2}, {4, 3})}, {f32({4, 3})})
            .refused("cannot broadcast"),
    };
}

} // namespace ql::test
