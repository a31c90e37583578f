// Replacing a line's matches (see replacer.h).
#include "core/search/replacer.h"

#include "core/match/preserve_case.h"

namespace codescout {

Replacer::Replacer(const PatternOptions& pattern, std::string_view replacement, ReplaceOptions options)
    : template_(ReplacementTemplate::parse(replacement)), options_(options) {
    if (template_.uses_groups()) finder_ = std::make_unique<CaptureFinder>(pattern);
}

void Replacer::replace(std::string_view line, std::span<const MatchSpan> spans, std::string& out,
                       std::vector<MatchSpan>& out_spans) const {
    out.clear();
    out_spans.clear();
    std::size_t copied = 0;
    for (const MatchSpan& span : spans) {
        if (span.begin < copied || span.end > line.size() || span.begin > span.end) continue;  // never out of range
        out.append(line.substr(copied, span.begin - copied));
        const auto begin = static_cast<std::uint32_t>(out.size());
        expand_match(line, span, out);
        out_spans.push_back({begin, static_cast<std::uint32_t>(out.size())});
        copied = span.end;
    }
    out.append(line.substr(copied));
}

void Replacer::expand_match(std::string_view line, MatchSpan span, std::string& out) const {
    CaptureGroups groups;
    if (finder_) {
        finder_->captures(line, MatchRange{span.begin, span.end}, groups);
    } else {
        groups.subject = line;
        groups.spans.assign(1, {span.begin, span.end});
    }
    if (!options_.preserve_case) {
        template_.expand(groups, out);
        return;
    }
    std::string expanded;
    template_.expand(groups, expanded);
    out.append(preserve_case(line.substr(span.begin, span.end - span.begin), expanded));
}

}  // namespace codescout
