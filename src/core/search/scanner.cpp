// FileScanner: candidate search over whole buffers, line verification, lazy line numbers and
// grep-style context (see scanner.h).
#include "core/search/scanner.h"

#include <algorithm>
#include <cstring>
#include <optional>

#include "core/match/line_match.h"
#include "core/search/line_counter.h"

namespace codescout {

namespace {

// True when the report needs no single match of a line, only which lines match: no spans to
// record (Lines mode without match_spans; -v's context lines get spans only with it) and no
// matches to count (Count mode without count_matches; -l never counts).
bool needs_lines_only(const ReportOptions& report) {
    switch (report.mode) {
    case ReportMode::Lines: return !report.match_spans;
    case ReportMode::Count: return !report.count_matches;
    case ReportMode::FilesWithMatches: return true;
    }
    return false;
}

}  // namespace

FileScanner::FileScanner(const Matcher& matcher, MatchScratch& scratch, const ReportOptions& report, char terminator)
    : matcher_(matcher), scratch_(scratch), report_(report), term_(terminator),
      lines_only_(needs_lines_only(report)) {}

void FileScanner::start(FileResult& out, ResultSink* stream_sink, TurnGate* turn) {
    out_ = &out;
    stream_sink_ = report_.mode == ReportMode::Lines ? stream_sink : nullptr;
    turn_ = turn;
    size_unknown_ = out.size == 0;
    final_before_ = 0;
    has_pending_ = false;
    emitted_end_ = 0;
    after_remaining_ = 0;
    counted_offset_ = 0;
    counted_line_ = 1;
    last_line_end_ = 0;
    limit_reached_ = false;
    // rg -m0 reports nothing at all.
    finished_ = report_.max_count && *report_.max_count == 0;
}

void FileScanner::skip_to(std::uint64_t offset, std::uint64_t line) {
    counted_offset_ = offset;
    counted_line_ = line;
}

void FileScanner::scan(std::string_view window, std::uint64_t base, std::size_t from) {
    scan_lines(window, base, from);
    // A streamed line views the window, which the caller may move after this.
    flush_pending();
}

void FileScanner::scan_lines(std::string_view window, std::uint64_t base, std::size_t from) {
    if (finished_) return;
    const std::size_t end = window.size();
    std::size_t pos = from;  // always a line start
    while (!limit_reached_ && pos < end) {
        const std::optional<LineMatch> hit = next_matching_line(window, pos);
        if (report_.invert) {
            // Every line before the next matching one is a matching line of -v.
            const std::size_t stop = hit ? hit->line_start : end;
            while (pos < stop && !limit_reached_) {
                const std::size_t line_end = line_end_of(window, pos, term_);
                on_matching_line(window, base, pos, line_end, std::nullopt);
                if (finished_) return;
                pos = line_end + 1;
            }
            if (!hit || limit_reached_) break;
            pos = hit->line_end + 1;
            continue;
        }
        if (!hit) break;
        pos = hit->line_end + 1;
        on_matching_line(window, base, hit->line_start, hit->line_end, hit->first);
        if (finished_) return;
    }
    if (report_.mode == ReportMode::Lines) {
        // --passthru with -m: rg prints nothing after the last match it was allowed.
        if (report_.passthru) {
            if (!limit_reached_) emit_gap(window, base, end);
        } else {
            emit_after_context(window, base, end);
        }
    }
    if (limit_reached_ && after_remaining_ == 0) finished_ = true;
}

std::optional<FileScanner::LineMatch> FileScanner::next_matching_line(std::string_view window, std::size_t pos) {
    const std::size_t end = window.size();
    if (term_ != '\n') {
        // Records end at another byte than the matcher's line end: each is matched on its own,
        // so that ^ and $ hold at its ends (and '\n' inside stays an ordinary byte for them).
        while (pos < end) {
            const std::size_t line_end = line_end_of(window, pos, term_);
            if (auto first = matcher_.find(window.substr(pos, line_end - pos), 0, scratch_)) {
                return LineMatch{pos, line_end, *first};
            }
            pos = line_end + 1;
        }
        return std::nullopt;
    }
    if (lines_only_) {
        // Where in the line the match lies is never asked for: the matcher may decide whole
        // lines its own (faster) way.
        const std::optional<std::size_t> line_start = matcher_.find_matching_line(window, pos, scratch_);
        if (!line_start) return std::nullopt;
        return LineMatch{*line_start, line_end_of(window, *line_start, term_), std::nullopt};
    }
    const std::optional<codescout::LineMatch> match = first_line_match(matcher_, window, pos, scratch_);
    if (!match) return std::nullopt;
    return LineMatch{match->line_start, match->line_end, match->first};
}

void FileScanner::on_matching_line(std::string_view window, std::uint64_t base, std::size_t line_start,
                                   std::size_t line_end, std::optional<MatchRange> first) {
    ++out_->matched_lines;
    last_line_end_ = base + line_end + 1;
    const bool limit_now = report_.max_count && out_->matched_lines >= *report_.max_count;
    const std::string_view line = window.substr(line_start, line_end - line_start);
    switch (report_.mode) {
    case ReportMode::FilesWithMatches:
        finished_ = true;
        return;
    case ReportMode::Count:
        if (report_.count_matches && first)
            out_->matches += collect_spans(line, *first, false, line_end < window.size(), after_text(base, line_start));
        limit_reached_ = limit_now;
        return;
    case ReportMode::Lines:
        break;
    }
    if (report_.passthru) emit_gap(window, base, line_start);
    else emit_after_context(window, base, line_start);
    const std::uint64_t number = line_number_at(window, base, line_start);
    if (!report_.passthru) emit_before_context(window, base, line_start, number);
    append_line(window, base, line_start, line_end, number, false);
    if (first && report_.match_spans)
        out_->matches += collect_spans(line, *first, true, line_end < window.size(), after_text(base, line_start));
    mark_emitted(base, line_end, number);
    after_remaining_ = report_.passthru ? 0 : report_.after_context;
    limit_reached_ = limit_now;
}

void FileScanner::emit_gap(std::string_view window, std::uint64_t base, std::size_t up_to) {
    while (emitted_end_ >= base && emitted_end_ - base < up_to) {
        const std::size_t line_start = static_cast<std::size_t>(emitted_end_ - base);
        const std::size_t line_end = line_end_of(window, line_start, term_);
        const std::uint64_t number = line_number_at(window, base, line_start);
        append_line(window, base, line_start, line_end, number, true);
        add_context_spans();
        mark_emitted(base, line_end, number);
    }
}

void FileScanner::add_context_spans() {
    // Only -v's context lines match the pattern; without -v a context line never does.
    if (!report_.invert || !report_.match_spans) return;
    const std::string_view text = last_text();
    if (const auto match = matcher_.find_in_line(text, 0, scratch_)) collect_spans(text, *match, true);
}

void FileScanner::emit_after_context(std::string_view window, std::uint64_t base, std::size_t up_to) {
    while (after_remaining_ > 0 && emitted_end_ >= base && emitted_end_ - base < up_to) {
        const std::size_t line_start = static_cast<std::size_t>(emitted_end_ - base);
        const std::size_t line_end = line_end_of(window, line_start, term_);
        const std::uint64_t number = line_number_at(window, base, line_start);
        // After -m is reached the trailing context is still classified like rg does: a line that
        // matches (with -v: that does not match) is shown as a match, and rg's printer counts it
        // (its statistics, --json's); it no longer counts towards -m.
        const std::string_view line = window.substr(line_start, line_end - line_start);
        std::optional<MatchRange> match;
        if (limit_reached_ || report_.invert) match = matcher_.find_in_line(line, 0, scratch_);
        const bool selected = limit_reached_ && (report_.invert ? !match : match.has_value());
        append_line(window, base, line_start, line_end, number, !selected);
        if (selected) ++out_->matched_lines;
        if (match && report_.match_spans && (report_.invert ? !selected : selected)) {
            const std::uint64_t spans = collect_spans(line, *match, true, line_end < window.size(), after_text(base, line_start));
            if (selected) out_->matches += spans;
        }
        mark_emitted(base, line_end, number);
        --after_remaining_;
    }
}

void FileScanner::emit_before_context(std::string_view window, std::uint64_t base, std::size_t line_start,
                                      std::uint64_t line_number) {
    if (report_.before_context == 0) return;
    // Never repeat a line already reported (as a match or as the previous group's context).
    const std::size_t floor = emitted_end_ > base ? static_cast<std::size_t>(emitted_end_ - base) : 0;
    if (floor >= line_start) return;
    std::size_t first = line_start;
    std::uint64_t count = 0;
    while (count < report_.before_context && first > floor) {
        first = line_start_of(window, floor, first - 1, term_);
        ++count;
    }
    for (std::size_t pos = first; count > 0; --count) {
        const std::size_t line_end = line_end_of(window, pos, term_);
        append_line(window, base, pos, line_end, line_number - count, true);
        add_context_spans();
        pos = line_end + 1;
    }
}

void FileScanner::append_line(std::string_view window, std::uint64_t base, std::size_t line_start,
                              std::size_t line_end, std::uint64_t number, bool is_context) {
    const std::string_view text = window.substr(line_start, line_end - line_start);
    if (stream_sink_ != nullptr) {
        flush_pending();
        if (!out_->stream) {
            out_->stream = stream_sink_->open_stream(out_->path, turn_);
            if (!out_->stream) stream_sink_ = nullptr;  // collected after all
            // Final already: written as they come, not held to the end of the block.
            else if (final_before_ > 0) out_->stream->final_before(final_before_);
        }
        if (out_->stream) {
            // Held until its spans are known (the caller adds them next) or the window moves.
            pending_ = LineRecord{number, base + line_start, text, {}, is_context};
            pending_terminated_ = size_unknown_ || line_end < window.size();
            pending_spans_.clear();
            has_pending_ = true;
            return;
        }
    }
    out_->lines.append(number, base + line_start, text, is_context);
}

void FileScanner::final_before(std::uint64_t offset) {
    final_before_ = offset;
    if (out_ != nullptr && out_->stream) out_->stream->final_before(offset);
}

void FileScanner::add_span(MatchSpan span) {
    if (has_pending_) pending_spans_.push_back(span);
    else out_->lines.add_span(span);
}

std::string_view FileScanner::last_text() const { return has_pending_ ? pending_.text : out_->lines.back().text; }

void FileScanner::flush_pending() {
    if (!has_pending_) return;
    has_pending_ = false;
    pending_.spans = pending_spans_;
    out_->stream->line(pending_, pending_terminated_);
}

std::uint64_t FileScanner::collect_spans(std::string_view line, MatchRange first, bool record, bool terminated, bool empty_after_text) {
    if (empty_after_text && line.empty()) {  // ReportOptions::empty_line_after_its_text
        const char terminator[1] = {term_};
        const std::optional<MatchRange> seen = matcher_.find_in_line(std::string_view(terminator, 1), 1, scratch_);
        if (!seen) return 0;
        first = MatchRange{seen->begin - 1, seen->end - 1};
    }
    const auto counts = [&](const MatchRange& m) { return terminated || m.begin < line.size() ? 1u : 0u; };
    if (record) add_span({static_cast<std::uint32_t>(first.begin), static_cast<std::uint32_t>(first.end)});
    std::uint64_t count = counts(first);
    std::size_t previous_end = first.end;
    bool previous_empty = first.begin == first.end;
    std::size_t next = previous_empty ? previous_end + 1 : previous_end;
    while (next <= line.size()) {
        const std::optional<MatchRange> match = matcher_.find_in_line(line, next, scratch_);
        if (!match) break;
        const bool empty = match->begin == match->end;
        // Like rg (and Rust's regex iterators): no empty match right where a match just ended.
        if (empty && match->begin == previous_end && !previous_empty) {
            next = match->begin + 1;
            continue;
        }
        if (record) add_span({static_cast<std::uint32_t>(match->begin), static_cast<std::uint32_t>(match->end)});
        count += counts(*match);
        previous_end = match->end;
        previous_empty = empty;
        next = empty ? previous_end + 1 : previous_end;
    }
    return count;
}

std::uint64_t FileScanner::line_number_at(std::string_view window, std::uint64_t base, std::size_t offset) {
    const std::uint64_t target = base + offset;
    if (target > counted_offset_ && counted_offset_ >= base) {
        counted_line_ += count_byte(window.data() + (counted_offset_ - base), target - counted_offset_, term_);
        counted_offset_ = target;
    }
    return counted_line_;
}

void FileScanner::mark_emitted(std::uint64_t base, std::size_t line_end, std::uint64_t number) {
    emitted_end_ = base + line_end + 1;
    last_line_end_ = emitted_end_;
    counted_offset_ = emitted_end_;
    counted_line_ = number + 1;
}

std::size_t FileScanner::retain_from(std::string_view window, std::uint64_t base) {
    const std::size_t end = window.size();
    if (report_.mode != ReportMode::Lines) return end;
    std::size_t keep = end;
    if (!finished_ && report_.before_context > 0) {
        const std::size_t floor =
            emitted_end_ > base ? static_cast<std::size_t>(std::min<std::uint64_t>(emitted_end_ - base, end)) : 0;
        for (std::uint64_t count = 0; count < report_.before_context && keep > floor; ++count) {
            keep = line_start_of(window, floor, keep - 1, term_);
        }
    }
    // The bytes before `keep` go away: count their lines now.
    line_number_at(window, base, keep);
    return keep;
}

}  // namespace codescout
