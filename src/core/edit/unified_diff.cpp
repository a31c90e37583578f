// unified_diff (see unified_diff.h).
#include "core/edit/unified_diff.h"

#include <algorithm>

namespace codescout {

namespace {

// Line i is [starts[i], starts[i + 1]); starts.back() is the content's size.
std::vector<std::size_t> line_starts(std::string_view text) {
    std::vector<std::size_t> starts{0};
    for (std::size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1)) starts.push_back(at + 1);
    if (starts.back() != text.size()) starts.push_back(text.size());
    return starts;  // lines = starts.size() - 1
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        const std::size_t length = end == std::string_view::npos ? text.size() : end + 1;
        lines.push_back(text.substr(0, length));
        text.remove_prefix(length);
    }
    return lines;
}

struct Block {
    std::size_t old_begin = 0;  // first old line replaced
    std::size_t old_end = 0;    // one past the last
    std::vector<std::string_view> removed;
    std::vector<std::string> added;
};

void append_line(std::string& out, char mark, std::string_view line) {
    out += mark;
    out.append(line);
    if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

std::string range(std::size_t start, std::size_t count) {
    // diff's convention: an empty range is named by the line before it.
    const std::size_t shown = count == 0 ? start : start + 1;
    return count == 1 ? std::to_string(shown) : std::to_string(shown) + "," + std::to_string(count);
}

}  // namespace

std::string unified_diff(std::string_view path, std::string_view old_content, const std::vector<TextEdit>& edits, std::size_t context) {
    const std::vector<std::size_t> starts = line_starts(old_content);
    const std::size_t lines = starts.size() - 1;
    auto line_of = [&](std::uint64_t offset) {
        // The end of a last line without "\n" still belongs to that line (an append changes it).
        if (offset == old_content.size() && lines > 0 && old_content.back() != '\n') return lines - 1;
        return static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin()) - 1;
    };

    // Group the edits by the lines they touch: one block per run of touched, adjacent lines.
    std::vector<Block> blocks;
    std::vector<std::vector<const TextEdit*>> block_edits;
    for (const TextEdit& e : edits) {
        std::size_t first = line_of(e.begin);
        std::size_t last = e.end > e.begin ? line_of(e.end - 1) : first;
        std::size_t end = std::min(last + 1, lines);  // an insertion at the very end touches no line
        first = std::min(first, lines);
        if (!blocks.empty() && first <= blocks.back().old_end) {
            blocks.back().old_end = std::max(blocks.back().old_end, end);
            block_edits.back().push_back(&e);
        } else {
            blocks.push_back({first, end, {}, {}});
            block_edits.push_back({&e});
        }
    }
    std::vector<Block> changed;
    std::ptrdiff_t delta = 0;
    std::vector<std::ptrdiff_t> delta_before;  // new line number minus old line number before each block
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        Block& block = blocks[b];
        const std::size_t from = starts[block.old_begin];
        const std::size_t to = starts[block.old_end];
        std::string replaced;
        std::size_t at = from;
        for (const TextEdit* e : block_edits[b]) {
            replaced.append(old_content.substr(at, e->begin - at));
            replaced.append(e->replacement);
            at = e->end;
        }
        replaced.append(old_content.substr(at, to - at));
        std::vector<std::string_view> removed = split_lines(old_content.substr(from, to - from));
        const std::vector<std::string_view> added_views = split_lines(replaced);
        std::vector<std::string> added(added_views.begin(), added_views.end());
        std::size_t head = 0;
        while (head < removed.size() && head < added.size() && removed[head] == added[head]) ++head;
        std::size_t tail = 0;
        while (tail < removed.size() - head && tail < added.size() - head &&
               removed[removed.size() - 1 - tail] == added[added.size() - 1 - tail])
            ++tail;
        const auto growth = static_cast<std::ptrdiff_t>(added.size()) - static_cast<std::ptrdiff_t>(removed.size());
        if (head + tail == removed.size() && head + tail == added.size()) continue;  // nothing changed
        block.old_begin += head;
        block.old_end -= tail;
        block.removed.assign(removed.begin() + static_cast<std::ptrdiff_t>(head), removed.end() - static_cast<std::ptrdiff_t>(tail));
        block.added.assign(added.begin() + static_cast<std::ptrdiff_t>(head), added.end() - static_cast<std::ptrdiff_t>(tail));
        delta_before.push_back(delta);
        delta += growth;
        changed.push_back(std::move(block));
    }
    if (changed.empty()) return {};

    std::string_view shown = path;
    // As git names paths: "./src/x" is a/src/x, and an absolute "/tmp/x" is a/tmp/x.
    while (shown.starts_with("./") || shown.starts_with("/")) shown.remove_prefix(shown.starts_with("/") ? 1 : 2);
    std::string out = "--- a/" + std::string(shown) + "\n+++ b/" + std::string(shown) + "\n";
    for (std::size_t first = 0; first < changed.size();) {
        std::size_t last = first;
        while (last + 1 < changed.size() && changed[last + 1].old_begin - changed[last].old_end <= 2 * context) ++last;
        const std::size_t old_start = changed[first].old_begin - std::min(context, changed[first].old_begin);
        const std::size_t old_stop = std::min(lines, changed[last].old_end + context);
        std::size_t new_count = old_stop - old_start;
        for (std::size_t b = first; b <= last; ++b) new_count += changed[b].added.size() - changed[b].removed.size();
        const auto new_start = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(old_start) + delta_before[first]);
        out += "@@ -" + range(old_start, old_stop - old_start) + " +" + range(new_start, new_count) + " @@\n";
        std::size_t line = old_start;
        auto old_line = [&](std::size_t i) { return old_content.substr(starts[i], starts[i + 1] - starts[i]); };
        for (std::size_t b = first; b <= last; ++b) {
            for (; line < changed[b].old_begin; ++line) append_line(out, ' ', old_line(line));
            for (std::string_view removed : changed[b].removed) append_line(out, '-', removed);
            for (const std::string& added : changed[b].added) append_line(out, '+', added);
            line = changed[b].old_end;
        }
        for (; line < old_stop; ++line) append_line(out, ' ', old_line(line));
        first = last + 1;
    }
    return out;
}

}  // namespace codescout
