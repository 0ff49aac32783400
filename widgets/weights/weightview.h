// SPDX-License-Identifier: MIT
// The weights of one layer: histogram of the float weights with the quantized ones overlaid, the
// quantization grid (when it is coarse enough to see) and the clipping range; the error histogram; the
// per-channel ranges; and the derivation of the scale and zero point written out with its numbers.
// Log scale and zoom; every chart exports as PNG, SVG or PDF. Shows an immutable snapshot of a layer's
// analysis; no application state.
#pragma once

#include "eval/weights.h"

#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QCustomPlot;

namespace ql::widgets {

class WeightView : public QWidget {
    Q_OBJECT

public:
    explicit WeightView(QWidget* parent = nullptr);
    ~WeightView() override;

    void setLayer(const eval::LayerWeights* layer); // nullptr: nothing selected
    void setLogScale(bool on);
    bool logScale() const;

    // What is drawn (for tests and for the status line).
    int gridLineCount() const { return m_gridLines; }
    bool showsClipRange() const { return m_clipLines > 0; }
    int channelCount() const { return m_channels; }
    QString formulaText() const;
    QString titleText() const;

    enum class Chart { Histogram, Error, Channels };
    // Writes a chart to `path` (.png, .svg or .pdf, by suffix) through a temporary file; false with a message.
    bool exportChart(Chart chart, const QString& path, QString* error = nullptr) const;

private:
    void redraw();

    std::optional<eval::LayerWeights> m_layer;
    QLabel* m_title = nullptr;
    QLabel* m_formula = nullptr;
    QCheckBox* m_log = nullptr;
    QCustomPlot* m_hist = nullptr;
    QCustomPlot* m_error = nullptr;
    QCustomPlot* m_channelPlot = nullptr;
    int m_gridLines = 0, m_clipLines = 0, m_channels = 0;
};

} // namespace ql::widgets
