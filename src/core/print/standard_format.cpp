// The standard format (see standard_format.h). Escape sequences are byte-for-byte those of
// `rg --color always` with its default colours, so coloured output can be compared too.
#include "core/print/standard_format.h"

#include <algorithm>

#include "core/print/display_path.h"
#include "core/print/printer_pieces.h"
#include "core/print/standard_line.h"

namespace codescout {
namespace {

void append_colored(std::string& out, std::string_view text, std::string_view color, bool enabled) {
    if (!enabled) {
        out.append(text);
        return;
    }
    out.append(color).append(text).append(kReset);
}

void append_path(std::string& out, std::string_view path, const OutputPlan& plan) {
    append_colored(out, display_path(path, plan.strip_dot_slash), kPathColor, plan.color);
}

void append_path(std::string& out, const FileResult& result, const OutputPlan& plan) {
    append_path(out, result.path, plan);
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

// rg reports each line with its terminator; the engine strips it. Only a file's last line can
// lack one, and then it ends exactly at the end of the file. A size of 0 means "unknown" (e.g.
// /proc files): lines there do end in one.
bool has_terminator(const FileResult& result, const LineRecord& line) {
    return result.size == 0 || line.byte_offset + line.text.size() < result.size;
}

void format_lines(const FileResult& result, const OutputPlan& plan, std::string& out, const FormatDrain& drain) {
    StandardLinesFormat format(result.path, plan);
    const std::string_view path = display_path(result.path, plan.strip_dot_slash);
    // A file with many lines would grow `out` by doubling, copying and touching new pages each
    // time (twice the bytes in page faults): room for what plain output prints, taken at once.
    std::size_t expected = out.size();
    for (const LineRecord& line : result.lines) {
        expected += line.text.size() + path.size() + 24;
        if (drain && expected > kFormatPartBytes) break;  // parts: a little over one part at a time
    }
    out.reserve(expected);
    for (const LineRecord& line : result.lines) {
        // An explicit input with a NUL: rg stops printing at the first line it hands to the
        // printer after noticing the NUL (the group separator before it is already out).
        if (result.binary.action == BinaryAction::SearchedThrough && line.byte_offset >= result.binary.text_end) {
            format.gap_before(line, out);
            break;
        }
        format.line(line, has_terminator(result, line), out);
        if (drain && out.size() >= kFormatPartBytes) drain(out);
    }
    format.end(result, out);
}

// The path of a file without its lines (-l, --files-without-match): then the path terminator
// (-0) or the line terminator.
void append_path_line(std::string& out, const FileResult& result, const OutputPlan& plan) {
    append_path(out, result, plan);
    out.push_back(plan.path_terminator.value_or(plan.line_terminator));
}

}  // namespace

StandardLinesFormat::StandardLinesFormat(std::string_view path, const OutputPlan& plan)
    : raw_path_(path), path_(display_path(path, plan.strip_dot_slash)), plan_(plan) {}

void StandardLinesFormat::gap_before(const LineRecord& line, std::string& out) const {
    // ">": with -U, rg can print one after-context line twice, without a separator.
    if (plan_.context && previous_ != 0 && line.number > previous_ + 1) {
        out.append("--");
        out.push_back(plan_.line_terminator);
    }
}

void StandardLinesFormat::line(const LineRecord& line, bool terminated, std::string& out) {
    // Like rg, the heading comes with the first line printed: a binary file that prints only
    // its note has none.
    if (!printed_a_line_ && plan_.with_filename && plan_.heading) {
        append_path(out, raw_path_, plan_);
        out.push_back(plan_.path_terminator.value_or(plan_.line_terminator));
    }
    printed_a_line_ = true;
    gap_before(line, out);
    previous_ = line.number + (plan_.multi_line && !line.is_context ? line.line_count() - 1 : 0);
    format_standard_line(line, terminated, path_, plan_, out);
}

void StandardLinesFormat::end(const FileResult& result, std::string& out) const {
    // rg's note says that a binary file matches: none for one shown only as context (--passthru).
    if (result.binary.action == BinaryAction::None || result.matched_lines == 0) return;
    if (plan_.context && result.binary.context_break) {
        out.append("--");
        out.push_back(plan_.line_terminator);
    }
    append_binary_note(out, result, plan_);
}

bool prints_a_line(const FileResult& result) {
    return !result.lines.empty() && (result.binary.action != BinaryAction::SearchedThrough ||
                                     result.lines.front().byte_offset < result.binary.text_end);
}

bool is_summary_mode(OutputMode mode) {
    return mode == OutputMode::Count || mode == OutputMode::FilesWithMatches || mode == OutputMode::FilesWithoutMatch;
}

void format_standard(const FileResult& result, const OutputPlan& plan, std::string& out, const FormatDrain& drain) {
    switch (plan.mode) {
        case OutputMode::Count: {
            const std::uint64_t count = plan.count_matches ? result.matches : result.matched_lines;
            if (result.matched_lines == 0 && !plan.include_zero) return;
            if (plan.with_filename) {
                append_path(out, result, plan);
                out.push_back(plan.path_terminator.value_or(':'));
            }
            append_number(out, count);
            out.push_back(plan.line_terminator);
            return;
        }
        case OutputMode::FilesWithMatches:
            if (result.matched_lines > 0) append_path_line(out, result, plan);
            return;
        case OutputMode::FilesWithoutMatch:
            if (result.matched_lines == 0) append_path_line(out, result, plan);
            return;
        default:
            format_lines(result, plan, out, drain);
            return;
    }
}

std::string_view file_separator(const OutputPlan& plan) {
    if (plan.mode != OutputMode::Lines) return {};
    if (plan.heading) return plan.line_terminator == '\0' ? std::string_view("\0", 1) : "\n";
    if (!plan.context) return {};
    return plan.line_terminator == '\0' ? std::string_view("--\0", 3) : "--\n";
}

}  // namespace codescout
