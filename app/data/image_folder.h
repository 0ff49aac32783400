// SPDX-License-Identifier: MIT
// Folders of images as model inputs (calibration and evaluation sets), decoded with QImage.
// Preprocessing, in this order: convert to grey (1 channel) or RGB (3 channels, or BGR on request),
// scale to the model's width x height (smooth, aspect ratio not kept), lay out as height x width x
// channels (TFLite's NHWC), then value * scale + offset per 8-bit channel value (pixels/255 by
// default; scale 2/255 and offset -1 give [-1, 1]).
#pragma once

#include "core/result.h"
#include "data/samples.h"
#include "model/graph.h"

#include <QImage>
#include <QString>

#include <vector>

namespace ql::app {

struct ImageSpec {
    int width = 0, height = 0, channels = 1;
    bool bgr = false;
    data::Preprocess pre;
};

// The spec a model input asks for: [1, H, W, C] with C = 1 or 3, or [1, H, W] / [H, W] (grey).
Result<ImageSpec> imageSpecFor(const model::Tensor& input, const data::Preprocess& pre, bool bgr);

// One image file as the model input described by `spec` (`invert`: dark strokes on light paper become
// MNIST-style light on dark); `shown`, when given, receives the image as scaled for the model.
Result<std::vector<float>> loadImage(
    const QString& path, const ImageSpec& spec, bool invert = false, QImage* shown = nullptr);

// Reads the images of `dir` (png, jpg, jpeg, bmp, gif, pgm, ppm, webp where Qt has the plug-in), at
// most `limit` (0: all), in file-name order. Images in sub-folders make a labelled set: one sub-folder
// per class, classes numbered in name order (their names in `classNames` when given). With a window, only the
// window's images are decoded.
Result<data::SampleSet> loadImageFolder(const QString& dir, const ImageSpec& spec, std::int64_t limit,
    QStringList* classNames = nullptr, const data::SampleWindow& window = {});

} // namespace ql::app
