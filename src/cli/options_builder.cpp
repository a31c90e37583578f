// CliArgs -> SearchOptions + OutputPlan (see options_builder.h).
#include "cli/options_builder.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <system_error>
#include <utility>

#include <sys/stat.h>
#include <unistd.h>

#include "core/match/newline_analysis.h"
#include "core/print/standard_line.h"

namespace codescout::cli {
namespace {

OutputMode choose_mode(const CliArgs& args) {
    if (args.list_files) return OutputMode::ListFiles;
    if (args.stats_only) return OutputMode::StatsOnly;
    if (args.quiet) return OutputMode::Quiet;
    // At most one of these is set: the last given (flag_table.cpp).
    if (args.files_with_matches) return OutputMode::FilesWithMatches;
    if (args.files_without_match) return OutputMode::FilesWithoutMatch;
    if (args.count || args.count_matches) return OutputMode::Count;
    if (args.json) return OutputMode::Json;
    return OutputMode::Lines;
}

// --write and --dry-run replace what a plain search would print as matches: they need -r, and
// the flags that change what is reported (not what matches) or read standard input make no sense.
void reject_write_conflicts(const CliArgs& args) {
    if (!args.write && !args.dry_run) return;
    const std::string flag = args.write ? "--write" : "--dry-run";
    if (args.write && args.dry_run) throw UsageError("--write and --dry-run cannot be combined");
    if (!args.replacement) throw UsageError(flag + " needs -r/--replace TEXT: the text that replaces each match");
    const std::pair<bool, const char*> conflicts[] = {
        {args.invert, "-v/--invert-match (inverted lines have no match to replace)"},
        {args.json, "--json"},
        {args.count || args.count_matches, "-c/--count-matches"},
        {args.files_with_matches || args.files_without_match, "-l/--files-without-match"},
        {args.quiet, "-q/--quiet"},
        {args.list_files, "--files"},
        {args.stats_only, "--stats-only"},
        {args.null_data, "--null-data"},
        {args.index_build || args.index_status || args.index_watch, "--index-build/--index-status/--index-watch"},
    };
    for (const auto& [given, name] : conflicts)
        if (given) throw UsageError(flag + " cannot be combined with " + name);
    if (std::find(args.paths.begin(), args.paths.end(), "-") != args.paths.end())
        throw UsageError(flag + " rewrites files: standard input ('-') cannot be rewritten");
}

void reject_conflicts(const CliArgs& args) {
    if (args.list_files && !args.patterns.empty()) {
        throw UsageError("--files lists files without searching: it takes no pattern (-e)");
    }
    if (args.stats_only && (args.json || args.list_files)) {
        throw UsageError("--stats-only cannot be combined with " + std::string(args.json ? "--json" : "--files"));
    }
    if ((args.index_build || args.index_status || args.index_watch) && !args.patterns.empty()) {
        throw UsageError("--index-build, --index-status and --index-watch take no pattern (-e)");
    }
    if (int(args.index_build) + int(args.index_status) + int(args.index_watch) > 1) {
        throw UsageError("--index-build, --index-status and --index-watch cannot be combined");
    }
    if (args.index_watch && args.paths.size() > 1) throw UsageError("--index-watch watches one folder (PATH)");
    reject_write_conflicts(args);
    if (args.metrics_format && !args.stats && !args.stats_only) {
        throw UsageError("--metrics-format applies to --stats or --stats-only; add one of them");
    }
}

ReportMode report_mode_for(OutputMode mode) {
    switch (mode) {
        case OutputMode::Count: return ReportMode::Count;
        case OutputMode::FilesWithMatches:
        case OutputMode::FilesWithoutMatch:
        case OutputMode::Quiet: return ReportMode::FilesWithMatches;
        default: return ReportMode::Lines;
    }
}

// ripgrep's rule: file names are shown unless exactly one path was given (or stdin is searched
// for want of one) and it is not a directory.
bool default_with_filename(const std::vector<std::string>& paths) {
    if (paths.size() != 1) return true;
    if (paths.front() == "-") return false;
    std::error_code ignored;
    return std::filesystem::is_directory(paths.front(), ignored);
}

// ripgrep's rule: line numbers on a terminal, for people, unless only standard input is searched
// (a pipeline); always in --json; never by default when the output is piped.
bool default_line_numbers(OutputMode mode, const Terminal& terminal, const std::vector<std::string>& paths) {
    if (mode == OutputMode::Json) return true;
    const bool only_stdin = !paths.empty() && std::all_of(paths.begin(), paths.end(),
                                                          [](const std::string& p) { return p == "-"; });
    return terminal.stdout_is_tty && !only_stdin;
}

// The inputs: the paths given; without any, standard input when it is a file or a pipe (rg's
// rule, also for -c/-l/--json), else the current directory. --files always lists directories.
std::vector<std::string> effective_paths(const CliArgs& args, OutputMode mode, const Terminal& terminal) {
    // --write / --dry-run never read standard input: without a PATH they work on ".".
    if (!args.paths.empty() || mode == OutputMode::ListFiles || !terminal.stdin_readable || args.write || args.dry_run)
        return args.paths;
    return {"-"};
}

}  // namespace

Terminal detect_terminal() {
    Terminal t;
    t.stdout_is_tty = ::isatty(STDOUT_FILENO) == 1;
    const char* term = std::getenv("TERM");
    const char* no_color = std::getenv("NO_COLOR");
    struct stat st {};
    t.stdin_readable = ::fstat(STDIN_FILENO, &st) == 0 &&
                       (S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode));
    t.color_allowed = term != nullptr && std::string_view(term) != "dumb" &&
                      (no_color == nullptr || *no_color == '\0');
    return t;
}

Plan build_plan(const CliArgs& args, const Terminal& terminal) {
    reject_conflicts(args);
    Plan plan;
    SearchOptions& s = plan.search;
    OutputPlan& out = plan.output;
    out.mode = choose_mode(args);

    s.pattern.patterns = args.patterns;
    s.pattern.fixed_strings = args.fixed_strings;
    s.pattern.case_mode = args.case_mode;
    s.pattern.whole_word = args.word_regexp;
    s.pattern.hyphen_mode = args.hyphen_mode;
    s.pattern.whole_line = args.line_regexp;
    s.pattern.multiline = args.multiline;
    s.pattern.multiline_dotall = args.multiline_dotall;
    s.pattern.pcre2_syntax = args.pcre2_syntax;
    s.pattern.line_terminator = args.null_data ? '\0' : '\n';
    out.multi_line = search_spans_lines(s.pattern);

    const std::vector<std::string> paths = effective_paths(args, out.mode, terminal);
    s.walk.roots.assign(paths.begin(), paths.end());
    if (s.walk.roots.empty()) s.walk.roots.emplace_back(".");
    s.dash_is_stdin = true;
    // -u: --no-ignore, -uu: and --hidden, -uuu: and --text.
    s.walk.include_hidden = args.hidden || args.unrestricted >= 2;
    s.walk.follow_links = args.follow_links;
    s.walk.respect_ignore_files = !args.no_ignore && args.unrestricted == 0;
    s.walk.type_changes = args.type_changes;
    s.walk.globs = args.globs;
    s.walk.extensions = args.extensions;
    s.walk.ignore_globs = args.ignore_globs;
    s.walk.max_depth = args.max_depth;

    s.processing.small_file_threshold = args.small_file_threshold.value_or(kDefaultSmallFileThreshold);
    s.processing.large_file_threshold = args.large_file_threshold.value_or(kDefaultLargeFileThreshold);
    s.processing.max_file_size = args.max_filesize;
    s.processing.encoding = args.encoding;
    s.processing.multiline_max_bytes = args.multiline_max_size.value_or(kDefaultMultilineMaxBytes);
    // The CLI never compares mtimes (its Replace plans stat the files themselves): spare the
    // fstat of each small file (search_options.h).
    s.processing.record_mtime = false;

    s.report.mode = report_mode_for(out.mode);
    // rg --stats (and -q --json's summary) counts every line and match: -l,
    // --files-without-match and -q then read each file to its end as -c does (its summary
    // printer stops at a file's first match only without statistics; so does -q's search at the
    // first file).
    out.json_summary = args.quiet && args.json;
    const bool full_counts = args.stats || out.json_summary;
    if (full_counts && s.report.mode == ReportMode::FilesWithMatches) s.report.mode = ReportMode::Count;
    const bool lines = s.report.mode == ReportMode::Lines;
    const bool passthru = lines && args.passthru;
    // rg still visits context lines with -c or -l; only a multi-line search shows that (a NUL in
    // one ends the search, binary_policy.h), so only it gets them.
    const bool context_lines = (lines || out.multi_line) && !passthru;
    s.report.before_context = context_lines ? args.before_context.value_or(args.context.value_or(0)) : 0;
    s.report.after_context = context_lines ? args.after_context.value_or(args.context.value_or(0)) : 0;
    s.report.invert = args.invert;
    s.report.passthru = passthru;
    // What a count counts: --count-matches the matches (with -v: the lines), -c -o the matches
    // too (with -v none: the lines it counts have no match), -c the lines.
    // A multi-line search always counts matches (rg's summary printer does).
    out.count_matches = out.mode == OutputMode::Count &&
                        (out.multi_line || (args.count_matches ? !args.invert : args.only_matching));
    s.report.count_matches = (out.count_matches || (full_counts && s.report.mode == ReportMode::Count)) && !args.invert;
    out.include_zero = args.include_zero;
    s.report.report_unmatched = out.mode == OutputMode::FilesWithoutMatch ||
                                (out.mode == OutputMode::Count && args.include_zero) || passthru;
    s.report.max_count = args.max_count;
    s.threads = args.threads;
    // The statistics end with the memory attribution, taken while the workers' buffers exist.
    s.attribute_memory = args.stats || args.stats_only;

    // --column and --vimgrep imply -n (unless -N says otherwise).
    out.line_numbers = args.line_number.value_or(args.column || args.vimgrep ||
                                                 default_line_numbers(out.mode, terminal, paths));
    out.heading = out.mode == OutputMode::Lines && !args.vimgrep && args.heading.value_or(terminal.stdout_is_tty);
    out.color = args.color == ColorChoice::Always ||
                (args.color == ColorChoice::Auto && terminal.stdout_is_tty && terminal.color_allowed);
    out.with_filename = out.mode == OutputMode::FilesWithMatches || out.mode == OutputMode::FilesWithoutMatch ||
                        out.mode == OutputMode::ListFiles ||
                        args.with_filename.value_or(args.vimgrep || default_with_filename(paths));
    out.strip_dot_slash = args.paths.empty();
    out.context = lines && (s.report.before_context > 0 || s.report.after_context > 0);
    out.only_matching = args.only_matching;
    out.per_match = args.vimgrep;
    out.column = args.column || args.vimgrep;
    out.byte_offset = args.byte_offset;
    out.trim = args.trim;
    out.max_columns = args.max_columns.value_or(0);
    out.max_columns_preview = args.max_columns_preview;
    if (args.null) out.path_terminator = '\0';
    out.line_terminator = s.pattern.line_terminator;
    out.invert = args.invert;
    out.replacement = args.replacement;
    out.text = args.text || args.unrestricted >= 3 || args.null_data;
    out.no_messages = args.no_messages;
    out.sort_by_path = args.sort == SortMode::Path;
    s.in_path_order = out.sort_by_path;  // the search hands files over in rg's sorted order
    out.stats = args.stats || args.stats_only;
    out.metrics_format = args.metrics_format.value_or(MetricsFormat::Text);
    plan.use_index = args.use_index;
    plan.write = args.write ? WriteMode::Write : args.dry_run ? WriteMode::DryRun : WriteMode::None;
    // Single matches are looked for only when something shows or counts them: rg's printer
    // (standard_line.h), --json's submatches, --stats' match count, -r, and a Replace plan.
    s.report.match_spans = needs_match_granularity(out) || out.replacement.has_value() ||
                           out.mode == OutputMode::Json || out.stats || plan.write != WriteMode::None;
    s.report.time_files = out.mode == OutputMode::Json;  // each file's "end" message says how long it took
    // rg -P's printer finds no ^ on an empty line (search_options.h); one match across lines
    // (-U) it searches with the text after the line visible, where ^ does match.
    s.report.empty_line_after_its_text = args.pcre2_syntax && !args.multiline;
    return plan;
}

}  // namespace codescout::cli
