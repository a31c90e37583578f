// compare_with_shown, chosen_edits (see match_selection.h).
#include "core/edit/match_selection.h"

#include <cstddef>

namespace codescout {

namespace {

Skip changed(const std::string& what) {
    return Skip{SkipReason::ChangedSinceSearch, "it changed since it was searched (" + what + ")"};
}

}  // namespace

std::optional<Skip> compare_with_shown(const ShownFile& shown, const FileFingerprint& now, std::string_view content,
                                       const std::vector<LocatedEdit>& found) {
    if (auto skip = compare_fingerprint(shown, now)) return skip;
    return compare_lines(shown, content, found);
}

std::optional<Skip> compare_fingerprint(const ShownFile& shown, const FileFingerprint& now) {
    if (shown.size && *shown.size != now.size)
        return changed("size " + std::to_string(*shown.size) + " → " + std::to_string(now.size) + " bytes");
    if (shown.mtime_ns != now.mtime_ns) return changed("modified since");
    return std::nullopt;
}

std::optional<Skip> compare_lines(const ShownFile& shown, std::string_view content, const std::vector<LocatedEdit>& found) {
    std::size_t next = 0;  // in found
    for (const ShownLine& line : shown.lines) {
        const std::string at = "line " + std::to_string(line.number);
        if (next < found.size() && found[next].line < line.number)
            return changed("line " + std::to_string(found[next].line) + " matches now");
        std::size_t count = 0;
        for (; next + count < found.size() && found[next + count].line == line.number; ++count) {
            if (count >= line.matches.size()) continue;
            const TextEdit& e = found[next + count].edit;
            if (content.substr(e.begin, e.end - e.begin) != line.matches[count]) return changed(at + " has other matches now");
        }
        if (count == 0) return changed(at + " no longer matches");
        if (count < line.matches.size() || (line.all_shown && count != line.matches.size()))
            return changed(at + " has " + std::to_string(count) + " matches now, not " + std::to_string(line.matches.size()));
        next += count;
    }
    if (next < found.size()) return changed("line " + std::to_string(found[next].line) + " matches now");
    return std::nullopt;
}

std::vector<TextEdit> chosen_edits(std::vector<LocatedEdit>&& found, const MatchChosen& chosen) {
    std::vector<LocatedEdit> kept;
    kept.reserve(found.size());
    for (LocatedEdit& l : found)
        if (chosen(l.line, l.ordinal)) kept.push_back(std::move(l));
    return effective_edits(std::move(kept));
}

}  // namespace codescout
