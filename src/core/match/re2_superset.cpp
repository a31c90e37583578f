// The PCRE2 -> RE2 rewrite for ASCII lines (see re2_superset.h). A small recursive-descent pass
// over PCRE2 syntax that copies what both engines read alike, rewrites what differs, and gives up
// on everything else.
#include "core/match/re2_superset.h"

#include <cstdint>

#include "core/match/matcher.h"
#include "core/match/pcre2_program.h"

namespace codescout {

namespace {

// RE2 refuses larger counts; PCRE2 allows up to 65535.
constexpr unsigned kMaxRepeat = 1000;

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_hex(unsigned char c) { return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }
bool is_punct(unsigned char c) {
    return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
           (c >= 0x7B && c <= 0x7E);
}

std::string code_point_escape(std::uint32_t value) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string hex;
    do {
        hex.insert(hex.begin(), kDigits[value & 0xF]);
        value >>= 4;
    } while (value != 0);
    return "\\x{" + hex + "}";
}

std::size_t utf8_length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    return 2;
}

bool is_posix_class(std::string_view name) {
    // RE2 knows these, and on ASCII text they select what PCRE2's UCP versions select.
    static constexpr std::string_view kNames[] = {"alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph",
                                                  "lower", "print", "punct", "space", "upper", "word", "xdigit"};
    if (!name.empty() && name.front() == '^') name.remove_prefix(1);
    for (std::string_view known : kNames) {
        if (name == known) return true;
    }
    return false;
}

// The ASCII characters a Unicode property escape (\p{Greek}, \PL, \p{^Lu}, ...) matches, as
// PCRE2 itself says (so its Unicode tables, names and caseless rules decide), written as RE2
// class members; nullopt when PCRE2 rejects the escape. '\n' is left out: it never lies inside
// a line. On ASCII text the escape and these members select the same characters, and lines with
// other bytes are PCRE2's to judge (re2_line_prefilter.h).
// `case_closed` tells whether every ASCII letter among them comes with its other case: RE2 folds
// the class again when the pattern is caseless, and adds the missing ones otherwise.
std::optional<std::string> ascii_members_of_property(std::string_view escape, bool caseless, bool& case_closed) {
    if (Pcre2Program::check(escape, caseless)) return std::nullopt;
    const Pcre2Program program(escape, caseless);
    Pcre2Scratch scratch;
    std::string members;
    bool member[0x80] = {};
    for (unsigned c = 0; c < 0x80; ++c) {
        if (c == '\n') continue;
        const char byte = static_cast<char>(c);
        member[c] = program.find(std::string_view(&byte, 1), 0, scratch).has_value();
        if (member[c]) members += code_point_escape(c);
    }
    case_closed = true;
    for (unsigned c = 'a'; c <= 'z'; ++c) case_closed = case_closed && member[c] == member[c - 'a' + 'A'];
    return members;
}

// POSIX classes whose ASCII members RE2, folding case, widens where PCRE2 with UCP does not
// ([:upper:] becomes \p{Lu}, which PCRE2's caseless matching leaves alone).
bool is_cased_posix_class(std::string_view name) {
    if (!name.empty() && name.front() == '^') name.remove_prefix(1);
    return name == "upper" || name == "lower";
}

class Rewriter {
public:
    Rewriter(std::string_view in, bool caseless) : in_(in), folds_case_(caseless) {}

    std::optional<Re2Rewrite> run() {
        if (!sequence(0) || pos_ != in_.size()) return std::nullopt;
        // RE2 folds case by its own Unicode tables, PCRE2 by others (the Kelvin sign K matches
        // 'k' in PCRE2, the dotless i does not fold the same way), so a case-insensitive pattern
        // must be ASCII to be read alike.
        if (folds_case_ && non_ascii_) return std::nullopt;
        // Folding the whole pattern is a superset for everything but a negated class: (?i)[^a-z]
        // also excludes A-Z, so [^a-z](?i:_) would lose the "S_" that PCRE2 matches.
        if (case_mixed_ && negated_class_) return std::nullopt;
        return Re2Rewrite{(folds_case_ ? "(?i:" : "(?:") + out_ + ")", exact_};
    }

private:
    bool at_end() const { return pos_ >= in_.size(); }
    unsigned char peek(std::size_t ahead = 0) const {
        return pos_ + ahead < in_.size() ? static_cast<unsigned char>(in_[pos_ + ahead]) : 0;
    }

    // Items up to the end of the pattern (depth 0) or the ')' closing the current group, which
    // the caller consumes.
    bool sequence(int depth) {
        while (!at_end()) {
            if (peek() == ')') return depth > 0;
            if (!item(depth)) return false;
        }
        return depth == 0;
    }

    bool item(int depth) {
        const unsigned char c = peek();
        bool emitted = true;
        bool ok = true;
        switch (c) {
        case '\\': ok = escape(emitted); break;
        case '[': ok = char_class(); break;
        case '(': ok = group(depth, emitted); break;
        case '*':
        case '+':
        case '?':
            ++pos_;
            ok = quantifier(std::string(1, static_cast<char>(c)));
            break;
        case '{': ok = brace(); break;
        case '|':
        case '^':
        case '$':
        case '.':
            out_ += static_cast<char>(c);
            ++pos_;
            break;
        default: literal(out_); break;
        }
        last_emitted_nothing_ = !emitted;
        return ok;
    }

    // A quantifier after an item: a dropped item (a lookaround, say) would leave it on the item
    // before, changing the meaning. A possessive '+' is dropped (possessive only removes
    // matches), a lazy '?' too (laziness changes where a match ends, not whether a line has one).
    bool quantifier(const std::string& text) {
        if (last_emitted_nothing_) return false;
        out_ += text;
        if (peek() == '+') loosened();
        if (peek() == '+' || peek() == '?') ++pos_;
        return true;
    }

    // {n}, {n,}, {n,m} and PCRE2's {,m}; any other '{' is a literal in both engines unless it
    // starts with what PCRE2 10.43+ might read as a quantifier with spaces.
    bool brace() {
        std::size_t p = pos_ + 1;
        auto number = [&](unsigned& value) {
            const std::size_t begin = p;
            value = 0;
            while (p < in_.size() && is_digit(static_cast<unsigned char>(in_[p])) && value <= kMaxRepeat) {
                value = value * 10 + static_cast<unsigned>(in_[p] - '0');
                ++p;
            }
            return p > begin;
        };
        unsigned low = 0;
        unsigned high = 0;
        const bool has_low = number(low);
        bool has_comma = false;
        bool has_high = false;
        if (p < in_.size() && in_[p] == ',') {
            has_comma = true;
            ++p;
            has_high = number(high);
        }
        const bool closed = p < in_.size() && in_[p] == '}';
        if (closed && (has_low || has_high)) {
            if (low > kMaxRepeat || high > kMaxRepeat) return false;
            pos_ = p + 1;
            std::string text = "{" + std::to_string(low);
            if (has_comma) text += "," + (has_high ? std::to_string(high) : std::string());
            return quantifier(text + "}");
        }
        const unsigned char next = peek(1);
        if (is_digit(next) || next == ',' || next == ' ') return false;
        out_ += "\\{";
        ++pos_;
        return true;
    }

    // One literal character of the pattern, in a form RE2 reads as that character.
    void literal(std::string& out) {
        const unsigned char c = peek();
        if (c >= 0x80) {
            const std::size_t length = utf8_length(c);
            out.append(in_.substr(pos_, length));
            pos_ += length;
            non_ascii_ = true;
            return;
        }
        ++pos_;
        if (is_alpha(c) || is_digit(c) || c == '_') {
            out += static_cast<char>(c);
        } else if (is_punct(c)) {
            out += '\\';
            out += static_cast<char>(c);
        } else {
            out += code_point_escape(c);
        }
    }

    // \x{HHH} or \x followed by up to two hex digits (PCRE2's forms; RE2 wants exactly two).
    bool hex_escape(std::string& out) {
        std::uint32_t value = 0;
        if (peek() == '{') {
            std::size_t p = pos_ + 1;
            std::size_t digits = 0;
            while (p < in_.size() && is_hex(static_cast<unsigned char>(in_[p])) && digits < 8) {
                const unsigned char h = static_cast<unsigned char>(in_[p]);
                value = value * 16 + static_cast<std::uint32_t>(is_digit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
                ++p;
                ++digits;
            }
            if (digits == 0 || p >= in_.size() || in_[p] != '}' || value > 0x10FFFF) return false;
            pos_ = p + 1;
        } else {
            for (int i = 0; i < 2 && is_hex(peek()); ++i) {
                const unsigned char h = peek();
                value = value * 16 + static_cast<std::uint32_t>(is_digit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
                ++pos_;
            }
        }
        if (value >= 0x80) non_ascii_ = true;
        out += code_point_escape(value);
        return true;
    }

    bool escape(bool& emitted) {
        if (pos_ + 1 >= in_.size()) return false;
        const unsigned char c = peek(1);
        pos_ += 2;
        switch (c) {
        case 'w': case 'W': case 'd': case 'D': case 'b': case 'B': case 'S':
        case 'n': case 't': case 'r': case 'f': case 'a':
            out_ += '\\';
            out_ += static_cast<char>(c);
            return true;
        case 's': out_ += "[\\s\\x0B]"; return true;  // RE2's \s lacks VT
        case 'h': out_ += "[\\t ]"; return true;
        case 'H': out_ += "[^\\t ]"; return true;
        case 'v': out_ += "[\\n\\x0B\\f\\r]"; return true;  // RE2's \v is VT alone
        case 'V': out_ += "[^\\n\\x0B\\f\\r]"; return true;
        case 'N':
            if (peek() == '{') return false;  // \N{U+...}
            out_ += "[^\\n]";
            return true;
        case 'e': out_ += "\\x1B"; return true;
        case 'x': return hex_escape(out_);
        case 'p': case 'P': {
            std::string members;
            if (!property(members)) return false;
            // A property without ASCII members matches nothing on an ASCII line.
            out_ += members.empty() ? std::string("[^\\x00-\\x{10FFFF}]") : "[" + members + "]";
            return true;
        }
        case 'Q': return quoted();
        // Assertions RE2 lacks or reads differently: dropping one only allows more matches.
        case 'A': case 'z': case 'Z': case 'G':
            loosened();
            emitted = false;
            return true;
        // \K moves where a match starts, not whether there is one; \E alone is nothing.
        case 'K': case 'E':
            emitted = false;
            return true;
        default:
            if (c < 0x80 && !is_alpha(c) && !is_digit(c)) {
                --pos_;
                literal(out_);
                return true;
            }
            return false;  // back-references, \X, \R, \C, octal, \c, \o, \g, \k, ...
        }
    }

    // After "\p" or "\P" (consumed): the name, one letter or {...}, and the ASCII members.
    bool property(std::string& members) {
        const std::size_t start = pos_ - 2;
        if (at_end()) return false;
        if (peek() == '{') {
            const std::size_t close = in_.find('}', pos_);
            if (close == std::string_view::npos) return false;
            pos_ = close + 1;
        } else {
            ++pos_;
        }
        bool case_closed = true;
        auto ascii = ascii_members_of_property(in_.substr(start, pos_ - start), folds_case_, case_closed);
        if (!ascii) return false;
        if (folds_case_ && !case_closed) loosened();
        members = std::move(*ascii);
        return true;
    }

    // \Q...\E (or to the end): every character literal.
    bool quoted() {
        while (!at_end()) {
            if (peek() == '\\' && peek(1) == 'E') {
                pos_ += 2;
                return true;
            }
            literal(out_);
        }
        return true;
    }

    bool group(int depth, bool& emitted) {
        ++pos_;  // '('
        if (peek() == '*') return false;  // verbs: (*UTF), (*SKIP), ...
        if (peek() != '?') return group_body(depth, out_.size(), true);
        ++pos_;  // '?'
        const unsigned char c = peek();
        const unsigned char next = peek(1);
        // A plain group as a branch-reset group matches the same; as an atomic one, more.
        if (c == ':' || c == '>' || c == '|') {
            if (c == '>') loosened();
            ++pos_;
            return group_body(depth, out_.size(), true);
        }
        if (c == '=' || c == '!' || (c == '<' && (next == '=' || next == '!'))) {
            pos_ += c == '<' ? 2 : 1;
            loosened();
            emitted = false;
            return group_body(depth, out_.size(), false);
        }
        if (c == '<' || c == '\'' || (c == 'P' && next == '<')) {
            const char close = c == '\'' ? '\'' : '>';
            const std::size_t end = in_.find(close, pos_ + 1);
            if (end == std::string_view::npos) return false;
            pos_ = end + 1;
            return group_body(depth, out_.size(), true);
        }
        if (c == '#') {
            const std::size_t end = in_.find(')', pos_);
            if (end == std::string_view::npos) return false;
            pos_ = end + 1;
            emitted = false;
            return true;
        }
        return option_group(depth, emitted);
    }

    // (?flags) or (?flags:...). Only 'i' changes which lines can match: turning it on anywhere
    // makes the whole RE2 pattern case-insensitive (a superset), turning it off is ignored.
    // 's' and 'm' need nothing with never_nl and RE2's multi-line mode; 'n' and 'U' only affect
    // captures and greed. Anything else ('x', 'J', '^', ...) is refused.
    bool option_group(int depth, bool& emitted) {
        bool turning_off = false;
        while (!at_end() && peek() != ')' && peek() != ':') {
            const unsigned char flag = peek();
            if (flag == '-') {
                turning_off = true;
            } else if (flag == 'i') {
                // Either way the RE2 pattern may now match more than PCRE2's, unless it changes
                // nothing (on where everything folds already, off where nothing does).
                if (turning_off == folds_case_) {
                    loosened();
                    case_mixed_ = true;
                }
                if (!turning_off) folds_case_ = true;
            } else if (flag != 's' && flag != 'm' && flag != 'n' && flag != 'U') {
                return false;
            }
            ++pos_;
        }
        if (at_end()) return false;
        if (peek() == ')') {
            ++pos_;
            emitted = false;
            return true;
        }
        ++pos_;  // ':'
        return group_body(depth, out_.size(), true);
    }

    // The group's alternatives and its ')'. When `keep` is false (a lookaround) they are checked
    // like any other but their rewrite is cut off again.
    bool group_body(int depth, std::size_t mark, bool keep) {
        out_ += "(?:";
        if (!sequence(depth + 1) || peek() != ')') return false;
        ++pos_;
        out_ += ')';
        if (!keep) out_.resize(mark);
        return true;
    }

    bool char_class() {
        ++pos_;  // '['
        out_ += '[';
        if (peek() == '^') {
            out_ += '^';
            ++pos_;
            negated_class_ = true;
        }
        bool first = true;
        bool previous_single = false;  // the last item was one character, so '-' makes a range
        while (true) {
            if (at_end()) return false;
            const unsigned char c = peek();
            if (c == ']' && !first) {
                ++pos_;
                out_ += ']';
                return true;
            }
            first = false;
            if (c == '[' && peek(1) == ':') {
                const std::size_t end = in_.find(":]", pos_ + 2);
                if (end == std::string_view::npos || !is_posix_class(in_.substr(pos_ + 2, end - pos_ - 2))) return false;
                if (folds_case_ && is_cased_posix_class(in_.substr(pos_ + 2, end - pos_ - 2))) loosened();
                if (peek(2) == '^') negated_class_ = true;
                out_.append(in_.substr(pos_, end + 2 - pos_));
                pos_ = end + 2;
                previous_single = false;
            } else if (c == '[' && (peek(1) == '.' || peek(1) == '=')) {
                return false;
            } else if (c == '-') {
                ++pos_;
                if (previous_single && peek() != ']') {
                    out_ += '-';
                    if (!class_item(previous_single) || !previous_single) return false;
                } else {
                    out_ += "\\-";
                }
                previous_single = false;
            } else if (!class_item(previous_single)) {
                return false;
            }
        }
    }

    // One member of a character class; `single` tells whether it was one character.
    bool class_item(bool& single) {
        single = true;
        if (peek() != '\\') {
            literal(out_);
            return true;
        }
        if (pos_ + 1 >= in_.size()) return false;
        const unsigned char c = peek(1);
        pos_ += 2;
        switch (c) {
        case 'w': case 'W': case 'd': case 'D': case 'S':
            out_ += '\\';
            out_ += static_cast<char>(c);
            single = false;
            return true;
        case 'n': case 't': case 'r': case 'f': case 'a':
            out_ += '\\';
            out_ += static_cast<char>(c);
            return true;
        case 's': out_ += "\\s\\x0B"; single = false; return true;
        case 'h': out_ += "\\t "; single = false; return true;
        case 'v': out_ += "\\n\\x0B\\f\\r"; single = false; return true;
        case 'b': out_ += "\\x08"; return true;  // backspace, inside a class
        case 'e': out_ += "\\x1B"; return true;
        case 'x': return hex_escape(out_);
        case 'p': case 'P': {
            std::string members;
            if (!property(members)) return false;
            // U+10FFFF keeps the class non-empty ("[]" is not a class); it never occurs in an
            // ASCII line, so it adds no match there.
            out_ += members.empty() ? std::string("\\x{10FFFF}") : members;
            single = false;
            return true;
        }
        case 'E': single = false; return true;
        default:
            if (c < 0x80 && !is_alpha(c) && !is_digit(c)) {
                --pos_;
                literal(out_);
                return true;
            }
            return false;
        }
    }

    // The rewrite matches more than the pattern from here on (Re2Rewrite::exact).
    void loosened() { exact_ = false; }

    std::string_view in_;
    std::size_t pos_ = 0;
    std::string out_;
    bool folds_case_;
    bool case_mixed_ = false;     // an inline (?i) or (?-i) changes the case mode part-way
    bool negated_class_ = false;  // a [^...] class (POSIX [:^alpha:] inside one counts below)
    bool non_ascii_ = false;
    bool last_emitted_nothing_ = false;
    bool exact_ = true;
};

}  // namespace

std::optional<Re2Rewrite> re2_rewrite_for_ascii(std::string_view pcre_regex, bool caseless) {
    return Rewriter(pcre_regex, caseless).run();
}

std::optional<std::string> re2_superset_for_ascii(std::string_view pcre_regex, bool caseless) {
    auto rewrite = re2_rewrite_for_ascii(pcre_regex, caseless);
    if (!rewrite) return std::nullopt;
    return std::move(rewrite->pattern);
}

}  // namespace codescout
