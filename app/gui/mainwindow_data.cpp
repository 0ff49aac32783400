// SPDX-License-Identifier: MIT
// The main window's data: the data set (IDX, .npy or an image folder, read off the GUI thread) that Compare,
// Side by side, the activation error and calibration use, separate calibration data, and the class names that
// go with the model or the data.
#include "gui/mainwindow.h"

#include "data/image_folder.h"
#include "gui/comparetab.h"
#include "gui/modepanel.h"
#include "gui/sidebyside.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

namespace ql::app {

Result<data::SampleSet> MainWindow::readDataSet(
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

void MainWindow::useDataSet(std::shared_ptr<const data::SampleSet> set, const QString& name)
{
    m_doc->setDataSet(std::move(set), name);
    m_sideBySide->setDataSet(m_doc->dataSet());
    updateClassNames();
    updateCalibrationSource();
    updateCompareState();
    rebuildQuantized();
}

void MainWindow::openDataSet(const QString& images, const QString& labels)
{
    readInBackground(images, labels, false);
}

void MainWindow::openCalibrationData(const QString& images)
{
    if (!images.isEmpty()) {
        readInBackground(images, {}, true);
        return;
    }
    m_calibJob.start(); // a calibration set still being read must not land after this
    m_doc->setCalibrationData(nullptr, {}); // back to the data set
    updateCalibrationSource();
    updateCompareState();
    runAnalysis();
    emit dataSetOpened(true, QString(), true);
}

// Data sets can be large (60000 Fashion-MNIST images are 188 MB as floats): they are read off the GUI thread.
void MainWindow::readInBackground(const QString& images, const QString& labels, bool calibration)
{
    statusBar()->showMessage(tr("Reading %1…").arg(QFileInfo(images).fileName()));
    // Only the newest request of each kind lands (a quick second choice, or "back to the data set", wins).
    JobGeneration& kind = calibration ? m_calibJob : m_dataJob;
    const int token = kind.start();
    runJob(this, [graph = workGraph(), images, labels] { return readDataSet(graph, images, labels); },
        [this, &kind, token, images, calibration, model = m_doc->modelGeneration()](Result<data::SampleSet> set) {
            if (!kind.isCurrent(token))
                return; // replaced by a newer choice
            if (set && model != m_doc->modelGeneration() && QFileInfo(images).isDir())
                set = Error{tr("another model was opened meanwhile").toStdString()}; // sized for the old one
            if (!set) {
                const QString message = QString::fromStdString(set.error().message);
                statusBar()->showMessage(tr("Could not read %1").arg(QFileInfo(images).fileName()), 8000);
                emit dataSetOpened(false, message, calibration);
                return;
            }
            statusBar()->clearMessage();
            auto shared = std::make_shared<const data::SampleSet>(std::move(*set));
            if (calibration) {
                m_doc->setCalibrationData(std::move(shared), QFileInfo(images).fileName());
                updateCalibrationSource();
                updateCompareState();
                runAnalysis();
            } else {
                useDataSet(std::move(shared), QFileInfo(images).fileName());
            }
            emit dataSetOpened(true, QString(), calibration);
        });
}

void MainWindow::updateCalibrationSource()
{
    const auto calib = calibrationData();
    const QString name = calibrationDataName();
    m_modePanel->setCalibrationSource(!calib ? tr("no data set yet (File › Open data set…)")
            : name.contains(QString::number(calib->count)) // the bundled sample's name says it already
            ? name
            : tr("%1 (%n sample(s))", nullptr, static_cast<int>(calib->count)).arg(name));
}

void MainWindow::showCalibrationDataDialog()
{
    const QString images = QFileDialog::getOpenFileName(this, tr("Calibration data (cancel: use the data set)"),
        QString(), tr("Data sets (*.gz *-ubyte *.idx *.npy);;All files (*)"));
    openCalibrationData(images);
}

void MainWindow::updateClassNames()
{
    // The model's own label file first; Fashion-MNIST data names the classes of a 10-output model.
    QStringList names = m_modelClassNames;
    const auto graph = workGraph();
    const bool tenOutputs = graph && !graph->main().outputs.empty() &&
        graph->main().tensors[static_cast<std::size_t>(graph->main().outputs[0])].elementCount() == 10;
    if (names.isEmpty() && tenOutputs && m_doc->dataSetName().contains(QLatin1String("fashion"), Qt::CaseInsensitive))
        names = {tr("T-shirt/top"), tr("Trouser"), tr("Pullover"), tr("Dress"), tr("Coat"), tr("Sandal"), tr("Shirt"),
            tr("Sneaker"), tr("Bag"), tr("Ankle boot")};
    m_sideBySide->setClassNames(names);
}

void MainWindow::showOpenDataSetDialog()
{
    const QString images = QFileDialog::getOpenFileName(
        this, tr("Open images"), QString(), tr("Data sets (*.gz *-ubyte *.idx *.npy);;All files (*)"));
    if (images.isEmpty())
        return;
    const QString labels = QFileDialog::getOpenFileName(this, tr("Open labels (cancel: no labels)"),
        QFileInfo(images).absolutePath(), tr("Labels (*.gz *-ubyte *.idx *.npy);;All files (*)"));
    openDataSet(images, labels); // a failure is reported by the dataSetOpened handler
}

void MainWindow::updateCompareState()
{
    const bool running = m_doc->evaluating();
    QString text;
    const auto set = m_doc->dataSet();
    if (!set)
        text = tr("Open a data set (File › Open data set…) to compare the modes.");
    else if (const auto graph = workGraph(); graph && graph->main().inputs.size() == 1) {
        const auto& in = graph->main().tensors[static_cast<std::size_t>(graph->main().inputs[0])];
        const auto fits = data::checkSamplesFit(*set, in);
        text = fits ? tr("Data: %1%2. int8 and 16x8 are calibrated on the first %3 samples of %4.")
                          .arg(m_doc->dataSetName())
                          .arg(set->labels.empty() ? tr(", no labels (agreement only)") : QString())
                          .arg(m_modePanel->calibrationSamples())
                          .arg(calibrationDataName())
                    : tr("The data set %1 does not fit this model: %2")
                          .arg(m_doc->dataSetName(), QString::fromStdString(fits.error().message));
    }
    m_compare->setState(text, set && workGraph(), running);
}

} // namespace ql::app
