// SPDX-License-Identifier: MIT
#include "common/model_facts.h"

#include <algorithm>
#include <filesystem>

namespace ql::test {

std::string modelsDir()
{
    return QL_SHARED_MODELS_DIR;
}

std::string modelPath(const std::string& file)
{
    return modelsDir() + "/" + file;
}

std::vector<std::string> allModelFiles()
{
    std::vector<std::string> out;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(modelsDir(), ec);
         it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->path().extension() == ".tflite")
            out.push_back(it->path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

const std::vector<ModelFact>& modelFacts()
{
    using I = IoFact;
    static const std::vector<ModelFact> facts = {
        {"hello_world_twin_float32.tflite", {{"FULLY_CONNECTED", 3}}, {I{{1, 1}, "float32", {}, {}}},
            {I{{1, 1}, "float32", {}, {}}}, "float32"},
        {"hello_world_twin_int8.tflite", {{"FULLY_CONNECTED", 3}}, {I{{1, 1}, "int8", 0.024574, -128}},
            {I{{1, 1}, "int8", 0.008472, 4}}, "int8"},
        {"hello_world_twin_int8_floatio.tflite", {{"QUANTIZE", 1}, {"FULLY_CONNECTED", 3}, {"DEQUANTIZE", 1}},
            {I{{1, 1}, "float32", {}, {}}}, {I{{1, 1}, "float32", {}, {}}}, "int8"},
        {"mnist_lstm_float32.tflite",
            {{"UNIDIRECTIONAL_SEQUENCE_LSTM", 1}, {"RESHAPE", 1}, {"FULLY_CONNECTED", 1}, {"SOFTMAX", 1}},
            {I{{1, 28, 28}, "float32", {}, {}}}, {I{{1, 10}, "float32", {}, {}}}, "float32"},
        {"mnist_lstm_int8.tflite",
            {{"UNIDIRECTIONAL_SEQUENCE_LSTM", 1}, {"RESHAPE", 1}, {"FULLY_CONNECTED", 1}, {"SOFTMAX", 1}},
            {I{{1, 28, 28}, "int8", 1.0 / 255, -128}}, {I{{1, 10}, "int8", 1.0 / 256, -128}}, "int8"},
        {"mnist_cnn_float32.tflite",
            {{"SHAPE", 1}, {"STRIDED_SLICE", 1}, {"PACK", 1}, {"RESHAPE", 2}, {"CONV_2D", 1}, {"MAX_POOL_2D", 1},
                {"FULLY_CONNECTED", 1}},
            {I{{1, 28, 28}, "float32", {}, {}}}, {I{{1, 10}, "float32", {}, {}}}, "float32"},
        {"mnist_cnn_dynrange.tflite",
            {{"SHAPE", 1}, {"STRIDED_SLICE", 1}, {"PACK", 1}, {"RESHAPE", 2}, {"CONV_2D", 1}, {"MAX_POOL_2D", 1},
                {"FULLY_CONNECTED", 1}},
            {I{{1, 28, 28}, "float32", {}, {}}}, {I{{1, 10}, "float32", {}, {}}}, "dynamic-range"},
        {"kws_dscnn_dynrange.tflite",
            {{"CONV_2D", 5}, {"DEPTHWISE_CONV_2D", 4}, {"AVERAGE_POOL_2D", 1}, {"RESHAPE", 1}, {"FULLY_CONNECTED", 1},
                {"SOFTMAX", 1}},
            {I{{1, 49, 10, 1}, "float32", {}, {}}}, {I{{1, 12}, "float32", {}, {}}}, "dynamic-range"},
        {"kws_dscnn_int8.tflite",
            {{"CONV_2D", 5}, {"DEPTHWISE_CONV_2D", 4}, {"AVERAGE_POOL_2D", 1}, {"RESHAPE", 1}, {"FULLY_CONNECTED", 1},
                {"SOFTMAX", 1}},
            {I{{1, 49, 10, 1}, "int8", 0.584703, 83}}, {I{{1, 12}, "int8", 1.0 / 256, -128}}, "int8"},
        {"resnet8_cifar10_float32.tflite",
            {{"CONV_2D", 9}, {"ADD", 3}, {"AVERAGE_POOL_2D", 1}, {"RESHAPE", 1}, {"FULLY_CONNECTED", 1},
                {"SOFTMAX", 1}},
            {I{{1, 32, 32, 3}, "float32", {}, {}}}, {I{{1, 10}, "float32", {}, {}}}, "float32"},
        {"resnet8_cifar10_int8.tflite",
            {{"CONV_2D", 9}, {"ADD", 3}, {"AVERAGE_POOL_2D", 1}, {"RESHAPE", 1}, {"FULLY_CONNECTED", 1},
                {"SOFTMAX", 1}},
            {I{{1, 32, 32, 3}, "int8", 1.0, -128}}, {I{{1, 10}, "int8", 1.0 / 256, -128}}, "int8"},
        {"ad01_autoencoder_float32.tflite", {{"FULLY_CONNECTED", 10}}, {I{{1, 640}, "float32", {}, {}}},
            {I{{1, 640}, "float32", {}, {}}}, "float32"},
        {"ad01_autoencoder_dynrange.tflite", {{"FULLY_CONNECTED", 10}}, {I{{1, 640}, "float32", {}, {}}},
            {I{{1, 640}, "float32", {}, {}}}, "dynamic-range"},
        {"ad01_autoencoder_int8.tflite", {{"FULLY_CONNECTED", 10}}, {I{{1, 640}, "int8", 0.391015, 89}},
            {I{{1, 640}, "int8", 0.364498, 96}}, "int8"},
        {"ad01_autoencoder_int8_floatio.tflite", {{"QUANTIZE", 1}, {"FULLY_CONNECTED", 10}, {"DEQUANTIZE", 1}},
            {I{{1, 640}, "float32", {}, {}}}, {I{{1, 640}, "float32", {}, {}}}, "int8"},
        {"vww_mobilenet_v1_025_96_float32.tflite",
            {{"CONV_2D", 14}, {"DEPTHWISE_CONV_2D", 13}, {"AVERAGE_POOL_2D", 1}, {"RESHAPE", 1}, {"FULLY_CONNECTED", 1},
                {"SOFTMAX", 1}},
            {I{{1, 96, 96, 3}, "float32", {}, {}}}, {I{{1, 2}, "float32", {}, {}}}, "float32"},
        {"vww_mobilenet_v1_025_96_int8.tflite",
            {{"CONV_2D", 14}, {"DEPTHWISE_CONV_2D", 13}, {"AVERAGE_POOL_2D", 1}, {"RESHAPE", 1}, {"FULLY_CONNECTED", 1},
                {"SOFTMAX", 1}},
            {I{{1, 96, 96, 3}, "int8", 1.0 / 255, -128}}, {I{{1, 2}, "int8", 1.0 / 256, -128}}, "int8"},
        {"mobilenet_v1_025_224_float32.tflite",
            {{"CONV_2D", 15}, {"DEPTHWISE_CONV_2D", 13}, {"AVERAGE_POOL_2D", 1}, {"SQUEEZE", 1}, {"SOFTMAX", 1}},
            {I{{1, 224, 224, 3}, "float32", {}, {}}}, {I{{1, 1001}, "float32", {}, {}}}, "float32"},
        {"mobilenet_v1_025_224_uint8.tflite",
            {{"CONV_2D", 15}, {"DEPTHWISE_CONV_2D", 13}, {"AVERAGE_POOL_2D", 1}, {"RESHAPE", 1}, {"SOFTMAX", 1}},
            {I{{1, 224, 224, 3}, "uint8", 1.0 / 128, 128}}, {I{{1, 1001}, "uint8", 1.0 / 256, 0}}, "uint8"},
        {"mobilenet_v2_100_224_int8_uint8io.tflite",
            {{"QUANTIZE", 2}, {"CONV_2D", 36}, {"DEPTHWISE_CONV_2D", 17}, {"ADD", 10}, {"MEAN", 1}, {"RESHAPE", 1},
                {"SOFTMAX", 1}},
            {I{{1, 224, 224, 3}, "uint8", 0.007843, 127}}, {I{{1, 1001}, "uint8", 1.0 / 256, 0}}, "int8"},
        {"mobilenet_v2_035_96_embedder_dynrange.tflite",
            {{"MUL", 1}, {"SUB", 1}, {"CONV_2D", 35}, {"DEPTHWISE_CONV_2D", 17}, {"ADD", 10}, {"AVERAGE_POOL_2D", 1},
                {"RESHAPE", 1}},
            {I{{1, 96, 96, 3}, "float32", {}, {}}}, {I{{1, 1280}, "float32", {}, {}}}, "dynamic-range"},
        {"fashion_mnist_cnn_dynrange.tflite",
            {{"CONV_2D", 2}, {"MAX_POOL_2D", 2}, {"RESHAPE", 1}, {"FULLY_CONNECTED", 2}, {"SOFTMAX", 1}},
            {I{{1, 28, 28, 1}, "float32", {}, {}}}, {I{{1, 10}, "float32", {}, {}}}, "dynamic-range"},
        {"blazeface_short_range_float16.tflite",
            {{"DEQUANTIZE", 74}, {"CONV_2D", 21}, {"DEPTHWISE_CONV_2D", 16}, {"ADD", 16}, {"RELU", 17}, {"PAD", 11},
                {"MAX_POOL_2D", 3}, {"RESHAPE", 4}, {"CONCATENATION", 2}},
            {I{{1, 128, 128, 3}, "float32", {}, {}}},
            {I{{1, 896, 16}, "float32", {}, {}}, I{{1, 896, 1}, "float32", {}, {}}}, "float16"},
        {"conv_tiny_float16.tflite", {{"DEQUANTIZE", 2}, {"CONV_2D", 1}}, {I{{1, 5, 5, 3}, "float32", {}, {}}},
            {I{{1, 5, 5, 16}, "float32", {}, {}}}, "float16"},
        {"mobilenet_like_tiny_float32.tflite",
            {{"CONV_2D", 2}, {"DEPTHWISE_CONV_2D", 1}, {"AVERAGE_POOL_2D", 1}, {"MAX_POOL_2D", 1}, {"SOFTMAX", 1}},
            {I{{1, 5, 5, 3}, "float32", {}, {}}}, {I{{1, 1, 1, 3}, "float32", {}, {}}}, "float32"},
        {"seanet_conv0_16x8.tflite", {{"CONV_2D", 1}}, {I{{1, 8, 166, 2}, "int16", 0.000881, 0}},
            {I{{1, 2, 160, 8}, "int16", 0.001749, 0}}, "16x8"},
        {"seanet_conv4_16x8.tflite", {{"CONV_2D", 1}}, {I{{1, 4, 82, 16}, "int16", 0.005959, 0}},
            {I{{1, 1, 40, 32}, "int16", 0.014597, 0}}, "16x8"},
    };
    return facts;
}

} // namespace ql::test
