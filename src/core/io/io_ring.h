// A minimal io_uring submission/completion ring for one thread: queue operations, then submit
// them all and wait for all of them with one system call. Where system calls are expensive (a
// virtual machine with page-table isolation: ~2 µs per call here) this turns the per-file
// openat, read and close of a search into a fraction of a call each (batch_opener.h).
//
// Written against the kernel's ABI (<linux/io_uring.h>) rather than liburing: liburing is not in
// the project's build root, and the few operations used here (openat, close) need only the
// ring's setup, two mappings and io_uring_enter.
//
// Contract:
// - One thread creates, fills and submits a ring (IORING_SETUP_SINGLE_ISSUER where the kernel
//   has it). Destroying it from another thread is fine: no operation is in flight between calls.
// - ok() is false where io_uring is unavailable (kernel before 5.6: no openat, no reads at the
//   file position; io_uring_disabled, seccomp,
//   a container that forbids it): the caller then falls back to plain system calls.
// - A full ring refuses more operations (queue_* returns false); submit_and_wait() empties it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

namespace codescout {

class IoRing {
public:
    // A ring with room for `entries` queued operations (rounded up to a power of two by the
    // kernel); completions have twice that.
    explicit IoRing(unsigned entries);
    ~IoRing();
    IoRing(const IoRing&) = delete;
    IoRing& operator=(const IoRing&) = delete;

    bool ok() const { return ring_fd_ >= 0; }
    // Why the ring could not be created (an errno value), 0 when ok().
    int setup_error() const { return setup_error_; }
    // Operations that can still be queued before submit_and_wait().
    unsigned room() const;

    // openat(dir_fd, path, flags) (no mode: never with O_CREAT). `path` must stay valid until
    // submit_and_wait() returns. The completion's result is the descriptor or -errno.
    bool queue_openat(int dir_fd, const char* path, int flags, std::uint64_t tag);
    // read(fd, buffer, length) from the file's current position, which it advances; `buffer`
    // must stay valid until submit_and_wait() returns. The result is the bytes read or -errno.
    // For a regular file the kernel completes a short read itself: short means the end.
    bool queue_read(int fd, char* buffer, unsigned length, std::uint64_t tag);
    // close(fd); the completion's result is 0 or -errno.
    bool queue_close(int fd, std::uint64_t tag);

    // Submits everything queued and waits until every one of them has completed, calling
    // `done(tag, result)` once per operation (in completion order). Returns 0, or an errno value
    // when the kernel refused the submission itself: the queued operations were then not run
    // (the ring is empty again) and `done` was not called for them.
    int submit_and_wait(const std::function<void(std::uint64_t tag, int result)>& done);

private:
    void* next_sqe();  // a zeroed io_uring_sqe, or nullptr when the ring is full
    int enter(unsigned to_submit, unsigned min_complete);
    unsigned reap(const std::function<void(std::uint64_t, int)>& done);

    int ring_fd_ = -1;
    int setup_error_ = 0;
    // The mappings shared with the kernel (SQ ring and CQ ring share one with
    // IORING_FEAT_SINGLE_MMAP, which every kernel since 5.4 has).
    void* ring_map_ = nullptr;
    std::size_t ring_map_size_ = 0;
    void* sqes_map_ = nullptr;
    std::size_t sqes_map_size_ = 0;

    unsigned* sq_head_ = nullptr;
    unsigned* sq_tail_ = nullptr;
    unsigned sq_mask_ = 0;
    unsigned sq_entries_ = 0;
    unsigned* sq_array_ = nullptr;
    unsigned* cq_head_ = nullptr;
    unsigned* cq_tail_ = nullptr;
    unsigned cq_mask_ = 0;
    void* cqes_ = nullptr;

    unsigned local_tail_ = 0;  // queued, not yet published to the kernel
    unsigned queued_ = 0;      // queued since the last submit_and_wait
};

}  // namespace codescout
