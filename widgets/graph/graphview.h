// SPDX-License-Identifier: MIT
// The model as a graph: operators as boxes, tensors as edges with their shape and type, folded by name scope
// (scopetree.h: a group is one box until expanded) and laid out top-down by Graphviz in the background, one
// level at a time (nestedlayout.h). One overlay at a time colours the operators by a number QuantLens has (see
// graphoverlay.h), with a legend; search, zoom (wheel), pan (drag), fit-to-window and a minimap find the way
// in large models. Selection is by the file's operator numbering, shared with the application through
// operatorSelected / selectOperator; the context menu keeps an operator in float by asking the application.
#pragma once

#include "eval/weights.h"
#include "graph/graphlayout.h"
#include "graph/graphoverlay.h"
#include "graph/modelgraph.h"
#include "graph/scopetree.h"
#include "model/graph.h"

#include <QWidget>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

class QAction;
class QComboBox;
class QGraphicsScene;
class QGraphicsView;
class QLabel;
class QLineEdit;
class QMenu;

namespace ql::widgets {

struct NestedLayout;
class FrameItem;
class LegendWidget;
class Minimap;
class NodeItem;

class GraphView : public QWidget {
    Q_OBJECT

public:
    explicit GraphView(QWidget* parent = nullptr);
    ~GraphView() override;

    // Lays the main subgraph out in the background, its groups folded: laidOut follows (also when the layout
    // failed: layoutError() says why). The selection and the overlay's numbers of the previous model go.
    void setGraph(std::shared_ptr<const model::Graph> graph);
    // Another subgraph of the model (control-flow bodies, other signatures' graphs): laid out like the main
    // one; overlays and the shared selection stay with the main subgraph (0), whose operators QuantLens numbers.
    void showSubgraph(int subgraph);
    int shownSubgraph() const { return m_subgraph; }
    // Folding: each change lays the graph out again in the background (laidOut follows).
    const ScopeTree& scopeTree() const { return *m_tree; }
    void setExpanded(int group, bool expanded);
    bool isExpanded(int group) const { return m_expanded.count(group) > 0; }
    void expandAll();
    void collapseAll();
    bool isLaidOut() const { return m_laidOut; }
    QString layoutError() const { return m_layoutError; }
    double layoutSeconds() const { return m_layoutSeconds; }

    // The numbers overlays draw on (any may come before or after the layout).
    void setWeightAnalysis(std::shared_ptr<const std::vector<eval::LayerWeights>> weights);
    // Per operator output `ops[i]`: the propagated SQNR and, when given, the local one (this tensor only).
    void setActivationSqnr(const std::vector<int>& ops, const std::vector<double>& sqnrDb,
        const std::vector<double>& localSqnrDb = {});
    // Each operator's mean time (ms), or why there is none (`note`).
    void setLatency(const std::vector<double>& ms, const QString& note = {});
    void setKeptFloat(const std::vector<int>& ops);
    void setOverlay(OverlayKind kind);
    // Colours from elsewhere (a model diff) in place of the chosen overlay; nullopt: the overlay again.
    void setOverlayOverride(std::optional<OverlayResult> colours);
    OverlayKind overlay() const { return m_overlay; }
    const Legend& legend() const { return m_current.legend; }

    // Selects operator `op`'s box and scrolls it into view (no operatorSelected), first expanding the groups
    // around it (the selection then lands once the new layout is in); false when there is no such operator.
    bool selectOperator(int op);
    int selectedOperator() const; // -1: none
    // Selects the next box (after the selected one) whose operator type, number (#12) or tensor names
    // contain `text`, and highlights every match; false when nothing matches.
    bool findNext(const QString& text);
    void fitToWindow();

    // The drawing (as laid out, with the legend) as .svg, .pdf or .png; false with `error` saying why not.
    bool exportPicture(const QString& path, QString* error) const;
    // The overlay's colours and values as Model Explorer node data (graphoverlay.h), to load there.
    bool exportNodeData(const QString& path, QString* error) const;

    // What is drawn, for tests and screenshots.
    int boxCount() const { return static_cast<int>(m_items.size()); } // boxes that show (operators and groups)
    const ModelGraph& modelGraph() const { return *m_model; }
    bool operatorShown(int op) const { return itemOf(op) != nullptr; }
    QColor operatorColour(int op) const; // invalid when it has no overlay colour (or no box)
    QColor groupColour(int group) const; // a folded group's: its worst operator's
    QString operatorValue(int op) const;
    QPoint operatorViewportPosition(int op) const; // the box's centre in the canvas's viewport
    QPointF operatorScenePosition(int op) const;
    QGraphicsView* canvas() const { return m_canvas; }
    // The context menu of operator `op`'s box (the caller owns it).
    QMenu* contextMenuFor(int op, QWidget* parent);
    QMenu* groupMenuFor(int group, QWidget* parent);

signals:
    void laidOut();
    void operatorSelected(int op); // by a click, a search, or the keyboard
    void operatorOpened(int op); // a double-click: show its weights
    void keepFloatRequested(int op, bool keep);
    void latencyRequested(); // the latency overlay was chosen and has no numbers yet

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void relayout();
    void startLayout();
    void clearScene();
    void showReadable(); // after a layout: everything if readable, else a readable part
    void showExportDialog();
    void buildScene(const NestedLayout& layout);
    void repaintOverlay();
    void placeOverlays(); // legend and minimap in the canvas's corners
    void onSceneSelection();
    void activated(int item); // a double-click on a box
    void highlightMatches();
    void menuRequested(int item, QPoint global);
    NodeItem* itemOf(int op) const;
    // The operator a box stands for, as the application numbers it (the main subgraph's); -1 for groups,
    // inputs, outputs and the boxes of another subgraph.
    int operatorOf(int item) const;
    int selectedNode() const; // the selected box's graph node, -1: none (or a group)

    std::shared_ptr<const model::Graph> m_graph;
    std::shared_ptr<const ModelGraph> m_model = std::make_shared<ModelGraph>();
    std::shared_ptr<const ScopeTree> m_tree = std::make_shared<ScopeTree>();
    std::set<int> m_expanded;
    std::vector<LayoutInput::Node> m_nodeSizes, m_groupSizes; // measured once per model
    bool m_layoutRunning = false;
    bool m_relayoutPending = false;
    bool m_firstLayout = true; // of this model: show it at a readable size
    bool m_latencyRequested = false;
    void requestLatencyIfShown();
    int m_focusGroup = -1; // the group the user just folded or unfolded
    int m_pendingSelection = -1; // an operator to select once the layout is in
    std::vector<int> m_matches; // graph nodes the last search found
    OverlayInputs m_inputs;
    OverlayKind m_overlay = OverlayKind::WeightSqnr;
    OverlayResult m_current;
    std::optional<OverlayResult> m_override;
    std::map<int, NodeItem*> m_items; // the boxes that show, by item (graph node, or -1 - group)
    QGraphicsScene* m_scene = nullptr;
    QGraphicsView* m_canvas = nullptr;
    Minimap* m_minimap = nullptr;
    LegendWidget* m_legend = nullptr;
    QComboBox* m_overlayBox = nullptr;
    QComboBox* m_subgraphBox = nullptr;
    QAction* m_subgraphAction = nullptr; // the subgraph choice in the tool bar
    int m_subgraph = 0;
    QLineEdit* m_search = nullptr;
    QLabel* m_status = nullptr;
    bool m_laidOut = false;
    QString m_layoutError;
    double m_layoutSeconds = 0;
    int m_generation = 0;
    bool m_syncing = false; // selection set by the application: not echoed back
};

} // namespace ql::widgets
