// Statistics output (see summary_output.h).
#include "cli/summary_output.h"

#include <cstdio>
#include <string_view>

#include "cli/rg_compat/rg_counts.h"
#include "core/metrics/metrics_format.h"

namespace codescout::cli {
namespace {

std::uint64_t total_skipped(const SkipCounts& s) {
    return s.ignored + s.hidden + s.binary + s.too_large + s.errors + s.special;
}

std::string skipped_breakdown(const SkipCounts& s) {
    const auto n = with_thousands_separators;
    return n(s.ignored) + " ignored, " + n(s.hidden) + " hidden, " + n(s.binary) + " binary, " +
           n(s.too_large) + " too large, " + n(s.errors) + " errors, " + n(s.special) + " special";
}

void prometheus_metric(std::string& out, std::string_view name, std::string_view type, std::string_view help,
                       const std::string& value) {
    out.append("# HELP codescout_").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE codescout_").append(name).append(" ").append(type).append("\n");
    out.append("codescout_").append(name).append(" ").append(value).append("\n");
}

std::string plain_seconds(std::chrono::nanoseconds elapsed) {
    char text[48];
    std::snprintf(text, sizeof text, "%.6f", static_cast<double>(elapsed.count()) / 1e9);
    return text;
}

}  // namespace

std::string format_seconds(std::chrono::nanoseconds elapsed) { return plain_seconds(elapsed) + " seconds"; }

std::string format_stats_report(const SearchSummary& s, std::uint64_t bytes_printed,
                                std::chrono::nanoseconds elapsed_total, MetricsFormat format) {
    if (format == MetricsFormat::Prometheus) return "\n" + format_prometheus_report(s);
    const SearchSummary rg = rg_counts(s);
    std::string out = "\n";
    out += std::to_string(rg.matches) + " matches\n";
    out += std::to_string(rg.matched_lines) + " matched lines\n";
    out += std::to_string(rg.files_matched) + " files contained matches\n";
    out += std::to_string(rg.files_searched) + " files searched\n";
    out += std::to_string(total_skipped(s.skipped)) + " files skipped (" + skipped_breakdown(s.skipped) + ")\n";
    out += std::to_string(bytes_printed) + " bytes printed\n";
    out += std::to_string(rg.bytes_searched) + " bytes searched\n";
    out += format_seconds(s.elapsed) + " spent searching\n";
    out += format_seconds(elapsed_total) + "\n\n";
    out += format_stats_block(s.metrics);
    return out;
}

std::string format_stats_only(const SearchSummary& s, MetricsFormat format) {
    if (format == MetricsFormat::Prometheus) return format_prometheus_report(s);
    const auto n = with_thousands_separators;
    std::string out = format_stats_block(s.metrics);
    out += "Files searched: " + n(s.files_searched) + "\n";
    out += "Files with matches: " + n(s.files_matched) + "\n";
    out += "Matched lines: " + n(s.matched_lines) + "\n";
    out += "Matches: " + n(s.matches) + "\n";
    out += "Bytes searched: " + n(s.bytes_searched) + " bytes\n";
    out += "Files skipped: " + n(total_skipped(s.skipped)) + " (" + skipped_breakdown(s.skipped) + ")\n";
    out += "Resident memory: " + n(s.metrics.resident_bytes) + " bytes\n";
    out += "Elapsed: " + format_seconds(s.elapsed) + "\n";
    if (s.cancelled) out += "Search cancelled before the end\n";
    return out;
}

std::string format_prometheus_report(const SearchSummary& s) {
    std::string out = format_prometheus(s.metrics);
    const auto u = [](std::uint64_t v) { return std::to_string(v); };
    prometheus_metric(out, "search_files_searched_total", "counter", "Files searched.", u(s.files_searched));
    prometheus_metric(out, "search_files_matched_total", "counter", "Files with at least one match.",
                      u(s.files_matched));
    prometheus_metric(out, "search_matched_lines_total", "counter", "Lines with at least one match.",
                      u(s.matched_lines));
    prometheus_metric(out, "search_matches_total", "counter", "Individual matches.", u(s.matches));
    prometheus_metric(out, "search_searched_bytes_total", "counter", "Bytes of file content searched.",
                      u(s.bytes_searched));
    out += "# HELP codescout_search_files_skipped_total Files not searched, by reason.\n";
    out += "# TYPE codescout_search_files_skipped_total counter\n";
    const std::pair<std::string_view, std::uint64_t> reasons[] = {
        {"ignored", s.skipped.ignored}, {"hidden", s.skipped.hidden},       {"binary", s.skipped.binary},
        {"too_large", s.skipped.too_large}, {"error", s.skipped.errors}, {"special", s.skipped.special}};
    for (const auto& [reason, count] : reasons) {
        out.append("codescout_search_files_skipped_total{reason=\"").append(reason).append("\"} ");
        out.append(u(count)).append("\n");
    }
    prometheus_metric(out, "search_duration_seconds", "gauge", "Wall time of the search.", plain_seconds(s.elapsed));
    return out;
}

}  // namespace codescout::cli
