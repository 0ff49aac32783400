// SPDX-License-Identifier: MIT
#include "gui/mainwindow.h"

#include "compare/comparemodel.h"
#include "data/image_folder.h"
#include "errors/errorchart.h"
#include "eval/activations.h"
#include "eval/evaluate.h"
#include "eval/sensitivity.h"
#include "gui/modepanel.h"
#include "gui/sidebyside.h"
#include "gui/trainview.h"
#include "layers/layertablemodel.h"
#include "model/reader.h"
#include "model/summary.h"
#include "model/writer.h"
#include "passes/quantize.h"
#include "sidebyside/sampleviews.h"
#include "weights/weightview.h"

#include <QAction>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <functional>
#include <map>

namespace ql::app {

namespace {

struct LoadOutcome {
    std::shared_ptr<const model::Graph> graph;
    std::shared_ptr<const model::Graph> floatGraph; // what the analysis works on
    QString error;
    std::vector<int> toOriginal; // operator of floatGraph -> operator of graph (-1: none)
};

// Dequantizing drops QUANTIZE / DEQUANTIZE operators (and rewires around them), so the two graphs number
// their operators differently. It keeps the order of everything else: the k-th operator of a type in one
// graph is the k-th of that type in the other.
std::vector<int> mapOperators(const model::Graph& original, const model::Graph& dequantized)
{
    std::map<tflite::BuiltinOperator, std::vector<int>> byType;
    const auto& os = original.main();
    for (std::size_t k = 0; k < os.operators.size(); ++k)
        byType[original.opcodeOf(os.operators[k])].push_back(static_cast<int>(k));
    std::map<tflite::BuiltinOperator, std::size_t> seen;
    const auto& fs = dequantized.main();
    std::vector<int> map(fs.operators.size(), -1);
    for (std::size_t k = 0; k < fs.operators.size(); ++k) {
        const auto type = dequantized.opcodeOf(fs.operators[k]);
        const auto& list = byType[type];
        const std::size_t i = seen[type]++;
        if (i < list.size())
            map[k] = list[i];
    }
    return map;
}

LoadOutcome load(const QString& path)
{
    Result<model::Graph> g = Error{""};
    if (path.startsWith(QLatin1String(":/"))) { // bundled with the application (the demo model)
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {nullptr, nullptr,
                QCoreApplication::translate("ql::app::MainWindow", "%1: not found in the application's resources")
                    .arg(path),
                {}};
        const QByteArray bytes = f.readAll();
        g = model::readTflite(MappedFile::fromBytes(
            std::span(reinterpret_cast<const std::uint8_t*>(bytes.constData()), static_cast<std::size_t>(bytes.size())),
            path.toStdString()));
    } else {
        g = model::readTflite(path.toStdString());
    }
    if (!g)
        return {nullptr, nullptr, QString::fromStdString(g.error().message), {}};
    auto graph = std::make_shared<const model::Graph>(std::move(g.value()));
    std::shared_ptr<const model::Graph> floatGraph = graph;
    if (passes::isQuantized(*graph)) {
        // Analysis works on float weights: a quantized file is dequantized (the re-quantization of its weights).
        if (auto f = passes::dequantizeGraph(*graph))
            floatGraph = std::make_shared<const model::Graph>(std::move(*f));
        else
            floatGraph = nullptr;
    }
    std::vector<int> toOriginal;
    if (floatGraph)
        toOriginal = floatGraph == graph ? std::vector<int>{} : mapOperators(*graph, *floatGraph);
    if (floatGraph && floatGraph == graph) {
        toOriginal.resize(graph->main().operators.size());
        for (std::size_t k = 0; k < toOriginal.size(); ++k)
            toOriginal[k] = static_cast<int>(k);
    }
    return {std::move(graph), std::move(floatGraph), {}, std::move(toOriginal)};
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

// One undoable change of the set of layers kept in float.
class KeepFloatCommand : public QUndoCommand {
public:
    KeepFloatCommand(std::function<void(std::vector<int>)> apply, std::vector<int> before, std::vector<int> after,
        const QString& text)
        : QUndoCommand(text)
        , m_apply(std::move(apply))
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }
    void redo() override { m_apply(m_after); }
    void undo() override { m_apply(m_before); }

private:
    std::function<void(std::vector<int>)> m_apply;
    std::vector<int> m_before, m_after;
};

std::vector<std::string> keepStrings(const std::vector<int>& ops)
{
    std::vector<std::string> s;
    for (int op : ops)
        s.push_back(std::to_string(op));
    return s;
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
    auto* openData = fileMenu->addAction(tr("Open &data set…"), this, &MainWindow::showOpenDataSetDialog);
    openData->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openData->setToolTip(tr("Images for Compare: IDX (.gz), .npy, or a folder with one sub-folder per class"));
    m_recentMenu = fileMenu->addMenu(tr("Open &recent"));
    auto* exportModel = fileMenu->addAction(tr("&Export model…"), this, &MainWindow::showExportDialog);
    exportModel->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    exportModel->setToolTip(tr("Write the model in the selected mode as a .tflite the TensorFlow Lite runtime loads"));
    fileMenu->addSeparator();
    auto* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    m_undo = new QUndoStack(this);
    auto* editMenu = menuBar()->addMenu(tr("&Edit"));
    auto* undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    auto* redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    editMenu->addAction(undo);
    editMenu->addAction(redo);
    editMenu->addSeparator();
    auto* suggest = editMenu->addAction(tr("&Suggest layers to keep in float"), this, &MainWindow::suggestKeepFloat);
    suggest->setToolTip(tr("Measure every weighted layer's effect on accuracy (or agreement) on the data set and keep "
                           "the fewest layers in float that bring the drop within one point"));
    auto* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About QuantLens"), this, &MainWindow::showAbout);
    rebuildRecentMenu();

    m_layers = new widgets::LayerTableModel(this);
    connect(m_layers, &widgets::LayerTableModel::keepFloatRequested, this, &MainWindow::setKeepFloat);
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
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QMenu menu(this);
        menu.addAction(tr("Export table…"), this, [this] {
            const QString path = QFileDialog::getSaveFileName(
                this, tr("Export table"), QStringLiteral("layers.csv"), tr("CSV (*.csv);;JSON (*.json)"));
            QString error;
            if (!path.isEmpty() && !widgets::exportTable(*m_proxy, path, &error))
                QMessageBox::warning(this, tr("Cannot export the table"), error);
        });
        menu.exec(m_table->viewport()->mapToGlobal(at));
    });
    layout->addWidget(m_summary);
    layout->addWidget(m_filter);
    layout->addWidget(m_table);

    m_weightView = new widgets::WeightView(this);
    m_errorChart = new widgets::ErrorChart(this);
    connect(m_errorChart, &widgets::ErrorChart::operatorClicked, this, &MainWindow::selectOperator);
    m_views = new QTabWidget(this);
    m_views->addTab(m_weightView, tr("&Weights"));
    auto* errorsPage = new QWidget(this);
    auto* errorsLayout = new QVBoxLayout(errorsPage);
    errorsLayout->setContentsMargins(0, 0, 0, 0);
    m_activationCaption = new QLabel(errorsPage);
    m_activationCaption->setWordWrap(true);
    m_activationBars = new widgets::ValueBars(tr("activation SQNR (dB)"), errorsPage);
    errorsLayout->addWidget(m_errorChart, 1);
    errorsLayout->addWidget(m_activationCaption);
    errorsLayout->addWidget(m_activationBars, 1);
    m_views->addTab(errorsPage, tr("&Errors"));

    // Compare: every mode on a data set.
    auto* compare = new QWidget(this);
    auto* cl = new QVBoxLayout(compare);
    m_dataLabel = new QLabel(compare);
    m_dataLabel->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    m_evaluate = new QPushButton(tr("E&valuate all modes"), compare);
    m_evaluate->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_evaluate->setToolTip(tr("Run the model in float32, float16, dynamic range, int8 and 16x8 over the data set: "
                              "accuracy, agreement with float, KL divergence, size and latency (Ctrl+E)"));
    m_cancelButton = new QPushButton(tr("Cancel"), compare);
    m_progress = new QProgressBar(compare);
    m_progress->setTextVisible(true);
    buttons->addWidget(m_evaluate);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_progress, 1);
    m_compareModel = new widgets::CompareModel(this);
    auto* compareProxy = new QSortFilterProxyModel(this);
    compareProxy->setSourceModel(m_compareModel);
    compareProxy->setSortRole(widgets::CompareModel::SortRole);
    auto* compareTable = new QTableView(compare);
    compareTable->setModel(compareProxy);
    compareTable->setSortingEnabled(true);
    compareTable->verticalHeader()->hide();
    compareTable->horizontalHeader()->setStretchLastSection(true);
    m_tradeoff = new widgets::TradeoffChart(compare);
    auto* exportTableButton = new QPushButton(tr("Export table…"), compare);
    exportTableButton->setToolTip(tr("Save the comparison as CSV or JSON"));
    buttons->addWidget(exportTableButton);
    connect(exportTableButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export table"), QStringLiteral("modes.csv"), tr("CSV (*.csv);;JSON (*.json)"));
        if (path.isEmpty())
            return;
        QSaveFile out(path);
        const bool json = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
        if (!out.open(QIODevice::WriteOnly) ||
            out.write(json ? m_compareModel->toJson() : m_compareModel->toCsv().toUtf8()) < 0 || !out.commit())
            QMessageBox::warning(this, tr("Cannot export the table"), out.errorString());
    });
    cl->addWidget(m_dataLabel);
    cl->addLayout(buttons);
    cl->addWidget(compareTable, 1);
    cl->addWidget(m_tradeoff, 2);
    m_views->addTab(compare, tr("&Compare"));
    m_sideBySide = new SideBySideView(this);
    m_views->addTab(m_sideBySide, tr("&Side by side"));
    m_trainView = new TrainView(this);
    m_views->addTab(m_trainView, tr("&Train"));
    connect(m_trainView, &TrainView::finished, this,
        [this](bool ok, const QString& message, std::shared_ptr<const std::vector<eval::ModeEvaluation>> rows) {
            if (!ok) {
                statusBar()->showMessage(tr("Training: %1").arg(message), 8000);
                return;
            }
            // Float, PTQ and QAT of the trained net join whatever the Compare table already shows.
            auto all = std::make_shared<std::vector<eval::ModeEvaluation>>();
            if (m_compareModel->results())
                *all = *m_compareModel->results();
            all->insert(all->end(), rows->begin(), rows->end());
            m_compareModel->setResults(all);
            m_tradeoff->setResults(*all);
            statusBar()->showMessage(tr("Training done: float, PTQ and QAT are in the Compare tab"), 8000);
        });
    connect(m_evaluate, &QPushButton::clicked, this, &MainWindow::evaluateAllModes);
    connect(m_cancelButton, &QPushButton::clicked, this, &MainWindow::cancelEvaluation);
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
    updateCompareState();
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
        m_graph = outcome.graph;
        m_toOriginal = outcome.toOriginal;
        ++m_modelGeneration;
        cancelEvaluation();
        m_keepFloat.clear();
        m_undo->clear();
        m_compareModel->setResults(nullptr);
        m_tradeoff->setResults({});
        if (path == demoModelPath() && !m_data) {
            // The bundled Fashion-MNIST sample goes with the bundled model.
            m_demoData = std::make_unique<QTemporaryDir>();
            const QString images = m_demoData->filePath(QStringLiteral("fashion-mnist-sample-images.gz"));
            const QString labels = m_demoData->filePath(QStringLiteral("fashion-mnist-sample-labels.gz"));
            if (QFile::copy(QStringLiteral(":/demo/fashion-mnist-sample-images-idx3-ubyte.gz"), images) &&
                QFile::copy(QStringLiteral(":/demo/fashion-mnist-sample-labels-idx1-ubyte.gz"), labels) &&
                openDataSet(images, labels))
                m_dataName =
                    tr("the bundled Fashion-MNIST sample (%n test image(s))", nullptr, static_cast<int>(m_data->count));
        }
        applyModel(path, outcome.graph);
        updateCompareState();
        if (!path.startsWith(QLatin1String(":/")))
            rememberRecent(path);
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

MainWindow::~MainWindow()
{
    if (m_cancel)
        m_cancel->store(true);
    m_jobsCancel->store(true);
}

bool MainWindow::openDataSet(const QString& images, const QString& labels, QString* error)
{
    Result<data::SampleSet> set = Error{""};
    if (QFileInfo(images).isDir()) {
        if (!m_floatGraph || m_floatGraph->main().inputs.size() != 1) {
            if (error)
                *error = tr("Open a model with one input first: images are sized to its input.");
            return false;
        }
        const auto& in = m_floatGraph->main().tensors[static_cast<std::size_t>(m_floatGraph->main().inputs[0])];
        auto spec = imageSpecFor(in, {}, false);
        set = spec ? loadImageFolder(images, *spec, 0) : Result<data::SampleSet>(spec.error());
    } else {
        set = data::loadSamples(images.toStdString(), {}, 0);
        if (set && !labels.isEmpty())
            if (auto s = data::loadLabels(*set, labels.toStdString()); !s)
                set = s.error();
    }
    if (!set) {
        if (error)
            *error = QString::fromStdString(set.error().message);
        return false;
    }
    m_data = std::make_shared<const data::SampleSet>(std::move(*set));
    m_dataName = QFileInfo(images).fileName();
    if (m_dataName.contains(QLatin1String("fashion"), Qt::CaseInsensitive)) // Fashion-MNIST: name the classes
        m_sideBySide->setClassNames({tr("T-shirt/top"), tr("Trouser"), tr("Pullover"), tr("Dress"), tr("Coat"),
            tr("Sandal"), tr("Shirt"), tr("Sneaker"), tr("Bag"), tr("Ankle boot")});
    m_sideBySide->setDataSet(m_data);
    updateCompareState();
    rebuildQuantized();
    return true;
}

void MainWindow::showOpenDataSetDialog()
{
    const QString images = QFileDialog::getOpenFileName(
        this, tr("Open images"), QString(), tr("Data sets (*.gz *-ubyte *.idx *.npy);;All files (*)"));
    if (images.isEmpty())
        return;
    const QString labels = QFileDialog::getOpenFileName(this, tr("Open labels (cancel: no labels)"),
        QFileInfo(images).absolutePath(), tr("Labels (*.gz *-ubyte *.idx *.npy);;All files (*)"));
    QString error;
    if (!openDataSet(images, labels, &error))
        QMessageBox::warning(this, tr("Cannot open data set"), error);
}

void MainWindow::updateCompareState()
{
    const bool running = m_cancel != nullptr;
    QString text;
    if (!m_data)
        text = tr("Open a data set (File › Open data set…) to compare the modes.");
    else if (m_floatGraph && m_floatGraph->main().inputs.size() == 1) {
        const auto& in = m_floatGraph->main().tensors[static_cast<std::size_t>(m_floatGraph->main().inputs[0])];
        const auto fits = data::checkSamplesFit(*m_data, in);
        text = fits ? tr("Data: %1%2. int8 and 16x8 are calibrated on its first 100 samples.")
                          .arg(m_dataName)
                          .arg(m_data->labels.empty() ? tr(", no labels (agreement only)") : QString())
                    : tr("The data set %1 does not fit this model: %2")
                          .arg(m_dataName, QString::fromStdString(fits.error().message));
    }
    m_dataLabel->setText(text);
    m_evaluate->setEnabled(!running && m_data && m_floatGraph);
    m_cancelButton->setEnabled(running);
}

void MainWindow::evaluateAllModes()
{
    if (m_cancel || !m_data || !m_floatGraph)
        return;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    updateCompareState();
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("calibrating…"));
    const auto options = m_modePanel->options();
    const bool quantized = m_graph && passes::isQuantized(*m_graph);
    using Outcome = Result<std::vector<eval::ModeEvaluation>>;
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, model = m_modelGeneration] {
        Outcome r = watcher->result();
        watcher->deleteLater();
        m_cancel.reset();
        if (model != m_modelGeneration) { // another model was opened meanwhile: its table stays empty
            r = Error{"cancelled: another model was opened"};
        }
        m_progress->setRange(0, 1);
        m_progress->setValue(r ? 1 : 0);
        if (r) {
            auto results = std::make_shared<const std::vector<eval::ModeEvaluation>>(std::move(r.value()));
            m_compareModel->setResults(results);
            m_tradeoff->setResults(*results);
            m_progress->setFormat(tr("done"));
        } else {
            m_progress->setFormat(QString::fromStdString(r.error().message));
        }
        updateCompareState();
        emit evaluationFinished(r.ok(), r ? QString() : QString::fromStdString(r.error().message));
    });
    QPointer<MainWindow> self(this);
    auto progress = [self](const std::string& mode, std::int64_t done, std::int64_t total) {
        QMetaObject::invokeMethod(
            qApp,
            [self, m = QString::fromStdString(mode), done, total] {
                if (!self)
                    return;
                self->m_progress->setRange(0, static_cast<int>(total));
                self->m_progress->setValue(static_cast<int>(done));
                self->m_progress->setFormat(tr("%1: %2 / %3").arg(m).arg(done).arg(total));
            },
            Qt::QueuedConnection);
    };
    watcher->setFuture(
        QtConcurrent::run([graph = m_floatGraph, original = m_graph, data = m_data, options, quantized,
                              cancel = m_cancel, progress, keep = keepStrings(m_keepFloat)]() -> Outcome {
            eval::EvaluateOptions eo;
            eo.quantize.keepFloat = keep;
            if (quantized)
                eo.modes.push_back("original");
            eo.quantize.perChannel = options.perChannel;
            eo.quantize.perChannelDense = options.perChannelDense;
            eo.latencyRuns = 10;
            auto ranges = quant::calibrate(*graph, *data, eo.quantize.calibration); // its first 100 samples
            if (!ranges)
                return withContext("calibration", ranges.error());
            return eval::evaluateModes(
                *graph, quantized ? original.get() : nullptr, *data, *ranges, eo, progress, cancel.get());
        }));
}

QString MainWindow::exportSummary() const
{
    if (!m_floatGraph)
        return tr("Open a model first.");
    if (m_modePanel->options().teaching)
        return tr("Teaching schemes are for analysis and simulation: TensorFlow Lite cannot store %1. Choose a "
                  "TFLite mode to export.")
            .arg(QString::fromStdString(m_modePanel->options().teaching->describe()));
    const auto o = m_modePanel->quantizeOptions();
    QString s =
        tr("Mode %1, %2 weights")
            .arg(QString::fromStdString(passes::modeName(o.mode)), o.perChannel ? tr("per-channel") : tr("per-tensor"));
    if (passes::needsCalibration(o.mode)) {
        s += tr("; I/O %1").arg(m_modePanel->ioName());
        s += m_data ? tr("; activation ranges calibrated (min/max) on the first %1 samples of %2")
                          .arg(std::min<std::int64_t>(100, m_data->count))
                          .arg(m_dataName)
                    : tr("; needs a data set for calibration (File › Open data set…)");
    }
    if (m_graph && passes::isQuantized(*m_graph))
        s += tr(". The file is already quantized: this re-quantizes its dequantized weights.");
    return s + QLatin1Char('.');
}

void MainWindow::showExportDialog()
{
    const QString summary = exportSummary();
    if (!m_floatGraph || m_modePanel->options().teaching ||
        (passes::needsCalibration(m_modePanel->quantizeOptions().mode) && !m_data)) {
        QMessageBox::information(this, tr("Export model"), summary);
        return;
    }
    QString suggested = QFileInfo(m_currentFile).completeBaseName() + QLatin1Char('_') + m_modePanel->modeName() +
        QStringLiteral(".tflite");
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export model — %1").arg(summary), suggested, tr("TensorFlow Lite models (*.tflite)"));
    if (!path.isEmpty())
        exportModel(path);
}

void MainWindow::exportModel(const QString& path)
{
    if (!m_floatGraph) {
        emit exportFinished(false, tr("no model"));
        return;
    }
    const QFileInfo target(path);
    if (!m_currentFile.startsWith(QLatin1String(":/")) && target.exists() &&
        target.canonicalFilePath() == QFileInfo(m_currentFile).canonicalFilePath()) {
        emit exportFinished(false, tr("%1 is the open model; choose another file").arg(path));
        return;
    }
    if (m_modePanel->options().teaching) {
        emit exportFinished(false, exportSummary());
        return;
    }
    auto o = m_modePanel->quantizeOptions();
    o.keepFloat = keepStrings(m_keepFloat);
    if (passes::needsCalibration(o.mode) && !m_data) {
        emit exportFinished(false, exportSummary());
        return;
    }
    o.calibrationSource = m_dataName.toStdString();
    statusBar()->showMessage(tr("Exporting %1…").arg(target.fileName()));
    auto* watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcher<Status>::finished, this, [this, watcher, path] {
        const Status s = watcher->result();
        watcher->deleteLater();
        const QString message = s ? tr("Wrote %1").arg(path) : QString::fromStdString(s.error().message);
        statusBar()->showMessage(message, 8000);
        emit exportFinished(s.ok(), message);
    });
    watcher->setFuture(QtConcurrent::run([graph = m_floatGraph, data = m_data, o, path]() mutable -> Status {
        std::vector<quant::TensorRange> ranges;
        if (passes::needsCalibration(o.mode)) {
            o.calibration.samples = std::min<std::int64_t>(100, data->count);
            auto r = quant::calibrate(*graph, *data, o.calibration);
            if (!r)
                return r.error();
            ranges = std::move(*r);
        }
        auto q = passes::quantizeGraph(*graph, o, ranges);
        if (!q)
            return q.error();
        return model::writeTflite(q->graph, path.toStdString());
    }));
}

void MainWindow::restoreSettings()
{
    QSettings s;
    restoreGeometry(s.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(s.value(QStringLiteral("window/state")).toByteArray());
    m_recent = s.value(QStringLiteral("recentFiles")).toStringList();
    m_modePanel->restoreSettings();
    rebuildRecentMenu();
}

void MainWindow::saveSettings() const
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState());
    s.setValue(QStringLiteral("recentFiles"), m_recent);
    m_modePanel->saveSettings();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::rememberRecent(const QString& path)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    m_recent.removeAll(abs);
    m_recent.prepend(abs);
    while (m_recent.size() > 8)
        m_recent.removeLast();
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    for (const QString& f : m_recent)
        m_recentMenu->addAction(QFileInfo(f).fileName(), this, [this, f] { openFile(f); })->setToolTip(f);
    m_recentMenu->setEnabled(!m_recent.isEmpty());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About QuantLens"),
        tr("<h3>QuantLens %1</h3><p>Explore the quantization of TensorFlow Lite models: weights, errors, modes, "
           "accuracy and size, side by side.</p><p>MIT license. The bundled demo model was trained by QuantLens on "
           "Fashion-MNIST (© Zalando SE, MIT license).</p>")
            .arg(QCoreApplication::applicationVersion()));
}

bool MainWindow::showView(const QString& name)
{
    const QStringList names{QStringLiteral("weights"), QStringLiteral("errors"), QStringLiteral("compare"),
        QStringLiteral("side-by-side"), QStringLiteral("train")};
    const auto i = names.indexOf(name);
    if (i < 0)
        return false;
    m_views->setCurrentIndex(static_cast<int>(i));
    return true;
}

void MainWindow::cancelEvaluation()
{
    if (m_cancel)
        m_cancel->store(true);
}

int MainWindow::originalOp(int floatOp) const
{
    return floatOp >= 0 && floatOp < static_cast<int>(m_toOriginal.size())
        ? m_toOriginal[static_cast<std::size_t>(floatOp)]
        : -1;
}

int MainWindow::floatOp(int originalOp) const
{
    for (std::size_t k = 0; k < m_toOriginal.size(); ++k)
        if (m_toOriginal[k] == originalOp)
            return static_cast<int>(k);
    return -1;
}

void MainWindow::applyKeepFloat(std::vector<int> ops)
{
    std::sort(ops.begin(), ops.end());
    m_keepFloat = std::move(ops);
    std::vector<int> shown;
    for (int op : m_keepFloat)
        shown.push_back(originalOp(op));
    m_layers->setKeptFloat(shown);
    runAnalysis();
}

void MainWindow::setKeepFloat(int tableOp, bool keep)
{
    const int op = floatOp(tableOp); // the table shows the file; keep-float works on the analysed graph
    if (op < 0)
        return;
    std::vector<int> after = m_keepFloat;
    after.erase(std::remove(after.begin(), after.end(), op), after.end());
    if (keep)
        after.push_back(op);
    std::sort(after.begin(), after.end());
    if (after == m_keepFloat)
        return;
    m_undo->push(new KeepFloatCommand([this](std::vector<int> v) { applyKeepFloat(std::move(v)); }, m_keepFloat, after,
        keep ? tr("keep operator %1 in float").arg(op) : tr("quantize operator %1").arg(op)));
}

void MainWindow::suggestKeepFloat()
{
    if (!m_floatGraph || !m_data || m_modePanel->options().teaching) {
        const QString why = !m_data ? tr("Open a data set first (File › Open data set…).")
                                    : tr("Choose a TFLite mode: the suggestion measures that mode.");
        statusBar()->showMessage(why, 8000);
        emit suggestionFinished(false, why);
        return;
    }
    eval::SensitivityOptions so;
    so.quantize = m_modePanel->quantizeOptions();
    so.quantize.keepFloat.clear();
    statusBar()->showMessage(tr("Measuring every layer's sensitivity…"));
    using Outcome = Result<eval::SensitivityResult>;
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, model = m_modelGeneration] {
        Outcome r = watcher->result();
        watcher->deleteLater();
        if (model != m_modelGeneration) {
            emit suggestionFinished(false, tr("another model was opened meanwhile"));
            return;
        }
        if (!r) {
            const QString msg = QString::fromStdString(r.error().message);
            statusBar()->showMessage(tr("Suggestion failed: %1").arg(msg), 8000);
            emit suggestionFinished(false, msg);
            return;
        }
        const QString msg = r->keepFloat.empty()
            ? tr("Already within one point of float: nothing to keep in float")
            : tr("Keeping %n layer(s) in float: %1 %2 → %3 (float %4)", nullptr, static_cast<int>(r->keepFloat.size()))
                  .arg(QString::fromStdString(r->metric))
                  .arg(r->quantizedMetric, 0, 'f', 4)
                  .arg(r->selectionMetric, 0, 'f', 4)
                  .arg(r->floatMetric, 0, 'f', 4);
        if (!r->keepFloat.empty()) {
            std::vector<int> after = m_keepFloat;
            after.insert(after.end(), r->keepFloat.begin(), r->keepFloat.end());
            std::sort(after.begin(), after.end());
            after.erase(std::unique(after.begin(), after.end()), after.end());
            m_undo->push(new KeepFloatCommand([this](std::vector<int> v) { applyKeepFloat(std::move(v)); }, m_keepFloat,
                after, tr("keep suggested layers in float")));
        }
        statusBar()->showMessage(msg, 10000);
        emit suggestionFinished(true, msg);
    });
    watcher->setFuture(
        QtConcurrent::run([graph = m_floatGraph, data = m_data, so, cancel = m_jobsCancel]() mutable -> Outcome {
            // At most 500 samples: enough to rank layers, quick enough to stay interactive.
            const data::SampleSet sample = data::firstSamples(*data, 500);
            std::vector<quant::TensorRange> ranges;
            if (passes::needsCalibration(so.quantize.mode)) {
                auto r = quant::calibrate(*graph, sample, so.quantize.calibration); // its first 100 samples
                if (!r)
                    return r.error();
                ranges = std::move(*r);
            }
            return eval::sensitivity(*graph, sample, ranges, so, {}, cancel.get());
        }));
}

void MainWindow::rebuildQuantized()
{
    const int generation = ++m_quantGeneration;
    if (!m_floatGraph)
        return;
    const auto w = m_modePanel->options();
    auto q = m_modePanel->quantizeOptions();
    q.io = passes::IoType::Float;
    q.keepFloat = keepStrings(m_keepFloat);
    struct Built {
        std::shared_ptr<const model::Graph> graph;
        std::vector<eval::ActivationLayer> activations; // on the data set, when there is one
    };
    using Outcome = Result<Built>;
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, generation] {
        Outcome r = watcher->result();
        watcher->deleteLater();
        if (generation != m_quantGeneration)
            return;
        m_sideBySide->setModels(m_floatGraph, r ? r->graph : nullptr, m_modePanel->describe());
        QStringList labels;
        std::vector<double> values;
        if (r)
            for (const auto& a : r->activations) {
                labels << QStringLiteral("%1").arg(originalOp(a.op));
                values.push_back(a.propagated.sqnrDb);
            }
        m_activationBars->setValues(labels, values);
        m_activationCaption->setText(!r ? QString::fromStdString(r.error().message)
                : values.empty()        ? tr("Open a data set to see the activation error per operator output.")
                                        : tr("Activation SQNR per operator output (the quantized model's tensor "
                                                    "against the float one, %n sample(s) of the data set); the lowest "
                                                    "is outlined.",
                                              nullptr, static_cast<int>(std::min<std::int64_t>(32, m_data->count))));
        if (!r)
            statusBar()->showMessage(tr("Side by side: %1").arg(QString::fromStdString(r.error().message)), 8000);
        emit quantizedReady();
    });
    watcher->setFuture(QtConcurrent::run([graph = m_floatGraph, data = m_data, w, q]() mutable -> Outcome {
        Built b;
        if (w.teaching) {
            auto sim = passes::simulateWeights(*graph, *w.teaching);
            if (!sim)
                return sim.error();
            b.graph = std::make_shared<const model::Graph>(std::move(*sim));
        } else {
            std::vector<quant::TensorRange> ranges;
            if (passes::needsCalibration(q.mode)) {
                if (!data)
                    return Error{
                        passes::modeName(q.mode) + " needs a data set to calibrate on (File › Open data set…)"};
                auto r = quant::calibrate(*graph, *data, q.calibration); // its first 100 samples
                if (!r)
                    return r.error();
                ranges = std::move(*r);
            }
            auto out = passes::quantizeGraph(*graph, q, ranges);
            if (!out)
                return out.error();
            b.graph = std::make_shared<const model::Graph>(std::move(out->graph));
        }
        if (data) {
            eval::ActivationOptions ao;
            ao.mode = w.teaching ? passes::Mode::Float32 : q.mode;
            if (auto a = eval::analyzeActivations(*graph, *b.graph, *data, ao))
                b.activations = std::move(*a);
        }
        return b;
    }));
}

void MainWindow::runAnalysis()
{
    const int generation = ++m_analysisGeneration;
    if (!m_floatGraph)
        return;
    rebuildQuantized();
    auto options = m_modePanel->options();
    options.keepFloat = m_keepFloat;
    m_statusMode->setText(m_modePanel->describe() +
        (m_keepFloat.empty() ? QString()
                             : tr(", %n layer(s) kept float", nullptr, static_cast<int>(m_keepFloat.size()))));
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
                // Operator numbers of the analysed graph become those of the file the table shows.
                auto layers = std::move(result.value());
                for (auto& l : layers)
                    l.op = originalOp(l.op);
                std::erase_if(layers, [](const eval::LayerWeights& l) { return l.op < 0; });
                m_layers->setWeightAnalysis(std::make_shared<const std::vector<eval::LayerWeights>>(std::move(layers)));
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
