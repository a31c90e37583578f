// What a pattern can do with '\n', read from its text: whether some match may contain a line
// end (then a -U search must look at whole files, and no line-by-line prefilter is sound), and
// whether it spells out a literal '\n' (an error without -U, as in ripgrep).
//
// The rule is ripgrep's (grep-regex's non_matching_bytes): a pattern can match '\n' when a
// literal or class in it holds '\n' (\n, \x0A, \s, \W, \D, [^a], [[:space:]], \p{Cc}, a range
// around 0x0A, '.' under (?s) or --multiline-dotall), or when it has a line anchor ^ or $ (with
// -U these are line-boundary assertions, which rg counts as touching '\n'). Anything else (\b,
// \A, \z, look-arounds' contents aside) does not. The parse is deliberately small: when it meets
// syntax it does not know it answers "can match" (a multi-line search is always correct, only
// slower and grouped differently), and it never reports a literal it is unsure of.
#pragma once

#include <string>
#include <string_view>

#include "core/match/matcher.h"
#include "core/match/pattern_options.h"

namespace codescout {

struct NewlineUse {
    bool can_match = false;  // some match may contain '\n'
    bool literal = false;    // the pattern spells '\n' outside a class, or a class of '\n' alone
};

// For one regex as the user wrote it. `dotall`: '.' matches '\n' (--multiline-dotall).
NewlineUse regex_newline_use(std::string_view regex, bool dotall);

// True when `options` make a multi-line search: -U and some pattern can match '\n' (a -F pattern
// when it contains one), lines ending in '\n'. Without it, -U searches line by line like a search
// without -U (records of --null-data: each whole, where a match may hold '\n' anyway).
bool search_spans_lines(const PatternOptions& options);

// The error for a '\n' in a pattern without -U (rg's wording; exit code 2 like any pattern error).
class NewlineInPatternError : public PatternError {
public:
    explicit NewlineInPatternError(std::string pattern)
        : PatternError(std::move(pattern), "the literal \"\\n\" is not allowed in a regex") {}
    // ripgrep's whole message, for the CLI.
    static constexpr const char* kRgMessage =
        "the literal \"\\n\" is not allowed in a regex\n\n"
        "Consider enabling multiline mode with the --multiline flag (or -U for short).\n"
        "When multiline mode is enabled, new line characters can be matched.";
};

// Throws NewlineInPatternError when -U is off and a pattern holds a literal '\n'.
void check_newline_literals(const PatternOptions& options);

}  // namespace codescout
