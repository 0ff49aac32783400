// SPDX-License-Identifier: MIT
// The graph view inside the main window: it shows the opened model, its selection follows the layer table and
// leads it (a click on a box, a double-click opens the weights), its overlays get the window's numbers, and
// keeping an operator in float from its context menu is one undo step that reaches the exported file. The
// Diff tab compares the converter's VWW int8 with QuantLens' own export: the table holds every pair with the
// engine's numbers, both graphs are coloured by what differs, and a selection lands on both sides.
#include "common/model_facts.h"
#include "common/own_export.h"
#include "diff/difftablemodel.h"
#include "data/npy.h"
#include "eval/diff.h"
#include "graph/graphview.h"
#include "gui/difftab.h"
#include "gui/mainwindow.h"
#include "layers/layertablemodel.h"
#include "model/reader.h"
#include "model/writer.h"
#include "weights/weightview.h"

#include <QAction>
#include <cstring>
#include <QFile>
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

bool settle(widgets::GraphView* g)
{
    if (g->isLaidOut())
        return true;
    QSignalSpy done(g, &widgets::GraphView::laidOut);
    return done.wait(20000);
}

// QuantLens' own int8 export of the float VWW twin (common/own_export.h), written into `dir`.
QString writeOwnExport(const QTemporaryDir& dir)
{
    auto q = test::ownVwwInt8Export();
    const QString path = dir.filePath(QStringLiteral("own_int8.tflite"));
    return q && model::writeTflite(*q, path.toStdString()).ok() ? path : QString();
}

// Four 96x96 RGB images in [0, 1) as .npy.
QString writeImages(const QTemporaryDir& dir)
{
    data::NpyArray npy;
    npy.dtype = model::DType::Float32;
    npy.shape = {4, 96, 96, 3};
    npy.data.resize(4 * 96 * 96 * 3 * 4);
    for (std::size_t i = 0; i < npy.data.size() / 4; ++i) {
        const float v = static_cast<float>((i * 104729) % 1000) / 1000.0f;
        std::memcpy(npy.data.data() + i * 4, &v, 4);
    }
    const QString path = dir.filePath(QStringLiteral("data.npy"));
    return data::writeNpy(path.toStdString(), npy).ok() ? path : QString();
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

        // The latency overlay: the window measures every operator in the interpreter when it is chosen.
        w.graphView()->setOverlay(widgets::OverlayKind::Latency);
        QTRY_VERIFY_WITH_TIMEOUT(w.graphView()->operatorValue(1).endsWith(QStringLiteral(" ms")), 20000);
        QVERIFY(w.graphView()->operatorValue(4).endsWith(QStringLiteral(" ms")));
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

    void diffOfTheConvertersInt8AgainstOwnExport()
    {
        QTemporaryDir dir;
        const QString own = writeOwnExport(dir);
        QVERIFY(!own.isEmpty());
        auto ownGraph = model::readTflite(own.toStdString());
        QVERIFY(ownGraph.ok());
        const QString converter = QString::fromStdString(test::modelPath("vww_mobilenet_v1_025_96_int8.tflite"));
        auto a = model::readTflite(converter.toStdString());
        QVERIFY(a.ok());
        const auto expected = eval::diffModels(*a, *ownGraph);

        app::MainWindow w;
        w.show();
        QSignalSpy analysed(&w, &app::MainWindow::analysisFinished);
        w.openFile(converter);
        QVERIFY(analysed.wait(20000));
        // A data set: the comparison then runs both models on it, pair by pair.
        const QString npyPath = writeImages(dir);
        QSignalSpy opened(&w, &app::MainWindow::dataSetOpened);
        w.openDataSet(npyPath, QString());
        QVERIFY(opened.wait(20000));
        QVERIFY2(opened.back().at(0).toBool(), qPrintable(opened.back().at(1).toString()));
        QSignalSpy ready(&w, &app::MainWindow::diffReady);
        w.compareWith(own);
        QVERIFY(ready.wait(20000));
        QVERIFY2(ready.back().at(0).toBool(), qPrintable(ready.back().at(1).toString()));
        auto* tab = w.diffTab();
        QCOMPARE(viewTabs(w)->currentWidget(), static_cast<QWidget*>(tab));
        auto* table = tab->table();
        QCOMPARE(table->rowCount(), static_cast<int>(expected.matches.size() + expected.onlyA.size() + expected.onlyB.size()));
        int changed = 0;
        for (int r = 0; r < table->rowCount(); ++r)
            changed += table->index(r, widgets::DiffTableModel::Status).data().toString() == QStringLiteral("changed");
        QCOMPARE(changed, expected.changed);
        QVERIFY(settle(tab->graphA()) && settle(tab->graphB()));

        // Both graphs are coloured by the difference: a changed pair amber on both sides, with its ratio.
        const auto& m = expected.matches.front();
        QVERIFY(m.changed());
        QVERIFY(tab->graphA()->operatorColour(m.a).isValid());
        QCOMPARE(tab->graphA()->operatorColour(m.a), tab->graphB()->operatorColour(m.b));
        QVERIFY(tab->graphB()->operatorValue(m.b).startsWith(QStringLiteral("×")));

        // Every pair's outputs on the data set are in the table.
        QVERIFY(table->agreement() != nullptr);
        QCOMPARE(table->agreement()->samples, std::int64_t{4});
        for (int r = 0; r < static_cast<int>(expected.matches.size()); ++r)
            QVERIFY(!table->index(r, widgets::DiffTableModel::OutputSqnr).data().toString().isEmpty());

        // A selection in A lands on its partner in B and on the table row; and the other way round.
        tab->selectInA(5);
        QVERIFY(settle(tab->graphB()));
        QCOMPARE(tab->graphB()->selectedOperator(), table->partnerInB(5));
        QCOMPARE(tab->selectedRow(), table->rowOfA(5));
        tab->selectInB(9);
        QVERIFY(settle(tab->graphA()));
        QCOMPARE(tab->graphA()->selectedOperator(), table->partnerInA(9));
        QCOMPARE(tab->selectedRow(), table->rowOfB(9));

        // A file that is not a model: a clear message, the window keeps its model.
        const QString bad = dir.filePath(QStringLiteral("bad.tflite"));
        QFile badFile(bad);
        QVERIFY(badFile.open(QIODevice::WriteOnly));
        badFile.write("not a model");
        badFile.close();
        w.compareWith(bad);
        QVERIFY(ready.wait(20000));
        QCOMPARE(ready.back().at(0).toBool(), false);
        QVERIFY(ready.back().at(1).toString().contains(QStringLiteral("bad.tflite")));
        QVERIFY(w.currentFile() == converter);
    }

    // A data set opened after the comparison: the outputs are compared then, without leaving the current tab.
    void aDataSetOpenedLaterComparesTheOutputs()
    {
        QTemporaryDir dir;
        const QString own = writeOwnExport(dir);
        QVERIFY(!own.isEmpty());
        app::MainWindow w;
        QSignalSpy analysed(&w, &app::MainWindow::analysisFinished);
        w.openFile(QString::fromStdString(test::modelPath("vww_mobilenet_v1_025_96_int8.tflite")));
        QVERIFY(analysed.wait(20000));
        QSignalSpy ready(&w, &app::MainWindow::diffReady);
        w.compareWith(own);
        QVERIFY(ready.wait(20000));
        QVERIFY(w.diffTab()->table()->agreement() == nullptr);
        QVERIFY(w.showView(QStringLiteral("weights")));
        QSignalSpy opened(&w, &app::MainWindow::dataSetOpened);
        w.openDataSet(writeImages(dir), QString());
        QVERIFY(opened.wait(20000));
        QVERIFY(ready.wait(20000));
        QVERIFY(ready.back().at(0).toBool());
        QVERIFY(w.diffTab()->table()->agreement() != nullptr);
        QCOMPARE(viewTabs(w)->currentWidget(), static_cast<QWidget*>(w.weightView()));
    }
};

QTEST_MAIN(MainWindowGraphTest)
#include "mainwindow_graph_test.moc"
