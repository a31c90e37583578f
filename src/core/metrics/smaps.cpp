// Parsing of smaps, smaps_rollup and status (see smaps.h). The header line of a region is
// "start-end perms offset dev inode [name]"; the field lines are "Key: value kB".
#include "core/metrics/smaps.h"

#include <charconv>

namespace codescout {

namespace {

std::string_view next_line(std::string_view& text) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    return line;
}

// Fields are separated by spaces, and in /proc/self/status by a tab and spaces.
std::string_view next_field(std::string_view& line) {
    const std::size_t begin = line.find_first_not_of(" \t");
    if (begin == std::string_view::npos) {
        line = {};
        return {};
    }
    line.remove_prefix(begin);
    const std::size_t end = line.find_first_of(" \t");
    std::string_view field = line.substr(0, end);
    line.remove_prefix(end == std::string_view::npos ? line.size() : end);
    return field;
}

bool parse_number(std::string_view text, std::uint64_t& out, int base = 10) {
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out, base);
    return ec == std::errc() && ptr == text.data() + text.size();
}

// "start-end perms offset dev inode name": a region header; false for "Key: value" lines.
bool parse_header(std::string_view line, SmapsRegion& region) {
    const std::string_view range = next_field(line);
    const std::size_t dash = range.find('-');
    if (dash == std::string_view::npos) return false;
    if (!parse_number(range.substr(0, dash), region.start, 16)) return false;
    if (!parse_number(range.substr(dash + 1), region.end, 16)) return false;
    region.perms = std::string(next_field(line));
    next_field(line);  // offset
    next_field(line);  // device
    if (!parse_number(next_field(line), region.inode)) return false;
    const std::size_t name = line.find_first_not_of(' ');
    region.name = name == std::string_view::npos ? std::string() : std::string(line.substr(name));
    return true;
}

// "Key:   123 kB" -> 123 * 1024 when the key matches.
std::optional<std::uint64_t> kb_value(std::string_view line, std::string_view key) {
    if (line.size() <= key.size() || line.compare(0, key.size(), key) != 0 || line[key.size()] != ':') {
        return std::nullopt;
    }
    line.remove_prefix(key.size() + 1);
    std::uint64_t kb = 0;
    if (!parse_number(next_field(line), kb)) return std::nullopt;
    return kb * 1024;
}

}  // namespace

std::optional<std::vector<SmapsRegion>> parse_smaps(std::string_view text) {
    std::vector<SmapsRegion> regions;
    while (!text.empty()) {
        const std::string_view line = next_line(text);
        SmapsRegion header;
        if (parse_header(line, header)) {
            regions.push_back(std::move(header));
        } else if (!regions.empty()) {
            if (auto rss = kb_value(line, "Rss")) regions.back().rss = *rss;
        }
    }
    if (regions.empty()) return std::nullopt;
    return regions;
}

std::optional<std::uint64_t> parse_rollup_rss(std::string_view text) { return parse_status_kb(text, "Rss"); }

std::optional<std::uint64_t> parse_status_kb(std::string_view text, std::string_view key) {
    while (!text.empty()) {
        if (auto value = kb_value(next_line(text), key)) return value;
    }
    return std::nullopt;
}

}  // namespace codescout
