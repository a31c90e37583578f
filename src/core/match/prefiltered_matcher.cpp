// PrefilteredMatcher and the literal prefilter (see prefiltered_matcher.h).
#include "core/match/prefiltered_matcher.h"

#include <algorithm>
#include <cstring>

#include "core/match/line_match.h"
#include "core/match/re2_line_prefilter.h"

namespace codescout {

// Per thread: the verifier's and the prefilter's scratch, and how dense the matches are.
struct PrefilteredScratch final : MatchScratch {
    std::unique_ptr<MatchScratch> verifier;
    std::unique_ptr<PrefilterScratch> prefilter;
    std::unique_ptr<PrefilterScratch> decider;  // when the decider is not the prefilter
    unsigned near_matches = 0;  // in a row, each within kDenseDistance of its search's start
    bool direct = false;        // dense: PCRE2 searches without the prefilter

    // Keeps count of how far the matches are; switches direct mode on and off.
    void saw(const std::optional<MatchRange>& match, std::size_t from) {
        const bool near = match && match->begin - from <= PrefilteredMatcher::kDenseDistance;
        near_matches = near ? near_matches + 1 : 0;
        direct = near_matches >= PrefilteredMatcher::kDenseRun;
    }
};

LiteralLinePrefilter::LiteralLinePrefilter(const std::vector<std::string>& needles, bool caseless)
    : searcher_(make_needles(needles, caseless)) {
    for (const std::string& needle : needles) names_ += (names_.empty() ? "" : ",") + needle;
}

std::vector<LiteralNeedle> LiteralLinePrefilter::make_needles(const std::vector<std::string>& needles,
                                                              bool caseless) {
    std::vector<LiteralNeedle> out;
    for (const std::string& needle : needles) out.push_back(LiteralNeedle{needle, caseless});
    return out;
}

std::optional<std::size_t> LiteralLinePrefilter::candidate(std::string_view haystack, std::size_t from,
                                                           PrefilterScratch* /*scratch*/) const {
    // Every match contains a needle, so one starting at or after `from` has an occurrence there.
    const auto hit = searcher_.find(haystack, from);
    if (!hit) return std::nullopt;
    return hit->pos;
}

std::size_t LiteralLinePrefilter::memory_bytes() const {
    return sizeof(*this) + searcher_.memory_bytes() + names_.capacity();
}

std::string LiteralLinePrefilter::describe() const { return "literal:" + names_; }

PrefilteredMatcher::PrefilteredMatcher(const std::string& regex, bool caseless,
                                       std::shared_ptr<const LinePrefilter> prefilter,
                                       std::shared_ptr<const Re2LinePrefilter> decider)
    : verifier_(regex, caseless), prefilter_(std::move(prefilter)), decider_(std::move(decider)) {}

std::optional<MatchRange> PrefilteredMatcher::find(std::string_view haystack, std::size_t from,
                                                   MatchScratch& scratch) const {
    // The scratch comes from make_scratch() of this matcher (the Matcher contract).
    auto& own = static_cast<PrefilteredScratch&>(scratch);
    if (prefilter_->gave_up()) return verifier_.find(haystack, from, *own.verifier);
    if (own.direct) {
        auto match = verifier_.find(haystack, from, *own.verifier);
        own.saw(match, from);
        return match;
    }
    auto match = find_with_prefilter(haystack, from, own);
    own.saw(match, from);
    return match;
}

std::optional<MatchRange> PrefilteredMatcher::find_in_line(std::string_view line, std::size_t from,
                                                           MatchScratch& scratch) const {
    auto& own = static_cast<PrefilteredScratch&>(scratch);
    // Collecting a matching line's spans ends with a search that finds nothing more in it: were
    // that counted by saw(), every matching line would end a dense run, and the next line would
    // go through the prefilter again (one RE2 call, lock and clock read per matching line).
    if (own.direct || prefilter_->gave_up()) return verifier_.find(line, from, *own.verifier);
    return find_with_prefilter(line, from, own);
}

std::optional<MatchRange> PrefilteredMatcher::find_with_prefilter(std::string_view haystack, std::size_t from,
                                                                  PrefilteredScratch& own) const {
    std::size_t pos = from;
    while (pos <= haystack.size()) {
        if (prefilter_->gave_up()) return verifier_.find(haystack, pos, *own.verifier);
        const std::optional<std::size_t> hit = prefilter_->candidate(haystack, pos, own.prefilter.get());
        if (!hit) return std::nullopt;
        const std::size_t start = line_start_of(haystack, pos, *hit);
        const std::size_t line_end = line_end_of(haystack, *hit);
        // The subject ends after the line's '\n': a match cannot run into the next line (one that
        // takes the '\n' is re-checked on its line alone by the searcher), and ^ still matches
        // at the start of an empty line, which PCRE2 refuses after a subject's final newline.
        const std::size_t subject_end = std::min(line_end + 1, haystack.size());
        const std::optional<MatchRange> match =
            verifier_.find(haystack.substr(0, subject_end), start, *own.verifier);
        if (match) return match;
        if (line_end >= haystack.size()) return std::nullopt;
        pos = line_end + 1;
    }
    return std::nullopt;
}

std::optional<std::size_t> PrefilteredMatcher::find_matching_line(std::string_view haystack, std::size_t from,
                                                                  MatchScratch& scratch) const {
    auto& own = static_cast<PrefilteredScratch&>(scratch);
    if (!decider_ || decider_->gave_up()) return Matcher::find_matching_line(haystack, from, scratch);
    return decider_.get() == prefilter_.get() ? lines_by_re2(haystack, from, own) : lines_by_prefilter(haystack, from, own);
}

std::optional<std::size_t> PrefilteredMatcher::lines_by_re2(std::string_view haystack, std::size_t from,
                                                            PrefilteredScratch& own) const {
    std::size_t pos = from;
    while (pos < haystack.size()) {
        if (decider_->gave_up()) return Matcher::find_matching_line(haystack, pos, own);
        const auto verdict = decider_->next_line(haystack, pos, own.prefilter.get());
        if (!verdict) return std::nullopt;
        const std::size_t line_start = line_start_of(haystack, pos, verdict->pos);
        if (verdict->holds_match) return line_start;
        const std::size_t line_end = line_end_of(haystack, verdict->pos);
        if (pcre2_line_matches(haystack, line_start, line_end, own)) return line_start;
        pos = line_end + 1;
    }
    return std::nullopt;
}

std::optional<std::size_t> PrefilteredMatcher::lines_by_prefilter(std::string_view haystack, std::size_t from,
                                                                  PrefilteredScratch& own) const {
    std::size_t pos = from;
    while (pos < haystack.size()) {
        // While matching lines come densely every line is a candidate; a run of lines without a
        // match (kDenseDistance bytes) hands the search back to the prefilter.
        std::size_t at = pos;
        if (!own.direct || pos - from > kDenseDistance) {
            const std::optional<std::size_t> hit =
                prefilter_->gave_up() ? std::optional<std::size_t>(pos) : prefilter_->candidate(haystack, pos, own.prefilter.get());
            if (!hit) break;
            at = *hit;
        }
        const std::size_t line_start = line_start_of(haystack, pos, at);
        const std::size_t line_end = line_end_of(haystack, at);
        const std::size_t next = std::min(line_end + 1, haystack.size());
        std::optional<bool> holds = decider_->line_holds_match(haystack, line_start, next, own.decider.get());
        if (!holds) holds = pcre2_line_matches(haystack, line_start, line_end, own);
        if (*holds) {
            own.saw(MatchRange{line_start, line_start}, from);
            return line_start;
        }
        pos = line_end + 1;
    }
    own.saw(std::nullopt, from);
    return std::nullopt;
}

bool PrefilteredMatcher::pcre2_line_matches(std::string_view haystack, std::size_t line_start, std::size_t line_end,
                                            PrefilteredScratch& own) const {
    // The subject ends after the line's '\n', as in find_with_prefilter().
    const std::size_t subject_end = std::min(line_end + 1, haystack.size());
    return first_line_match(verifier_, haystack.substr(0, subject_end), line_start, *own.verifier).has_value();
}

std::unique_ptr<MatchScratch> PrefilteredMatcher::make_scratch() const {
    auto scratch = std::make_unique<PrefilteredScratch>();
    scratch->verifier = verifier_.make_scratch();
    scratch->prefilter = prefilter_->make_scratch();
    if (decider_ && decider_.get() != prefilter_.get()) scratch->decider = decider_->make_scratch();
    return scratch;
}

std::size_t PrefilteredMatcher::memory_bytes() const {
    const std::size_t decider = decider_ && decider_.get() != prefilter_.get() ? decider_->memory_bytes() : 0;
    return sizeof(*this) + verifier_.memory_bytes() + prefilter_->memory_bytes() + decider;
}

std::size_t PrefilteredMatcher::memory_budget_bytes() const {
    const std::size_t decider = decider_ && decider_.get() != prefilter_.get() ? decider_->memory_budget_bytes() : 0;
    return prefilter_->memory_budget_bytes() + decider;
}

std::string PrefilteredMatcher::describe() const {
    std::string decider;
    if (decider_ && decider_.get() == prefilter_.get()) decider = " (re2 decides ASCII lines)";
    else if (decider_) decider = " (re2 decides ASCII lines: " + decider_->re2_pattern() + ")";
    return "prefiltered " + prefilter_->describe() + " " + verifier_.describe() + decider;
}

}  // namespace codescout
