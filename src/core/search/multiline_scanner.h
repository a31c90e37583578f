// The multi-line scanner (-U with a pattern that can match '\n'): finds matches in a file's whole
// text, not line by line, and reports every line a match touches. It follows ripgrep 14's
// multi-line searcher step for step, because the CLI promises rg's output byte for byte:
//  - a match is widened to the whole lines it touches; matches whose lines touch or are adjacent
//    are reported together, as one block (one LineRecord whose text holds several lines, its
//    spans relative to the block's first byte and possibly ending after the last line's '\n');
//  - each search for the next match starts on the text after the previous match, seen alone
//    (rg searches a sub-slice there, so ^ and look-behind do not see the bytes before it);
//  - the matches inside a block are found again with the whole text visible and at most 128
//    bytes past the block (rg's printer does that), and those are the ones counted and shown;
//  - -m counts blocks, -c counts matches, -v reports the lines outside every block one by one;
//  - a NUL inside a range about to be reported can stop the search (binary_policy.h).
// Context lines before and after blocks, group breaks and -m's after-context are rg's, quirks
// included (see multiline_scanner.cpp). One per worker thread, reused for every file.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/match/matcher.h"
#include "core/search/binary_policy.h"
#include "core/search/search_options.h"
#include "core/search/search_result.h"

namespace codescout {

class MultilineScanner {
public:
    // `terminator`: what ends a line (PatternOptions::line_terminator).
    MultilineScanner(const Matcher& matcher, MatchScratch& scratch, const ReportOptions& report, char terminator);

    // Scans `text`, a whole file's text, into `out` (lines, matched_lines, matches). `nul_rule`:
    // what a NUL inside a range about to be reported does. Throws MatchLimitError.
    void scan(std::string_view text, const WholeTextRule& nul_rule, FileResult& out);

    // Where the scan ended, for the binary check (binary_policy.h).
    ScanEnd end() const;

    // rg's printer looks this far past a block for the end of a match (its MAX_LOOK_AHEAD).
    static constexpr std::size_t kLookAhead = 128;

private:
    struct Range {
        std::size_t begin = 0;
        std::size_t end = 0;
        bool empty() const { return begin == end; }
    };
    enum class Kind { Match, Before, After, Other };

    bool sink();           // the next match (or block) of a normal search; false to stop
    bool sink_inverted();  // the next run of lines outside any match, for -v
    bool sink_matched(Range range);
    bool sink_context(Range range);
    bool before_context_by_line(std::size_t upto);
    bool after_context_by_line(std::size_t upto);
    bool other_context_by_line(std::size_t upto);
    bool sink_context_line(Range line, Kind kind);
    // rg's sink_break_context: does a group separator come before a range starting at `start`?
    bool is_break(std::size_t start) const;
    // A NUL in `range` (about to be reported as `kind`): true when the search must stop there.
    bool stops_at_nul(Range range, Kind kind);
    // What the printer says to a reported range: false when it wants no more (-m, -l).
    bool printer_matched(std::uint64_t matches);
    bool printer_context(Kind kind);

    std::optional<MatchRange> find_next();
    Range locate(MatchRange match) const;
    Range line_at(std::size_t start, std::size_t end) const;  // the line starting at `start`
    // Matches of [range.begin, range.end) as the printer finds them; appended to `spans` (relative
    // to range.begin) when given. Returns how many.
    std::uint64_t block_matches(Range range, std::vector<MatchSpan>* spans);
    // Matches in `subject` alone (a -v context line), relative to it.
    std::uint64_t matches_in(std::string_view subject, std::size_t from, std::size_t stop_before,
                             std::size_t offset_base, std::vector<MatchSpan>* spans);
    const LineRecord& record(Range range, bool is_context, std::span<const MatchSpan> spans);
    void count_lines(std::size_t upto);

    const Matcher& matcher_;
    MatchScratch& scratch_;
    const ReportOptions& report_;
    const char term_;
    std::vector<MatchSpan> span_scratch_;

    // Per file.
    std::string_view text_;
    FileResult* out_ = nullptr;
    ReportedNul nul_rule_ = ReportedNul::Ignore;
    std::optional<std::uint64_t> known_nul_;
    std::size_t pos_ = 0;
    std::optional<Range> last_match_;
    std::size_t last_line_visited_ = 0;
    std::size_t after_context_left_ = 0;
    bool has_sunk_ = false;
    std::size_t last_line_counted_ = 0;
    std::uint64_t line_number_ = 1;
    // The printer's side: blocks reported (-m), matches counted (-c, -l), after-context owed.
    std::uint64_t printer_blocks_ = 0;
    std::uint64_t printer_matches_ = 0;
    std::uint64_t printer_after_remaining_ = 0;
    bool finished_early_ = false;
    std::uint64_t last_line_end_ = 0;
    std::optional<ReportedNulHit> nul_hit_;
};

}  // namespace codescout
