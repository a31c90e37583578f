// ripgrep's standard output format for one file's results, as bytes: "PATH:LINE:TEXT" matches,
// "PATH-LINE-TEXT" context, "--" between non-contiguous context groups, "PATH:COUNT" for -c,
// "PATH" for -l; headings and ANSI colours (rg's defaults) when the plan asks for them.
#pragma once

#include <string>
#include <string_view>

#include "core/print/format_drain.h"
#include "core/print/output_plan.h"
#include "core/search/search_result.h"

namespace codescout {

// Appends the output for `result` to `out` (mode Lines, Count or FilesWithMatches); with a
// `drain`, hands it over in parts as it grows (the last part stays in `out`).
void format_standard(const FileResult& result, const OutputPlan& plan, std::string& out, const FormatDrain& drain = {});

// One file's Lines output a line at a time, as format_standard() prints a file's lines: the
// heading before the first line, "--" before a line after a gap (with context), the binary note
// at the end. For a file whose lines arrive one by one (core/search/line_stream.h).
class StandardLinesFormat {
public:
    // `path` as the file's FileResult::path; both must outlive this object.
    StandardLinesFormat(std::string_view path, const OutputPlan& plan);

    // Appends `line` with what comes before it. `terminated`: it had a terminator in the file.
    void line(const LineRecord& line, bool terminated, std::string& out);
    // Appends the "--" that would come before `line` (rg prints it before the line it then
    // refuses to print: a named file's line after a NUL).
    void gap_before(const LineRecord& line, std::string& out) const;
    // Appends what follows the lines: the binary note of `result`, if any.
    void end(const FileResult& result, std::string& out) const;
    bool printed_a_line() const { return printed_a_line_; }

    // What the next line's output depends on; restore() puts it back after lines are taken back.
    struct State {
        std::uint64_t previous = 0;  // the last line number printed (0: none)
        bool printed_a_line = false;
    };
    State state() const { return {previous_, printed_a_line_}; }
    void restore(State state) {
        previous_ = state.previous;
        printed_a_line_ = state.printed_a_line;
    }

private:
    std::string_view raw_path_;
    std::string_view path_;  // as displayed
    const OutputPlan& plan_;
    std::uint64_t previous_ = 0;
    bool printed_a_line_ = false;
};

// Whether the Lines output of `result` prints a line (not only a binary note). rg puts the file
// separator (and heading) before a file's first line, so a file that prints only its note gets none.
bool prints_a_line(const FileResult& result);

// What goes between two files' blocks: "--\n" with context lines, "\n" under headings, else "".
std::string_view file_separator(const OutputPlan& plan);

}  // namespace codescout
