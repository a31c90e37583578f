// The few I/O loops the edit layer needs, retrying EINTR and short transfers. Each returns 0 or
// the errno value of the failure, so callers can name the cause (ENOSPC, EIO, EFBIG, ...).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace codescout {

// Reads from the current offset to EOF; EFBIG when more than `limit` bytes arrive.
int read_to_end(int fd, std::string& out, std::uint64_t limit);
int write_all(int fd, std::string_view bytes);
int sync_fd(int fd);
// Writes `bytes` to a new file `name` in `dir` (O_EXCL), fsyncs it, and renames nothing: the
// journal's small files. Returns 0 or errno; the partial file is removed on failure.
int write_new_file(int dir, const std::string& name, std::string_view bytes, int mode = 0600);
// write_new_file to `name`.tmp, then rename over `name` and fsync `dir`.
int replace_small_file(int dir, const std::string& name, std::string_view bytes);

}  // namespace codescout
