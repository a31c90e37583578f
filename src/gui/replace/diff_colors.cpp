// DiffColors::forTheme (see the header).
#include "gui/replace/diff_colors.h"

#include <KSyntaxHighlighting/Theme>

namespace codescout::gui {

namespace {

QColor mix(const QColor& base, const QColor& tint, double amount)
{
    const auto channel = [amount](int a, int b) { return static_cast<int>(a + (b - a) * amount + 0.5); };
    return QColor(channel(base.red(), tint.red()), channel(base.green(), tint.green()), channel(base.blue(), tint.blue()));
}

}  // namespace

DiffColors DiffColors::forTheme(const KSyntaxHighlighting::Theme& theme, const QPalette& palette)
{
    using KSyntaxHighlighting::Theme;
    const QColor red(0xe5, 0x39, 0x35);
    const QColor green(0x2e, 0xa0, 0x43);
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    // A dark background needs more of the hue for the same visible tint.
    const bool dark = base.lightness() < 128;
    const double line = dark ? 0.22 : 0.14;
    const double change = dark ? 0.48 : 0.36;
    DiffColors colors;
    colors.removedLine = mix(base, red, line);
    colors.addedLine = mix(base, green, line);
    colors.removedChange = mix(base, red, change);
    colors.addedChange = mix(base, green, change);
    colors.headerBackground = mix(base, palette.color(QPalette::Highlight), dark ? 0.25 : 0.12);
    colors.fileHeaderText = text;
    const auto themed = [&theme, &text](Theme::TextStyle style) {
        return theme.isValid() ? QColor::fromRgba(theme.textColor(style)) : text;
    };
    colors.hunkHeaderText = themed(Theme::Function);
    colors.noteText = themed(Theme::Comment);
    colors.filler = QBrush(mix(base, text, 0.18), Qt::BDiagPattern);
    return colors;
}

}  // namespace codescout::gui
