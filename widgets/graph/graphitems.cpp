// SPDX-License-Identifier: MIT
#include "graph/graphitems.h"

#include "graph/graphoverlay.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace ql::widgets {
namespace {

constexpr double kPad = 6;
constexpr double kLineGap = 1;

QFont smaller(const QFont& f)
{
    QFont s = f;
    s.setPointSizeF(f.pointSizeF() > 0 ? f.pointSizeF() * 0.85 : 8);
    return s;
}

QFont bold(const QFont& f)
{
    QFont b = f;
    b.setBold(true);
    return b;
}

} // namespace

QSize legendSize(const Legend& legend, const QFont& font)
{
    const QFontMetrics fm(font);
    int w = fm.horizontalAdvance(legend.title);
    int lines = 1;
    if (legend.ramp) {
        w = std::max(w, fm.horizontalAdvance(legend.lowText + QStringLiteral(" … ") + legend.highText) + 150);
        ++lines;
    }
    for (const auto& s : legend.swatches) {
        w = std::max(w, fm.horizontalAdvance(s.second) + 22);
        ++lines;
    }
    if (!legend.note.isEmpty()) {
        w = std::max(w, std::min(360, fm.horizontalAdvance(legend.note)));
        lines += fm.horizontalAdvance(legend.note) > 360 ? 2 : 1;
    }
    return {w + 16, lines * (fm.height() + 3) + 10};
}

void paintLegend(QPainter& p, const Legend& legend, const QRect& box, const QFont& font)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QColor(160, 160, 160));
    p.setBrush(QColor(255, 255, 255, 230));
    p.drawRoundedRect(box.adjusted(0, 0, -1, -1), 4, 4);
    const QFontMetrics fm(font);
    const int lh = fm.height() + 3, left = box.left() + 8, width = box.width() - 16;
    int y = box.top() + 5;
    p.setFont(bold(font));
    p.setPen(Qt::black);
    p.drawText(QRect(left, y, width, lh), Qt::AlignLeft | Qt::AlignVCenter, legend.title);
    p.setFont(font);
    y += lh;
    if (legend.ramp) {
        const int lw = fm.horizontalAdvance(legend.lowText);
        const int bar = width - lw - fm.horizontalAdvance(legend.highText) - 12;
        p.drawText(QRect(left, y, lw, lh), Qt::AlignVCenter, legend.lowText);
        QLinearGradient g(left + lw + 6, 0, left + lw + 6 + bar, 0);
        for (int i = 0; i <= 8; ++i) { // through hue, as the boxes are coloured
            const double t = i / 8.0;
            auto lerp = [t](double a, double c) { return a + (c - a) * t; };
            const QColor& lo = legend.lowColour;
            const QColor& hi = legend.highColour;
            g.setColorAt(t, QColor::fromHsvF(static_cast<float>(lerp(lo.hsvHueF(), hi.hsvHueF())),
                                static_cast<float>(lerp(lo.hsvSaturationF(), hi.hsvSaturationF())),
                                static_cast<float>(lerp(lo.valueF(), hi.valueF()))));
        }
        p.setPen(Qt::NoPen);
        p.setBrush(g);
        p.drawRect(left + lw + 6, y + 3, bar, lh - 6);
        p.setPen(Qt::black);
        p.drawText(QRect(left + lw + 12 + bar, y, box.right() - (left + lw + 12 + bar), lh), Qt::AlignVCenter, legend.highText);
        y += lh;
    }
    for (const auto& [colour, text] : legend.swatches) {
        p.setPen(QColor(110, 110, 110));
        p.setBrush(colour);
        p.drawRect(left, y + 3, 12, lh - 6);
        p.setPen(Qt::black);
        p.drawText(QRect(left + 18, y, width - 18, lh), Qt::AlignVCenter, text);
        y += lh;
    }
    if (!legend.note.isEmpty()) {
        p.setPen(QColor(90, 90, 90));
        p.drawText(QRect(left, y, width, box.bottom() - y), Qt::TextWordWrap, legend.note);
    }
    p.restore();
}

QString groupTitle(const ScopeGroup& g)
{
    return QStringLiteral("▸ ") + QString::fromStdString(g.label);
}

QString groupDetail(const ScopeGroup& g)
{
    return QCoreApplication::translate("ql::widgets::GraphView", "%n operator(s)", nullptr, g.operatorCount);
}

void measureBoxes(const ModelGraph& graph, const ScopeTree& tree, const QFont& font,
    std::vector<LayoutInput::Node>& nodes, std::vector<LayoutInput::Node>& groups)
{
    const BoxSizer sizeFor(font);
    nodes.clear();
    groups.clear();
    for (const auto& n : graph.nodes) {
        const QSizeF size = sizeFor(QString::fromStdString(n.title), QString::fromStdString(n.detail));
        nodes.push_back({size.width(), size.height()});
    }
    for (const auto& g : tree.groups) {
        const QSizeF size = sizeFor(groupTitle(g), groupDetail(g));
        groups.push_back({size.width() + kGroupStack, size.height() + kGroupStack});
    }
}

NodeItem::NodeItem(int item, QSizeF size, Shape shape, QString title, QString detail)
    : m_item(item)
    , m_size(size)
    , m_shape(shape)
    , m_title(std::move(title))
    , m_detail(std::move(detail))
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(false);
    setCacheMode(DeviceCoordinateCache);
}

BoxSizer::BoxSizer(const QFont& font)
    : m_big(bold(font))
    , m_small(smaller(font))
{
}

QSizeF BoxSizer::operator()(const QString& title, const QString& detail) const
{
    const double w = std::max({m_big.horizontalAdvance(title), m_small.horizontalAdvance(detail), 60.0});
    const double h = m_big.height() + 2 * m_small.height() + 2 * kLineGap;
    return {std::ceil(w + 2 * kPad), std::ceil(h + 2 * kPad)};
}

void NodeItem::setPaint(const QColor& fill, const QString& value)
{
    if (fill == m_fill && value == m_value)
        return;
    m_fill = fill;
    m_value = value;
    update();
}

void NodeItem::setHighlighted(bool on)
{
    if (on != m_highlighted) {
        m_highlighted = on;
        update();
    }
}

QRectF NodeItem::boundingRect() const
{
    return QRectF(-m_size.width() / 2 - 3, -m_size.height() / 2 - 3, m_size.width() + 8, m_size.height() + 8);
}

void NodeItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* /*widget*/)
{
    const QRectF box(-m_size.width() / 2, -m_size.height() / 2, m_size.width(), m_size.height());
    const QColor fill = m_fill.isValid() ? m_fill
        : m_shape == Shape::Terminal     ? QColor(236, 236, 236)
        : m_shape == Shape::Boundary     ? QColor(255, 244, 214)
                                         : QColor(250, 250, 250);
    QPen pen(isSelected() ? QColor(20, 90, 200) : m_highlighted ? QColor(220, 120, 0) : QColor(110, 110, 110));
    pen.setWidthF(isSelected() || m_highlighted ? 3.0 : 1.0);
    if (m_shape == Shape::Boundary)
        pen.setStyle(isSelected() ? Qt::SolidLine : Qt::DashLine);
    p->setPen(pen);
    p->setBrush(fill);
    const double radius = m_shape == Shape::Terminal ? m_size.height() / 2 : 5;
    if (m_shape == Shape::Group) { // a stack of boxes: there is more inside
        p->drawRoundedRect(box.translated(4, 4), radius, radius);
        p->drawRoundedRect(box.translated(2, 2), radius, radius);
    }
    p->drawRoundedRect(box, radius, radius);
    // Far out, the boxes' colours tell the story; text would be unreadable and slow to draw.
    if (option->levelOfDetailFromTransform(p->worldTransform()) < 0.35)
        return;
    const QFont base = p->font();
    const QFontMetricsF big(bold(base)), small(smaller(base));
    double y = box.top() + kPad;
    p->setPen(Qt::black);
    p->setFont(bold(base));
    p->drawText(QRectF(box.left(), y, box.width(), big.height()), Qt::AlignHCenter | Qt::AlignTop,
        big.elidedText(m_title, Qt::ElideMiddle, box.width() - 2 * kPad));
    y += big.height() + kLineGap;
    p->setFont(smaller(base));
    p->setPen(QColor(60, 60, 60));
    p->drawText(QRectF(box.left(), y, box.width(), small.height()), Qt::AlignHCenter | Qt::AlignTop,
        small.elidedText(m_detail, Qt::ElideRight, box.width() - 2 * kPad));
    y += small.height() + kLineGap;
    if (!m_value.isEmpty()) {
        p->setPen(Qt::black);
        p->drawText(QRectF(box.left(), y, box.width(), small.height()), Qt::AlignHCenter | Qt::AlignTop, m_value);
    }
    p->setFont(base);
}

FrameItem::FrameItem(int group, QRectF rect, QString title)
    : m_group(group)
    , m_rect(rect)
    , m_title(std::move(title))
{
    setZValue(-2);
    setToolTip(QCoreApplication::translate("ql::widgets::GraphView", "Double-click the title to fold this group"));
}

void FrameItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* /*widget*/)
{
    QPen pen(QColor(150, 160, 185));
    pen.setStyle(Qt::DashLine);
    p->setPen(pen);
    p->setBrush(QColor(235, 240, 250, 120));
    p->drawRoundedRect(m_rect, 6, 6);
    if (option->levelOfDetailFromTransform(p->worldTransform()) < 0.25)
        return;
    p->setPen(QColor(60, 70, 110));
    p->drawText(m_rect.adjusted(8, 3, -8, 0), Qt::AlignLeft | Qt::AlignTop, QStringLiteral("▾ ") + m_title);
}

EdgeItem::EdgeItem(QPainterPath path, QPointF tip, QPointF from, QString label)
    : m_path(std::move(path))
    , m_label(std::move(label))
{
    setZValue(-1);
    // The arrow head points along the last piece of the route.
    QPointF dir = tip - from;
    const double len = std::hypot(dir.x(), dir.y());
    dir = len > 0 ? dir / len : QPointF(0, 1);
    const QPointF normal(-dir.y(), dir.x());
    m_arrow << tip << tip - dir * 8 + normal * 3.5 << tip - dir * 8 - normal * 3.5;
    // The label sits just below where the edge leaves its source.
    m_labelAt = m_path.pointAtPercent(0) + QPointF(4, 11);
    m_bounds = m_path.boundingRect().united(m_arrow.boundingRect()).united(QRectF(m_labelAt, QSizeF(160, 14))).adjusted(-2, -12, 2, 2);
}

QRectF EdgeItem::boundingRect() const
{
    return m_bounds;
}

void EdgeItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* /*widget*/)
{
    p->setPen(QPen(QColor(120, 120, 120), 1.0));
    p->setBrush(Qt::NoBrush);
    p->drawPath(m_path);
    p->setBrush(QColor(120, 120, 120));
    p->drawPolygon(m_arrow);
    if (option->levelOfDetailFromTransform(p->worldTransform()) < 0.7 || m_label.isEmpty())
        return;
    const QFont base = p->font();
    p->setFont(smaller(base));
    p->setPen(QColor(90, 90, 90));
    p->drawText(m_labelAt, m_label);
    p->setFont(base);
}

LegendWidget::LegendWidget(QWidget* parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_TransparentForMouseEvents);
}

void LegendWidget::setLegend(const Legend& legend)
{
    m_legend = legend;
    resize(sizeHint());
    update();
}

QSize LegendWidget::sizeHint() const
{
    return legendSize(m_legend, font());
}

void LegendWidget::paintEvent(QPaintEvent* /*event*/)
{
    QPainter p(this);
    paintLegend(p, m_legend, rect(), font());
}

Minimap::Minimap(QGraphicsView* main, QWidget* parent)
    : QGraphicsView(main->scene(), parent)
    , m_main(main)
{
    setInteractive(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setRenderHint(QPainter::Antialiasing, false);
    setFrameShape(QFrame::Box);
    setToolTip(tr("Overview: click or drag to move the view"));
    auto repaint = [this] { viewport()->update(); };
    connect(m_main->horizontalScrollBar(), &QScrollBar::valueChanged, this, repaint);
    connect(m_main->verticalScrollBar(), &QScrollBar::valueChanged, this, repaint);
}

void Minimap::refit()
{
    if (scene())
        fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
    viewport()->update();
}

void Minimap::drawForeground(QPainter* p, const QRectF& /*rect*/)
{
    const QRectF visible = m_main->mapToScene(m_main->viewport()->rect()).boundingRect();
    QPen pen(QColor(20, 90, 200));
    pen.setCosmetic(true);
    pen.setWidth(2);
    p->setPen(pen);
    p->setBrush(QColor(20, 90, 200, 40));
    p->drawRect(visible);
}

void Minimap::mousePressEvent(QMouseEvent* e)
{
    emit centreRequested(mapToScene(e->position().toPoint()));
}

void Minimap::mouseMoveEvent(QMouseEvent* e)
{
    if (e->buttons() & Qt::LeftButton)
        emit centreRequested(mapToScene(e->position().toPoint()));
}

void Minimap::resizeEvent(QResizeEvent* e)
{
    QGraphicsView::resizeEvent(e);
    refit();
}

} // namespace ql::widgets
