// MultilineScanner (see multiline_scanner.h). The structure follows grep-searcher's MultiLine and
// Core (sink, sink_matched_inverted, sink_context, *_context_by_line) and the parts of rg 14.1.1's
// printers that decide whether the search goes on (match counts, -m with after-context), so that
// each step can be checked against the original. Quirks kept on purpose, because rg's output
// shows them: a block is reported only once the next match is known not to touch it; when the
// last block's context makes the printer quit, rg still prints the after-context once more (so
// `-U -m1 -A1` can print a context line twice); -v with -U counts matches, not lines, for -c.
#include "core/search/multiline_scanner.h"

#include <algorithm>
#include <cstring>

namespace codescout {

MultilineScanner::MultilineScanner(const Matcher& matcher, MatchScratch& scratch, const ReportOptions& report,
                                   char terminator)
    : matcher_(matcher), scratch_(scratch), report_(report), term_(terminator) {}

void MultilineScanner::scan(std::string_view text, const WholeTextRule& nul_rule, FileResult& out) {
    text_ = text;
    out_ = &out;
    nul_rule_ = nul_rule.reported;
    known_nul_ = nul_rule.known_nul;
    pos_ = 0;
    last_match_.reset();
    last_line_visited_ = 0;
    after_context_left_ = 0;
    has_sunk_ = false;
    last_line_counted_ = 0;
    line_number_ = 1;
    printer_blocks_ = 0;
    printer_matches_ = 0;
    printer_after_remaining_ = 0;
    finished_early_ = false;
    last_line_end_ = 0;
    nul_hit_.reset();
    // rg -m0 reports nothing at all.
    if (report_.max_count && *report_.max_count == 0) {
        finished_early_ = true;
        return;
    }

    bool keepgoing = true;
    while (pos_ < text_.size() && keepgoing) keepgoing = report_.invert ? sink_inverted() : sink();
    if (keepgoing && last_match_) {
        const Range last = *last_match_;
        last_match_.reset();
        // rg 14.1.1 goes on to the trailing context whatever these two answer.
        if (sink_context(last)) sink_matched(last);
    }
    if (keepgoing) {
        if (report_.passthru) other_context_by_line(text_.size());
        else after_context_by_line(text_.size());
    }
}

ScanEnd MultilineScanner::end() const { return {finished_early_, last_line_end_, nul_hit_}; }

std::optional<MatchRange> MultilineScanner::find_next() {
    // rg searches the rest of the text as a slice of its own.
    const std::optional<MatchRange> match = matcher_.find(text_.substr(pos_), 0, scratch_);
    if (!match) return std::nullopt;
    return MatchRange{match->begin + pos_, match->end + pos_};
}

MultilineScanner::Range MultilineScanner::locate(MatchRange match) const {
    const void* before = match.begin == 0 ? nullptr : ::memrchr(text_.data(), term_, match.begin);
    const std::size_t start = before ? static_cast<std::size_t>(static_cast<const char*>(before) - text_.data()) + 1 : 0;
    std::size_t end;
    if (match.end > start && text_[match.end - 1] == term_) {
        end = match.end;
    } else {
        const std::size_t next = text_.find(term_, match.end);
        end = next == std::string_view::npos ? text_.size() : next + 1;
    }
    return {start, end};
}

MultilineScanner::Range MultilineScanner::line_at(std::size_t start, std::size_t end) const {
    const std::size_t next = text_.substr(0, end).find(term_, start);
    return {start, next == std::string_view::npos ? end : next + 1};
}

bool MultilineScanner::sink() {
    const std::optional<MatchRange> match = find_next();
    if (!match) {
        pos_ = text_.size();
        return true;
    }
    pos_ = match->end;
    if (match->begin == match->end && pos_ < text_.size()) ++pos_;
    const Range lines = locate(*match);
    if (!last_match_) {
        last_match_ = lines;
        return true;
    }
    // Lines that touch or follow directly grow the pending block.
    if (last_match_->end >= lines.begin) {
        last_match_->end = lines.end;
        return true;
    }
    const Range done = *last_match_;
    last_match_ = lines;
    if (!sink_context(done)) return false;
    return sink_matched(done);
}

bool MultilineScanner::sink_inverted() {
    Range inverted;
    if (const std::optional<MatchRange> match = find_next()) {
        const Range lines = locate(*match);
        inverted = {pos_, lines.begin};
        pos_ = lines.end;
        if (lines.empty() && pos_ < text_.size()) ++pos_;
    } else {
        inverted = {pos_, text_.size()};
        pos_ = text_.size();
    }
    if (inverted.empty()) return true;
    if (!sink_context(inverted)) return false;
    for (std::size_t at = inverted.begin; at < inverted.end;) {
        const Range line = line_at(at, inverted.end);
        if (!sink_matched(line)) return false;
        at = line.end;
    }
    return true;
}

bool MultilineScanner::sink_context(Range range) {
    if (report_.passthru) return other_context_by_line(range.begin);
    if (!after_context_by_line(range.begin)) return false;
    return before_context_by_line(range.begin);
}

bool MultilineScanner::is_break(std::size_t start) const {
    const bool any_context = report_.before_context > 0 || report_.after_context > 0;
    return any_context && has_sunk_ && last_line_visited_ < start;
}

bool MultilineScanner::stops_at_nul(Range range, Kind kind) {
    if (nul_rule_ == ReportedNul::Ignore || (nul_hit_ && nul_rule_ == ReportedNul::Note)) return false;
    ReportedNulHit hit;
    if (known_nul_ && nul_rule_ != ReportedNul::Note) {
        hit.nul_offset = *known_nul_;  // rg stops at the first range once it knows of a NUL
    } else {
        const void* nul = std::memchr(text_.data() + range.begin, '\0', range.end - range.begin);
        if (nul == nullptr) return false;
        hit.nul_offset = static_cast<std::uint64_t>(static_cast<const char*>(nul) - text_.data());
    }
    hit.range_start = range.begin;
    // rg separates groups before a before-context line and (when it goes on) before a match.
    hit.context_break = (kind == Kind::Before || (kind == Kind::Match && nul_rule_ != ReportedNul::StopBefore)) &&
                        is_break(range.begin);
    nul_hit_ = hit;
    if (nul_rule_ == ReportedNul::Note) return false;
    if (kind == Kind::Match && nul_rule_ == ReportedNul::StopCounted) {
        ++out_->matched_lines;
        out_->matches += block_matches(range, nullptr);
    }
    return true;
}

bool MultilineScanner::sink_matched(Range range) {
    // An empty range is a match just past a final line end: rg stops there.
    if (range.empty()) return false;
    if (stops_at_nul(range, Kind::Match)) return false;
    count_lines(range.begin);
    bool keepgoing;
    if (report_.mode == ReportMode::Lines) {
        span_scratch_.clear();
        const std::uint64_t matches = block_matches(range, &span_scratch_);
        const LineRecord& line = record(range, false, span_scratch_);
        out_->matches += matches;
        out_->matched_lines += line.line_count();
        keepgoing = printer_matched(matches);
    } else {
        const std::uint64_t matches = block_matches(range, nullptr);
        out_->matches += matches;
        // Count mode prints matches; a block without any (-v) is no match for -c, -l or the exit code.
        if (matches > 0) out_->matched_lines += static_cast<std::uint64_t>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(range.begin), text_.begin() + static_cast<std::ptrdiff_t>(range.end) - 1, term_)) + 1;
        keepgoing = printer_matched(matches);
    }
    if (!keepgoing) {
        finished_early_ = true;
        return false;
    }
    last_line_visited_ = range.end;
    last_line_end_ = range.end;
    after_context_left_ = report_.after_context;
    has_sunk_ = true;
    return true;
}

bool MultilineScanner::before_context_by_line(std::size_t upto) {
    if (report_.before_context == 0) return true;
    if (last_line_visited_ >= upto) return true;
    // The start of the last `before_context` lines of [last_line_visited_, upto).
    std::size_t start = upto;
    for (std::size_t n = 0; n < report_.before_context && start > last_line_visited_; ++n) {
        const std::size_t search_end = start - 1;  // skip the terminator of the line before
        const void* prev = search_end > last_line_visited_
                               ? ::memrchr(text_.data() + last_line_visited_, term_, search_end - last_line_visited_)
                               : nullptr;
        start = prev ? static_cast<std::size_t>(static_cast<const char*>(prev) - text_.data()) + 1 : last_line_visited_;
    }
    for (std::size_t at = start; at < upto;) {
        const Range line = line_at(at, upto);
        if (!sink_context_line(line, Kind::Before)) return false;
        at = line.end;
    }
    return true;
}

bool MultilineScanner::after_context_by_line(std::size_t upto) {
    if (after_context_left_ == 0) return true;
    for (std::size_t at = last_line_visited_; at < upto;) {
        const Range line = line_at(at, upto);
        if (!sink_context_line(line, Kind::After)) return false;
        if (after_context_left_ == 0) break;
        at = line.end;
    }
    return true;
}

bool MultilineScanner::other_context_by_line(std::size_t upto) {
    for (std::size_t at = last_line_visited_; at < upto;) {
        const Range line = line_at(at, upto);
        if (!sink_context_line(line, Kind::Other)) return false;
        at = line.end;
    }
    return true;
}

bool MultilineScanner::sink_context_line(Range line, Kind kind) {
    if (stops_at_nul(line, kind)) return false;
    count_lines(line.begin);
    if (report_.mode == ReportMode::Lines) {
        // With -v the context lines are the ones that match: rg finds their matches in the line
        // alone, its terminator included.
        span_scratch_.clear();
        if (report_.invert) {
            const std::string_view subject = text_.substr(line.begin, line.end - line.begin);
            matches_in(subject, 0, subject.size(), 0, &span_scratch_);
        }
        record(line, true, span_scratch_);
    }
    if (!printer_context(kind)) {
        finished_early_ = true;
        return false;
    }
    last_line_visited_ = line.end;
    last_line_end_ = line.end;
    if (kind == Kind::After) --after_context_left_;
    has_sunk_ = true;
    return true;
}

bool MultilineScanner::printer_matched(std::uint64_t matches) {
    const std::optional<std::uint64_t>& limit = report_.max_count;
    if (report_.mode != ReportMode::Lines) {
        // rg's summary printer: counts matches; -l wants one, -m that many.
        printer_matches_ += matches;
        if (report_.mode == ReportMode::FilesWithMatches && printer_matches_ > 0) return false;
        return !(limit && printer_matches_ >= *limit);
    }
    ++printer_blocks_;
    // Past the limit a block is context for the after-context count (rg's match_more_than_limit).
    if (limit && printer_blocks_ > *limit) {
        if (printer_after_remaining_ > 0) --printer_after_remaining_;
    } else {
        printer_after_remaining_ = report_.after_context;
    }
    return !(limit && printer_blocks_ >= *limit && printer_after_remaining_ == 0);
}

bool MultilineScanner::printer_context(Kind kind) {
    if (report_.mode != ReportMode::Lines) return true;
    if (kind == Kind::After && printer_after_remaining_ > 0) --printer_after_remaining_;
    const std::optional<std::uint64_t>& limit = report_.max_count;
    return !(limit && printer_blocks_ >= *limit && printer_after_remaining_ == 0);
}

std::uint64_t MultilineScanner::block_matches(Range range, std::vector<MatchSpan>* spans) {
    // rg's printer: the whole text before the block is visible, and at most kLookAhead bytes after.
    const std::size_t visible = std::min(text_.size(), range.end + kLookAhead);
    return matches_in(text_.substr(0, visible), range.begin, range.end, range.begin, spans);
}

std::uint64_t MultilineScanner::matches_in(std::string_view subject, std::size_t from, std::size_t stop_before,
                                           std::size_t offset_base, std::vector<MatchSpan>* spans) {
    // grep-matcher's find_iter_at: an empty match moves the next search one byte on, and is
    // skipped where the previous match ended.
    std::uint64_t count = 0;
    std::size_t last_end = from;
    std::optional<std::size_t> previous_end;
    const std::size_t limit = std::min(stop_before, subject.size());
    const std::size_t block_size = stop_before - offset_base;
    while (last_end <= subject.size()) {
        const std::optional<MatchRange> match = matcher_.find(subject, last_end, scratch_);
        if (!match || match->begin >= stop_before) break;
        if (match->begin == match->end) {
            last_end = match->end + 1;
            if (previous_end == match->end) continue;
        } else {
            last_end = match->end;
        }
        previous_end = match->end;
        ++count;
        if (spans != nullptr) {
            // A match may run past the block into the look-ahead: what is shown ends with the block.
            const std::size_t begin = std::min(match->begin, limit) - offset_base;
            const std::size_t end = std::min(match->end - offset_base, block_size);
            spans->push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
        }
    }
    return count;
}

const LineRecord& MultilineScanner::record(Range range, bool is_context, std::span<const MatchSpan> spans) {
    std::size_t end = range.end;
    if (end > range.begin && text_[end - 1] == term_) --end;
    return out_->lines.append(line_number_, range.begin, text_.substr(range.begin, end - range.begin), is_context,
                              spans);
}

void MultilineScanner::count_lines(std::size_t upto) {
    if (upto <= last_line_counted_) return;
    line_number_ += static_cast<std::uint64_t>(std::count(text_.begin() + static_cast<std::ptrdiff_t>(last_line_counted_),
                                                          text_.begin() + static_cast<std::ptrdiff_t>(upto), term_));
    last_line_counted_ = upto;
}

}  // namespace codescout
