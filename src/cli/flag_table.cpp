// Every flag of codescout-cli (see flag_table.h). ripgrep's names where ripgrep has the option,
// RustScout's long names for the rest.
#include "cli/flag_table.h"

#include <array>
#include <limits>
#include <optional>
#include <string>

#include "cli/value_parsers.h"

namespace codescout::cli {
namespace {

using V = std::string_view;

std::size_t parse_lines(V value, V flag) {
    const std::uint64_t n = parse_count(value, flag);
    if (n > std::numeric_limits<std::size_t>::max()) throw_invalid_value(value, flag, "a smaller number");
    return static_cast<std::size_t>(n);
}

unsigned parse_threads(V value, V flag) {
    const std::uint64_t n = parse_count(value, flag);
    // Far above any machine, but small enough that a typo cannot ask for a million threads.
    if (n > 4096) throw_invalid_value(value, flag, "a thread count from 0 (automatic) to 4096");
    return static_cast<unsigned>(n);
}

// -l, --files-without-match, -c, --count-matches and --json each choose what a search prints:
// as in ripgrep, the last one given wins (`rg -c -l` lists paths, `rg -l -c` counts).
enum class SearchPrint { FilesWithMatches, FilesWithoutMatch, Count, CountMatches, Json };

void choose_print(CliArgs& a, SearchPrint chosen) {
    a.files_with_matches = chosen == SearchPrint::FilesWithMatches;
    a.files_without_match = chosen == SearchPrint::FilesWithoutMatch;
    a.count = chosen == SearchPrint::Count;
    a.count_matches = chosen == SearchPrint::CountMatches;
    a.json = chosen == SearchPrint::Json;
}

// --passthru and -A/-B/-C: as in ripgrep, the last given wins (--passthru drops the context
// given before it; a context flag after it ends it, the other sides then having none).
void set_context(CliArgs& a, std::optional<std::size_t>& side, std::size_t lines) {
    a.passthru = false;
    side = lines;
}

const std::array kFlags = {
    // Patterns and how they match.
    FlagSpec{'e', "regexp", "PATTERN", "A pattern to search for; repeat for several (a line matches if any does).",
             [](CliArgs& a, V v, V) { a.patterns.emplace_back(v); }},
    FlagSpec{'F', "fixed-strings", "", "Treat the patterns as literal strings, not regular expressions.",
             [](CliArgs& a, V, V) { a.fixed_strings = true; }},
    FlagSpec{'i', "ignore-case", "", "Search case-insensitively.",
             [](CliArgs& a, V, V) { a.case_mode = CaseMode::Insensitive; }},
    FlagSpec{'s', "case-sensitive", "", "Search case-sensitively (the default).",
             [](CliArgs& a, V, V) { a.case_mode = CaseMode::Sensitive; }},
    FlagSpec{'S', "smart-case", "", "Case-insensitive unless a pattern contains an uppercase letter.",
             [](CliArgs& a, V, V) { a.case_mode = CaseMode::Smart; }},
    // -w and -x override each other, as in rg: the last one given counts.
    FlagSpec{'w', "word-regexp", "", "Only match whole words.", [](CliArgs& a, V, V) { a.word_regexp = true; a.line_regexp = false; }},
    FlagSpec{'x', "line-regexp", "", "Only match whole lines.", [](CliArgs& a, V, V) { a.line_regexp = true; a.word_regexp = false; }},
    FlagSpec{0, "hyphen-mode", "MODE", "With -w: 'boundary' (a hyphen ends a word, default) or 'joining'.",
             [](CliArgs& a, V v, V f) {
                 if (v == "boundary") a.hyphen_mode = HyphenMode::Boundary;
                 else if (v == "joining") a.hyphen_mode = HyphenMode::Joining;
                 else throw_invalid_value(v, f, "'boundary' or 'joining'");
             }},
    FlagSpec{'v', "invert-match", "", "Print the lines that do not match.",
             [](CliArgs& a, V, V) { a.invert = true; }},
    FlagSpec{'P', "pcre2", "", "Read patterns as PCRE2 does where ripgrep's syntax differs (\\p{Greek}: script extensions).",
             [](CliArgs& a, V, V) { a.pcre2_syntax = true; }},
    FlagSpec{0, "no-pcre2", "", "Undo -P.", [](CliArgs& a, V, V) { a.pcre2_syntax = false; }},
    FlagSpec{'U', "multiline", "", "Let matches span lines ('\\n' in a pattern); every line of a match is printed.",
             [](CliArgs& a, V, V) { a.multiline = true; }},
    FlagSpec{0, "no-multiline", "", "Undo -U.", [](CliArgs& a, V, V) { a.multiline = false; }},
    FlagSpec{0, "multiline-dotall", "", "With -U, '.' matches line ends too.",
             [](CliArgs& a, V, V) { a.multiline_dotall = true; }},
    FlagSpec{0, "no-multiline-dotall", "", "Undo --multiline-dotall.",
             [](CliArgs& a, V, V) { a.multiline_dotall = false; }},
    FlagSpec{0, "multiline-max-size", "SIZE",
             "With -U, read at most SIZE of one file into memory (default 256M; files from the mmap threshold on are mapped, any size).",
             [](CliArgs& a, V v, V f) { a.multiline_max_size = parse_size(v, f); }},
    FlagSpec{0, "null-data", "", "Lines are NUL-terminated records (implies --text); output lines end in NUL too.",
             [](CliArgs& a, V, V) { a.null_data = true; }},

    // Which files.
    FlagSpec{'g', "glob", "GLOB", "Include files matching GLOB, or exclude them with !GLOB; repeatable.",
             [](CliArgs& a, V v, V) { a.globs.emplace_back(v); }},
    FlagSpec{0, "ignore", "GLOB", "Skip files matching GLOB (no '/': file name, else whole path); repeatable.",
             [](CliArgs& a, V v, V) { a.ignore_globs.emplace_back(v); }},
    FlagSpec{0, "extensions", "LIST", "Only search files with these extensions, e.g. rs,cpp (case-insensitive).",
             [](CliArgs& a, V v, V f) {
                 for (auto& e : parse_extension_list(v, f)) a.extensions.push_back(std::move(e));
             }},
    FlagSpec{0, "hidden", "", "Search hidden files and directories.", [](CliArgs& a, V, V) { a.hidden = true; }},
    FlagSpec{0, "no-ignore", "", "Don't respect .gitignore, .ignore and git exclude files.",
             [](CliArgs& a, V, V) { a.no_ignore = true; }},
    FlagSpec{'L', "follow", "", "Follow symbolic links.", [](CliArgs& a, V, V) { a.follow_links = true; }},
    FlagSpec{0, "max-depth", "NUM", "Descend at most NUM directories below the paths given.",
             [](CliArgs& a, V v, V f) { a.max_depth = parse_lines(v, f); }},
    FlagSpec{0, "max-filesize", "SIZE", "Skip files larger than SIZE (suffixes K, M, G).",
             [](CliArgs& a, V v, V f) { a.max_filesize = parse_size(v, f); }},
    FlagSpec{'t', "type", "TYPE", "Only search files of TYPE (see --type-list; 'all' for every type); repeatable.",
             [](CliArgs& a, V v, V) { a.type_changes.push_back({FileTypeChange::Kind::Select, std::string(v)}); }},
    FlagSpec{'T', "type-not", "TYPE", "Do not search files of TYPE; repeatable.",
             [](CliArgs& a, V v, V) { a.type_changes.push_back({FileTypeChange::Kind::Negate, std::string(v)}); }},
    FlagSpec{0, "type-add", "TYPESPEC", "Add a glob to a file type ('name:*.ext') or other types' globs ('name:include:a,b').",
             [](CliArgs& a, V v, V) { a.type_changes.push_back({FileTypeChange::Kind::Add, std::string(v)}); }},
    FlagSpec{0, "type-clear", "TYPE", "Remove every glob of TYPE (defined again by --type-add).",
             [](CliArgs& a, V v, V) { a.type_changes.push_back({FileTypeChange::Kind::Clear, std::string(v)}); }},
    FlagSpec{0, "type-list", "", "Print every file type and its globs, then exit.",
             [](CliArgs& a, V, V) { a.type_list = true; }},
    FlagSpec{'u', "unrestricted", "", "-u: --no-ignore; -uu: also --hidden; -uuu: also --text.",
             [](CliArgs& a, V, V) {
                 if (++a.unrestricted > 3) throw UsageError("error parsing flag -u: flag can only be repeated up to 3 times");
             }},
    FlagSpec{'a', "text", "", "Search binary files as if they were text (no NUL detection).",
             [](CliArgs& a, V, V) { a.text = true; }},

    // How bytes become text.
    FlagSpec{'E', "encoding", "ENC", "Decode files from ENC (latin1, shift_jis, utf-16le, ...); 'auto': only by BOM; 'none': never.",
             [](CliArgs& a, V v, V f) { a.encoding = parse_encoding(v, f); }},
    FlagSpec{0, "no-encoding", "", "Undo -E: decode only files that start with a BOM (the default).",
             [](CliArgs& a, V, V) { a.encoding = {}; }},

    // What to report.
    FlagSpec{'A', "after-context", "NUM", "Show NUM lines after each match.",
             [](CliArgs& a, V v, V f) { set_context(a, a.after_context, parse_lines(v, f)); }},
    FlagSpec{'B', "before-context", "NUM", "Show NUM lines before each match.",
             [](CliArgs& a, V v, V f) { set_context(a, a.before_context, parse_lines(v, f)); }},
    FlagSpec{'C', "context", "NUM", "Show NUM lines before and after each match (-A/-B take precedence).",
             [](CliArgs& a, V v, V f) { set_context(a, a.context, parse_lines(v, f)); }},
    FlagSpec{'c', "count", "", "Print only the number of matching lines per file.",
             [](CliArgs& a, V, V) { choose_print(a, SearchPrint::Count); }},
    FlagSpec{'l', "files-with-matches", "", "Print only the paths of files with at least one match.",
             [](CliArgs& a, V, V) { choose_print(a, SearchPrint::FilesWithMatches); }},
    FlagSpec{'m', "max-count", "NUM", "Stop reading a file after NUM matching lines.",
             [](CliArgs& a, V v, V f) { a.max_count = parse_count(v, f); }},
    FlagSpec{'q', "quiet", "", "Print nothing; exit 0 as soon as a match is found.",
             [](CliArgs& a, V, V) { a.quiet = true; }},
    FlagSpec{0, "files-without-match", "", "Print only the paths of searched files without a match.",
             [](CliArgs& a, V, V) { choose_print(a, SearchPrint::FilesWithoutMatch); }},
    FlagSpec{0, "count-matches", "", "Print only the number of matches per file (with -v: of matching lines).",
             [](CliArgs& a, V, V) { choose_print(a, SearchPrint::CountMatches); }},
    FlagSpec{0, "include-zero", "", "With -c/--count-matches: also print files with no match (count 0).",
             [](CliArgs& a, V, V) { a.include_zero = true; }},
    FlagSpec{0, "passthru", "", "Print every line of the searched files; matching lines as matches, the rest as context.",
             [](CliArgs& a, V, V) {
                 a.passthru = true;
                 a.after_context.reset();
                 a.before_context.reset();
                 a.context.reset();
             }},
    FlagSpec{'o', "only-matching", "", "Print only the matched parts, each on its own line.",
             [](CliArgs& a, V, V) { a.only_matching = true; }},
    FlagSpec{'r', "replace", "TEXT", "Print each match replaced by TEXT ($1, ${name}: capture groups; $$: a '$').",
             [](CliArgs& a, V v, V) { a.replacement = std::string(v); }},
    FlagSpec{0, "write", "", "With -r: replace the matches in the files themselves (undo with --undo).",
             [](CliArgs& a, V, V) { a.write = true; }},
    FlagSpec{0, "dry-run", "", "With -r: print the unified diff --write would apply; change nothing.",
             [](CliArgs& a, V, V) { a.dry_run = true; }},

    // How to run.
    FlagSpec{'j', "threads", "NUM", "Number of search threads (0, the default: one per CPU, more while reads wait for the disk).",
             [](CliArgs& a, V v, V f) { a.threads = parse_threads(v, f); }},
    FlagSpec{0, "small-file-threshold", "BYTES", "Files below this size are read whole (default 32K).",
             [](CliArgs& a, V v, V f) { a.small_file_threshold = parse_size(v, f); }},
    FlagSpec{0, "large-file-threshold", "BYTES", "Files of at least this size are memory-mapped (default 10M).",
             [](CliArgs& a, V v, V f) { a.large_file_threshold = parse_size(v, f); }},

    // Output.
    FlagSpec{0, "files", "", "Print the files that would be searched, without searching (no pattern).",
             [](CliArgs& a, V, V) { a.list_files = true; }},
    FlagSpec{0, "sort", "SORTBY", "'path': print results sorted by path; 'none' (default): as found.",
             [](CliArgs& a, V v, V f) {
                 if (v == "path") a.sort = SortMode::Path;
                 else if (v == "none") a.sort = SortMode::None;
                 else throw_invalid_value(v, f, "'path' or 'none'");
             }},
    FlagSpec{0, "json", "", "Print results as JSON Lines (ripgrep's message format).",
             [](CliArgs& a, V, V) { choose_print(a, SearchPrint::Json); }},
    FlagSpec{'n', "line-number", "", "Show line numbers (the default on a terminal and with --json).", [](CliArgs& a, V, V) { a.line_number = true; }},
    FlagSpec{'N', "no-line-number", "", "Don't show line numbers.", [](CliArgs& a, V, V) { a.line_number = false; }},
    FlagSpec{0, "color", "WHEN", "Colour the output: never, auto (on a terminal, the default) or always.",
             [](CliArgs& a, V v, V f) {
                 if (v == "never") a.color = ColorChoice::Never;
                 else if (v == "auto") a.color = ColorChoice::Auto;
                 else if (v == "always") a.color = ColorChoice::Always;
                 else throw_invalid_value(v, f, "'never', 'auto' or 'always'");
             }},
    FlagSpec{0, "heading", "", "Print the path above each file's matches (the default on a terminal).",
             [](CliArgs& a, V, V) { a.heading = true; }},
    FlagSpec{0, "no-heading", "", "Print the path on every line (the default when not on a terminal).",
             [](CliArgs& a, V, V) { a.heading = false; }},
    FlagSpec{'H', "with-filename", "", "Always print paths, even when searching a single file.",
             [](CliArgs& a, V, V) { a.with_filename = true; }},
    FlagSpec{'I', "no-filename", "", "Never print paths.", [](CliArgs& a, V, V) { a.with_filename = false; }},
    FlagSpec{0, "column", "", "Show the column (1-based byte) of the first match; implies -n.",
             [](CliArgs& a, V, V) { a.column = true; }},
    FlagSpec{0, "vimgrep", "", "Print each match as PATH:LINE:COLUMN:LINE-TEXT, one line per match.",
             [](CliArgs& a, V, V) { a.vimgrep = true; }},
    FlagSpec{'b', "byte-offset", "", "Show the byte offset of each line (of each match with -o).",
             [](CliArgs& a, V, V) { a.byte_offset = true; }},
    FlagSpec{0, "trim", "", "Remove leading ASCII whitespace from printed lines.",
             [](CliArgs& a, V, V) { a.trim = true; }},
    FlagSpec{'M', "max-columns", "NUM", "Omit lines longer than NUM bytes (0: no limit).",
             [](CliArgs& a, V v, V f) { a.max_columns = parse_count(v, f); }},
    FlagSpec{0, "max-columns-preview", "", "With -M: print the start of a long line instead of omitting it.",
             [](CliArgs& a, V, V) { a.max_columns_preview = true; }},
    FlagSpec{'0', "null", "", "Follow each printed path with a NUL byte instead of ':' or a line end.",
             [](CliArgs& a, V, V) { a.null = true; }},
    FlagSpec{0, "no-messages", "", "Do not print errors about files that cannot be read (the exit status still says so).",
             [](CliArgs& a, V, V) { a.no_messages = true; }},
    FlagSpec{0, "stats", "", "After the results, print search statistics, the memory usage stats, peak heap and resident, and where the memory went.",
             [](CliArgs& a, V, V) { a.stats = true; }},
    FlagSpec{0, "stats-only", "", "Search without printing results; print the memory usage stats, peak heap and resident, and where the memory went.",
             [](CliArgs& a, V, V) { a.stats_only = true; }},
    FlagSpec{0, "metrics-format", "FORMAT", "With --stats/--stats-only: 'text' (default) or 'prometheus'.",
             [](CliArgs& a, V v, V f) {
                 if (v == "text") a.metrics_format = MetricsFormat::Text;
                 else if (v == "prometheus") a.metrics_format = MetricsFormat::Prometheus;
                 else throw_invalid_value(v, f, "'text' or 'prometheus'");
             }},
    // The index (issue 12).
    FlagSpec{0, "index", "", "Answer from the folder's index when it has one (results are the same as without).",
             [](CliArgs& a, V, V) { a.use_index = true; }},
    FlagSpec{0, "index-build", "", "Build or rebuild the index of each PATH (default: .), with the walk flags given; no pattern.",
             [](CliArgs& a, V, V) { a.index_build = true; }},
    FlagSpec{0, "index-status", "", "Describe the index of each PATH (default: .): ready, stale, missing or corrupt.",
             [](CliArgs& a, V, V) { a.index_status = true; }},
    FlagSpec{0, "index-watch", "",
             "Watch PATH (default: .) until killed, so that --index searches of it need not check every file.",
             [](CliArgs& a, V, V) { a.index_watch = true; }},
    FlagSpec{'h', "help", "", "Print this help.", [](CliArgs& a, V, V) { a.help = true; }},
    FlagSpec{'V', "version", "", "Print the version.", [](CliArgs& a, V, V) { a.version = true; }},
};

}  // namespace

std::span<const FlagSpec> flag_table() { return kFlags; }

}  // namespace codescout::cli
