// RegexMatcher: a thin Matcher over one Pcre2Program.
#include "core/match/regex_matcher.h"

namespace codescout {

RegexMatcher::RegexMatcher(const std::string& regex, bool caseless, bool spans_lines, bool caret_after_final_newline)
    : program_(regex, caseless, spans_lines, caret_after_final_newline), regex_(regex) {}

std::optional<MatchRange> RegexMatcher::find(std::string_view haystack, std::size_t from,
                                             MatchScratch& scratch) const {
    // The scratch comes from make_scratch() of this matcher (the Matcher contract).
    return program_.find(haystack, from, static_cast<Pcre2Scratch&>(scratch));
}

std::unique_ptr<MatchScratch> RegexMatcher::make_scratch() const {
    return std::make_unique<Pcre2Scratch>();
}

std::size_t RegexMatcher::memory_bytes() const {
    return sizeof(*this) + program_.memory_bytes() + regex_.capacity();
}

bool RegexMatcher::can_match_empty() const { return program_.can_match_empty(); }

std::string RegexMatcher::describe() const {
    return std::string(program_.jit() ? "pcre2 jit" : "pcre2 interpreter") + " /" + regex_ + "/";
}

}  // namespace codescout
