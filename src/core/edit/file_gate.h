// The checks every file passes before its content may be replaced, in one place, so the preview
// (--dry-run), the two passes of an apply and nothing else disagree: inside the roots, reached
// without following a swapped link, a regular file with one name, writable, within the size
// limit, unchanged since it was searched (size, mtime, hash), not binary, edits that fit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/edit/apply_plan.h"
#include "core/edit/confined_path.h"
#include "core/edit/skip_reason.h"

namespace codescout {

// 64 MiB: larger files are not rewritten (nor held in memory twice, as a rewrite does).
inline constexpr std::uint64_t kDefaultMaxRewriteSize = 64ull * 1024 * 1024;

struct GatedFile {
    ConfinedLocation location;
    ConfinedFile file;    // open, with its status
    std::string content;  // exactly the bytes the fingerprint was taken of
    std::optional<Skip> skip;
};

// `links`: the names the file may have — 2 when the undo journal keeps its original by a hard
// link (undo_journal.h), else 1: a file with more is refused, never split.
GatedFile gate_file(const FilePlan& plan, const std::vector<std::string>& roots, std::uint64_t max_size, std::uint64_t links = 1);

// What gate_file() checks after resolving the path, for a location resolved before (by an
// earlier gate_file() of the same apply: it is opened again from its root, never following a
// link, so a path changed since is refused as by gate_file()). `read` false: the content is
// neither read nor checked (size and mtime are), and `content` stays empty — for the apply, which
// keeps the original by a link first and then reads and checks the content itself (applier.h).
// `chain`: the folders of the previous file, reused (confined_path.h).
GatedFile gate_located(const FilePlan& plan, ConfinedLocation location, std::uint64_t max_size, std::uint64_t links, bool read,
                       FolderChain* chain = nullptr);

// The hard-linked refusal for a file with more than `links` names; nullopt when it has no more.
std::optional<Skip> hard_link_skip(const struct stat& status, std::uint64_t links);

// True when this process may not write the file (no write bit at all — even for root — or the
// permissions/ACL deny it, or the file system is mounted read-only).
bool is_read_only(const ConfinedFile& file);

// The NUL-byte rule of binary detection (the search's own rule for "binary").
bool looks_binary(std::string_view content);

}  // namespace codescout
