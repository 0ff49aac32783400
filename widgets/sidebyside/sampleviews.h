// SPDX-License-Identifier: MIT
// Views for the side-by-side run: the data-set sample browser (thumbnails), a canvas to draw a 28x28
// input on, the top-k output bars of two models, and a bar chart of one value per layer.
#pragma once

#include "data/samples.h"

#include <QAbstractListModel>
#include <QImage>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QCustomPlot;
class QLabel;

namespace ql::widgets {

class OperatorBars;

// A sample as an image (grey for HxW or HxWx1, RGB for HxWx3), its values stretched from their range.
QImage sampleImage(const data::SampleSet& set, std::int64_t index);

class SampleListModel : public QAbstractListModel {
    Q_OBJECT

public:
    explicit SampleListModel(QObject* parent = nullptr);
    void setSamples(std::shared_ptr<const data::SampleSet> set, QStringList classNames = {});
    const std::shared_ptr<const data::SampleSet>& samples() const { return m_set; }
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const data::SampleSet> m_set;
    QStringList m_classes;
    mutable std::vector<QImage> m_thumbs;
};

// 28 x 28 cells to draw on with the mouse (left button draws, right erases); values in [0, 1].
class DrawCanvas : public QWidget {
    Q_OBJECT

public:
    explicit DrawCanvas(QWidget* parent = nullptr);
    const std::vector<float>& values() const { return m_values; }
    void clear();
    // Draws a soft dot at cell coordinates (x, y): what a mouse stroke does, for tests and scripts.
    void paintAt(double x, double y, bool erase = false);
    QSize sizeHint() const override { return {280, 280}; }

signals:
    void changed();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    void ink(double x, double y, bool erase);
    // To a point of the widget; `continues` joins it to the stroke's previous point.
    void strokeTo(const QPointF& widgetPos, bool erase, bool continues);
    std::vector<float> m_values;
    std::optional<QPointF> m_last; // the stroke's last point, in cells
};

// Horizontal bars: the top-k classes of the first model with both models' scores side by side.
class OutputBars : public QWidget {
    Q_OBJECT

public:
    explicit OutputBars(QWidget* parent = nullptr);
    ~OutputBars() override;
    void setOutputs(const std::vector<float>& a, const std::vector<float>& b, const QStringList& classNames,
        const QString& nameA, const QString& nameB, int k = 5);
    std::vector<int> shownClasses() const { return m_shown; }

private:
    QCustomPlot* m_plot = nullptr;
    std::vector<int> m_shown;
};

// One bar per label with its value (e.g. the SQNR of every layer between two runs); the lowest outlined.
class ValueBars : public QWidget {
    Q_OBJECT

public:
    ValueBars(const QString& yLabel, QWidget* parent = nullptr);
    ~ValueBars() override;
    void setValues(const QStringList& labels, const std::vector<double>& values);
    int lowestBar() const { return m_lowest; }
    int barCount() const { return m_count; }
    // The bars as drawn (heights, the word over exact ones, where to click).
    const OperatorBars* bars() const { return m_bars; }

signals:
    void barClicked(int index); // the index into the values given to setValues

private:
    QCustomPlot* m_plot = nullptr;
    OperatorBars* m_bars = nullptr;
    int m_lowest = -1;
    int m_count = 0;
};

} // namespace ql::widgets
