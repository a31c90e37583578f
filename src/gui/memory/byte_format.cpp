// Byte-size formatting with IEC units and locale-aware numbers.
#include "gui/memory/byte_format.h"

#include <array>
#include <cmath>

namespace codescout::gui {

ByteUnit byteUnitFor(std::uint64_t bytes) {
    static const std::array<const char*, 5> symbols{"B", "KiB", "MiB", "GiB", "TiB"};
    std::uint64_t factor = 1;
    std::size_t index = 0;
    while (index + 1 < symbols.size() && bytes / factor >= 1024) {
        factor *= 1024;
        ++index;
    }
    return ByteUnit{factor, QString::fromLatin1(symbols[index])};
}

QString formatInUnit(double value, const ByteUnit& unit, const QLocale& locale) {
    // Whole numbers and large values need no decimals; "1.5 MiB" does.
    const bool whole = std::abs(value - std::round(value)) < 0.05;
    const int decimals = (whole || value >= 100.0 || unit.factor == 1) ? 0 : 1;
    return locale.toString(value, 'f', decimals) + QChar::Nbsp + unit.symbol;
}

QString formatBytes(std::uint64_t bytes, const QLocale& locale) {
    const ByteUnit unit = byteUnitFor(bytes);
    return formatInUnit(static_cast<double>(bytes) / static_cast<double>(unit.factor), unit, locale);
}

}  // namespace codescout::gui
