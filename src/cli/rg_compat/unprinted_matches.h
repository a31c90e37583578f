// What rg's standard printer leaves out of its statistics. In an input named explicitly that
// holds a NUL, rg stops printing at the first line it is handed after noticing the NUL (see
// format_lines(), core/print/standard_format.cpp); its statistics count the matches of the lines
// before, and of that line if it is a match (it counts before it looks); our search counted them
// all. This pass-through sink adds up the matched lines and matches past that line (and the files
// left with none counted), for --stats to take off. Only for the standard printer of lines: -c,
// -l and --json count every match, as rg's do.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "core/search/forwarding_sink.h"
#include "core/search/search_result.h"

namespace codescout::cli {

class UnprintedMatches final : public ForwardingSink {
public:
    explicit UnprintedMatches(ResultSink& downstream) : ForwardingSink(downstream) {}

    bool on_file(FileResult&& result) override {
        count(result);
        return ForwardingSink::on_file(std::move(result));
    }
    bool on_file_read_whole(FileResult&& result, std::string_view bytes, std::int64_t mtime_ns) override {
        count(result);
        return ForwardingSink::on_file_read_whole(std::move(result), bytes, mtime_ns);
    }

    // `summary` as rg's printer counted it.
    void take_off(SearchSummary& summary) const {
        summary.files_matched -= std::min(summary.files_matched, files_.load(std::memory_order_relaxed));
        summary.matched_lines -= std::min(summary.matched_lines, lines_.load(std::memory_order_relaxed));
        summary.matches -= std::min(summary.matches, matches_.load(std::memory_order_relaxed));
    }

private:
    void count(const FileResult& result) {
        if (result.binary.action != BinaryAction::SearchedThrough || result.matched_lines == 0) return;
        std::uint64_t lines = 0;
        std::uint64_t matches = 0;
        bool first = true;  // the line rg stops at: a matching one it counts first, then stops
        for (const LineRecord& line : result.lines) {
            if (line.byte_offset < result.binary.text_end) continue;
            const bool counted_by_rg = first && !line.is_context;
            first = false;
            if (counted_by_rg || line.is_context) continue;
            ++lines;
            matches += line.spans.size();
        }
        lines_.fetch_add(lines, std::memory_order_relaxed);
        matches_.fetch_add(matches, std::memory_order_relaxed);
        if (lines == result.matched_lines) files_.fetch_add(1, std::memory_order_relaxed);
    }

    std::atomic<std::uint64_t> files_{0};
    std::atomic<std::uint64_t> lines_{0};
    std::atomic<std::uint64_t> matches_{0};
};

}  // namespace codescout::cli
