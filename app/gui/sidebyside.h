// SPDX-License-Identifier: MIT
// Side by side: pick an input — a data-set sample (thumbnails), an image file (scaled to the model's input,
// with a choice of value range), or a drawing on a 28x28 canvas for 28x28 models — and run the float model and the
// model in the chosen mode on it: input preview, top-k output bars with class names, and the per-layer SQNR between the
// two runs, which shows where they part ways. Runs happen off the GUI thread; results come back as snapshots.
#pragma once

#include "gui/job.h"

#include "data/samples.h"
#include "model/graph.h"

#include <QWidget>

#include <QImage>

#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
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

    // `quantized` is the model in the chosen mode with float I/O (or a teaching simulation); null with
    // `unavailable` saying why. A new float model clears what was shown (the first sample runs when there is a
    // data set); a new mode runs the input on screen again, so no result of another model or mode stays.
    void setModels(std::shared_ptr<const model::Graph> floatGraph, std::shared_ptr<const model::Graph> quantized,
        const QString& modeName, const QString& unavailable = {});
    // The mode, options or data changed: what is shown is from before, until setModels brings the new model.
    void markPending(const QString& modeName);
    void setDataSet(std::shared_ptr<const data::SampleSet> set);
    void setClassNames(const QStringList& names);
    QStringList classNames() const { return m_classNames; }

    // Class names from a text file, one per line (ImageNet's labels file); an error names both counts when the
    // file does not have one name per model output.
    bool loadClassNames(const QString& path, QString* error = nullptr);
    // The number of classes the model outputs (0 without a model).
    int outputCount() const;

    void runSample(int index);
    // Runs both models on an image file with the value range chosen in the Image tab; false (with the reason in
    // last().error) when it cannot be read or the model does not take images.
    bool runImageFile(const QString& path);
    enum class ImageRange { Unit, Symmetric, Bytes }; // [0, 1], [-1, 1], [0, 255]
    void setImageRange(ImageRange range);
    void setInvertImage(bool invert);
    void runDrawing();
    widgets::DrawCanvas* canvas() const { return m_canvas; }

    struct Outcome {
        QString error;
        std::vector<float> floatOut, quantOut; // as probabilities
        QStringList layers;
        std::vector<double> sqnr; // per layer, propagated, dB
    };
    const Outcome& last() const { return m_last; }
    QString verdictText() const; // the line over the outputs

signals:
    void ran(); // a comparison landed (or failed: last().error)

private:
    // `shape`: the sample's shape when it comes from a data set (a model with open dimensions is resized to it).
    void run(std::vector<float> input, const QImage& preview, std::vector<std::int64_t> shape = {},
        bool fromDataSet = false);
    void clearOutcome(const QString& text);
    void fail(const QString& message);
    void refreshClassNames();
    void showOpenImageDialog();
    void showClassNamesDialog();
    void showOutcome(const Outcome& o);

    std::shared_ptr<const model::Graph> m_float, m_quant;
    std::shared_ptr<const data::SampleSet> m_set;
    QString m_modeName;
    QStringList m_classNames;
    QStringList m_userClassNames; // loaded with "Class names…" for the current model
    QStringList m_windowClassNames; // from the model's label file or the data set
    Outcome m_last;
    // The input on screen, run again when the mode changes.
    struct Input {
        std::vector<float> values;
        QImage preview;
        std::vector<std::int64_t> shape;
        bool fromDataSet = false;
    };
    std::optional<Input> m_input;
    QString m_unavailable; // why there is no quantized model
    JobGeneration m_runJob;
    QTabWidget* m_sources = nullptr;
    QListView* m_samples = nullptr;
    widgets::SampleListModel* m_sampleModel = nullptr;
    widgets::DrawCanvas* m_canvas = nullptr;
    QComboBox* m_imageRange = nullptr;
    QCheckBox* m_invert = nullptr;
    QLabel* m_imageName = nullptr;
    QString m_imagePath;
    QLabel* m_preview = nullptr;
    QLabel* m_verdict = nullptr;
    widgets::OutputBars* m_outputs = nullptr;
    widgets::ValueBars* m_layerBars = nullptr;
};

} // namespace ql::app
