// What an apply is asked to do, as plain data: per file, the fingerprint taken when the file was
// searched and the byte edits to make. The replacement bytes are the caller's (the CLI's -r and
// the GUI compute them with the replacement template); the edit layer only writes them, safely.
//
// Contract: edits are byte ranges of the content the fingerprint was taken of, sorted, not
// overlapping (validate_edits() says so in words). Being byte-level, an edit never transcodes: a
// UTF-8 BOM, CRLF line ends and any byte the edits do not cover stay exactly as they were.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/edit/content_hash.h"
#include "core/edit/skip_reason.h"

namespace codescout {

// A file as it was when searched. Apply rewrites a file only if all three still hold.
struct FileFingerprint {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;  // st_mtim in nanoseconds since the epoch
    ContentHash hash;           // of exactly the bytes the edits refer to
    bool operator==(const FileFingerprint&) const = default;
};

// Replace bytes [begin, end) of the searched content with `replacement`.
struct TextEdit {
    std::uint64_t begin = 0;
    std::uint64_t end = 0;
    std::string replacement;
    bool operator==(const TextEdit&) const = default;
};

// The edits of a file made by the apply itself, from the bytes it reads (after keeping the
// original: applier.h), for a caller that holds what its search showed but not the bytes: the
// GUI applies the results on screen, and reading every file once to plan it and once more in the
// apply's pass cost a second open, read and hash per file (~7% of a kernel-tree Replace All's
// CPU). Returns the edits over `content` (sorted, not overlapping) or why the file is skipped
// (it no longer reads as the search showed it, ...). Called on the apply's helper threads, for
// different files at once.
using EditsFromContent = std::function<std::variant<std::vector<TextEdit>, Skip>(std::string_view content)>;

struct FilePlan {
    std::string path;  // as the user sees it (the search's display path); resolved again at apply
    // With `edits_from`, the search's size and mtime only (the apply checks the file against
    // them); the content is judged by `edits_from` and hashed by the apply.
    FileFingerprint searched;
    std::vector<TextEdit> edits;
    EditsFromContent edits_from;  // set: `edits` is empty, the apply asks this for them
};

struct ApplyPlan {
    // The searched folders, canonical (plan_roots() makes them): nothing outside them is written.
    std::vector<std::string> roots;
    std::string pattern;      // for the undo history only
    std::string replacement;  // for the undo history only
    std::vector<FilePlan> files;
};

// Empty if `edits` fit a content of `size` bytes (sorted, non-overlapping, in range); else why not.
std::string validate_edits(const std::vector<TextEdit>& edits, std::uint64_t size);

// `content` with `edits` applied (validated by the caller).
std::string apply_edits(std::string_view content, const std::vector<TextEdit>& edits);
// The same into `out` (its old content replaced, its capacity kept: an apply reuses one per thread).
void apply_edits_into(std::string_view content, const std::vector<TextEdit>& edits, std::string& out);

}  // namespace codescout
