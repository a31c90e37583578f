// BatchOpener: opens and closes through one io_uring submission per batch, or plainly (see
// batch_opener.h).
#include "core/io/batch_opener.h"

#include <cerrno>
#include <algorithm>
#include <climits>
#include <cstdint>

#include <fcntl.h>
#include <unistd.h>

#include "core/io/io_ring.h"
#include "core/io/open_file.h"

namespace codescout {

namespace {

// Completion tags: an open's tag is its index in the batch, a close's this plus its index.
constexpr std::uint64_t kCloseTag = 1u << 20;
constexpr int kNotRun = INT_MIN;

// ThreadSanitizer cannot see a close the ring runs, and it forgets a descriptor's history only
// in its close() interceptor: when another thread's open then gets the same number, that thread's
// use of the new file looks like a race with this thread's use of the old one (test_cli_perl_
// differential's --write, under the tsan preset: the apply's writeback closes a temporary file
// whose number a search thread had fstat'ed as another file). Plain closes there.
#if defined(__SANITIZE_THREAD__)
constexpr bool kRingCloses = false;
#else
constexpr bool kRingCloses = true;
#endif

int open_one(int dir_fd, const char* name) {
    int fd = -1;
    do {
        fd = ::openat(dir_fd, name, kSearchOpenFlags);
    } while (fd < 0 && errno == EINTR);
    return fd >= 0 ? fd : -errno;
}

}  // namespace

BatchOpener::BatchOpener(bool use_ring) : try_ring_(use_ring) { pending_close_.reserve(kBatch); }

BatchOpener::~BatchOpener() { close_pending_plainly(); }

IoRing* BatchOpener::ring() {
    if (ring_ == nullptr && try_ring_) {
        // Created on the first batch, on the thread that will submit to it.
        ring_ = std::make_unique<IoRing>(static_cast<unsigned>(2 * kBatch));
        if (!ring_->ok()) {
            ring_.reset();
            try_ring_ = false;
        }
    }
    return ring_.get();
}

void BatchOpener::open(int dir_fd, std::span<const char* const> names, std::span<int> results) {
    if (names.empty()) return;
    if (ring() == nullptr || names.size() > kBatch) {
        close_pending_plainly();
        open_plainly(dir_fd, names, results);
        return;
    }
    for (std::size_t i = 0; i < pending_close_.size(); ++i) ring_->queue_close(pending_close_[i], kCloseTag + i);
    for (std::size_t i = 0; i < names.size(); ++i) {
        results[i] = kNotRun;
        ring_->queue_openat(dir_fd, names[i], kSearchOpenFlags, i);
    }
    const int refused = ring_->submit_and_wait([&](std::uint64_t tag, int result) {
        if (tag >= kCloseTag) {
            if (tag - kCloseTag < pending_close_.size()) pending_close_[tag - kCloseTag] = -1;
        } else if (tag < results.size()) {
            results[tag] = result;
        }
    });
    if (refused != 0) {
        // The kernel took the ring but refuses its submissions: plain calls from now on, and
        // plain calls now for whatever did not run (never a second close of a descriptor that
        // may have been reused meanwhile: closes that ran were marked).
        ring_.reset();
        try_ring_ = false;
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (results[i] == kNotRun) results[i] = open_one(dir_fd, names[i]);
        }
    }
    close_pending_plainly();  // empty unless refused
}

void BatchOpener::read(std::span<const int> fds, std::span<char* const> buffers, std::size_t length,
                       std::span<int> results) {
    const auto chunk = static_cast<unsigned>(std::min<std::size_t>(length, INT_MAX));
    std::size_t queued = 0;
    if (ring() != nullptr && fds.size() <= kBatch) {
        for (std::size_t i = 0; i < fds.size(); ++i) {
            results[i] = fds[i] < 0 ? 0 : kNotRun;
            if (fds[i] >= 0 && ring_->queue_read(fds[i], buffers[i], chunk, i)) ++queued;
        }
    }
    if (queued > 0 && ring_->submit_and_wait([&](std::uint64_t tag, int result) {
            if (tag < results.size()) results[tag] = result;
        }) != 0) {
        ring_.reset();
        try_ring_ = false;
    }
    // Plainly: without a ring, or what the ring did not run.
    for (std::size_t i = 0; i < fds.size(); ++i) {
        if (queued > 0 && results[i] != kNotRun) continue;
        if (fds[i] < 0) {
            results[i] = 0;
            continue;
        }
        ssize_t n = -1;
        do {
            n = ::read(fds[i], buffers[i], chunk);
        } while (n < 0 && errno == EINTR);
        results[i] = n >= 0 ? static_cast<int>(n) : -errno;
    }
}

bool BatchOpener::closes_with_batches() const { return ring_ != nullptr && kRingCloses; }

void BatchOpener::close_later(int fd) {
    if (fd < 0) return;
    if (!closes_with_batches()) {
        ::close(fd);
        return;
    }
    if (pending_close_.size() >= kBatch) close_pending_plainly();  // more than one batch opened
    pending_close_.push_back(fd);
}

void BatchOpener::open_plainly(int dir_fd, std::span<const char* const> names, std::span<int> results) {
    for (std::size_t i = 0; i < names.size(); ++i) results[i] = open_one(dir_fd, names[i]);
}

void BatchOpener::close_pending_plainly() {
    for (const int fd : pending_close_) {
        if (fd >= 0) ::close(fd);
    }
    pending_close_.clear();
}

}  // namespace codescout
