// validate_edits, apply_edits: the byte-level core of a replacement (see apply_plan.h).
#include "core/edit/apply_plan.h"

namespace codescout {

std::string validate_edits(const std::vector<TextEdit>& edits, std::uint64_t size) {
    std::uint64_t previous_end = 0;
    for (std::size_t i = 0; i < edits.size(); ++i) {
        const TextEdit& e = edits[i];
        if (e.begin > e.end)
            return "edit " + std::to_string(i) + " ends before it begins";
        if (e.end > size)
            return "edit " + std::to_string(i) + " ends at byte " + std::to_string(e.end) +
                   ", past the end of the file (" + std::to_string(size) + " bytes)";
        if (i > 0 && e.begin < previous_end)
            return "edit " + std::to_string(i) + " overlaps or precedes the one before it";
        previous_end = e.end;
    }
    return {};
}

std::string apply_edits(std::string_view content, const std::vector<TextEdit>& edits) {
    std::string out;
    apply_edits_into(content, edits, out);
    return out;
}

void apply_edits_into(std::string_view content, const std::vector<TextEdit>& edits, std::string& out) {
    std::size_t grown = content.size();
    for (const TextEdit& e : edits) grown += e.replacement.size();
    out.clear();
    out.reserve(grown);
    std::uint64_t at = 0;
    for (const TextEdit& e : edits) {
        out.append(content.substr(at, e.begin - at));
        out.append(e.replacement);
        at = e.end;
    }
    out.append(content.substr(at));
}

}  // namespace codescout
