// SPDX-License-Identifier: MIT
// The window set up for the user's device, data and language (the GUI review): a deployment target the
// choices follow, a 1280 x 800 screen, image folders read in the value range the model stands for, English
// plurals and numbers in the user's language.
#include "common/model_facts.h"
#include "common/window_wait.h"
#include "compare/comparemodel.h"
#include "data/npy.h"
#include "gui/language.h"
#include "gui/layerpane.h"
#include "gui/mainwindow.h"
#include "gui/memorydialog.h"
#include "gui/messagearea.h"
#include "gui/modepanel.h"
#include "layers/layertablemodel.h"
#include "target/memorychart.h"
#include "model/reader.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cstring>

using namespace ql;
using test::openAndWait;

class MainWindowSetupTest : public QObject {
    Q_OBJECT

private slots:
    // Settings the tests write (columns shown, the mode panel) go to a test folder, not the user's.
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void theModePanelFollowsATargetAndTheTableMarksWhatWouldNotRunThere()
    {
        app::MainWindow w;
        QVERIFY(openAndWait(w, QString::fromStdString(test::modelPath("vww_mobilenet_v1_025_96_float32.tflite"))));
        // Four images to calibrate int8 on.
        QTemporaryDir dir;
        data::NpyArray npy;
        npy.dtype = model::DType::Float32;
        npy.shape = {4, 96, 96, 3};
        std::vector<float> values(static_cast<std::size_t>(npy.elementCount()));
        for (std::size_t i = 0; i < values.size(); ++i)
            values[i] = static_cast<float>((i * 2654435761u) % 1000) / 1000.0f;
        npy.data.resize(values.size() * 4);
        std::memcpy(npy.data.data(), values.data(), npy.data.size());
        QVERIFY(data::writeNpy(dir.filePath(QStringLiteral("images.npy")).toStdString(), npy));
        QSignalSpy opened(&w, &app::MainWindow::dataSetOpened);
        w.openDataSet(dir.filePath(QStringLiteral("images.npy")), QString());
        QVERIFY(opened.wait(20000));
        QVERIFY(opened.front().at(0).toBool());
        w.modePanel()->setMode(QStringLiteral("float16"));
        // The Edge TPU: 8-bit only. The mode moves to full integer, float16 and dynamic range are disabled, and the
        // float file is named as not running there while its int8 export would.
        w.modePanel()->setTarget(QStringLiteral("edgetpu"));
        QCOMPARE(w.modePanel()->modeName(), QStringLiteral("int8"));
        QVERIFY(!w.modePanel()->targetRuns(QStringLiteral("float16")));
        QVERIFY(!w.modePanel()->targetRuns(QStringLiteral("16x8")));
        QTRY_VERIFY_WITH_TIMEOUT(w.targetSummary().contains(QStringLiteral("as QuantLens would export it")), 60000);
        QVERIFY2(w.targetSummary().contains(QStringLiteral("this file does not run")), qPrintable(w.targetSummary()));
        QVERIFY2(w.targetSummary().contains(QStringLiteral("as QuantLens would export it: runs.")), qPrintable(w.targetSummary()));
        // A per-tensor NPU: per-channel weights are switched off and cannot be switched on.
        w.modePanel()->setTarget(QStringLiteral("npu-per-tensor"));
        QVERIFY(!w.modePanel()->quantizeOptions().perChannel);
        QVERIFY(!w.modePanel()->quantizeOptions().perChannelDense);
        // The choice is an undo step like every option.
        w.undoStack()->undo();
        QCOMPARE(w.modePanel()->targetName(), QStringLiteral("edgetpu"));
        w.undoStack()->redo();
        QCOMPARE(w.modePanel()->targetName(), QStringLiteral("npu-per-tensor"));
        // The converter's int8 file has per-channel weights: its convolutions are marked in the table.
        QVERIFY(openAndWait(w, QString::fromStdString(test::modelPath("vww_mobilenet_v1_025_96_int8.tflite"))));
        int marked = 0;
        for (int r = 0; r < w.layerModel()->rowCount(); ++r)
            if (const auto* m = w.layerModel()->targetMark(r)) {
                ++marked;
                QVERIFY(m->why.contains(QStringLiteral("one scale per tensor")));
            }
        QVERIFY(marked > 0);
        w.modePanel()->setTarget(QString());
        QTRY_VERIFY(w.targetSummary().isEmpty());
        QVERIFY(w.modePanel()->targetRuns(QStringLiteral("float16")));
    }


    void compareJudgesEveryModesRamAndFlashAgainstTheTarget()
    {
        // A board of one's own with 1 KB of RAM and flash, from the user's profile folder: nothing fits.
        const QString folder =
            QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/targets");
        QVERIFY(QDir().mkpath(folder));
        QFile profile(folder + QStringLiteral("/tiny.json"));
        QVERIFY(profile.open(QIODevice::WriteOnly));
        profile.write(R"({"name": "tiny", "title": "Tiny board", "operators": "all", "tensor_arena": "tflite-micro",
                          "ram_kb": 1, "flash_kb": 1})");
        profile.close();
        struct Remove {
            QString path;
            ~Remove() { QFile::remove(path); }
        } remove{profile.fileName()};
        app::MainWindow w;
        QVERIFY(openAndWait(w, app::MainWindow::demoModelPath()));
        QSignalSpy finished(&w, &app::MainWindow::evaluationFinished);
        w.evaluateAllModes();
        QVERIFY(finished.wait(120000));
        auto* m = w.compareModel();
        QVERIFY(m->rowCount() >= 5);
        QVERIFY(!m->exceedsTarget(0, widgets::CompareModel::Size));
        w.modePanel()->setTarget(QStringLiteral("tiny"));
        QCOMPARE(w.modePanel()->targetName(), QStringLiteral("tiny"));
        QTRY_VERIFY(m->exceedsTarget(0, widgets::CompareModel::Size));
        for (int r = 0; r < m->rowCount(); ++r) {
            QVERIFY(m->exceedsTarget(r, widgets::CompareModel::MicroArena)); // every arena is above 1 KB
            const QModelIndex ram = m->index(r, widgets::CompareModel::MicroArena);
            QVERIFY(ram.data(Qt::BackgroundRole).isValid());
            QVERIFY(ram.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Tiny board")));
        }
        w.modePanel()->setTarget(QString());
        QTRY_VERIFY(!m->exceedsTarget(0, widgets::CompareModel::Size));
    }

    void theDeviceMemoryChartShowsTheArenaAtEveryStep()
    {
        app::MainWindow w;
        // resnet8's int8 file: tflite-micro's MicroInterpreter reports 55,712 bytes (micro_arena_test).
        QVERIFY(openAndWait(w, QString::fromStdString(test::modelPath("resnet8_cifar10_int8.tflite"))));
        w.showMemoryDialog();
        auto* d = w.memoryDialog();
        QVERIFY(d && d->isVisible());
        const auto* chart = d->chart();
        QVERIFY(chart->seriesCount() >= 1);
        const auto totals = chart->totals(0);
        QCOMPARE(static_cast<int>(totals.size()), w.layerModel()->rowCount() + 1); // the inputs, then each operator
        QCOMPARE(totals[static_cast<std::size_t>(chart->peakStep(0))], std::int64_t{55712});
        QVERIFY2(d->caption().contains(QStringLiteral("as opened: 54.4 KiB at operator")), qPrintable(d->caption()));
        // A click on a step selects its operator in the table.
        emit d->chart()->operatorClicked(3);
        QCOMPARE(w.selectedOperator(), 3);

        // The open dialog follows: the demo CNN in int8 for a 256 KB microcontroller gives a second line, well
        // below the float one, and the RAM.
        QVERIFY(openAndWait(w, app::MainWindow::demoModelPath()));
        w.modePanel()->setTarget(QStringLiteral("mcu-256k"));
        w.modePanel()->setMode(QStringLiteral("int8"));
        QTRY_VERIFY_WITH_TIMEOUT(w.targetSummary().contains(QStringLiteral("as QuantLens would export it")), 60000);
        QVERIFY(d->isVisible());
        QTRY_COMPARE(chart->seriesCount(), 2);
        QCOMPARE(static_cast<int>(chart->totals(0).size()), w.layerModel()->rowCount() + 1);
        const auto asOpened = chart->totals(0), int8 = chart->totals(1);
        const auto peakFloat = asOpened[static_cast<std::size_t>(chart->peakStep(0))];
        const auto peakInt8 = int8[static_cast<std::size_t>(chart->peakStep(1))];
        QVERIFY2(peakInt8 * 2 < peakFloat, qPrintable(QStringLiteral("%1 vs %2").arg(peakInt8).arg(peakFloat)));
        QVERIFY2(d->caption().contains(QStringLiteral("in int8")), qPrintable(d->caption()));
        QVERIFY2(!d->caption().contains(QStringLiteral("54.4 KiB")), qPrintable(d->caption())); // resnet8's is gone
        QTemporaryDir dir;
        QString error;
        QVERIFY2(chart->exportChart(dir.filePath(QStringLiteral("memory.svg")), &error), qPrintable(error));
        QFile svg(dir.filePath(QStringLiteral("memory.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        QVERIFY(svg.readAll().contains("RAM of"));
        // Another mode: the second line follows.
        w.modePanel()->setMode(QStringLiteral("float16"));
        QTRY_VERIFY_WITH_TIMEOUT(d->caption().contains(QStringLiteral("in float16")), 60000);
        QVERIFY(!d->caption().contains(QStringLiteral("in int8")));
    }

    void theWindowFitsA1280By800Screen()
    {
        // A laptop or projector at 1280x800: the window, every view in it and the mode panel fit without
        // being cut (the window manager and a panel take some of the height).
        app::MainWindow w;
        QVERIFY(openAndWait(w, app::MainWindow::demoModelPath()));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        for (const QString& view : {QStringLiteral("weights"), QStringLiteral("graph"), QStringLiteral("errors"),
                 QStringLiteral("compare"), QStringLiteral("side-by-side"), QStringLiteral("train"), QStringLiteral("diff")}) {
            QVERIFY(w.showView(view));
            QTest::qWait(20);
            const QSize min = w.minimumSizeHint().expandedTo(w.minimumSize());
            QVERIFY2(min.width() <= 1280 && min.height() <= 760,
                qPrintable(QStringLiteral("%1: the window needs at least %2x%3").arg(view).arg(min.width()).arg(min.height())));
        }
        // Squeezed to that width, the layer table scrolls sideways and # and Operator stay in view.
        w.resize(1280, 760);
        w.showView(QStringLiteral("weights"));
        QTest::qWait(50);
        auto* pane = w.findChild<app::LayerPane*>();
        QVERIFY(pane);
        QTableView* table = pane->tableView();
        QTableView* frozen = pane->frozenView();
        QTRY_VERIFY(table->horizontalScrollBar()->maximum() > 0);
        table->horizontalScrollBar()->setValue(table->horizontalScrollBar()->maximum());
        QTRY_VERIFY(frozen->isVisible());
        for (int c = 0; c < widgets::LayerTableModel::ColumnCount; ++c)
            QCOMPARE(frozen->isColumnHidden(c), c > widgets::LayerTableModel::Op);
        QCOMPARE(frozen->columnWidth(widgets::LayerTableModel::Op), table->columnWidth(widgets::LayerTableModel::Op));
        QVERIFY(frozen->selectionModel() == table->selectionModel()); // one selection
        // Operators stay in the file's order (the overlay does not re-sort the table).
        QCOMPARE(table->model()->index(0, widgets::LayerTableModel::Index).data().toInt(), 0);
        // The header's menu hides columns, remembered for the next window.
        pane->setColumnShown(widgets::LayerTableModel::Parameters, false);
        QVERIFY(table->isColumnHidden(widgets::LayerTableModel::Parameters));
        {
            app::LayerPane next;
            QVERIFY(!next.columnShown(widgets::LayerTableModel::Parameters));
            QVERIFY(next.columnShown(widgets::LayerTableModel::Op));
        }
        pane->setColumnShown(widgets::LayerTableModel::Parameters, true);
        app::LayerPane again;
        QVERIFY(again.columnShown(widgets::LayerTableModel::Parameters));
    }


    void imageFoldersFollowTheModelsValueRangeAndSayWhenTheyDoNot()
    {
        // resnet8's int8 file stands for raw 0..255 pixels (input scale 1, zero point -128): a folder of images
        // is read in that range unless the user says otherwise, and a range that does not fit is reported.
        QTemporaryDir dir;
        std::uint32_t seed = 7;
        for (int i = 0; i < 8; ++i) {
            QImage img(40, 40, QImage::Format_RGB888);
            for (int y = 0; y < img.height(); ++y)
                for (int x = 0; x < img.width(); ++x) {
                    seed = seed * 1664525u + 1013904223u;
                    img.setPixelColor(x, y, QColor(static_cast<int>(seed >> 24), static_cast<int>((seed >> 16) & 255),
                                                static_cast<int>((seed >> 8) & 255)));
                }
            QVERIFY(img.save(dir.filePath(QStringLiteral("img%1.png").arg(i))));
        }
        app::MainWindow w;
        QVERIFY(openAndWait(w, QString::fromStdString(test::modelPath("resnet8_cifar10_int8.tflite"))));
        QSignalSpy opened(&w, &app::MainWindow::dataSetOpened);
        w.openDataSet(dir.path(), QString());
        QVERIFY(opened.wait(20000));
        QVERIFY2(opened.front().at(0).toBool(), qPrintable(opened.front().at(1).toString()));
        QCOMPARE(w.dataSet()->sampleShape, (std::vector<std::int64_t>{32, 32, 3}));
        QVERIFY(w.document()->dataRange()->hi > 200.0f); // raw pixel values
        QVERIFY(w.document()->rangeWarning().isEmpty());
        QVERIFY(w.document()->preprocessBasis().contains(QStringLiteral("input quantization")));

        // The export calibrated on them: an input scale near 1 (0..255 over 256 codes), not 1/255.
        QTemporaryDir out;
        const QString exported = out.filePath(QStringLiteral("r8.tflite"));
        QSignalSpy exportedSpy(&w, &app::MainWindow::exportFinished);
        w.modePanel()->setIo(QStringLiteral("native"));
        w.exportModel(exported);
        QVERIFY(exportedSpy.wait(60000));
        QVERIFY2(exportedSpy.front().at(0).toBool(), qPrintable(exportedSpy.front().at(1).toString()));
        auto g = model::readTflite(exported.toStdString());
        QVERIFY(g);
        const auto& in = g->main().tensors[static_cast<std::size_t>(g->main().inputs[0])];
        QVERIFY2(in.quantization.scale.size() == 1 && in.quantization.scale[0] > 0.5f && in.quantization.scale[0] < 1.5f,
            qPrintable(QString::number(in.quantization.scale.empty() ? 0.0f : in.quantization.scale[0])));

        // Pixels / 255 for this model: the data are read again, and the mismatch is said where it shows.
        QSignalSpy changed(w.document(), &app::Document::dataSetChanged);
        w.document()->setPreprocess(data::Preprocess{}, false);
        QVERIFY(changed.wait(20000));
        QVERIFY(w.document()->dataRange()->hi <= 1.0f);
        QVERIFY2(w.document()->rangeWarning().contains(QStringLiteral("[0, 255]")), qPrintable(w.document()->rangeWarning()));
        QVERIFY(w.messageArea()->messages().contains(w.document()->rangeWarning()));
        w.document()->resetPreprocess();
        QVERIFY(changed.wait(20000));
        QVERIFY(w.document()->rangeWarning().isEmpty());
        QVERIFY(w.messageArea()->messages().isEmpty());

        // Another model: the folder is read again at its input size (the demo takes 28x28 grey images).
        QVERIFY(openAndWait(w, app::MainWindow::demoModelPath()));
        QTRY_VERIFY_WITH_TIMEOUT(w.dataSet()->sampleShape != (std::vector<std::int64_t>{32, 32, 3}), 20000);
        QCOMPARE(w.dataSet()->sampleSize(), std::int64_t{28 * 28});
    }


    // Last: it installs a translator for the rest of the process.
    void theCLocaleSpeaksEnglishWithPluralsAndNumbersFollowTheLanguage()
    {
        QCOMPARE(app::installTranslations(*qApp, QStringLiteral("C")), QStringLiteral("en"));
        const QString images =
            QCoreApplication::translate("ql::app::MainWindow", "the bundled Fashion-MNIST sample (%n test image(s))", nullptr, 300);
        QCOMPARE(images, QStringLiteral("the bundled Fashion-MNIST sample (300 test images)"));
        // Percentages follow the language as sizes do (German: 92,33% beside 81,4 kB).
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        eval::ModeEvaluation row;
        row.mode = "int8";
        row.result.accuracy = 0.9233;
        row.latencyMs = 0.5;
        widgets::CompareModel model;
        model.setResults(std::make_shared<const std::vector<eval::ModeEvaluation>>(std::vector{row}));
        const QString accuracy = model.data(model.index(0, widgets::CompareModel::Accuracy)).toString();
        const QString latency = model.data(model.index(0, widgets::CompareModel::Latency)).toString();
        QLocale::setDefault(before);
        QCOMPARE(accuracy, QStringLiteral("92,33%"));
        QCOMPARE(latency, QStringLiteral("0,500"));
    }
};

QTEST_MAIN(MainWindowSetupTest)
#include "mainwindow_setup_test.moc"
