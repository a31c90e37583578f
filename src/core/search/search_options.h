// Everything that defines one search, as plain data. The CLI and the GUI each fill one of these;
// the engine never parses flags itself.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/metrics/memory_metrics.h"

namespace codescout {

enum class CaseMode { Sensitive, Insensitive, Smart };

// How -w treats '-': as a word boundary (ripgrep, default) or as part of a word (RustScout's
// --hyphen-mode joining: "foo" does not match inside "foo-bar").
enum class HyphenMode { Boundary, Joining };

struct PatternOptions {
    std::vector<std::string> patterns;  // one or more; a line matches if any pattern matches
    bool fixed_strings = false;         // -F: patterns are literals, not regexes
    CaseMode case_mode = CaseMode::Sensitive;
    bool whole_word = false;            // -w
    HyphenMode hyphen_mode = HyphenMode::Boundary;
    bool whole_line = false;            // -x

    bool operator==(const PatternOptions&) const = default;
};

struct WalkOptions {
    std::vector<std::filesystem::path> roots{"."};
    bool include_hidden = false;        // --hidden
    bool follow_links = false;          // -L
    bool respect_ignore_files = true;   // false with --no-ignore (.gitignore, .ignore, excludes)
    std::vector<std::string> globs;     // ripgrep -g: "pat" includes, "!pat" excludes; last match wins
    std::vector<std::string> extensions;    // RustScout --extensions: "rs,cpp" style, case-insensitive
    std::vector<std::string> ignore_globs;  // RustScout --ignore: no '/' = file name, else whole path
    std::optional<std::size_t> max_depth;   // 0 = only the roots themselves
};

struct ProcessingOptions {
    std::uint64_t small_file_threshold = kDefaultSmallFileThreshold;
    std::uint64_t large_file_threshold = kDefaultLargeFileThreshold;
    std::optional<std::uint64_t> max_file_size;  // larger files are skipped ("too large")
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
};

struct SearchOptions {
    PatternOptions pattern;
    WalkOptions walk;
    ProcessingOptions processing;
    ReportOptions report;
    unsigned threads = 0;  // 0 = one per hardware thread
    // A root "-" is standard input, as in ripgrep (the CLI sets this; the GUI has no stdin to read).
    bool dash_is_stdin = false;
    // Take a memory attribution (memory_attribution.h) at the end of the search, while the
    // workers' buffers still exist: reads /proc/self/smaps once (~1 ms).
    bool attribute_memory = false;
};

}  // namespace codescout
