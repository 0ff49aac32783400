// SPDX-License-Identifier: MIT
// What every QCustomPlot chart of the application shares: the chart style's fonts (style/chartstyle.h), the
// palette's colours behind and on the axes (so dark palettes work), the legend in a row of its own above the
// plot, where it never covers data, and the right-click menu that exports the chart for a report.
#pragma once

#include <QString>

class QCustomPlot;
class QPalette;

namespace ql::widgets {

// The look every chart shares: the palette's base colour behind, its text colour for axes, labels and legend,
// and the chart style's fonts for axis titles, tick labels and the legend.
void stylePlot(QCustomPlot* plot, const QPalette& palette);

// Moves the legend out of the plot into a row of its own above it (`oneColumn`: one entry per line, for long
// names; else side by side).
void legendAbove(QCustomPlot* plot, bool oneColumn = false);

// Writes a QCustomPlot as .png / .svg / .pdf (by suffix) through a temporary file.
bool exportPlot(QCustomPlot* plot, const QString& path, const QString& title, QString* error);

// A right-click menu on a chart: export as PNG / SVG / PDF (sized for a report) and copy to the clipboard.
void installChartMenu(QCustomPlot* plot, const QString& title);

} // namespace ql::widgets
