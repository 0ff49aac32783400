// SPDX-License-Identifier: MIT
// File › Open results…: an evaluation measured elsewhere (another machine, the shards of a cluster run) shown in
// Compare as one measured here.
#include "gui/mainwindow.h"

#include "data/content_hash.h"
#include "data/results_file.h"
#include "gui/comparetab.h"
#include "gui/messagearea.h"
#include "gui/suggestdialog.h"

#include <QFileInfo>

namespace ql::app {

bool MainWindow::openResults(const QString& path)
{
    const QString topic = QStringLiteral("results");
    const QString name = QFileInfo(path).fileName();
    auto results = readResults(path);
    if (!results) {
        m_messages->post(
            topic, tr("Cannot open the results %1: %2").arg(name, QString::fromStdString(results.error().message)));
        return false;
    }
    if (currentFile().isEmpty()) {
        // No model yet: the one the results name, when it is on this machine.
        if (!results->model().isEmpty() && QFileInfo(results->model()).isFile()) {
            m_pendingResults = path;
            openFile(results->model());
            return true;
        }
        m_messages->post(
            topic, tr("Open the model the results %1 belong to first (they name %2).").arg(name, results->model()));
        return false;
    }
    const QString sha = contentSha256(currentFile());
    if (results->modelSha256().isEmpty())
        m_messages->post(topic,
            tr("The results %1 do not record which model they measured: check that they are of %2.")
                .arg(name, QFileInfo(currentFile()).fileName()),
            MessageArea::Level::Warning);
    else if (results->modelSha256() != sha) {
        m_messages->post(topic,
            tr("The results %1 are of another model (%2), not of the open %3.")
                .arg(name, QFileInfo(results->model()).fileName(), QFileInfo(currentFile()).fileName()));
        return false;
    } else {
        m_messages->clear(topic);
    }
    if (results->kind == OpenedResults::Kind::Sensitivity) {
        // The ranking and selection of the suggestion dialog, as a local run gives them.
        m_suggest->show();
        m_suggest->raise();
        m_suggest->setBudget(results->sensitivity.result.budget);
        m_doc->applySensitivity(
            std::make_shared<const eval::SensitivityResult>(std::move(results->sensitivity.result)));
        return true;
    }
    if (results->kind == OpenedResults::Kind::Analysis) {
        // The activation SQNR of every operator output, until the next analysis here replaces it.
        const AnalysisResults& an = results->analysis;
        showActivationSqnr(an.ops, an.propagated, an.local);
        m_activationCaption->setText(tr("Activation SQNR per operator output in %1, measured elsewhere (opened from "
                                        "%2); the lowest is outlined. The next analysis here replaces it.")
                                         .arg(an.mode, path));
        showView(QStringLiteral("errors"));
        return true;
    }
    EvaluationResults& ev = results->evaluation;
    cancelEvaluation();
    m_compare->setResults(std::make_shared<const std::vector<eval::ModeEvaluation>>(std::move(ev.modes)));
    m_evaluatedKey.clear(); // measured with options of their own, not the mode panel's
    QString origin =
        tr("Measured elsewhere, opened from %1: %n sample(s)", nullptr, static_cast<int>(ev.samples)).arg(path);
    if (ev.labelled)
        origin += tr(", labelled");
    for (const auto& n : ev.notes)
        origin += QStringLiteral("; ") + QString::fromStdString(n);
    m_compare->showOrigin(origin + QLatin1Char('.'));
    showView(QStringLiteral("compare"));
    return true;
}

} // namespace ql::app
