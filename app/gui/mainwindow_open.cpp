// SPDX-License-Identifier: MIT
// Opening a model in the main window: the file dialog, a dropped file, the bundled demo, and applying
// the loaded model to the views.
#include "gui/mainwindow.h"

#include "graph/graphview.h"
#include "gui/comparetab.h"
#include "gui/difftab.h"
#include "gui/layerpane.h"
#include "gui/messagearea.h"
#include "gui/modelload.h"
#include "layers/layertablemodel.h"
#include "model/summary.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QTemporaryDir>

namespace ql::app {

namespace {

QString modelFileFrom(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile())
            return url.toLocalFile();
    return {};
}

} // namespace

void MainWindow::showOpenDialog()
{
    const QString dir = m_doc->file().isEmpty() ? QString() : QFileInfo(m_doc->file()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open model"), dir, tr("TensorFlow Lite models (*.tflite);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

QString MainWindow::demoModelPath()
{
    return QStringLiteral(":/demo/fashion_mnist_cnn.tflite");
}

void MainWindow::openFile(const QString& path)
{
    const int token = m_loadJob.start();
    statusBar()->showMessage(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    runJob(this, [path] { return loadModel(path); }, [this, path, token](LoadedModel outcome) {
        if (!m_loadJob.isCurrent(token))
            return; // a newer request replaced this one
        if (!outcome.source) {
            statusBar()->showMessage(tr("Could not open %1").arg(QFileInfo(path).fileName()), 5000);
            auto* box = new QMessageBox(QMessageBox::Critical, tr("Cannot open model"),
                tr("%1 could not be opened.").arg(QFileInfo(path).fileName()), QMessageBox::Ok, this);
            box->setInformativeText(outcome.error);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
            m_pendingResults.clear();
            emit loadFailed(path, outcome.error);
            return;
        }
        m_doc->setModel(path, outcome.source, outcome.runBlockers);
        cancelEvaluation();
        m_layers->setKeptFloat({});
        m_compare->reset(); // no row, progress or message of the previous model
        m_evaluatedKey.clear();
        m_messages->clearAll(); // what went wrong with the previous model
        if (const QString why = m_doc->cannotRun(); !why.isEmpty())
            m_messages->post(QStringLiteral("model"), why, MessageArea::Level::Warning);
        m_modelClassNames = outcome.classNames;
        if (path == demoModelPath() && !m_doc->dataSet()) {
            // The bundled Fashion-MNIST sample goes with the bundled model.
            m_demoData = std::make_unique<QTemporaryDir>();
            const QString images = m_demoData->filePath(QStringLiteral("fashion-mnist-sample-images.gz"));
            const QString labels = m_demoData->filePath(QStringLiteral("fashion-mnist-sample-labels.gz"));
            // 300 small images: read right here, so that the demo has its data as soon as it shows.
            if (QFile::copy(QStringLiteral(":/demo/fashion-mnist-sample-images-idx3-ubyte.gz"), images) &&
                QFile::copy(QStringLiteral(":/demo/fashion-mnist-sample-labels-idx1-ubyte.gz"), labels))
                if (auto set = Document::readDataSet(workGraph(), images, labels, m_doc->preprocess(), m_doc->bgr()))
                    m_doc->setDataSet(std::make_shared<const data::SampleSet>(std::move(*set)),
                        tr("the bundled Fashion-MNIST sample (%n test image(s))", nullptr,
                            static_cast<int>(set->count)),
                        images, labels);
        }
        applyModel(path, outcome.source->file);
        m_layerPane->showBlockers(outcome.blockers);
        std::vector<std::pair<int, QString>> blocked;
        for (const auto& b : outcome.blockers)
            if (b.subgraph == 0 && b.op >= 0)
                blocked.emplace_back(b.op, QString::fromStdString(b.message));
        m_layers->setBlocked(std::move(blocked));
        m_quantized.reset(); // the previous model's
        updateTarget();
        updateClassNames();
        updateCompareState();
        updateCalibrationSource();
        updateRangeWarning();
        if (!path.startsWith(QLatin1String(":/")))
            rememberRecent(path);
        emit modelLoaded(path);
        runAnalysis();
        if (!m_pendingResults.isEmpty())
            openResults(std::exchange(m_pendingResults, QString()));
    });
}

QString MainWindow::modeDescription(const model::ModeGuess& guess)
{
    using M = model::QuantMode;
    if (guess.smallWeightsFloat) {
        if (guess.mode == M::DynamicRange)
            return tr("int8 weights and float32 activations; small weights left in float32");
        if (guess.mode == M::Float16)
            return tr("float16 weights behind DEQUANTIZE; small weights left in float32");
    }
    if (guess.weightedOperators > 0)
        switch (guess.mode) {
        case M::Float32: return tr("float32 weights and activations");
        case M::Float16: return tr("float16 weights behind DEQUANTIZE");
        case M::DynamicRange: return tr("int8 weights and float32 activations");
        case M::Int8: return tr("int8 weights and int8 activations");
        case M::UInt8: return tr("uint8 weights and uint8 activations");
        case M::Int16x8: return tr("int8 weights and int16 activations");
        case M::Mixed: break;
        }
    return QString::fromStdString(guess.reason); // the file's own mix, named by the engine
}

void MainWindow::applyModel(const QString& path, std::shared_ptr<const model::Graph> graph)
{
    const auto summary = model::summarize(*graph);
    m_graphView->setGraph(graph);
    m_diffJob.start(); // a comparison still running was for the previous model
    m_diffPath.clear();
    m_diff->clear();
    m_graphView->setKeptFloat({});
    m_layers->setGraph(std::move(graph));
    m_layerPane->resizeColumns();
    m_layerPane->setSummary(tr("%1 — %2 operators, %3, mode: %4 (%5)")
                           .arg(QFileInfo(path).fileName())
                           .arg(m_layers->rowCount())
                           .arg(QLocale().formattedDataSize(
                               static_cast<qint64>(summary.fileSize), 1, QLocale::DataSizeTraditionalFormat))
                           .arg(QString::fromStdString(model::quantModeName(summary.mode.mode)))
                           .arg(modeDescription(summary.mode)));
    statusBar()->clearMessage();
    updateTitle();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!modelFileFrom(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QString path = modelFileFrom(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openFile(path);
}

} // namespace ql::app
