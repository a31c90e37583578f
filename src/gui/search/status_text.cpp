// Formatting of search progress and summaries.
#include "gui/search/status_text.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace codescout::gui {

// The strings of this file are translated under the context "StatusText", spelled out at each
// call: lupdate only extracts a string whose context it sees at the call, so a tr() helper taking
// the text as a parameter would leave them all untranslated.

namespace {

QString number(std::uint64_t value)
{
    return QLocale().toString(static_cast<qulonglong>(value));
}

// Qt's plural forms take an int; a count beyond it is shown in INT_MAX's plural form.
int clampedCount(std::uint64_t value)
{
    return static_cast<int>(std::min<std::uint64_t>(value, std::numeric_limits<int>::max()));
}

QString seconds(double s)
{
    return QLocale().toString(s, 'f', s < 10 ? 2 : 1);
}

// Of the bytes read: files an index proved cannot match count as searched, but were never read.
QString throughput(std::uint64_t bytes, double elapsedSeconds)
{
    const double mbPerSecond = elapsedSeconds > 0 ? bytes / 1e6 / elapsedSeconds : 0.0;
    return QLocale().toString(mbPerSecond, 'f', 1);
}

}  // namespace

QString progressLine(const SearchProgress& progress, qint64 elapsedMs)
{
    const double elapsed = elapsedMs / 1000.0;
    return QCoreApplication::translate("StatusText",
                                       "Searching… %1 files, %2 matches, %3 MB/s, %4 s")
        .arg(number(progress.files_searched), number(progress.matches),
             throughput(progress.bytes_read, elapsed), seconds(elapsed));
}

QString matchCountText(std::uint64_t matches)
{
    return QCoreApplication::translate("StatusText", "%Ln matches", nullptr, clampedCount(matches));
}

QString fileCountText(std::uint64_t files)
{
    return QCoreApplication::translate("StatusText", "%Ln files", nullptr, clampedCount(files));
}

QString finishedLine(const SearchSummary& summary)
{
    const double elapsed = std::chrono::duration<double>(summary.elapsed).count();
    // The counts are plurals of their own ("1 match", "2 Treffer"), then placed in the sentence.
    const QString counts =
        QCoreApplication::translate("StatusText", "%1 in %2 (%3 searched, %4 MB/s) in %5 s",
                                    "%1: the number of matches, %2: the number of files")
            .arg(matchCountText(summary.matches), fileCountText(summary.files_matched),
                 number(summary.files_searched), throughput(summary.bytes_read, elapsed),
                 seconds(elapsed));
    return summary.cancelled
               ? QCoreApplication::translate("StatusText", "Cancelled: %1").arg(counts)
               : counts;
}

QString summaryText(const SearchSummary& summary, std::uint64_t droppedMatches,
                    const QStringList& errors)
{
    // The seed's stats block (format_stats_block in core, as the CLI prints it), in the user's
    // language and digit grouping.
    const MetricsSnapshot& m = summary.metrics;
    QString text = QCoreApplication::translate("StatusText",
                                               "Memory usage stats:\n"
                                               "Total allocated: %1 bytes\n"
                                               "Peak allocated: %2 bytes\n"
                                               "Memory mapped: %3 bytes\n"
                                               "Cache size: %4 bytes\n"
                                               "Cache hits/misses: %5/%6\n"
                                               "Files processed (small/buffered/mmap): %7/%8/%9\n")
                       .arg(number(m.total_allocated), number(m.peak_allocated),
                            number(m.mmap_allocated), number(m.cache_size), number(m.cache_hits),
                            number(m.cache_misses), number(m.small_files_processed),
                            number(m.buffered_files_processed), number(m.mmap_files_processed));
    const SkipCounts& s = summary.skipped;
    text += QCoreApplication::translate("StatusText",
                                        "Skipped: %1 ignored, %2 hidden, %3 binary, %4 too large, "
                                        "%5 unreadable, %6 special\n")
                .arg(number(s.ignored), number(s.hidden), number(s.binary), number(s.too_large),
                     number(s.errors), number(s.special));
    if (droppedMatches > 0)
        text += QCoreApplication::translate("StatusText",
                                            "%1 more matches were found but not listed: the result "
                                            "limit (Settings) was reached.\n")
                    .arg(number(droppedMatches));
    for (const QString& error : errors)
        text += error + QLatin1Char('\n');
    return text;
}

}  // namespace codescout::gui
