// SPDX-License-Identifier: MIT
#include "gui/mainwindow.h"

#include "compare/comparemodel.h"
#include "errors/errorchart.h"
#include "eval/activations.h"
#include "eval/evaluate.h"
#include "eval/sensitivity.h"
#include "graph/graphview.h"
#include "gui/comparetab.h"
#include "gui/difftab.h"
#include "gui/language.h"
#include "gui/layerpane.h"
#include "gui/messagearea.h"
#include "gui/modelload.h"
#include "gui/modepanel.h"
#include "gui/optionscommand.h"
#include "gui/sidebyside.h"
#include "gui/trainview.h"
#include "layers/layertablemodel.h"
#include "model/reader.h"
#include "model/writer.h"
#include "passes/quantize.h"
#include "sidebyside/sampleviews.h"
#include "weights/weightview.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QScopedValueRollback>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <functional>
#include <map>

namespace ql::app {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_doc(new Document(this))
{
    setAcceptDrops(true);
    // 1400 x 820, or what the screen has room for (a 1280 x 800 laptop or projector).
    const QRect room = screen() ? screen()->availableGeometry() : QRect(0, 0, 1400, 820);
    resize(std::min(1400, room.width()), std::min(820, room.height()));

    buildMenus();

    m_layerPane = new LayerPane(this);
    m_layers = m_layerPane->model();
    connect(m_layers, &widgets::LayerTableModel::keepFloatRequested, m_doc, &Document::setKeepFloat);
    connect(m_doc, &Document::keepFloatChanged, this, [this] {
        m_compare->markOutOfDate(tr("the layers kept in float changed"));
        m_layers->setKeptFloat(m_doc->keptFloat());
        m_graphView->setKeptFloat(m_doc->keptFloat());
        runAnalysis();
    });
    connect(m_layerPane, &LayerPane::selectionChanged, this, &MainWindow::showSelectedLayer);

    m_weightView = new widgets::WeightView(this);
    m_errorChart = new widgets::ErrorChart(this);
    connect(m_errorChart, &widgets::ErrorChart::operatorClicked, this, &MainWindow::selectOperator);
    m_views = new QTabWidget(this);
    m_views->addTab(m_weightView, tr("&Weights"));
    m_graphView = new widgets::GraphView(this);
    m_views->addTab(m_graphView, tr("&Graph"));
    wireGraphView();
    auto* errorsPage = new QWidget(this);
    auto* errorsLayout = new QVBoxLayout(errorsPage);
    errorsLayout->setContentsMargins(0, 0, 0, 0);
    m_activationCaption = new QLabel(errorsPage);
    m_activationCaption->setWordWrap(true);
    m_activationBars = new widgets::ValueBars(tr("activation SQNR (dB)"), errorsPage);
    m_activationBars->setToolTip(tr("How close each operator output of the quantized model stays to the float one "
                                    "on the data set (higher is better). Click a bar to select its layer."));
    connect(m_activationBars, &widgets::ValueBars::barClicked, this, [this](int i) {
        if (i >= 0 && i < static_cast<int>(m_activationOps.size()))
            selectOperator(m_activationOps[static_cast<std::size_t>(i)]);
    });
    errorsLayout->addWidget(m_errorChart, 1);
    errorsLayout->addWidget(m_activationCaption);
    errorsLayout->addWidget(m_activationBars, 1);
    m_views->addTab(errorsPage, tr("E&rrors"));

    // Compare: every mode on a data set.
    m_compare = new CompareTab(this);
    m_views->addTab(m_compare, tr("&Compare"));
    connect(m_compare, &CompareTab::evaluateRequested, this, &MainWindow::evaluateAllModes);
    connect(m_compare, &CompareTab::cancelRequested, this, &MainWindow::cancelEvaluation);
    m_sideBySide = new SideBySideView(this);
    m_views->addTab(m_sideBySide, tr("&Side by side"));
    m_trainView = new TrainView(this);
    m_views->addTab(m_trainView, tr("&Train"));
    m_diff = new DiffTab(this);
    m_views->addTab(m_diff, tr("&Diff"));
    connect(m_trainView, &TrainView::finished, this,
        [this](bool ok, const QString& message, std::shared_ptr<const std::vector<eval::ModeEvaluation>> rows) {
            if (!ok) {
                m_messages->post(QStringLiteral("train"), tr("Training: %1").arg(message));
                return;
            }
            m_messages->clear(QStringLiteral("train"));
            // Float, PTQ and QAT of the trained net join whatever the Compare table already shows.
            m_compare->addTrainingResults(*rows);
            statusBar()->showMessage(tr("Training done: float, PTQ and QAT are in the Compare tab"), 8000);
        });
    // The message area sits over the views: what went wrong stays readable until it no longer applies.
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(2);
    m_messages = new MessageArea(right);
    rightLayout->addWidget(m_messages);
    rightLayout->addWidget(m_views, 1);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_layerPane);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({470, 700});
    setCentralWidget(splitter);

    m_modePanel = new ModePanel(this);
    auto* dock = new QDockWidget(tr("Quantization mode"), this);
    dock->setObjectName(QStringLiteral("modeDock"));
    // In a scroll area: the panel opens at its natural width, but a small screen can still squeeze it.
    auto* panelScroll = new QScrollArea(dock);
    panelScroll->setWidget(m_modePanel);
    panelScroll->setWidgetResizable(true);
    panelScroll->setFrameShape(QFrame::NoFrame);
    panelScroll->setMinimumWidth(160);
    dock->setWidget(panelScroll);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    // Its natural width once the window is laid out, unless restoreSettings() brought back the user's layout.
    QTimer::singleShot(0, this, [this, dock] {
        // At most a quarter of the window (a 1280-pixel screen keeps room for the table and the views).
        if (!m_layoutRestored)
            resizeDocks({dock}, {std::min(m_modePanel->sizeHint().width() + 12, std::max(240, width() / 4))},
                Qt::Horizontal);
    });
    m_panelState = m_modePanel->state();
    connect(m_modePanel, &ModePanel::changed, this, [this] {
        // A change by the user is one undo step (undo and redo apply theirs without a new one).
        const ModePanel::State now = m_modePanel->state();
        if (!m_applyingOptions && !(now == m_panelState))
            m_doc->undoStack()->push(new OptionsCommand(
                [this](const ModePanel::State& s) {
                    const QScopedValueRollback guard(m_applyingOptions, true);
                    m_modePanel->setState(s);
                },
                m_panelState, now));
        m_panelState = now;
        runAnalysis();
        updateCompareState();
        if (evaluationKey() != m_evaluatedKey)
            m_compare->markOutOfDate(tr("the quantization options changed"));
    });
    connect(m_modePanel, &ModePanel::calibrationDataRequested, this, &MainWindow::showCalibrationDataDialog);
    connect(this, &MainWindow::exportFinished, this, [this](bool ok, const QString& message) {
        if (ok || !isVisible())
            return;
        auto* box =
            new QMessageBox(QMessageBox::Warning, tr("Cannot export the model"), message, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(this, &MainWindow::dataSetOpened, this, [this](bool ok, const QString& message, bool calibration) {
        if (ok || !isVisible())
            return;
        auto* box = new QMessageBox(QMessageBox::Warning,
            calibration ? tr("Cannot open calibration data") : tr("Cannot open data set"), message, QMessageBox::Ok,
            this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    updateCalibrationSource();

    wireDocumentJobs();
    wireReport();
    wireDocumentData();
    m_statusMode = new QLabel(this);
    statusBar()->addPermanentWidget(m_statusMode);
    updateTitle();
    updateCompareState();
}

MainWindow::~MainWindow()
{
    m_doc->cancelAll();
}

QString MainWindow::activationCaption() const
{
    return m_activationCaption->text();
}

widgets::CompareModel* MainWindow::compareModel() const
{
    return m_compare->model();
}

widgets::TradeoffChart* MainWindow::tradeoffChart() const
{
    return m_compare->chart();
}

bool MainWindow::showView(const QString& name)
{
    const QStringList names{QStringLiteral("weights"), QStringLiteral("graph"), QStringLiteral("errors"), QStringLiteral("compare"),
        QStringLiteral("side-by-side"), QStringLiteral("train"), QStringLiteral("diff")};
    const auto i = names.indexOf(name);
    if (i < 0)
        return false;
    m_views->setCurrentIndex(static_cast<int>(i));
    return true;
}

void MainWindow::showSelectedLayer()
{
    const int row = m_layerPane->selectedRow();
    m_weightView->setLayer(m_layers->weightsOf(row));
    const auto* layer = m_layers->layer(row);
    m_errorChart->setCurrentOperator(layer ? layer->index : -1);
    if (layer)
        m_graphView->selectOperator(layer->index);
}

void MainWindow::wireGraphView()
{
    connect(m_graphView, &widgets::GraphView::operatorSelected, this, &MainWindow::selectOperator);
    connect(m_graphView, &widgets::GraphView::operatorOpened, this, [this](int op) {
        selectOperator(op);
        m_views->setCurrentWidget(m_weightView);
    });
    connect(m_graphView, &widgets::GraphView::keepFloatRequested, m_doc, &Document::setKeepFloat);
    connect(m_graphView, &widgets::GraphView::latencyRequested, m_doc, &Document::measureLatency);
    connect(m_doc, &Document::latencyMeasured, this, [this](const std::vector<double>& ms, const QString& error) {
        m_graphView->setLatency(ms, error.isEmpty() ? QString() : tr("Could not measure: %1").arg(error));
    });
}

bool MainWindow::selectOperator(int op)
{
    return m_layerPane->selectOperator(op);
}

int MainWindow::selectedOperator() const
{
    return m_layerPane->selectedOperator();
}

void MainWindow::updateTitle()
{
    setWindowTitle(
        m_doc->file().isEmpty() ? tr("QuantLens") : tr("%1 — QuantLens").arg(QFileInfo(m_doc->file()).fileName()));
}

} // namespace ql::app
