// Pattern text analysis and rewriting (see pattern_text.h).
#include "core/match/pattern_text.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>

#include "core/match/pcre2_program.h"

namespace codescout {

namespace {

bool is_ascii_alnum(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Characters with a meaning outside a class in PCRE2's default syntax (plus ']' and '}', which
// are literal there but not worth the subtlety).
bool is_regex_meta(unsigned char c) {
    switch (c) {
    case '\\': case '^': case '$': case '.': case '[': case ']': case '|':
    case '(': case ')': case '?': case '*': case '+': case '{': case '}':
        return true;
    default:
        return false;
    }
}

// Length of the UTF-8 sequence that starts with `lead` (1 for ASCII and for stray bytes).
std::size_t utf8_length(unsigned char lead) {
    if (lead >= 0xF0 && lead < 0xF8) return 4;
    if (lead >= 0xE0) return lead < 0xF0 ? 3 : 1;
    if (lead >= 0xC0) return 2;
    return 1;
}

// Index just past the first `close` at or after `i` (or the end).
std::size_t skip_past(std::string_view text, std::size_t i, char close) {
    const std::size_t at = text.find(close, i);
    return at == std::string_view::npos ? text.size() : at + 1;
}

// The hex digits of a \u or \U escape whose letter is at `at` (\u{7F}, \u007F, \U{7F},
// \U0000007F), and where the escape ends; nullopt when it is not one.
std::optional<std::pair<std::string_view, std::size_t>> rust_char_escape(std::string_view regex, std::size_t at) {
    const auto all_hex = [](std::string_view digits) {
        return !digits.empty() && std::all_of(digits.begin(), digits.end(), [](char d) { return std::isxdigit(static_cast<unsigned char>(d)) != 0; });
    };
    if (at + 1 < regex.size() && regex[at + 1] == '{') {
        const std::size_t close = regex.find('}', at + 2);
        if (close == std::string_view::npos || !all_hex(regex.substr(at + 2, close - at - 2))) return std::nullopt;
        return std::pair{regex.substr(at + 2, close - at - 2), close + 1};
    }
    const std::size_t width = regex[at] == 'u' ? 4 : 8;
    if (at + 1 + width > regex.size() || !all_hex(regex.substr(at + 1, width))) return std::nullopt;
    return std::pair{regex.substr(at + 1, width), at + 1 + width};
}

// The character numbered by the hex digits `hex` (\x41, \x{1F600}), UTF-8 encoded onto `out`;
// nothing for no digits, other text or a number past Unicode.
void append_code_point(std::string& out, std::string_view hex) {
    if (hex.empty() || hex.size() > 8) return;
    std::uint32_t cp = 0;
    for (const char h : hex) {
        if (!std::isxdigit(static_cast<unsigned char>(h))) return;
        cp = cp * 16 + static_cast<std::uint32_t>(std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// The parts of a regex that are literal text, for the uppercase test (see has_uppercase).
std::string literal_parts(std::string_view re) {
    std::string out;
    std::size_t i = 0;
    while (i < re.size()) {
        const char c = re[i];
        if (c == '\\' && i + 1 < re.size()) {
            const char e = re[i + 1];
            if (e == 'Q') {
                const std::size_t end = re.find("\\E", i + 2);
                const std::size_t stop = end == std::string_view::npos ? re.size() : end;
                out.append(re.substr(i + 2, stop - (i + 2)));
                i = end == std::string_view::npos ? re.size() : end + 2;
            } else if (e == 'u' || e == 'U') {
                // \u007F, \u{7F}, \U0000007F, \U{7F}: a literal too (rg's syntax); else like any escape.
                if (const auto escape = rust_char_escape(re, i + 1)) {
                    append_code_point(out, escape->first);
                    i = escape->second;
                } else {
                    i += 2;
                }
            } else if (e == 'x' && i + 2 < re.size() && re[i + 2] == '{') {
                // A character by its number is a literal to rg's smart case (\x{41}: an 'A').
                const std::size_t close = re.find('}', i + 3);
                if (close == std::string_view::npos) {
                    i = re.size();
                } else {
                    append_code_point(out, re.substr(i + 3, close - i - 3));
                    i = close + 1;
                }
            } else if ((e == 'p' || e == 'P' || e == 'o' || e == 'N' || e == 'g' || e == 'k') &&
                       i + 2 < re.size() && (re[i + 2] == '{' || re[i + 2] == '<' || re[i + 2] == '\'')) {
                const char open = re[i + 2];
                i = skip_past(re, i + 3, open == '{' ? '}' : open == '<' ? '>' : '\'');
            } else if ((e == 'p' || e == 'P' || e == 'c') && i + 2 < re.size()) {
                i += 3;  // one-letter property such as \pL, or a control character \cA
            } else if (e == 'x') {
                i += 2;  // \xHH: up to two hex digits, a literal character too
                const std::size_t digits_start = i;
                for (int digits = 0; digits < 2 && i < re.size() && std::isxdigit(static_cast<unsigned char>(re[i])); ++digits) ++i;
                append_code_point(out, re.substr(digits_start, i - digits_start));
            } else {
                i += 1 + utf8_length(static_cast<unsigned char>(e));
            }
            continue;
        }
        if (c == '(' && i + 2 < re.size() && re[i + 1] == '*') {
            i = skip_past(re, i + 2, ')');
            continue;
        }
        if (c == '(' && i + 2 < re.size() && re[i + 1] == '?') {
            const std::string_view rest = re.substr(i + 2);
            const bool named_group = (rest.starts_with("<") && !rest.starts_with("<=") && !rest.starts_with("<!")) ||
                                     rest.starts_with("P<") || rest.starts_with("'");
            if (named_group) {
                const char close = rest.starts_with("'") ? '\'' : '>';
                i = skip_past(re, i + 3 + (rest.starts_with("P<") ? 1 : 0), close);
                continue;
            }
            if (rest.starts_with("P=") || rest.starts_with("P>") || rest.starts_with("&")) {
                i = skip_past(re, i + 2, ')');
                continue;
            }
        }
        out.push_back(c);
        ++i;
    }
    return out;
}

// An escape that is a class or an assertion (\d, \s, \w, \p{..}, \b, \A...), not a character.
bool escape_is_class_or_assertion(char e) {
    return std::string_view("dDsSwWpPbBAzZGKhHvVRXC<>").find(e) != std::string_view::npos;
}

// Just past the escape at `i` (a backslash): \p{...} and \P{...} with their braces, \pL with its
// letter, anything else the backslash and one character.
std::size_t escape_end(std::string_view re, std::size_t i) {
    if (i + 1 >= re.size()) return re.size();
    const char e = re[i + 1];
    if ((e == 'p' || e == 'P') && i + 2 < re.size()) return re[i + 2] == '{' ? skip_past(re, i + 3, '}') : i + 3;
    return i + 1 + utf8_length(static_cast<unsigned char>(e));
}

// Whether the bracketed class re[open, end) holds a character of its own (a member or a range's
// end), not only POSIX classes, escapes such as \d and set operators.
bool class_has_literal(std::string_view re, std::size_t open, std::size_t end) {
    std::size_t j = open + 1;
    if (j < end && re[j] == '^') ++j;
    while (j + 1 < end) {  // the last byte is the class's ']'
        const char c = re[j];
        if (c == '\\') {
            if (j + 1 < end && !escape_is_class_or_assertion(re[j + 1])) return true;
            j = escape_end(re, j);
        } else if (c == '[' && j + 1 < end && (re[j + 1] == ':' || re[j + 1] == '=' || re[j + 1] == '.')) {
            j = re.find(std::string{re[j + 1], ']'}, j + 2) + 2;
        } else if ((c == '&' || c == '-' || c == '~') && j + 1 < end && re[j + 1] == c) {
            j += 2;  // Rust's set operators &&, --, ~~
        } else if (c == '[' || c == ']') {
            ++j;  // a nested class's brackets (Rust)
        } else {
            return true;
        }
    }
    return false;
}

}  // namespace

bool has_literal(std::string_view re) {
    for (std::size_t i = 0; i < re.size();) {
        const char c = re[i];
        if (c == '\\') {
            if (i + 1 < re.size() && re[i + 1] == 'Q') {
                const std::size_t end = re.find("\\E", i + 2);
                if (end != i + 2) return true;  // \Q...\E with text in it (or unclosed, to the end)
                i = end + 2;
                continue;
            }
            if (i + 1 < re.size() && !escape_is_class_or_assertion(re[i + 1])) return true;  // \., \n, \x41...
            i = escape_end(re, i);
            continue;
        }
        if (c == '[') {
            const std::size_t end = class_end(re, i);
            if (end == std::string_view::npos) return true;  // unsure: counts
            if (class_has_literal(re, i, end)) return true;
            i = end;
            continue;
        }
        if (c == '(' && i + 1 < re.size() && re[i + 1] == '?') {
            // Group syntax: flags (?i) (?i:, names (?P<n> (?<n> (?'n', look-arounds, comments.
            std::size_t j = i + 2;
            const std::string_view rest = re.substr(j);
            if (rest.starts_with("P<") || (rest.starts_with("<") && !rest.starts_with("<=") && !rest.starts_with("<!"))) {
                i = skip_past(re, j, '>');
            } else if (rest.starts_with("'")) {
                i = skip_past(re, j + 1, '\'');
            } else if (rest.starts_with("#")) {
                i = skip_past(re, j, ')');
            } else if (rest.starts_with("=") || rest.starts_with("!")) {
                i = j + 1;  // a look-ahead's opening; what it holds is scanned on
            } else if (rest.starts_with("<=") || rest.starts_with("<!")) {
                i = j + 2;
            } else {
                while (j < re.size() && (std::isalpha(static_cast<unsigned char>(re[j])) || re[j] == '-')) ++j;
                i = j < re.size() && (re[j] == ':' || re[j] == ')') ? j + 1 : j;
            }
            continue;
        }
        if (c == '{') {  // a repetition {n}, {n,}, {n,m}; any other brace is a literal
            std::size_t j = i + 1;
            while (j < re.size() && (std::isdigit(static_cast<unsigned char>(re[j])) || re[j] == ',' || re[j] == ' ')) ++j;
            if (j < re.size() && re[j] == '}' && j > i + 1) {
                i = j + 1;
                continue;
            }
            return true;
        }
        if (std::string_view(".^$|()*+?").find(c) != std::string_view::npos) {
            ++i;
            continue;
        }
        return true;
    }
    return false;
}

std::string escape_literal(std::string_view text) {
    std::string out;
    out.reserve(text.size() * 2);
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7F) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x{%02X}", c);
            out += buffer;
        } else if (c < 0x80 && !is_ascii_alnum(c)) {
            out += '\\';
            out += ch;
        } else {
            out += ch;  // letters, digits and UTF-8 bytes are literal as they are
        }
    }
    return out;
}

std::optional<std::vector<std::string>> regex_literals(std::string_view regex) {
    std::vector<std::string> literals(1);
    for (std::size_t i = 0; i < regex.size(); ++i) {
        const auto c = static_cast<unsigned char>(regex[i]);
        if (c == '|') {
            literals.emplace_back();
        } else if (c == '\\') {
            if (i + 1 >= regex.size()) return std::nullopt;
            const auto e = static_cast<unsigned char>(regex[i + 1]);
            if (e == 'n') {
                // A line end (only valid with -U, whose literals may span lines).
                literals.back() += '\n';
                ++i;
                continue;
            }
            // Only escaped ASCII punctuation (and space) is a plain literal; \w, \x.. and friends are not.
            if (e >= 0x80 || e < 0x20 || e == 0x7F || is_ascii_alnum(e)) return std::nullopt;
            literals.back() += static_cast<char>(e);
            ++i;
        } else if (is_regex_meta(c)) {
            return std::nullopt;
        } else {
            literals.back() += static_cast<char>(c);
        }
    }
    for (const std::string& literal : literals) {
        if (literal.empty()) return std::nullopt;
    }
    return literals;
}

std::size_t class_end(std::string_view regex, std::size_t open) {
    std::size_t j = open + 1;
    if (j < regex.size() && regex[j] == '^') ++j;
    if (j < regex.size() && regex[j] == ']') ++j;
    while (j < regex.size()) {
        const char c = regex[j];
        if (c == '\\') {
            if (j + 1 < regex.size() && regex[j + 1] == 'Q') return std::string_view::npos;
            j += 2;
        } else if (c == '[' && j + 1 < regex.size() && (regex[j + 1] == ':' || regex[j + 1] == '=' || regex[j + 1] == '.')) {
            const std::size_t close = regex.find(std::string{regex[j + 1], ']'}, j + 2);
            if (close == std::string_view::npos) return std::string_view::npos;
            j = close + 2;
        } else if (c == ']') {
            return j + 1;
        } else {
            ++j;
        }
    }
    return std::string_view::npos;
}

bool has_uppercase(std::string_view pattern, bool is_regex) {
    static const Pcre2Program uppercase("[\\p{Lu}\\p{Lt}]", false);
    const std::string text = is_regex ? literal_parts(pattern) : std::string(pattern);
    Pcre2Scratch scratch;
    return uppercase.find(text, 0, scratch).has_value();
}

bool has_uppercase_outside_escapes(std::string_view pattern) {
    static const Pcre2Program uppercase("\\p{Lu}", false);
    std::string text;
    for (std::size_t i = 0; i < pattern.size();) {
        const std::size_t length = utf8_length(static_cast<unsigned char>(pattern[i]));
        if (pattern[i] == '\\') {
            i += 1;
            if (i < pattern.size()) i += utf8_length(static_cast<unsigned char>(pattern[i]));
            continue;
        }
        text.append(pattern.substr(i, length));
        i += length;
    }
    Pcre2Scratch scratch;
    return uppercase.find(text, 0, scratch).has_value();
}

std::string combine_regexes(const std::vector<std::string>& regexes, bool whole_word,
                            HyphenMode hyphen_mode, bool whole_line, bool pcre2_syntax) {
    std::string alternation;
    for (const std::string& regex : regexes) {
        if (!alternation.empty()) alternation += '|';
        alternation += "(?:";
        alternation += regex;
        alternation += "\\E)";
    }
    if (whole_line) return "^(?:" + alternation + ")$";
    if (whole_word) {
        const WordEdge& edge = word_edge(pcre2_syntax, hyphen_mode);
        if (pcre2_syntax) return std::string(edge.before) + "(?:" + alternation + ")" + std::string(edge.after);
        // PCRE2 matches no class against a byte that is not UTF-8 (PCRE2_MATCH_INVALID_UTF).
        return "(?:^|" + std::string(edge.before) + ")(?:" + alternation + ")(?:$|" + std::string(edge.after) + ")";
    }
    return alternation;
}

bool effective_caseless(const PatternOptions& options) {
    switch (options.case_mode) {
    case CaseMode::Sensitive: return false;
    case CaseMode::Insensitive: return true;
    case CaseMode::Smart: {
        // rg's default syntax also wants a literal character somewhere: \p{Ll}+ or [[:lower:]]+
        // alone stay case-sensitive there (grep-regex: any_literal && !any_uppercase); rg -P and
        // -F patterns (all literal) do not ask.
        bool literal = options.pcre2_syntax;
        for (const std::string& pattern : options.patterns) {
            const bool upper = options.pcre2_syntax && !options.fixed_strings ? has_uppercase_outside_escapes(pattern)
                                                                              : has_uppercase(pattern, !options.fixed_strings);
            if (upper) return false;
            literal = literal || (options.fixed_strings ? !pattern.empty() : has_literal(pattern));
        }
        return literal;
    }
    }
    return false;
}

namespace {

// ripgrep's (Rust regex's) POSIX classes, as ranges valid inside a bracket for PCRE2 and RE2.
std::optional<std::string_view> ascii_posix_class(std::string_view name) {
    static constexpr std::pair<std::string_view, std::string_view> kClasses[] = {
        {"alnum", "0-9A-Za-z"},
        {"alpha", "A-Za-z"},
        {"ascii", "\\x00-\\x7F"},
        {"blank", "\\x09\\x20"},
        {"cntrl", "\\x00-\\x1F\\x7F"},
        {"digit", "0-9"},
        {"graph", "\\x21-\\x7E"},
        {"lower", "a-z"},
        {"print", "\\x20-\\x7E"},
        {"punct", "\\x21-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7E"},
        {"space", "\\x09-\\x0D\\x20"},
        {"upper", "A-Z"},
        {"word", "0-9A-Za-z_"},
        {"xdigit", "0-9A-Fa-f"},
    };
    for (const auto& [known, ranges] : kClasses)
        if (known == name) return ranges;
    return std::nullopt;
}

// One bracketed class (from its '[' to just past its ']') with its POSIX classes spelled out.
std::string class_with_ascii_posix(std::string_view cls) {
    std::string out(1, cls.front());  // the class's own '[' (a bare "[:alpha:]" is no POSIX class)
    std::size_t j = 1;
    while (j < cls.size()) {
        if (cls[j] == '\\' && j + 1 < cls.size()) {
            out.append(cls.substr(j, 2));
            j += 2;
            continue;
        }
        if (cls.compare(j, 2, "[:") == 0) {
            const std::size_t close = cls.find(":]", j + 2);
            if (close != std::string_view::npos) {
                const std::optional<std::string_view> ranges = ascii_posix_class(cls.substr(j + 2, close - j - 2));
                if (ranges) out.append(*ranges);
                else out.append(cls.substr(j, close + 2 - j));  // negated, or unknown: as written
                j = close + 2;
                continue;
            }
        }
        out += cls[j++];
    }
    return out;
}

}  // namespace

std::string posix_classes_as_rg(std::string_view regex) {
    std::string out;
    out.reserve(regex.size());
    std::size_t i = 0;
    while (i < regex.size()) {
        if (regex[i] == '\\' && i + 1 < regex.size()) {
            if (regex[i + 1] == 'Q') {  // \Q...\E is literal text: copied as it is
                const std::size_t end = regex.find("\\E", i + 2);
                const std::size_t stop = end == std::string_view::npos ? regex.size() : end + 2;
                out.append(regex.substr(i, stop - i));
                i = stop;
            } else {
                out.append(regex.substr(i, 2));
                i += 2;
            }
            continue;
        }
        if (regex[i] == '[') {
            const std::size_t end = class_end(regex, i);
            if (end == std::string_view::npos) {  // not a class PCRE2 reads: left to its error
                out.append(regex.substr(i));
                break;
            }
            out += class_with_ascii_posix(regex.substr(i, end - i));
            i = end;
            continue;
        }
        out += regex[i++];
    }
    return out;
}

namespace {

// `regex` copied with each escape (a backslash and the character after it, and what it goes on
// with) replaced by what `escape(regex, i, out)` appends for the one at `i`, which returns where
// it ends; \Q...\E, literal text, is copied as it is.
template <class Escape>
std::string with_escapes_rewritten(std::string_view regex, Escape escape) {
    std::string out;
    out.reserve(regex.size());
    std::size_t i = 0;
    while (i < regex.size()) {
        if (regex[i] != '\\' || i + 1 >= regex.size()) {
            out += regex[i++];
            continue;
        }
        if (regex[i + 1] == 'Q') {
            const std::size_t end = regex.find("\\E", i + 2);
            const std::size_t stop = end == std::string_view::npos ? regex.size() : end + 2;
            out.append(regex.substr(i, stop - i));
            i = stop;
            continue;
        }
        i = escape(regex, i, out);
    }
    return out;
}

}  // namespace

std::string char_escapes_as_pcre2(std::string_view regex) {
    return with_escapes_rewritten(regex, [](std::string_view text, std::size_t i, std::string& out) {
        const char kind = text[i + 1];
        if (kind == 'u' || kind == 'U') {
            if (const auto escape = rust_char_escape(text, i + 1)) {
                out += "\\x{";
                out += escape->first;
                out += '}';
                return escape->second;
            }
        }
        out.append(text.substr(i, 2));
        return i + 2;
    });
}

std::string script_properties_as_rg(std::string_view regex) {
    return with_escapes_rewritten(regex, [](std::string_view text, std::size_t i, std::string& out) {
        const char kind = text[i + 1];
        const std::size_t close = text.find('}', i + 2);
        if ((kind != 'p' && kind != 'P') || i + 2 >= text.size() || text[i + 2] != '{' || close == std::string_view::npos) {
            out.append(text.substr(i, 2));  // any other escape: its character cannot start \p
            return i + 2;
        }
        std::string_view name = text.substr(i + 3, close - i - 3);
        const bool negated = !name.empty() && name.front() == '^';
        if (negated) name.remove_prefix(1);
        std::string escape(text.substr(i, close + 1 - i));
        if (!name.empty() && name.find_first_of(":=") == std::string_view::npos) {
            std::string script = std::string("\\") + kind + '{' + (negated ? "^" : "") + "sc:" + std::string(name) + '}';
            if (!Pcre2Program::check(script, false)) escape = std::move(script);
        }
        out += escape;
        return close + 1;
    });
}

std::string pattern_regex(const PatternOptions& options, const std::string& pattern) {
    if (options.fixed_strings) return escape_literal(pattern);
    return options.pcre2_syntax ? pattern : script_properties_as_rg(posix_classes_as_rg(char_escapes_as_pcre2(pattern)));
}

std::string combined_regex(const PatternOptions& options) {
    std::vector<std::string> regexes;
    for (const std::string& pattern : options.patterns) regexes.push_back(pattern_regex(options, pattern));
    return with_dotall(options, combine_regexes(regexes, options.whole_word, options.hyphen_mode, options.whole_line,
                                                options.pcre2_syntax));
}

std::string with_dotall(const PatternOptions& options, std::string regex) {
    if (options.multiline && options.multiline_dotall) regex.insert(0, "(?s)");
    return regex;
}

bool is_ascii(std::string_view text) {
    for (const char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

}  // namespace codescout
