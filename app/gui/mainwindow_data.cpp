// SPDX-License-Identifier: MIT
// The main window's side of the data: opening a data set or calibration data (the document reads them),
// what the views show of them, and the class names that go with the model or the data.
#include "gui/mainwindow.h"

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

void MainWindow::wireDocumentData()
{
    connect(m_doc, &Document::dataSetChanged, this, [this] {
        m_sideBySide->setDataSet(m_doc->dataSet());
        updateClassNames();
        updateCalibrationSource();
        updateCompareState();
        rebuildQuantized();
        // A comparison on screen gets its outputs compared on the new data set, where it is.
        if (!m_diffPath.isEmpty())
            compareWith(m_diffPath, false);
    });
    connect(m_doc, &Document::calibrationDataChanged, this, [this] {
        updateCalibrationSource();
        updateCompareState();
        runAnalysis();
    });
    connect(m_doc, &Document::dataSetRead, this, [this](const QString& images, bool ok, const QString& error, bool calibration) {
        if (ok)
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(tr("Could not read %1").arg(QFileInfo(images).fileName()), 8000);
        emit dataSetOpened(ok, error, calibration);
    });
}

void MainWindow::openDataSet(const QString& images, const QString& labels)
{
    statusBar()->showMessage(tr("Reading %1…").arg(QFileInfo(images).fileName()));
    m_doc->openDataSet(images, labels, false);
}

void MainWindow::openCalibrationData(const QString& images)
{
    if (!images.isEmpty()) {
        statusBar()->showMessage(tr("Reading %1…").arg(QFileInfo(images).fileName()));
        m_doc->openDataSet(images, {}, true);
        return;
    }
    m_doc->calibrateOnDataSet(); // back to the data set
    emit dataSetOpened(true, QString(), true);
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
