// Byte sizes for people: "0 B", "512 KiB", "1.5 MiB", "812 MiB", in the given locale (decimal
// separator), with IEC binary units. Shared by the chart axes, the alerts and the summary.
#pragma once

#include <QLocale>
#include <QString>

#include <cstdint>

namespace codescout::gui {

// The largest power of 1024 (B, KiB, MiB, GiB, TiB) not above `bytes` (B for 0).
struct ByteUnit {
    std::uint64_t factor = 1;
    QString symbol;  // "B", "KiB", ...
};
ByteUnit byteUnitFor(std::uint64_t bytes);

// One decimal below 100 units unless the value is whole ("1.5 MiB", "64 KiB", "812 MiB").
QString formatBytes(std::uint64_t bytes, const QLocale& locale = QLocale());

// A value already expressed in `unit` (e.g. 2.5 with MiB -> "2.5 MiB").
QString formatInUnit(double value, const ByteUnit& unit, const QLocale& locale = QLocale());

}  // namespace codescout::gui
