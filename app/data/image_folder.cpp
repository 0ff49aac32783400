// SPDX-License-Identifier: MIT
#include "data/image_folder.h"

#include <QCollator>
#include <QDir>
#include <QImage>
#include <QImageReader>
#include <QPainter>

#include <algorithm>

namespace ql::app {

namespace {

QStringList imageFiles(const QDir& dir)
{
    static const QStringList patterns{QStringLiteral("*.png"), QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"),
        QStringLiteral("*.bmp"), QStringLiteral("*.gif"), QStringLiteral("*.pgm"), QStringLiteral("*.ppm"),
        QStringLiteral("*.webp"), QStringLiteral("*.PNG"), QStringLiteral("*.JPG"), QStringLiteral("*.JPEG")};
    return dir.entryList(patterns, QDir::Files, QDir::Name);
}

} // namespace

Result<ImageSpec> imageSpecFor(const model::Tensor& input, const data::Preprocess& pre, bool bgr)
{
    const auto& s = input.shape;
    ImageSpec spec;
    spec.pre = pre;
    spec.bgr = bgr;
    if (s.size() == 4 && s[0] == 1 && (s[3] == 1 || s[3] == 3)) {
        spec.height = s[1];
        spec.width = s[2];
        spec.channels = s[3];
    } else if ((s.size() == 3 && s[0] == 1) || s.size() == 2) {
        spec.height = s[s.size() - 2];
        spec.width = s[s.size() - 1];
        spec.channels = 1;
    } else {
        std::string shape = "[";
        for (std::size_t i = 0; i < s.size(); ++i)
            shape += (i ? "," : "") + std::to_string(s[i]);
        return Error{"the model input '" + input.name + "' has shape " + shape +
            "], which is not an image (expected [1,H,W,1], [1,H,W,3] or [1,H,W])"};
    }
    if (spec.width <= 0 || spec.height <= 0 || spec.width > 16384 || spec.height > 16384)
        return Error{"the model input '" + input.name + "' has an unusable image size"};
    return spec;
}

Result<std::vector<float>> loadImage(const QString& path, const ImageSpec& spec, bool invert, QImage* shown)
{
    QImageReader reader(path);
    QImage img = reader.read();
    if (img.isNull())
        return Error{path.toStdString() + ": cannot read the image (" + reader.errorString().toStdString() + ")"};
    if (img.hasAlphaChannel()) { // transparent strokes on no background: put them on white paper
        QImage paper(img.size(), QImage::Format_RGB32);
        paper.fill(Qt::white);
        QPainter painter(&paper);
        painter.drawImage(0, 0, img);
        painter.end();
        img = paper;
    }
    img = img.convertToFormat(spec.channels == 1 ? QImage::Format_Grayscale8 : QImage::Format_RGB888)
              .scaled(spec.width, spec.height, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    if (img.isNull())
        return Error{path.toStdString() + ": not enough memory to convert the image"};
    if (invert)
        img.invertPixels();
    std::vector<float> v(static_cast<std::size_t>(spec.width) * static_cast<std::size_t>(spec.height) *
        static_cast<std::size_t>(spec.channels));
    float* out = v.data();
    for (int y = 0; y < spec.height; ++y) {
        const uchar* line = img.constScanLine(y);
        for (int x = 0; x < spec.width; ++x)
            for (int c = 0; c < spec.channels; ++c) {
                const int source = spec.channels == 3 && spec.bgr ? 2 - c : c;
                *out++ = static_cast<float>(line[x * spec.channels + source]) * spec.pre.scale + spec.pre.offset;
            }
    }
    if (shown)
        *shown = std::move(img);
    return v;
}

Result<data::SampleSet> loadImageFolder(const QString& dir, const ImageSpec& spec, std::int64_t limit,
    QStringList* classNames, const data::SampleWindow& window)
{
    const QDir root(dir);
    if (!root.exists())
        return Error{dir.toStdString() + ": no such folder"};
    // (file, label) pairs: files at the top, or one sub-folder per class.
    std::vector<std::pair<QString, std::int32_t>> files;
    const QStringList top = imageFiles(root);
    QStringList classes = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    const bool labelled = top.isEmpty() && !classes.isEmpty();
    if (labelled) {
        QCollator collator;
        collator.setNumericMode(true);
        std::sort(classes.begin(), classes.end(), collator);
        for (int c = 0; c < classes.size(); ++c)
            for (const QString& f : imageFiles(QDir(root.filePath(classes[c]))))
                files.emplace_back(root.filePath(classes[c] + QLatin1Char('/') + f), c);
        if (classNames)
            *classNames = classes;
    } else {
        for (const QString& f : top)
            files.emplace_back(root.filePath(f), -1);
    }
    if (files.empty())
        return Error{dir.toStdString() + ": no images (png, jpg, bmp, gif, pgm, ppm) in the folder or its sub-folders"};
    if (limit > 0 && static_cast<std::int64_t>(files.size()) > limit)
        files.resize(static_cast<std::size_t>(limit));
    data::SampleSet set;
    if (window) {
        auto w = window(static_cast<std::int64_t>(files.size()));
        if (!w)
            return w.error();
        if (w->first < 0 || w->second < 0 || w->first + w->second > static_cast<std::int64_t>(files.size()))
            return Error{dir.toStdString() + ": images " + std::to_string(w->first) + ".." +
                std::to_string(w->first + w->second - 1) + " asked for, the folder offers " +
                std::to_string(files.size())};
        set.first = w->first;
        files.erase(files.begin() + static_cast<std::ptrdiff_t>(w->first + w->second), files.end());
        files.erase(files.begin(), files.begin() + static_cast<std::ptrdiff_t>(w->first));
    }
    set.sampleShape = {spec.height, spec.width, spec.channels};
    set.count = static_cast<std::int64_t>(files.size());
    set.values.resize(static_cast<std::size_t>(set.count * set.sampleSize()));
    float* out = set.values.data();
    for (const auto& [path, label] : files) {
        auto values = loadImage(path, spec);
        if (!values)
            return values.error();
        out = std::copy(values->begin(), values->end(), out);
        if (labelled)
            set.labels.push_back(label);
    }
    return set;
}

} // namespace ql::app
