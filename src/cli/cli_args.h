// The command line as the user typed it, parsed but not yet interpreted (ripgrep's "low args"):
// one field per flag, no defaults that depend on the terminal or the file system. The options
// builder (options_builder.h) is the one place that turns this into a search and an output plan.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/print/output_plan.h"
#include "core/search/search_options.h"
#include "core/walk/file_types.h"

namespace codescout::cli {

enum class ColorChoice { Never, Auto, Always };
enum class SortMode { None, Path };

struct CliArgs {
    // Patterns from -e (repeatable), or the first positional argument when no -e was given.
    std::vector<std::string> patterns;
    std::vector<std::string> paths;

    // Matching.
    bool fixed_strings = false;                     // -F
    CaseMode case_mode = CaseMode::Sensitive;       // -s / -i / -S: the last one wins
    bool word_regexp = false;                       // -w
    bool line_regexp = false;                       // -x
    HyphenMode hyphen_mode = HyphenMode::Boundary;  // --hyphen-mode
    bool invert = false;                            // -v
    bool null_data = false;                         // --null-data
    bool multiline = false;                         // -U / --multiline
    bool multiline_dotall = false;                  // --multiline-dotall
    bool pcre2_syntax = false;                      // -P / --pcre2
    std::optional<std::uint64_t> multiline_max_size;  // --multiline-max-size

    // Walking.
    std::vector<std::string> globs;         // -g (repeatable)
    std::vector<std::string> ignore_globs;  // --ignore (repeatable)
    std::vector<std::string> extensions;    // --extensions (comma lists, repeatable)
    bool hidden = false;                    // --hidden
    bool no_ignore = false;                 // --no-ignore
    bool follow_links = false;              // -L
    std::optional<std::size_t> max_depth;   // --max-depth
    std::optional<std::uint64_t> max_filesize;  // --max-filesize
    std::vector<FileTypeChange> type_changes;   // -t / -T / --type-add / --type-clear, in order
    bool type_list = false;                     // --type-list
    unsigned unrestricted = 0;                  // -u, -uu, -uuu
    bool text = false;                          // -a: no binary detection

    EncodingOptions encoding;  // -E / --encoding, --no-encoding

    // Reporting. -A/-B win over -C whatever their order (as in ripgrep).
    std::optional<std::size_t> after_context;   // -A
    std::optional<std::size_t> before_context;  // -B
    std::optional<std::size_t> context;         // -C
    bool count = false;                         // -c
    bool files_with_matches = false;            // -l
    std::optional<std::uint64_t> max_count;     // -m
    bool quiet = false;                         // -q
    bool files_without_match = false;           // --files-without-match
    bool count_matches = false;                 // --count-matches
    bool include_zero = false;                  // --include-zero
    bool passthru = false;                      // --passthru
    bool only_matching = false;                 // -o
    std::optional<std::string> replacement;     // -r
    bool write = false;                         // --write: -r rewrites the matches in the files
    bool dry_run = false;                       // --dry-run: -r prints the diff --write would make

    // Processing.
    unsigned threads = 0;  // -j / --threads; 0 = one per hardware thread
    std::optional<std::uint64_t> small_file_threshold;
    std::optional<std::uint64_t> large_file_threshold;

    // Output.
    bool list_files = false;                  // --files
    SortMode sort = SortMode::None;           // --sort
    bool json = false;                        // --json
    std::optional<bool> line_number;          // -n / -N; unset = rg's rule (options_builder)
    ColorChoice color = ColorChoice::Auto;    // --color
    std::optional<bool> heading;              // --heading / --no-heading; unset = terminal decides
    std::optional<bool> with_filename;        // -H / --no-filename; unset = rg's rule
    bool stats = false;                       // --stats
    bool stats_only = false;                  // --stats-only
    std::optional<MetricsFormat> metrics_format;  // --metrics-format
    bool column = false;                      // --column
    bool vimgrep = false;                     // --vimgrep
    bool byte_offset = false;                 // -b
    bool trim = false;                        // --trim
    std::optional<std::uint64_t> max_columns;  // -M
    bool max_columns_preview = false;         // --max-columns-preview
    bool null = false;                        // -0
    bool no_messages = false;                 // --no-messages

    // The trigram index (src/core/index).
    bool use_index = false;     // --index: answer from the folder's index when it has one
    bool index_build = false;   // --index-build: build the index of each PATH, no pattern
    bool index_status = false;  // --index-status: describe the index of each PATH, no pattern
    bool index_watch = false;   // --index-watch: watch PATH's index for --index searches until killed

    bool help = false;     // -h / --help
    bool version = false;  // -V / --version
};

// A command line that cannot be run: the message says what is wrong ("unrecognized flag --x").
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Parses argv[1..argc) (argv[0] is ignored). Throws UsageError.
CliArgs parse_args(int argc, const char* const* argv);
CliArgs parse_args(const std::vector<std::string>& args);  // without the program name

}  // namespace codescout::cli
