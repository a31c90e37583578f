// What to look for, as plain data: the patterns and how to read them. The match layer owns this
// type (it compiles matchers from it); SearchOptions embeds it, the pattern cache keys on it.
#pragma once

#include <string>
#include <vector>

namespace codescout {

enum class CaseMode { Sensitive, Insensitive, Smart };

// How -w treats '-': as a word boundary (ripgrep, default) or as part of a word (RustScout's
// --hyphen-mode joining: "foo" does not match inside "foo-bar").
enum class HyphenMode { Boundary, Joining };

struct PatternOptions {
    std::vector<std::string> patterns;  // one or more; a line matches if any pattern matches
    bool fixed_strings = false;         // -F: patterns are literals, not regexes
    CaseMode case_mode = CaseMode::Sensitive;
    bool whole_word = false;            // -w
    HyphenMode hyphen_mode = HyphenMode::Boundary;
    bool whole_line = false;            // -x
    // -U: a match may span lines. The search then reads each file whole and reports every line
    // a match touches (core/match/newline_analysis.h decides whether a pattern can span lines
    // at all; one that cannot is searched line by line as without -U).
    bool multiline = false;
    // --multiline-dotall: with -U, '.' also matches '\n' (as (?s) does). No effect without -U.
    bool multiline_dotall = false;
    // -P: PCRE2's own reading where it differs from ripgrep's default syntax. Today one case: a
    // bare script name (\p{Greek}) is the Script_Extensions property for PCRE2 (10.40 on), the
    // Script property for ripgrep's default engine (see script_properties_as_rg() in pattern_text.h).
    bool pcre2_syntax = false;
    // What ends a line: '\n', or '\0' for NUL-terminated records (--null-data). Then '\n' is an
    // ordinary byte inside a record, as in rg: a class may match it (\s, \W, [^"]), a literal \n
    // is no error, and a match may hold one; '.' still does not match it, and ^ and $ still hold
    // beside it (rg's anchors do). The searcher hands the matcher one record at a time.
    char line_terminator = '\n';

    bool operator==(const PatternOptions&) const = default;
};

}  // namespace codescout
