// skip_code: the stable spelling of each SkipReason.
#include "core/edit/skip_reason.h"

namespace codescout {

std::string_view skip_code(SkipReason reason) {
    switch (reason) {
    case SkipReason::ChangedSinceSearch: return "changed-since-search";
    case SkipReason::ChangedSinceApply: return "changed-since-apply";
    case SkipReason::OutsideRoots: return "outside-roots";
    case SkipReason::PathChanged: return "path-changed";
    case SkipReason::HardLinked: return "hard-linked";
    case SkipReason::ReadOnly: return "read-only";
    case SkipReason::Binary: return "binary";
    case SkipReason::TooLarge: return "too-large";
    case SkipReason::NotRegular: return "not-regular";
    case SkipReason::Missing: return "missing";
    case SkipReason::InvalidEdits: return "invalid-edits";
    case SkipReason::WriteFailed: return "write-failed";
    case SkipReason::MetadataNotKept: return "metadata-not-kept";
    case SkipReason::Cancelled: return "cancelled";
    case SkipReason::OtherEncoding: return "other-encoding";
    }
    return "unknown";
}

}  // namespace codescout
