// SPDX-License-Identifier: MIT
// The graph view's overlays: the numbers they draw on, the colours of the boxes (a folded group its worst
// operator's), the legend, and the exports of what is drawn (pictures, Model Explorer node data).
#include "graph/graphview.h"

#include "graph/graphexport.h"
#include "graph/graphitems.h"

#include <QComboBox>
#include <QFileDialog>
#include <QJsonDocument>
#include <QMessageBox>
#include <QSaveFile>

#include <map>

namespace ql::widgets {

void GraphView::setWeightAnalysis(std::shared_ptr<const std::vector<eval::LayerWeights>> weights)
{
    m_inputs.weights = std::move(weights);
    repaintOverlay();
}

void GraphView::setActivationSqnr(
    const std::vector<int>& ops, const std::vector<double>& sqnrDb, const std::vector<double>& localSqnrDb)
{
    // Per operator of the main subgraph, whichever subgraph is shown.
    const std::size_t operators = m_inputs.outputDtype.size();
    m_inputs.activationSqnrDb.assign(operators, std::nullopt);
    m_inputs.localActivationSqnrDb.assign(operators, std::nullopt);
    for (std::size_t i = 0; i < ops.size(); ++i) {
        if (ops[i] < 0 || static_cast<std::size_t>(ops[i]) >= m_inputs.activationSqnrDb.size())
            continue;
        if (i < sqnrDb.size())
            m_inputs.activationSqnrDb[static_cast<std::size_t>(ops[i])] = sqnrDb[i];
        if (i < localSqnrDb.size())
            m_inputs.localActivationSqnrDb[static_cast<std::size_t>(ops[i])] = localSqnrDb[i];
    }
    repaintOverlay();
}

void GraphView::setLatency(const std::vector<double>& ms, const QString& note)
{
    m_inputs.latencyMs = ms;
    m_inputs.latencyNote = note;
    repaintOverlay();
}

void GraphView::requestLatencyIfShown()
{
    if (m_overlay != OverlayKind::Latency || !m_graph || !m_inputs.latencyMs.empty() || m_latencyRequested)
        return;
    m_latencyRequested = true;
    m_inputs.latencyNote = tr("Measuring each operator's time…");
    emit latencyRequested();
}

void GraphView::setKeptFloat(const std::vector<int>& ops)
{
    m_inputs.keptFloat = ops;
    repaintOverlay();
}

void GraphView::setOverlay(OverlayKind kind)
{
    m_overlay = kind;
    requestLatencyIfShown();
    const QSignalBlocker block(m_overlayBox);
    m_overlayBox->setCurrentIndex(m_overlayBox->findData(static_cast<int>(kind)));
    repaintOverlay();
}

void GraphView::setOverlayOverride(std::optional<OverlayResult> colours)
{
    m_override = std::move(colours);
    m_overlayBox->setEnabled(!m_override);
    repaintOverlay();
}

void GraphView::repaintOverlay()
{
    m_current = m_override ? *m_override : computeOverlay(m_overlay, m_inputs);
    if (m_subgraph != 0) { // the numbers are the main subgraph's operators'
        const QString title = m_current.legend.title;
        m_current = {};
        m_current.legend.title = title;
        m_current.legend.note = tr("Colours are shown for the main subgraph's operators.");
    }
    const auto& paint = m_current.paint;
    std::map<int, const OperatorPaint*> worst; // per folded group that shows
    for (std::size_t op = 0; op < m_model->opNode.size() && op < paint.size(); ++op) {
        if (NodeItem* item = itemOf(static_cast<int>(op))) {
            item->setPaint(paint[op].fill, paint[op].value);
            continue;
        }
        if (!paint[op].fill.isValid())
            continue;
        for (const int g : m_tree->chain(m_tree->groupOf[static_cast<std::size_t>(m_model->opNode[op])]))
            if (m_items.count(-1 - g)) {
                auto& w = worst[-1 - g];
                if (!w || paint[op].rank < w->rank)
                    w = &paint[op];
                break;
            }
    }
    for (auto& [item, box] : m_items)
        if (item < 0) {
            const auto it = worst.find(item);
            box->setPaint(it != worst.end() ? it->second->fill : QColor(),
                it != worst.end() && !it->second->value.isEmpty() ? tr("worst: %1").arg(it->second->value) : QString());
        }
    m_legend->setLegend(m_current.legend);
    placeOverlays();
}

QColor GraphView::operatorColour(int op) const
{
    const NodeItem* item = itemOf(op);
    return item ? item->fill() : QColor();
}

QColor GraphView::groupColour(int group) const
{
    const auto it = m_items.find(-1 - group);
    return it != m_items.end() ? it->second->fill() : QColor();
}

QString GraphView::operatorValue(int op) const
{
    const NodeItem* item = itemOf(op);
    return item ? item->value() : QString();
}

bool GraphView::exportPicture(const QString& path, QString* error) const
{
    return exportGraphPicture(*m_scene, m_current.legend, path, error);
}

bool GraphView::exportNodeData(const QString& path, QString* error) const
{
    if (!m_graph) {
        if (error)
            *error = tr("There is no model to export node data for.");
        return false;
    }
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(modelExplorerNodeData(m_current, *m_graph)).toJson()) < 0 ||
        !out.commit()) {
        if (error)
            *error = tr("%1: cannot write (%2)").arg(path, out.errorString());
        return false;
    }
    return true;
}

void GraphView::showExportDialog()
{
    const QString json = tr("Model Explorer node data (*.json)");
    QString filter;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export graph"), QStringLiteral("graph.svg"),
        tr("SVG drawing (*.svg);;PDF document (*.pdf);;PNG image (*.png)") + QStringLiteral(";;") + json, &filter);
    if (path.isEmpty())
        return;
    QString error;
    const bool nodeData = filter == json || path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
    if (!(nodeData ? exportNodeData(path, &error) : exportPicture(path, &error)))
        QMessageBox::warning(this, tr("Cannot export the graph"), error);
}

} // namespace ql::widgets
