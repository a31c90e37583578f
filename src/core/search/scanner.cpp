// FileScanner: candidate search over whole buffers, line verification, lazy line numbers and
// grep-style context (see scanner.h).
#include "core/search/scanner.h"

#include <algorithm>
#include <cstring>
#include <optional>

#include "core/search/line_counter.h"

namespace codescout {

namespace {

// Start of the line holding `offset`, looking back no further than `floor` (itself a line start).
std::size_t line_start_of(std::string_view window, std::size_t floor, std::size_t offset) {
    if (offset <= floor) return floor;
    const void* newline = ::memrchr(window.data() + floor, '\n', offset - floor);
    return newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - window.data()) + 1 : floor;
}

// Index of the '\n' ending the line that holds `offset`, or window.size() for an unterminated
// last line.
std::size_t line_end_of(std::string_view window, std::size_t offset) {
    if (offset >= window.size()) return window.size();
    const void* newline = std::memchr(window.data() + offset, '\n', window.size() - offset);
    return newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - window.data()) : window.size();
}

}  // namespace

FileScanner::FileScanner(const Matcher& matcher, MatchScratch& scratch, const ReportOptions& report)
    : matcher_(matcher), scratch_(scratch), report_(report) {}

void FileScanner::start(FileResult& out) {
    out_ = &out;
    emitted_end_ = 0;
    after_remaining_ = 0;
    counted_offset_ = 0;
    counted_line_ = 1;
    last_line_end_ = 0;
    limit_reached_ = false;
    // rg -m0 reports nothing at all.
    finished_ = report_.max_count && *report_.max_count == 0;
}

void FileScanner::scan(std::string_view window, std::uint64_t base, std::size_t from) {
    if (finished_) return;
    const std::size_t end = window.size();
    std::size_t pos = from;  // always a line start
    while (!limit_reached_ && pos < end) {
        const std::optional<MatchRange> candidate = matcher_.find(window, pos, scratch_);
        if (!candidate) break;
        // An (empty) match at the very end belongs to a line only if that line is unterminated.
        if (candidate->begin > end || (candidate->begin == end && window[end - 1] == '\n')) break;
        const std::size_t line_start = line_start_of(window, pos, candidate->begin);
        const std::size_t line_end = line_end_of(window, candidate->begin);
        std::optional<MatchRange> first;
        if (candidate->end <= line_end) {
            first = MatchRange{candidate->begin - line_start, candidate->end - line_start};
        } else {
            // The candidate runs past its line: matches cannot span lines, so ask the line alone.
            first = matcher_.find(window.substr(line_start, line_end - line_start), 0, scratch_);
        }
        pos = line_end + 1;
        if (!first) continue;
        on_matching_line(window, base, line_start, line_end, *first);
        if (finished_) return;
    }
    if (report_.mode == ReportMode::Lines) emit_after_context(window, base, end);
    if (limit_reached_ && after_remaining_ == 0) finished_ = true;
}

void FileScanner::on_matching_line(std::string_view window, std::uint64_t base, std::size_t line_start,
                                   std::size_t line_end, MatchRange first) {
    ++out_->matched_lines;
    last_line_end_ = base + line_end + 1;
    const bool limit_now = report_.max_count && out_->matched_lines >= *report_.max_count;
    switch (report_.mode) {
    case ReportMode::FilesWithMatches:
        finished_ = true;
        return;
    case ReportMode::Count:
        limit_reached_ = limit_now;
        return;
    case ReportMode::Lines:
        break;
    }
    emit_after_context(window, base, line_start);
    const std::uint64_t number = line_number_at(window, base, line_start);
    emit_before_context(window, base, line_start, number);
    LineRecord& record = append_line(window, base, line_start, line_end, number, false);
    out_->matches += collect_spans(window.substr(line_start, line_end - line_start), first, record);
    mark_emitted(base, line_end, number);
    after_remaining_ = report_.after_context;
    limit_reached_ = limit_now;
}

void FileScanner::emit_after_context(std::string_view window, std::uint64_t base, std::size_t up_to) {
    while (after_remaining_ > 0 && emitted_end_ >= base && emitted_end_ - base < up_to) {
        const std::size_t line_start = static_cast<std::size_t>(emitted_end_ - base);
        const std::size_t line_end = line_end_of(window, line_start);
        const std::uint64_t number = line_number_at(window, base, line_start);
        // After -m is reached the trailing context is still classified like rg does: a line that
        // matches is shown as a match, but no longer counted.
        std::optional<MatchRange> match;
        if (limit_reached_) match = matcher_.find(window.substr(line_start, line_end - line_start), 0, scratch_);
        LineRecord& record = append_line(window, base, line_start, line_end, number, !match);
        if (match) collect_spans(window.substr(line_start, line_end - line_start), *match, record);
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
        first = line_start_of(window, floor, first - 1);
        ++count;
    }
    for (std::size_t pos = first; count > 0; --count) {
        const std::size_t line_end = line_end_of(window, pos);
        append_line(window, base, pos, line_end, line_number - count, true);
        pos = line_end + 1;
    }
}

LineRecord& FileScanner::append_line(std::string_view window, std::uint64_t base, std::size_t line_start,
                                     std::size_t line_end, std::uint64_t number, bool is_context) {
    LineRecord& record = out_->lines.emplace_back();
    record.number = number;
    record.byte_offset = base + line_start;
    record.is_context = is_context;
    record.text.assign(window.substr(line_start, line_end - line_start));
    return record;
}

std::uint64_t FileScanner::collect_spans(std::string_view line, MatchRange first, LineRecord& record) {
    record.spans.push_back({static_cast<std::uint32_t>(first.begin), static_cast<std::uint32_t>(first.end)});
    std::uint64_t count = 1;
    std::size_t previous_end = first.end;
    bool previous_empty = first.begin == first.end;
    std::size_t next = previous_empty ? previous_end + 1 : previous_end;
    while (next <= line.size()) {
        const std::optional<MatchRange> match = matcher_.find(line, next, scratch_);
        if (!match) break;
        const bool empty = match->begin == match->end;
        // Like rg (and Rust's regex iterators): no empty match right where a match just ended.
        if (empty && match->begin == previous_end && !previous_empty) {
            next = match->begin + 1;
            continue;
        }
        record.spans.push_back({static_cast<std::uint32_t>(match->begin), static_cast<std::uint32_t>(match->end)});
        ++count;
        previous_end = match->end;
        previous_empty = empty;
        next = empty ? previous_end + 1 : previous_end;
    }
    return count;
}

std::uint64_t FileScanner::line_number_at(std::string_view window, std::uint64_t base, std::size_t offset) {
    const std::uint64_t target = base + offset;
    if (target > counted_offset_ && counted_offset_ >= base) {
        counted_line_ += count_newlines(window.data() + (counted_offset_ - base), target - counted_offset_);
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
            keep = line_start_of(window, floor, keep - 1);
        }
    }
    // The bytes before `keep` go away: count their lines now.
    line_number_at(window, base, keep);
    return keep;
}

}  // namespace codescout
