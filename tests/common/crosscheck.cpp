// SPDX-License-Identifier: MIT
#include "common/crosscheck.h"

namespace ql::test {

const std::vector<CrossCheckModel>& crossCheckModels()
{
    using K = ModelKind;
    static const std::vector<CrossCheckModel> models = {
        {"hello_world_twin_float32.tflite", K::Float, 0.0f, 6.28f},
        {"hello_world_twin_int8.tflite", K::Integer, 0, 0},
        {"hello_world_twin_int8_floatio.tflite", K::Integer, 0.0f, 6.28f},
        {"mnist_cnn_float32.tflite", K::Float, 0.0f, 1.0f},
        {"mnist_cnn_dynrange.tflite", K::Hybrid, 0.0f, 1.0f},
        {"kws_dscnn_dynrange.tflite", K::Hybrid, -30.0f, 30.0f},
        {"kws_dscnn_int8.tflite", K::Integer, 0, 0},
        {"resnet8_cifar10_float32.tflite", K::Float, 0.0f, 255.0f},
        {"resnet8_cifar10_int8.tflite", K::Integer, 0, 0},
        {"ad01_autoencoder_float32.tflite", K::Float, -10.0f, 10.0f},
        {"ad01_autoencoder_dynrange.tflite", K::Hybrid, -10.0f, 10.0f},
        {"ad01_autoencoder_int8.tflite", K::Integer, 0, 0},
        {"ad01_autoencoder_int8_floatio.tflite", K::Integer, -10.0f, 10.0f},
        {"vww_mobilenet_v1_025_96_float32.tflite", K::Float, 0.0f, 1.0f},
        {"vww_mobilenet_v1_025_96_int8.tflite", K::Integer, 0, 0},
        {"mobilenet_v1_025_224_float32.tflite", K::Float, -1.0f, 1.0f},
        {"mobilenet_v1_025_224_uint8.tflite", K::Integer, 0, 0},
        {"mobilenet_v2_100_224_int8_uint8io.tflite", K::Integer, 0, 0},
        {"mobilenet_v2_035_96_embedder_dynrange.tflite", K::Hybrid, 0.0f, 1.0f},
        {"fashion_mnist_cnn_dynrange.tflite", K::Hybrid, 0.0f, 1.0f},
        {"blazeface_short_range_float16.tflite", K::Float, -1.0f, 1.0f},
        {"conv_tiny_float16.tflite", K::Float, -1.0f, 1.0f},
        {"mobilenet_like_tiny_float32.tflite", K::Float, -1.0f, 1.0f},
        {"seanet_conv0_16x8.tflite", K::Integer, 0, 0},
        {"seanet_conv4_16x8.tflite", K::Integer, 0, 0},
    };
    return models;
}

} // namespace ql::test
