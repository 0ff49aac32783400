// SPDX-License-Identifier: MIT
// Build-time helper: renders the scalable application icon to a square PNG of the given size (the
// hicolor theme wants bitmaps next to the SVG). Usage: quantlens_render_icon ICON.svg OUT.png SIZE
#include <QImage>
#include <QPainter>
#include <QString>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: quantlens_render_icon ICON.svg OUT.png SIZE\n");
        return 2;
    }
    const int size = QString::fromLocal8Bit(argv[3]).toInt();
    QSvgRenderer svg(QString::fromLocal8Bit(argv[1]));
    if (!svg.isValid() || size < 8 || size > 1024) {
        std::fprintf(stderr, "quantlens_render_icon: cannot render %s at %d px\n", argv[1], size);
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter);
    painter.end();
    if (!image.save(QString::fromLocal8Bit(argv[2]))) {
        std::fprintf(stderr, "quantlens_render_icon: cannot write %s\n", argv[2]);
        return 1;
    }
    return 0;
}
