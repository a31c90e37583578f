// The buffer scanner: finds matching lines in a buffer of whole lines by asking the matcher for
// the next candidate in the whole buffer (not line by line), then verifying the candidate's line
// alone. It keeps the state that crosses buffer boundaries (line numbers, pending after-context,
// -m), so the same file can be fed whole, in chunks, or in windows of a mapping. When the report
// needs no match positions (no spans, no match count) it asks only which lines match
// (Matcher::find_matching_line), which a matcher may answer without finding the match itself.
// Lines go into the result's LineList, or, when the file streams (line_stream.h), to its stream
// as views into the window, each once it is complete with its spans.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/match/matcher.h"
#include "core/search/result_sink.h"
#include "core/search/search_options.h"
#include "core/search/search_result.h"

namespace codescout {

class FileScanner {
public:
    // `terminator`: what ends a line (PatternOptions::line_terminator: '\0' for --null-data's
    // records, each then matched on its own, '\n' an ordinary byte inside it).
    FileScanner(const Matcher& matcher, MatchScratch& scratch, const ReportOptions& report, char terminator);

    // Starts a new file whose lines go into `out` (lines, matched_lines, matches). With a
    // `stream_sink`, the first line opens a stream there (ResultSink::open_stream(), `turn`
    // passed on) into out.stream, and the lines go to it instead of out.lines.
    void start(FileResult& out, ResultSink* stream_sink = nullptr, TurnGate* turn = nullptr);
    // Lines starting before `offset` are final (LineStream::final_before()): passed on to the
    // stream, or to the stream the first line opens.
    void final_before(std::uint64_t offset);

    // Scans the lines in window[from, window.size()). The window's first byte is at file offset
    // `base`; window[0, from) are lines already scanned, kept only as possible before-context.
    // window.size() is the end of a line ("\n" included) or the end of the file. Throws
    // MatchLimitError from the matcher.
    void scan(std::string_view window, std::uint64_t base, std::size_t from);

    // The next scan() starts at file offset `offset`, a line start whose number is `line`; the
    // bytes skipped hold no matching line (a file read in ranges: line_ranges.h). Only for
    // reports without context lines, -v or --passthru.
    void skip_to(std::uint64_t offset, std::uint64_t line);

    // True when more input cannot change the result: -l found a match, or -m was reached and
    // its after-context is complete.
    bool finished() const { return finished_; }

    // File offset just past the last line this file's scan reported (a match, in any mode, or a
    // context line); 0 before the first.
    std::uint64_t last_line_end() const { return last_line_end_; }

    // Where the reader must keep bytes from when it drops the front of `window` (before-context
    // for a later match); everything before can go. Also settles the line count up to there.
    std::size_t retain_from(std::string_view window, std::uint64_t base);

private:
    void scan_lines(std::string_view window, std::uint64_t base, std::size_t from);
    struct LineMatch {
        std::size_t line_start;
        std::size_t line_end;  // at its terminator (or the window's end)
        // Relative to line_start; not looked for when the report needs only the lines.
        std::optional<MatchRange> first;
    };
    // The first line at or after `pos` (a line start) that holds a match.
    std::optional<LineMatch> next_matching_line(std::string_view window, std::size_t pos);
    // A line the report selects: one that matches (no `first` with -v, whose lines do not).
    void on_matching_line(std::string_view window, std::uint64_t base, std::size_t line_start,
                          std::size_t line_end, std::optional<MatchRange> first);
    // --passthru: every line not yet reported up to `up_to`, as context.
    void emit_gap(std::string_view window, std::uint64_t base, std::size_t up_to);
    // With -v, context lines are the ones that match: they get their spans (the last record).
    void add_context_spans();
    void emit_after_context(std::string_view window, std::uint64_t base, std::size_t up_to);
    void emit_before_context(std::string_view window, std::uint64_t base, std::size_t line_start,
                             std::uint64_t line_number);
    // Appends a line record with its text; spans are added by the caller (collect_spans).
    void append_line(std::string_view window, std::uint64_t base, std::size_t line_start,
                            std::size_t line_end, std::uint64_t number, bool is_context);
    // Counts every match of the line from `first` (already known) on, and adds each as a span
    // to the last record when `record` is set; returns how many. `terminated`: the line has its
    // terminator; on a last line without one, an empty match at its very end is recorded but not
    // counted (the matches counted are the ones a printer shows: rg_visible_spans.h).
    // `empty_after_text`: an empty line is searched as ReportOptions::empty_line_after_its_text says.
    std::uint64_t collect_spans(std::string_view line, MatchRange first, bool record, bool terminated = true,
                                bool empty_after_text = false);
    // Whether the line at `line_start` has text before it to be searched after
    // (ReportOptions::empty_line_after_its_text): not the file's first line.
    bool after_text(std::uint64_t base, std::size_t line_start) const {
        return report_.empty_line_after_its_text && base + line_start > 0;
    }
    // Adds a span to the last line (streamed or collected).
    void add_span(MatchSpan span);
    // The text of the last line appended.
    std::string_view last_text() const;
    // Hands the streamed line waiting for its spans to the stream.
    void flush_pending();
    std::uint64_t line_number_at(std::string_view window, std::uint64_t base, std::size_t offset);
    void mark_emitted(std::uint64_t base, std::size_t line_end, std::uint64_t number);

    const Matcher& matcher_;
    MatchScratch& scratch_;
    const ReportOptions& report_;
    const char term_;  // the line terminator
    const bool lines_only_;  // the report needs no match positions (Matcher::find_matching_line)
    FileResult* out_ = nullptr;

    // Streaming (start()): where to open the stream, and the last line until it is complete.
    ResultSink* stream_sink_ = nullptr;
    TurnGate* turn_ = nullptr;
    std::uint64_t final_before_ = 0;  // the last final_before(), for a stream not open yet
    bool size_unknown_ = false;  // out_->size 0: every line counts as terminated (as the printer does)
    bool has_pending_ = false;
    bool pending_terminated_ = true;
    LineRecord pending_;
    std::vector<MatchSpan> pending_spans_;

    std::uint64_t emitted_end_ = 0;      // file offset after the last line put into the result
    std::uint64_t after_remaining_ = 0;  // after-context lines still owed to the last match
    std::uint64_t counted_offset_ = 0;   // a line start whose number is known ...
    std::uint64_t counted_line_ = 1;     // ... and that number
    std::uint64_t last_line_end_ = 0;    // see last_line_end()
    bool limit_reached_ = false;         // -m matching lines found
    bool finished_ = false;
};

}  // namespace codescout
