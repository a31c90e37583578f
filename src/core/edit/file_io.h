// The few I/O loops the edit layer needs, retrying EINTR and short transfers. Each returns 0 or
// the errno value of the failure, so callers can name the cause (ENOSPC, EIO, EFBIG, ...).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace codescout {

// Reads from the current offset to EOF; EFBIG when more than `limit` bytes arrive.
int read_to_end(int fd, std::string& out, std::uint64_t limit);
// read_to_end() into `buffer`'s first `length` bytes, for a reader of many files in turn: the
// buffer only grows (its size is its capacity, no allocation or zeroing once it is large
// enough) and the bytes land in it directly. `expected`: the size fstat() gave. One read() asks
// for a byte more than that: coming back with exactly `expected` bytes is the end of the file,
// with no second read() to see 0 (a file that grows later is the caller's to catch: the apply
// compares its status again before the rename).
int read_into(int fd, std::string& buffer, std::size_t& length, std::uint64_t limit, std::uint64_t expected);
// For such a reused buffer (read_into's, or one written into): given back when one large file made
// it grow past 4 MiB, rather than kept for the next file (up to 64 MiB per thread otherwise; a
// larger file pays an allocation, small next to its reading and writing).
void drop_if_large(std::string& buffer);
int write_all(int fd, std::string_view bytes);
int sync_fd(int fd);
// syncfs(): everything written on `fd`'s file system made durable at once (replace_batch.h says
// where that is not a durability point: flushed_file_by_file).
int sync_file_system(int fd);
// Writes `bytes` to a new file `name` in `dir` (O_EXCL), fsyncs it, and renames nothing: the
// journal's small files. Returns 0 or errno; the partial file is removed on failure.
int write_new_file(int dir, const std::string& name, std::string_view bytes, int mode = 0600);
// write_new_file to `name`.tmp, then rename over `name` and fsync `dir`.
int replace_small_file(int dir, const std::string& name, std::string_view bytes);

}  // namespace codescout
