// SPDX-License-Identifier: MIT
// The main window's side of the data: opening a data set or calibration data (the document reads them),
// what the views show of them, and the class names that go with the model or the data.
#include "gui/mainwindow.h"

#include "gui/comparetab.h"
#include "gui/modepanel.h"
#include "gui/messagearea.h"
#include "gui/sidebyside.h"
#include "gui/valuerangedialog.h"

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
        m_compare->markOutOfDate(tr("the data set changed"));
        m_sideBySide->setDataSet(m_doc->dataSet());
        updateClassNames();
        updateCalibrationSource();
        updateRangeWarning();
        updateCompareState();
        rebuildQuantized();
        // A comparison on screen gets its outputs compared on the new data set, where it is.
        if (!m_diffPath.isEmpty())
            compareWith(m_diffPath, false);
    });
    connect(m_doc, &Document::calibrationDataChanged, this, [this] {
        m_compare->markOutOfDate(tr("the calibration data changed"));
        updateCalibrationSource();
        updateRangeWarning();
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
    QString text = !calib ? tr("no data set yet (File › Open data set…)")
        : name.contains(QString::number(calib->count)) // the bundled sample's name says it already
        ? name
        : tr("%1 (%n sample(s))", nullptr, static_cast<int>(calib->count)).arg(name);
    // The range the input is calibrated on, where a data set gives one.
    if (const auto range = m_doc->calibrationRange())
        text += tr(", values in %1").arg(QString::fromStdString(data::describe(*range)));
    m_modePanel->setCalibrationSource(text);
}

void MainWindow::updateRangeWarning()
{
    if (const QString why = m_doc->rangeWarning(); !why.isEmpty())
        m_messages->post(QStringLiteral("range"), why, MessageArea::Level::Warning);
    else
        m_messages->clear(QStringLiteral("range"));
}

void MainWindow::showValueRangeDialog()
{
    const auto range = m_doc->dataRange();
    const QString span = range ? tr("The data set's values now lie in %1 (%2).")
                                     .arg(QString::fromStdString(data::describe(*range)), m_doc->preprocessBasis())
                               : tr("No data set is open yet; the choice applies to the next one.");
    ValueRangeDialog dialog(m_doc->preprocessBasis(), span, m_doc->preprocess(), m_doc->preprocessChosen(), m_doc->bgr(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.followModel())
        m_doc->resetPreprocess();
    else
        m_doc->setPreprocess(dialog.preprocess(), dialog.bgr());
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
    const QString cannotRun = m_doc->cannotRun();
    if (!cannotRun.isEmpty())
        text = cannotRun;
    else if (!set)
        text = tr("Open a data set (File › Open data set…) to compare the modes.");
    else if (const auto graph = workGraph(); graph && graph->main().inputs.size() == 1) {
        const auto& in = graph->main().tensors[static_cast<std::size_t>(graph->main().inputs[0])];
        const auto fits = data::checkSamplesFit(*set, in);
        const std::int64_t calibCount = calibrationData() ? calibrationData()->count : set->count;
        const int used = static_cast<int>(std::min<std::int64_t>(m_modePanel->calibrationSamples(), calibCount));
        const QString calibrated = used >= calibCount
            ? tr("int8 and 16x8 are calibrated on all %n sample(s) of %1.", nullptr, used).arg(calibrationDataName())
            : tr("int8 and 16x8 are calibrated on the first %n sample(s) of %1.", nullptr, used).arg(calibrationDataName());
        text = fits ? tr("Data: %1%2. %3")
                          .arg(m_doc->dataSetName())
                          .arg(set->labels.empty() ? tr(", no labels (agreement only)") : QString())
                          .arg(calibrated)
                    : tr("The data set %1 does not fit this model: %2")
                          .arg(m_doc->dataSetName(), QString::fromStdString(fits.error().message));
    }
    m_compare->setState(text, set && workGraph() && cannotRun.isEmpty(), running);
}

} // namespace ql::app
