// The literal fast path: patterns that are plain strings are found with the SIMD LiteralSearcher
// instead of PCRE2. Two cases still need PCRE2, and get it only where it is needed:
//  - -w / -x: each literal occurrence is only a candidate; every real match starts at one.
//    -x is checked directly (the occurrence is a whole line). -w is checked directly when the
//    bytes around the occurrence are ASCII; otherwise an anchored regex (\G + the combined -w
//    regex) decides at that position, with Unicode's idea of a word character.
// Case-insensitive literals with 'k' or 's' also match U+212A KELVIN SIGN and U+017F LATIN SMALL
// LETTER LONG S there (Unicode folding), which ASCII folding misses: each such literal is searched
// for in all its spellings (caseless_variants.h), so the SIMD finder alone gives PCRE2's answer.
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
        bool caseless = false;              // Unicode case folding, as PCRE2's (see above)
        std::string combined_regex;         // the same patterns as one regex (combine_regexes)
        bool whole_word = false;            // -w: occurrences are checked (see find)
        HyphenMode hyphen_mode = HyphenMode::Boundary;
        bool whole_line = false;            // -x: wins over -w, as in combine_regexes
        SimdLevel simd = best_simd_level();
    };
    // How many needles the finder gets for these literals: their spellings when caseless.
    static std::size_t needle_count(const std::vector<std::string>& literals, bool caseless);
    // Throws PatternError if the regex needed for -w verification does not compile, and
    // std::invalid_argument past LiteralSearcher::kMaxNeedles needles (see needle_count).
    explicit LiteralMatcher(Config config);

    std::optional<MatchRange> find(std::string_view haystack, std::size_t from,
                                   MatchScratch& scratch) const override;
    std::unique_ptr<MatchScratch> make_scratch() const override;
    std::size_t memory_bytes() const override;
    bool can_match_empty() const override { return false; }
    std::string describe() const override;

    SimdLevel simd_level() const { return searcher_.level(); }

private:
    static LiteralSearcher make_searcher(const Config& config);

    std::size_t literal_count_ = 0;
    LiteralSearcher searcher_;  // each literal's spellings in turn, in the literals' order
    enum class Boundary { Accept, Reject, AskPcre2 };
    Boundary outside_word(std::string_view haystack, std::size_t at) const;
    // The -x / -w decision for an occurrence at `pos`: a match, nothing here, or PCRE2's answer.
    std::optional<MatchRange> check_line(std::string_view haystack, std::size_t pos) const;

    bool whole_word_ = false;
    bool whole_line_ = false;
    bool hyphen_joins_ = false;
    std::unique_ptr<Pcre2Program> verifier_;  // \G-anchored combined regex, for -w
};

}  // namespace codescout
