// SPDX-License-Identifier: MIT
// The window as its users found it (the GUI review): views that kept another model's or mode's results,
// failures that were not reported, charts that misled, shortcuts and dialogs that did not work. Each test
// reproduces one finding on real models and data and checks what the user now sees.
#include "common/model_facts.h"
#include "common/window_wait.h"
#include "compare/comparemodel.h"
#include "data/npy.h"
#include "errors/errorchart.h"
#include "errors/operatorbars.h"
#include "gui/comparetab.h"
#include "gui/mainwindow.h"
#include "gui/messagearea.h"
#include "gui/modepanel.h"
#include "gui/sidebyside.h"
#include "gui/suggestdialog.h"
#include "layers/layertablemodel.h"
#include "model/reader.h"
#include "sidebyside/sampleviews.h"

#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QWheelEvent>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QStandardItemModel>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

using namespace ql;
using test::openAndWait;

namespace {

// The chart widget (a QCustomPlot) inside one of our chart views.
QWidget* plotOf(QWidget* chart)
{
    for (auto* w : chart->findChildren<QWidget*>())
        if (QLatin1String(w->metaObject()->className()) == QLatin1String("QCustomPlot"))
            return w;
    return nullptr;
}

} // namespace

class MainWindowFeedbackTest : public QObject {
    Q_OBJECT

private slots:
    // Settings the tests write (columns shown, the mode panel) go to a test folder, not the user's.
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void sideBySideNeverShowsAnotherModelsOrModesResult()
    {
        app::MainWindow w;
        QSignalSpy ran(w.sideBySide(), &app::SideBySideView::ran);
        QVERIFY(openAndWait(w, app::MainWindow::demoModelPath()));
        QVERIFY(ran.count() > 0 || ran.wait(30000)); // the first sample runs by itself
        QVERIFY2(w.sideBySide()->last().error.isEmpty(), qPrintable(w.sideBySide()->last().error));
        const QStringList demoLayers = w.sideBySide()->last().layers;
        QVERIFY(!demoLayers.isEmpty());

        // Another mode: the same sample runs again in it, without a click.
        w.modePanel()->setMode(QStringLiteral("float16"));
        QTRY_VERIFY_WITH_TIMEOUT(w.sideBySide()->verdictText().contains(QStringLiteral("float16")) &&
                !w.sideBySide()->verdictText().contains(QStringLiteral("Updating")),
            30000);
        w.modePanel()->setMode(QStringLiteral("teaching"));
        w.modePanel()->setBits(2);
        const QString twoBit = w.modePanel()->describe();
        QTRY_VERIFY_WITH_TIMEOUT(w.sideBySide()->verdictText().contains(twoBit) &&
                !w.sideBySide()->verdictText().contains(QStringLiteral("Updating")),
            30000);
        QVERIFY(!w.sideBySide()->verdictText().contains(QStringLiteral("float16")));

        // Another model: nothing of the demo stays (its data does not fit resnet8: the view says so).
        QVERIFY(openAndWait(w, QString::fromStdString(test::modelPath("resnet8_cifar10_int8.tflite"))));
        QTRY_VERIFY_WITH_TIMEOUT(w.sideBySide()->last().layers != demoLayers, 30000);
        QVERIFY(!w.sideBySide()->verdictText().contains(QStringLiteral("Ankle boot")));
        QVERIFY(!w.sideBySide()->verdictText().contains(QStringLiteral("T-shirt")));
        for (const QString& l : w.sideBySide()->last().layers)
            QVERIFY2(!demoLayers.contains(l) || l.startsWith(QLatin1String("0 ")), qPrintable(l));
    }

    void compareClearsForANewModelAndMarksOldResultsOutOfDate()
    {
        app::MainWindow w;
        QVERIFY(openAndWait(w, app::MainWindow::demoModelPath()));
        QSignalSpy finished(&w, &app::MainWindow::evaluationFinished);
        w.evaluateAllModes();
        QVERIFY(finished.wait(120000));
        QVERIFY(finished.front().at(0).toBool());
        QVERIFY(w.compareModel()->rowCount() >= 5);
        QVERIFY(w.compareTab()->outOfDateText().isEmpty());
        // The mode shown does not change what every mode measures; the calibration does.
        w.modePanel()->setMode(QStringLiteral("float16"));
        QVERIFY(w.compareTab()->outOfDateText().isEmpty());
        w.modePanel()->setMode(QStringLiteral("int8"));
        w.modePanel()->setCalibration(QStringLiteral("percentile:99.99"), 100);
        QVERIFY2(w.compareTab()->outOfDateText().contains(QStringLiteral("options")),
            qPrintable(w.compareTab()->outOfDateText()));
        QVERIFY(w.compareModel()->rowCount() >= 5); // the old rows stay, marked
        // Layers kept in float change the rows too.
        finished.clear();
        w.evaluateAllModes();
        QVERIFY(finished.wait(120000));
        QVERIFY(w.compareTab()->outOfDateText().isEmpty());
        w.setKeepFloat(1, true);
        QVERIFY(w.compareTab()->outOfDateText().contains(QStringLiteral("float")));

        // Another model: no row and no message of the previous one.
        QSignalSpy loaded(&w, &app::MainWindow::modelLoaded);
        w.openFile(QString::fromStdString(test::modelPath("resnet8_cifar10_int8.tflite")));
        QVERIFY(loaded.wait(20000));
        QCOMPARE(w.compareModel()->rowCount(), 0);
        QVERIFY(w.compareTab()->progressText().isEmpty());
        QVERIFY(w.compareTab()->outOfDateText().isEmpty());
    }

    void aTeachingSchemeIsOneMoreRowInCompare()
    {
        // A teacher shows 4-bit weights beside the TFLite modes: Compare gains the row the CLI's eval calls w4.
        app::MainWindow w;
        QVERIFY(openAndWait(w, app::MainWindow::demoModelPath()));
        w.modePanel()->setMode(QStringLiteral("teaching"));
        w.modePanel()->setBits(4);
        QSignalSpy finished(&w, &app::MainWindow::evaluationFinished);
        w.evaluateAllModes();
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.front().at(0).toBool(), qPrintable(finished.front().at(1).toString()));
        const auto& rows = *w.compareModel()->results();
        const auto w4 = std::find_if(rows.begin(), rows.end(), [](const eval::ModeEvaluation& e) { return e.mode == "w4"; });
        QVERIFY(w4 != rows.end());
        QVERIFY(w4->result.accuracy > 0.5); // 4-bit per-channel weights keep the demo CNN useful
        QVERIFY(w4->agreement > 0.5 && w4->agreement <= 1.0);
        // 2 bits is another row: the rows shown are out of date.
        w.modePanel()->setBits(2);
        QVERIFY(!w.compareTab()->outOfDateText().isEmpty());
    }

    void aModelThatCannotRunSaysWhyInEveryViewThatRunsIt()
    {
        // The ID-card detector holds TensorFlow (Flex) operators: every view that runs the model names the
        // blocking operator in the same sentence instead of asking for a data set.
        app::MainWindow w;
        QVERIFY(openAndWait(w, QString::fromStdString(test::modelPath("wild/id_card_detector_224_float32.tflite"))));
        const QString why = w.document()->cannotRun();
        QVERIFY2(why.contains(QStringLiteral("143 (FlexEqual)")), qPrintable(why));
        QVERIFY(w.messageArea()->isVisibleTo(&w));
        QVERIFY(w.messageArea()->messages().contains(why));
        QCOMPARE(w.sideBySide()->verdictText(), why);
        QCOMPARE(w.activationCaption(), why);
        QCOMPARE(w.compareTab()->stateText(), why);
        QVERIFY(!w.compareTab()->canEvaluate());
        // The operator is marked in the layer table, with the reason.
        bool marked = false;
        for (int r = 0; r < w.layerModel()->rowCount(); ++r)
            if (w.layerModel()->layer(r)->index == 143) {
                const QModelIndex cell = w.layerModel()->index(r, widgets::LayerTableModel::Op);
                marked = cell.data(Qt::BackgroundRole).isValid() &&
                    cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("TensorFlow"));
            }
        QVERIFY(marked);
        // int8 would calibrate by running it: the export says why up front.
        QVERIFY(w.exportSummary().contains(QStringLiteral("143 (FlexEqual)")));
        // A model that runs clears the message.
        QVERIFY(openAndWait(w, app::MainWindow::demoModelPath()));
        QVERIFY(w.messageArea()->messages().isEmpty());
        QVERIFY(!w.messageArea()->isVisibleTo(&w));
    }

    void clickingAnyBarSelectsItsLayer()
    {
        app::MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(openAndWait(w, app::MainWindow::demoModelPath()));
        QSignalSpy analysed(&w, &app::MainWindow::analysisFinished);
        QTRY_VERIFY_WITH_TIMEOUT(w.errorChart()->barCount() == 2, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!w.activationOperators().empty(), 30000);
        w.showView(QStringLiteral("errors"));
        QTest::qWait(100); // laid out and drawn
        // Weight chart: every bar, twice (the second click lands on the selection's outline).
        auto* chart = w.errorChart();
        QWidget* plot = plotOf(chart);
        QVERIFY(plot);
        QCOMPARE(chart->worstOperators().size(), std::size_t{1});
        for (int round = 0; round < 2; ++round)
            for (int bar = chart->barCount() - 1; bar >= 0; --bar) {
                QTest::mouseClick(plot, Qt::LeftButton, {}, chart->bars()->barCentre(bar));
                QTRY_COMPARE_WITH_TIMEOUT(w.selectedOperator(), chart->operatorAtBar(bar), 2000);
                QTest::qWait(20);
            }
        // Activation chart: the outlined lowest bar selects its operator too.
        auto* bars = w.activationChart();
        QWidget* activationPlot = plotOf(bars);
        QVERIFY(activationPlot);
        const int lowest = bars->lowestBar();
        QVERIFY(lowest >= 0);
        const int target = w.activationOperators()[static_cast<std::size_t>(lowest)];
        const int other = target == 0 ? 1 : 0;
        QVERIFY(w.selectOperator(other));
        QTest::qWait(20);
        QTest::mouseClick(activationPlot, Qt::LeftButton, {}, bars->bars()->barCentre(lowest));
        QTRY_COMPARE_WITH_TIMEOUT(w.selectedOperator(), target, 2000);
    }

    void ctrlEEvaluatesEvenFromTheLayerFilter()
    {
        app::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(openAndWait(w, app::MainWindow::demoModelPath()));
        auto* filter = w.findChild<QLineEdit*>(QStringLiteral("layerFilter"));
        QVERIFY(filter);
        filter->setFocus();
        QTRY_VERIFY(filter->hasFocus());
        QSignalSpy finished(&w, &app::MainWindow::evaluationFinished);
        QTest::keyClick(filter, Qt::Key_E, Qt::ControlModifier);
        QVERIFY(finished.wait(120000));
        QVERIFY(finished.front().at(0).toBool());
        QVERIFY(w.compareModel()->rowCount() >= 5);
    }

    void sqnrChartsDrawNegativeAndExactValuesAsWhatTheyAre()
    {
        // A run that loses more than it keeps (SQNR below 0 dB, as teaching 2-bit activations can) hangs below
        // the axis instead of vanishing; an exact one is labelled, not drawn as the best finite value.
        widgets::ValueBars chart(QStringLiteral("SQNR (dB)"));
        chart.setValues({QStringLiteral("0 CONV_2D"), QStringLiteral("1 RELU"), QStringLiteral("2 RESHAPE")},
            {-3.5, 12.0, std::numeric_limits<double>::infinity()});
        const auto* bars = chart.bars();
        QCOMPARE(bars->drawnHeight(0), -3.5);
        QVERIFY(bars->valueRange().first < -3.5);
        QCOMPARE(bars->drawnHeight(1), 12.0);
        QVERIFY(bars->valueLabel(1).isEmpty());
        QCOMPARE(bars->valueLabel(2), QStringLiteral("exact"));
        QVERIFY(bars->drawnHeight(2) > 12.0);
        QVERIFY(bars->valueRange().second > bars->drawnHeight(2)); // room for the word
        QCOMPARE(chart.lowestBar(), 0); // the negative one is the lowest, outlined

        app::MainWindow w;
        // An int8 file analysed as int8: its weights are exact; they say so and stand above the scale.
        QVERIFY(openAndWait(w, QString::fromStdString(test::modelPath("vww_mobilenet_v1_025_96_int8.tflite"))));
        w.modePanel()->setMode(QStringLiteral("int8"));
        w.modePanel()->setPerChannel(true);
        QTRY_VERIFY_WITH_TIMEOUT(w.errorChart()->barCount() > 20, 30000); // its convolutions
        const auto* vww = w.errorChart()->bars();
        int exact = 0;
        double finiteTop = 0;
        for (int b = 0; b < vww->count(); ++b)
            if (vww->valueLabel(b) == QStringLiteral("exact"))
                ++exact;
            else if (std::isfinite(vww->drawnHeight(b)))
                finiteTop = std::max(finiteTop, vww->drawnHeight(b));
        QVERIFY2(exact > 0, "an int8 file's int8 weights re-quantize exactly");
        for (int b = 0; b < vww->count(); ++b)
            if (vww->valueLabel(b) == QStringLiteral("exact"))
                QVERIFY(vww->drawnHeight(b) > finiteTop);
    }

    void manyOperatorsKeepReadableLabelsAndZoomIn()
    {
        // MobileNet v2's 65 operators by name: the labels shown fit the axis (every k-th), and zooming in on
        // the first ten shows each of them.
        auto g = model::readTflite(test::modelPath("mobilenet_v2_100_224_int8_uint8io.tflite"));
        QVERIFY(g);
        QStringList labels;
        std::vector<double> values;
        for (std::size_t i = 0; i < g->main().operators.size(); ++i) {
            labels << QStringLiteral("%1 %2").arg(i).arg(QString::fromStdString(g->opName(g->main().operators[i])));
            values.push_back(20.0 + static_cast<double>(i % 7));
        }
        QVERIFY(labels.size() > 60);
        widgets::ValueBars chart(QStringLiteral("SQNR (dB)"));
        chart.resize(640, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        chart.setValues(labels, values);
        QTest::qWait(50);
        QWidget* plot = plotOf(&chart);
        QVERIFY(plot);
        const QStringList shown = chart.bars()->visibleTicks();
        QVERIFY2(shown.size() < labels.size() && shown.size() >= 5, qPrintable(QString::number(shown.size())));
        // Turned labels one line high each: no more than the axis has room for.
        const int lineHeight = QFontMetrics(plot->font()).height();
        QVERIFY(shown.size() * lineHeight <= plot->width());
        // The wheel zooms along the operators, around the pointer: near the start every label shows.
        for (int k = 0; k < 8; ++k) {
            const QPoint at(chart.bars()->barCentre(2).x(), plot->height() / 2);
            QWheelEvent wheel(at, plot->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                Qt::NoScrollPhase, false);
            QApplication::sendEvent(plot, &wheel);
        }
        QTest::qWait(50);
        const QStringList zoomed = chart.bars()->visibleTicks();
        // Thinned, no two neighbours are labelled; zoomed in, neighbours are.
        const auto neighbours = [&](const QStringList& ticks) {
            for (int i = 0; i + 1 < labels.size(); ++i)
                if (ticks.contains(labels[i]) && ticks.contains(labels[i + 1]))
                    return true;
            return false;
        };
        QVERIFY(!neighbours(shown));
        QVERIFY2(neighbours(zoomed), qPrintable(zoomed.join(QLatin1Char('|'))));
    }

    void compareChartLabelsStayInsideAndApart()
    {
        app::MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(openAndWait(w, app::MainWindow::demoModelPath()));
        w.showView(QStringLiteral("compare"));
        QSignalSpy finished(&w, &app::MainWindow::evaluationFinished);
        w.evaluateAllModes();
        QVERIFY(finished.wait(120000));
        QTest::qWait(150); // laid out and drawn
        const auto rects = w.tradeoffChart()->labelRects();
        const QRectF area = w.tradeoffChart()->dataArea();
        QVERIFY(rects.size() >= 5);
        for (std::size_t i = 0; i < rects.size(); ++i) {
            QVERIFY2(area.contains(rects[i]), qPrintable(QStringLiteral("label %1 leaves the chart").arg(i)));
            for (std::size_t j = i + 1; j < rects.size(); ++j)
                QVERIFY2(!rects[i].intersects(rects[j]), qPrintable(QStringLiteral("labels %1 and %2 overlap").arg(i).arg(j)));
        }
    }

    void aDataSetThatDoesNotFitIsRefusedWhenOpened()
    {
        app::MainWindow w;
        QVERIFY(openAndWait(w, app::MainWindow::demoModelPath()));
        const auto before = w.dataSet();
        QVERIFY(before);
        QTemporaryDir dir;
        data::NpyArray npy; // 96x96 RGB images for a 28x28 grey model
        npy.dtype = model::DType::Float32;
        npy.shape = {2, 96, 96, 3};
        npy.data.assign(static_cast<std::size_t>(npy.elementCount()) * 4, 0);
        const QString path = dir.filePath(QStringLiteral("rgb.npy"));
        QVERIFY(data::writeNpy(path.toStdString(), npy));
        QSignalSpy opened(&w, &app::MainWindow::dataSetOpened);
        w.openDataSet(path, QString());
        QVERIFY(opened.wait(20000));
        QVERIFY(!opened.front().at(0).toBool());
        QVERIFY2(opened.front().at(1).toString().contains(QStringLiteral("does not fit")),
            qPrintable(opened.front().at(1).toString()));
        QCOMPARE(w.dataSet(), before); // the data set in use stays
    }

    void suggestionShowsProgressItsTableAndCanBeCancelled()
    {
        app::MainWindow w;
        QVERIFY(openAndWait(w, app::MainWindow::demoModelPath()));
        QSignalSpy progress(w.document(), &app::Document::suggestionProgress);
        QSignalSpy finished(&w, &app::MainWindow::suggestionFinished);
        // Cancelled at once: nothing is kept, the dialog says it stopped.
        w.suggestKeepFloat();
        QVERIFY(w.suggestDialog()->isVisible());
        w.cancelSuggestion();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.back().at(0).toBool(), false);
        QVERIFY(finished.back().at(1).toString().contains(QStringLiteral("cancelled")));
        QVERIFY(w.keptFloat().empty());
        QCOMPARE(w.undoStack()->count(), 0);
        // With a budget of a quarter point: progress, then every weighted layer in the table.
        w.suggestDialog()->setBudget(0.0025);
        w.suggestKeepFloat();
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.back().at(0).toBool(), qPrintable(finished.back().at(1).toString()));
        QVERIFY(progress.count() > 0);
        const auto* table = w.suggestDialog()->table();
        QCOMPARE(table->rowCount(), 2); // the demo's CONV_2D and FULLY_CONNECTED
        QStringList ops;
        int kept = 0;
        for (int r = 0; r < table->rowCount(); ++r) {
            ops << table->item(r, 1)->text();
            kept += table->item(r, 6)->text().isEmpty() ? 0 : 1;
        }
        QVERIFY(ops.contains(QStringLiteral("CONV_2D")) && ops.contains(QStringLiteral("FULLY_CONNECTED")));
        QCOMPARE(static_cast<std::size_t>(kept), w.keptFloat().size());
        QVERIFY(w.suggestDialog()->summary().contains(QStringLiteral("0.25")) || kept > 0);
    }

    void aFastStrokeDrawsALine()
    {
        widgets::DrawCanvas canvas;
        canvas.resize(280, 280); // 10 pixels a cell
        canvas.show();
        QVERIFY(QTest::qWaitForWindowExposed(&canvas));
        auto send = [&](QEvent::Type type, QPointF at, Qt::MouseButtons buttons) {
            QMouseEvent e(type, at, canvas.mapToGlobal(at), Qt::LeftButton, buttons, Qt::NoModifier);
            QApplication::sendEvent(&canvas, &e);
        };
        // One move event from cell 3 to cell 24 of row 14, as a quick stroke gives.
        send(QEvent::MouseButtonPress, QPointF(35, 145), Qt::LeftButton);
        send(QEvent::MouseMove, QPointF(245, 145), Qt::LeftButton);
        send(QEvent::MouseButtonRelease, QPointF(245, 145), Qt::NoButton);
        for (int x = 3; x <= 24; ++x)
            QVERIFY2(canvas.values()[static_cast<std::size_t>(14 * 28 + x)] > 0.5f, qPrintable(QString::number(x)));
        // A new stroke does not join the last one.
        send(QEvent::MouseButtonPress, QPointF(35, 245), Qt::LeftButton);
        send(QEvent::MouseButtonRelease, QPointF(35, 245), Qt::NoButton);
        QCOMPARE(canvas.values()[static_cast<std::size_t>(19 * 28 + 14)], 0.0f);
    }

    void exportDialogShowsTheWholeSummaryAndCountsOnlyTheSamplesThereAre()
    {
        app::MainWindow w;
        w.show();
        QVERIFY(openAndWait(w, app::MainWindow::demoModelPath()));
        w.modePanel()->setCalibration(QStringLiteral("minmax"), 1000); // more than the 300 bundled samples
        QVERIFY2(w.compareTab()->stateText().contains(QStringLiteral("all 300 sample")),
            qPrintable(w.compareTab()->stateText()));
        auto* action = w.findChild<QAction*>(QStringLiteral("exportModelAction"));
        QVERIFY(action);
        action->trigger();
        QFileDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = w.findChild<QFileDialog*>(QStringLiteral("exportDialog"))) != nullptr);
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Export model"));
        auto* summary = dialog->findChild<QLabel*>(QStringLiteral("exportSummary"));
        QVERIFY(summary);
        QCOMPARE(summary->text(), w.exportSummary());
        QVERIFY(summary->text().contains(QStringLiteral("first 300 samples")) ||
            summary->text().contains(QStringLiteral("300")));
        dialog->reject();
        // Teaching schemes: the refusal does not claim TFLite cannot store its own int8 scheme.
        w.modePanel()->setMode(QStringLiteral("teaching"));
        w.modePanel()->setBits(8);
        QVERIFY(!w.exportSummary().contains(QStringLiteral("cannot store")));
        QVERIFY(w.exportSummary().contains(QStringLiteral("int8")));
    }

};

QTEST_MAIN(MainWindowFeedbackTest)
#include "mainwindow_feedback_test.moc"
