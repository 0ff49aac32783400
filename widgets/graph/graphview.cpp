// SPDX-License-Identifier: MIT
#include "graph/graphview.h"

#include "graph/graphitems.h"
#include "graph/nestedlayout.h"
#include "model/layers.h"

#include <QComboBox>
#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QFutureWatcher>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QScopedValueRollback>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>

namespace ql::widgets {

namespace {

// Wheel zooms around the cursor; dragging the background pans.
class Canvas : public QGraphicsView {
public:
    using QGraphicsView::QGraphicsView;
    std::function<void(int item)> doubleClicked; // a box: graph node, or -1 - group
    std::function<void(int item, QPoint global)> contextMenu;

protected:
    void wheelEvent(QWheelEvent* e) override
    {
        const double factor = std::pow(1.0015, e->angleDelta().y());
        const double scaleNow = transform().m11();
        if ((factor > 1 && scaleNow > 4) || (factor < 1 && scaleNow < 0.02))
            return;
        setTransformationAnchor(AnchorUnderMouse);
        scale(factor, factor);
        e->accept();
    }
    void mouseDoubleClickEvent(QMouseEvent* e) override
    {
        QGraphicsItem* hit = itemAt(e->position().toPoint());
        if (auto* n = dynamic_cast<NodeItem*>(hit); n && doubleClicked)
            doubleClicked(n->item());
        else if (auto* f = dynamic_cast<FrameItem*>(hit); f && doubleClicked)
            doubleClicked(-1 - f->group());
        else
            QGraphicsView::mouseDoubleClickEvent(e);
    }
    void contextMenuEvent(QContextMenuEvent* e) override
    {
        QGraphicsItem* hit = itemAt(e->pos());
        if (auto* n = dynamic_cast<NodeItem*>(hit); n && contextMenu)
            contextMenu(n->item(), e->globalPos());
        else if (auto* f = dynamic_cast<FrameItem*>(hit); f && contextMenu)
            contextMenu(-1 - f->group(), e->globalPos());
    }
};

} // namespace

GraphView::GraphView(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // A tool bar: on a narrow window (or beside a second graph in Diff) what does not fit goes behind its »
    // button instead of widening the window.
    auto* bar = new QToolBar(this);
    bar->setIconSize(QSize(16, 16));
    bar->addWidget(new QLabel(tr("Colour by:"), this));
    m_overlayBox = new QComboBox(this);
    for (int k = 0; k < kOverlayCount; ++k)
        m_overlayBox->addItem(overlayName(static_cast<OverlayKind>(k)), k);
    m_overlayBox->setCurrentIndex(static_cast<int>(m_overlay));
    connect(m_overlayBox, &QComboBox::currentIndexChanged, this,
        [this](int i) { setOverlay(static_cast<OverlayKind>(m_overlayBox->itemData(i).toInt())); });
    bar->addWidget(m_overlayBox);
    m_subgraphBox = new QComboBox(this);
    m_subgraphBox->setToolTip(tr("The subgraph shown (control-flow bodies, other signatures); colours and the "
                                 "shared selection are for the main subgraph"));
    connect(m_subgraphBox, &QComboBox::currentIndexChanged, this,
        [this](int i) { showSubgraph(m_subgraphBox->itemData(i).toInt()); });
    m_subgraphAction = bar->addWidget(m_subgraphBox);
    m_subgraphAction->setVisible(false);
    m_search = new QLineEdit(this);
    m_search->setMinimumWidth(160);
    m_search->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_search->setPlaceholderText(tr("Find operator, #number or tensor (Enter: next)"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::returnPressed, this, [this] { findNext(m_search->text()); });
    bar->addWidget(m_search);
    auto* fit = new QToolButton(this);
    fit->setText(tr("Fit"));
    fit->setToolTip(tr("Show the whole graph"));
    connect(fit, &QToolButton::clicked, this, &GraphView::fitToWindow);
    bar->addWidget(fit);
    auto* expand = new QToolButton(this);
    expand->setText(tr("Expand all"));
    expand->setToolTip(tr("Open every group of operators"));
    connect(expand, &QToolButton::clicked, this, &GraphView::expandAll);
    bar->addWidget(expand);
    auto* collapse = new QToolButton(this);
    collapse->setText(tr("Collapse all"));
    collapse->setToolTip(tr("Fold the operators into their name scopes"));
    connect(collapse, &QToolButton::clicked, this, &GraphView::collapseAll);
    bar->addWidget(collapse);
    auto* save = new QToolButton(this);
    save->setText(tr("Export…"));
    save->setToolTip(tr("Save the graph with its colours and legend as SVG, PDF or PNG, or the colours as node "
                        "data for Google's Model Explorer"));
    connect(save, &QToolButton::clicked, this, &GraphView::showExportDialog);
    bar->addWidget(save);
    m_status = new QLabel(this);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // never squeezes the search field
    m_status->setMinimumWidth(120);
    bar->addWidget(m_status);
    layout->addWidget(bar);

    m_scene = new QGraphicsScene(this);
    // No spatial index: building one for thousands of boxes blocks the GUI thread longer than testing each
    // box against the few rectangles a paint or a click needs.
    m_scene->setItemIndexMethod(QGraphicsScene::NoIndex);
    auto* canvas = new Canvas(m_scene, this);
    canvas->doubleClicked = [this](int item) { activated(item); };
    canvas->contextMenu = [this](int item, QPoint global) { menuRequested(item, global); };
    m_canvas = canvas;
    m_canvas->setRenderHint(QPainter::Antialiasing);
    m_canvas->setDragMode(QGraphicsView::ScrollHandDrag);
    m_canvas->setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    m_canvas->setBackgroundBrush(QColor(252, 252, 252));
    m_canvas->installEventFilter(this);
    layout->addWidget(m_canvas, 1);
    m_minimap = new Minimap(m_canvas, m_canvas);
    connect(m_minimap, &Minimap::centreRequested, this, [this](QPointF p) { m_canvas->centerOn(p); });
    m_legend = new LegendWidget(m_canvas);
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &GraphView::onSceneSelection);
    placeOverlays();
}

GraphView::~GraphView()
{
    m_scene->disconnect(this); // the scene deletes its items after this object is gone
}

void GraphView::setGraph(std::shared_ptr<const model::Graph> graph)
{
    m_graph = std::move(graph);
    m_latencyRequested = false;
    m_inputs = {};
    if (m_graph && !m_graph->subgraphs.empty())
        for (const auto& row : model::describeLayers(*m_graph)) {
            m_inputs.outputDtype.push_back(row.outputDtype);
            m_inputs.constantBytes.push_back(row.constantBytes);
        }
    {
        const QSignalBlocker block(m_subgraphBox);
        m_subgraphBox->clear();
        const std::size_t count = m_graph ? m_graph->subgraphs.size() : 0;
        for (std::size_t i = 0; i < count; ++i) {
            const std::string& name = m_graph->subgraphs[i].name;
            m_subgraphBox->addItem(name.empty() ? (i == 0 ? tr("main") : tr("subgraph %1").arg(i))
                                                : QString::fromStdString(name),
                static_cast<int>(i));
        }
        m_subgraphAction->setVisible(count > 1); // a widget in a tool bar shows through its action
    }
    requestLatencyIfShown(); // the latency overlay stays chosen: measure the new model
    showSubgraph(0);
}

void GraphView::showSubgraph(int subgraph)
{
    if (m_graph && (subgraph < 0 || static_cast<std::size_t>(subgraph) >= m_graph->subgraphs.size()))
        return;
    clearScene(); // its boxes name nodes of what was shown before
    m_subgraph = m_graph ? subgraph : 0;
    {
        const QSignalBlocker block(m_subgraphBox);
        m_subgraphBox->setCurrentIndex(m_subgraph);
    }
    m_model = std::make_shared<const ModelGraph>(m_graph ? describeGraph(*m_graph, m_subgraph) : ModelGraph{});
    m_tree = std::make_shared<const ScopeTree>(buildScopeTree(*m_model));
    // Box sizes come from the texts, measured once here (fonts belong to the GUI thread).
    measureBoxes(*m_model, *m_tree, font(), m_nodeSizes, m_groupSizes);
    m_expanded.clear();
    m_pendingSelection = -1;
    m_firstLayout = true;
    m_matches.clear();
    relayout();
}

void GraphView::setExpanded(int group, bool expanded)
{
    if (group <= 0 || static_cast<std::size_t>(group) >= m_tree->groups.size() || isExpanded(group) == expanded)
        return;
    if (expanded)
        m_expanded.insert(group);
    else
        m_expanded.erase(group);
    m_focusGroup = group;
    relayout();
}

void GraphView::expandAll()
{
    for (std::size_t g = 1; g < m_tree->groups.size(); ++g)
        m_expanded.insert(static_cast<int>(g));
    relayout();
}

void GraphView::collapseAll()
{
    m_expanded.clear();
    relayout();
}

void GraphView::relayout()
{
    ++m_generation;
    m_laidOut = false;
    if (!m_graph) {
        m_status->clear();
        return;
    }
    if (m_layoutRunning) { // one layout at a time: the newest state follows when this one ends
        m_relayoutPending = true;
        return;
    }
    startLayout();
}

void GraphView::startLayout()
{
    const int generation = m_generation;
    m_layoutRunning = true;
    NestedLayoutInput input;
    input.graph = m_model.get();
    input.tree = m_tree.get();
    input.expanded = m_expanded;
    input.nodeSizes = m_nodeSizes;
    input.groupSizes = m_groupSizes;
    input.header = QFontMetricsF(font()).height() + 8;
    m_status->setText(tr("laying out %n operator(s)…", nullptr, static_cast<int>(m_model->opNode.size())));
    auto* watcher = new QFutureWatcher<std::pair<Result<NestedLayout>, double>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        m_layoutRunning = false;
        if (std::exchange(m_relayoutPending, false) || generation != m_generation) {
            startLayout(); // the model or its folding changed meanwhile
            return;
        }
        auto [layout, seconds] = watcher->result();
        m_layoutSeconds = seconds;
        m_layoutError.clear();
        const int keep = m_pendingSelection >= 0 ? m_pendingSelection : selectedOperator();
        m_pendingSelection = -1;
        clearScene();
        if (!layout) {
            m_layoutError = QString::fromStdString(layout.error().message);
            m_status->setText(m_layoutError);
        } else {
            buildScene(*layout);
            m_status->setText(tr("%n operator(s), %1 boxes, laid out in %2 s", nullptr,
                static_cast<int>(m_model->opNode.size()))
                                  .arg(m_items.size())
                                  .arg(seconds, 0, 'f', 2));
            if (std::exchange(m_firstLayout, false)) {
                m_pendingSelection = keep;
                showReadable();
                m_pendingSelection = -1;
            } else if (m_focusGroup > 0) { // the group just folded or unfolded stays in view
                for (auto* i : m_scene->items())
                    if (auto* f = dynamic_cast<FrameItem*>(i); f && f->group() == m_focusGroup)
                        m_canvas->ensureVisible(f->boundingRect().adjusted(0, 0, 0, -f->boundingRect().height() + 80));
                if (const auto it = m_items.find(-1 - m_focusGroup); it != m_items.end())
                    m_canvas->ensureVisible(it->second);
            }
            m_focusGroup = -1;
            if (keep >= 0 && itemOf(keep)) // a selection folded away stays unselected
                selectOperator(keep);
        }
        m_laidOut = true;
        emit laidOut();
    });
    watcher->setFuture(QtConcurrent::run([input = std::move(input), model = m_model, tree = m_tree] {
        QElapsedTimer t;
        t.start();
        auto r = layoutNested(input); // `model` and `tree` keep what `input` points to alive
        return std::make_pair(std::move(r), static_cast<double>(t.nsecsElapsed()) / 1e9);
    }));
}

void GraphView::clearScene()
{
    const QScopedValueRollback guard(m_syncing, true); // the selection goes with the boxes: nothing to say
    m_items.clear();
    m_scene->clear();
}

void GraphView::buildScene(const NestedLayout& layout)
{
    for (const PlacedBox& box : layout.boxes) {
        const QPointF centre(box.x + box.width / 2, box.y + box.height / 2);
        if (box.item < 0) {
            const int group = -1 - box.item;
            const ScopeGroup& g = m_tree->groups[static_cast<std::size_t>(group)];
            if (box.expanded) {
                m_scene->addItem(
                    new FrameItem(group, QRectF(box.x, box.y, box.width, box.height), QString::fromStdString(g.label)));
                continue;
            }
            const QString detail = groupDetail(g);
            const auto& size = m_groupSizes[static_cast<std::size_t>(group)];
            auto* item = new NodeItem(box.item, QSizeF(size.width - kGroupStack, size.height - kGroupStack),
                NodeItem::Shape::Group, groupTitle(g), detail);
            item->setPos(centre);
            item->setToolTip(tr("%1\n%2\nDouble-click to expand").arg(QString::fromStdString(g.path), detail));
            m_scene->addItem(item);
            m_items[box.item] = item;
            continue;
        }
        const GraphNode& n = m_model->nodes[static_cast<std::size_t>(box.item)];
        const QString title = QString::fromStdString(n.title), detail = QString::fromStdString(n.detail);
        const auto shape = n.kind != GraphNode::Kind::Operator ? NodeItem::Shape::Terminal
            : n.boundary                                       ? NodeItem::Shape::Boundary
                                                               : NodeItem::Shape::Operator;
        const auto& size = m_nodeSizes[static_cast<std::size_t>(box.item)];
        auto* item = new NodeItem(box.item, QSizeF(size.width, size.height), shape, title, detail);
        item->setPos(centre);
        item->setToolTip(QStringLiteral("%1\n%2\n%3").arg(title, detail, QString::fromStdString(n.names).trimmed()));
        m_scene->addItem(item);
        m_items[box.item] = item;
    }
    for (const PlacedEdge& e : layout.edges) {
        const NodeItem* from = m_items.count(e.from) ? m_items.at(e.from) : nullptr;
        const NodeItem* to = m_items.count(e.to) ? m_items.at(e.to) : nullptr;
        if (!from || !to)
            continue;
        QPainterPath path;
        QPointF tip, before;
        const auto& route = e.route;
        if (route.size() >= 4) {
            path.moveTo(route[0].x, route[0].y);
            for (std::size_t k = 1; k + 2 < route.size(); k += 3)
                path.cubicTo(route[k].x, route[k].y, route[k + 1].x, route[k + 1].y, route[k + 2].x, route[k + 2].y);
            tip = QPointF(route.back().x, route.back().y);
            before = QPointF(route[route.size() - 2].x, route[route.size() - 2].y);
        } else { // across a group's border: from the bottom of one box to the top of the other
            const QRectF a = from->mapRectToScene(from->boundingRect()), b = to->mapRectToScene(to->boundingRect());
            const QPointF start(a.center().x(), a.bottom() - 3), end(b.center().x(), b.top() + 3);
            const double bend = std::max(20.0, std::abs(end.y() - start.y()) / 3);
            path.moveTo(start);
            path.cubicTo(start + QPointF(0, bend), end - QPointF(0, bend), end);
            tip = end;
            before = end - QPointF(0, bend);
        }
        QString label = QString::fromStdString(m_model->edges[static_cast<std::size_t>(e.edge)].label);
        if (e.tensors > 1)
            label += tr(" (+%n more)", nullptr, e.tensors - 1);
        m_scene->addItem(new EdgeItem(path, tip, before, label));
    }
    m_scene->setSceneRect(QRectF(-20, -20, layout.width + 40, layout.height + 40));
    highlightMatches();
    repaintOverlay();
    m_minimap->refit();
}

void GraphView::fitToWindow()
{
    if (m_scene->items().isEmpty())
        return;
    m_canvas->fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
}

void GraphView::showReadable()
{
    // The whole graph when it fits at a readable size; else readable boxes around the selection, or the top.
    m_canvas->fitInView(m_scene->sceneRect(), Qt::KeepAspectRatio);
    if (m_canvas->transform().m11() > 1) { // a few boxes: their natural size, not blown up
        m_canvas->setTransform(QTransform());
        m_canvas->centerOn(m_scene->sceneRect().center());
        return;
    }
    if (m_canvas->transform().m11() >= 0.6)
        return;
    m_canvas->setTransform(QTransform::fromScale(0.8, 0.8));
    const int op = m_pendingSelection >= 0 ? m_pendingSelection : selectedOperator();
    if (const NodeItem* item = itemOf(op))
        m_canvas->centerOn(item);
    else
        m_canvas->centerOn(m_scene->sceneRect().center().x(), m_scene->sceneRect().top());
}

bool GraphView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_canvas && event->type() == QEvent::Resize)
        placeOverlays();
    return QWidget::eventFilter(watched, event);
}

void GraphView::placeOverlays()
{
    const QRect area = m_canvas->viewport()->geometry();
    const QSize mini(std::min(180, area.width() / 4), std::min(240, area.height() / 3));
    m_minimap->setGeometry(area.right() - mini.width() - 8, area.bottom() - mini.height() - 8, mini.width(),
        mini.height());
    const QSize legend = m_legend->sizeHint();
    m_legend->setGeometry(area.left() + 8, area.bottom() - legend.height() - 8, legend.width(), legend.height());
    m_minimap->raise();
    m_legend->raise();
}

} // namespace ql::widgets
