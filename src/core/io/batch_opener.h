// Opens the files of one directory in batches, reads their starts in batches and closes them in
// batches: with io_uring (io_ring.h) a batch of up to kBatch opens, together with the closes of
// the files searched since the last batch, costs one system call, and the first reads of the
// batch another, instead of three per file. Without io_uring (an old kernel, io_uring_disabled,
// a seccomp filter) it falls back to openat(), read() and close() one by one, with the same
// results.
//
// The files are opened exactly as open_without_stat_at() opens them (read-only, close-on-exec,
// no controlling tty, non-blocking), relative to the open directory.
//
// One BatchOpener per thread (its ring has a single submitter); it may be destroyed on another
// thread, which then closes what is still pending with close().
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

namespace codescout {

class IoRing;

class BatchOpener {
public:
    // Opens per batch; also the most descriptors a thread keeps pending for closing.
    static constexpr std::size_t kBatch = 16;

    // `use_ring` false: always plain system calls (tests compare the two paths).
    explicit BatchOpener(bool use_ring = true);
    ~BatchOpener();
    BatchOpener(const BatchOpener&) = delete;
    BatchOpener& operator=(const BatchOpener&) = delete;

    // Opens names[i] relative to `dir_fd` into results[i]: a descriptor the caller owns until it
    // hands it to close_later(), or -errno. At most kBatch names; the pending closes go first.
    void open(int dir_fd, std::span<const char* const> names, std::span<int> results);

    // Reads up to `length` bytes of each fds[i] (from its position, which advances) into
    // buffers[i]: results[i] is the bytes read or -errno; 0 for fds[i] < 0, which are skipped.
    // At most kBatch descriptors. For a regular file a short count means its end, as for read().
    void read(std::span<const int> fds, std::span<char* const> buffers, std::size_t length, std::span<int> results);

    // Closes `fd` with the next batch (now, when closes_with_batches() is false). Close errors
    // are ignored, as FileDescriptor ignores them: the file was only read.
    void close_later(int fd);

    // Whether the ring is in use (false before the first open() and after a fallback).
    bool uses_ring() const { return ring_ != nullptr; }
    // Whether close_later() leaves descriptors to the ring's next batch (not in a ThreadSanitizer
    // build: see batch_opener.cpp).
    bool closes_with_batches() const;

private:
    void open_plainly(int dir_fd, std::span<const char* const> names, std::span<int> results);
    // The ring when it is (still) usable, created on first use; nullptr for plain calls.
    IoRing* ring();
    void close_pending_plainly();

    bool try_ring_;
    std::unique_ptr<IoRing> ring_;
    std::vector<int> pending_close_;
};

}  // namespace codescout
