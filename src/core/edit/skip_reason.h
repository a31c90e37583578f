// Why a file was not (or could not be) rewritten, undone or recovered: a stable machine-readable
// code (for --json, tests and the GUI's summary) and a message for people that names the cause.
#pragma once

#include <string>
#include <string_view>

namespace codescout {

enum class SkipReason {
    ChangedSinceSearch,  // size, mtime or content differ from the plan's fingerprint
    ChangedSinceApply,   // undo/recovery: the file is neither the applied nor the original content
    OutsideRoots,        // resolves (through a link or "..") outside the searched folders
    PathChanged,         // a link appeared on the path between resolving and opening it
    HardLinked,          // more than one name: rewriting would split or reach the other names
    ReadOnly,            // no write permission, or a read-only file system
    Binary,              // holds a NUL byte
    TooLarge,            // over the size limit
    NotRegular,          // a directory, FIFO, device or socket
    Missing,             // no longer exists
    InvalidEdits,        // the plan's edits do not fit the file
    WriteFailed,         // an I/O error (ENOSPC, EIO, EACCES, ...) while writing: the file is as it was
    MetadataNotKept,     // permissions, ACLs or extended attributes could not be copied
    Cancelled,           // the apply stopped (error or cancel) before reaching this file
    OtherEncoding,       // the search decoded it (UTF-16, ...): it is never transcoded, so not rewritten
};

// "changed-since-search", "outside-roots", ... (never changes once released).
std::string_view skip_code(SkipReason reason);

struct Skip {
    SkipReason reason = SkipReason::WriteFailed;
    std::string message;  // the whole sentence, e.g. "it changed since it was searched (size 10 → 12)"
};

}  // namespace codescout
