// Formatting of search progress and summaries.
#include "gui/search/status_text.h"

#include <QCoreApplication>
#include <QLocale>

#include "core/metrics/metrics_format.h"

namespace codescout::gui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("StatusText", text);
}

QString number(std::uint64_t value)
{
    return QLocale().toString(static_cast<qulonglong>(value));
}

QString seconds(double s)
{
    return QLocale().toString(s, 'f', s < 10 ? 2 : 1);
}

QString throughput(std::uint64_t bytes, double elapsedSeconds)
{
    const double mbPerSecond = elapsedSeconds > 0 ? bytes / 1e6 / elapsedSeconds : 0.0;
    return QLocale().toString(mbPerSecond, 'f', 1);
}

}  // namespace

QString progressLine(const SearchProgress& progress, qint64 elapsedMs)
{
    const double elapsed = elapsedMs / 1000.0;
    return tr("Searching… %1 files, %2 matches, %3 MB/s, %4 s")
        .arg(number(progress.files_searched), number(progress.matches),
             throughput(progress.bytes_searched, elapsed), seconds(elapsed));
}

QString finishedLine(const SearchSummary& summary)
{
    const double elapsed = std::chrono::duration<double>(summary.elapsed).count();
    const QString counts = tr("%1 matches in %2 files (%3 searched, %4 MB/s) in %5 s")
                               .arg(number(summary.matches), number(summary.files_matched),
                                    number(summary.files_searched),
                                    throughput(summary.bytes_searched, elapsed), seconds(elapsed));
    return summary.cancelled ? tr("Cancelled: %1").arg(counts) : counts;
}

QString summaryText(const SearchSummary& summary, std::uint64_t droppedMatches,
                    const QStringList& errors)
{
    QString text = QString::fromStdString(format_stats_block(summary.metrics));
    const SkipCounts& s = summary.skipped;
    text += tr("Skipped: %1 ignored, %2 hidden, %3 binary, %4 too large, %5 unreadable, "
               "%6 special\n")
                .arg(number(s.ignored), number(s.hidden), number(s.binary), number(s.too_large),
                     number(s.errors), number(s.special));
    if (droppedMatches > 0)
        text += tr("%1 more matches were found but not listed: the result limit (Settings) "
                   "was reached.\n").arg(number(droppedMatches));
    for (const QString& error : errors)
        text += error + QLatin1Char('\n');
    return text;
}

}  // namespace codescout::gui
