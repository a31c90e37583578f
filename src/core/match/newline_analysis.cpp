// The '\n' reading of pattern text (see newline_analysis.h). One pass over the pattern; inline
// flags (?s) and (?x) are taken as applying from where they appear to the end (a scoped group
// that turns them off again is read as if it did not: that can only say "can match" more often).
#include "core/match/newline_analysis.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>
#include <vector>

namespace codescout {

namespace {

constexpr std::uint32_t kNewline = 0x0A;

// Unicode properties (normalized: lowercase, no spaces, '_' or '-') whose members include '\n'.
bool property_holds_newline(std::string name) {
    std::string normal;
    for (const char c : name) {
        if (c == ' ' || c == '_' || c == '-') continue;
        normal.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    static constexpr std::array kWithNewline = {"c",      "cc",    "control", "other", "any",   "whitespace",
                                                "wspace", "space", "common",  "zyyy",  "ascii", "assigned",
                                                "xposixspace", "xposixcntrl", "posixspace", "posixcntrl"};
    return std::find(kWithNewline.begin(), kWithNewline.end(), normal) != kWithNewline.end();
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// What one escape or character stands for, inside or outside a class.
struct Item {
    enum class Kind { Char, SetWithNewline, SetWithoutNewline, Unknown } kind = Kind::Char;
    std::uint32_t value = 0;  // Kind::Char
};

class NewlineReader {
public:
    NewlineReader(std::string_view regex, bool dotall) : re_(regex), dotall_(dotall) {}

    NewlineUse run() {
        while (i_ < re_.size()) step();
        return use_;
    }

private:
    void step() {
        const char c = re_[i_];
        if (extended_ && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')) {
            ++i_;
            return;
        }
        if (extended_ && c == '#') {
            const std::size_t end = re_.find('\n', i_);
            i_ = end == std::string_view::npos ? re_.size() : end + 1;
            return;
        }
        switch (c) {
        case '\n':
            literal_newline();
            ++i_;
            return;
        case '.':
            if (dotall_) newline_possible();
            ++i_;
            return;
        case '^':
        case '$':
            newline_possible();  // line anchors, under -U
            ++i_;
            return;
        case ')':
            if (!groups_.empty()) {
                if (groups_.back()) --lookaround_depth_;
                groups_.pop_back();
            }
            ++i_;
            return;
        case '[':
            read_class();
            return;
        case '(':
            read_group_open();
            return;
        case '\\':
            read_escape_outside();
            return;
        default:
            ++i_;
            return;
        }
    }

    // Inside a look-around nothing becomes part of the match: (?<=\n) neither spans lines nor is
    // a '\n' of the match.
    void literal_newline() {
        if (lookaround_depth_ == 0) use_.can_match = use_.literal = true;
    }
    void newline_possible() {
        if (lookaround_depth_ == 0) use_.can_match = true;
    }

    // "(?flags)" or "(?flags:": s and x switch on dotall and extended mode; "(?#...)" is a comment.
    void read_group_open() {
        ++i_;
        if (i_ >= re_.size() || re_[i_] != '?') {
            groups_.push_back(false);
            return;
        }
        const std::string_view after = re_.substr(i_ + 1);
        if (after.starts_with('=') || after.starts_with('!') || after.starts_with("<=") || after.starts_with("<!")) {
            groups_.push_back(true);
            ++lookaround_depth_;
            return;
        }
        if (i_ + 1 < re_.size() && re_[i_ + 1] == '#') {
            const std::size_t end = re_.find(')', i_);
            i_ = end == std::string_view::npos ? re_.size() : end + 1;
            return;
        }
        std::size_t j = i_ + 1;
        bool negative = false;
        bool dotall = false;
        bool extended = false;
        while (j < re_.size() && (std::isalpha(static_cast<unsigned char>(re_[j])) || re_[j] == '-' || re_[j] == '^')) {
            if (re_[j] == '-') negative = true;
            if (re_[j] == 's' && !negative) dotall = true;
            if (re_[j] == 'x' && !negative) extended = true;
            ++j;
        }
        if (j < re_.size() && (re_[j] == ')' || re_[j] == ':')) {
            dotall_ = dotall_ || dotall;
            extended_ = extended_ || extended;
            if (re_[j] == ':') groups_.push_back(false);
            i_ = j + 1;
        } else {
            groups_.push_back(false);
            ++i_;  // (?<name>, (?P<name>, ...: the rest reads as ordinary characters
        }
    }

    // \p{Name}, \pL, \p{^Name} at i_ (pointing at 'p' or 'P').
    Item read_property() {
        const bool negated_escape = re_[i_] == 'P';
        ++i_;
        std::string name;
        if (i_ < re_.size() && re_[i_] == '{') {
            const std::size_t end = re_.find('}', i_);
            if (end == std::string_view::npos) {
                i_ = re_.size();
                return {Item::Kind::Unknown};
            }
            name.assign(re_.substr(i_ + 1, end - i_ - 1));
            i_ = end + 1;
        } else if (i_ < re_.size()) {
            name.assign(1, re_[i_]);
            ++i_;
        }
        bool negated = negated_escape;
        if (!name.empty() && name.front() == '^') {
            negated = !negated;
            name.erase(0, 1);
        }
        const bool holds = property_holds_newline(name) != negated;
        return {holds ? Item::Kind::SetWithNewline : Item::Kind::SetWithoutNewline};
    }

    // \x0A, \x{A}: the code point, or nullopt when malformed.
    std::optional<std::uint32_t> read_hex() {
        ++i_;  // 'x'
        std::uint32_t value = 0;
        if (i_ < re_.size() && re_[i_] == '{') {
            const std::size_t end = re_.find('}', i_);
            if (end == std::string_view::npos) return std::nullopt;
            for (std::size_t k = i_ + 1; k < end; ++k) {
                const int digit = hex_value(re_[k]);
                if (digit < 0 || value > 0x10FFFF) return std::nullopt;
                value = value * 16 + static_cast<std::uint32_t>(digit);
            }
            i_ = end + 1;
            return value;
        }
        for (int n = 0; n < 2 && i_ < re_.size() && hex_value(re_[i_]) >= 0; ++n, ++i_) {
            value = value * 16 + static_cast<std::uint32_t>(hex_value(re_[i_]));
        }
        return value;
    }

    // The escape at i_ (the backslash), inside or outside a class.
    Item read_escape() {
        ++i_;
        if (i_ >= re_.size()) return {Item::Kind::Unknown};
        const char e = re_[i_];
        switch (e) {
        case 'n': ++i_; return {Item::Kind::Char, kNewline};
        case '\n': ++i_; return {Item::Kind::Char, kNewline};
        case 'x': {
            const std::optional<std::uint32_t> value = read_hex();
            if (!value) return {Item::Kind::Unknown};
            return {Item::Kind::Char, *value};
        }
        case 's': case 'W': case 'D': case 'R': ++i_; return {Item::Kind::SetWithNewline};
        case 'S': case 'w': case 'd': case 'h': case 'H': case 'v': case 'V': case 'N':
            ++i_;
            return {Item::Kind::SetWithoutNewline};
        case 'p': case 'P': return read_property();
        case 't': ++i_; return {Item::Kind::Char, '\t'};
        case 'r': ++i_; return {Item::Kind::Char, '\r'};
        case 'f': ++i_; return {Item::Kind::Char, '\f'};
        case 'a': ++i_; return {Item::Kind::Char, 0x07};
        case 'e': ++i_; return {Item::Kind::Char, 0x1B};
        default:
            ++i_;
            // Escaped punctuation is itself; letters and digits not listed are assertions (\b,
            // \A, \z), back-references or other syntax with no byte of their own.
            if (std::isalnum(static_cast<unsigned char>(e))) return {Item::Kind::SetWithoutNewline};
            return {Item::Kind::Char, static_cast<unsigned char>(e)};
        }
    }

    void read_escape_outside() {
        if (i_ + 1 < re_.size() && re_[i_ + 1] == 'Q') {
            // \Q...\E: literal text.
            const std::size_t end = re_.find("\\E", i_ + 2);
            const std::string_view quoted = re_.substr(i_ + 2, end == std::string_view::npos ? std::string_view::npos : end - i_ - 2);
            if (quoted.find('\n') != std::string_view::npos) literal_newline();
            i_ = end == std::string_view::npos ? re_.size() : end + 2;
            return;
        }
        const Item item = read_escape();
        switch (item.kind) {
        case Item::Kind::Char:
            if (item.value == kNewline) literal_newline();
            return;
        case Item::Kind::SetWithNewline:
        case Item::Kind::Unknown:
            newline_possible();
            return;
        case Item::Kind::SetWithoutNewline:
            return;
        }
    }

    // One member of a class at i_ (not the closing ']').
    Item read_class_item() {
        const char c = re_[i_];
        if (c == '\\') return read_escape();
        if (c == '[' && i_ + 1 < re_.size() && re_[i_ + 1] == ':') {
            const std::size_t end = re_.find(":]", i_ + 2);
            if (end == std::string_view::npos) {
                ++i_;
                return {Item::Kind::Char, '['};
            }
            std::string name(re_.substr(i_ + 2, end - i_ - 2));
            i_ = end + 2;
            const bool negated = !name.empty() && name.front() == '^';
            if (negated) name.erase(0, 1);
            const bool holds = (name == "space" || name == "cntrl" || name == "ascii") != negated;
            return {holds ? Item::Kind::SetWithNewline : Item::Kind::SetWithoutNewline};
        }
        if (c == '[') {
            ++i_;
            return {Item::Kind::Unknown};  // a nested class (Rust syntax): not read
        }
        const auto byte = static_cast<unsigned char>(c);
        ++i_;
        if (byte >= 0x80) {
            while (i_ < re_.size() && (static_cast<unsigned char>(re_[i_]) & 0xC0) == 0x80) ++i_;
            return {Item::Kind::Char, 0x80};  // some non-ASCII character: never '\n'
        }
        return {Item::Kind::Char, byte};
    }

    void read_class() {
        ++i_;  // '['
        bool negated = false;
        if (i_ < re_.size() && re_[i_] == '^') {
            negated = true;
            ++i_;
        }
        bool holds_newline = false;
        bool only_newlines = true;
        bool unknown = false;
        std::size_t items = 0;
        bool first = true;
        while (i_ < re_.size() && (re_[i_] != ']' || first)) {
            first = false;
            Item item = read_class_item();
            ++items;
            if (item.kind == Item::Kind::Char && i_ + 1 < re_.size() && re_[i_] == '-' && re_[i_ + 1] != ']') {
                ++i_;
                const Item last = read_class_item();
                if (last.kind != Item::Kind::Char) {
                    unknown = true;
                } else if (item.value <= kNewline && kNewline <= last.value) {
                    holds_newline = true;
                    if (item.value != last.value) only_newlines = false;
                } else {
                    only_newlines = false;
                }
                continue;
            }
            switch (item.kind) {
            case Item::Kind::Char:
                if (item.value == kNewline) holds_newline = true;
                else only_newlines = false;
                break;
            case Item::Kind::SetWithNewline:
                holds_newline = true;
                only_newlines = false;
                break;
            case Item::Kind::SetWithoutNewline:
                only_newlines = false;
                break;
            case Item::Kind::Unknown:
                unknown = true;
                only_newlines = false;
                break;
            }
        }
        if (i_ < re_.size()) ++i_;  // ']'
        if (unknown || holds_newline != negated) newline_possible();
        if (!negated && !unknown && items > 0 && only_newlines) literal_newline();
    }

    std::string_view re_;
    std::size_t i_ = 0;
    bool dotall_;
    bool extended_ = false;
    std::vector<bool> groups_;  // open groups, innermost last: true for a look-around
    int lookaround_depth_ = 0;
    NewlineUse use_;
};

}  // namespace

NewlineUse regex_newline_use(std::string_view regex, bool dotall) { return NewlineReader(regex, dotall).run(); }

bool search_spans_lines(const PatternOptions& options) {
    // NUL-terminated records (--null-data): no pattern can match the NUL that ends one (rg takes
    // it out of every pattern), so each record is searched whole, -U or not, and counted as one
    // line (rg's multi_line_with_matcher() is false then).
    if (!options.multiline || options.line_terminator != '\n') return false;
    // -x anchors every pattern at line boundaries, which rg counts as touching '\n'.
    if (options.whole_line) return true;
    return std::any_of(options.patterns.begin(), options.patterns.end(), [&](const std::string& pattern) {
        if (options.fixed_strings) return pattern.find('\n') != std::string::npos;
        return regex_newline_use(pattern, options.multiline_dotall).can_match;
    });
}

void check_newline_literals(const PatternOptions& options) {
    if (options.multiline) return;
    for (const std::string& pattern : options.patterns) {
        const bool literal = options.fixed_strings ? pattern.find('\n') != std::string::npos
                                                   : regex_newline_use(pattern, false).literal;
        if (literal) throw NewlineInPatternError(pattern);
    }
}

}  // namespace codescout
