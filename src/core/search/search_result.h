// The data a search produces: per-file results streamed while it runs, and a summary at the end.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/metrics/memory_attribution.h"
#include "core/metrics/memory_metrics.h"
#include "core/search/file_strategy.h"
#include "core/search/line_list.h"
#include "core/search/line_stream.h"
#include "core/search/strategy_stats.h"
#include "core/walk/path_error.h"

namespace codescout {

// FileResult::path of standard input (the name ripgrep shows for it too).
inline constexpr const char* kStdinDisplayName = "<stdin>";

// What the binary policy (binary_policy.h) did about a NUL byte in a file it delivered anyway.
enum class BinaryAction {
    None,
    Stopped,         // the search stopped at the NUL: the lines end before text_end
    SearchedThrough  // the file was searched past the NUL: lines from text_end on hold binary data
};

struct BinaryFinding {
    BinaryAction action = BinaryAction::None;
    std::uint64_t nul_offset = 0;         // file offset of the NUL the policy reports
    std::uint64_t text_end = UINT64_MAX;  // lines starting at or after this offset are not text
    // A multi-line search stopped at a range that context output separates from the lines before
    // it: a group separator ("--") comes before the note.
    bool context_break = false;
    bool operator==(const BinaryFinding&) const = default;
};

// Everything found in one file. Delivered only for files with at least one match.
struct FileResult {
    std::string path;               // display path: the root as given joined with the relative path
    LineList lines;                 // ascending line numbers; a gap means a "--" break in context output
    // Set when the lines went to this stream as they were found (ResultSink::open_stream());
    // `lines` is then empty, the counts below are the file's as usual.
    std::shared_ptr<LineStream> stream;
    std::uint64_t matched_lines = 0;  // lines with a match (what -c counts)
    // Individual matches (spans), when known: in Lines mode with ReportOptions::match_spans, in
    // Count mode with count_matches; 0 otherwise.
    std::uint64_t matches = 0;
    std::uint64_t size = 0;           // file size in bytes; of the text read, for streams and decoded files
    std::int64_t mtime_ns = 0;        // st_mtim when the file was opened (0: standard input); Replace checks it
    FileStrategy strategy = FileStrategy::Small;
    BinaryFinding binary;             // a NUL byte the binary policy let through, if any
    // Where the binary policy counts a search that stopped early (-m) as having stopped: what
    // ripgrep's statistics count as searched (binary_policy.h); UINT64_MAX: where it ended.
    std::uint64_t counted_end = UINT64_MAX;
    // The WHATWG name of the encoding the text was decoded from ("UTF-16LE"; "UTF-8" after a
    // dropped BOM); empty when the bytes were searched as they are. Lines, offsets and spans are
    // then of the decoded text. Static storage (core/encoding/text_encoding.h's names).
    std::string_view encoding;
    // How long searching the file took, with ReportOptions::time_files (rg's --json reports it
    // per file); 0 otherwise.
    std::chrono::nanoseconds elapsed{0};

    // The bytes the search went through as ripgrep's statistics count them: all of `size`, but
    // up to counted_end, up to where a search stopped at a NUL, and up to the NUL in one
    // searched through it.
    std::uint64_t searched_size() const {
        const std::uint64_t counted = std::min(size, counted_end);
        switch (binary.action) {
        case BinaryAction::None: return counted;
        case BinaryAction::Stopped: return std::min(counted, binary.text_end);
        case BinaryAction::SearchedThrough: return std::min(counted, binary.nul_offset);
        }
        return counted;
    }
};

// What the search of the files it skipped as binary had found before it gave up (the binary
// policy decides how far that is: binary_policy.h). ripgrep counts such a file as searched, with
// those matches and bytes, in its statistics; SkipCounts::binary says how many files.
struct BinaryPartial {
    std::uint64_t files_matched = 0;
    std::uint64_t matched_lines = 0;
    std::uint64_t matches = 0;
    std::uint64_t bytes_searched = 0;
};

// A problem with one path. Never aborts the search; decides exit code 2 in the CLI. The walk
// reports its problems in this shape too.
using SearchError = PathError;

struct SkipCounts {
    std::uint64_t ignored = 0;    // by .gitignore/.ignore/excludes, globs, extensions, --ignore
    std::uint64_t hidden = 0;     // dot files and directories
    std::uint64_t binary = 0;     // contained a NUL byte
    std::uint64_t too_large = 0;  // above max_file_size
    std::uint64_t errors = 0;     // could not be read (see SearchError)
    std::uint64_t special = 0;    // FIFOs, sockets, devices: never opened during a walk
};

struct SearchSummary {
    std::uint64_t files_searched = 0;
    std::uint64_t files_matched = 0;
    std::uint64_t matched_lines = 0;
    std::uint64_t matches = 0;
    std::uint64_t bytes_searched = 0;  // as a scan counts them (rg's --stats), files an index skipped included
    std::uint64_t bytes_read = 0;      // what this search itself read: what a throughput is of
    SkipCounts skipped;
    BinaryPartial binary_partial;  // of the skipped.binary files
    std::chrono::nanoseconds elapsed{0};
    bool cancelled = false;
    MetricsSnapshot metrics;  // taken when the search ended
    AllocationDetail allocations;  // per strategy, largest buffers
    // With SearchOptions::attribute_memory: the process's memory as the last file was done.
    std::optional<MemoryAttribution> memory;

    // Counts one delivered file (its size, lines, matches and own time) as searched, and as
    // matched when it has a matching line (--passthru delivers files without one), for summaries
    // of a chosen set of files (rg's JSON summary: the printed ones). The search itself counts
    // on its threads, not through this.
    void count_printed_file(const FileResult& result) {
        ++files_searched;
        files_matched += result.matched_lines > 0 ? 1 : 0;
        bytes_searched += result.searched_size();
        bytes_read += result.size;
        matched_lines += result.matched_lines;
        matches += result.matches;
        elapsed += result.elapsed;
    }
};

// A live view of a running search, for progress displays.
struct SearchProgress {
    std::uint64_t files_searched = 0;
    std::uint64_t files_matched = 0;
    std::uint64_t matches = 0;
    std::uint64_t bytes_searched = 0;  // as in SearchSummary
    std::uint64_t bytes_read = 0;
};

}  // namespace codescout
