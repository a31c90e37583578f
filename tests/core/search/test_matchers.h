// Matchers for the searcher's tests, so the scanner and readers are tested without the real
// regex engines: a substring finder (optionally `left\s*right`, whose candidates can span lines,
// like the regex would) and one that fails with MatchLimitError on a marker.
#pragma once

#include <cctype>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/match/matcher.h"

namespace codescout::testing {

class SubstringMatcher : public Matcher {
public:
    // Matches `left`; with `right`, matches `left`, any whitespace (newlines too), then `right`.
    explicit SubstringMatcher(std::string left, std::string right = {})
        : left_(std::move(left)), right_(std::move(right)) {}

    std::optional<MatchRange> find(std::string_view haystack, std::size_t from, MatchScratch&) const override {
        if (from > haystack.size()) return std::nullopt;
        for (std::size_t pos = haystack.find(left_, from); pos != std::string_view::npos;
             pos = haystack.find(left_, pos + 1)) {
            std::size_t end = pos + left_.size();
            if (right_.empty()) return MatchRange{pos, end};
            while (end < haystack.size() && std::isspace(static_cast<unsigned char>(haystack[end]))) ++end;
            if (haystack.substr(end, right_.size()) == right_) return MatchRange{pos, end + right_.size()};
        }
        return std::nullopt;
    }
    std::unique_ptr<MatchScratch> make_scratch() const override { return std::make_unique<MatchScratch>(); }
    std::size_t memory_bytes() const override { return sizeof(*this) + left_.size() + right_.size(); }
    bool can_match_empty() const override { return left_.empty() && right_.empty(); }

private:
    std::string left_;
    std::string right_;
};

// Finds `needle`, but throws MatchLimitError when the haystack holds `marker` (a stand-in for a
// pattern that exceeds PCRE2's backtracking limit on some input).
class LimitedMatcher : public SubstringMatcher {
public:
    LimitedMatcher(std::string needle, std::string marker) : SubstringMatcher(std::move(needle)), marker_(std::move(marker)) {}
    std::optional<MatchRange> find(std::string_view haystack, std::size_t from, MatchScratch& scratch) const override {
        if (haystack.find(marker_) != std::string_view::npos) throw MatchLimitError("match limit exceeded");
        return SubstringMatcher::find(haystack, from, scratch);
    }

private:
    std::string marker_;
};

}  // namespace codescout::testing
