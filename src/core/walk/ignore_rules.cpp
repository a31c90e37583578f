// Gitignore line syntax (see gitignore(5)) and last-match-wins evaluation.
#include "core/walk/ignore_rules.h"

#include <stdexcept>

namespace codescout {

namespace {

// Drops trailing spaces unless escaped with a backslash ("a\ " keeps one space).
std::string_view trim_trailing_spaces(std::string_view s) {
    std::size_t keep = 0;  // length up to the last byte that must stay
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            ++i;
            keep = i + 1;
        } else if (s[i] != ' ') {
            keep = i + 1;
        }
    }
    return s.substr(0, keep);
}

}  // namespace

std::optional<IgnoreRule> parse_ignore_line(std::string_view line) {
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // CRLF files, as git reads them
    if (line.empty() || line.front() == '#') return std::nullopt;
    line = trim_trailing_spaces(line);
    if (line.empty()) return std::nullopt;

    bool negated = false;
    if (line.front() == '!') {
        negated = true;
        line.remove_prefix(1);
    }
    bool dir_only = false;
    if (!line.empty() && line.back() == '/') {
        dir_only = true;
        line.remove_suffix(1);
    }
    if (line.empty()) return std::nullopt;

    // A slash at the start or in the middle anchors the pattern to the ignore file's directory.
    const bool anchored = line.find('/') != std::string_view::npos;
    if (line.front() == '/') line.remove_prefix(1);
    if (line.empty()) return std::nullopt;
    return IgnoreRule{Glob(line), negated, dir_only, !anchored};
}

std::vector<std::string> IgnoreRules::add_file_text(std::string_view text) {
    std::vector<std::string> bad;
    std::size_t line_number = 0;
    while (!text.empty()) {
        ++line_number;
        const std::size_t eol = text.find('\n');
        const std::string_view line = text.substr(0, eol);
        text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
        try {
            if (auto rule = parse_ignore_line(line)) rules_.push_back(std::move(*rule));
        } catch (const std::invalid_argument& e) {
            bad.push_back("line " + std::to_string(line_number) + ": " + e.what());
        }
    }
    return bad;
}

IgnoreMatch IgnoreRules::match(std::string_view relative, std::string_view name, bool is_dir) const {
    for (auto it = rules_.rbegin(); it != rules_.rend(); ++it) {
        if (it->dir_only && !is_dir) continue;
        if (it->glob.matches(it->basename_only ? name : relative)) {
            return it->negated ? IgnoreMatch::Whitelist : IgnoreMatch::Ignore;
        }
    }
    return IgnoreMatch::None;
}

std::size_t IgnoreRules::heap_bytes() const {
    std::size_t bytes = rules_.capacity() * sizeof(IgnoreRule);
    for (const IgnoreRule& rule : rules_) bytes += rule.glob.heap_bytes();
    return bytes;
}

bool IgnoreRules::has_whitelist() const {
    for (const auto& r : rules_) {
        if (r.negated) return true;
    }
    return false;
}

}  // namespace codescout
