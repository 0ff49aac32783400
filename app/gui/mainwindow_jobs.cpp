// SPDX-License-Identifier: MIT
// The main window's side of the background work: it starts the document's jobs with the mode panel's
// options and shows what they report (the weight analysis, the quantized model for side by side and the
// activation error, the evaluation of every mode, the export, the keep-in-float suggestion).
#include "gui/mainwindow.h"

#include "compare/comparemodel.h"
#include "errors/errorchart.h"
#include "graph/graphview.h"
#include "gui/comparetab.h"
#include "gui/layerpane.h"
#include "gui/memorydialog.h"
#include "gui/messagearea.h"
#include "gui/modepanel.h"
#include "gui/sidebyside.h"
#include "gui/suggestdialog.h"
#include "layers/layertablemodel.h"
#include "sidebyside/sampleviews.h"
#include "weights/weightview.h"

#include <QFileDialog>
#include <QGridLayout>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>

#include <algorithm>

namespace ql::app {

void MainWindow::showActivationSqnr(
    const std::vector<int>& ops, const std::vector<double>& sqnr, const std::vector<double>& local)
{
    QStringList labels;
    const auto file = m_doc->source() ? m_doc->source()->file : nullptr;
    for (const int op : ops) {
        const bool named = file && op >= 0 && op < static_cast<int>(file->main().operators.size());
        labels << (named ? QStringLiteral("%1 %2").arg(op).arg(QString::fromStdString(
                               file->opName(file->main().operators[static_cast<std::size_t>(op)])))
                         : QString::number(op));
    }
    m_activationOps = ops;
    m_activationBars->setValues(labels, sqnr);
    m_graphView->setActivationSqnr(ops, sqnr, local);
}

void MainWindow::wireDocumentJobs()
{
    connect(m_doc, &Document::evaluationProgress, m_compare, &CompareTab::showProgress);
    connect(m_doc, &Document::evaluationFinished, this,
        [this](std::shared_ptr<const std::vector<eval::ModeEvaluation>> rows, const QString& error, bool stopped) {
            const bool ok = rows != nullptr;
            if (ok) {
                m_compare->setResults(std::move(rows));
                m_evaluatedKey = evaluationKey();
                m_messages->clear(QStringLiteral("evaluate"));
            } else if (!stopped) {
                m_messages->post(QStringLiteral("evaluate"), tr("Evaluating every mode failed: %1").arg(error));
            }
            m_compare->showFinished(ok, error);
            updateCompareState();
            emit evaluationFinished(ok, error);
        });
    connect(m_doc, &Document::exportFinished, this, [this](bool ok, const QString& message) {
        statusBar()->showMessage(message, 8000);
        emit exportFinished(ok, message);
    });
    m_suggest = new SuggestDialog(this);
    connect(m_suggest, &SuggestDialog::measureRequested, this, &MainWindow::suggestKeepFloat);
    connect(m_suggest, &SuggestDialog::cancelRequested, this, &MainWindow::cancelSuggestion);
    connect(m_doc, &Document::suggestionProgress, m_suggest, &SuggestDialog::showProgress);
    connect(m_doc, &Document::suggestionFinished, this,
        [this](bool ok, const QString& message, std::shared_ptr<const eval::SensitivityResult> result, bool stopped) {
        m_suggest->showFinished(ok, message, std::move(result));
        statusBar()->showMessage(ok ? message : tr("Suggestion failed: %1").arg(message), ok ? 10000 : 8000);
        if (ok || stopped)
            m_messages->clear(QStringLiteral("suggest"));
        else
            m_messages->post(QStringLiteral("suggest"), tr("Suggesting layers to keep in float failed: %1").arg(message));
        emit suggestionFinished(ok, message);
    });
    connect(m_doc, &Document::quantizedBuilt, this,
        [this](std::shared_ptr<const model::Graph> quantized, const std::vector<int>& ops, const std::vector<double>& sqnr,
            const std::vector<double>& local, const QString& error) {
            m_sideBySide->setModels(workGraph(), quantized, m_modePanel->describe(), error);
            m_quantized = m_modePanel->options().teaching ? nullptr : quantized;
            updateTarget();
            showActivationSqnr(ops, sqnr, local);
            const auto set = m_doc->dataSet();
            m_activationCaption->setText(!error.isEmpty() ? error
                    : sqnr.empty() ? tr("Open a data set to see the activation error per operator output.")
                                   : tr("Activation SQNR per operator output (the quantized model's tensor against the "
                                        "float one, %n sample(s) of the data set); the lowest is outlined.",
                                         nullptr, static_cast<int>(std::min<std::int64_t>(32, set ? set->count : 0))));
            // A failure that is not the model's known state (it cannot run, or needs a data set) is a message.
            if (!error.isEmpty() && error != m_doc->cannotRun() && !(quantized == nullptr && needsDataSet()))
                m_messages->post(QStringLiteral("quantized"),
                    quantized ? tr("Activation error on the data set: %1").arg(error)
                              : tr("The model in %1 could not be built: %2").arg(m_modePanel->describe(), error));
            else
                m_messages->clear(QStringLiteral("quantized"));
            emit quantizedReady();
        });
    connect(m_doc, &Document::weightsAnalysed, this,
        [this](std::shared_ptr<const std::vector<eval::LayerWeights>> layers, const QString& error) {
            if (!error.isEmpty())
                m_messages->post(QStringLiteral("weights"), tr("Weight analysis failed: %1").arg(error));
            else
                m_messages->clear(QStringLiteral("weights"));
            m_graphView->setWeightAnalysis(layers);
            m_layers->setWeightAnalysis(std::move(layers));
            m_errorChart->setLayers(
                m_layers->weightAnalysis() ? *m_layers->weightAnalysis() : std::vector<eval::LayerWeights>{});
            // Nothing selected yet (a new model): show the first layer with weights.
            if (m_layerPane->selectedRow() < 0 && m_layers->weightAnalysis())
                for (const auto& l : *m_layers->weightAnalysis())
                    if (l.quantized) {
                        selectOperator(l.op);
                        break;
                    }
            showSelectedLayer();
            emit analysisFinished();
        });
}

void MainWindow::evaluateAllModes()
{
    if (m_doc->evaluating() || !m_doc->dataSet() || !workGraph())
        return;
    m_doc->evaluateAllModes(m_modePanel->quantizeOptions(), m_modePanel->options().teaching);
    updateCompareState();
    m_compare->showBusy(tr("calibrating…"));
}

void MainWindow::cancelEvaluation()
{
    m_doc->cancelEvaluation();
}

QString MainWindow::exportSummary() const
{
    if (!workGraph())
        return tr("Open a model first.");
    if (m_modePanel->options().teaching)
        return tr("Teaching bit widths (here %1) are simulated on the weights for analysis and are not exported. "
                  "Choose a TFLite mode to export: float16, dynamic range, int8 or 16x8.")
            .arg(QString::fromStdString(m_modePanel->options().teaching->describe()));
    if (const QString why = m_doc->cannotRun(); !why.isEmpty() && passes::needsCalibration(m_modePanel->quantizeOptions().mode))
        return tr("%1 int8 and 16x8 calibrate by running the model; float16 and dynamic range can still be exported.")
            .arg(why);
    const auto o = m_modePanel->quantizeOptions();
    QString s =
        tr("Mode %1, %2 weights")
            .arg(QString::fromStdString(passes::modeName(o.mode)), o.perChannel ? tr("per-channel") : tr("per-tensor"));
    if (passes::needsCalibration(o.mode)) {
        s += tr("; I/O %1").arg(m_modePanel->ioName());
        const auto calib = calibrationData();
        const int carried = o.useModelRanges ? m_doc->source()->carriedRanges() : 0;
        if (carried > 0)
            s += tr("; %n activation range(s) from the model itself", nullptr, carried);
        if (calib)
            s += tr("; activation ranges calibrated (%1) on the first %2 samples of %3")
                     .arg(QString::fromStdString(o.calibration.describe()))
                     .arg(std::min<std::int64_t>(o.calibration.samples, calib->count))
                     .arg(calibrationDataName());
        else if (carried == 0)
            s += tr("; needs a data set for calibration (File › Open data set…)");
    }
    if (m_doc->source()->dequantized())
        s += tr(". The file is already quantized: this re-quantizes its dequantized weights.");
    return s + QLatin1Char('.');
}

void MainWindow::showExportDialog()
{
    const QString summary = exportSummary();
    if (!workGraph() || m_modePanel->options().teaching || needsDataSet() ||
        (!m_doc->cannotRun().isEmpty() && passes::needsCalibration(m_modePanel->quantizeOptions().mode))) {
        QMessageBox::information(this, tr("Export model"), summary);
        return;
    }
    QString suggested = QFileInfo(m_doc->file()).completeBaseName() + QLatin1Char('_') + m_modePanel->modeName() +
        QStringLiteral(".tflite");
    // The summary goes under the file list, in full (a window title would cut it).
    auto* dialog = new QFileDialog(this, tr("Export model"), suggested, tr("TensorFlow Lite models (*.tflite)"));
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("tflite"));
    dialog->setOption(QFileDialog::DontUseNativeDialog);
    dialog->selectFile(suggested);
    if (auto* grid = qobject_cast<QGridLayout*>(dialog->layout())) {
        auto* text = new QLabel(summary, dialog);
        text->setObjectName(QStringLiteral("exportSummary"));
        text->setWordWrap(true);
        grid->addWidget(text, grid->rowCount(), 0, 1, grid->columnCount());
    }
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString& path) { exportModel(path); });
    dialog->open();
}

void MainWindow::exportModel(const QString& path)
{
    if (!workGraph()) {
        emit exportFinished(false, tr("no model"));
        return;
    }
    const QFileInfo target(path);
    const QString open = m_doc->file();
    if (!open.startsWith(QLatin1String(":/")) && target.exists() &&
        target.canonicalFilePath() == QFileInfo(open).canonicalFilePath()) {
        emit exportFinished(false, tr("%1 is the open model; choose another file").arg(path));
        return;
    }
    if (m_modePanel->options().teaching || needsDataSet() ||
        (!m_doc->cannotRun().isEmpty() && passes::needsCalibration(m_modePanel->quantizeOptions().mode))) {
        emit exportFinished(false, exportSummary());
        return;
    }
    statusBar()->showMessage(tr("Exporting %1…").arg(target.fileName()));
    m_doc->exportModel(path, m_modePanel->quantizeOptions());
}

bool MainWindow::needsDataSet() const
{
    return m_doc->needsDataSet(m_modePanel->quantizeOptions());
}

void MainWindow::suggestKeepFloat()
{
    if (!workGraph() || !m_doc->dataSet() || m_modePanel->options().teaching || !m_doc->cannotRun().isEmpty()) {
        const QString why = !m_doc->cannotRun().isEmpty() ? m_doc->cannotRun()
            : !m_doc->dataSet()                          ? tr("Open a data set first (File › Open data set…).")
                                              : tr("Choose a TFLite mode: the suggestion measures that mode.");
        statusBar()->showMessage(why, 8000);
        m_suggest->showFinished(false, why, nullptr);
        emit suggestionFinished(false, why);
        return;
    }
    if (m_doc->suggesting())
        return;
    statusBar()->showMessage(tr("Measuring every layer's sensitivity…"));
    m_suggest->show();
    m_suggest->showRunning(true);
    m_doc->suggestKeepFloat(m_modePanel->quantizeOptions(), m_suggest->budget());
}

void MainWindow::cancelSuggestion()
{
    m_doc->cancelSuggestion();
}

void MainWindow::updateTarget()
{
    const target::Profile* profile = m_modePanel->target();
    // Compare judges every mode's RAM and flash against the target's.
    compareModel()->setTargetLimits(profile ? QString::fromStdString(profile->title) : QString(),
        profile ? profile->ramBytes : 0, profile ? profile->flashBytes : 0);
    const auto source = m_doc->source();
    // An open memory chart follows the model, the mode and the target too (this runs after each of them).
    if (m_memory && m_memory->isVisible() && source)
        updateMemoryDialog(*source);
    if (!profile || !source) {
        m_fileCheck = {};
        m_layers->setTargetMarks({});
        m_messages->clear(QStringLiteral("target"));
        m_targetSummary.clear();
        return;
    }
    const QString title = QString::fromStdString(profile->title);
    auto verdict = [&](const target::CheckResult& c) {
        const auto first = std::find_if(c.findings.begin(), c.findings.end(),
            [&](const target::Finding& f) { return f.impact == (c.runs() ? target::Impact::FallsBack : target::Impact::Blocks); });
        const QString why = first == c.findings.end() ? QString()
            : first->op >= 0 ? tr("operator %1 (%2): %3").arg(first->op).arg(QString::fromStdString(first->opName),
                                     QString::fromStdString(first->message))
                             : QString::fromStdString(first->message);
        if (!c.runs())
            return tr("does not run (%1)").arg(why);
        if (c.cutAt >= 0)
            return tr("runs, but from operator %1 on the CPU (%2)").arg(c.cutAt).arg(why);
        const auto fallsBack = std::count_if(c.findings.begin(), c.findings.end(),
            [](const target::Finding& f) { return f.impact == target::Impact::FallsBack && f.op >= 0; });
        return fallsBack > 0 ? tr("runs; %n operator(s) on a slower path (%1)", nullptr, static_cast<int>(fallsBack)).arg(why)
                             : tr("runs");
    };
    // The file as opened, checked once per model and target (options do not change it): its operators marked
    // in the table.
    const auto key = std::make_pair(m_doc->modelGeneration(), profile->name);
    if (m_fileCheck.first != key) {
        m_fileCheck = {key, target::check(*source->file, *profile, QFileInfo(m_doc->file()).size())};
        std::vector<widgets::LayerTableModel::TargetMark> marks;
        for (const auto& f : m_fileCheck.second.findings)
            if (f.op >= 0 && f.impact != target::Impact::Note)
                marks.push_back(
                    {f.op, f.impact == target::Impact::Blocks, tr("On %1: %2").arg(title, QString::fromStdString(f.message))});
        m_layers->setTargetMarks(std::move(marks));
    }
    const target::CheckResult& file = m_fileCheck.second;
    QString summary = tr("On %1, this file %2.").arg(title, verdict(file));
    bool trouble = !file.runs() || file.cutAt >= 0;
    // The model in the chosen mode, as QuantLens would export it (its I/O type is the export's concern).
    if (m_quantized && workGraph() && m_quantized != workGraph()) {
        const auto q = target::check(*m_quantized, *profile, 0, true);
        summary += QLatin1Char(' ') + tr("In %1, as QuantLens would export it: %2.").arg(m_modePanel->describe(), verdict(q));
        trouble = !q.runs() || q.cutAt >= 0;
    }
    m_targetSummary = summary;
    if (trouble)
        m_messages->post(QStringLiteral("target"), summary, MessageArea::Level::Warning);
    else
        m_messages->clear(QStringLiteral("target"));
    statusBar()->showMessage(summary, 10000);
}

void MainWindow::showMemoryDialog()
{
    const auto source = m_doc->source();
    if (!source) {
        statusBar()->showMessage(tr("Open a model first"), 5000);
        return;
    }
    if (!m_memory) {
        m_memory = new MemoryDialog(this);
        connect(m_memory, &MemoryDialog::operatorClicked, this, &MainWindow::selectOperator);
    }
    updateMemoryDialog(*source);
    m_memory->show();
    m_memory->raise();
}

void MainWindow::updateMemoryDialog(const pipeline::ModelSource& source)
{
    const model::Graph* chosen = m_quantized && m_quantized != workGraph() ? m_quantized.get() : nullptr;
    m_memory->setModels(*source.file, chosen, m_modePanel->describe(), m_modePanel->target());
}

std::string MainWindow::evaluationKey() const
{
    auto q = m_modePanel->quantizeOptions();
    q.mode = passes::Mode::Int8;
    q.io = passes::IoType::Native;
    q.keepFloat.clear();
    // A teaching scheme is one more row.
    const auto teaching = m_modePanel->options().teaching;
    return passes::describe(q) + (teaching ? " + " + eval::teachingModeName(*teaching) : std::string());
}

void MainWindow::rebuildQuantized()
{
    m_sideBySide->markPending(m_modePanel->describe());
    m_doc->buildQuantized(m_modePanel->options(), m_modePanel->quantizeOptions());
}

void MainWindow::runAnalysis()
{
    m_doc->inputsChanged();
    if (!workGraph()) {
        if (m_doc->source()) // a quantized file that cannot be dequantized: the table shows it, nothing is analysed
            statusBar()->showMessage(tr("Weight analysis: %1").arg(QString::fromStdString(m_doc->source()->note)), 8000);
        return;
    }
    rebuildQuantized();
    const auto kept = static_cast<int>(m_doc->keptFloat().size());
    m_statusMode->setText(m_modePanel->describe() + (kept == 0 ? QString() : tr(", %n layer(s) kept float", nullptr, kept)));
    m_doc->analyzeWeights(m_modePanel->options());
}

} // namespace ql::app
