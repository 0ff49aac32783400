// SPDX-License-Identifier: MIT
#include "gui/mainwindow.h"

#include "errors/errorchart.h"
#include "gui/modepanel.h"
#include "layers/layertablemodel.h"
#include "model/reader.h"
#include "model/summary.h"
#include "passes/quantize.h"
#include "weights/weightview.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace ql::app {

namespace {

struct LoadOutcome {
    std::shared_ptr<const model::Graph> graph;
    std::shared_ptr<const model::Graph> floatGraph; // what the analysis works on
    QString error;
};

LoadOutcome load(const QString& path)
{
    Result<model::Graph> g = Error{""};
    if (path.startsWith(QLatin1String(":/"))) { // bundled with the application (the demo model)
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {nullptr, nullptr,
                QCoreApplication::translate("ql::app::MainWindow", "%1: not found in the application's resources")
                    .arg(path)};
        const QByteArray bytes = f.readAll();
        g = model::readTflite(MappedFile::fromBytes(
            std::span(reinterpret_cast<const std::uint8_t*>(bytes.constData()), static_cast<std::size_t>(bytes.size())),
            path.toStdString()));
    } else {
        g = model::readTflite(path.toStdString());
    }
    if (!g)
        return {nullptr, nullptr, QString::fromStdString(g.error().message)};
    auto graph = std::make_shared<const model::Graph>(std::move(g.value()));
    std::shared_ptr<const model::Graph> floatGraph = graph;
    if (passes::isQuantized(*graph)) {
        // Analysis works on float weights: a quantized file is dequantized (the re-quantization of its weights).
        if (auto f = passes::dequantizeGraph(*graph))
            floatGraph = std::make_shared<const model::Graph>(std::move(*f));
        else
            floatGraph = nullptr;
    }
    return {std::move(graph), std::move(floatGraph), {}};
}

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

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setAcceptDrops(true);
    resize(1400, 820);

    auto* fileMenu = menuBar()->addMenu(tr("&File"));
    auto* open = fileMenu->addAction(tr("&Open…"), this, &MainWindow::showOpenDialog);
    open->setShortcut(QKeySequence::Open);
    fileMenu->addSeparator();
    auto* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    m_layers = new widgets::LayerTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_layers);
    m_proxy->setSortRole(widgets::LayerTableModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    m_summary = new QLabel(tr("Open a .tflite model with File › Open, or drop one on this window."), central);
    m_summary->setWordWrap(true);
    m_filter = new QLineEdit(central);
    m_filter->setPlaceholderText(tr("Filter layers (operator, shape, type…)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    m_table = new QTableView(central);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(widgets::LayerTableModel::Index, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_summary);
    layout->addWidget(m_filter);
    layout->addWidget(m_table);

    m_weightView = new widgets::WeightView(this);
    m_errorChart = new widgets::ErrorChart(this);
    connect(m_errorChart, &widgets::ErrorChart::operatorClicked, this, &MainWindow::selectOperator);
    m_views = new QTabWidget(this);
    m_views->addTab(m_weightView, tr("&Weights"));
    m_views->addTab(m_errorChart, tr("&Errors"));
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(central);
    splitter->addWidget(m_views);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({560, 560});
    setCentralWidget(splitter);

    m_modePanel = new ModePanel(this);
    auto* dock = new QDockWidget(tr("Quantization mode"), this);
    dock->setObjectName(QStringLiteral("modeDock"));
    dock->setWidget(m_modePanel);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({dock}, {250}, Qt::Horizontal);
    connect(m_modePanel, &ModePanel::changed, this, &MainWindow::runAnalysis);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showSelectedLayer);

    m_statusMode = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusMode);
    updateTitle();
}

void MainWindow::showOpenDialog()
{
    const QString dir = m_currentFile.isEmpty() ? QString() : QFileInfo(m_currentFile).absolutePath();
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
    const int generation = ++m_loadGeneration;
    statusBar()->showMessage(tr("Loading %1…").arg(QFileInfo(path).fileName()));
    auto* watcher = new QFutureWatcher<LoadOutcome>(this);
    connect(watcher, &QFutureWatcher<LoadOutcome>::finished, this, [this, watcher, path, generation] {
        const LoadOutcome outcome = watcher->result();
        watcher->deleteLater();
        if (generation != m_loadGeneration)
            return; // a newer request replaced this one
        if (!outcome.graph) {
            statusBar()->showMessage(tr("Could not open %1").arg(QFileInfo(path).fileName()), 5000);
            auto* box = new QMessageBox(QMessageBox::Critical, tr("Cannot open model"),
                tr("%1 could not be opened.").arg(QFileInfo(path).fileName()), QMessageBox::Ok, this);
            box->setInformativeText(outcome.error);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
            emit loadFailed(path, outcome.error);
            return;
        }
        m_floatGraph = outcome.floatGraph;
        applyModel(path, outcome.graph);
        emit modelLoaded(path);
        runAnalysis();
    });
    watcher->setFuture(QtConcurrent::run(load, path));
}

void MainWindow::applyModel(const QString& path, std::shared_ptr<const model::Graph> graph)
{
    m_currentFile = path;
    const auto summary = model::summarize(*graph);
    m_layers->setGraph(std::move(graph));
    m_table->resizeColumnsToContents();
    m_summary->setText(tr("%1 — %2 operators, %3, mode: %4 (%5)")
                           .arg(QFileInfo(path).fileName())
                           .arg(m_layers->rowCount())
                           .arg(QLocale().formattedDataSize(
                               static_cast<qint64>(summary.fileSize), 1, QLocale::DataSizeTraditionalFormat))
                           .arg(QString::fromStdString(model::quantModeName(summary.mode.mode)))
                           .arg(QString::fromStdString(summary.mode.reason)));
    statusBar()->clearMessage();
    updateTitle();
}

void MainWindow::runAnalysis()
{
    const int generation = ++m_analysisGeneration;
    if (!m_floatGraph)
        return;
    const auto options = m_modePanel->options();
    m_statusMode->setText(m_modePanel->describe());
    auto* watcher = new QFutureWatcher<Result<std::vector<eval::LayerWeights>>>(this);
    connect(
        watcher, &QFutureWatcher<Result<std::vector<eval::LayerWeights>>>::finished, this, [this, watcher, generation] {
            auto result = watcher->result();
            watcher->deleteLater();
            if (generation != m_analysisGeneration)
                return; // the options changed again meanwhile
            if (!result) {
                statusBar()->showMessage(
                    tr("Weight analysis failed: %1").arg(QString::fromStdString(result.error().message)), 8000);
                m_layers->setWeightAnalysis(nullptr);
            } else {
                m_layers->setWeightAnalysis(
                    std::make_shared<const std::vector<eval::LayerWeights>>(std::move(result.value())));
            }
            m_errorChart->setLayers(
                m_layers->weightAnalysis() ? *m_layers->weightAnalysis() : std::vector<eval::LayerWeights>{});
            // Nothing selected yet (a new model): show the first layer with weights.
            if (!m_table->selectionModel()->currentIndex().isValid() && m_layers->weightAnalysis())
                for (const auto& l : *m_layers->weightAnalysis())
                    if (l.quantized) {
                        selectOperator(l.op);
                        break;
                    }
            showSelectedLayer();
            emit analysisFinished();
        });
    watcher->setFuture(
        QtConcurrent::run([graph = m_floatGraph, options] { return eval::analyzeWeights(*graph, options); }));
}

void MainWindow::showSelectedLayer()
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const int row = current.isValid() ? m_proxy->mapToSource(current).row() : -1;
    m_weightView->setLayer(m_layers->weightsOf(row));
    const auto* layer = m_layers->layer(row);
    m_errorChart->setCurrentOperator(layer ? layer->index : -1);
}

bool MainWindow::selectOperator(int op)
{
    for (int r = 0; r < m_layers->rowCount(); ++r)
        if (const auto* l = m_layers->layer(r); l && l->index == op) {
            const QModelIndex i = m_proxy->mapFromSource(m_layers->index(r, 0));
            m_table->selectionModel()->setCurrentIndex(
                i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            return true;
        }
    return false;
}

void MainWindow::updateTitle()
{
    setWindowTitle(
        m_currentFile.isEmpty() ? tr("QuantLens") : tr("%1 — QuantLens").arg(QFileInfo(m_currentFile).fileName()));
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
