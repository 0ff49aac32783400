// SPDX-License-Identifier: MIT
// Side by side: pick an input — a data-set sample (thumbnails), or a drawing on a 28x28 canvas for
// 28x28 models — and run the float model and the model in the chosen mode on it: input preview, top-k
// output bars with class names, and the per-layer SQNR between the two runs, which shows where they part
// ways. Runs happen off the GUI thread; results come back as snapshots.
#pragma once

#include "data/samples.h"
#include "model/graph.h"

#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QListView;
class QTabWidget;

namespace ql::widgets {
class DrawCanvas;
class OutputBars;
class SampleListModel;
class ValueBars;
} // namespace ql::widgets

namespace ql::app {

class SideBySideView : public QWidget {
    Q_OBJECT

public:
    explicit SideBySideView(QWidget* parent = nullptr);

    // `quantized` is the model in the chosen mode with float I/O (or a teaching simulation); may be null.
    void setModels(std::shared_ptr<const model::Graph> floatGraph, std::shared_ptr<const model::Graph> quantized,
        const QString& modeName);
    void setDataSet(std::shared_ptr<const data::SampleSet> set);
    void setClassNames(const QStringList& names);
    QStringList classNames() const { return m_classNames; }

    void runSample(int index);
    void runDrawing();
    widgets::DrawCanvas* canvas() const { return m_canvas; }

    struct Outcome {
        QString error;
        std::vector<float> floatOut, quantOut; // as probabilities
        QStringList layers;
        std::vector<double> sqnr; // per layer, propagated, dB
    };
    const Outcome& last() const { return m_last; }

signals:
    void ran(); // a comparison landed (or failed: last().error)

private:
    void run(std::vector<float> input, const QImage& preview);
    void showOutcome(const Outcome& o);

    std::shared_ptr<const model::Graph> m_float, m_quant;
    std::shared_ptr<const data::SampleSet> m_set;
    QString m_modeName;
    QStringList m_classNames;
    Outcome m_last;
    int m_generation = 0;
    QTabWidget* m_sources = nullptr;
    QListView* m_samples = nullptr;
    widgets::SampleListModel* m_sampleModel = nullptr;
    widgets::DrawCanvas* m_canvas = nullptr;
    QLabel* m_preview = nullptr;
    QLabel* m_verdict = nullptr;
    widgets::OutputBars* m_outputs = nullptr;
    widgets::ValueBars* m_layerBars = nullptr;
};

} // namespace ql::app
