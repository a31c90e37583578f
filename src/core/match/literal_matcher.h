// The literal fast path: patterns that are plain strings are found with the SIMD LiteralSearcher
// instead of PCRE2. Two cases still need PCRE2, and get it only where it is needed:
//  - -w / -x: each literal occurrence is only a candidate, verified by an anchored regex
//    (\G + the combined -w/-x regex) at that position; every real match starts at an occurrence.
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

namespace codescout {

class LiteralMatcher final : public Matcher {
public:
    struct Config {
        std::vector<std::string> literals;  // non-empty; ASCII when caseless
        bool caseless = false;              // ASCII case folding (plus the k/s guards)
        std::string combined_regex;         // the same patterns as one regex (combine_regexes)
        bool verify = false;                // -w / -x: check each occurrence with the regex
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
    std::unique_ptr<Pcre2Program> verifier_;  // \G-anchored combined regex, with Config::verify
    std::unique_ptr<Pcre2Program> fallback_;  // unanchored combined regex, with guards
    std::size_t max_literal_length_ = 0;
};

}  // namespace codescout
