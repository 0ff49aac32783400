// SPDX-License-Identifier: MIT
// The graph view's selection and navigation: the box of an operator (the main subgraph's numbering, shared
// with the application), selecting and finding operators (unfolding the groups around them), double-clicks
// and context menus.
#include "graph/graphview.h"

#include "graph/graphitems.h"

#include <QGraphicsScene>
#include <QGraphicsView>
#include <QLabel>
#include <QMenu>
#include <QScopedValueRollback>

#include <algorithm>

namespace ql::widgets {

void GraphView::activated(int item)
{
    if (item < 0) { // a group: fold or unfold it
        setExpanded(-1 - item, !isExpanded(-1 - item));
        return;
    }
    if (const int op = operatorOf(item); op >= 0)
        emit operatorOpened(op);
}

void GraphView::menuRequested(int item, QPoint global)
{
    QMenu* menu = nullptr;
    if (item < 0)
        menu = groupMenuFor(-1 - item, this);
    else if (const int op = operatorOf(item); op >= 0)
        menu = contextMenuFor(op, this);
    if (!menu)
        return;
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(global);
}

QMenu* GraphView::groupMenuFor(int group, QWidget* parent)
{
    auto* menu = new QMenu(parent);
    const bool open = isExpanded(group);
    QAction* toggle = menu->addAction(open ? tr("&Collapse") : tr("&Expand"));
    toggle->setObjectName(QStringLiteral("toggleGroup"));
    connect(toggle, &QAction::triggered, this, [this, group, open] { setExpanded(group, !open); });
    return menu;
}

QMenu* GraphView::contextMenuFor(int op, QWidget* parent)
{
    auto* menu = new QMenu(parent);
    const bool decidable = m_inputs.weights && std::any_of(m_inputs.weights->begin(), m_inputs.weights->end(),
                                                    [op](const eval::LayerWeights& w) { return w.op == op; });
    const bool kept = std::find(m_inputs.keptFloat.begin(), m_inputs.keptFloat.end(), op) != m_inputs.keptFloat.end();
    QAction* keep = menu->addAction(tr("&Keep in float"));
    keep->setObjectName(QStringLiteral("keepFloat"));
    keep->setCheckable(true);
    keep->setChecked(kept);
    keep->setEnabled(decidable);
    if (!decidable)
        keep->setToolTip(tr("Only operators with weights can be kept in float here"));
    connect(keep, &QAction::toggled, this, [this, op](bool on) { emit keepFloatRequested(op, on); });
    QAction* weights = menu->addAction(tr("Show &weights"));
    weights->setObjectName(QStringLiteral("showWeights"));
    connect(weights, &QAction::triggered, this, [this, op] { emit operatorOpened(op); });
    return menu;
}

int GraphView::operatorOf(int item) const
{
    if (item < 0 || m_subgraph != 0) // a group, or another subgraph: not an operator the application numbers
        return -1;
    return m_model->nodes[static_cast<std::size_t>(item)].op;
}

NodeItem* GraphView::itemOf(int op) const
{
    const int node = m_model->nodeOfOperator(op);
    const auto it = node >= 0 ? m_items.find(node) : m_items.end();
    return it != m_items.end() ? it->second : nullptr;
}

int GraphView::selectedNode() const
{
    for (auto* i : m_scene->selectedItems())
        if (auto* n = dynamic_cast<NodeItem*>(i); n && n->item() >= 0)
            return n->item();
    return -1;
}

int GraphView::selectedOperator() const
{
    const int node = selectedNode();
    return node >= 0 ? operatorOf(node) : -1;
}

bool GraphView::selectOperator(int op)
{
    if (m_subgraph != 0)
        return false; // another subgraph is shown: its operators are not the ones the application numbers
    const int node = m_model->nodeOfOperator(op);
    if (node < 0)
        return false;
    NodeItem* item = itemOf(op);
    if (!item) { // inside a folded group, or the layout is still running: select it once laid out
        m_pendingSelection = op;
        bool unfolded = false;
        for (const int g : m_tree->chain(m_tree->groupOf[static_cast<std::size_t>(node)]))
            unfolded = m_expanded.insert(g).second || unfolded;
        if (unfolded)
            relayout();
        return true;
    }
    const QScopedValueRollback guard(m_syncing, true);
    if (!item->isSelected()) {
        m_scene->clearSelection();
        item->setSelected(true);
    }
    m_canvas->ensureVisible(item, 60, 60);
    return true;
}

void GraphView::onSceneSelection()
{
    if (m_syncing)
        return;
    const int op = selectedOperator();
    if (op >= 0)
        emit operatorSelected(op);
}

bool GraphView::findNext(const QString& text)
{
    const QString needle = text.trimmed();
    std::vector<int> matches; // graph nodes, in order
    for (std::size_t i = 0; i < m_model->nodes.size() && !needle.isEmpty(); ++i) {
        const GraphNode& n = m_model->nodes[i];
        if (QString::fromStdString(n.title).contains(needle, Qt::CaseInsensitive) ||
            QString::fromStdString(n.names).contains(needle, Qt::CaseInsensitive) ||
            (n.op >= 0 && (needle == QStringLiteral("#%1").arg(n.op) || needle == QString::number(n.op))))
            matches.push_back(static_cast<int>(i));
    }
    m_matches = matches;
    highlightMatches();
    if (matches.empty()) {
        m_status->setText(needle.isEmpty() ? QString() : tr("no match for “%1”").arg(needle));
        return false;
    }
    // The first match after the current one, wrapping around.
    const int currentNode = m_pendingSelection >= 0 ? m_model->nodeOfOperator(m_pendingSelection) : selectedNode();
    const auto next = std::upper_bound(matches.begin(), matches.end(), currentNode);
    const int node = next != matches.end() ? *next : matches.front();
    m_status->setText(tr("match %1 of %2")
                          .arg(std::distance(matches.begin(), std::find(matches.begin(), matches.end(), node)) + 1)
                          .arg(matches.size()));
    if (const int op = operatorOf(node); op >= 0) {
        selectOperator(op); // unfolds the groups around it when needed
        emit operatorSelected(op);
    } else if (const auto it = m_items.find(node); it != m_items.end()) { // an input or output
        const QScopedValueRollback guard(m_syncing, true);
        m_scene->clearSelection();
        it->second->setSelected(true);
        m_canvas->centerOn(it->second);
    }
    return true;
}

void GraphView::highlightMatches()
{
    // A match inside a folded group lights the group's box.
    std::set<int> lit;
    if (!m_matches.empty()) {
        const auto visible = visibleItems(*m_tree, m_expanded);
        for (const int n : m_matches)
            lit.insert(visible[static_cast<std::size_t>(n)]);
    }
    for (auto& [item, box] : m_items)
        box->setHighlighted(lit.count(item) > 0);
}

QPoint GraphView::operatorViewportPosition(int op) const
{
    const NodeItem* item = itemOf(op);
    return item ? m_canvas->mapFromScene(item->pos()) : QPoint(-1, -1);
}

QPointF GraphView::operatorScenePosition(int op) const
{
    const NodeItem* item = itemOf(op);
    return item ? item->pos() : QPointF();
}

} // namespace ql::widgets
