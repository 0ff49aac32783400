// SPDX-License-Identifier: MIT
// The report as a PDF (report.h, writePdf): the report's HTML laid out by QTextDocument on A4 pages. Each
// inline SVG chart becomes a text object that QSvgRenderer draws, so the charts stay vectors in the PDF.
#include "report/report.h"

#include "core/file_io.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextObjectInterface>

#include <algorithm>
#include <memory>
#include <tuple>
#include <vector>

namespace ql::report {

namespace {

constexpr int kSvgObject = QTextFormat::UserObject + 1;
constexpr int kSvgIndex = QTextFormat::UserProperty + 1;
constexpr int kResolution = 300; // dots per inch of the PDF's coordinate system

class SvgObjects : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    SvgObjects(const QStringList& svgs, double pageWidth)
        : m_pageWidth(pageWidth)
    {
        for (const auto& s : svgs)
            m_renderers.push_back(std::make_unique<QSvgRenderer>(s.toUtf8()));
    }

    QSizeF intrinsicSize(QTextDocument*, int, const QTextFormat& f) override
    {
        const QSvgRenderer* r = renderer(f);
        if (!r)
            return {};
        // SVG user units are CSS pixels (96 per inch); never wider than the text.
        QSizeF size = QSizeF(r->defaultSize()) * (kResolution / 96.0);
        if (size.width() > m_pageWidth)
            size *= m_pageWidth / size.width();
        return size;
    }

    void drawObject(QPainter* painter, const QRectF& rect, QTextDocument*, int, const QTextFormat& f) override
    {
        if (QSvgRenderer* r = renderer(f))
            r->render(painter, rect);
    }

private:
    QSvgRenderer* renderer(const QTextFormat& f) const
    {
        const int i = f.intProperty(kSvgIndex);
        return i >= 0 && static_cast<std::size_t>(i) < m_renderers.size()
            ? m_renderers[static_cast<std::size_t>(i)].get()
            : nullptr;
    }

    double m_pageWidth;
    std::vector<std::unique_ptr<QSvgRenderer>> m_renderers;
};

} // namespace

namespace {

// A heading never ends a page: when the first block after it (and after any headings right below it) starts
// on the next page, or not even a few lines of it fit under the heading, the heading moves to the next page
// with it. Each move shifts what follows, so the scan starts again on the new layout until nothing moves.
void keepHeadingsWithNext(QTextDocument& doc, double pageHeight)
{
    for (int moves = 0; moves < 200; ++moves) {
        QAbstractTextDocumentLayout* layout = doc.documentLayout();
        (void)layout->documentSize(); // the whole document laid out as it is now
        bool moved = false;
        for (QTextBlock b = doc.begin(); b.isValid() && !moved; b = b.next()) {
            const QTextBlockFormat format = b.blockFormat();
            if (format.headingLevel() == 0)
                continue;
            QTextBlock body = b.next();
            while (body.isValid() && body.blockFormat().headingLevel() != 0)
                body = body.next();
            const QRectF heading = layout->blockBoundingRect(b);
            const auto headingPage = static_cast<int>(heading.top() / pageHeight);
            if (!body.isValid() || heading.top() <= headingPage * pageHeight + 1)
                continue; // the last block, or at the top of its page already
            // Where the body's first line landed (a line too tall for the rest of the page starts the next one).
            const QRectF rect = layout->blockBoundingRect(body);
            double top = rect.top(), lineHeight = rect.height();
            if (body.layout() && body.layout()->lineCount() > 0) {
                top += body.layout()->lineAt(0).y();
                lineHeight = body.layout()->lineAt(0).height();
            }
            const double needed = std::min(std::max(lineHeight, rect.bottom() - top), 0.12 * pageHeight);
            if (static_cast<int>((top + needed - 1) / pageHeight) > headingPage) {
                QTextBlockFormat f = format;
                f.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
                QTextCursor(b).setBlockFormat(f);
                moved = true;
            } else {
                // The headings right below move with this one, or not at all.
                while (b.next().isValid() && b.next().blockFormat().headingLevel() != 0)
                    b = b.next();
            }
        }
        if (!moved)
            return;
    }
}

} // namespace

QString writePdf(const QString& html, const QString& path, int* pages)
{
    // Each <svg> becomes a placeholder image, replaced below by a chart object.
    QStringList svgs;
    QString body = html;
    static const QRegularExpression svg(
        QStringLiteral("<svg .*?</svg>"), QRegularExpression::DotMatchesEverythingOption);
    for (auto m = svg.match(body); m.hasMatch(); m = svg.match(body, m.capturedStart())) {
        body.replace(m.capturedStart(), m.capturedLength(), QStringLiteral("<img src=\"qlsvg:%1\"/>").arg(svgs.size()));
        svgs << m.captured(0);
    }

    // Qt's rich text does not know <figure> and would run a chart into the paragraph before it: a block of its own.
    body.replace(QStringLiteral("<figure"), QStringLiteral("<div")).replace(QStringLiteral("</figure>"), QStringLiteral("</div>"));

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(kResolution);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(16, 16, 16, 16), QPageLayout::Millimeter);
    writer.setCreator(QStringLiteral("QuantLens"));
    static const QRegularExpression title(QStringLiteral("<title>(.*?)</title>"));
    writer.setTitle(title.match(html).captured(1));
    const QRectF page = writer.pageLayout().paintRectPixels(kResolution);

    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&writer);
    doc.setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    doc.setPageSize(page.size());
    auto objects = std::make_unique<SvgObjects>(svgs, page.width());
    doc.documentLayout()->registerHandler(kSvgObject, objects.get());
    for (qsizetype i = 0; i < svgs.size(); ++i)
        doc.addResource(
            QTextDocument::ImageResource, QUrl(QStringLiteral("qlsvg:%1").arg(i)), QImage(1, 1, QImage::Format_RGB32));
    doc.setHtml(body);
    std::vector<std::tuple<int, int, int>> found; // position, length, chart
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment fr = it.fragment();
            const QString name = fr.charFormat().isImageFormat() ? fr.charFormat().toImageFormat().name() : QString();
            if (name.startsWith(QLatin1String("qlsvg:")))
                found.emplace_back(fr.position(), fr.length(), name.mid(6).toInt());
        }
    std::sort(found.rbegin(), found.rend());
    for (const auto& [pos, len, index] : found) {
        QTextCursor c(&doc);
        c.setPosition(pos);
        c.setPosition(pos + len, QTextCursor::KeepAnchor);
        QTextCharFormat f;
        f.setObjectType(kSvgObject);
        f.setProperty(kSvgIndex, index);
        c.insertText(QString(QChar::ObjectReplacementCharacter), f);
    }

    keepHeadingsWithNext(doc, page.height());

    QPainter painter(&writer);
    const int count = std::max(1, doc.pageCount());
    for (int p = 0; p < count; ++p) {
        if (p > 0)
            writer.newPage();
        painter.save();
        painter.translate(0, -page.height() * p);
        doc.drawContents(&painter, QRectF(0, page.height() * p, page.width(), page.height()));
        painter.restore();
    }
    painter.end();
    buffer.close();
    const QByteArray& bytes = buffer.data();
    if (auto st = writeFileAtomically(path.toStdString(),
            {reinterpret_cast<const std::uint8_t*>(bytes.constData()), static_cast<std::size_t>(bytes.size())});
        !st)
        return QString::fromStdString(st.error().message);
    if (pages)
        *pages = count;
    return {};
}

} // namespace ql::report

#include "report_pdf.moc"
