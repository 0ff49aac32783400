// SPDX-License-Identifier: MIT
// One bar per operator on a QCustomPlot, drawn the same way by every per-operator chart (weight SQNR,
// activation SQNR, side by side): negative values hang below zero, an exact value (+inf) is drawn at the
// top with the word "exact" over it instead of posing as the best finite value, outlines mark the worst
// and the selected bar, and a click anywhere on a bar (outline included) names that bar. Beyond a few dozen
// operators the labels are thinned to what fits and the x axis zooms and pans with the wheel and a drag,
// showing more labels as it zooms in; hovering a bar shows its full label and value.
#pragma once

#include <QColor>
#include <QObject>
#include <QPoint>
#include <QString>

#include <utility>
#include <vector>

class QCustomPlot;
class QCPAbstractPlottable;

namespace ql::widgets {

struct OperatorBar {
    double value = 0; // +inf: exact; NaN: no value (nothing drawn)
    QColor fill;
    QString tick; // the axis label (short)
    QString tip; // hover text
    bool outlined = false; // among the worst
    bool selected = false; // the current operator
};

class OperatorBars : public QObject {
    Q_OBJECT

public:
    // Draws on `plot` (which it does not own); `unit` follows values in hover texts ("dB").
    OperatorBars(QCustomPlot* plot, QString unit);

    void setBars(std::vector<OperatorBar> bars);
    int count() const { return static_cast<int>(m_bars.size()); }
    // The height a bar is drawn with (exact bars: the top of the finite scale), and the word written over it.
    double drawnHeight(int bar) const;
    QString valueLabel(int bar) const;
    std::pair<double, double> valueRange() const; // the y axis
    // The middle of a bar in the plot's coordinates (for scripted clicks); the labels on the x axis now.
    QPoint barCentre(int bar) const;
    QStringList visibleTicks() const;
    // The bar a click on `plottable` at `dataIndex` hit (-1: none); every bar layer keys its data by bar.
    static int barOf(QCPAbstractPlottable* plottable, int dataIndex);

signals:
    void barClicked(int bar);

private:
    void redraw();
    void updateTicks();
    void showTip(const QPoint& at);

    QCustomPlot* m_plot;
    QString m_unit;
    std::vector<OperatorBar> m_bars;
    double m_top = 10; // the height exact bars are drawn at
};

} // namespace ql::widgets
