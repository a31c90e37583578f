// ripgrep's --json messages (JSON Lines; keys and their order follow rg 14's output): per file
// "begin", then "match"/"context" per line, then "end" with the file's stats; after the search one
// "summary". Used by the CLI's --json printer and by the GUI's export.
// Differences from rg: with `with_metrics` the summary also holds "memory" (the metrics) and
// "skipped". A file's "end" carries FileResult::elapsed (0 unless the search timed its files).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "core/print/format_drain.h"
#include "core/print/output_plan.h"
#include "core/search/search_result.h"

namespace codescout {

// Appends the messages of one file to `out`; with a `drain`, hands them over in parts as they
// grow (the last part stays in `out`). Returns the file's "bytes_printed" as rg counts it: its
// messages before "end".
std::uint64_t format_json_file(const FileResult& result, const OutputPlan& plan, std::string& out,
                               const FormatDrain& drain = {});
// What rg's "summary" counts: the files it printed messages for (those with a match), summed.
// Files searched without a match count nowhere in it, not even under --stats.
struct JsonTotals {
    SearchSummary files;  // the printed files, each counted as searched and matched
    std::uint64_t bytes_printed = 0;

    // `printed`: what format_json_file() returned for it.
    void add(const FileResult& result, std::uint64_t printed);
};

// Appends the "summary" message. `elapsed_total`: the wall time since the program started. With
// `metrics_from`, the summary also holds its "memory" (the metrics) and "skipped".
void format_json_summary(const JsonTotals& totals, std::chrono::nanoseconds elapsed_total,
                         const SearchSummary* metrics_from, std::string& out);

}  // namespace codescout
