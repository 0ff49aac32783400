// SPDX-License-Identifier: MIT
#include "common/model_facts.h"
#include "compare/comparemodel.h"
#include "errors/errorchart.h"
#include "gui/mainwindow.h"
#include "gui/modepanel.h"
#include "gui/sidebyside.h"
#include "gui/trainview.h"
#include "layers/layertablemodel.h"
#include "model/reader.h"
#include "sidebyside/sampleviews.h"
#include "weights/weightview.h"

#include <QAbstractItemModelTester>
#include <QDropEvent>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QLabel>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

using namespace ql;

class MainWindowTest : public QObject {
    Q_OBJECT

private slots:
    void opensAModelAndNamesIt()
    {
        app::MainWindow w;
        QSignalSpy loaded(&w, &app::MainWindow::modelLoaded);
        w.openFile(QString::fromStdString(test::modelPath("vww_mobilenet_v1_025_96_int8.tflite")));
        QVERIFY(loaded.wait(10000));
        QVERIFY(w.windowTitle().contains(QStringLiteral("vww_mobilenet_v1_025_96_int8.tflite")));
        QCOMPARE(w.layerModel()->rowCount(), 14 + 13 + 4);
    }

    void opensTheBundledDemoModel()
    {
        app::MainWindow w;
        QSignalSpy loaded(&w, &app::MainWindow::modelLoaded);
        w.openFile(app::MainWindow::demoModelPath());
        QVERIFY(loaded.wait(10000));
        QVERIFY(w.windowTitle().contains(QStringLiteral("fashion_mnist_cnn.tflite")));
        // RESHAPE, CONV_2D (+ReLU), MAX_POOL_2D, RESHAPE, FULLY_CONNECTED, SOFTMAX
        QCOMPARE(w.layerModel()->rowCount(), 6);
    }

    void modePanelDrivesTheTableAndTheWeightView()
    {
        app::MainWindow w;
        w.show();
        QSignalSpy analysed(&w, &app::MainWindow::analysisFinished);
        w.openFile(app::MainWindow::demoModelPath());
        QVERIFY(analysed.wait(10000));
        auto verdictOf = [&](int op) {
            for (int r = 0; r < w.layerModel()->rowCount(); ++r)
                if (w.layerModel()->layer(r)->index == op)
                    return w.layerModel()->data(w.layerModel()->index(r, widgets::LayerTableModel::Verdict)).toString();
            return QString();
        };
        QCOMPARE(verdictOf(1), QStringLiteral("good")); // int8 per-channel convolution
        QCOMPARE(verdictOf(2), QString()); // pooling has no weights
        QVERIFY(w.selectOperator(1));
        QVERIFY(w.weightView()->titleText().contains(QStringLiteral("CONV_2D")));
        QVERIFY(w.weightView()->titleText().contains(QStringLiteral("int8 symmetric per-channel")));

        // Teaching: 2-bit per-tensor weights. Several quick changes: only the last analysis lands.
        w.modePanel()->setMode(QStringLiteral("teaching"));
        w.modePanel()->setPerChannel(false);
        w.modePanel()->setBits(2);
        QTRY_VERIFY_WITH_TIMEOUT(
            w.weightView()->titleText().contains(QStringLiteral("int2 symmetric per-tensor")), 10000);
        QCOMPARE(w.weightView()->gridLineCount(), 3);
        QCOMPARE(verdictOf(4), QStringLiteral("bad"));
        QVERIFY(w.selectOperator(4));
        QVERIFY(w.weightView()->titleText().contains(QStringLiteral("FULLY_CONNECTED")));
        // The error chart follows the analysis, and a click on a bar selects that layer.
        QCOMPARE(w.errorChart()->barCount(), 2);
        emit w.errorChart()->operatorClicked(1);
        QVERIFY(w.weightView()->titleText().contains(QStringLiteral("CONV_2D")));
    }

    void compareEvaluatesEveryModeOnTheBundledSample()
    {
        app::MainWindow w;
        QSignalSpy loaded(&w, &app::MainWindow::modelLoaded);
        QSignalSpy finished(&w, &app::MainWindow::evaluationFinished);
        w.openFile(app::MainWindow::demoModelPath());
        QVERIFY(loaded.wait(10000));
        QVERIFY(w.hasDataSet()); // the bundled 300 Fashion-MNIST test images
        QAbstractItemModelTester tester(w.compareModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Cancel right away: nothing lands, the message says so.
        w.evaluateAllModes();
        w.cancelEvaluation();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.back().at(0).toBool(), false);
        QVERIFY(finished.back().at(1).toString().contains(QStringLiteral("cancelled")));
        QCOMPARE(w.compareModel()->rowCount(), 0);

        w.evaluateAllModes();
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.back().at(0).toBool(), qPrintable(finished.back().at(1).toString()));
        QCOMPARE(w.compareModel()->rowCount(), 5);
        const auto& results = *w.compareModel()->results();
        QCOMPARE(results[0].mode, std::string("float32"));
        QVERIFY(std::abs(results[0].result.accuracy - 0.923) < 0.002); // as LiteRT scores the demo on this sample
        for (const auto& e : results) {
            QVERIFY2(e.agreement > 0.97, e.mode.c_str());
            QVERIFY(e.collapse.empty());
        }
        QCOMPARE(w.tradeoffChart()->pointCount(), 5);
        // The table exports as CSV and JSON.
        const QString csv = w.compareModel()->toCsv();
        QCOMPARE(csv.count(QLatin1Char('\n')), 6);
        QVERIFY(csv.startsWith(QStringLiteral("mode,size_bytes,tflite_micro_arena_bytes,accuracy")));
        QVERIFY(w.compareModel()->toJson().contains("\"agreement\""));
    }

    void settingsPersistTheModeAndRecentFiles()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        const QString file = QString::fromStdString(test::modelPath("hello_world_twin_int8.tflite"));
        {
            app::MainWindow w;
            QSignalSpy loaded(&w, &app::MainWindow::modelLoaded);
            w.openFile(file);
            QVERIFY(loaded.wait(10000));
            w.modePanel()->setMode(QStringLiteral("teaching"));
            w.modePanel()->setBits(3);
            w.modePanel()->setSymmetric(false);
            w.saveSettings();
        }
        app::MainWindow w2;
        QCOMPARE(w2.modePanel()->modeName(), QStringLiteral("int8"));
        w2.restoreSettings();
        QCOMPARE(w2.modePanel()->modeName(), QStringLiteral("teaching"));
        QVERIFY(w2.modePanel()->describe().contains(QStringLiteral("int3 asymmetric")));
        QCOMPARE(w2.recentFiles().value(0), QFileInfo(file).absoluteFilePath());
        QSettings().clear();
    }

    void sideBySideRunsBothModelsOnASampleAndADrawing()
    {
        app::MainWindow w;
        QSignalSpy ready(&w, &app::MainWindow::quantizedReady);
        w.openFile(app::MainWindow::demoModelPath());
        QTRY_VERIFY_WITH_TIMEOUT(ready.size() > 0, 20000);
        auto* view = w.sideBySide();
        QCOMPARE(view->classNames().value(9), QStringLiteral("Ankle boot"));
        // The Errors tab shows the activation error of every operator output on the bundled sample.
        QCOMPARE(w.activationChart()->barCount(), 6);
        QVERIFY(w.activationChart()->lowestBar() >= 0);
        // Clicking an activation bar selects its operator in the table (and so in every view).
        QCOMPARE(w.activationOperators().size(), std::size_t{6});
        emit w.activationChart()->barClicked(2);
        QCOMPARE(w.selectedOperator(), w.activationOperators()[2]);
        emit w.activationChart()->barClicked(4);
        QCOMPARE(w.selectedOperator(), w.activationOperators()[4]);
        QSignalSpy ran(view, &app::SideBySideView::ran);
        view->runSample(0); // the first Fashion-MNIST test image, an ankle boot
        QVERIFY(ran.wait(20000));
        const auto& o = view->last();
        QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
        QCOMPARE(o.floatOut.size(), std::size_t{10});
        QCOMPARE(static_cast<int>(std::max_element(o.floatOut.begin(), o.floatOut.end()) - o.floatOut.begin()), 9);
        QCOMPARE(static_cast<int>(std::max_element(o.quantOut.begin(), o.quantOut.end()) - o.quantOut.begin()), 9);
        QCOMPARE(o.layers.size(), 6);
        for (double db : o.sqnr)
            QVERIFY(db > 20.0); // int8 tracks float closely on this model

        // A drawing: every stroke re-runs both models.
        view->canvas()->clear();
        QVERIFY(ran.wait(20000));
        for (int y = 4; y < 24; ++y)
            view->canvas()->paintAt(14.0, y);
        QTRY_VERIFY_WITH_TIMEOUT(ran.size() >= 3 && view->last().floatOut.size() == 10, 20000);

        // 2-bit teaching weights part ways with float much more.
        const double int8Min = *std::min_element(o.sqnr.begin(), o.sqnr.end());
        ready.clear();
        w.modePanel()->setMode(QStringLiteral("teaching"));
        w.modePanel()->setBits(2);
        QTRY_VERIFY_WITH_TIMEOUT(ready.size() > 0, 20000);
        ran.clear();
        view->runSample(0);
        QVERIFY(ran.wait(20000));
        const auto& t = view->last().sqnr;
        QVERIFY(!t.empty() && *std::min_element(t.begin(), t.end()) < int8Min - 10.0);
    }

    void sideBySideRunsAnImageFileAndNamesClasses()
    {
        app::MainWindow w;
        QSignalSpy ready(&w, &app::MainWindow::quantizedReady);
        w.openFile(app::MainWindow::demoModelPath());
        QTRY_VERIFY_WITH_TIMEOUT(ready.size() > 0, 20000);
        auto* view = w.sideBySide();
        QSignalSpy ran(view, &app::SideBySideView::ran);
        view->runSample(3);
        QVERIFY(ran.wait(20000));
        const auto sample = view->last();
        QVERIFY2(sample.error.isEmpty(), qPrintable(sample.error));

        // The same picture as a PNG file: pixels/255 is exactly what the IDX sample gives, so both runs match.
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("sample3.png"));
        QVERIFY(widgets::sampleImage(*w.dataSet(), 3).save(png));
        ran.clear();
        QVERIFY(view->runImageFile(png));
        QVERIFY(ran.wait(20000));
        QVERIFY2(view->last().error.isEmpty(), qPrintable(view->last().error));
        QCOMPARE(view->last().floatOut, sample.floatOut);
        QCOMPARE(view->last().quantOut, sample.quantOut);
        // Inverting it (light garment on black becomes dark on white) changes what the model sees.
        ran.clear();
        view->setInvertImage(true);
        QVERIFY(ran.wait(20000));
        QVERIFY(view->last().floatOut != sample.floatOut);
        view->setInvertImage(false);
        QVERIFY(ran.wait(20000));

        // A file that is not an image: an error that names it, and no stale bars.
        const QString bogus = dir.filePath(QStringLiteral("notes.png"));
        QFile f(bogus);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("not a picture");
        f.close();
        ran.clear();
        QVERIFY(!view->runImageFile(bogus));
        QVERIFY(view->last().error.contains(QStringLiteral("notes.png")));

        // Class names from a file must have one name per output.
        QString error;
        QVERIFY(!view->loadClassNames(QString::fromStdString(test::modelPath("imagenet_labels_1001.txt")), &error));
        QVERIFY2(
            error.contains(QStringLiteral("1001")) && error.contains(QStringLiteral("10 outputs")), qPrintable(error));
        QCOMPARE(view->classNames().value(9), QStringLiteral("Ankle boot")); // unchanged
        const QString names = dir.filePath(QStringLiteral("names.txt"));
        QFile n(names);
        QVERIFY(n.open(QIODevice::WriteOnly));
        for (int c = 0; c < 10; ++c)
            n.write(QStringLiteral("garment %1\r\n").arg(c).toUtf8());
        n.close();
        QVERIFY2(view->loadClassNames(names, &error), qPrintable(error));
        QCOMPARE(view->classNames().value(9), QStringLiteral("garment 9"));
        // They stay through a rebuild of the quantized model for another option (same model).
        ready.clear();
        w.modePanel()->setPerChannel(false);
        QTRY_VERIFY_WITH_TIMEOUT(ready.size() > 0, 20000);
        QCOMPARE(view->classNames().value(9), QStringLiteral("garment 9"));
        w.modePanel()->setPerChannel(true);

        // A model that carries its label file (TFLite metadata) names its 1001 ImageNet classes by itself, and a
        // 224x224 colour photo goes through it in the [-1, 1] range MobileNet expects.
        QSignalSpy loaded(&w, &app::MainWindow::modelLoaded);
        ready.clear();
        w.modePanel()->setMode(QStringLiteral("float16")); // the Fashion sample cannot calibrate a MobileNet
        QTRY_VERIFY_WITH_TIMEOUT(ready.size() > 0, 20000);
        ready.clear();
        w.openFile(QString::fromStdString(test::modelPath("mobilenet_v1_025_224_uint8.tflite")));
        QVERIFY(loaded.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(ready.size() > 0, 30000);
        QCOMPARE(view->classNames().size(), 1001);
        QCOMPARE(view->classNames().front(), QStringLiteral("background"));
        QCOMPARE(view->classNames().value(1), QStringLiteral("tench"));
        QImage photo(320, 240, QImage::Format_RGB32);
        photo.fill(QColor(30, 120, 200));
        const QString jpg = dir.filePath(QStringLiteral("photo.jpg"));
        QVERIFY(photo.save(jpg));
        ran.clear();
        QVERIFY(view->runImageFile(jpg));
        QVERIFY(ran.wait(30000));
        QVERIFY2(view->last().error.isEmpty(), qPrintable(view->last().error));
        QCOMPARE(view->last().floatOut.size(), std::size_t{1001});
    }

    void trainsAndComparesFloatPtqQat()
    {
        app::MainWindow w;
        QSignalSpy loaded(&w, &app::MainWindow::modelLoaded);
        w.openFile(app::MainWindow::demoModelPath());
        QVERIFY(loaded.wait(10000));
        auto* t = w.trainView();
        QSignalSpy done(t, &app::TrainView::finished);
        t->setTrainLimit(4000);
        t->setEpochs(1, 1);
        // Cancelled right away: nothing lands.
        t->start();
        QVERIFY(t->running());
        t->cancel();
        QVERIFY(done.wait(60000));
        QCOMPARE(done.back().at(0).toBool(), false);
        QVERIFY(done.back().at(1).toString().contains(QStringLiteral("cancelled")));
        QVERIFY(!t->trainedModel());

        t->start();
        QVERIFY(done.wait(180000));
        QVERIFY2(done.back().at(0).toBool(), qPrintable(done.back().at(1).toString()));
        QVERIFY(t->curvePoints() >= 2); // live curves during float and QAT epochs
        QVERIFY(t->trainedModel());
        // The CLI's rows, with the float model fine-tuned as long as QAT as the fair baseline.
        QCOMPARE(w.compareModel()->rowCount(), 4);
        auto rows = *w.compareModel()->results();
        QCOMPARE(rows[0].mode, std::string("train: float"));
        QCOMPARE(rows[1].mode, std::string("train: ptq_int8"));
        QCOMPARE(rows[2].mode, std::string("train: qat_int8"));
        QCOMPARE(rows[3].mode, std::string("train: float_finetuned"));
        for (const auto& r : rows)
            QVERIFY2(r.result.accuracy > 0.7,
                qPrintable(QStringLiteral("%1 %2")
                               .arg(QString::fromStdString(r.mode))
                               .arg(r.result.accuracy))); // 4000 images, one epoch
        QVERIFY(rows[1].sizeBytes < rows[0].sizeBytes / 3);
        // Not measured is said, not shown as zero.
        const auto cell = [&](int row, int column) {
            return w.compareModel()->data(w.compareModel()->index(row, column)).toString();
        };
        QCOMPARE(cell(0, widgets::CompareModel::Latency), QStringLiteral("n/a"));
        QCOMPARE(cell(0, widgets::CompareModel::KlMean), QStringLiteral("n/a"));
        QVERIFY(cell(2, widgets::CompareModel::KlMean) != QStringLiteral("n/a"));
        // Evaluating every mode of the open model keeps the training rows.
        QSignalSpy evaluated(&w, &app::MainWindow::evaluationFinished);
        w.evaluateAllModes();
        QVERIFY(evaluated.wait(120000));
        QVERIFY(evaluated.front().at(0).toBool());
        rows = *w.compareModel()->results();
        QCOMPARE(rows.size(), std::size_t{5 + 4});
        QCOMPARE(rows.front().mode, std::string("float32"));
        QCOMPARE(rows.back().mode, std::string("train: float_finetuned"));
    }

    void badFileKeepsTheCurrentModel()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("broken.tflite"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a model at all");
        f.close();

        app::MainWindow w;
        QSignalSpy loaded(&w, &app::MainWindow::modelLoaded);
        QSignalSpy failed(&w, &app::MainWindow::loadFailed);
        w.openFile(QString::fromStdString(test::modelPath("hello_world_twin_int8.tflite")));
        QVERIFY(loaded.wait(10000));
        const QString title = w.windowTitle();
        w.openFile(bad);
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.front().at(1).toString().contains(QStringLiteral("file identifier")));
        QCOMPARE(w.windowTitle(), title);
        QCOMPARE(w.layerModel()->rowCount(), 3);
    }

    void aModelThatCannotRunShowsWhatItCanAndNamesTheBlockers()
    {
        // The ID-card detector holds TensorFlow (Flex) operators: QuantLens cannot run it, but the layer
        // table and weight analysis work, and one line names the blocking operators by index.
        app::MainWindow w;
        QSignalSpy loaded(&w, &app::MainWindow::modelLoaded);
        w.openFile(QString::fromStdString(test::modelPath("wild/id_card_detector_224_float32.tflite")));
        QVERIFY(loaded.wait(20000));
        QVERIFY(w.layerModel()->rowCount() > 100);
        auto* banner = w.findChild<QLabel*>(QStringLiteral("blockers"));
        QVERIFY(banner);
        QVERIFY(!banner->isHidden());
        QVERIFY2(banner->text().contains(QStringLiteral("143 (FlexEqual)")), qPrintable(banner->text()));
        QVERIFY(banner->toolTip().contains(QStringLiteral("TensorFlow")));
        // A model that runs hides the line again.
        w.openFile(QString::fromStdString(test::modelPath("hello_world_twin_int8.tflite")));
        QVERIFY(loaded.wait(10000));
        QVERIFY(banner->isHidden());
    }

    void opensADroppedFile()
    {
        app::MainWindow w;
        w.show();
        QSignalSpy loaded(&w, &app::MainWindow::modelLoaded);
        QMimeData mime;
        const QString path = QString::fromStdString(test::modelPath("ad01_autoencoder_int8.tflite"));
        mime.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.front().at(0).toString(), path);
        QCOMPARE(w.layerModel()->rowCount(), 10);
    }
};

QTEST_MAIN(MainWindowTest)
#include "mainwindow_test.moc"
