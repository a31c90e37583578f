// User path filters (see path_filters.h).
#include "core/walk/path_filters.h"

#include <stdexcept>

namespace codescout {

namespace {

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    }
    return true;
}

}  // namespace

PathFilters::PathFilters(const WalkOptions& options) {
    if (!options.type_changes.empty()) types_ = FileTypeMatcher(FileTypeTable::defaults(), options.type_changes);
    for (const auto& g : options.globs) {
        if (g.empty() || g == "!") throw std::invalid_argument("invalid glob '" + g + "': empty pattern");
        // Same syntax as an ignore line, with the sense inverted: a plain glob selects.
        auto rule = parse_ignore_line(g);
        if (!rule) continue;  // a comment line, as in ripgrep
        rule->negated = !rule->negated;
        globs_whitelist_ = globs_whitelist_ || rule->negated;
        globs_.add(std::move(*rule));
    }
    for (const auto& list : options.extensions) {
        // Accept "rs", ".rs" and "rs,cpp".
        std::string_view rest = list;
        while (true) {
            const std::size_t comma = rest.find(',');
            std::string_view item = rest.substr(0, comma);
            while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
            while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
            if (!item.empty() && item.front() == '.') item.remove_prefix(1);
            if (!item.empty()) {
                std::string ext;
                for (char c : item) ext.push_back(ascii_lower(c));
                extensions_.push_back(std::move(ext));
            }
            if (comma == std::string_view::npos) break;
            rest = rest.substr(comma + 1);
        }
    }
    for (const auto& g : options.ignore_globs) {
        if (g.empty()) throw std::invalid_argument("invalid --ignore glob '': empty pattern");
        const bool whole_path = g.find('/') != std::string::npos;
        std::string_view pattern = g;
        if (whole_path && pattern.front() == '/') pattern.remove_prefix(1);  // relative to the root anyway
        ignore_globs_.push_back({Glob(pattern), whole_path});
    }
}

IgnoreMatch PathFilters::match_globs(std::string_view path, std::string_view name, bool is_dir) const {
    const IgnoreMatch m = globs_.match(path, name, is_dir);
    if (m == IgnoreMatch::None && globs_whitelist_ && !is_dir) return IgnoreMatch::Ignore;
    return m;
}

bool PathFilters::matches_ignore_globs(std::string_view relative, std::string_view name) const {
    for (const auto& g : ignore_globs_) {
        if (g.glob.matches(g.whole_path ? relative : name)) return true;
    }
    return false;
}

bool PathFilters::has_listed_extension(std::string_view name) const {
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return false;  // ".bashrc" has no extension
    const std::string_view ext = name.substr(dot + 1);
    for (const auto& e : extensions_) {
        if (iequals(ext, e)) return true;
    }
    return false;
}

bool PathFilters::rejected_file(std::string_view relative, std::string_view name) const {
    if (!extensions_.empty() && !has_listed_extension(name)) return true;
    return !ignore_globs_.empty() && matches_ignore_globs(relative, name);
}

bool PathFilters::rejected_dir(std::string_view relative, std::string_view name) const {
    return !ignore_globs_.empty() && matches_ignore_globs(relative, name);
}

}  // namespace codescout
