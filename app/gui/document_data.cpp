// SPDX-License-Identifier: MIT
// The document's data: a data set or calibration data (IDX, .npy or an image folder sized to the model's
// input) read off the GUI thread; only the newest request of each kind lands.
#include "gui/document.h"

#include "data/image_folder.h"

#include <QFileInfo>

namespace ql::app {

Result<data::SampleSet> Document::readDataSet(
    const std::shared_ptr<const model::Graph>& graph, const QString& images, const QString& labels)
{
    if (QFileInfo(images).isDir()) {
        if (!graph || graph->main().inputs.size() != 1)
            return Error{tr("Open a model with one input first: images are sized to its input.").toStdString()};
        const auto& in = graph->main().tensors[static_cast<std::size_t>(graph->main().inputs[0])];
        auto spec = imageSpecFor(in, {}, false);
        return spec ? loadImageFolder(images, *spec, 0) : Result<data::SampleSet>(spec.error());
    }
    auto set = data::loadSamples(images.toStdString(), {}, 0);
    if (set && !labels.isEmpty())
        if (auto s = data::loadLabels(*set, labels.toStdString()); !s)
            return s.error();
    return set;
}

// Data sets can be large (60000 Fashion-MNIST images are 188 MB as floats): they are read off the GUI thread.
void Document::openDataSet(const QString& images, const QString& labels, bool calibration)
{
    // Only the newest request of each kind lands (a quick second choice, or "back to the data set", wins).
    JobGeneration& kind = calibration ? m_calibJob : m_dataJob;
    const int token = kind.start();
    runJob(this, [graph = workGraph(), images, labels] { return readDataSet(graph, images, labels); },
        [this, &kind, token, images, calibration, model = m_modelGeneration](Result<data::SampleSet> set) {
            if (!kind.isCurrent(token))
                return; // replaced by a newer choice
            if (set && model != m_modelGeneration && QFileInfo(images).isDir())
                set = Error{tr("another model was opened meanwhile").toStdString()}; // sized for the old one
            if (!set) {
                emit dataSetRead(images, false, QString::fromStdString(set.error().message), calibration);
                return;
            }
            auto shared = std::make_shared<const data::SampleSet>(std::move(*set));
            if (calibration)
                setCalibrationData(std::move(shared), QFileInfo(images).fileName());
            else
                setDataSet(std::move(shared), QFileInfo(images).fileName());
            emit dataSetRead(images, true, QString(), calibration);
        });
}

void Document::calibrateOnDataSet()
{
    m_calibJob.start(); // a calibration set still being read must not land after this
    setCalibrationData(nullptr, {});
}

} // namespace ql::app
