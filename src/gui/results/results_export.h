// Copy and Export Results: the results the window shows, as ripgrep would print them — its
// standard "PATH:LINE:TEXT" lines (context "PATH-LINE-TEXT", "--" between groups), its --json
// messages, or CSV. The formats are the print layer's (core/print), the same code the CLI
// prints with, so the bytes are the CLI's and rg's for the same search.
//
// Why the files are searched again: the results list keeps clipped lines without indentation
// or byte offsets (compact_file.h), but the formats need whole lines and offsets. The search is
// re-run with the options that produced the results, behind a gate that lets only the exported
// files be opened (the walk, its filters and the binary policy are the same, so a file is
// searched exactly as before). A file that changed since is exported as it is now; one that is
// gone, or no longer matches, is counted in `missing`.
// Paths are relative to the searched folder, as rg prints them when run in it with no PATH.
// Threads: exportResults() blocks and may run on any thread.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <string>
#include <vector>

#include "core/search/search_options.h"

namespace codescout::gui {

enum class ExportFormat { Text, JsonLines, Csv };

// What to export, in the order wanted (the view's).
struct ExportItem {
    QString path;                       // absolute, as the results model has it
    std::vector<std::uint64_t> lines;   // line numbers to keep, ascending; empty: the whole file
};

struct ExportOutput {
    std::string bytes;
    std::size_t files = 0;    // files written
    std::size_t missing = 0;  // asked for, but not found again (gone, renamed, no longer matching)
    QString error;            // the search could not run (then bytes is empty)
};

class ResultsExport {
    Q_DECLARE_TR_FUNCTIONS(ResultsExport)
public:
    // `options`: the search that produced the results; `folder`: its folder.
    static ExportOutput run(const SearchOptions& options, const QString& folder,
                            const std::vector<ExportItem>& items, ExportFormat format);
    // The file-name filter of a save dialog for `format`, and its usual extension.
    static QString fileFilter(ExportFormat format);
    static QString extension(ExportFormat format);
};

}  // namespace codescout::gui
