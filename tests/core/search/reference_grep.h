// A deliberately naive grep used as the oracle for the scanner: splits the content into lines,
// matches each line alone, and applies context, -m, -c and -l the textbook way.
#pragma once

#include <string>
#include <vector>

#include "core/match/matcher.h"
#include "core/search/search_options.h"
#include "core/search/search_result.h"

namespace codescout::testing {

inline std::vector<MatchSpan> reference_spans(const Matcher& matcher, std::string_view line) {
    auto scratch = matcher.make_scratch();
    std::vector<MatchSpan> spans;
    std::size_t next = 0;
    std::optional<std::size_t> previous_nonempty_end;
    while (next <= line.size()) {
        auto m = matcher.find(line, next, *scratch);
        if (!m) break;
        if (m->begin == m->end && previous_nonempty_end && *previous_nonempty_end == m->begin) {
            next = m->begin + 1;
            continue;
        }
        spans.push_back({static_cast<std::uint32_t>(m->begin), static_cast<std::uint32_t>(m->end)});
        previous_nonempty_end.reset();
        if (m->begin == m->end) {
            next = m->end + 1;
        } else {
            previous_nonempty_end = m->end;
            next = m->end;
        }
    }
    return spans;
}

inline FileResult reference_grep(const std::string& content, const Matcher& matcher, const ReportOptions& report) {
    struct Line {
        std::size_t offset;
        std::string text;
    };
    std::vector<Line> lines;
    for (std::size_t start = 0; start < content.size();) {
        std::size_t end = content.find('\n', start);
        if (end == std::string::npos) end = content.size();
        lines.push_back({start, content.substr(start, end - start)});
        start = end + 1;
    }
    FileResult result;
    if (report.max_count && *report.max_count == 0) return result;
    // Without match_spans a matching line comes without its spans (and matches stays 0).
    auto add_line = [&](std::size_t i, const std::vector<MatchSpan>& spans) {
        const bool is_context = spans.empty();
        result.lines.append(i + 1, lines[i].offset, lines[i].text, is_context,
                            report.match_spans ? std::span<const MatchSpan>(spans) : std::span<const MatchSpan>());
    };
    long last_emitted = -1;
    std::size_t after_left = 0;
    bool limit = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::vector<MatchSpan> spans = reference_spans(matcher, lines[i].text);
        const bool terminated = lines[i].offset + lines[i].text.size() < content.size();
        if (limit) {
            if (after_left == 0) break;
            // Trailing context after -m: a matching line still shows as one, and counts (not
            // towards -m: rg's printer counts it in its statistics).
            add_line(i, spans);
            if (!spans.empty()) {
                ++result.matched_lines;
                if (report.match_spans)
                    for (const MatchSpan& s : spans) result.matches += terminated || s.begin < lines[i].text.size() ? 1 : 0;
            }
            --after_left;
            continue;
        }
        if (spans.empty()) {
            if (after_left > 0 && report.mode == ReportMode::Lines) {
                add_line(i, {});
                last_emitted = static_cast<long>(i);
                --after_left;
            }
            continue;
        }
        ++result.matched_lines;
        if (report.mode == ReportMode::FilesWithMatches) return result;
        if (report.mode == ReportMode::Lines) {
            const long first = std::max(last_emitted + 1, static_cast<long>(i) - static_cast<long>(report.before_context));
            for (long j = first; j < static_cast<long>(i); ++j) add_line(static_cast<std::size_t>(j), {});
            // Counted: the matches a printer shows — not an empty one at the very end of a last
            // line without a terminator (rg_visible_spans.h); its span is still recorded.
            if (report.match_spans)
                for (const MatchSpan& s : spans) result.matches += terminated || s.begin < lines[i].text.size() ? 1 : 0;
            add_line(i, spans);
            last_emitted = static_cast<long>(i);
            after_left = report.after_context;
        }
        if (report.max_count && result.matched_lines >= *report.max_count) {
            limit = true;
            if (report.mode != ReportMode::Lines) break;
        }
    }
    return result;
}

}  // namespace codescout::testing
