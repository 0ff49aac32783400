// SPDX-License-Identifier: MIT
// The document's data: a data set or calibration data (IDX, .npy or an image folder sized to the model's
// input) read off the GUI thread; only the newest request of each kind lands.
#include "gui/document.h"

#include "data/image_folder.h"

#include <QFileInfo>

namespace ql::app {

Result<data::SampleSet> Document::readDataSet(const std::shared_ptr<const model::Graph>& graph, const QString& images,
    const QString& labels, const data::Preprocess& pre, bool bgr)
{
    if (QFileInfo(images).isDir()) {
        if (!graph || graph->main().inputs.size() != 1)
            return Error{tr("Open a model with one input first: images are sized to its input.").toStdString()};
        const auto& in = graph->main().tensors[static_cast<std::size_t>(graph->main().inputs[0])];
        auto spec = imageSpecFor(in, pre, bgr);
        return spec ? loadImageFolder(images, *spec, 0) : Result<data::SampleSet>(spec.error());
    }
    auto set = data::loadSamples(images.toStdString(), pre, 0);
    if (set && !labels.isEmpty())
        if (auto s = data::loadLabels(*set, labels.toStdString()); !s)
            return s.error();
    return set;
}

// Data sets can be large (60000 Fashion-MNIST images are 188 MB as floats): they are read off the GUI thread.
void Document::openDataSet(const QString& images, const QString& labels, bool calibration)
{
    read(images, labels, calibration, false);
}

void Document::read(const QString& images, const QString& labels, bool calibration, bool refit)
{
    // Only the newest request of each kind lands (a quick second choice, or "back to the data set", wins).
    JobGeneration& kind = calibration ? m_calibJob : m_dataJob;
    const int token = kind.start();
    const data::Preprocess pre = preprocess();
    const bool bgr = m_bgr;
    runJob(this, [graph = workGraph(), images, labels, pre, bgr] { return readDataSet(graph, images, labels, pre, bgr); },
        [this, &kind, token, images, labels, pre, bgr, calibration, refit, model = m_modelGeneration](
            Result<data::SampleSet> set) {
            if (!kind.isCurrent(token))
                return; // replaced by a newer choice
            if (set && model != m_modelGeneration && QFileInfo(images).isDir())
                set = Error{tr("another model was opened meanwhile").toStdString()}; // sized for the old one
            // Data the model cannot take is refused now, not found out later in Compare (data read again for
            // another model stay: Compare says they do not fit).
            if (const auto g = workGraph(); set && !refit && g && g->main().inputs.size() == 1) {
                const auto& in = g->main().tensors[static_cast<std::size_t>(g->main().inputs[0])];
                if (auto fits = data::checkSamplesFit(*set, in); !fits)
                    set = Error{tr("%1 does not fit this model: %2")
                                    .arg(QFileInfo(images).fileName(), QString::fromStdString(fits.error().message))
                                    .toStdString()};
            }
            if (!set) {
                emit dataSetRead(images, false, QString::fromStdString(set.error().message), calibration);
                return;
            }
            auto shared = std::make_shared<const data::SampleSet>(std::move(*set));
            const Origin origin{images, labels, pre, bgr};
            if (calibration) {
                setCalibrationData(std::move(shared), QFileInfo(images).fileName());
                m_calibOrigin = origin;
            } else {
                setDataSet(std::move(shared), QFileInfo(images).fileName());
                m_dataOrigin = origin;
            }
            emit dataSetRead(images, true, QString(), calibration);
        });
}

std::optional<data::ExpectedRange> Document::expectedInput() const
{
    return m_source && m_source->file ? data::expectedInputRange(*m_source->file) : std::nullopt;
}

data::Preprocess Document::preprocess() const
{
    if (m_preChosen)
        return m_pre;
    if (const auto e = expectedInput())
        return data::preprocessFor(e->range);
    return {};
}

QString Document::preprocessBasis() const
{
    if (m_preChosen)
        return tr("your choice");
    if (const auto e = expectedInput())
        return QString::fromStdString(e->basis);
    return tr("pixels / 255, the default (the float model does not say which range it was trained on)");
}

QString Document::rangeWarning() const
{
    const auto range = calibrationRange();
    const auto expected = expectedInput();
    if (!range || !expected)
        return {};
    const auto why = data::rangeMismatch(*range, expected->range);
    if (!why)
        return {};
    return tr("The calibration data do not fit this model's input: %1 (%2). An int8 export would be calibrated "
              "for the wrong range; choose the value range with File › Data value range….")
        .arg(QString::fromStdString(*why), QString::fromStdString(expected->basis));
}

void Document::setPreprocess(const data::Preprocess& pre, bool bgr)
{
    m_pre = pre;
    m_bgr = bgr;
    m_preChosen = true;
    rereadForModel();
}

void Document::resetPreprocess()
{
    m_preChosen = false;
    m_bgr = false;
    rereadForModel();
}

void Document::rereadForModel()
{
    // Read again where the data would come out differently now: folders are sized to the model's input, and
    // 8-bit data go through the preprocessing, which may follow the model.
    const data::Preprocess pre = preprocess();
    auto differs = [&](const Origin& o) {
        return !o.images.isEmpty() &&
            (QFileInfo(o.images).isDir() || o.pre.scale != pre.scale || o.pre.offset != pre.offset || o.bgr != m_bgr);
    };
    if (differs(m_dataOrigin))
        read(m_dataOrigin.images, m_dataOrigin.labels, false, true);
    if (m_calibData && differs(m_calibOrigin))
        read(m_calibOrigin.images, {}, true, true);
}

void Document::calibrateOnDataSet()
{
    m_calibJob.start(); // a calibration set still being read must not land after this
    setCalibrationData(nullptr, {});
}

} // namespace ql::app
