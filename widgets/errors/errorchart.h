// SPDX-License-Identifier: MIT
// The per-layer error chart: one bar per weighted layer with the chosen metric (weight SQNR by default),
// coloured by verdict, the worst layers outlined; clicking a bar reports that layer. Exports as PNG,
// SVG or PDF like every chart.
#pragma once

#include "eval/weights.h"

#include <QWidget>

#include <vector>

class QAbstractItemModel;
class QCustomPlot;
class QLabel;
class QCPAbstractPlottable;
class QMouseEvent;

namespace ql::widgets {

class OperatorBars;

class ErrorChart : public QWidget {
    Q_OBJECT

public:
    explicit ErrorChart(QWidget* parent = nullptr);
    ~ErrorChart() override;

    void setLayers(const std::vector<eval::LayerWeights>& layers);
    void setCurrentOperator(int op); // outlined as selected

    int barCount() const { return static_cast<int>(m_ops.size()); }
    // The lowest SQNRs, outlined: three of many layers (at most a quarter of them, at least one).
    std::vector<int> worstOperators() const { return m_worst; }
    // The operator whose bar is at x (bar index) — what a click there selects.
    int operatorAtBar(int bar) const;
    bool exportChart(const QString& path, QString* error = nullptr) const;
    // The bars as drawn (heights, the word over exact ones, where to click).
    const OperatorBars* bars() const { return m_bars; }

signals:
    void operatorClicked(int op);

private:
    void redraw();

    std::vector<eval::LayerWeights> m_layers;
    std::vector<int> m_ops, m_worst;
    int m_current = -1;
    QCustomPlot* m_plot = nullptr;
    OperatorBars* m_bars = nullptr;
    QLabel* m_caption = nullptr;
};

// Models may answer this role (cells and horizontal headers) with values for files: stable English keys,
// raw numbers, no locale formatting. Tables export it where given, the display text elsewhere.
inline constexpr int ExportRole = Qt::UserRole + 77;

// Any table model as CSV (header row first) or JSON (an array of objects keyed by header), in ExportRole.
QString tableToCsv(const QAbstractItemModel& model);
QByteArray tableToJson(const QAbstractItemModel& model);
// Writes CSV or JSON (by suffix) atomically; false with a message.
bool exportTable(const QAbstractItemModel& model, const QString& path, QString* error);

} // namespace ql::widgets
