// Carrying a file's identity over to the file that replaces it: owner (when this process may),
// permission bits, and every extended attribute — which includes POSIX ACLs
// (system.posix_acl_access / _default) and SELinux labels. Order matters: chown clears set-id
// bits, so it comes before chmod; an access ACL rewrites the group bits, so it comes last.
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

}  // namespace codescout
