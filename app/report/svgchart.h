// SPDX-License-Identifier: MIT
// Report charts as inline SVG text: bar charts (grouped, or coloured per bar), a scatter plot, a heat map
// and overlaid histograms. One style for all of them, the application's (style/chartstyle.h): the same fonts and
// sizes, a colour-blind-safe palette (Okabe and Ito) with one meaning per colour, units in every axis title, and legends in a row of their own
// above the plot, where they never cover data. Vector output, no external references.
#pragma once

#include "style/chartstyle.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace ql::report {

// Fonts and sizes from the application's chart style (widgets/style/chartstyle.h).
struct ChartStyle {
    QString font = style::fontFamilies();
    int titleSize = style::kTitlePx, labelSize = style::kLabelPx, tickSize = style::kTickPx;
    int width = 760, height = 320;
};

// The chart style's colours as SVG colours ("#0072B2"): a series by index, a verdict by name ("good", "suspect",
// "bad"), a role (float, quantized, error, limit, neutral).
QString paletteColor(int i);
QString verdictColor(const QString& verdict);
QString svgRoleColor(style::Role r);

struct Series {
    QString name;
    std::vector<double> values; // NaN: no bar / no value
    QString color; // empty: the palette's, by series index
};

struct Rule { // a horizontal line across the plot (a threshold)
    double y = 0;
    QString label;
    QString color = svgRoleColor(style::Role::Neutral);
};

struct BarChart {
    QString title, xTitle, yTitle; // axis titles carry the unit: "weight SQNR (dB)"
    QStringList categories;
    std::vector<Series> series; // one group of bars per category
    QStringList barColors; // one series only: a colour per bar (verdicts), overriding the series colour
    std::vector<Rule> rules;
    double yMin = 0; // the axis starts here (or lower if a value is)
};

struct ScatterPoint {
    double x = 0, y = 0;
    QString label;
};

struct ScatterChart {
    QString title, xTitle, yTitle;
    std::vector<ScatterPoint> points;
};

struct HeatMap {
    QString title, xTitle, yTitle;
    QStringList labels; // rows and columns
    std::vector<std::vector<double>> cells; // [row][column]
};

struct HistogramChart {
    QString title, xTitle, yTitle;
    double lo = 0, hi = 1; // the bins split [lo, hi] evenly
    std::vector<Series> series; // counts per bin, overlaid as steps
};

QString barChartSvg(const BarChart& c, const ChartStyle& s = {});
QString scatterSvg(const ScatterChart& c, const ChartStyle& s = {});
QString heatMapSvg(const HeatMap& c, const ChartStyle& s = {});
QString histogramSvg(const HistogramChart& c, const ChartStyle& s = {});

// Text escaped for XML content and attribute values.
QString xmlEscaped(const QString& text);

} // namespace ql::report
