// SPDX-License-Identifier: MIT
#include "style/plotstyle.h"

#include "style/chartstyle.h"

#include <qcustomplot.h>

#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSvgGenerator>

#include <filesystem>

namespace ql::widgets {

bool exportPlot(QCustomPlot* p, const QString& path, const QString& title, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    constexpr int w = 900, h = 540; // report size: 15 x 9 cm at 150 dpi
    // On screen some charts skip antialiasing to stay responsive; a report gets smooth lines.
    const QCP::AntialiasedElements screenOff = p->notAntialiasedElements();
    p->setNotAntialiasedElements(QCP::aeNone);
    struct Restore {
        QCustomPlot* plot;
        QCP::AntialiasedElements off;
        ~Restore() { plot->setNotAntialiasedElements(off); }
    } restore{p, screenOff};
    auto fail = [&](const QString& msg) {
        if (error)
            *error = msg;
        return false;
    };
    if (suffix == QLatin1String("svg")) {
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            return fail(QObject::tr("%1: cannot write (%2)").arg(path, out.errorString()));
        QSvgGenerator gen;
        gen.setOutputDevice(&out);
        gen.setSize(QSize(w, h));
        gen.setViewBox(QRect(0, 0, w, h));
        gen.setTitle(title);
        QCPPainter painter;
        painter.begin(&gen);
        p->toPainter(&painter, w, h);
        painter.end();
        if (!out.commit())
            return fail(QObject::tr("%1: cannot write (%2)").arg(path, out.errorString()));
        return true;
    }
    if (suffix != QLatin1String("png") && suffix != QLatin1String("pdf"))
        return fail(QObject::tr("%1: choose a .png, .svg or .pdf file").arg(path));
    // QCustomPlot writes the file itself: a temporary one next to it, then an atomic rename over the target.
    const QString tmp = path + QStringLiteral(".part");
    const bool ok = suffix == QLatin1String("png") ? p->savePng(tmp, w, h, 2.0) : p->savePdf(tmp, w, h);
    if (!ok) {
        QFile::remove(tmp);
        return fail(QObject::tr("%1: cannot write").arg(path));
    }
    std::error_code ec;
    std::filesystem::rename(tmp.toStdString(), path.toStdString(), ec);
    if (ec) {
        QFile::remove(tmp);
        return fail(QObject::tr("%1: cannot replace the file (%2)").arg(path, QString::fromStdString(ec.message())));
    }
    return true;
}

void stylePlot(QCustomPlot* p, const QPalette& pal)
{
    p->setBackground(pal.color(QPalette::Base));
    p->setNoAntialiasingOnDrag(true); // dragging and zooming stay fluid on big histograms
    for (QCPAxis* a : {p->xAxis, p->yAxis, p->xAxis2, p->yAxis2}) {
        a->setBasePen(QPen(pal.color(QPalette::Text)));
        a->setTickPen(QPen(pal.color(QPalette::Text)));
        a->setSubTickPen(QPen(pal.color(QPalette::Text)));
        a->setTickLabelColor(pal.color(QPalette::Text));
        a->setLabelColor(pal.color(QPalette::Text));
        a->setLabelFont(style::font(style::Text::Label));
        a->setTickLabelFont(style::font(style::Text::Tick));
    }
    p->legend->setFont(style::font(style::Text::Label));
    p->legend->setTextColor(pal.color(QPalette::Text));
    p->legend->setBrush(QBrush(pal.color(QPalette::Base)));
}

void legendAbove(QCustomPlot* p, bool oneColumn)
{
    if (p->legend->layout() != p->axisRect()->insetLayout())
        return; // placed already
    p->axisRect()->insetLayout()->take(p->legend);
    p->plotLayout()->insertRow(0);
    p->plotLayout()->addElement(0, 0, p->legend);
    p->legend->setFillOrder(oneColumn ? QCPLegend::foRowsFirst : QCPLegend::foColumnsFirst);
    p->legend->setBorderPen(Qt::NoPen);
    p->plotLayout()->setRowStretchFactor(0, 0.001);
}

void installChartMenu(QCustomPlot* plot, const QString& title)
{
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(plot, &QWidget::customContextMenuRequested, plot, [plot, title](const QPoint& at) {
        QMenu menu(plot);
        menu.addAction(QObject::tr("Export chart…"), plot, [plot, title] {
            QString filter;
            const QString path =
                QFileDialog::getSaveFileName(plot, QObject::tr("Export chart"), title + QStringLiteral(".png"),
                    QObject::tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"), &filter);
            if (path.isEmpty())
                return;
            QString error;
            if (!exportPlot(plot, path, title, &error))
                QMessageBox::warning(plot, QObject::tr("Cannot export the chart"), error);
        });
        menu.addAction(QObject::tr("Copy to clipboard"), plot,
            [plot] { QGuiApplication::clipboard()->setPixmap(plot->toPixmap(900, 540, 2.0)); });
        menu.exec(plot->mapToGlobal(at));
    });
}

} // namespace ql::widgets
