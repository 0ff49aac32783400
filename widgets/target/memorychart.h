// SPDX-License-Identifier: MIT
// RAM on the device over a run: for each step (the inputs, then each operator), the tflite-micro arena in use
// (the live planned tensors and scratch buffers, plus the persistent part), one line per model (the file as
// opened, the model in the chosen mode as QuantLens would export it), the peak of each marked, and the RAM
// of a target as a limit line. Clicking a step reports its operator. Exports as PNG, SVG or PDF like every
// chart.
#pragma once

#include <QWidget>

#include <cstdint>
#include <vector>

class QCustomPlot;
class QMouseEvent;

namespace ql::widgets {

class MemoryChart : public QWidget {
    Q_OBJECT

public:
    struct Series {
        QString name;
        std::vector<std::int64_t> liveBytes; // planned bytes live at step 0 (inputs), 1 .. n (operator i - 1)
        std::int64_t persistentBytes = 0;
    };

    explicit MemoryChart(QWidget* parent = nullptr);
    ~MemoryChart() override;

    // `ramBytes` > 0 draws the target's RAM, named `target`.
    void setSeries(const std::vector<Series>& series, std::int64_t ramBytes = 0, const QString& target = QString());

    // What is drawn, in bytes (for tests and captions): each series' total at each step, and its peak step.
    std::vector<std::int64_t> totals(int series) const;
    int peakStep(int series) const;
    int seriesCount() const { return static_cast<int>(m_series.size()); }
    bool exportChart(const QString& path, QString* error = nullptr) const;

signals:
    // A click on step s > 0 (operator s - 1).
    void operatorClicked(int op);

private:
    void onClick(QMouseEvent* e);

    std::vector<Series> m_series;
    QCustomPlot* m_plot = nullptr;
};

} // namespace ql::widgets
