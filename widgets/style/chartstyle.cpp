// SPDX-License-Identifier: MIT
#include "style/chartstyle.h"

#include <QStringList>

#include <cstdlib>

namespace ql::style {

QColor seriesColor(int i)
{
    static const QRgb k[kSeriesColors] = {
        0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0xCC79A7, 0x56B4E9, 0xF0E442, 0x000000};
    return QColor::fromRgb(k[std::abs(i) % kSeriesColors]);
}

QColor roleColor(Role r)
{
    switch (r) {
    case Role::Float: return seriesColor(0);
    case Role::Quantized: return seriesColor(1);
    case Role::Error: return seriesColor(4);
    case Role::Limit: return seriesColor(3);
    case Role::Neutral: break;
    }
    return QColor::fromRgb(0x555555);
}

QColor withAlpha(QColor c, int alpha)
{
    c.setAlpha(alpha);
    return c;
}

QColor verdictColor(Verdict v)
{
    switch (v) {
    case Verdict::Good: return seriesColor(2);
    case Verdict::Suspect: return seriesColor(1);
    case Verdict::Bad: return seriesColor(3);
    case Verdict::None: break;
    }
    return QColor::fromRgb(0x999999);
}

Verdict verdictFromName(const QString& name)
{
    if (name == QLatin1String("good"))
        return Verdict::Good;
    if (name == QLatin1String("suspect"))
        return Verdict::Suspect;
    if (name == QLatin1String("bad"))
        return Verdict::Bad;
    return Verdict::None;
}

QString fontFamilies()
{
    return QStringLiteral("'DejaVu Sans', 'Liberation Sans', Arial, sans-serif");
}

QFont font(Text t)
{
    QFont f;
    f.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Liberation Sans"), QStringLiteral("Arial")});
    f.setStyleHint(QFont::SansSerif);
    f.setPixelSize(t == Text::Title ? kTitlePx : t == Text::Label ? kLabelPx : kTickPx);
    if (t == Text::Title)
        f.setBold(true);
    return f;
}

} // namespace ql::style
