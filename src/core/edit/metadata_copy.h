// Carrying a file's identity over to the file that replaces it: owner (when this process may),
// permission bits, and every extended attribute — which includes POSIX ACLs
// (system.posix_acl_access / _default) and SELinux labels. Order matters: chown clears set-id
// bits, so it comes before chmod; an access ACL rewrites the group bits, so it comes last.
// An owner or permission bits the new file already has are not set again (each set is a
// journaled inode update: ~4% of a kernel-tree apply's CPU time went to them).
#pragma once

#include <string>

#include <sys/stat.h>

namespace codescout {

struct MetadataResult {
    std::string error;  // non-empty: something that decides who may read or write could not be kept
    bool owner_kept = true;  // false: not permitted to give the file its owner back (not an error)
};

// Copies from the open file `from` (whose status is `status`) to the open file `to`.
MetadataResult copy_metadata(int from, const struct stat& status, int to);

// The permission bits to create the file that replaces one with `status`: its own, without
// write for group and others, when it has this process's owner and group (so copy_metadata()
// usually has nothing to set); else owner-only until copy_metadata() sets them.
mode_t creation_mode(const struct stat& status);

}  // namespace codescout
