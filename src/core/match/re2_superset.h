// Rewrites a PCRE2 pattern into RE2 syntax for the automaton line prefilter
// (re2_line_prefilter.h). The result must match on every line of ASCII text where PCRE2 (UTF,
// UCP, multi-line, as pcre2_program.h compiles it) finds a match: it may match more lines, never
// fewer, because PCRE2 still decides every candidate line.
//
// On ASCII text PCRE2's Unicode classes (\w, \d, \b, POSIX classes with UCP) mean what RE2's
// ASCII ones mean, so most syntax carries over unchanged. The differences the rewrite handles:
// \s also holds VT in PCRE2; \h, \v, \N, \e and \x without braces are PCRE2-only; {,n} is a
// quantifier in PCRE2 but literal text in RE2. RE2 has no lookaround, atomic groups or possessive
// quantifiers: lookarounds are dropped and the other two loosened, which only adds matches.
// Unicode properties (\p{Greek}, \p{Lu}, \PL) become the class of their ASCII members, which
// PCRE2 itself lists when the pattern is rewritten (a never-matching class when there are none):
// a class-only pattern such as \p{Greek}+ then leaves PCRE2 only the lines with non-ASCII bytes.
// Anything else the two engines might read differently (back-references, (?x), verbs,
// conditionals, recursion, case-insensitive non-ASCII text such as the Kelvin sign, which PCRE2
// folds to 'k') makes the rewrite give up, and the caller runs PCRE2 alone.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace codescout {

// A rewrite, and whether it is exact: on every line of ASCII text RE2 then finds a match exactly
// where PCRE2 finds one in that line, so its answer can stand for PCRE2's. It is not exact once
// the rewrite dropped or loosened something (a lookaround, \A \z \Z \G, an atomic group, a
// possessive quantifier, an inline (?i) or (?-i) that changes the case mode): the pattern is
// then only a superset. Lazy quantifiers, \K and branch-reset groups change where a match lies
// or what it captures, never whether a line has one, and keep it exact.
struct Re2Rewrite {
    std::string pattern;
    bool exact = false;
};

// The RE2 pattern, or nullopt when `pcre_regex` uses something the rewrite does not cover.
// `caseless` is the -i state the PCRE2 program is compiled with; the RE2 pattern carries it.
std::optional<Re2Rewrite> re2_rewrite_for_ascii(std::string_view pcre_regex, bool caseless);

// re2_rewrite_for_ascii()'s pattern alone.
std::optional<std::string> re2_superset_for_ascii(std::string_view pcre_regex, bool caseless);

}  // namespace codescout
