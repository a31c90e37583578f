// What an apply would do to one file, without doing it (--dry-run, the GUI's whole-file diff):
// the file passes the same gate as an apply (file_gate.h), so a preview shows exactly the skips
// an apply would make — read-only, hard-linked, outside the searched folders, changed since the
// search — and otherwise the unified diff of the change.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/edit/apply_plan.h"
#include "core/edit/file_gate.h"
#include "core/edit/skip_reason.h"

namespace codescout {

struct FilePreview {
    std::string diff;          // empty: no change (or skipped)
    std::optional<Skip> skip;  // what an apply would refuse, and why
};

// `shown_path` names the file in the diff's headers (the GUI's path relative to the searched
// folder); empty: plan.path.
FilePreview preview_file(const FilePlan& plan, const std::vector<std::string>& roots,
                         std::uint64_t max_size = kDefaultMaxRewriteSize, std::size_t context = 3,
                         std::string_view shown_path = {});

}  // namespace codescout
