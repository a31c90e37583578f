// CaptureFinder: the combined regex, anchored at a known match (see capture_finder.h).
#include "core/match/capture_finder.h"

#include "core/match/pattern_text.h"
#include "core/match/pcre2_program.h"

namespace codescout {

CaptureFinder::CaptureFinder(const PatternOptions& options)
    : program_(std::make_unique<Pcre2Program>(combined_regex(options), effective_caseless(options))),
      names_(program_->group_names()) {}

CaptureFinder::~CaptureFinder() = default;

void CaptureFinder::captures(std::string_view subject, MatchRange match, CaptureGroups& out) const {
    const bool found = program_->match_groups_at(subject, match.begin, out);
    out.names = &names_;
    // The matcher's answer is the match: a regex run that disagrees about its end (which the
    // matchers' PCRE2 semantics rule out) must not invent groups for another text.
    if (!found || out.spans.empty() || out.spans[0].second != match.end) {
        out.spans.assign(1, {match.begin, match.end});
        out.spans.resize(group_count() + 1, {CaptureGroups::kUnset, CaptureGroups::kUnset});
        return;
    }
    out.spans[0] = {match.begin, match.end};
}

std::size_t CaptureFinder::group_count() const { return program_->group_count(); }

}  // namespace codescout
