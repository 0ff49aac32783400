// SPDX-License-Identifier: MIT
// The document's background work. Every job runs on a snapshot (the model source, the data, the options
// given) off the GUI thread and reports through a signal only if nothing newer replaced it.
#include "gui/document.h"

#include "eval/activations.h"
#include "eval/latency.h"
#include "eval/sensitivity.h"
#include "model/writer.h"
#include "pipeline/quantize.h"

#include <span>

namespace ql::app {

namespace {

// The calibration data of a job: none, or the one data set.
std::span<const data::SampleSet> calibrationSpan(const std::shared_ptr<const data::SampleSet>& set)
{
    return set ? std::span<const data::SampleSet>(set.get(), 1) : std::span<const data::SampleSet>{};
}

} // namespace

bool Document::needsDataSet(const passes::QuantizeOptions& q) const
{
    return m_source && pipeline::needsData(*m_source, q) && !calibrationData();
}

void Document::analyzeWeights(const eval::WeightAnalysisOptions& w)
{
    const int token = m_analysisJob.start();
    const auto graph = workGraph();
    if (!graph)
        return;
    auto options = w;
    if (auto keep = pipeline::keepFloatOnWork(*m_source, keptFloatIds()))
        options.keepFloat = std::move(*keep);
    runJob(this, [graph, options] { return eval::analyzeWeights(*graph, options); },
        [this, token, source = m_source](Result<std::vector<eval::LayerWeights>> result) {
            if (!m_analysisJob.isCurrent(token))
                return; // the options changed again meanwhile
            if (!result) {
                emit weightsAnalysed(nullptr, QString::fromStdString(result.error().message));
                return;
            }
            // Operator numbers of the analysed graph become those of the file the table shows.
            auto layers = std::move(result.value());
            for (auto& l : layers)
                l.op = source->fileOp(l.op);
            std::erase_if(layers, [](const eval::LayerWeights& l) { return l.op < 0; });
            emit weightsAnalysed(std::make_shared<const std::vector<eval::LayerWeights>>(std::move(layers)), {});
        });
}

void Document::buildQuantized(const eval::WeightAnalysisOptions& w, passes::QuantizeOptions q)
{
    const int token = m_quantJob.start();
    if (!workGraph())
        return;
    if (const QString why = cannotRun(); !why.isEmpty()) { // nothing to run it with: say why, in every view
        emit quantizedBuilt(nullptr, {}, {}, {}, why);
        return;
    }
    q.io = passes::IoType::Float;
    q.keepFloat = keptFloatIds();
    struct Built {
        std::shared_ptr<const model::Graph> graph;
        std::vector<eval::ActivationLayer> activations; // on the data set, when there is one
        std::string activationError; // why there are none although there is a data set
    };
    const bool noData = needsDataSet(q);
    runJob(this,
        [source = m_source, data = m_data, calib = calibrationData(), w, q, noData]() -> Result<Built> {
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
                else
                    b.activationError = a.error().message;
            }
            return b;
        },
        [this, token, source = m_source](const Result<Built>& r) {
            if (!m_quantJob.isCurrent(token))
                return;
            std::vector<int> ops;
            std::vector<double> sqnr, local;
            if (r)
                for (const auto& a : r->activations) {
                    ops.push_back(source->fileOp(a.op));
                    sqnr.push_back(a.propagated.sqnrDb);
                    local.push_back(a.local.sqnrDb);
                }
            emit quantizedBuilt(r ? r->graph : nullptr, ops, sqnr, local,
                QString::fromStdString(r ? r->activationError : r.error().message));
        });
}

void Document::evaluateAllModes(const passes::QuantizeOptions& q, std::optional<quant::Scheme> teaching)
{
    if (m_evaluationCancel || !m_data || !workGraph())
        return;
    if (const QString why = cannotRun(); !why.isEmpty()) {
        emit evaluationFinished(nullptr, why, false);
        return;
    }
    m_evaluationCancel = std::make_shared<std::atomic<bool>>(false);
    auto quantize = q;
    quantize.keepFloat = keptFloatIds();
    using Outcome = Result<std::vector<eval::ModeEvaluation>>;
    const eval::EvaluateProgress progress = onGuiThread(this, [this](const std::string& mode, std::int64_t done, std::int64_t total) {
        emit evaluationProgress(QString::fromStdString(mode), done, total);
    });
    runJob(this,
        [source = m_source, data = m_data, calib = calibrationData(), quantize, cancel = m_evaluationCancel,
            progress, teaching]() -> Outcome {
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
            if (teaching)
                eo.modes.push_back(eval::teachingModeName(*teaching));
            eo.latencyRuns = 10;
            std::vector<std::string> notes;
            auto ranges = pipeline::activationRanges(*source, eo.quantize, calibrationSpan(calib), notes);
            if (!ranges)
                return ranges.error();
            return eval::evaluateModes(*source->work, source->dequantized() ? source->file.get() : nullptr, *data,
                *ranges, eo, progress, cancel.get());
        },
        [this, model = m_modelGeneration, inputs = m_inputsGeneration, cancel = m_evaluationCancel](Outcome r) {
            m_evaluationCancel.reset();
            bool stopped = cancel->load();
            if (model != m_modelGeneration) // another model was opened meanwhile: its table stays empty
                r = Error{tr("cancelled: another model was opened").toStdString()}, stopped = true;
            else if (inputs != m_inputsGeneration) // options, layers kept in float or data changed meanwhile
                r = Error{tr("cancelled: the options or the data changed meanwhile; evaluate again").toStdString()},
                stopped = true;
            if (r)
                emit evaluationFinished(
                    std::make_shared<const std::vector<eval::ModeEvaluation>>(std::move(r.value())), {}, false);
            else
                emit evaluationFinished(nullptr, QString::fromStdString(r.error().message), stopped);
        });
}

void Document::cancelEvaluation()
{
    if (m_evaluationCancel)
        m_evaluationCancel->store(true);
}

void Document::cancelAll()
{
    cancelEvaluation();
    cancelSuggestion();
    cancelReport();
    m_jobsCancel->store(true);
}

void Document::exportModel(const QString& path, passes::QuantizeOptions q)
{
    q.keepFloat = keptFloatIds();
    if (calibrationData())
        q.calibrationSource = calibrationDataName().toStdString();
    // What the export did: the error that stopped it, or how LiteRT will run the written file.
    struct Outcome {
        bool ok = false;
        std::string error;
        quant::LintReport lint;
    };
    runJob(this,
        [source = m_source, calib = calibrationData(), q, path]() -> Outcome {
            // The quantizer refuses a result LiteRT would reject or mis-run, naming every problem.
            auto out = pipeline::quantize(*source, q, calibrationSpan(calib));
            if (!out)
                return {false, out.error().message, {}};
            if (auto st = model::writeTflite(out->graph, path.toStdString()); !st)
                return {false, st.error().message, {}};
            return {true, {}, out->lint};
        },
        [this, path](const Outcome& r) {
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
            emit exportFinished(r.ok, message);
        });
}

void Document::suggestKeepFloat(const passes::QuantizeOptions& q, double budget)
{
    if (m_suggestCancel || !m_data || !workGraph())
        return;
    m_suggestCancel = std::make_shared<std::atomic<bool>>(false);
    eval::SensitivityOptions so;
    so.quantize = q;
    so.quantize.keepFloat.clear();
    so.budget = budget;
    using Outcome = Result<eval::SensitivityResult>;
    const eval::SensitivityProgress progress =
        onGuiThread(this, [this](int done, int total) { emit suggestionProgress(done, total); });
    runJob(this,
        [source = m_source, data = m_data, calib = calibrationData(), so, progress, cancel = m_suggestCancel]() mutable
            -> Outcome {
            // At most 500 samples: enough to rank layers, quick enough to stay interactive.
            const data::SampleSet sample = data::firstSamples(*data, 500);
            std::vector<std::string> notes;
            auto ranges = pipeline::activationRanges(*source, so.quantize, calibrationSpan(calib), notes);
            if (!ranges)
                return ranges.error();
            // The user's Cancel, or the window closing (cancelAll sets the same flag).
            auto r = eval::sensitivity(*source->work, sample, *ranges, so, progress, cancel.get());
            if (!r)
                return r.error();
            // Operators as the file numbers them.
            for (auto& l : r->layers)
                l.op = source->fileOp(l.op);
            r->keepFloat = pipeline::toFileOps(*source, r->keepFloat);
            return r;
        },
        [this, model = m_modelGeneration, inputs = m_inputsGeneration, cancel = m_suggestCancel](Outcome r) {
            m_suggestCancel.reset();
            if (model != m_modelGeneration) {
                emit suggestionFinished(false, tr("another model was opened meanwhile"), nullptr, true);
                return;
            }
            if (cancel->load()) {
                emit suggestionFinished(false, tr("cancelled"), nullptr, true);
                return;
            }
            if (inputs != m_inputsGeneration) { // measured for other options or data: not what is shown now
                emit suggestionFinished(false, tr("the options or the data changed meanwhile; ask again"), nullptr, true);
                return;
            }
            if (!r) {
                emit suggestionFinished(false, QString::fromStdString(r.error().message), nullptr, false);
                return;
            }
            const QString msg = suggestionText(*r);
            auto shared = std::make_shared<const eval::SensitivityResult>(std::move(*r));
            if (!shared->keepFloat.empty())
                keepAlsoInFloat(shared->keepFloat, tr("keep suggested layers in float"));
            emit suggestionFinished(true, msg, shared, false);
        });
}

QString Document::suggestionText(const eval::SensitivityResult& r)
{
    if (!r.complete)
        return tr("The ranking only: the selection of layers to keep in float was not measured (merge the "
                  "selection stage's shards with the ranking's)");
    const auto budgetPoints = 100.0 * r.budget;
    return r.keepFloat.empty()
        ? tr("Already within %1 point(s) of float: nothing to keep in float").arg(budgetPoints, 0, 'g', 3)
        : tr("Keeping %n layer(s) in float: %1 %2 → %3 (float %4)", nullptr, static_cast<int>(r.keepFloat.size()))
                .arg(QString::fromStdString(r.metric))
                .arg(r.quantizedMetric, 0, 'f', 4)
                .arg(r.selectionMetric, 0, 'f', 4)
                .arg(r.floatMetric, 0, 'f', 4) +
            (r.withinBudget ? QString() : tr(" — still not within the budget"));
}

void Document::applySensitivity(std::shared_ptr<const eval::SensitivityResult> result)
{
    cancelSuggestion();
    if (result->complete && !result->keepFloat.empty())
        keepAlsoInFloat(result->keepFloat, tr("keep the opened results' layers in float"));
    emit suggestionFinished(true, suggestionText(*result), result, false);
}

void Document::cancelSuggestion()
{
    if (m_suggestCancel)
        m_suggestCancel->store(true);
}

} // namespace ql::app

namespace ql::app {

void Document::measureLatency()
{
    const int token = m_latencyJob.start();
    if (!m_source)
        return;
    runJob(
        this,
        [file = m_source->file, cancel = m_jobsCancel] { return eval::measureOperatorLatency(file, 20, 3, cancel.get()); },
        [this, token](const Result<eval::OperatorLatency>& r) {
            if (!m_latencyJob.isCurrent(token))
                return;
            emit latencyMeasured(r ? r->meanMs : std::vector<double>{}, r ? QString() : QString::fromStdString(r.error().message));
        });
}

} // namespace ql::app
