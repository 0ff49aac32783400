// SPDX-License-Identifier: MIT
// The main window's background work: the weight analysis, the quantized model for side by side and the
// activation error, the evaluation of every mode, the export, the keep-in-float suggestion, and the undoable
// keep-in-float set they all honour. Every job runs off the GUI thread and lands only if nothing newer replaced it.
#include "gui/mainwindow.h"

#include "compare/comparemodel.h"
#include "errors/errorchart.h"
#include "eval/activations.h"
#include "eval/evaluate.h"
#include "eval/sensitivity.h"
#include "gui/comparetab.h"
#include "gui/layerpane.h"
#include "gui/modepanel.h"
#include "gui/sidebyside.h"
#include "layers/layertablemodel.h"
#include "model/writer.h"
#include "passes/quantize.h"
#include "pipeline/quantize.h"
#include "sidebyside/sampleviews.h"
#include "weights/weightview.h"

#include <QApplication>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>

#include <algorithm>
#include <functional>
#include <span>

namespace ql::app {

namespace {

// The calibration data of a job: none, or the one data set.
std::span<const data::SampleSet> calibrationSpan(const std::shared_ptr<const data::SampleSet>& set)
{
    return set ? std::span<const data::SampleSet>(set.get(), 1) : std::span<const data::SampleSet>{};
}

} // namespace

void MainWindow::evaluateAllModes()
{
    if (m_cancel || !m_doc->dataSet() || !workGraph())
        return;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    updateCompareState();
    m_compare->showBusy(tr("calibrating…"));
    const auto options = m_modePanel->options();
    auto quantize = m_modePanel->quantizeOptions();
    quantize.keepFloat = m_doc->keptFloatIds();
    using Outcome = Result<std::vector<eval::ModeEvaluation>>;
    const auto done = [this, model = m_doc->modelGeneration(), inputs = m_doc->inputsGeneration()](Outcome r) {
            m_cancel.reset();
            if (model != m_doc->modelGeneration()) // another model was opened meanwhile: its table stays empty
                r = Error{tr("cancelled: another model was opened").toStdString()};
            else if (inputs != m_doc->inputsGeneration()) // options, layers kept in float or data changed meanwhile
                r = Error{tr("cancelled: the options or the data changed meanwhile; evaluate again").toStdString()};
            if (r)
                m_compare->setResults(std::make_shared<const std::vector<eval::ModeEvaluation>>(std::move(r.value())));
            m_compare->showFinished(r.ok(), r ? QString() : QString::fromStdString(r.error().message));
            updateCompareState();
            emit evaluationFinished(r.ok(), r ? QString() : QString::fromStdString(r.error().message));
        };
    const auto show = onGuiThread(this, [this](const std::string& mode, std::int64_t finished, std::int64_t total) {
        m_compare->showProgress(QString::fromStdString(mode), finished, total);
    });
    const eval::EvaluateProgress progress = show;
    runJob(this, [source = m_doc->source(), data = m_doc->dataSet(), calib = calibrationData(), quantize,
                                             cancel = m_cancel, progress]() -> Outcome {
        eval::EvaluateOptions eo;
        eo.quantize = quantize;
        eo.quantize.mode = passes::Mode::Int8;
        eo.quantize.io = passes::IoType::Native;
        auto keep = pipeline::keepFloatOnWork(*source, quantize.keepFloat);
        if (!keep)
            return keep.error();
        eo.quantize.keepFloat = std::move(*keep);
        if (source->dequantized())
            eo.modes.push_back("original");
        eo.latencyRuns = 10;
        std::vector<std::string> notes;
        auto ranges = pipeline::activationRanges(*source, eo.quantize, calibrationSpan(calib), notes);
        if (!ranges)
            return ranges.error();
        return eval::evaluateModes(*source->work, source->dequantized() ? source->file.get() : nullptr, *data,
            *ranges, eo, progress, cancel.get());
    }, done);
}

QString MainWindow::exportSummary() const
{
    if (!workGraph())
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
    if (!workGraph() || m_modePanel->options().teaching || needsDataSet()) {
        QMessageBox::information(this, tr("Export model"), summary);
        return;
    }
    QString suggested = QFileInfo(m_doc->file()).completeBaseName() + QLatin1Char('_') + m_modePanel->modeName() +
        QStringLiteral(".tflite");
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export model — %1").arg(summary), suggested, tr("TensorFlow Lite models (*.tflite)"));
    if (!path.isEmpty())
        exportModel(path);
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
    if (m_modePanel->options().teaching) {
        emit exportFinished(false, exportSummary());
        return;
    }
    auto o = m_modePanel->quantizeOptions();
    o.keepFloat = m_doc->keptFloatIds();
    if (needsDataSet()) {
        emit exportFinished(false, exportSummary());
        return;
    }
    if (calibrationData())
        o.calibrationSource = calibrationDataName().toStdString();
    statusBar()->showMessage(tr("Exporting %1…").arg(target.fileName()));
    // What the export did: the error that stopped it, or how LiteRT will run the written file.
    struct Outcome {
        bool ok = false;
        std::string error;
        quant::LintReport lint;
    };
    const auto done = [this, path](const Outcome& r) {
        QString message;
        if (!r.ok)
            message = QString::fromStdString(r.error);
        else if (r.lint.fullyDelegated)
            message = tr("Wrote %1; LiteRT runs every operator on XNNPACK").arg(path);
        else {
            QStringList builtin; // the kinds of operator LiteRT keeps on its built-in kernels
            for (const auto& f : r.lint.findings)
                if (f.check == "delegation" && f.subgraph == 0 && !builtin.contains(QString::fromStdString(f.opName)))
                    builtin << QString::fromStdString(f.opName);
            message = tr("Wrote %1; LiteRT runs %2 on its built-in kernels, everything else on XNNPACK")
                          .arg(path, builtin.join(QStringLiteral(", ")));
        }
        statusBar()->showMessage(message, 8000);
        emit exportFinished(r.ok, message);
    };
    runJob(this, [source = m_doc->source(), calib = calibrationData(), o, path]() -> Outcome {
        // The quantizer refuses a result LiteRT would reject or mis-run, naming every problem.
        auto q = pipeline::quantize(*source, o, calibrationSpan(calib));
        if (!q)
            return {false, q.error().message, {}};
        if (auto st = model::writeTflite(q->graph, path.toStdString()); !st)
            return {false, st.error().message, {}};
        return {true, {}, q->lint};
    }, done);
}

bool MainWindow::needsDataSet() const
{
    return m_doc->source() && pipeline::needsData(*m_doc->source(), m_modePanel->quantizeOptions()) && !calibrationData();
}

void MainWindow::suggestKeepFloat()
{
    if (!workGraph() || !m_doc->dataSet() || m_modePanel->options().teaching) {
        const QString why = !m_doc->dataSet() ? tr("Open a data set first (File › Open data set…).")
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
    const auto done = [this, model = m_doc->modelGeneration(), inputs = m_doc->inputsGeneration()](Outcome r) {
            if (model != m_doc->modelGeneration()) {
                emit suggestionFinished(false, tr("another model was opened meanwhile"));
                return;
            }
            if (inputs != m_doc->inputsGeneration()) { // measured for other options or data: not what is shown now
                const QString why = tr("the options or the data changed meanwhile; ask again");
                statusBar()->showMessage(tr("Suggestion dropped: %1").arg(why), 8000);
                emit suggestionFinished(false, why);
                return;
            }
            if (!r) {
                const QString msg = QString::fromStdString(r.error().message);
                statusBar()->showMessage(tr("Suggestion failed: %1").arg(msg), 8000);
                emit suggestionFinished(false, msg);
                return;
            }
            const QString msg = r->keepFloat.empty() ? tr("Already within one point of float: nothing to keep in float")
                                                     : tr("Keeping %n layer(s) in float: %1 %2 → %3 (float %4)",
                                                           nullptr, static_cast<int>(r->keepFloat.size()))
                                                           .arg(QString::fromStdString(r->metric))
                                                           .arg(r->quantizedMetric, 0, 'f', 4)
                                                           .arg(r->selectionMetric, 0, 'f', 4)
                                                           .arg(r->floatMetric, 0, 'f', 4);
            if (!r->keepFloat.empty())
                m_doc->keepAlsoInFloat(pipeline::toFileOps(*m_doc->source(), r->keepFloat), tr("keep suggested layers in float"));
            statusBar()->showMessage(msg, 10000);
            emit suggestionFinished(true, msg);
        };
    runJob(this, [source = m_doc->source(), data = m_doc->dataSet(), calib = calibrationData(), so,
                                             cancel = m_jobsCancel]() mutable -> Outcome {
        // At most 500 samples: enough to rank layers, quick enough to stay interactive.
        const data::SampleSet sample = data::firstSamples(*data, 500);
        std::vector<std::string> notes;
        auto ranges = pipeline::activationRanges(*source, so.quantize, calibrationSpan(calib), notes);
        if (!ranges)
            return ranges.error();
        return eval::sensitivity(*source->work, sample, *ranges, so, {}, cancel.get());
    }, done);
}

void MainWindow::rebuildQuantized()
{
    const int token = m_quantJob.start();
    if (!workGraph())
        return;
    const auto w = m_modePanel->options();
    auto q = m_modePanel->quantizeOptions();
    q.io = passes::IoType::Float;
    q.keepFloat = m_doc->keptFloatIds();
    struct Built {
        std::shared_ptr<const model::Graph> graph;
        std::vector<eval::ActivationLayer> activations; // on the data set, when there is one
    };
    using Outcome = Result<Built>;
    const auto done = [this, token](const Outcome& r) {
        if (!m_quantJob.isCurrent(token))
            return;
        m_sideBySide->setModels(workGraph(), r ? r->graph : nullptr, m_modePanel->describe());
        QStringList labels;
        std::vector<double> values;
        m_activationOps.clear();
        if (r)
            for (const auto& a : r->activations) {
                labels << QStringLiteral("%1").arg(m_doc->source()->fileOp(a.op));
                values.push_back(a.propagated.sqnrDb);
                m_activationOps.push_back(m_doc->source()->fileOp(a.op));
            }
        m_activationBars->setValues(labels, values);
        m_activationCaption->setText(!r ? QString::fromStdString(r.error().message)
                : values.empty()        ? tr("Open a data set to see the activation error per operator output.")
                                        : tr("Activation SQNR per operator output (the quantized model's tensor "
                                                    "against the float one, %n sample(s) of the data set); the lowest "
                                                    "is outlined.",
                                              nullptr, static_cast<int>(std::min<std::int64_t>(32, m_doc->dataSet()->count))));
        if (!r)
            statusBar()->showMessage(tr("Side by side: %1").arg(QString::fromStdString(r.error().message)), 8000);
        emit quantizedReady();
    };
    const bool noData = needsDataSet();
    runJob(this,
        [source = m_doc->source(), data = m_doc->dataSet(), calib = calibrationData(), w, q, noData]() -> Outcome {
            const model::Graph& graph = *source->work;
            Built b;
            if (w.teaching) {
                auto sim = passes::simulateWeights(graph, *w.teaching);
                if (!sim)
                    return sim.error();
                b.graph = std::make_shared<const model::Graph>(std::move(*sim));
            } else {
                if (noData)
                    return Error{tr("%1 needs a data set to calibrate on (File › Open data set…)")
                                     .arg(QString::fromStdString(passes::modeName(q.mode)))
                                     .toStdString()};
                auto out = pipeline::quantize(*source, q, calibrationSpan(calib));
                if (!out)
                    return out.error();
                b.graph = std::make_shared<const model::Graph>(std::move(out->graph));
            }
            if (data) {
                eval::ActivationOptions ao;
                ao.mode = w.teaching ? passes::Mode::Float32 : q.mode;
                if (auto a = eval::analyzeActivations(graph, *b.graph, *data, ao))
                    b.activations = std::move(*a);
            }
            return b;
        },
        done);
}

void MainWindow::runAnalysis()
{
    m_doc->inputsChanged();
    const int token = m_analysisJob.start();
    if (!workGraph()) {
        if (m_doc->source()) // a quantized file that cannot be dequantized: the table shows it, nothing is analysed
            statusBar()->showMessage(tr("Weight analysis: %1").arg(QString::fromStdString(m_doc->source()->note)), 8000);
        return;
    }
    rebuildQuantized();
    auto options = m_modePanel->options();
    if (auto keep = pipeline::keepFloatOnWork(*m_doc->source(), m_doc->keptFloatIds()))
        options.keepFloat = std::move(*keep);
    const auto kept = static_cast<int>(m_doc->keptFloat().size());
    m_statusMode->setText(m_modePanel->describe() + (kept == 0 ? QString() : tr(", %n layer(s) kept float", nullptr, kept)));
    const auto done = [this, token](Result<std::vector<eval::LayerWeights>> result) {
            if (!m_analysisJob.isCurrent(token))
                return; // the options changed again meanwhile
            if (!result) {
                statusBar()->showMessage(
                    tr("Weight analysis failed: %1").arg(QString::fromStdString(result.error().message)), 8000);
                m_layers->setWeightAnalysis(nullptr);
            } else {
                // Operator numbers of the analysed graph become those of the file the table shows.
                auto layers = std::move(result.value());
                for (auto& l : layers)
                    l.op = m_doc->source()->fileOp(l.op);
                std::erase_if(layers, [](const eval::LayerWeights& l) { return l.op < 0; });
                m_layers->setWeightAnalysis(std::make_shared<const std::vector<eval::LayerWeights>>(std::move(layers)));
            }
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
        };
    runJob(this, [graph = workGraph(), options] { return eval::analyzeWeights(*graph, options); }, done);
}

} // namespace ql::app
