// SPDX-License-Identifier: MIT
// The one chart style of QuantLens: the application's charts, their exports and the report's SVG charts take
// their colours and fonts from here. Colours come from Okabe and Ito's colour-blind-safe palette and keep one
// meaning everywhere (the float model blue, the quantized one orange, error reddish purple, a limit vermillion;
// verdicts bluish green / orange / vermillion). Qt Gui only, so that the report and the CLI use it too.
#pragma once

#include <QColor>
#include <QFont>
#include <QString>

namespace ql::style {

// The palette in order: blue, orange, bluish green, vermillion, reddish purple, sky blue, yellow, black. Series
// without a fixed meaning take these by index.
QColor seriesColor(int i);
constexpr int kSeriesColors = 8;

enum class Role {
    Float, // the float model, float values
    Quantized, // the quantized model, quantized values
    Error, // quantization error
    Limit, // a bound crossed or to respect: clipping range, a budget, the device's RAM
    Neutral, // rules, reference lines, secondary text
};
QColor roleColor(Role r);

// `c` with the given opacity (0-255), for fills under lines and overlapping bars.
QColor withAlpha(QColor c, int alpha);

enum class Verdict { Good, Suspect, Bad, None };
QColor verdictColor(Verdict v);
// "good", "suspect", "bad" (anything else: None).
Verdict verdictFromName(const QString& name);

// Fonts: one family list and three sizes (pixels) for titles, axis titles and legends, and tick labels.
QString fontFamilies(); // CSS / SVG font-family value
constexpr int kTitlePx = 14, kLabelPx = 12, kTickPx = 10;
enum class Text { Title, Label, Tick };
QFont font(Text t);

} // namespace ql::style
