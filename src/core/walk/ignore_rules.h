// The rules of one ignore file (.gitignore, .ignore, .git/info/exclude, core.excludesFile) or of a
// list of ripgrep -g globs: gitignore line syntax parsed once, then "last matching rule wins".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/walk/glob.h"

namespace codescout {

enum class IgnoreMatch { None, Ignore, Whitelist };

struct IgnoreRule {
    Glob glob;
    bool negated = false;        // "!pat": re-includes
    bool dir_only = false;       // "pat/": matches directories only
    bool basename_only = false;  // no '/' except a trailing one: matches the name at any depth
};

// Parses one gitignore line. Returns nothing for blank lines and comments. Throws
// std::invalid_argument (naming the pattern) for a malformed glob.
std::optional<IgnoreRule> parse_ignore_line(std::string_view line);

class IgnoreRules {
public:
    // Adds every line of an ignore file. Malformed lines never match anything (git ignores them
    // too); they are returned ("line N: invalid glob ...") so a caller can report them.
    std::vector<std::string> add_file_text(std::string_view text);
    void add(IgnoreRule rule) { rules_.push_back(std::move(rule)); }

    // `relative` is the path relative to the directory the rules belong to, `name` its last
    // component. The last rule that matches decides.
    IgnoreMatch match(std::string_view relative, std::string_view name, bool is_dir) const;

    bool empty() const { return rules_.empty(); }
    bool has_whitelist() const;
    // Heap bytes of the rule list and its compiled globs, for the memory attribution.
    std::size_t heap_bytes() const;

private:
    std::vector<IgnoreRule> rules_;
};

}  // namespace codescout
