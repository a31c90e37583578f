// IoRing: setup, queueing and submission over the raw io_uring system calls (see io_ring.h).
// The indices shared with the kernel are read and written through std::atomic_ref: the kernel
// publishes completions with a release store of the CQ tail, we consume them with a release
// store of the CQ head, and publish submissions with a release store of the SQ tail.
#include "core/io/io_ring.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <vector>

#include <linux/io_uring.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace codescout {

namespace {

int ring_setup(unsigned entries, io_uring_params& params) {
    return static_cast<int>(::syscall(__NR_io_uring_setup, entries, &params));
}

int ring_enter(int fd, unsigned to_submit, unsigned min_complete, unsigned flags) {
    return static_cast<int>(::syscall(__NR_io_uring_enter, fd, to_submit, min_complete, flags, nullptr, 0));
}

int ring_register(int fd, unsigned opcode, void* arg, unsigned count) {
    return static_cast<int>(::syscall(__NR_io_uring_register, fd, opcode, arg, count));
}

unsigned load_acquire(unsigned* p) { return std::atomic_ref<unsigned>(*p).load(std::memory_order_acquire); }
void store_release(unsigned* p, unsigned v) { std::atomic_ref<unsigned>(*p).store(v, std::memory_order_release); }

// Whether the kernel runs openat, read and close in a ring (5.6 and later; the probe itself is
// 5.6).
bool supports_the_operations_used(int ring_fd) {
    constexpr unsigned kOps = 64;
    std::vector<unsigned char> storage(sizeof(io_uring_probe) + kOps * sizeof(io_uring_probe_op), 0);
    auto* probe = reinterpret_cast<io_uring_probe*>(storage.data());
    if (ring_register(ring_fd, IORING_REGISTER_PROBE, probe, kOps) < 0) return false;
    const auto supported = [probe](unsigned op) {
        return op <= probe->last_op && (probe->ops[op].flags & IO_URING_OP_SUPPORTED) != 0;
    };
    return supported(IORING_OP_OPENAT) && supported(IORING_OP_CLOSE) && supported(IORING_OP_READ);
}

}  // namespace

IoRing::IoRing(unsigned entries) {
    io_uring_params params {};
    // One submitter, completions handled only when it asks: the cheapest mode (6.1+); older
    // kernels refuse the flags with EINVAL and get a plain ring.
    params.flags = IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN | IORING_SETUP_SUBMIT_ALL;
    int fd = ring_setup(entries, params);
    if (fd < 0 && errno == EINVAL) {
        params = {};
        fd = ring_setup(entries, params);
    }
    if (fd < 0) {
        setup_error_ = errno;
        return;
    }
    const auto fail = [this, fd](int error) {
        setup_error_ = error;
        ::close(fd);
    };
    constexpr unsigned kNeeded = IORING_FEAT_SINGLE_MMAP | IORING_FEAT_RW_CUR_POS;
    if ((params.features & kNeeded) != kNeeded || !supports_the_operations_used(fd)) {
        fail(ENOSYS);
        return;
    }

    const std::size_t sq_size = params.sq_off.array + params.sq_entries * sizeof(unsigned);
    const std::size_t cq_size = params.cq_off.cqes + params.cq_entries * sizeof(io_uring_cqe);
    ring_map_size_ = std::max(sq_size, cq_size);
    void* ring = ::mmap(nullptr, ring_map_size_, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, IORING_OFF_SQ_RING);
    if (ring == MAP_FAILED) {
        fail(errno);
        return;
    }
    sqes_map_size_ = params.sq_entries * sizeof(io_uring_sqe);
    void* sqes = ::mmap(nullptr, sqes_map_size_, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, IORING_OFF_SQES);
    if (sqes == MAP_FAILED) {
        const int error = errno;
        ::munmap(ring, ring_map_size_);
        fail(error);
        return;
    }
    ring_fd_ = fd;
    ring_map_ = ring;
    sqes_map_ = sqes;
    auto* base = static_cast<char*>(ring);
    sq_head_ = reinterpret_cast<unsigned*>(base + params.sq_off.head);
    sq_tail_ = reinterpret_cast<unsigned*>(base + params.sq_off.tail);
    sq_mask_ = *reinterpret_cast<unsigned*>(base + params.sq_off.ring_mask);
    sq_entries_ = params.sq_entries;
    sq_array_ = reinterpret_cast<unsigned*>(base + params.sq_off.array);
    cq_head_ = reinterpret_cast<unsigned*>(base + params.cq_off.head);
    cq_tail_ = reinterpret_cast<unsigned*>(base + params.cq_off.tail);
    cq_mask_ = *reinterpret_cast<unsigned*>(base + params.cq_off.ring_mask);
    cqes_ = base + params.cq_off.cqes;
    // SQE i always sits in slot i: the indirection array is the identity.
    for (unsigned i = 0; i < sq_entries_; ++i) sq_array_[i] = i;
    local_tail_ = *sq_tail_;
}

IoRing::~IoRing() {
    if (sqes_map_ != nullptr) ::munmap(sqes_map_, sqes_map_size_);
    if (ring_map_ != nullptr) ::munmap(ring_map_, ring_map_size_);
    if (ring_fd_ >= 0) ::close(ring_fd_);
}

unsigned IoRing::room() const { return ok() ? sq_entries_ - queued_ : 0; }

void* IoRing::next_sqe() {
    if (room() == 0) return nullptr;
    auto* sqe = static_cast<io_uring_sqe*>(sqes_map_) + (local_tail_ & sq_mask_);
    std::memset(sqe, 0, sizeof *sqe);
    ++local_tail_;
    ++queued_;
    return sqe;
}

bool IoRing::queue_openat(int dir_fd, const char* path, int flags, std::uint64_t tag) {
    auto* sqe = static_cast<io_uring_sqe*>(next_sqe());
    if (sqe == nullptr) return false;
    sqe->opcode = IORING_OP_OPENAT;
    sqe->fd = dir_fd;
    sqe->addr = reinterpret_cast<std::uint64_t>(path);
    sqe->open_flags = static_cast<std::uint32_t>(flags);
    sqe->user_data = tag;
    return true;
}

bool IoRing::queue_read(int fd, char* buffer, unsigned length, std::uint64_t tag) {
    auto* sqe = static_cast<io_uring_sqe*>(next_sqe());
    if (sqe == nullptr) return false;
    sqe->opcode = IORING_OP_READ;
    sqe->fd = fd;
    sqe->addr = reinterpret_cast<std::uint64_t>(buffer);
    sqe->len = length;
    sqe->off = ~std::uint64_t{0};  // the file position (IORING_FEAT_RW_CUR_POS)
    sqe->user_data = tag;
    return true;
}

bool IoRing::queue_close(int fd, std::uint64_t tag) {
    auto* sqe = static_cast<io_uring_sqe*>(next_sqe());
    if (sqe == nullptr) return false;
    sqe->opcode = IORING_OP_CLOSE;
    sqe->fd = fd;
    sqe->user_data = tag;
    return true;
}

int IoRing::enter(unsigned to_submit, unsigned min_complete) {
    return ring_enter(ring_fd_, to_submit, min_complete, IORING_ENTER_GETEVENTS);
}

unsigned IoRing::reap(const std::function<void(std::uint64_t, int)>& done) {
    unsigned head = *cq_head_;  // only this thread writes it
    const unsigned tail = load_acquire(cq_tail_);
    unsigned count = 0;
    for (; head != tail; ++head, ++count) {
        const auto& cqe = static_cast<const io_uring_cqe*>(cqes_)[head & cq_mask_];
        done(cqe.user_data, cqe.res);
    }
    store_release(cq_head_, head);
    return count;
}

int IoRing::submit_and_wait(const std::function<void(std::uint64_t tag, int result)>& done) {
    if (!ok() || queued_ == 0) return 0;
    store_release(sq_tail_, local_tail_);
    unsigned to_submit = queued_;
    unsigned submitted = 0;
    unsigned completed = 0;
    int failure = 0;
    // Usually one pass. The kernel waits for completions only when it took every operation
    // submitted (else it returns at once): asking for all of them cannot hang.
    while (to_submit > 0 || completed < submitted) {
        const int r = enter(to_submit, submitted - completed + to_submit);
        if (r < 0) {
            const int error = errno;
            if (error == EINTR) continue;
            if ((error == EAGAIN || error == EBUSY) && completed < submitted) {
                completed += reap(done);  // out of requests or completion room: make some
                continue;
            }
            failure = error;
            if (to_submit == 0) break;  // cannot even wait: what is in flight is left behind
            // Refused (out of memory, a seccomp filter): take back what the kernel did not
            // consume, still wait for what it did.
            store_release(sq_tail_, load_acquire(sq_head_));
            local_tail_ = *sq_tail_;
            to_submit = 0;
            continue;
        }
        const unsigned took = std::min<unsigned>(static_cast<unsigned>(r), to_submit);
        submitted += took;
        to_submit -= took;
        completed += reap(done);
    }
    queued_ = 0;
    return failure;
}

}  // namespace codescout
