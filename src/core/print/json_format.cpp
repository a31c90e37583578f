// rg's JSON Lines messages (see json_format.h).
#include "core/print/json_format.h"

#include <cinttypes>
#include <cstdio>
#include <string>
#include <string_view>

#include "core/print/display_path.h"
#include "core/print/json_text.h"
#include "core/print/rg_visible_spans.h"

namespace codescout {
namespace {

void append_uint(std::string& out, std::uint64_t n) { out.append(std::to_string(n)); }

void append_path_object(std::string& out, const FileResult& result, const OutputPlan& plan) {
    out.append("\"path\":");
    append_json_data(out, display_path(result.path, plan.strip_dot_slash));
}

// rg reports each line with its terminator. The engine strips it, so put it back ("\n", or the
// NUL of a --null-data record) unless this is a last line without one (it then ends exactly at
// the end of the file). A size of 0 means "unknown" (e.g. /proc files): lines there do end in one.
bool has_terminator(const FileResult& result, const LineRecord& line) {
    return result.size == 0 || line.byte_offset + line.text.size() < result.size;
}

void append_line_message(std::string& out, const FileResult& result, const LineRecord& line,
                         const OutputPlan& plan, std::string& scratch) {
    out.append(line.is_context ? "{\"type\":\"context\",\"data\":{" : "{\"type\":\"match\",\"data\":{");
    append_path_object(out, result, plan);
    out.append(",\"lines\":");
    scratch.assign(line.text);
    if (has_terminator(result, line)) scratch.push_back(plan.line_terminator);
    append_json_data(out, scratch);
    out.append(",\"line_number\":");
    if (plan.line_numbers) append_uint(out, line.number);
    else out.append("null");
    out.append(",\"absolute_offset\":");
    append_uint(out, line.byte_offset);
    out.append(",\"submatches\":[");
    bool first = true;
    // `scratch` holds the line with its terminator: a -U match may end after it.
    for (const MatchSpan& span : rg_visible_spans(line.spans, scratch.size())) {
        if (span.begin > span.end || span.end > scratch.size()) continue;  // never index out of range
        if (!first) out.push_back(',');
        first = false;
        out.append("{\"match\":");
        append_json_data(out, std::string_view(scratch).substr(span.begin, span.end - span.begin));
        out.append(",\"start\":");
        append_uint(out, span.begin);
        out.append(",\"end\":");
        append_uint(out, span.end);
        out.push_back('}');
    }
    out.append("]}}\n");
}

// rg writes a duration in two key orders: its per-file "end" message in declaration order
// (secs, nanos, human), its summary sorted by key (human, nanos, secs).
enum class DurationKeys { Declared, Sorted };

void append_duration(std::string& out, std::chrono::nanoseconds elapsed, DurationKeys keys = DurationKeys::Sorted) {
    const auto total = static_cast<std::uint64_t>(elapsed.count() < 0 ? 0 : elapsed.count());
    char human[48];
    std::snprintf(human, sizeof human, "%.6fs", static_cast<double>(total) / 1e9);
    if (keys == DurationKeys::Declared) {
        out.append("{\"secs\":");
        append_uint(out, total / 1000000000u);
        out.append(",\"nanos\":");
        append_uint(out, total % 1000000000u);
        out.append(",\"human\":\"").append(human).append("\"}");
        return;
    }
    out.append("{\"human\":\"").append(human).append("\",\"nanos\":");
    append_uint(out, total % 1000000000u);
    out.append(",\"secs\":");
    append_uint(out, total / 1000000000u);
    out.push_back('}');
}

void append_field(std::string& out, std::string_view name, std::uint64_t value, bool comma = true) {
    out.push_back('"');
    out.append(name).append("\":");
    append_uint(out, value);
    if (comma) out.push_back(',');
}

void append_metrics(std::string& out, const SearchSummary& s) {
    const MetricsSnapshot& m = s.metrics;
    out.append(",\"memory\":{");
    append_field(out, "total_allocated", m.total_allocated);
    append_field(out, "peak_allocated", m.peak_allocated);
    append_field(out, "mmap_allocated", m.mmap_allocated);
    append_field(out, "cache_size", m.cache_size);
    append_field(out, "cache_hits", m.cache_hits);
    append_field(out, "cache_misses", m.cache_misses);
    append_field(out, "small_files_processed", m.small_files_processed);
    append_field(out, "buffered_files_processed", m.buffered_files_processed);
    append_field(out, "mmap_files_processed", m.mmap_files_processed);
    append_field(out, "resident_bytes", m.resident_bytes, false);
    out.append("},\"skipped\":{");
    append_field(out, "binary", s.skipped.binary);
    append_field(out, "errors", s.skipped.errors);
    append_field(out, "hidden", s.skipped.hidden);
    append_field(out, "ignored", s.skipped.ignored);
    append_field(out, "special", s.skipped.special);
    append_field(out, "too_large", s.skipped.too_large, false);
    out.push_back('}');
}

}  // namespace

std::uint64_t format_json_file(const FileResult& result, const OutputPlan& plan, std::string& out,
                               const FormatDrain& drain) {
    const std::size_t start = out.size();
    std::uint64_t handed_over = 0;  // bytes drained so far, counted from the start of `out`
    out.append("{\"type\":\"begin\",\"data\":{");
    append_path_object(out, result, plan);
    out.append("}}\n");
    std::string scratch;
    for (const LineRecord& line : result.lines) {
        append_line_message(out, result, line, plan, scratch);
        if (drain && out.size() >= kFormatPartBytes) {
            handed_over += out.size();
            drain(out);
        }
    }
    const std::uint64_t printed = handed_over + out.size() - start;
    out.append("{\"type\":\"end\",\"data\":{");
    append_path_object(out, result, plan);
    out.append(",\"binary_offset\":");
    if (result.binary.action == BinaryAction::None) {
        out.append("null");
    } else {
        out.append(std::to_string(result.binary.nul_offset));
    }
    out.append(",\"stats\":{\"elapsed\":");
    append_duration(out, result.elapsed, DurationKeys::Declared);
    out.append(",\"searches\":1,");
    append_field(out, "searches_with_match", result.matched_lines > 0 ? 1 : 0);  // --passthru prints files without a match too
    append_field(out, "bytes_searched", result.searched_size());
    append_field(out, "bytes_printed", printed);
    append_field(out, "matched_lines", result.matched_lines);
    append_field(out, "matches", result.matches, false);
    out.append("}}}\n");
    return printed;
}

void JsonTotals::add(const FileResult& result, std::uint64_t printed) {
    files.count_printed_file(result);
    bytes_printed += printed;
}

void format_json_summary(const JsonTotals& totals, std::chrono::nanoseconds elapsed_total,
                         const SearchSummary* metrics_from, std::string& out) {
    out.append("{\"data\":{\"elapsed_total\":");
    append_duration(out, elapsed_total);
    if (metrics_from) append_metrics(out, *metrics_from);
    out.append(",\"stats\":{");
    const SearchSummary& files = totals.files;
    append_field(out, "bytes_printed", totals.bytes_printed);
    append_field(out, "bytes_searched", files.bytes_searched);
    out.append("\"elapsed\":");
    append_duration(out, files.elapsed);
    out.push_back(',');
    append_field(out, "matched_lines", files.matched_lines);
    append_field(out, "matches", files.matches);
    append_field(out, "searches", files.files_searched);
    append_field(out, "searches_with_match", files.files_matched, false);
    out.append("}},\"type\":\"summary\"}\n");
}

}  // namespace codescout
