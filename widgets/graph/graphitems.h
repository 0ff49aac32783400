// SPDX-License-Identifier: MIT
// The pieces of the graph view's scene: an operator (or input / output) box with its title, detail line and
// overlay value; an edge with its arrow and, when zoomed in enough to read it, the tensor's shape and type;
// and the minimap, a second view of the whole scene with the visible part outlined.
#pragma once

#include "graph/graphlayout.h"
#include "graph/graphoverlay.h"
#include "graph/scopetree.h"

#include <QFontMetricsF>
#include <QGraphicsItem>
#include <QGraphicsView>

namespace ql::widgets {

// An overlay's key: its size for `font`, and drawn into `box` (a ramp with its two ends, or swatches).
QSize legendSize(const Legend& legend, const QFont& font);
void paintLegend(QPainter& p, const Legend& legend, const QRect& box, const QFont& font);

// The box size texts need, in scene units (the font's metrics measured once, for thousands of boxes).
class BoxSizer {
public:
    explicit BoxSizer(const QFont& font);
    QSizeF operator()(const QString& title, const QString& detail) const;

private:
    QFontMetricsF m_big, m_small;
};

// A folded group's two lines: "▸ block_3" and "12 operators".
QString groupTitle(const ScopeGroup& g);
QString groupDetail(const ScopeGroup& g);
// The layout sizes of every node's box and every folded group's (its stacked look included), as drawn.
void measureBoxes(const ModelGraph& graph, const ScopeTree& tree, const QFont& font,
    std::vector<LayoutInput::Node>& nodes, std::vector<LayoutInput::Node>& groups);
inline constexpr double kGroupStack = 4; // a folded group's extra size for the boxes stacked behind it

// A box: an operator, a graph input or output, or a collapsed group (item -1 - group).
class NodeItem : public QGraphicsItem {
public:
    enum class Shape { Operator, Terminal, Boundary, Group };
    NodeItem(int item, QSizeF size, Shape shape, QString title, QString detail);

    int item() const { return m_item; } // a graph node (>= 0), or -1 - group
    void setPaint(const QColor& fill, const QString& value);
    QColor fill() const { return m_fill; }
    QString value() const { return m_value; }
    void setHighlighted(bool on); // a search match

    QRectF boundingRect() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    int m_item;
    QSizeF m_size;
    Shape m_shape;
    QString m_title, m_detail, m_value;
    QColor m_fill;
    bool m_highlighted = false;
};

// An expanded group: a frame with its name on top, behind its contents.
class FrameItem : public QGraphicsItem {
public:
    FrameItem(int group, QRectF rect, QString title);
    int group() const { return m_group; }
    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    int m_group;
    QRectF m_rect;
    QString m_title;
};

class EdgeItem : public QGraphicsItem {
public:
    EdgeItem(QPainterPath path, QPointF tip, QPointF from, QString label);
    QRectF boundingRect() const override;
    void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QPainterPath m_path;
    QPolygonF m_arrow;
    QString m_label;
    QPointF m_labelAt;
    QRectF m_bounds;
};

// The overlay's key, painted in a corner of the canvas.
class LegendWidget : public QWidget {
public:
    explicit LegendWidget(QWidget* parent);
    void setLegend(const Legend& legend);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    Legend m_legend;
};

class Minimap : public QGraphicsView {
    Q_OBJECT
public:
    Minimap(QGraphicsView* main, QWidget* parent);
    void refit();

signals:
    void centreRequested(QPointF scenePoint);

protected:
    void drawForeground(QPainter* p, const QRectF& rect) override;
    void mousePressEvent(QMouseEvent* e) override;
    void mouseMoveEvent(QMouseEvent* e) override;
    void resizeEvent(QResizeEvent* e) override;

private:
    QGraphicsView* m_main;
};

} // namespace ql::widgets
