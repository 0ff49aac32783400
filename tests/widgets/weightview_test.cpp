// SPDX-License-Identifier: MIT
// The weight view draws what the analysis says (grid, clipping range, channels, the derivation) and
// exports its charts as PNG, SVG and PDF.
#include "common/model_facts.h"
#include "errors/errorchart.h"
#include "model/reader.h"
#include "weights/weightview.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace ql;

namespace {

std::vector<eval::LayerWeights> analyse(const eval::WeightAnalysisOptions& o)
{
    auto g = model::readTflite(test::modelPath("vww_mobilenet_v1_025_96_float32.tflite"));
    if (!g)
        qFatal("%s", g.error().message.c_str());
    auto a = eval::analyzeWeights(*g, o);
    if (!a)
        qFatal("%s", a.error().message.c_str());
    return std::move(*a);
}

} // namespace

class WeightViewTest : public QObject {
    Q_OBJECT

private slots:
    void drawsGridClipRangeAndDerivation()
    {
        widgets::WeightView view;
        view.resize(800, 900);
        view.show();
        QVERIFY(view.titleText().contains(QStringLiteral("Select a layer")));

        // 4-bit symmetric per tensor: 15 levels, each drawn; the clipping range; the derivation with numbers.
        eval::WeightAnalysisOptions o;
        o.teaching = quant::Scheme{4, true, false};
        const auto four = analyse(o);
        view.setLayer(&four[0]);
        QCOMPARE(view.gridLineCount(), 15);
        QVERIFY(view.showsClipRange());
        QCOMPARE(view.channelCount(), 8);
        QVERIFY2(view.formulaText().contains(QStringLiteral("scale = max|w| / 7")), qPrintable(view.formulaText()));
        QVERIFY(view.titleText().contains(QStringLiteral("int4 symmetric per-tensor")));

        // int8: 255 levels are too dense to draw; asymmetric shows the zero point.
        o.teaching = quant::Scheme{8, false, false};
        const auto eight = analyse(o);
        view.setLayer(&eight[0]);
        QCOMPARE(view.gridLineCount(), 0);
        QVERIFY2(view.formulaText().contains(QStringLiteral("zero point = round(")), qPrintable(view.formulaText()));

        // float16 has no grid and no clipping.
        eval::WeightAnalysisOptions f16;
        f16.mode = passes::Mode::Float16;
        const auto half = analyse(f16);
        view.setLayer(&half[2]);
        QVERIFY(!view.showsClipRange());
        QVERIFY(view.formulaText().contains(QStringLiteral("float16")));
        view.setLogScale(true);
        QVERIFY(view.logScale());
        view.setLayer(nullptr);
        QCOMPARE(view.channelCount(), 0);
    }

    void exportsChartsForReports()
    {
        widgets::WeightView view;
        view.resize(800, 900);
        const auto layers = analyse({});
        view.setLayer(&layers[1]);
        QTemporaryDir dir;
        for (const char* suffix : {"png", "svg", "pdf"}) {
            const QString file = dir.filePath(QStringLiteral("hist.%1").arg(QLatin1String(suffix)));
            QString error;
            QVERIFY2(view.exportChart(widgets::WeightView::Chart::Histogram, file, &error), qPrintable(error));
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray head = f.read(8);
            if (QLatin1String(suffix) == QLatin1String("png"))
                QVERIFY(head.startsWith("\x89PNG"));
            else if (QLatin1String(suffix) == QLatin1String("pdf"))
                QVERIFY(head.startsWith("%PDF"));
            else
                QVERIFY(head.startsWith("<?xml"));
            QVERIFY(!QFile::exists(file + QStringLiteral(".part")));
        }
        const QImage png(dir.filePath(QStringLiteral("hist.png")));
        QCOMPARE(png.size(), QSize(1800, 1080)); // 900 x 540 at 2x for print
        // An existing file is replaced only by a complete new one; a bad suffix is refused with a message.
        QString error;
        QVERIFY(
            view.exportChart(widgets::WeightView::Chart::Channels, dir.filePath(QStringLiteral("hist.png")), &error));
        QVERIFY(
            !view.exportChart(widgets::WeightView::Chart::Error, dir.filePath(QStringLiteral("chart.bmp")), &error));
        QVERIFY(error.contains(QStringLiteral(".png, .svg or .pdf")));
        QVERIFY(!view.exportChart(widgets::WeightView::Chart::Error, QStringLiteral("/nonexistent/dir/x.svg"), &error));
        QVERIFY(error.contains(QStringLiteral("cannot write")));
    }
};

// The error chart: one bar per weighted layer, the worst three outlined, bars map back to operators.
class ErrorChartTest : public QObject {
    Q_OBJECT

private slots:
    void barsWorstAndExport()
    {
        widgets::ErrorChart chart;
        QCOMPARE(chart.barCount(), 0);
        eval::WeightAnalysisOptions o;
        o.perChannel = false;
        const auto layers = analyse(o);
        chart.setLayers(layers);
        QCOMPARE(chart.barCount(), 28);
        // The worst three are the lowest SQNRs, in order.
        std::vector<std::pair<double, int>> sorted;
        for (const auto& l : layers)
            sorted.emplace_back(l.metrics.sqnrDb, l.op);
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(chart.worstOperators(), (std::vector<int>{sorted[0].second, sorted[1].second, sorted[2].second}));
        QCOMPARE(chart.operatorAtBar(0), layers[0].op);
        QCOMPARE(chart.operatorAtBar(27), layers[27].op);
        QCOMPARE(chart.operatorAtBar(28), -1);
        chart.setCurrentOperator(layers[3].op);
        QTemporaryDir dir;
        QString error;
        QVERIFY2(chart.exportChart(dir.filePath(QStringLiteral("errors.svg")), &error), qPrintable(error));
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("errors.svg"))).size() > 1000);
    }
};

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    WeightViewTest a;
    ErrorChartTest b;
    return QTest::qExec(&a, argc, argv) | QTest::qExec(&b, argc, argv);
}
#include "weightview_test.moc"
