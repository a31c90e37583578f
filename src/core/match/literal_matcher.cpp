// LiteralMatcher: SIMD literal scan with Unicode case variants, optional -w/-x checks (see header).
#include "core/match/literal_matcher.h"

#include <algorithm>
#include <stdexcept>

#include "core/match/caseless_variants.h"

namespace codescout {

namespace {

// An empty scratch for the pure literal path, which keeps no per-thread state.
class NoScratch final : public MatchScratch {};

}  // namespace

std::size_t LiteralMatcher::needle_count(const std::vector<std::string>& literals, bool caseless) {
    std::size_t count = 0;
    for (const std::string& literal : literals) {
        const std::size_t spellings = caseless ? unicode_case_variant_count(literal) : 1;
        if (spellings > LiteralSearcher::kMaxNeedles) return spellings;  // no overflow below
        count += spellings;
    }
    return count;
}

LiteralSearcher LiteralMatcher::make_searcher(const Config& config) {
    if (needle_count(config.literals, config.caseless) > LiteralSearcher::kMaxNeedles) {
        throw std::invalid_argument("LiteralMatcher: too many needles with their case variants");
    }
    // A literal's spellings never occur at the same position (caseless_variants.h), so keeping
    // them together keeps the literals' order for leftmost-first at equal positions.
    std::vector<LiteralNeedle> needles;
    for (const std::string& literal : config.literals) {
        if (!config.caseless) {
            needles.push_back({literal, false});
            continue;
        }
        for (std::string& spelling : unicode_case_variants(literal)) needles.push_back({std::move(spelling), true});
    }
    return LiteralSearcher(std::move(needles), config.simd);
}

LiteralMatcher::LiteralMatcher(Config config)
    : literal_count_(config.literals.size()), searcher_(make_searcher(config)) {
    whole_line_ = config.whole_line;
    whole_word_ = config.whole_word && !config.whole_line;
    hyphen_joins_ = config.hyphen_mode == HyphenMode::Joining;
    if (whole_word_) {
        verifier_ = std::make_unique<Pcre2Program>("\\G(?:" + config.combined_regex + ")", config.caseless);
    }
}

std::optional<MatchRange> LiteralMatcher::find(std::string_view haystack, std::size_t from,
                                               MatchScratch& scratch) const {
    std::size_t pos = from;
    while (auto hit = searcher_.find(haystack, pos)) {
        if (whole_line_) {
            if (auto match = check_line(haystack, hit->pos)) return match;
        } else if (whole_word_) {
            const std::size_t p = hit->pos;
            // Needles in order, as the regex alternation would try them: the first one with
            // non-word characters on both sides is the match.
            Boundary before = p == 0 ? Boundary::Accept : outside_word(haystack, p - 1);
            for (std::size_t k = 0; k < searcher_.needle_count() && before == Boundary::Accept; ++k) {
                if (!searcher_.matches_at(k, haystack, p)) continue;
                const std::size_t end = p + searcher_.needle_length(k);
                const Boundary after = end == haystack.size() ? Boundary::Accept : outside_word(haystack, end);
                if (after == Boundary::Accept) return MatchRange{p, end};
                if (after == Boundary::AskPcre2) before = Boundary::AskPcre2;
            }
            if (before == Boundary::AskPcre2) {
                if (auto match = verifier_->find(haystack, p, static_cast<Pcre2Scratch&>(scratch))) return match;
            }
        } else {
            return MatchRange{hit->pos, hit->pos + searcher_.needle_length(hit->needle)};
        }
        pos = hit->pos + 1;
    }
    return std::nullopt;
}

LiteralMatcher::Boundary LiteralMatcher::outside_word(std::string_view haystack, std::size_t at) const {
    const auto c = static_cast<unsigned char>(haystack[at]);
    if (c >= 0x80) return Boundary::AskPcre2;  // Unicode decides what a word character is
    const bool word = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_' ||
                      (hyphen_joins_ && c == '-');
    return word ? Boundary::Reject : Boundary::Accept;
}

std::optional<MatchRange> LiteralMatcher::check_line(std::string_view haystack, std::size_t pos) const {
    if (pos != 0 && haystack[pos - 1] != '\n') return std::nullopt;
    for (std::size_t k = 0; k < searcher_.needle_count(); ++k) {
        const std::size_t end = pos + searcher_.needle_length(k);
        if (searcher_.matches_at(k, haystack, pos) && (end == haystack.size() || haystack[end] == '\n')) {
            return MatchRange{pos, end};
        }
    }
    return std::nullopt;
}

std::unique_ptr<MatchScratch> LiteralMatcher::make_scratch() const {
    if (verifier_) return std::make_unique<Pcre2Scratch>();
    return std::make_unique<NoScratch>();
}

std::size_t LiteralMatcher::memory_bytes() const {
    std::size_t bytes = sizeof(*this) + searcher_.memory_bytes();
    if (verifier_) bytes += sizeof(Pcre2Program) + verifier_->memory_bytes();
    return bytes;
}

std::string LiteralMatcher::describe() const {
    std::string text = whole_line_ ? "literal-line " : whole_word_ ? "literal-word " : "literal ";
    text += simd_level_name(searcher_.level());
    text += std::string(" ") + literal_strategy_name(searcher_.strategy());
    text += " needles=" + std::to_string(literal_count_);
    if (searcher_.needle_count() > literal_count_) {
        text += " +" + std::to_string(searcher_.needle_count() - literal_count_) + " kelvin/long-s spellings";
    }
    return text;
}

}  // namespace codescout
