// Reading and writing pattern text: which user patterns are really literals, smart-case's
// "contains an uppercase letter", escaping literals for PCRE2, and the combined one-pass regex
// with the -w / -x wrappers. Pure string work; no matching happens here.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/match/pattern_options.h"

namespace codescout {

// `text` as a PCRE2 pattern that matches exactly these bytes (-F patterns).
std::string escape_literal(std::string_view text);

// The literal alternatives of a regex made only of literal text, escaped punctuation ("\."), \n
// and top-level '|' (e.g. "foo|ba\.r" -> {"foo", "ba.r"}); nullopt for anything else, including
// an empty alternative, which would match everywhere.
std::optional<std::vector<std::string>> regex_literals(std::string_view regex);

// Just past the ']' closing the bracketed class that starts at `open` (a '['): a ']' right after
// '[' or '[^' is a member, escapes and [:name:], [=x=], [.x.] hold no end. npos when the class is
// not closed, or holds \Q (whose literal text the scan would misread).
std::size_t class_end(std::string_view regex, std::size_t open);

// Smart case: does the pattern contain an uppercase (or titlecase) letter? For regexes this is
// an approximation of ripgrep's rule that only literal characters count: the character right
// after a backslash is ignored (\W, \S, \D) — but one given by its number (\x41, \x{41}) is the
// literal it names, as rg counts it — as are the braces of \p{Lu}, \N{...},
// \k<Name>/\g{Name}, names of groups ((?<Name>, (?P<Name>, (?'Name'), references ((?P=Name),
// (?&Name)) and verbs ((*UTF)). Text inside \Q...\E counts. Unicode-aware via PCRE2's tables.
bool has_uppercase(std::string_view pattern, bool is_regex);

// rg -P's smart case (grep-pcre2): a heuristic on the text, not on the parse. The character right
// after a backslash is skipped and any other uppercase letter counts, so \p{Lu}, \p{L}, named
// groups (?<Name>) and \N{U+0041} make a pattern case-sensitive under -P, where rg's default
// syntax ignores them (has_uppercase). Letters of the Unicode category Lu (Rust's is_uppercase
// also counts the few Other_Uppercase symbols, such as circled letters).
bool has_uppercase_outside_escapes(std::string_view pattern);

// Whether a regex (rg's syntax) holds a character of its own: a literal, an escaped one (\., \n,
// \x41), a class member or a range's end — not only classes (\w, \p{Ll}, [[:lower:]]),
// assertions, group syntax, repetitions and operators. rg's smart case needs one.
bool has_literal(std::string_view regex);

// Whether the patterns are matched case-insensitively: -i, or smart case without an uppercase
// letter in any pattern (by rg -P's rule under PatternOptions::pcre2_syntax) and, for rg's syntax,
// with a literal character in some pattern (has_literal). The one rule the matcher and the index's
// query planner both follow.
bool effective_caseless(const PatternOptions& options);

// One regex for all patterns: (?:p1\E)|(?:p2\E)... ("\E" closes a trailing \Q so it cannot swallow
// the next alternative), wrapped for -x (^...$, which wins over -w) or -w; with HyphenMode::Joining
// '-' counts as a word character. -w as rg's default engine reads it: the line's edge or a
// non-word character on each side — a byte that is not UTF-8 is neither, so "caf" in Latin-1
// "caf\xe9" is no word; `pcre2_syntax` (-P): as rg -P, no word character on either side.
std::string combine_regexes(const std::vector<std::string>& regexes, bool whole_word,
                            HyphenMode hyphen_mode, bool whole_line, bool pcre2_syntax);

// The look-arounds -w puts on either side of the patterns, per syntax and hyphen mode: for -P no
// word character (or '-') beside the match; for rg's syntax a non-word character beside it, each
// as the alternative to the line's edge ("(?:^|" before ")", "(?:$|" after ")"). One list, read
// by combine_regexes() to build them and by needs_lines_alone() to know them for harmless: a
// wrapper the second did not know would send every -w search down the lines-alone path.
struct WordEdge {
    std::string_view before;
    std::string_view after;
};
inline constexpr std::array<WordEdge, 4> kWordEdges = {{
    {"(?<!\\w)", "(?!\\w)"},          // -P
    {"(?<![\\w-])", "(?![\\w-])"},    // -P, '-' joins words
    {"(?<=\\W)", "(?=\\W)"},          // rg's syntax
    {"(?<=[^\\w-])", "(?=[^\\w-])"},  // rg's syntax, '-' joins words
}};
constexpr const WordEdge& word_edge(bool pcre2_syntax, HyphenMode hyphen_mode) {
    return kWordEdges[(pcre2_syntax ? 0 : 2) + (hyphen_mode == HyphenMode::Joining ? 1 : 0)];
}

// `regex` with every bare script name in a property escape (\p{Greek}, \P{Han}, [\p{Latin}\d])
// given PCRE2's "sc:" prefix, so that it means what ripgrep's default syntax means: the Script
// property. PCRE2 (10.40 on) reads a bare script name as Script_Extensions, which also holds the
// characters other scripts share (U+0342, a combining mark of script Inherited, is in Greek's
// extensions): \p{Greek}+ then matched lines rg does not. Categories (\p{Lu}, \pL), binary
// properties and names with a prefix of their own (\p{scx:Greek}) are left as written; PCRE2
// decides what is a script, so names follow its loose matching (\p{greek}).
std::string script_properties_as_rg(std::string_view regex);
// `regex` with every POSIX class in a bracket ([[:alpha:]], [a[:digit:]_]) spelled as the ASCII
// ranges it means in ripgrep's default syntax ([A-Za-z], [0-9]...): PCRE2 with UCP reads them as
// Unicode classes ([[:alpha:]] took é, and under -i [[:upper:]] stayed uppercase), and the same
// text then means the same to RE2, which reads POSIX classes as ASCII. A negated one ([:^alpha:])
// is left as written (it cannot be spelled as ranges inside a larger class): PCRE2's reading.
std::string posix_classes_as_rg(std::string_view regex);
// `regex` with ripgrep's other spellings of a character by its number — \u007F, \u{7F},
// \U0000007F, \U{7F} (Rust regex syntax) — written as PCRE2's \x{7F}; anything malformed is left
// for PCRE2 to refuse.
std::string char_escapes_as_pcre2(std::string_view regex);

// One user pattern as the regex the matchers compile: escaped for -F; in ripgrep's reading
// (script_properties_as_rg) unless -P asks for PCRE2's.
std::string pattern_regex(const PatternOptions& options, const std::string& pattern);

// All patterns of `options` as the one regex the matchers run (-F patterns escaped; -w / -x
// wrapped), as combine_regexes builds it. Capture groups keep the numbers they have in the
// patterns, counted across the patterns in order.
std::string combined_regex(const PatternOptions& options);

// `regex` with '.' matching '\n' when -U --multiline-dotall asks for it (a leading (?s)).
std::string with_dotall(const PatternOptions& options, std::string regex);

// True if every byte is ASCII (ASCII case folding is then the whole story, except for 'k' and 's':
// see literal_matcher.h).
bool is_ascii(std::string_view text);

}  // namespace codescout
