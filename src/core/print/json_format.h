// ripgrep's --json messages (JSON Lines; keys and their order follow rg 14's output): per file
// "begin", then "match"/"context" per line, then "end" with the file's stats; after the search one
// "summary". Used by the CLI's --json printer and by the GUI's export.
// Differences from rg: per-file "end" stats carry no "elapsed" (the engine does not time single
// files), and with `with_metrics` the summary also holds "memory" (the metrics) and "skipped".
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "core/print/output_plan.h"
#include "core/search/search_result.h"

namespace codescout {

// Appends the messages of one file to `out`.
void format_json_file(const FileResult& result, const OutputPlan& plan, std::string& out);
// Appends the "summary" message. `elapsed_total`: the wall time since the program started;
// `bytes_printed`: the bytes of every message before it.
void format_json_summary(const SearchSummary& summary, std::chrono::nanoseconds elapsed_total,
                         std::uint64_t bytes_printed, bool with_metrics, std::string& out);

}  // namespace codescout
