// MappedFile: mmap/madvise/munmap with metrics accounting (see mapped_file.h).
#include "core/io/mapped_file.h"

#include "core/metrics/engine_memory.h"

#include <algorithm>
#include <atomic>
#include <utility>

#include <sys/mman.h>
#include <unistd.h>

namespace codescout {

namespace {
std::atomic<AfterMapHook> g_after_map_hook{nullptr};
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)),
      released_(std::exchange(other.released_, 0)), metrics_(std::exchange(other.metrics_, nullptr)),
      guard_(std::move(other.guard_)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
    if (this != &other) {
        unmap();
        data_ = std::exchange(other.data_, nullptr);
        size_ = std::exchange(other.size_, 0);
        released_ = std::exchange(other.released_, 0);
        metrics_ = std::exchange(other.metrics_, nullptr);
        guard_ = std::move(other.guard_);
    }
    return *this;
}

MappedFile MappedFile::map(int fd, std::uint64_t size, MemoryMetrics& metrics) {
    MappedFile mapped;
    if (size == 0 || size > SIZE_MAX) return mapped;
    void* address = ::mmap(nullptr, static_cast<std::size_t>(size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (address == MAP_FAILED) return mapped;
    // Watched before anything reads it; unwatched mappings are not used at all.
    SigbusGuard guard = SigbusGuard::watch(address, static_cast<std::size_t>(size));
    if (!guard.active()) {
        ::munmap(address, static_cast<std::size_t>(size));
        return mapped;
    }
    // Only a hint: read-ahead more aggressively and drop pages behind us.
    ::madvise(address, static_cast<std::size_t>(size), MADV_SEQUENTIAL);
    mapped.data_ = static_cast<const char*>(address);
    mapped.size_ = static_cast<std::size_t>(size);
    mapped.metrics_ = &metrics;
    mapped.guard_ = std::move(guard);
    metrics.record_mmap(size);
    engine_memory().register_mapping(address, mapped.size_);
    return mapped;
}

void MappedFile::unmap() {
    if (data_ == nullptr) return;
    engine_memory().unregister_mapping(data_, size_);
    guard_.release();  // before the range can be handed to another mapping
    ::munmap(const_cast<char*>(data_), size_);
    metrics_->record_munmap(size_);
    data_ = nullptr;
    size_ = 0;
    released_ = 0;
    metrics_ = nullptr;
}

void MappedFile::release_pages_before(std::size_t offset) {
    static const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t end = std::min(offset, size_) / page * page;
    if (data_ == nullptr || end <= released_) return;
    // A private, never-written file mapping: dropping its pages loses nothing.
    ::madvise(const_cast<char*>(data_) + released_, end - released_, MADV_DONTNEED);
    released_ = end;
}

void set_after_map_hook(AfterMapHook hook) { g_after_map_hook.store(hook, std::memory_order_release); }

AfterMapHook after_map_hook() { return g_after_map_hook.load(std::memory_order_acquire); }

}  // namespace codescout
