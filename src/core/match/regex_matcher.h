// The general matcher: all patterns as one PCRE2 regex (see pcre2_program.h).
#pragma once

#include <string>

#include "core/match/matcher.h"
#include "core/match/pcre2_program.h"

namespace codescout {

class RegexMatcher final : public Matcher {
public:
    // `regex` is the combined pattern (combine_regexes); throws PatternError if PCRE2 rejects it.
    // `spans_lines`: matches may cross '\n' (-U; see Pcre2Program). `caret_after_final_newline`:
    // see Pcre2Program (--null-data's records).
    RegexMatcher(const std::string& regex, bool caseless, bool spans_lines = false, bool caret_after_final_newline = false);

    std::optional<MatchRange> find(std::string_view haystack, std::size_t from,
                                   MatchScratch& scratch) const override;
    std::unique_ptr<MatchScratch> make_scratch() const override;
    std::size_t memory_bytes() const override;
    bool can_match_empty() const override;
    std::string describe() const override;

private:
    Pcre2Program program_;
    std::string regex_;
};

}  // namespace codescout
