// Component-wise, code-point-ordered path comparison (see results_order.h).
#include "gui/results/results_order.h"

namespace codescout::gui {

namespace {

// UTF-16 code units reordered so that comparing them compares code points (UTF-8 byte order):
// surrogates (U+D800..DFFF, standing for code points above U+FFFF) must sort after U+E000..FFFF.
char16_t codePointRank(char16_t unit)
{
    if (unit >= 0xE000)
        return static_cast<char16_t>(unit - 0x800);
    if (unit >= 0xD800)
        return static_cast<char16_t>(unit + 0x2000);
    return unit;
}

// <0, 0, >0 as `a` sorts before, with, after `b`.
int compareComponent(QStringView a, QStringView b)
{
    const qsizetype common = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < common; ++i) {
        const char16_t x = codePointRank(a[i].unicode());
        const char16_t y = codePointRank(b[i].unicode());
        if (x != y)
            return x < y ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

}  // namespace

bool pathLess(QStringView a, QStringView b)
{
    const QChar slash(QLatin1Char('/'));
    while (!a.isEmpty() && !b.isEmpty()) {
        const qsizetype slashA = a.indexOf(slash);
        const qsizetype slashB = b.indexOf(slash);
        const int order = compareComponent(slashA < 0 ? a : a.left(slashA), slashB < 0 ? b : b.left(slashB));
        if (order != 0)
            return order < 0;
        // A path that ends here is a prefix of the other one: it sorts first.
        if (slashA < 0 || slashB < 0)
            return slashA < 0 && slashB >= 0;
        a = a.mid(slashA + 1);
        b = b.mid(slashB + 1);
    }
    return a.isEmpty() && !b.isEmpty();
}

}  // namespace codescout::gui
