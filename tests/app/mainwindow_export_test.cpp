// SPDX-License-Identifier: MIT
// The main window's export and keep-float paths: the chosen mode and calibration reach the exported file,
// keep-float and option changes are undoable, keep-float lands on the operator it names, and a model that carries its ranges exports
// without a data set exactly as `quantlens-cli quantize` writes it.
#include "common/cli_runner.h"
#include "common/graph_compare.h"
#include "common/model_facts.h"
#include "compare/comparemodel.h"
#include "errors/errorchart.h"
#include "gui/mainwindow.h"
#include "gui/modepanel.h"
#include "gui/sidebyside.h"
#include "gui/trainview.h"
#include "layers/layertablemodel.h"
#include "model/reader.h"
#include "model/writer.h"
#include "passes/quantize.h"
#include "pipeline/source.h"
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

class MainWindowExportTest : public QObject {
    Q_OBJECT

private slots:
    void exportsTheChosenModeAndTables()
    {
        app::MainWindow w;
        QSignalSpy loaded(&w, &app::MainWindow::modelLoaded);
        QSignalSpy exported(&w, &app::MainWindow::exportFinished);
        w.openFile(app::MainWindow::demoModelPath());
        QVERIFY(loaded.wait(10000));
        QTemporaryDir dir;
        // int8, calibrated on the bundled sample: a full-integer model with int8 input.
        QVERIFY2(w.exportSummary().contains(QStringLiteral("calibrated (minmax) on the first 100 samples")),
            qPrintable(w.exportSummary()));
        const QString out = dir.filePath(QStringLiteral("demo_int8.tflite"));
        w.exportModel(out);
        QVERIFY(exported.wait(30000));
        QVERIFY2(exported.back().at(0).toBool(), qPrintable(exported.back().at(1).toString()));
        // The message says how LiteRT will run the file: the demo CNN's int8 SOFTMAX has no XNNPACK kernel.
        QVERIFY2(exported.back().at(1).toString().contains(
                     QStringLiteral("LiteRT runs SOFTMAX on its built-in kernels, everything else on XNNPACK")),
            qPrintable(exported.back().at(1).toString()));
        auto g = model::readTflite(out.toStdString());
        QVERIFY(g.ok());
        QCOMPARE(g->main().tensors[static_cast<std::size_t>(g->main().inputs[0])].dtype, model::DType::Int8);
        QVERIFY(g->description.find("mode int8") != std::string::npos);

        // The mode panel's calibration method and sample count, and a separate calibration set, reach the export.
        w.modePanel()->setCalibration(QStringLiteral("percentile:99.9"), 40);
        QSignalSpy opened(&w, &app::MainWindow::dataSetOpened);
        w.openCalibrationData(QStringLiteral("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"));
        QVERIFY(opened.wait(60000));
        QVERIFY2(opened.back().at(0).toBool(), qPrintable(opened.back().at(1).toString()));
        QCOMPARE(w.calibrationData()->count, 60000);
        QVERIFY2(w.exportSummary().contains(QStringLiteral("calibrated (percentile:99.9) on the first 40 samples of "
                                                           "train-images-idx3-ubyte.gz")),
            qPrintable(w.exportSummary()));
        const QString out2 = dir.filePath(QStringLiteral("demo_int8_p999.tflite"));
        w.exportModel(out2);
        QVERIFY(exported.wait(30000));
        QVERIFY2(exported.back().at(0).toBool(), qPrintable(exported.back().at(1).toString()));
        auto g2 = model::readTflite(out2.toStdString());
        QVERIFY(g2.ok());
        QVERIFY2(g2->description.find("percentile:99.9") != std::string::npos, g2->description.c_str());
        QVERIFY(g2->description.find("train-images") != std::string::npos);
        // Clipping at the 99.9th percentile narrows the activation ranges: smaller scales somewhere.
        int narrower = 0;
        const auto& t1 = g->main().tensors;
        const auto& t2 = g2->main().tensors;
        QCOMPARE(t1.size(), t2.size());
        for (std::size_t k = 0; k < t1.size(); ++k)
            if (t1[k].buffer == 0 && t1[k].quantization.scale.size() == 1 && t2[k].quantization.scale.size() == 1 &&
                t2[k].quantization.scale[0] < t1[k].quantization.scale[0] * 0.99f)
                ++narrower;
        QVERIFY(narrower >= 2);
        w.openCalibrationData(QString());
        QCOMPARE(w.calibrationData(), w.dataSet());
        QVERIFY(w.exportSummary().contains(QStringLiteral("samples of the bundled Fashion-MNIST sample")));
        w.modePanel()->setCalibration(QStringLiteral("minmax"), 100);
        // Teaching schemes cannot be exported; the summary says why.
        w.modePanel()->setMode(QStringLiteral("teaching"));
        const auto before = exported.size();
        w.exportModel(dir.filePath(QStringLiteral("x.tflite")));
        QVERIFY(exported.size() == before + 1 || exported.wait(1000));
        QCOMPARE(exported.back().at(0).toBool(), false);
        QVERIFY(exported.back().at(1).toString().contains(QStringLiteral("are not exported")));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.tflite"))));

        // The layer table as CSV and JSON.
        const QString csv = dir.filePath(QStringLiteral("layers.csv"));
        QString error;
        QVERIFY2(widgets::exportTable(*w.layerModel(), csv, &error), qPrintable(error));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count('\n'), 7); // header + 6 operators
        const QString json = dir.filePath(QStringLiteral("layers.json"));
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany)); // as after Edit › Language › Deutsch
        const bool written = widgets::exportTable(*w.layerModel(), json, &error);
        QLocale::setDefault(QLocale::c());
        QVERIFY(written);
        QFile j(json);
        QVERIFY(j.open(QIODevice::ReadOnly));
        const QJsonArray rows = QJsonDocument::fromJson(j.readAll()).array();
        QCOMPARE(rows.size(), 6);
        // Files keep stable English keys and raw numbers whatever the interface language.
        const QJsonObject conv = rows[1].toObject();
        QCOMPARE(conv.value(QStringLiteral("op")).toString(), QStringLiteral("CONV_2D"));
        QCOMPARE(conv.value(QStringLiteral("parameters")).toInt(), 12 * 3 * 3 + 12);
        QVERIFY(conv.value(QStringLiteral("weight_sqnr_db")).toDouble() > 20.0);
        QCOMPARE(conv.value(QStringLiteral("verdict")).toString(), QStringLiteral("good"));
        QVERIFY(!widgets::exportTable(*w.layerModel(), dir.filePath(QStringLiteral("layers.txt")), &error));
    }

    void keepInFloatIsUndoableAndSuggestRuns()
    {
        app::MainWindow w;
        QSignalSpy analysed(&w, &app::MainWindow::analysisFinished);
        QSignalSpy suggested(&w, &app::MainWindow::suggestionFinished);
        w.openFile(app::MainWindow::demoModelPath());
        QVERIFY(analysed.wait(10000));
        auto* m = w.layerModel();
        int fcRow = -1;
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->layer(r)->index == 4)
                fcRow = r;
        QVERIFY(fcRow >= 0);
        const QModelIndex keep = m->index(fcRow, widgets::LayerTableModel::KeepFloat);
        QVERIFY(m->flags(keep) & Qt::ItemIsUserCheckable);
        QVERIFY(!(m->flags(m->index(fcRow - 1, widgets::LayerTableModel::KeepFloat)) & Qt::ItemIsUserCheckable));
        QVERIFY(m->weightsOf(fcRow)->quantized);

        analysed.clear();
        QVERIFY(m->setData(keep, Qt::Checked, Qt::CheckStateRole)); // as a click on the check box
        QCOMPARE(w.keptFloat(), std::vector<int>{4});
        QVERIFY(analysed.wait(10000));
        QCOMPARE(keep.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked);
        QVERIFY(!m->weightsOf(fcRow)->quantized);
        QVERIFY(m->weightsOf(fcRow)->reason.find("stays float") != std::string::npos);

        analysed.clear();
        w.undoStack()->undo(); // Ctrl+Z
        QVERIFY(w.keptFloat().empty());
        QVERIFY(analysed.wait(10000));
        QVERIFY(m->weightsOf(fcRow)->quantized);
        w.undoStack()->redo();
        QCOMPARE(w.keptFloat(), std::vector<int>{4});

        // The suggestion measures int8 on the bundled sample: already within a point, nothing more to keep.
        w.undoStack()->undo();
        w.suggestKeepFloat();
        QVERIFY(suggested.wait(60000));
        QVERIFY2(suggested.back().at(0).toBool(), qPrintable(suggested.back().at(1).toString()));
        QVERIFY(suggested.back().at(1).toString().contains(QStringLiteral("nothing to keep")));
        // In a teaching mode there is nothing to measure; the message says what to do.
        w.modePanel()->setMode(QStringLiteral("teaching"));
        w.suggestKeepFloat();
        QCOMPARE(suggested.back().at(0).toBool(), false);
        QVERIFY(suggested.back().at(1).toString().contains(QStringLiteral("TFLite mode")));
    }

    // Option changes are undo steps on the same stack as keep-in-float, in order; dragging the bit-width
    // slider through several values is one step; the analysis follows every undo.
    void optionChangesAreUndoSteps()
    {
        app::MainWindow w;
        QSignalSpy analysed(&w, &app::MainWindow::analysisFinished);
        w.openFile(app::MainWindow::demoModelPath());
        QVERIFY(analysed.wait(10000));
        auto* panel = w.modePanel();
        auto* undo = w.undoStack();
        const QString first = panel->modeName();
        const int steps = undo->count();
        const QString other = first == QLatin1String("16x8") ? QStringLiteral("int8") : QStringLiteral("16x8");
        panel->setMode(other);
        QCOMPARE(undo->count(), steps + 1);
        panel->setMode(QStringLiteral("teaching"));
        panel->setBits(6);
        panel->setBits(5);
        panel->setBits(4); // one step: 8 -> 4 bits
        QCOMPARE(undo->count(), steps + 3);
        QVERIFY(undo->text(undo->count() - 1).contains(QStringLiteral("4 bits")));
        w.setKeepFloat(4, true);
        QCOMPARE(undo->count(), steps + 4);

        undo->undo();
        QVERIFY(w.keptFloat().empty());
        QCOMPARE(panel->options().teaching->bits, 4);
        undo->undo();
        QCOMPARE(panel->modeName(), QStringLiteral("teaching"));
        QCOMPARE(panel->state().bits, 8);
        undo->undo();
        QCOMPARE(panel->modeName(), other);
        analysed.clear();
        undo->undo();
        QCOMPARE(panel->modeName(), first);
        QVERIFY(analysed.wait(10000)); // the views follow the restored options
        QCOMPARE(undo->index(), steps);
        // Undo did not push new steps; redo walks forward again.
        QCOMPARE(undo->count(), steps + 4);
        undo->redo();
        undo->redo();
        undo->redo();
        QCOMPARE(panel->modeName(), QStringLiteral("teaching"));
        QCOMPARE(panel->state().bits, 4);
        undo->redo();
        QCOMPARE(w.keptFloat(), std::vector<int>{4});
    }

    void quantizedFilesLineUpWithTheirAnalysis()
    {
        // Dequantizing drops QUANTIZE / DEQUANTIZE operators: the analysis of a float-I/O int8 file and of a
        // float16 file must still land on the rows of the operators they describe, and keep-float must
        // keep the layer that was ticked.
        for (const char* file : {"ad01_autoencoder_int8_floatio.tflite", "conv_tiny_float16.tflite"}) {
            app::MainWindow w;
            QSignalSpy analysed(&w, &app::MainWindow::analysisFinished);
            w.openFile(QString::fromStdString(test::modelPath(file)));
            QVERIFY(analysed.wait(10000));
            auto* m = w.layerModel();
            int withWeights = 0, lastRow = -1;
            for (int r = 0; r < m->rowCount(); ++r)
                if (const auto* l = m->weightsOf(r)) {
                    QCOMPARE(QString::fromStdString(l->opName), QString::fromStdString(m->layer(r)->op));
                    QCOMPARE(l->op, m->layer(r)->index);
                    ++withWeights;
                    lastRow = r;
                }
            QVERIFY2(withWeights > 0, file);
            analysed.clear();
            QVERIFY(
                m->setData(m->index(lastRow, widgets::LayerTableModel::KeepFloat), Qt::Checked, Qt::CheckStateRole));
            QVERIFY(analysed.wait(10000));
            QVERIFY2(!m->weightsOf(lastRow)->quantized, file);
            QCOMPARE(
                m->index(lastRow, widgets::LayerTableModel::KeepFloat).data(Qt::CheckStateRole).value<Qt::CheckState>(),
                Qt::Checked);
        }
    }

    // A model that carries its activation ranges exports in the GUI without a data set, with a layer kept in
    // float named by the file's numbering (the table's, info's), as the very file `quantlens-cli quantize`
    // writes: the converter's int8 file (its own activation scales serve), and a float model carrying the
    // min/max that quantization-aware training records.
    void modelsCarryingRangesExportAsTheCliWritesThem_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("int8 file") << QStringLiteral("int8");
        QTest::newRow("float with QAT ranges") << QStringLiteral("qat");
    }
    void modelsCarryingRangesExportAsTheCliWritesThem()
    {
        QFETCH(QString, kind);
        QTemporaryDir dir;
        std::string src = test::modelPath("ad01_autoencoder_int8_floatio.tflite");
        if (kind == QStringLiteral("qat")) {
            auto m = pipeline::openModel(src); // dequantized: float, min/max on every activation
            QVERIFY(m.ok());
            src = dir.filePath(QStringLiteral("qat.tflite")).toStdString();
            QVERIFY(model::writeTflite(*m->work, src).ok());
        }
        auto file = model::readTflite(src);
        QVERIFY(file.ok());
        QCOMPARE(passes::isQuantized(*file), kind == QStringLiteral("int8"));
        // The 8-wide bottleneck: operator 5 of the int8 file (after its QUANTIZE), 4 of the float one.
        int conv = -1;
        for (std::size_t i = 0; i < file->main().operators.size(); ++i)
            if (file->main().tensors[static_cast<std::size_t>(file->main().operators[i].outputs[0])].shape ==
                std::vector<std::int32_t>{1, 8})
                conv = static_cast<int>(i);
        QCOMPARE(conv, kind == QStringLiteral("int8") ? 5 : 4);

        app::MainWindow w;
        QSignalSpy analysed(&w, &app::MainWindow::analysisFinished);
        QSignalSpy exported(&w, &app::MainWindow::exportFinished);
        w.openFile(QString::fromStdString(src));
        QVERIFY(analysed.wait(20000));
        QVERIFY(w.dataSet() == nullptr);
        w.modePanel()->setMode(QStringLiteral("int8"));
        w.modePanel()->setIo(QStringLiteral("float"));
        QVERIFY2(!w.exportSummary().contains(QStringLiteral("needs a data set")), qPrintable(w.exportSummary()));
        QVERIFY2(w.exportSummary().contains(QStringLiteral("from the model itself")), qPrintable(w.exportSummary()));
        w.setKeepFloat(conv, true);
        QCOMPARE(w.keptFloat(), std::vector<int>{conv});
        const QString gui = dir.filePath(QStringLiteral("gui.tflite")), cli = dir.filePath(QStringLiteral("cli.tflite"));
        w.exportModel(gui);
        QVERIFY(exported.wait(60000));
        QVERIFY2(exported.back().at(0).toBool(), qPrintable(exported.back().at(1).toString()));
        const auto run = test::cli({QStringLiteral("quantize"), QString::fromStdString(src), QStringLiteral("--mode"),
            QStringLiteral("int8"), QStringLiteral("--io"), QStringLiteral("float"), QStringLiteral("--keep-float"), QString::number(conv), QStringLiteral("-o"), cli});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        auto a = model::readTflite(gui.toStdString()), b = model::readTflite(cli.toStdString());
        QVERIFY(a.ok() && b.ok());
        b->description = a->description; // the provenance line names the program
        const auto diff = test::compareGraphs(*a, *b);
        QVERIFY2(diff.empty(), diff.empty() ? "" : diff.front().c_str());
        // The kept layer is the file's operator `conv`: the one float FULLY_CONNECTED writes its output tensor.
        const std::string keptOut =
            file->main().tensors[static_cast<std::size_t>(file->main().operators[static_cast<std::size_t>(conv)].outputs[0])].name;
        int floatLayers = 0;
        for (const auto& op : a->main().operators)
            if (a->opcodeOf(op) == tflite::BuiltinOperator::FULLY_CONNECTED &&
                a->main().tensors[static_cast<std::size_t>(op.inputs[1])].dtype == model::DType::Float32) {
                ++floatLayers;
                QCOMPARE(a->main().tensors[static_cast<std::size_t>(op.outputs[0])].name, keptOut);
            }
        QCOMPARE(floatLayers, 1);
    }

};

QTEST_MAIN(MainWindowExportTest)
#include "mainwindow_export_test.moc"
