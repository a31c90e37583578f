// One CLI search from start to exit status (see search_runner.h).
#include "cli/search_runner.h"

#include <cstring>
#include <exception>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/collector_metrics.h"
#include "cli/exit_status.h"
#include "cli/index_commands.h"
#include "cli/json_printer.h"
#include "cli/match_tracker.h"
#include "cli/memory_report.h"
#include "cli/rg_compat/rg_binary_policy.h"
#include "cli/rg_compat/rg_counts.h"
#include "cli/rg_compat/unprinted_matches.h"
#include "cli/silent_sink.h"
#include "cli/standard_printer.h"
#include "cli/summary_output.h"
#include "core/match/matcher.h"
#include "core/metrics/phase_peaks.h"
#include "core/match/newline_analysis.h"
#include "core/search/search.h"
#include "core/search/search_result.h"

namespace codescout::cli {
namespace {

std::unique_ptr<Search> compile(const Plan& plan, ErrorReporter& errors) {
    try {
        // NUL bytes as ripgrep treats them, so that the output stays rg's byte for byte.
        std::shared_ptr<const BinaryPolicy> binary_policy =
            plan.output.text ? rg_text_policy()
                             : std::make_shared<const RgBinaryPolicy>(rg_named_input_mode(plan.search.walk.roots),
                                                                      plan.search.report,
                                                                      plan.output.mode == OutputMode::Json);
        return std::make_unique<Search>(plan.search, nullptr, nullptr, std::move(binary_policy));
    } catch (const NewlineInPatternError&) {
        errors.report_message(NewlineInPatternError::kRgMessage);
    } catch (const PatternError& e) {
        errors.report_message(e.what());  // "invalid pattern 'P': reason"
    } catch (const std::invalid_argument& e) {
        errors.report_message(std::string("error: ") + e.what());
    }
    return nullptr;
}

}  // namespace

int run_search(const Plan& plan, OutputWriter& out, ErrorReporter& errors,
               std::chrono::steady_clock::time_point started) {
    PhasePeaks phases;
    phases.begin("compile");
    const std::unique_ptr<Search> search = compile(plan, errors);
    if (!search) return kExitError;
    if (plan.use_index) use_indexes(*search, plan.search, errors);
    OutputPlan output = plan.output;
    // -r: the patterns compiled for the search, so they compile for the replacer too.
    if (output.replacement) output.replacer = std::make_shared<const Replacer>(plan.search.pattern, *output.replacement);

    const OutputMode mode = plan.output.mode;
    StandardPrinter standard(output, out, errors);
    JsonPrinter json(output, out, errors);
    SilentSink silent(errors);
    ResultSink* printer = &standard;
    if (mode == OutputMode::Json) printer = &json;
    if (mode == OutputMode::Quiet || mode == OutputMode::StatsOnly) printer = &silent;

    // --stats counts as rg's printers do (see unprinted_matches.h).
    UnprintedMatches unprinted(*printer);
    const bool standard_lines = mode == OutputMode::Lines && !plan.output.multi_line;
    if (plan.output.stats && standard_lines) printer = &unprinted;
    // -q stops at the first match unless something counts every file (--stats, -q --json).
    const bool stop_at_first = mode == OutputMode::Quiet && !plan.output.stats && !plan.output.json_summary;
    MatchTracker tracker(*printer, stop_at_first,
                         /*unmatched_counts=*/mode == OutputMode::FilesWithoutMatch);

    SearchSummary summary;
    phases.begin("search");
    try {
        summary = search->run(tracker);
    } catch (const std::exception& e) {
        errors.report_message(std::string("error: ") + e.what());
        return kExitError;
    }
    phases.begin("hand-over");

    const auto elapsed_total = std::chrono::steady_clock::now() - started;
    if (mode == OutputMode::Json) json.finish(summary, elapsed_total);
    if (plan.output.json_summary) {  // every file counted, as rg's --stats counts them
        std::string line;
        format_json_summary(JsonTotals{rg_counts(summary), 0}, elapsed_total, plan.output.stats ? &summary : nullptr, line);
        out.write_block(line);
    }
    if (plan.output.stats && standard_lines) unprinted.take_off(summary);
    phases.end();
    const bool stats = mode == OutputMode::StatsOnly || (plan.output.stats && mode != OutputMode::Json);
    if (mode == OutputMode::StatsOnly) {
        out.write_block(format_stats_only(summary, plan.output.metrics_format));
    } else if (stats) {
        // rg's summary printers (-c, -l, --files-without-match) count no bytes printed.
        const bool summary_printer = mode == OutputMode::Count || mode == OutputMode::FilesWithMatches ||
                                     mode == OutputMode::FilesWithoutMatch || mode == OutputMode::Quiet;
        const std::uint64_t printed = summary_printer ? 0 : out.bytes_written();
        out.write_block(format_stats_report(summary, printed, elapsed_total, plan.output.metrics_format));
    }
    if (stats) {
        const MemoryReport report{measure_process_peaks(), summary.memory, phases.phases(), summary.allocations};
        out.write_block(plan.output.metrics_format == MetricsFormat::Prometheus ? format_memory_prometheus(report)
                                                                                : format_memory_text(report));
    }
    // The collector plugins' series follow the engine's (Prometheus output only; see collector_metrics.h).
    if (stats && plan.output.metrics_format == MetricsFormat::Prometheus) {
        out.write_block(collector_prometheus(errors));
    }
    out.flush();

    // ripgrep treats a reader that went away (`... | head`) as a normal end, not as an error.
    if (out.closed()) return kExitMatch;
    if (out.error() != 0) {
        errors.report_message(std::string("error writing to standard output: ") + std::strerror(out.error()));
        return kExitError;
    }
    // rg counts a file it skipped as binary as one without a match (its search ended with none).
    const bool success = tracker.matched() || (mode == OutputMode::FilesWithoutMatch && summary.skipped.binary > 0);
    return exit_status(success, errors.count() > 0, mode == OutputMode::Quiet);
}

}  // namespace codescout::cli
