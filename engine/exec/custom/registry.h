// SPDX-License-Identifier: MIT
// Custom operators that ship inside common models (TFLite's detection post-processing, MediaPipe's
// and tflite-micro's operators, ...). Each lives in one file of this folder and has one line in
// registry.cpp; the interpreter finds them by their custom code.
#pragma once

#include "exec/kernel.h"

#include <string>
#include <string_view>
#include <vector>

namespace ql::exec {

struct CustomKernelInfo {
    const char* code; // the custom code in the model ("TFLite_Detection_PostProcess")
    PrepareFn prepare;
    unsigned traits; // OpTrait bits
    const char* origin; // who defines it, for messages and documentation
    // Inputs (bit k = input k) the kernel reads only as the quantized codes of the file (it has no
    // float form): a dequantized graph keeps a QUANTIZE to the file's type and parameters before them.
    unsigned codeInputs = 0;
};

const std::vector<CustomKernelInfo>& customKernelTable();
const CustomKernelInfo* findCustomKernel(std::string_view code);

// Why a custom operator cannot run: TensorFlow (Flex) operators, the Edge TPU's compiled blob, or
// an operator QuantLens does not know.
std::string customOpUnsupportedReason(const std::string& code);

} // namespace ql::exec
