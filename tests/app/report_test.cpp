// SPDX-License-Identifier: MIT
// quantlens-cli report on the demo model with the Fashion-MNIST test set: one HTML file that parses as
// XML, refers to nothing outside itself, holds every section, shows the numbers `eval --json` prints for
// the same options (and writes them as tables on request), and whose embedded command regenerates it,
// timings aside. The PDF of the same report renders (pdftoppm) to the pages the command reports. Bad input gets a clear
// error and leaves an existing report alone. Under the sanitizers the data set is cut to QL_REPORT_LIMIT samples.
#include "common/cli_runner.h"
#include "common/report_text.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>
#include <cmath>

using namespace ql;
using test::cli;
using Run = test::CliRun;

namespace {

const QString kData = QStringLiteral("/usr/share/datasets/fashion-mnist/");

QStringList commonArgs()
{
    QStringList a{QStringLiteral(QL_SOURCE_DIR "/resources/demo/fashion_mnist_cnn.tflite"), QStringLiteral("--data"),
        kData + QStringLiteral("t10k-images-idx3-ubyte.gz"), QStringLiteral("--labels"),
        kData + QStringLiteral("t10k-labels-idx1-ubyte.gz"), QStringLiteral("--calibration-data"),
        kData + QStringLiteral("train-images-idx3-ubyte.gz"), QStringLiteral("--latency-runs"), QStringLiteral("2")};
    if (const QByteArray limit = qgetenv("QL_REPORT_LIMIT"); !limit.isEmpty())
        a << QStringLiteral("--limit") << QString::fromLatin1(limit);
    return a;
}

// quantlens-cli report on the demo with the Fashion-MNIST test set, and `extra`.
Run report(const QStringList& extra)
{
    return cli(QStringList{QStringLiteral("report")} + commonArgs() + extra);
}

// A small file with `text` (an earlier report, a list of names).
bool writeText(const QString& path, const QByteArray& text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

QString readText(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// What the report shows, read as XML: section ids, table rows by mode, the command, and every reference
// to something outside the file.
struct Parsed {
    QString error;
    QStringList sections;
    QStringList outsideReferences;
    QMap<QString, QStringList> modeRows; // mode -> cell texts
    QString command;
    int confusionFigures = 0;
};

Parsed parse(const QString& html)
{
    Parsed p;
    QString body = html;
    body.remove(QRegularExpression(QStringLiteral("^<!DOCTYPE html>\\s*")));
    if (body.contains(QRegularExpression(QStringLiteral("<style>[^<]*(url\\(|@import)"))))
        p.outsideReferences << QStringLiteral("a url() or @import in the style sheet");
    QXmlStreamReader x(body);
    QString mode;
    QStringList cells;
    bool inCell = false, inCommand = false;
    while (!x.atEnd()) {
        x.readNext();
        if (x.isStartElement()) {
            const QString n = x.name().toString();
            const auto attrs = x.attributes();
            for (const auto& a : attrs) {
                const QString v = a.value().toString();
                if ((a.name() == QLatin1String("src") || a.name() == QLatin1String("href")) &&
                    !v.startsWith(QLatin1Char('#')))
                    p.outsideReferences << n + QLatin1Char(' ') + a.name().toString() + QLatin1Char('=') + v;
                if (v.contains(QLatin1String("url(")))
                    p.outsideReferences << n + QStringLiteral(" url(");
            }
            for (const char* e : {"link", "script", "img", "iframe", "object", "embed", "image", "use"})
                if (n == QLatin1String(e))
                    p.outsideReferences << QStringLiteral("<%1>").arg(n);
            if (n == QLatin1String("section"))
                p.sections << attrs.value(QStringLiteral("id")).toString();
            if (n == QLatin1String("tr") && attrs.hasAttribute(QStringLiteral("data-mode"))) {
                mode = attrs.value(QStringLiteral("data-mode")).toString();
                cells.clear();
            }
            if (n == QLatin1String("td") && !mode.isEmpty()) {
                inCell = true;
                cells << QString();
            }
            if (n == QLatin1String("pre") && attrs.value(QStringLiteral("class")) == QLatin1String("command"))
                inCommand = true;
            if (n == QLatin1String("figure") && attrs.value(QStringLiteral("class")) == QLatin1String("confusion"))
                ++p.confusionFigures;
        } else if (x.isCharacters()) {
            if (inCell)
                cells.back() += x.text();
            if (inCommand)
                p.command += x.text();
        } else if (x.isEndElement()) {
            const QString n = x.name().toString();
            if (n == QLatin1String("td"))
                inCell = false;
            if (n == QLatin1String("pre"))
                inCommand = false;
            if (n == QLatin1String("tr") && !mode.isEmpty()) {
                p.modeRows[mode] = cells;
                mode.clear();
            }
        }
    }
    if (x.hasError())
        p.error = QStringLiteral("line %1: %2").arg(x.lineNumber()).arg(x.errorString());
    return p;
}

} // namespace

class ReportTest : public QObject {
    Q_OBJECT

    // One report, as HTML and PDF with its tables, made once for the tests that read it.
    QTemporaryDir m_dir;
    QString m_html, m_pdf, m_tables;
    Run m_made;

private slots:
    void initTestCase()
    {
        m_html = m_dir.filePath(QStringLiteral("report.html"));
        m_pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        m_tables = m_dir.filePath(QStringLiteral("tables"));
        m_made = report({QStringLiteral("-o"), m_html, QStringLiteral("-o"), m_pdf, QStringLiteral("--tables"),
            m_tables, QStringLiteral("--sensitivity"), QStringLiteral("--target"), QStringLiteral("mcu-256k")});
        QVERIFY2(m_made.code == 0, qPrintable(m_made.err));
    }

    void theReportIsSelfContainedCompleteAndShowsEvalsNumbers()
    {
        const QString out = m_html, tables = m_tables;
        const Parsed p = parse(readText(out));
        QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
        QVERIFY2(p.outsideReferences.isEmpty(), qPrintable(p.outsideReferences.join(QLatin1Char('\n'))));
        const QStringList expected{QStringLiteral("summary"), QStringLiteral("settings"), QStringLiteral("modes"),
            QStringLiteral("weights"), QStringLiteral("activations"), QStringLiteral("worst"),
            QStringLiteral("confusion"), QStringLiteral("sensitivity"), QStringLiteral("target"),
            QStringLiteral("notes")};
        QCOMPARE(p.sections, expected);
        QVERIFY(p.command.startsWith(QLatin1String("quantlens-cli report ")));
        // Fashion-MNIST data and a 10-class model: the matrices name the classes.
        QVERIFY(readText(out).contains(QLatin1String(">Ankle boot</text>")));

        // The same numbers as eval --json with the same options.
        const Run e = cli(QStringList{QStringLiteral("eval")} + commonArgs() + QStringList{QStringLiteral("--json")});
        QVERIFY2(e.code == 0, qPrintable(e.err));
        const QJsonArray modes = QJsonDocument::fromJson(e.out).object()[QStringLiteral("modes")].toArray();
        QCOMPARE(modes.size(), 5);
        QCOMPARE(p.modeRows.size(), modes.size());
        QCOMPARE(p.confusionFigures, modes.size());
        auto pct = [](double v) { return QString::number(100.0 * v, 'f', 2) + QStringLiteral(" %"); };
        const QString csv = readText(QDir(tables).filePath(QStringLiteral("modes.csv")));
        const QStringList csvLines = csv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(csvLines.size(), modes.size() + 1);
        for (qsizetype i = 0; i < modes.size(); ++i) {
            const QJsonObject m = modes[i].toObject();
            const QString name = m[QStringLiteral("mode")].toString();
            QVERIFY2(p.modeRows.contains(name), qPrintable(name));
            const QStringList cells = p.modeRows[name];
            QCOMPARE(cells.value(1), pct(m[QStringLiteral("accuracy")].toDouble()));
            QCOMPARE(cells.value(2), pct(m[QStringLiteral("top5")].toDouble()));
            QCOMPARE(cells.value(3), pct(m[QStringLiteral("agreement")].toDouble()));
            const QStringList fields = csvLines[i + 1].split(QLatin1Char(','));
            QCOMPARE(fields.value(0), name);
            QCOMPARE(fields.value(1).toDouble(), m[QStringLiteral("accuracy")].toDouble());
            QCOMPARE(fields.value(6).toLongLong(), m[QStringLiteral("size_bytes")].toInteger());
        }
        for (const char* f : {"weights.csv", "activations.csv", "confusion_int8.csv", "target.csv", "report.json"})
            QVERIFY2(QFile::exists(QDir(tables).filePath(QLatin1String(f))), f);

        // The sensitivity table holds what `sensitivity --json` finds with the same options.
        const Run sj = cli(QStringList{QStringLiteral("sensitivity")} + commonArgs().mid(0, 7) +
            QStringList{QStringLiteral("--mode"), QStringLiteral("int8"), QStringLiteral("--json")} +
            (qEnvironmentVariableIsSet("QL_REPORT_LIMIT")
                    ? QStringList{QStringLiteral("--limit"), qEnvironmentVariable("QL_REPORT_LIMIT")}
                    : QStringList{}));
        QVERIFY2(sj.code == 0, qPrintable(sj.err));
        const QJsonArray layers = QJsonDocument::fromJson(sj.out).object()[QStringLiteral("layers")].toArray();
        const QStringList sens = readText(QDir(tables).filePath(QStringLiteral("sensitivity.csv")))
                                     .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(sens.size(), layers.size() + 1);
        for (qsizetype i = 0; i < layers.size(); ++i) {
            const QJsonObject l = layers[i].toObject();
            const QStringList fields = sens[i + 1].split(QLatin1Char(','));
            QCOMPARE(fields.value(0).toInt(), l[QStringLiteral("index")].toInt());
            QCOMPARE(fields.value(4).toDouble(), l[QStringLiteral("cost")].toDouble());
            QCOMPARE(fields.value(5).toDouble(), l[QStringLiteral("gain")].toDouble());
        }
    }

    void thePdfRendersToItsPages()
    {
        QTemporaryDir dir;
        const QString pdf = m_pdf;
        // "wrote PATH (N pages)"
        const auto m = QRegularExpression(QStringLiteral("\\((\\d+) pages\\)")).match(QString::fromUtf8(m_made.out));
        QVERIFY2(m.hasMatch(), m_made.out.constData());
        const int pages = m.captured(1).toInt();
        QVERIFY2(pages >= 3, m_made.out.constData()); // eight sections with charts and tables do not fit on two
        const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        QVERIFY2(!pdftoppm.isEmpty(), "pdftoppm (poppler-utils, packaging/setup.sh) is missing");
        QProcess p;
        p.start(pdftoppm,
            {QStringLiteral("-r"), QStringLiteral("30"), QStringLiteral("-png"), pdf,
                dir.filePath(QStringLiteral("page"))});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        const QStringList rendered = QDir(dir.path()).entryList({QStringLiteral("page*.png")}, QDir::Files);
        QCOMPARE(rendered.size(), pages);
        for (const auto& f : rendered) // a rendered page is not blank
            QVERIFY2(QFileInfo(dir.filePath(f)).size() > 1000, qPrintable(f));
    }

    void noPageEndsWithAHeading()
    {
        // The headings of the report, as text.
        QStringList headings;
        static const QRegularExpression h(QStringLiteral("<h[1-3][^>]*>([^<]*)</h[1-3]>"));
        for (auto it = h.globalMatch(readText(m_html)); it.hasNext();) {
            QString t = it.next().captured(1);
            t.replace(QStringLiteral("&amp;"), QStringLiteral("&"))
                .replace(QStringLiteral("&lt;"), QStringLiteral("<"));
            headings << t.simplified();
        }
        QVERIFY(headings.size() >= 8);
        const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        const QString pdftoppm = QStandardPaths::findExecutable(QStringLiteral("pdftoppm"));
        QVERIFY2(!pdftotext.isEmpty() && !pdftoppm.isEmpty(), "poppler-utils (packaging/setup.sh) is missing");
        QTemporaryDir dir;
        int pages = 0;
        for (int page = 1;; ++page) {
            // The words of the page with their boxes (points), in reading order.
            QProcess p;
            p.start(pdftotext,
                {QStringLiteral("-bbox"), QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                    QString::number(page), m_pdf, QStringLiteral("-")});
            QVERIFY(p.waitForFinished(60000));
            const QString boxes = QString::fromUtf8(p.readAllStandardOutput());
            if (p.exitCode() != 0 || !boxes.contains(QLatin1String("<page")))
                break; // past the last page
            ++pages;
            static const QRegularExpression word(QStringLiteral(
                "<word xMin=\"[^\"]*\" yMin=\"([^\"]*)\" xMax=\"[^\"]*\" yMax=\"([^\"]*)\">([^<]*)</word>"));
            QList<std::pair<double, QString>> lines; // bottom of each text line, its words
            for (auto it = word.globalMatch(boxes); it.hasNext();) {
                const auto m = it.next();
                const double bottom = m.captured(2).toDouble();
                if (!lines.isEmpty() && std::abs(lines.back().first - bottom) < 2)
                    lines.back().second += QLatin1Char(' ') + m.captured(3);
                else
                    lines.append({bottom, m.captured(3)});
            }
            if (lines.isEmpty())
                continue;
            const auto [bottom, last] = lines.back();
            const bool heading = std::any_of(headings.begin(), headings.end(),
                [&, l = last.simplified()](const QString& x) { return x == l || (l.size() > 3 && x.endsWith(l)); });
            if (!heading)
                continue;
            // The last text is a heading: something (a chart) must be drawn below it on the same page.
            QProcess r;
            const QString png = dir.filePath(QStringLiteral("p%1").arg(page));
            r.start(pdftoppm,
                {QStringLiteral("-r"), QStringLiteral("36"), QStringLiteral("-png"), QStringLiteral("-singlefile"),
                    QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"), QString::number(page), m_pdf,
                    png});
            QVERIFY(r.waitForFinished(60000));
            const QImage image(png + QStringLiteral(".png"));
            QVERIFY(!image.isNull());
            const int from = static_cast<int>(bottom * 36.0 / 72.0) + 3;
            int ink = 0;
            for (int y = from; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    ink += qGray(image.pixel(x, y)) < 200;
            QVERIFY2(ink > 50, qPrintable(QStringLiteral("page %1 ends with the heading '%2'").arg(page).arg(last)));
        }
        QVERIFY(pages >= 3);
    }

    void theEmbeddedCommandRegeneratesTheReport() // after thePdfRendersToItsPages: it writes the files again
    {
        const QString first = readText(m_html);
        const QStringList words = test::shellWords(parse(first).command);
        QVERIFY(words.size() > 3);
        QCOMPARE(words.mid(0, 2), (QStringList{QStringLiteral("quantlens-cli"), QStringLiteral("report")}));
        QVERIFY(QFile::remove(m_html));
        const Run again = cli(words.mid(1));
        QVERIFY2(again.code == 0, qPrintable(again.err));
        const QString second = readText(m_html);
        QVERIFY(!second.isEmpty());
        QVERIFY(first.contains(QLatin1String("class=\"timing\"")));
        QCOMPARE(test::withoutTimings(second), test::withoutTimings(first));
    }

    void badInputIsNamedAndAnExistingReportStays()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("report.html"));
        QVERIFY(writeText(out, "an earlier report"));
        // Labels given as the data: 1-D values, not 28x28 images.
        const Run r = cli({QStringLiteral("report"),
            QStringLiteral(QL_SOURCE_DIR "/resources/demo/fashion_mnist_cnn.tflite"), QStringLiteral("--data"),
            kData + QStringLiteral("t10k-labels-idx1-ubyte.gz"), QStringLiteral("-o"), out});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("data")), qPrintable(r.err));
        QCOMPARE(readText(out), QStringLiteral("an earlier report"));
        // A report that is not .html, and no output at all, are refused before any work.
        const Run pdf = report({QStringLiteral("-o"), dir.filePath(QStringLiteral("r.txt"))});
        QCOMPARE(pdf.code, 1);
        QVERIFY2(pdf.err.contains(QLatin1String(".html")), qPrintable(pdf.err));
        QCOMPARE(report({}).code, 2);
        // Class names that do not match the model's classes.
        const QString names = dir.filePath(QStringLiteral("names.txt"));
        QVERIFY(writeText(names, "cat\ndog\n"));
        const Run wrong = report({QStringLiteral("--class-names"), names, QStringLiteral("-o"), out});
        QCOMPARE(wrong.code, 1);
        QVERIFY2(wrong.err.contains(QLatin1String("2 lines")) && wrong.err.contains(QLatin1String("10 classes")),
            qPrintable(wrong.err));
        QCOMPARE(readText(out), QStringLiteral("an earlier report"));
    }
};

QTEST_GUILESS_MAIN(ReportTest)
#include "report_test.moc"
