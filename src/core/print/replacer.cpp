// Replacing a line's matches (see replacer.h).
#include "core/print/replacer.h"

namespace codescout {

Replacer::Replacer(const PatternOptions& pattern, std::string_view replacement)
    : template_(ReplacementTemplate::parse(replacement)) {
    if (template_.uses_groups()) finder_ = std::make_unique<CaptureFinder>(pattern);
}

void Replacer::replace(std::string_view line, const std::vector<MatchSpan>& spans, std::string& out,
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
    template_.expand(groups, out);
}

}  // namespace codescout
