// short_read_means_end: a list of file systems by magic number (see read_semantics.h).
#include "core/walk/read_semantics.h"

#include <linux/magic.h>
#include <sys/vfs.h>

namespace codescout {

bool short_read_means_end(int fd) {
    struct statfs info {};
    if (::fstatfs(fd, &info) != 0) return false;
    // Each reads a regular file through filemap_read() or an equivalent loop (tmpfs) that stops
    // short only at the end of the file or on a fatal signal. Overlayfs is left out on purpose:
    // its reads go to whatever file system lies below it.
    switch (static_cast<unsigned long>(info.f_type)) {
    case EXT4_SUPER_MAGIC:  // also ext2 and ext3, which share the magic
    case XFS_SUPER_MAGIC:
    case BTRFS_SUPER_MAGIC:
    case TMPFS_MAGIC:
    case F2FS_SUPER_MAGIC:
        return true;
    default:
        return false;
    }
}

}  // namespace codescout
