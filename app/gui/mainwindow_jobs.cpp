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
#include <QFutureWatcher>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTableView>
#include <QUndoCommand>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <functional>
#include <span>

namespace ql::app {

namespace {

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

// The calibration data of a job: none, or the one data set.
std::span<const data::SampleSet> calibrationSpan(const std::shared_ptr<const data::SampleSet>& set)
{
    return set ? std::span<const data::SampleSet>(set.get(), 1) : std::span<const data::SampleSet>{};
}

} // namespace

void MainWindow::evaluateAllModes()
{
    if (m_cancel || !m_data || !workGraph())
        return;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    updateCompareState();
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("calibrating…"));
    const auto options = m_modePanel->options();
    auto quantize = m_modePanel->quantizeOptions();
    quantize.keepFloat = keepStrings(m_keepFloat);
    using Outcome = Result<std::vector<eval::ModeEvaluation>>;
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this,
        [this, watcher, model = m_modelGeneration, inputs = m_inputsGeneration] {
            Outcome r = watcher->result();
            watcher->deleteLater();
            m_cancel.reset();
            if (model != m_modelGeneration) // another model was opened meanwhile: its table stays empty
                r = Error{tr("cancelled: another model was opened").toStdString()};
            else if (inputs != m_inputsGeneration) // options, layers kept in float or data changed meanwhile
                r = Error{tr("cancelled: the options or the data changed meanwhile; evaluate again").toStdString()};
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
    watcher->setFuture(QtConcurrent::run([source = m_source, data = m_data, calib = calibrationData(), quantize,
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
    }));
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
        const int carried = o.useModelRanges ? m_source->carriedRanges() : 0;
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
    if (m_source->dequantized())
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
    QString suggested = QFileInfo(m_currentFile).completeBaseName() + QLatin1Char('_') + m_modePanel->modeName() +
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
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, path] {
        const Outcome r = watcher->result();
        watcher->deleteLater();
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
    });
    watcher->setFuture(QtConcurrent::run([source = m_source, calib = calibrationData(), o, path]() -> Outcome {
        // The quantizer refuses a result LiteRT would reject or mis-run, naming every problem.
        auto q = pipeline::quantize(*source, o, calibrationSpan(calib));
        if (!q)
            return {false, q.error().message, {}};
        if (auto st = model::writeTflite(q->graph, path.toStdString()); !st)
            return {false, st.error().message, {}};
        return {true, {}, q->lint};
    }));
}

bool MainWindow::needsDataSet() const
{
    return m_source && pipeline::needsData(*m_source, m_modePanel->quantizeOptions()) && !calibrationData();
}

void MainWindow::applyKeepFloat(std::vector<int> ops)
{
    std::sort(ops.begin(), ops.end());
    m_keepFloat = std::move(ops);
    m_layers->setKeptFloat(m_keepFloat);
    runAnalysis();
}

void MainWindow::setKeepFloat(int op, bool keep)
{
    if (!m_source || m_source->workOp(op) < 0) // not an operator the quantizer decides on
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
    if (!workGraph() || !m_data || m_modePanel->options().teaching) {
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
    connect(watcher, &QFutureWatcher<Outcome>::finished, this,
        [this, watcher, model = m_modelGeneration, inputs = m_inputsGeneration] {
            Outcome r = watcher->result();
            watcher->deleteLater();
            if (model != m_modelGeneration) {
                emit suggestionFinished(false, tr("another model was opened meanwhile"));
                return;
            }
            if (inputs != m_inputsGeneration) { // measured for other options or data: not what is shown now
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
            if (!r->keepFloat.empty()) {
                std::vector<int> after = m_keepFloat;
                const auto suggested = pipeline::toFileOps(*m_source, r->keepFloat);
                after.insert(after.end(), suggested.begin(), suggested.end());
                std::sort(after.begin(), after.end());
                after.erase(std::unique(after.begin(), after.end()), after.end());
                m_undo->push(new KeepFloatCommand([this](std::vector<int> v) { applyKeepFloat(std::move(v)); },
                    m_keepFloat, after, tr("keep suggested layers in float")));
            }
            statusBar()->showMessage(msg, 10000);
            emit suggestionFinished(true, msg);
        });
    watcher->setFuture(QtConcurrent::run([source = m_source, data = m_data, calib = calibrationData(), so,
                                             cancel = m_jobsCancel]() mutable -> Outcome {
        // At most 500 samples: enough to rank layers, quick enough to stay interactive.
        const data::SampleSet sample = data::firstSamples(*data, 500);
        std::vector<std::string> notes;
        auto ranges = pipeline::activationRanges(*source, so.quantize, calibrationSpan(calib), notes);
        if (!ranges)
            return ranges.error();
        return eval::sensitivity(*source->work, sample, *ranges, so, {}, cancel.get());
    }));
}

void MainWindow::rebuildQuantized()
{
    const int generation = ++m_quantGeneration;
    if (!workGraph())
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
        m_sideBySide->setModels(workGraph(), r ? r->graph : nullptr, m_modePanel->describe());
        QStringList labels;
        std::vector<double> values;
        m_activationOps.clear();
        if (r)
            for (const auto& a : r->activations) {
                labels << QStringLiteral("%1").arg(m_source->fileOp(a.op));
                values.push_back(a.propagated.sqnrDb);
                m_activationOps.push_back(m_source->fileOp(a.op));
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
    const bool noData = needsDataSet();
    watcher->setFuture(QtConcurrent::run(
        [source = m_source, data = m_data, calib = calibrationData(), w, q, noData]() -> Outcome {
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
        }));
}

void MainWindow::runAnalysis()
{
    ++m_inputsGeneration;
    const int generation = ++m_analysisGeneration;
    if (!workGraph()) {
        if (m_source) // a quantized file that cannot be dequantized: the table shows it, nothing is analysed
            statusBar()->showMessage(tr("Weight analysis: %1").arg(QString::fromStdString(m_source->note)), 8000);
        return;
    }
    rebuildQuantized();
    auto options = m_modePanel->options();
    if (auto keep = pipeline::keepFloatOnWork(*m_source, keepStrings(m_keepFloat)))
        options.keepFloat = std::move(*keep);
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
                    l.op = m_source->fileOp(l.op);
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
        QtConcurrent::run([graph = workGraph(), options] { return eval::analyzeWeights(*graph, options); }));
}

} // namespace ql::app
