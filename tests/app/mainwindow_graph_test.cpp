// SPDX-License-Identifier: MIT
// The graph view inside the main window: it shows the opened model, its selection follows the layer table and
// leads it (a click on a box, a double-click opens the weights), its overlays get the window's numbers, and
// keeping an operator in float from its context menu is one undo step that reaches the exported file.
#include "graph/graphview.h"
#include "gui/mainwindow.h"
#include "layers/layertablemodel.h"
#include "model/reader.h"
#include "weights/weightview.h"

#include <QAction>
#include <QGraphicsView>
#include <QMenu>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace ql;

namespace {

// Opens the bundled demo and waits for its weight analysis and its graph layout.
bool openDemo(app::MainWindow& w)
{
    QSignalSpy analysed(&w, &app::MainWindow::analysisFinished);
    QSignalSpy laidOut(w.graphView(), &widgets::GraphView::laidOut);
    w.openFile(app::MainWindow::demoModelPath());
    return analysed.wait(20000) && (w.graphView()->isLaidOut() || laidOut.wait(20000));
}

QTabWidget* viewTabs(app::MainWindow& w)
{
    return w.findChild<QTabWidget*>();
}

} // namespace

class MainWindowGraphTest : public QObject {
    Q_OBJECT

private slots:
    void selectionRoundTripsBetweenGraphTableAndWeights()
    {
        app::MainWindow w;
        w.show();
        QVERIFY(openDemo(w));
        QVERIFY(w.showView(QStringLiteral("graph")));
        QCOMPARE(viewTabs(w)->currentWidget(), w.graphView());
        // RESHAPE, CONV_2D, MAX_POOL_2D, RESHAPE, FULLY_CONNECTED, SOFTMAX: one box each, plus input and output.
        QCOMPARE(w.graphView()->modelGraph().nodes.size(), std::size_t{6 + 2});
        w.graphView()->expandAll(); // whatever name scopes the demo has, every box shows
        QSignalSpy relaid(w.graphView(), &widgets::GraphView::laidOut);
        QVERIFY(w.graphView()->isLaidOut() || relaid.wait(20000));
        QCOMPARE(w.graphView()->boxCount(), 6 + 2);

        // Table to graph.
        QVERIFY(w.selectOperator(4));
        QCOMPARE(w.graphView()->selectedOperator(), 4);
        // Graph to table: a click on the CONV_2D box selects its row, and its weights show.
        QTest::qWait(50);
        QTest::mouseClick(w.graphView()->canvas()->viewport(), Qt::LeftButton, {}, w.graphView()->operatorViewportPosition(1));
        QCOMPARE(w.graphView()->selectedOperator(), 1);
        QCOMPARE(w.selectedOperator(), 1);
        // A double-click on the FULLY_CONNECTED box opens its weights.
        QTest::mouseDClick(w.graphView()->canvas()->viewport(), Qt::LeftButton, {}, w.graphView()->operatorViewportPosition(4));
        QCOMPARE(w.selectedOperator(), 4);
        QCOMPARE(viewTabs(w)->currentWidget(), static_cast<QWidget*>(w.weightView()));
        QCOMPARE(w.graphView()->selectedOperator(), 4);

        // The overlay has the window's weight analysis: the weighted operators carry their SQNR.
        w.graphView()->setOverlay(widgets::OverlayKind::WeightSqnr);
        QVERIFY(w.graphView()->operatorValue(1).contains(QStringLiteral("dB")));
        QVERIFY(w.graphView()->operatorValue(4).contains(QStringLiteral("dB")));
        QVERIFY(w.graphView()->operatorValue(0).isEmpty()); // RESHAPE has no weights
    }

    void keepFloatFromTheGraphIsUndoableAndReachesTheExport()
    {
        app::MainWindow w;
        QVERIFY(openDemo(w));
        auto* graph = w.graphView();
        graph->setOverlay(widgets::OverlayKind::KeptFloat);
        const QColor quantized = graph->operatorColour(4);

        // RESHAPE has nothing to keep: its menu says so by a disabled entry.
        std::unique_ptr<QMenu> reshapeMenu(graph->contextMenuFor(0, &w));
        QVERIFY(!reshapeMenu->findChild<QAction*>(QStringLiteral("keepFloat"))->isEnabled());

        QSignalSpy analysed(&w, &app::MainWindow::analysisFinished);
        std::unique_ptr<QMenu> menu(graph->contextMenuFor(4, &w));
        QAction* keep = menu->findChild<QAction*>(QStringLiteral("keepFloat"));
        QVERIFY(keep && keep->isEnabled() && !keep->isChecked());
        keep->trigger();
        QCOMPARE(w.keptFloat(), std::vector<int>{4});
        QVERIFY(graph->operatorColour(4) != quantized);
        QCOMPARE(graph->operatorColour(1), quantized);
        QVERIFY(analysed.wait(20000));
        // The table shows the same, and the menu now offers to quantize it again.
        auto* m = w.layerModel();
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->layer(r)->index == 4)
                QCOMPARE(m->index(r, widgets::LayerTableModel::KeepFloat).data(Qt::CheckStateRole).value<Qt::CheckState>(),
                    Qt::Checked);
        std::unique_ptr<QMenu> again(graph->contextMenuFor(4, &w));
        QVERIFY(again->findChild<QAction*>(QStringLiteral("keepFloat"))->isChecked());

        w.undoStack()->undo();
        QVERIFY(w.keptFloat().empty());
        QCOMPARE(graph->operatorColour(4), quantized);
        w.undoStack()->redo();
        QCOMPARE(w.keptFloat(), std::vector<int>{4});

        // The export keeps that FULLY_CONNECTED float and quantizes the CONV_2D.
        QSignalSpy exported(&w, &app::MainWindow::exportFinished);
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("kept.tflite"));
        w.exportModel(out);
        QVERIFY(exported.wait(60000));
        QVERIFY2(exported.back().at(0).toBool(), qPrintable(exported.back().at(1).toString()));
        auto file = model::readTflite(out.toStdString());
        QVERIFY(file.ok());
        int floatFc = 0, intConv = 0;
        for (const auto& op : file->main().operators) {
            const auto weights = op.inputs.size() > 1 ? file->main().tensors[static_cast<std::size_t>(op.inputs[1])].dtype
                                                      : model::DType::Float32;
            floatFc += file->opcodeOf(op) == tflite::BuiltinOperator::FULLY_CONNECTED && weights == model::DType::Float32;
            intConv += file->opcodeOf(op) == tflite::BuiltinOperator::CONV_2D && weights == model::DType::Int8;
        }
        QCOMPARE(floatFc, 1);
        QCOMPARE(intConv, 1);
    }
};

QTEST_MAIN(MainWindowGraphTest)
#include "mainwindow_graph_test.moc"
