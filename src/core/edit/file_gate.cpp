// gate_file, is_read_only, looks_binary (see file_gate.h).
#include "core/edit/file_gate.h"

#include <cerrno>

#include <fcntl.h>
#include <unistd.h>

#include "core/edit/file_io.h"

namespace codescout {

namespace {

std::int64_t mtime_ns(const struct stat& st) {
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

}  // namespace

bool is_read_only(const ConfinedFile& file) {
    if ((file.status.st_mode & 0222) == 0) return true;
    // The name was just opened without following links; faccessat judges ACLs too, and a
    // read-only file system or mount (EROFS: the kernel checks both, for root as well), so no
    // fstatvfs() of its own — one system call less per file and pass.
    return ::faccessat(file.dir.get(), file.name.c_str(), W_OK, AT_EACCESS) != 0 && (errno == EACCES || errno == EROFS);
}

std::optional<Skip> hard_link_skip(const struct stat& status, std::uint64_t links) {
    if (status.st_nlink <= links) return std::nullopt;
    return Skip{SkipReason::HardLinked, "it has " + std::to_string(status.st_nlink - links + 1) +
                                            " hard links: replacing it would split them, and its other names may lie outside the searched folders"};
}

bool looks_binary(std::string_view content) { return content.find('\0') != std::string_view::npos; }

GatedFile gate_file(const FilePlan& plan, const std::vector<std::string>& roots, std::uint64_t max_size, std::uint64_t links) {
    Located located = locate_confined(plan.path, roots);
    if (!located.location) {
        GatedFile gated;
        gated.skip = std::move(located.skip);
        return gated;
    }
    return gate_located(plan, std::move(*located.location), max_size, links, true);
}

GatedFile gate_located(const FilePlan& plan, ConfinedLocation location, std::uint64_t max_size, std::uint64_t links, bool read,
                       FolderChain* chain) {
    GatedFile gated;
    gated.location = std::move(location);
    gated.file = open_confined(gated.location, chain);
    if (gated.file.skip) {
        gated.skip = gated.file.skip;
        return gated;
    }
    const struct stat& st = gated.file.status;
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if ((gated.skip = hard_link_skip(st, links))) return gated;
    if (size > max_size) {
        gated.skip = Skip{SkipReason::TooLarge, "it is larger (" + std::to_string(size) + " bytes) than the limit for rewriting (" +
                                                    std::to_string(max_size) + " bytes)"};
        return gated;
    }
    if (is_read_only(gated.file)) {
        gated.skip = Skip{SkipReason::ReadOnly, "it is read-only"};
        return gated;
    }
    if (size != plan.searched.size || mtime_ns(st) != plan.searched.mtime_ns) {
        gated.skip = Skip{SkipReason::ChangedSinceSearch, size != plan.searched.size
            ? "it changed since it was searched (size " + std::to_string(plan.searched.size) + " → " + std::to_string(size) + " bytes)"
            : std::string("it changed since it was searched (modification time differs)")};
        return gated;
    }
    if (!read) {
        if (std::string why = validate_edits(plan.edits, size); !why.empty())
            gated.skip = Skip{SkipReason::InvalidEdits, "the planned edits do not fit it: " + why};
        return gated;
    }
    if (const int error = read_to_end(gated.file.file.get(), gated.content, max_size); error != 0) {
        gated.skip = error == EFBIG ? Skip{SkipReason::ChangedSinceSearch, "it grew while it was read"}
                                    : Skip{SkipReason::WriteFailed, "cannot read it: " + errno_message(error)};
        return gated;
    }
    if (!(hash_bytes(gated.content) == plan.searched.hash)) {
        gated.skip = Skip{SkipReason::ChangedSinceSearch, "its content changed since it was searched"};
        return gated;
    }
    if (looks_binary(gated.content)) {
        gated.skip = Skip{SkipReason::Binary, "it is binary (holds a NUL byte)"};
        return gated;
    }
    if (std::string why = validate_edits(plan.edits, gated.content.size()); !why.empty()) {
        gated.skip = Skip{SkipReason::InvalidEdits, "the planned edits do not fit it: " + why};
        return gated;
    }
    return gated;
}

}  // namespace codescout
