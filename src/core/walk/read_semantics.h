// Whether a file system's regular files can be read without knowing their size first. On the
// local disk file systems below, read() of a regular file returns fewer bytes than asked only at
// the file's end (the page cache copy loops until the request is met or the end is reached); a
// searcher may then take a short read as the end and skip the fstat it would need for the size.
// Not so on /proc and sysfs (a page at a time, sizes 0), FUSE, NFS and other network file
// systems, whose short reads say nothing: for those, and for anything not listed, the answer is no.
#pragma once

namespace codescout {

// One fstatfs() of the open `fd` (a directory: its files live on the same file system, barring
// a file bind-mounted over one of them). False when fstatfs fails.
bool short_read_means_end(int fd);

}  // namespace codescout
