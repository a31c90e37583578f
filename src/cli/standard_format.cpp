// The standard format (see standard_format.h). Escape sequences are byte-for-byte those of
// `rg --color always` with its default colours, so coloured output can be compared too.
#include "cli/standard_format.h"

#include <algorithm>
#include <charconv>

#include "cli/display_path.h"

namespace codescout::cli {
namespace {

constexpr std::string_view kPathColor = "\x1b[0m\x1b[35m";        // magenta
constexpr std::string_view kLineColor = "\x1b[0m\x1b[32m";        // green
constexpr std::string_view kMatchColor = "\x1b[0m\x1b[1m\x1b[31m";  // bold red
constexpr std::string_view kReset = "\x1b[0m";

void append_number(std::string& out, std::uint64_t n) {
    char digits[24];
    const auto [end, error] = std::to_chars(digits, digits + sizeof digits, n);
    (void)error;  // 24 characters hold any 64-bit number
    out.append(digits, end);
}

void append_colored(std::string& out, std::string_view text, std::string_view color, bool enabled) {
    if (!enabled) {
        out.append(text);
        return;
    }
    out.append(color).append(text).append(kReset);
}

void append_path(std::string& out, const FileResult& result, const OutputPlan& plan) {
    append_colored(out, display_path(result.path, plan.strip_dot_slash), kPathColor, plan.color);
}

void append_text(std::string& out, const LineRecord& line, bool color) {
    if (!color || line.spans.empty()) {
        out.append(line.text);
        return;
    }
    const std::string_view text = line.text;
    std::size_t pos = 0;
    for (const MatchSpan& span : line.spans) {
        // Spans come from the engine; clamp rather than trust them blindly with raw offsets.
        const std::size_t begin = std::clamp<std::size_t>(span.begin, pos, text.size());
        const std::size_t end = std::clamp<std::size_t>(span.end, begin, text.size());
        if (begin == end) continue;  // an empty match has nothing to colour
        out.append(text.substr(pos, begin - pos));
        append_colored(out, text.substr(begin, end - begin), kMatchColor, true);
        pos = end;
    }
    out.append(text.substr(pos));
}

// rg's note about a NUL byte, after the lines: "[PATH: ]binary file matches (found "\0" byte
// around offset N)", or its warning for a walked file it stopped reading.
void append_binary_note(std::string& out, const FileResult& result, const OutputPlan& plan) {
    if (plan.with_filename) {
        append_path(out, result, plan);
        out.append(": ");
    }
    if (result.binary.action == BinaryAction::Stopped) out.append("WARNING: stopped searching binary file after match ");
    else out.append("binary file matches ");
    out.append("(found \"\\0\" byte around offset ");
    append_number(out, result.binary.nul_offset);
    out.append(")\n");
}

void format_lines(const FileResult& result, const OutputPlan& plan, std::string& out) {
    const bool inline_path = plan.with_filename && !plan.heading;
    // Like rg, the heading comes with the first line printed: a binary file that prints only
    // its note has none.
    const bool any_line = !result.lines.empty() && (result.binary.action != BinaryAction::SearchedThrough ||
                                                    result.lines.front().byte_offset < result.binary.text_end);
    if (plan.with_filename && plan.heading && any_line) {
        append_path(out, result, plan);
        out.push_back('\n');
    }
    std::uint64_t previous = 0;
    for (const LineRecord& line : result.lines) {
        const bool gap = plan.context && previous != 0 && line.number != previous + 1;
        if (gap) out.append("--\n");
        // An explicit input with a NUL: rg stops printing at the first line it hands to the
        // printer after noticing the NUL (the group separator before it is already out).
        if (result.binary.action == BinaryAction::SearchedThrough && line.byte_offset >= result.binary.text_end) break;
        previous = line.number;
        const char separator = line.is_context ? '-' : ':';
        if (inline_path) {
            append_path(out, result, plan);
            out.push_back(separator);
        }
        if (plan.line_numbers) {
            if (plan.color) {
                out.append(kLineColor);
                append_number(out, line.number);
                out.append(kReset);
            } else {
                append_number(out, line.number);
            }
            out.push_back(separator);
        }
        append_text(out, line, plan.color);
        out.push_back('\n');
    }
    if (result.binary.action != BinaryAction::None) append_binary_note(out, result, plan);
}

}  // namespace

void format_standard(const FileResult& result, const OutputPlan& plan, std::string& out) {
    switch (plan.mode) {
        case OutputMode::Count:
            if (plan.with_filename) {
                append_path(out, result, plan);
                out.push_back(':');
            }
            append_number(out, result.matched_lines);
            out.push_back('\n');
            return;
        case OutputMode::FilesWithMatches:
            append_path(out, result, plan);
            out.push_back('\n');
            return;
        default:
            format_lines(result, plan, out);
            return;
    }
}

std::string_view file_separator(const OutputPlan& plan) {
    if (plan.mode != OutputMode::Lines) return {};
    if (plan.heading) return "\n";
    return plan.context ? "--\n" : "";
}

}  // namespace codescout::cli
