// The literal fast path: patterns that are plain strings are found with the SIMD LiteralSearcher
// instead of PCRE2. Two cases still need PCRE2, and get it only where it is needed:
//  - -w / -x: each literal occurrence is only a candidate; every real match starts at one.
//    -x is checked directly (the occurrence is a whole line). -w is checked directly when the
//    bytes around the occurrence are ASCII; otherwise an anchored regex (\G + the combined -w
//    regex) decides at that position, with Unicode's idea of a word character.
//  - case-insensitive needles with 'k' or 's': Unicode folds these to U+212A KELVIN SIGN and
//    U+017F LATIN SMALL LETTER LONG S, which ASCII folding misses. Their UTF-8 forms are scanned
//    for as extra "guard" needles; when one comes first, PCRE2 (unanchored) answers from shortly
//    before it, so the result is exactly PCRE2's.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/match/literal_search.h"
#include "core/match/matcher.h"
#include "core/match/pcre2_program.h"
#include "core/match/pattern_options.h"

namespace codescout {

class LiteralMatcher final : public Matcher {
public:
    struct Config {
        std::vector<std::string> literals;  // non-empty; ASCII when caseless
        bool caseless = false;              // ASCII case folding (plus the k/s guards)
        std::string combined_regex;         // the same patterns as one regex (combine_regexes)
        bool whole_word = false;            // -w: occurrences are checked (see find)
        HyphenMode hyphen_mode = HyphenMode::Boundary;
        bool whole_line = false;            // -x: wins over -w, as in combine_regexes
        SimdLevel simd = best_simd_level();
    };
    // Throws PatternError if the regex needed for verification or guards does not compile.
    explicit LiteralMatcher(Config config);

    std::optional<MatchRange> find(std::string_view haystack, std::size_t from,
                                   MatchScratch& scratch) const override;
    std::unique_ptr<MatchScratch> make_scratch() const override;
    std::size_t memory_bytes() const override;
    bool can_match_empty() const override { return false; }
    std::string describe() const override;

    SimdLevel simd_level() const { return searcher_.level(); }

private:
    static LiteralSearcher make_searcher(const Config& config, std::size_t& guard_start);

    std::size_t guard_start_ = 0;  // needles at and after this index are guards
    LiteralSearcher searcher_;
    enum class Boundary { Accept, Reject, AskPcre2 };
    Boundary outside_word(std::string_view haystack, std::size_t at) const;
    // The -x / -w decision for an occurrence at `pos`: a match, nothing here, or PCRE2's answer.
    std::optional<MatchRange> check_line(std::string_view haystack, std::size_t pos) const;

    bool whole_word_ = false;
    bool whole_line_ = false;
    bool hyphen_joins_ = false;
    std::unique_ptr<Pcre2Program> verifier_;  // \G-anchored combined regex, for -w
    std::unique_ptr<Pcre2Program> fallback_;  // unanchored combined regex, with guards
    std::size_t max_literal_length_ = 0;
};

}  // namespace codescout
