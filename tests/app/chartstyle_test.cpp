// SPDX-License-Identifier: MIT
// One chart style across the application and the report: every chart of the main window (weights, errors,
// compare, side by side) draws its data in the chart style's colours, writes axis titles and tick labels in its
// fonts and keeps its legend out of the plot; the report written from the window draws its SVG charts in the
// same colours.
#include "gui/document.h"
#include "gui/mainwindow.h"
#include "style/chartstyle.h"

#include <qcustomplot.h>

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ql;

namespace {

QSet<QRgb> styleColours()
{
    QSet<QRgb> set;
    for (int i = 0; i < style::kSeriesColors; ++i)
        set.insert(style::seriesColor(i).rgb());
    for (auto v : {style::Verdict::Good, style::Verdict::Suspect, style::Verdict::Bad, style::Verdict::None})
        set.insert(style::verdictColor(v).rgb());
    for (auto r :
        {style::Role::Float, style::Role::Quantized, style::Role::Error, style::Role::Limit, style::Role::Neutral})
        set.insert(style::roleColor(r).rgb());
    return set;
}

QRgb opaque(const QColor& c)
{
    return QColor(c.red(), c.green(), c.blue()).rgb();
}

} // namespace

class ChartStyleTest : public QObject {
    Q_OBJECT

private slots:
    void everyChartAndTheReportShareOneStyle()
    {
        app::MainWindow w;
        w.resize(1400, 900);
        w.show();
        QSignalSpy loaded(&w, &app::MainWindow::modelLoaded);
        QSignalSpy analysed(&w, &app::MainWindow::analysisFinished);
        QSignalSpy evaluated(&w, &app::MainWindow::evaluationFinished);
        QSignalSpy reported(&w, &app::MainWindow::reportFinished);
        w.openFile(app::MainWindow::demoModelPath());
        QVERIFY(loaded.wait(10000));
        QVERIFY(analysed.count() > 0 || analysed.wait(30000));
        QVERIFY(w.selectOperator(0));
        w.evaluateAllModes();
        QVERIFY(evaluated.wait(120000));
        for (const auto* view : {"weights", "errors", "compare", "side-by-side"}) {
            QVERIFY(w.showView(QString::fromLatin1(view)));
            QTest::qWait(50);
        }

        const QSet<QRgb> allowed = styleColours();
        const auto plots = w.findChildren<QCustomPlot*>();
        QVERIFY(plots.size() >= 4);
        int plottables = 0;
        for (QCustomPlot* p : plots) {
            const QString who = p->objectName().isEmpty()
                ? QString::fromLatin1(p->parentWidget()->metaObject()->className())
                : p->objectName();
            for (QCPAxis* a : {p->xAxis, p->yAxis}) {
                QCOMPARE(a->labelFont().pixelSize(), style::kLabelPx);
                QCOMPARE(a->tickLabelFont().pixelSize(), style::kTickPx);
            }
            if (p->legend->visible())
                QVERIFY2(p->legend->layout() != p->axisRect()->insetLayout(),
                    qPrintable(QStringLiteral("%1: the legend covers the plot").arg(who)));
            for (int i = 0; i < p->plottableCount(); ++i) {
                QCPAbstractPlottable* t = p->plottable(i);
                ++plottables;
                if (t->pen().style() != Qt::NoPen && t->pen().color().alpha() > 0 && !qobject_cast<QCPBars*>(t))
                    QVERIFY2(allowed.contains(opaque(t->pen().color())),
                        qPrintable(QStringLiteral("%1: %2 drawn in %3").arg(who, t->name(), t->pen().color().name())));
                if (t->brush().style() != Qt::NoBrush)
                    QVERIFY2(allowed.contains(opaque(t->brush().color())),
                        qPrintable(
                            QStringLiteral("%1: %2 filled with %3").arg(who, t->name(), t->brush().color().name())));
                if (auto* g = qobject_cast<QCPGraph*>(t); g && !g->scatterStyle().isNone())
                    QVERIFY2(allowed.contains(opaque(g->scatterStyle().pen().color())) ||
                            allowed.contains(opaque(g->scatterStyle().brush().color())),
                        qPrintable(QStringLiteral("%1: points of %2").arg(who, t->name())));
            }
        }
        QVERIFY2(plottables >= 4, "the charts should show data by now");

        // The report's charts: every series colour is the style's.
        QTemporaryDir dir;
        app::Document::ReportSettings s;
        s.html = dir.filePath(QStringLiteral("r.html"));
        w.exportReport(s);
        QVERIFY(reported.wait(120000));
        QVERIFY2(reported.back().at(0).toBool(), qPrintable(reported.back().at(1).toString()));
        QFile f(s.html);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString html = QString::fromUtf8(f.readAll());
        static const QRegularExpression fill(
            QStringLiteral("<(?:rect|circle|path|polyline)[^>]*(?:fill|stroke)=\"(#[0-9A-Fa-f]{6})\""));
        int coloured = 0;
        for (auto it = fill.globalMatch(html); it.hasNext();) {
            const QColor c(it.next().captured(1));
            if (c == Qt::white || c.rgb() == QColor(0xe0e0e0).rgb() || c.rgb() == QColor(0x333333).rgb())
                continue; // background, grid, axes
            ++coloured;
            QVERIFY2(allowed.contains(c.rgb()), qPrintable(QStringLiteral("report colour %1").arg(c.name())));
        }
        QVERIFY(coloured > 10);
    }
};

QTEST_MAIN(ChartStyleTest)
#include "chartstyle_test.moc"
