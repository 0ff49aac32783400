// SPDX-License-Identifier: MIT
// The main window: opens a model (File > Open, drag and drop, command line) off the GUI thread and
// shows its layers.
#pragma once

#include "model/graph.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace ql::widgets {
class LayerTableModel;
}

namespace ql::app {

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

signals:
    void modelLoaded(const QString& path);
    void loadFailed(const QString& path, const QString& message);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void showOpenDialog();
    void applyModel(const QString& path, std::shared_ptr<const model::Graph> graph);
    void updateTitle();

    widgets::LayerTableModel* m_layers = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_table = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_summary = nullptr;
    QString m_currentFile;
    int m_loadGeneration = 0;
};

} // namespace ql::app
