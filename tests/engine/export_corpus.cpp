// SPDX-License-Identifier: MIT
// The models and calibration samples of export_test (export_corpus.h).
#include "engine/export_corpus.h"

#include "common/crosscheck.h"
#include "model/reader.h"

#include <QDate>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <random>

namespace ql::test {

namespace {

const std::string kFashion = "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz";

data::SampleSet randomSet(const model::Tensor& in, float lo, float hi, int n, unsigned seed)
{
    data::SampleSet s;
    // One sample fills the input; a leading batch of 1 may be left out.
    const bool batchOfOne = in.shape.size() > 1 && in.shape[0] == 1;
    for (std::size_t d = batchOfOne ? 1 : 0; d < in.shape.size(); ++d)
        s.sampleShape.push_back(std::max<std::int32_t>(1, in.shape[d]));
    s.count = n;
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(lo, hi);
    s.values.resize(static_cast<std::size_t>(n * s.sampleSize()));
    for (float& v : s.values)
        v = u(rng);
    return s;
}

} // namespace

std::vector<ModelEntry> floatModels()
{
    std::vector<ModelEntry> out;
    for (const QString& dir : {QStringLiteral(QL_SHARED_DIR "/models"), QStringLiteral(QL_SHARED_DIR "/models/wild")}) {
        const QStringList files =
            QDir(dir).entryList({QStringLiteral("*float32*.tflite"), QStringLiteral("*float16*.tflite")}, QDir::Files, QDir::Name);
        for (const QString& f : files) {
            ModelEntry e{(dir + QLatin1Char('/') + f).toStdString(), f.toStdString()};
            for (const auto& m : test::crossCheckModels())
                if (m.file == e.file) {
                    e.lo = m.inputMin;
                    e.hi = m.inputMax;
                }
            out.push_back(e);
        }
    }
    // QL_EXPORT_ONLY=name: the models whose file name contains it (for a closer look at one).
    if (const QByteArray only = qgetenv("QL_EXPORT_ONLY"); !only.isEmpty())
        out.erase(std::remove_if(out.begin(), out.end(),
                      [&](const ModelEntry& e) { return e.file.find(only.toStdString()) == std::string::npos; }),
            out.end());
    // Under the sanitizers: a third of the models, a different third each day.
    if (const QByteArray s = qgetenv("QL_CORPUS_SAMPLE"); !s.isEmpty() && s.toInt() > 1) {
        const int k = s.toInt();
        const int day = static_cast<int>(QDate::currentDate().toJulianDay() % k);
        std::vector<ModelEntry> some;
        for (std::size_t i = 0; i < out.size(); ++i) {
            if (static_cast<int>(i % static_cast<std::size_t>(k)) != day)
                continue;
            // Inputs of a megapixel (hair segmentation) take minutes per export under the sanitizers; the
            // unsanitized run covers them.
            auto g = model::readTflite(out[i].path);
            std::int64_t elements = 0;
            if (g)
                for (int t : g->main().inputs)
                    elements += g->main().tensors[static_cast<std::size_t>(t)].elementCount();
            if (elements <= 300000)
                some.push_back(out[i]);
        }
        out = some;
    }
    return out;
}

std::vector<data::SampleSet> calibrationSets(const model::Graph& g, const ModelEntry& m)
{
    std::vector<data::SampleSet> sets;
    const auto& sg = g.main();
    for (std::size_t k = 0; k < sg.inputs.size(); ++k) {
        const model::Tensor& in = sg.tensors[static_cast<std::size_t>(sg.inputs[k])];
        const auto& sh = in.shape;
        const bool fashionShaped = sh.size() >= 3 && sh[1] == 28 && sh[2] == 28 && (sh.size() == 3 || sh[3] == 1);
        if (fashionShaped && QFileInfo::exists(QString::fromStdString(kFashion))) {
            auto s = data::loadSamples(kFashion, {}, kCalibrationSamples);
            if (s) {
                sets.push_back(std::move(*s));
                continue;
            }
        }
        sets.push_back(randomSet(in, m.lo, m.hi, kCalibrationSamples, 17 + static_cast<unsigned>(k)));
    }
    return sets;
}

} // namespace ql::test
