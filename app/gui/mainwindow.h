// SPDX-License-Identifier: MIT
// The main window: opens a model (File > Open, drag and drop, command line) off the GUI thread and
// shows its layers, the mode panel (a dock) and the selected layer's weights; analysis runs in the background
// and comes back as immutable snapshots.
#pragma once

#include "model/graph.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace ql::widgets {
class ErrorChart;
class LayerTableModel;
class WeightView;
} // namespace ql::widgets

namespace ql::app {

class ModePanel;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Starts loading `path` in the background; modelLoaded or loadFailed follows.
    void openFile(const QString& path);
    // The Fashion-MNIST CNN trained by QuantLens itself, compiled into the application.
    static QString demoModelPath();
    QString currentFile() const { return m_currentFile; }
    widgets::LayerTableModel* layerModel() const { return m_layers; }
    ModePanel* modePanel() const { return m_modePanel; }
    widgets::WeightView* weightView() const { return m_weightView; }
    widgets::ErrorChart* errorChart() const { return m_errorChart; }
    // Selects the layer-table row of operator `op` (as a click would); false when there is none.
    bool selectOperator(int op);

signals:
    void modelLoaded(const QString& path);
    void loadFailed(const QString& path, const QString& message);
    // The weight analysis for the current mode is in the table and the views.
    void analysisFinished();

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void showOpenDialog();
    void applyModel(const QString& path, std::shared_ptr<const model::Graph> graph);
    void updateTitle();
    void runAnalysis();
    void showSelectedLayer();

    widgets::LayerTableModel* m_layers = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_statusMode = nullptr;
    ModePanel* m_modePanel = nullptr;
    widgets::WeightView* m_weightView = nullptr;
    widgets::ErrorChart* m_errorChart = nullptr;
    QTabWidget* m_views = nullptr;
    std::shared_ptr<const model::Graph> m_floatGraph; // the graph analysed (a quantized file dequantized)
    QString m_currentFile;
    int m_loadGeneration = 0;
    int m_analysisGeneration = 0;
};

} // namespace ql::app
