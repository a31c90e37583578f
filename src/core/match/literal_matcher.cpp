// LiteralMatcher: SIMD literal scan, optional per-candidate verification, k/s guards (see header).
#include "core/match/literal_matcher.h"

#include <algorithm>

namespace codescout {

namespace {

// UTF-8 of the two non-ASCII characters that Unicode case folding maps onto ASCII letters.
constexpr std::string_view kKelvinSign = "\xE2\x84\xAA";    // U+212A, folds to 'k'
constexpr std::string_view kLongS = "\xC5\xBF";             // U+017F, folds to 's'
constexpr std::size_t kMaxUtf8Expansion = 3;                // bytes per ASCII letter at most

bool needs_guards(const std::vector<std::string>& literals) {
    return std::any_of(literals.begin(), literals.end(), [](const std::string& literal) {
        return literal.find_first_of("kKsS") != std::string::npos;
    });
}

// An empty scratch for the pure literal path, which keeps no per-thread state.
class NoScratch final : public MatchScratch {};

}  // namespace

LiteralSearcher LiteralMatcher::make_searcher(const Config& config, std::size_t& guard_start) {
    std::vector<LiteralNeedle> needles;
    for (const std::string& literal : config.literals) needles.push_back({literal, config.caseless});
    guard_start = needles.size();
    if (config.caseless && needs_guards(config.literals)) {
        needles.push_back({std::string(kKelvinSign), false});
        needles.push_back({std::string(kLongS), false});
    }
    return LiteralSearcher(std::move(needles), config.simd);
}

LiteralMatcher::LiteralMatcher(Config config) : searcher_(make_searcher(config, guard_start_)) {
    for (const std::string& literal : config.literals) {
        max_literal_length_ = std::max(max_literal_length_, literal.size());
    }
    whole_line_ = config.whole_line;
    whole_word_ = config.whole_word && !config.whole_line;
    hyphen_joins_ = config.hyphen_mode == HyphenMode::Joining;
    if (whole_word_) {
        verifier_ = std::make_unique<Pcre2Program>("\\G(?:" + config.combined_regex + ")", config.caseless);
    }
    if (guard_start_ < searcher_.needle_count()) {
        fallback_ = std::make_unique<Pcre2Program>(config.combined_regex, config.caseless);
    }
}

std::optional<MatchRange> LiteralMatcher::find(std::string_view haystack, std::size_t from,
                                               MatchScratch& scratch) const {
    // A match containing a guard character starts at most `reach` bytes before it.
    const std::size_t reach = kMaxUtf8Expansion * max_literal_length_;
    // PCRE2 from `reach` before the guard, but never after `not_after` (an ASCII hit it must
    // also cover) nor before `from`.
    const auto from_pcre2 = [&](std::size_t guard, std::size_t not_after) {
        const std::size_t start = std::max(from, std::min(not_after, guard > reach ? guard - reach : 0));
        return fallback_->find(haystack, start, static_cast<Pcre2Scratch&>(scratch));
    };
    std::size_t pos = from;
    while (auto hit = searcher_.find(haystack, pos)) {
        // Guards are found in order with the needles, so no guard lies before this hit. One
        // that comes first means PCRE2 must decide; so does one shortly after an ASCII hit,
        // because a match through it may start at or before the hit (e.g. "abK" before "b").
        if (hit->needle >= guard_start_) return from_pcre2(hit->pos, hit->pos);
        if (fallback_) {
            const std::string_view window = haystack.substr(hit->pos, reach + kKelvinSign.size());
            const std::size_t guard = std::min(window.find(kKelvinSign), window.find(kLongS));
            if (guard != std::string_view::npos) return from_pcre2(hit->pos + guard, hit->pos);
        }
        if (whole_line_) {
            if (auto match = check_line(haystack, hit->pos)) return match;
        } else if (whole_word_) {
            const std::size_t p = hit->pos;
            // Needles in order, as the regex alternation would try them: the first one with
            // non-word characters on both sides is the match.
            Boundary before = p == 0 ? Boundary::Accept : outside_word(haystack, p - 1);
            for (std::size_t k = 0; k < guard_start_ && before == Boundary::Accept; ++k) {
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
    for (std::size_t k = 0; k < guard_start_; ++k) {
        const std::size_t end = pos + searcher_.needle_length(k);
        if (searcher_.matches_at(k, haystack, pos) && (end == haystack.size() || haystack[end] == '\n')) {
            return MatchRange{pos, end};
        }
    }
    return std::nullopt;
}

std::unique_ptr<MatchScratch> LiteralMatcher::make_scratch() const {
    if (verifier_ || fallback_) return std::make_unique<Pcre2Scratch>();
    return std::make_unique<NoScratch>();
}

std::size_t LiteralMatcher::memory_bytes() const {
    std::size_t bytes = sizeof(*this) + searcher_.memory_bytes();
    if (verifier_) bytes += sizeof(Pcre2Program) + verifier_->memory_bytes();
    if (fallback_) bytes += sizeof(Pcre2Program) + fallback_->memory_bytes();
    return bytes;
}

std::string LiteralMatcher::describe() const {
    std::string text = whole_line_ ? "literal-line " : whole_word_ ? "literal-word " : "literal ";
    text += simd_level_name(searcher_.level());
    text += std::string(" ") + literal_strategy_name(searcher_.strategy());
    text += " needles=" + std::to_string(guard_start_);
    if (fallback_) text += " kelvin/long-s guards";
    return text;
}

}  // namespace codescout
