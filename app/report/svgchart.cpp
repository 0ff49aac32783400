// SPDX-License-Identifier: MIT
#include "report/svgchart.h"

#include "style/chartstyle.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ql::report {

namespace {

QString num(double v)
{
    return QString::number(v, 'f', 1);
}

// Steps of 1, 2 or 5 times a power of ten, about `count` of them over [lo, hi].
std::vector<double> ticks(double lo, double hi, int count)
{
    std::vector<double> t;
    if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi))
        return t;
    const double raw = (hi - lo) / std::max(count, 1);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = mag;
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * mag >= raw) {
            step = m * mag;
            break;
        }
    for (double v = std::ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
        t.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
    return t;
}

QString tickText(double v)
{
    return QString::number(v, 'g', 6);
}

struct LegendEntry {
    QString name, color;
    bool dashed = false; // a rule (threshold line), not a series
};

// The frame every chart shares: title, legend row, plot area, axes titles.
struct Frame {
    const ChartStyle& s;
    double left = 64, right = 16, top = 0, bottom = 0;
    QString out;

    Frame(const ChartStyle& style, const QString& title, const std::vector<LegendEntry>& legend, double bottomSpace)
        : s(style)
    {
        top = 12 + s.titleSize + (legend.empty() ? 8 : 8 + s.labelSize + 10);
        bottom = bottomSpace;
        out +=
            QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" viewBox=\"0 0 %1 %2\" "
                           "font-family=\"%3\" role=\"img\">")
                .arg(s.width)
                .arg(s.height)
                .arg(xmlEscaped(s.font));
        out += QStringLiteral("<title>%1</title>").arg(xmlEscaped(title));
        out += QStringLiteral("<rect width=\"%1\" height=\"%2\" fill=\"#ffffff\"/>").arg(s.width).arg(s.height);
        out += QStringLiteral(
            "<text x=\"%1\" y=\"%2\" font-size=\"%3\" font-weight=\"bold\" text-anchor=\"middle\">%4</text>")
                   .arg(num(s.width / 2.0), num(8 + s.titleSize))
                   .arg(s.titleSize)
                   .arg(xmlEscaped(title));
        double x = left;
        const double y = 8 + s.titleSize + 8 + s.labelSize;
        for (const auto& [name, color, dashed] : legend) {
            if (dashed)
                out += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"%4\" "
                                      "stroke-dasharray=\"6 4\" stroke-width=\"1.5\"/>")
                           .arg(num(x), num(y - 5), num(x + 12), color);
            else
                out += QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"12\" height=\"12\" fill=\"%3\"/>")
                           .arg(num(x), num(y - 11), color);
            out += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3\">%4</text>")
                       .arg(num(x + 16), num(y))
                       .arg(s.labelSize)
                       .arg(xmlEscaped(name));
            x += 16 + 0.62 * s.labelSize * name.size() + 18;
        }
    }
    double plotW() const { return s.width - left - right; }
    double plotH() const { return s.height - top - bottom; }

    // The y axis with its grid, over [lo, hi]; returns the mapping of a value to a y coordinate.
    void yAxis(double lo, double hi, const QString& titleText)
    {
        for (double t : ticks(lo, hi, 5)) {
            const double y = yOf(t, lo, hi);
            out += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#e0e0e0\"/>")
                       .arg(num(left), num(y), num(left + plotW()));
            out += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3\" text-anchor=\"end\">%4</text>")
                       .arg(num(left - 4), num(y + s.tickSize / 3.0))
                       .arg(s.tickSize)
                       .arg(tickText(t));
        }
        out += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"#333333\"/>")
                   .arg(num(left), num(top), num(top + plotH()));
        out += QStringLiteral(
            "<text transform=\"translate(%1,%2) rotate(-90)\" font-size=\"%3\" text-anchor=\"middle\">%4</text>")
                   .arg(num(14), num(top + plotH() / 2))
                   .arg(s.labelSize)
                   .arg(xmlEscaped(titleText));
    }
    double yOf(double v, double lo, double hi) const { return top + plotH() * (1 - (v - lo) / (hi - lo)); }
    // Numeric tick labels under the plot, for x(v) the position of value v over [lo, hi].
    template <class X> void xTicks(double lo, double hi, const X& x)
    {
        for (double t : ticks(lo, hi, 6))
            out += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3\" text-anchor=\"middle\">%4</text>")
                       .arg(num(x(t)), num(top + plotH() + s.tickSize + 4))
                       .arg(s.tickSize)
                       .arg(tickText(t));
    }
    void xTitle(const QString& titleText)
    {
        out += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#333333\"/>")
                   .arg(num(left), num(top + plotH()), num(left + plotW()));
        out += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3\" text-anchor=\"middle\">%4</text>")
                   .arg(num(left + plotW() / 2), num(s.height - 6))
                   .arg(s.labelSize)
                   .arg(xmlEscaped(titleText));
    }
    QString done() { return out + QStringLiteral("</svg>"); }
};

// A series' own colour, else the palette's by its index.
QString seriesColor(const Series& se, std::size_t k)
{
    return se.color.isEmpty() ? paletteColor(static_cast<int>(k)) : se.color;
}

std::pair<double, double> span(const std::vector<double>& v, double lo, double hi)
{
    for (double x : v)
        if (std::isfinite(x)) {
            lo = std::min(lo, x);
            hi = std::max(hi, x);
        }
    if (!(hi > lo))
        hi = lo + 1;
    return {lo, hi + (hi - lo) * 0.05};
}

} // namespace

QString paletteColor(int i)
{
    return style::seriesColor(i).name().toUpper();
}

QString verdictColor(const QString& verdict)
{
    return style::verdictColor(style::verdictFromName(verdict)).name().toUpper();
}

QString svgRoleColor(style::Role r)
{
    return style::roleColor(r).name().toUpper();
}

QString xmlEscaped(const QString& text)
{
    QString r = text.toHtmlEscaped();
    r.replace(QLatin1Char('\''), QStringLiteral("&#39;"));
    return r;
}

QString barChartSvg(const BarChart& c, const ChartStyle& s)
{
    std::vector<LegendEntry> legend;
    if (c.series.size() > 1 || (c.barColors.isEmpty() && c.series.size() == 1 && !c.series[0].name.isEmpty()))
        for (std::size_t k = 0; k < c.series.size(); ++k)
            legend.push_back({c.series[k].name, seriesColor(c.series[k], k)});
    for (const auto& r : c.rules) // rule labels in the legend row: over the plot they would cover bars
        legend.push_back({r.label, r.color, true});
    const bool slanted = c.categories.size() > 8;
    qsizetype longest = 0;
    for (const auto& cat : c.categories)
        longest = std::max(longest, cat.size());
    const double labelSpace =
        slanted ? std::min(110.0, 0.45 * s.tickSize * static_cast<double>(longest) + 12) : s.tickSize + 8;
    Frame f(s, c.title, legend, labelSpace + s.labelSize + 14);
    std::vector<double> all;
    for (const auto& se : c.series)
        all.insert(all.end(), se.values.begin(), se.values.end());
    for (const auto& r : c.rules)
        all.push_back(r.y);
    auto [lo, hi] = span(all, c.yMin, c.yMin);
    f.yAxis(lo, hi, c.yTitle);
    const auto n = static_cast<double>(std::max<qsizetype>(c.categories.size(), 1));
    const double slot = f.plotW() / n;
    const auto groups = static_cast<double>(std::max<std::size_t>(c.series.size(), 1));
    const double bar = std::max(1.0, slot * 0.8 / groups);
    const double base = f.yOf(std::max(lo, std::min(0.0, hi)), lo, hi);
    for (std::size_t k = 0; k < c.series.size(); ++k) {
        const auto& se = c.series[k];
        for (std::size_t i = 0; i < se.values.size() && i < static_cast<std::size_t>(c.categories.size()); ++i) {
            const double v = se.values[i];
            if (!std::isfinite(v))
                continue;
            const double y = f.yOf(v, lo, hi);
            const QString color = c.series.size() == 1 && i < static_cast<std::size_t>(c.barColors.size())
                ? c.barColors[static_cast<qsizetype>(i)]
                : seriesColor(se, k);
            f.out += QStringLiteral(
                "<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"><title>%6</title></rect>")
                         .arg(num(f.left + slot * static_cast<double>(i) + slot * 0.1 + bar * static_cast<double>(k)),
                             num(std::min(y, base)), num(bar), num(std::abs(base - y)), color,
                             xmlEscaped(c.categories[static_cast<qsizetype>(i)] + QStringLiteral(": ") +
                                 QString::number(v, 'g', 4)));
        }
    }
    for (const auto& r : c.rules) {
        const double y = f.yOf(r.y, lo, hi);
        f.out +=
            QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"%4\" stroke-dasharray=\"6 4\"/>")
                .arg(num(f.left), num(y), num(f.left + f.plotW()), r.color);
    }
    for (qsizetype i = 0; i < c.categories.size(); ++i) {
        const double x = f.left + slot * (static_cast<double>(i) + 0.5);
        const double y = f.top + f.plotH() + s.tickSize + 4;
        if (slanted)
            f.out += QStringLiteral(
                "<text transform=\"translate(%1,%2) rotate(-45)\" font-size=\"%3\" text-anchor=\"end\">%4</text>")
                         .arg(num(x), num(y))
                         .arg(s.tickSize)
                         .arg(xmlEscaped(c.categories[i]));
        else
            f.out += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3\" text-anchor=\"middle\">%4</text>")
                         .arg(num(x), num(y))
                         .arg(s.tickSize)
                         .arg(xmlEscaped(c.categories[i]));
    }
    f.xTitle(c.xTitle);
    return f.done();
}

QString scatterSvg(const ScatterChart& c, const ChartStyle& s)
{
    Frame f(s, c.title, {}, s.tickSize + s.labelSize + 22);
    std::vector<double> xs, ys;
    for (const auto& p : c.points) {
        xs.push_back(p.x);
        ys.push_back(p.y);
    }
    auto [ylo, yhi] = span(ys, ys.empty() ? 0 : *std::min_element(ys.begin(), ys.end()), 0);
    ylo -= (yhi - ylo) * 0.1;
    auto [xlo, xhi] = span(xs, 0, 0);
    f.yAxis(ylo, yhi, c.yTitle);
    auto xOf = [&](double v) { return f.left + f.plotW() * (v - xlo) / (xhi - xlo); };
    f.xTicks(xlo, xhi, xOf);
    for (std::size_t i = 0; i < c.points.size(); ++i) {
        const auto& p = c.points[i];
        const double x = xOf(p.x), y = f.yOf(p.y, ylo, yhi);
        f.out += QStringLiteral("<circle cx=\"%1\" cy=\"%2\" r=\"5\" fill=\"%3\"><title>%4</title></circle>")
                     .arg(num(x), num(y), paletteColor(static_cast<int>(i)), xmlEscaped(p.label));
        f.out += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3\">%4</text>")
                     .arg(num(x + 7), num(y - 6))
                     .arg(s.tickSize)
                     .arg(xmlEscaped(p.label));
    }
    f.xTitle(c.xTitle);
    return f.done();
}

QString heatMapSvg(const HeatMap& c, const ChartStyle& style)
{
    ChartStyle s = style;
    const auto n = static_cast<double>(std::max<qsizetype>(c.labels.size(), 1));
    s.height = s.width = std::min(style.width, 520);
    Frame f(s, c.title, {}, 90);
    f.left = 110;
    const double cell = std::min(f.plotW(), f.plotH()) / n;
    double maxV = 0;
    for (const auto& row : c.cells)
        for (double v : row)
            maxV = std::max(maxV, v);
    for (std::size_t r = 0; r < c.cells.size(); ++r)
        for (std::size_t k = 0; k < c.cells[r].size(); ++k) {
            const double v = c.cells[r][k];
            const double t = maxV > 0 ? v / maxV : 0; // white to Okabe-Ito blue
            const int red = static_cast<int>(255 - t * (255 - 0x00)), green = static_cast<int>(255 - t * (255 - 0x72)),
                      blue = static_cast<int>(255 - t * (255 - 0xB2));
            const double x = f.left + cell * static_cast<double>(k), y = f.top + cell * static_cast<double>(r);
            f.out += QStringLiteral(
                "<rect x=\"%1\" y=\"%2\" width=\"%3\" height=\"%3\" fill=\"rgb(%4,%5,%6)\" stroke=\"#ffffff\"/>")
                         .arg(num(x), num(y), num(cell))
                         .arg(red)
                         .arg(green)
                         .arg(blue);
            if (cell >= 18)
                f.out += QStringLiteral(
                    "<text x=\"%1\" y=\"%2\" font-size=\"%3\" text-anchor=\"middle\" fill=\"%4\">%5</text>")
                             .arg(num(x + cell / 2), num(y + cell / 2 + s.tickSize / 3.0))
                             .arg(std::min<double>(s.tickSize, cell / 3))
                             .arg(t > 0.5 ? QStringLiteral("#ffffff") : QStringLiteral("#000000"))
                             .arg(QString::number(v, 'g', 6));
        }
    for (qsizetype i = 0; i < c.labels.size(); ++i) {
        f.out += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3\" text-anchor=\"end\">%4</text>")
                     .arg(num(f.left - 4), num(f.top + cell * (static_cast<double>(i) + 0.5) + s.tickSize / 3.0))
                     .arg(s.tickSize)
                     .arg(xmlEscaped(c.labels[i]));
        f.out += QStringLiteral(
            "<text transform=\"translate(%1,%2) rotate(-45)\" font-size=\"%3\" text-anchor=\"end\">%4</text>")
                     .arg(num(f.left + cell * (static_cast<double>(i) + 0.5)), num(f.top + cell * n + s.tickSize + 2))
                     .arg(s.tickSize)
                     .arg(xmlEscaped(c.labels[i]));
    }
    f.out += QStringLiteral(
        "<text transform=\"translate(%1,%2) rotate(-90)\" font-size=\"%3\" text-anchor=\"middle\">%4</text>")
                 .arg(num(14), num(f.top + cell * n / 2))
                 .arg(s.labelSize)
                 .arg(xmlEscaped(c.yTitle));
    f.out += QStringLiteral("<text x=\"%1\" y=\"%2\" font-size=\"%3\" text-anchor=\"middle\">%4</text>")
                 .arg(num(f.left + cell * n / 2), num(s.height - 6))
                 .arg(s.labelSize)
                 .arg(xmlEscaped(c.xTitle));
    return f.done();
}

QString histogramSvg(const HistogramChart& c, const ChartStyle& s)
{
    std::vector<LegendEntry> legend;
    for (std::size_t k = 0; k < c.series.size(); ++k)
        legend.push_back({c.series[k].name, seriesColor(c.series[k], k)});
    Frame f(s, c.title, legend, s.tickSize + s.labelSize + 22);
    std::vector<double> all;
    for (const auto& se : c.series)
        all.insert(all.end(), se.values.begin(), se.values.end());
    auto [lo, hi] = span(all, 0, 0);
    f.yAxis(lo, hi, c.yTitle);
    const double xlo = c.lo, xhi = c.hi > c.lo ? c.hi : c.lo + 1;
    auto xOf = [&](double v) { return f.left + f.plotW() * (v - xlo) / (xhi - xlo); };
    f.xTicks(xlo, xhi, xOf);
    for (std::size_t k = 0; k < c.series.size(); ++k) {
        const auto& v = c.series[k].values;
        if (v.empty())
            continue;
        const double w = (xhi - xlo) / static_cast<double>(v.size());
        QString path = QStringLiteral("M%1,%2").arg(num(xOf(xlo)), num(f.yOf(0, lo, hi)));
        for (std::size_t i = 0; i < v.size(); ++i) {
            const double y = f.yOf(std::isfinite(v[i]) ? v[i] : 0, lo, hi);
            path += QStringLiteral(" L%1,%2 L%3,%2")
                        .arg(num(xOf(xlo + w * static_cast<double>(i))), num(y),
                            num(xOf(xlo + w * static_cast<double>(i + 1))));
        }
        path += QStringLiteral(" L%1,%2").arg(num(xOf(xhi)), num(f.yOf(0, lo, hi)));
        const QString color = seriesColor(c.series[k], k);
        f.out += QStringLiteral("<path d=\"%1\" fill=\"none\" stroke=\"%2\" stroke-width=\"1.5\"/>").arg(path, color);
    }
    f.xTitle(c.xTitle);
    return f.done();
}

} // namespace ql::report
