// SPDX-License-Identifier: MIT
#include "exec/custom/registry.h"

#include "exec/custom/custom_ops.h"

#include <algorithm>

namespace ql::exec {

const std::vector<CustomKernelInfo>& customKernelTable()
{
    constexpr unsigned pure = static_cast<unsigned>(OpTrait::Foldable);
    static const std::vector<CustomKernelInfo> table = {
        {"TFLite_Detection_PostProcess", prepareDetectionPostProcess, pure, "TensorFlow Lite"},
        {"Convolution2DTransposeBias", prepareTransposeConvBias, pure, "MediaPipe"},
        {"MaxPoolingWithArgmax2D", prepareMaxPoolingWithArgmax, pure, "MediaPipe"},
        {"MaxUnpooling2D", prepareMaxUnpooling, pure, "MediaPipe"},
        {"Landmarks2TransformMatrix", prepareLandmarksToTransformMatrix, pure, "MediaPipe"},
        {"TransformTensorBilinear", prepareTransformTensorBilinear, pure, "MediaPipe"},
        {"TransformLandmarks", prepareTransformLandmarks, pure, "MediaPipe"},
        {"PosenetDecoderOp", preparePosenetDecoder, pure, "Coral"},
        {"ResizeArgmax", prepareResizeArgmax, pure, "MLPerf Mobile", 1u << 0},
        {"SignalWindow", prepareSignalWindow, pure, "tflite-micro"},
        {"SignalFftAutoScale", prepareSignalFftAutoScale, pure, "tflite-micro"},
        {"SignalRfft", prepareSignalRfft, pure, "tflite-micro"},
        {"SignalEnergy", prepareSignalEnergy, pure, "tflite-micro"},
        {"SignalFilterBank", prepareSignalFilterBank, pure, "tflite-micro"},
        {"SignalFilterBankSquareRoot", prepareSignalFilterBankSquareRoot, pure, "tflite-micro"},
        // Keeps a noise estimate from one invoke to the next (signal_noise.cpp): never folded.
        {"SignalFilterBankSpectralSubtraction", prepareSignalFilterBankSpectralSubtraction, 0, "tflite-micro"},
        {"SignalPCAN", prepareSignalPcan, pure, "tflite-micro"},
        {"SignalFilterBankLog", prepareSignalFilterBankLog, pure, "tflite-micro"},
    };
    return table;
}

const CustomKernelInfo* findCustomKernel(std::string_view code)
{
    const auto& t = customKernelTable();
    const auto it = std::find_if(t.begin(), t.end(), [&](const CustomKernelInfo& k) { return code == k.code; });
    return it == t.end() ? nullptr : &*it;
}

std::string customOpUnsupportedReason(const std::string& code)
{
    if (code.rfind("Flex", 0) == 0)
        return "custom operator '" + code +
            "' is a TensorFlow operator (select TF ops, 'Flex'): it needs TensorFlow itself (LiteRT's Flex "
            "delegate) and QuantLens cannot run it";
    if (code == "edgetpu-custom-op")
        return "custom operator 'edgetpu-custom-op' is a graph compiled for the Edge TPU: only the Edge TPU "
               "runtime can run it";
    std::string known;
    for (const auto& k : customKernelTable())
        known += (known.empty() ? "" : ", ") + std::string(k.code);
    return "custom operator '" + code + "' is not known to QuantLens (it runs: " + known + ")";
}

} // namespace ql::exec
