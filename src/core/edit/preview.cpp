// preview_file (see preview.h).
#include "core/edit/preview.h"

#include "core/edit/unified_diff.h"

namespace codescout {

FilePreview preview_file(const FilePlan& plan, const std::vector<std::string>& roots, std::uint64_t max_size, std::size_t context,
                         std::string_view shown_path) {
    FilePreview preview;
    GatedFile gated = gate_file(plan, roots, max_size);
    if (gated.skip) {
        preview.skip = std::move(gated.skip);
        return preview;
    }
    preview.diff = unified_diff(shown_path.empty() ? std::string_view(plan.path) : shown_path, gated.content, plan.edits, context);
    return preview;
}

}  // namespace codescout
