// SPDX-License-Identifier: MIT
#include "graph/graphexport.h"

#include "graph/graphitems.h"
#include "graph/graphoverlay.h"

#include <QApplication>
#include <QFileInfo>
#include <QGraphicsScene>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>
#include <utility>
#include <vector>

namespace ql::widgets {
namespace {

// The drawing with its legend below it, scaled by `scale`, onto any paint device.
void paintPicture(QPainter& p, QGraphicsScene& scene, const Legend& legend, const QSize& legendBox, double scale)
{
    const QRectF source = scene.itemsBoundingRect().adjusted(-12, -12, 12, 12);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const QRectF target(0, 0, source.width() * scale, source.height() * scale);
    p.fillRect(QRectF(0, 0, target.width(), target.height() + (legendBox.height() + 16) * scale), Qt::white);
    scene.render(&p, target, source);
    if (legend.title.isEmpty())
        return;
    p.save();
    p.scale(scale, scale);
    paintLegend(p, legend, QRect(QPoint(8, static_cast<int>(source.height()) + 8), legendBox), QApplication::font());
    p.restore();
}

} // namespace

bool exportGraphPicture(QGraphicsScene& scene, const Legend& legend, const QString& path, QString* error)
{
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("svg") && suffix != QLatin1String("pdf") && suffix != QLatin1String("png"))
        return fail(QObject::tr("%1: choose a .svg, .pdf or .png file").arg(path));
    if (scene.items().isEmpty())
        return fail(QObject::tr("There is no graph to export yet."));
    const QRectF source = scene.itemsBoundingRect().adjusted(-12, -12, 12, 12);
    const QSize legendBox = legend.title.isEmpty() ? QSize(0, 0) : legendSize(legend, QApplication::font());
    const QSizeF size(std::max(source.width(), static_cast<double>(legendBox.width()) + 16),
        source.height() + (legendBox.isEmpty() ? 0 : legendBox.height() + 16));

    // Selection and search marks are for the screen, not the report.
    QList<QGraphicsItem*> selected = scene.selectedItems();
    const QSignalBlocker quiet(&scene);
    for (auto* item : selected)
        item->setSelected(false);
    struct Reselect {
        QList<QGraphicsItem*> items;
        ~Reselect()
        {
            for (auto* item : items)
                item->setSelected(true);
        }
    } reselect{selected};

    // Boxes cache their look as screen pixmaps: a report needs their vector drawing (text stays text).
    struct Uncached {
        std::vector<std::pair<QGraphicsItem*, QGraphicsItem::CacheMode>> items;
        ~Uncached()
        {
            for (auto& [item, mode] : items)
                item->setCacheMode(mode);
        }
    } uncached;
    for (auto* item : scene.items())
        if (item->cacheMode() != QGraphicsItem::NoCache) {
            uncached.items.emplace_back(item, item->cacheMode());
            item->setCacheMode(QGraphicsItem::NoCache);
        }

    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return fail(QObject::tr("%1: cannot write (%2)").arg(path, out.errorString()));
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&out);
        svg.setSize(size.toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), size));
        svg.setTitle(QObject::tr("Model graph"));
        QPainter p(&svg);
        paintPicture(p, scene, legend, legendBox, 1.0);
    } else if (suffix == QLatin1String("pdf")) {
        QPdfWriter pdf(&out);
        pdf.setResolution(72); // one drawing unit is one point
        pdf.setPageSize(QPageSize(size, QPageSize::Point, QString(), QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(QObject::tr("Model graph"));
        QPainter p(&pdf);
        paintPicture(p, scene, legend, legendBox, 1.0);
    } else {
        const double scale = std::min(2.0, 16000.0 / std::max(size.width(), size.height()));
        QImage image((size * scale).toSize(), QImage::Format_RGB32);
        image.fill(Qt::white);
        {
            QPainter p(&image);
            paintPicture(p, scene, legend, legendBox, scale);
        }
        if (!image.save(&out, "PNG"))
            return fail(QObject::tr("%1: cannot encode the picture").arg(path));
    }
    if (!out.commit())
        return fail(QObject::tr("%1: cannot write (%2)").arg(path, out.errorString()));
    return true;
}

} // namespace ql::widgets
