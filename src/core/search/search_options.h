// Everything that defines one search, as plain data. The CLI and the GUI each fill one of these;
// the engine never parses flags itself.
#pragma once

#include <cstdint>
#include <optional>

#include "core/encoding/text_encoding.h"
#include "core/match/pattern_options.h"
#include "core/search/file_strategy.h"
#include "core/walk/walk_options.h"

namespace codescout {

struct ProcessingOptions {
    std::uint64_t small_file_threshold = kDefaultSmallFileThreshold;
    std::uint64_t large_file_threshold = kDefaultLargeFileThreshold;
    std::optional<std::uint64_t> max_file_size;  // larger files are skipped ("too large")
    EncodingOptions encoding;  // how each file's bytes become text (core/encoding/decoding_plan.h)
    // A multi-line search (-U) needs each file's whole text at once. Files from the large-file
    // threshold on are mapped and searched in place, whatever their size; everything else that
    // must be read into memory (smaller files, standard input and other streams, decoded text)
    // may take at most this many bytes, and a larger one is reported as an error and skipped.
    std::uint64_t multiline_max_bytes = kDefaultMultilineMaxBytes;
    // FileResult::mtime_ns for every file (Replace compares it before writing): one fstat per
    // file. Without it, a walked file on a local disk file system (walk/read_semantics.h) is not
    // fstat'ed unless it fills the first read (FileRun::run_unsized), one system call less per
    // small file, and its mtime_ns stays 0. The CLI turns it off.
    bool record_mtime = true;
    // A matching file read whole into memory (the small strategy, its bytes as they are: no NUL
    // converted, nothing decoded) is handed to the sink with those bytes and its mtime
    // (ResultSink::on_file_read_whole), so a sink that needs the content — the CLI's replace
    // planning — does not open and read it again. One fstat per such file, after its read.
    bool share_whole_files = false;
};

enum class ReportMode {
    Lines,           // matching lines (and context) with match spans
    Count,           // -c: only the number of matching lines per file
    FilesWithMatches // -l: only whether a file matches; stops reading a file at its first match
};

struct ReportOptions {
    ReportMode mode = ReportMode::Lines;
    std::size_t before_context = 0;          // -B
    std::size_t after_context = 0;           // -A
    std::optional<std::uint64_t> max_count;  // -m: matching lines per file
    // -v: the lines that do NOT match are the file's matching lines (no spans); context lines
    // then are lines that do match, and carry their spans.
    bool invert = false;
    // Lines mode: every line of the file is reported; those that are not matching lines come as
    // context (ripgrep's --passthru). Before/after context is then moot.
    bool passthru = false;
    // Count mode: also count the individual matches (FileResult::matches), for --count-matches.
    bool count_matches = false;
    // Lines mode: find every match of each reported line (LineRecord::spans; FileResult::matches
    // and SearchSummary::matches count them). Without it a line is reported as soon as its first
    // match is found: spans stay empty and matches 0, and a matching line costs one search, not
    // one per match plus one. Output that shows no single match (rg's printer without colour,
    // -o, --column, -r, --stats, ...) turns it off; the GUI highlights matches and keeps it.
    bool match_spans = true;
    // Deliver files without a match to the sink too (matched_lines == 0), for listing files
    // without a match or counting zeros. Binary, unreadable and too large files still are not.
    bool report_unmatched = false;
    // Time each file's search (FileResult::elapsed): two clock reads per file, for --json.
    bool time_files = false;
    // An empty line's matches (its spans, its counted matches) are sought at the end of the text
    // before it, right after that text's terminator — where PCRE2 finds no ^ (not after a final
    // newline) and no \A, but $, an empty pattern or a look-behind still match — as rg -P's
    // printer seeks them; the line itself still matches. Not for a file's first line (nothing
    // before it) nor across lines (-U). rg -P -r X '^' leaves empty lines without X.
    bool empty_line_after_its_text = false;
};

struct SearchOptions {
    PatternOptions pattern;
    WalkOptions walk;
    ProcessingOptions processing;
    ReportOptions report;
    // 0: automatic, one per hardware thread to start with and more (up to default_max_threads)
    // while reads wait for the disk (walk/thread_growth.h); N: exactly N.
    unsigned threads = 0;
    // A root "-" is standard input, as in ripgrep (the CLI sets this; the GUI has no stdin to read).
    bool dash_is_stdin = false;
    // Hand files to the sink in path order, as rg --sort path prints them (the roots in the order
    // given, each component by component: walk/path_order.h). The walk then runs first and lists
    // the files; they are searched in parallel and wait for their turn within a bounded window
    // (ordered_delivery.h). A file's problems come in its turn too; the walk's come first.
    bool in_path_order = false;
    // Take a memory attribution (memory_attribution.h) at the end of the search, while the
    // workers' buffers still exist: reads /proc/self/smaps once (~1 ms).
    bool attribute_memory = false;
};

}  // namespace codescout
