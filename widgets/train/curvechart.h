// SPDX-License-Identifier: MIT
// Live training curves: loss on the left axis, accuracy on the right one, against the epoch.
#pragma once

#include <QWidget>

class QCustomPlot;

namespace ql::widgets {

class CurveChart : public QWidget {
    Q_OBJECT

public:
    explicit CurveChart(QWidget* parent = nullptr);
    ~CurveChart() override;
    void clear();
    void addPoint(double epoch, double loss, double accuracy);
    int pointCount() const;

private:
    QCustomPlot* m_plot = nullptr;
};

} // namespace ql::widgets
