// compile_matcher(): validates every user pattern, then picks the literal fast path when all
// patterns are plain strings, else one PCRE2 regex for all of them, behind a line prefilter (a
// required literal, or RE2's DFA) when one applies. A -U search whose matches may span lines
// gets no line prefilter: each looks at one line at a time, and a match may start lines before
// the line holding its required literal. The literal finder stays: it searches whole buffers.
// Either prefiltered matcher also gets RE2 as a decider when RE2 reads the patterns exactly
// (re2_line_prefilter.h), for searches that need only which lines match.
#include <algorithm>

#include "core/match/literal_matcher.h"
#include "core/match/newline_analysis.h"
#include "core/match/pattern_cache.h"
#include "core/match/pattern_text.h"
#include "core/match/prefiltered_matcher.h"
#include "core/match/re2_line_prefilter.h"
#include "core/match/regex_matcher.h"
#include "core/match/required_literal.h"

namespace codescout {

namespace {

// The literal needles, if every pattern is a plain string the SIMD finder can take.
std::optional<std::vector<std::string>> literal_needles(const PatternOptions& options, bool caseless) {
    std::vector<std::string> needles;
    for (const std::string& pattern : options.patterns) {
        if (options.fixed_strings) {
            if (pattern.empty()) return std::nullopt;  // matches everywhere: leave it to PCRE2
            needles.push_back(pattern);
        } else {
            auto literals = regex_literals(pattern);
            if (!literals) return std::nullopt;
            needles.insert(needles.end(), literals->begin(), literals->end());
        }
    }
    // Non-ASCII case folding is PCRE2's job.
    if (caseless && !std::all_of(needles.begin(), needles.end(), [](const std::string& n) { return is_ascii(n); })) {
        return std::nullopt;
    }
    // Caseless 'k' and 's' are searched for in both spellings (caseless_variants.h); past the
    // finder's needle limit PCRE2 takes the patterns.
    if (LiteralMatcher::needle_count(needles, caseless) > LiteralSearcher::kMaxNeedles) return std::nullopt;
    return needles;
}

// Literals every match of the combined regex must contain one of: one set per pattern, joined
// (a match of the alternation is a match of one pattern). -w / -x only narrow the matches.
std::optional<std::vector<std::string>> required_needles(const std::vector<std::string>& regexes, bool caseless) {
    std::vector<std::string> needles;
    for (const std::string& regex : regexes) {
        auto literals = required_literals(regex, caseless);
        if (!literals) return std::nullopt;
        needles.insert(needles.end(), literals->begin(), literals->end());
    }
    if (needles.empty() || needles.size() > LiteralSearcher::kMaxNeedles) return std::nullopt;
    return needles;
}

// RE2 deciding ASCII lines for `regexes`, when its answer is PCRE2's: the rewrite is exact and
// the combined regex adds nothing RE2 was not given (-w's lookarounds, -x's anchors).
std::shared_ptr<const Re2LinePrefilter> exact_decider(std::shared_ptr<const Re2LinePrefilter> automaton,
                                                      const PatternOptions& options) {
    if (!automaton || !automaton->exact() || options.whole_word || options.whole_line) return nullptr;
    return automaton;
}

}  // namespace

std::shared_ptr<const Matcher> compile_matcher(const PatternOptions& options) {
    if (options.patterns.empty()) throw PatternError("", "no pattern given");
    const bool caseless = effective_caseless(options);

    // Each pattern alone first, so that an error names the pattern the user wrote.
    std::vector<std::string> regexes;
    for (const std::string& pattern : options.patterns) {
        std::string regex = pattern_regex(options, pattern);
        // Checked as written, so that an error's offset points into what the user typed — unless
        // only the rewrite for rg's syntax is what PCRE2 reads (\u0041).
        auto failure = Pcre2Program::check(options.fixed_strings ? escape_literal(pattern) : pattern, caseless);
        if (failure && !options.fixed_strings && regex != pattern && !Pcre2Program::check(regex, caseless)) failure.reset();
        if (failure) {
            // Offsets into an escaped literal mean nothing to the user.
            throw PatternError(pattern, failure->message,
                               options.fixed_strings ? std::string::npos : failure->offset);
        }
        regexes.push_back(std::move(regex));
    }
    // Records that end at another byte than '\n' (--null-data) hold '\n' as an ordinary byte: a
    // match may contain it, so no line prefilter (each reads lines at '\n') applies; and a '\n'
    // that ends a record has a line after it, where ^ holds (rg: `^\s*$` matches "foo\n").
    const bool newline_in_records = options.line_terminator != '\n';
    if (!newline_in_records) check_newline_literals(options);
    const std::string combined =
        with_dotall(options, combine_regexes(regexes, options.whole_word, options.hyphen_mode, options.whole_line,
                                             options.pcre2_syntax));
    const bool spans_lines = search_spans_lines(options) || newline_in_records;

    try {
        if (auto needles = literal_needles(options, caseless)) {
            LiteralMatcher::Config config;
            config.literals = std::move(*needles);
            config.caseless = caseless;
            config.combined_regex = combined;
            config.whole_word = options.whole_word;
            config.hyphen_mode = options.hyphen_mode;
            config.whole_line = options.whole_line;
            return std::make_shared<LiteralMatcher>(std::move(config));
        }
        if (spans_lines) return std::make_shared<RegexMatcher>(combined, caseless, true, newline_in_records);
        // A regex with required literals: PCRE2 only on the lines holding one of them. Patterns
        // that are all plain literals got here because the finder cannot take them (non-ASCII
        // caseless, or too many): PCRE2 JIT's own search is the better choice for them.
        const bool all_literal = std::all_of(options.patterns.begin(), options.patterns.end(), [&](const std::string& p) {
            return options.fixed_strings || regex_literals(p).has_value();
        });
        if (all_literal) return std::make_shared<RegexMatcher>(combined, caseless);
        if (auto needles = required_needles(regexes, caseless)) {
            return std::make_shared<PrefilteredMatcher>(
                combined, caseless, std::make_unique<LiteralLinePrefilter>(*needles, caseless),
                exact_decider(Re2LinePrefilter::create(regexes, caseless), options));
        }
        // No literal to look for: RE2's DFA picks the lines, when it can read the patterns alike
        // and not every line is a candidate anyway (a pattern that matches the empty string).
        if (Pcre2Program::matches_empty(combined, caseless)) return std::make_shared<RegexMatcher>(combined, caseless);
        if (std::shared_ptr<const Re2LinePrefilter> automaton = Re2LinePrefilter::create(regexes, caseless)) {
            return std::make_shared<PrefilteredMatcher>(combined, caseless, automaton, exact_decider(automaton, options));
        }
        return std::make_shared<RegexMatcher>(combined, caseless);
    } catch (const PatternError& error) {
        // Each pattern compiled alone, so only their combination can fail here (e.g. an inline
        // (?x) comment swallowing the closing parenthesis).
        std::string names;
        for (const std::string& pattern : options.patterns) names += (names.empty() ? "" : "', '") + pattern;
        throw PatternError(names, "the patterns cannot be combined into one regex: " + error.reason());
    }
}

}  // namespace codescout
