// The words the window shows about a search: the live status line while it runs, the one-line
// result when it is done, and the detailed summary (the seed's "Memory usage stats" block).
#pragma once

#include <QString>
#include <QStringList>

#include "core/search/search_result.h"

namespace codescout::gui {

// "56 matches" and "12 files" in the user's language and plural forms: the results header and
// the finished line use these, so each count is translated once.
QString matchCountText(std::uint64_t matches);
QString fileCountText(std::uint64_t files);

// "Searching… 1,234 files, 56 matches, 78.9 MB/s, 1.2 s"
QString progressLine(const SearchProgress& progress, qint64 elapsedMs);

// "56 matches in 12 files (1,234 searched) in 0.35 s" or "Cancelled after …"
QString finishedLine(const SearchSummary& summary);

// The seed's stats block, then skip counts, a note about matches past the result limit, and
// the first per-file errors.
QString summaryText(const SearchSummary& summary, std::uint64_t droppedMatches,
                    const QStringList& errors);

}  // namespace codescout::gui
