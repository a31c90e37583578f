// The SIGBUS handler that fills vanished pages of a watched mapping with zeros, and the slot
// table it reads (see sigbus_guard.h).
#include "core/io/sigbus_guard.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <mutex>
#include <utility>

#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace codescout {

namespace {

// One watched range. Written only by the guard that owns it; read by the handler on any thread.
// begin/size change under a sequence lock (odd `sequence` while they are rewritten), so the
// handler never pairs the begin of one mapping with the size of another.
struct Slot {
    std::atomic<bool> owned{false};
    std::atomic<std::uint64_t> sequence{0};
    std::atomic<std::uintptr_t> begin{0};  // 0: watching nothing
    std::atomic<std::size_t> size{0};
    std::atomic<bool> truncated{false};
};
static_assert(std::atomic<std::uint64_t>::is_always_lock_free && std::atomic<std::uintptr_t>::is_always_lock_free &&
                  std::atomic<bool>::is_always_lock_free,
              "the signal handler needs lock-free atomics");

Slot g_slots[SigbusGuard::kSlots];

// Set once, before the handler is installed; only read afterwards.
struct sigaction g_previous {};
std::uintptr_t g_page_size = 4096;
std::once_flag g_installed;

// Rewrites a slot's range under its sequence lock. The release stores keep the odd sequence
// visible before the new values; the final one publishes them.
void publish(Slot& slot, std::uintptr_t begin, std::size_t size) {
    const std::uint64_t sequence = slot.sequence.load(std::memory_order_relaxed);
    slot.sequence.store(sequence + 1, std::memory_order_relaxed);
    slot.begin.store(begin, std::memory_order_release);
    slot.size.store(size, std::memory_order_release);
    slot.truncated.store(false, std::memory_order_release);
    slot.sequence.store(sequence + 2, std::memory_order_release);
}

// Maps zeros over [from, to) in place of the file pages. The raw system call, not mmap(): the
// sanitizers intercept mmap() with code that is not meant to run inside a signal handler.
bool map_zeros(std::uintptr_t from, std::uintptr_t to) {
    const long result = ::syscall(SYS_mmap, from, to - from, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    return result != -1;
}

// If `address` lies in a watched range: zeros over the rest of that range, and true.
bool zero_fill_watched(std::uintptr_t address) {
    for (Slot& slot : g_slots) {
        const std::uint64_t sequence = slot.sequence.load(std::memory_order_acquire);
        if (sequence % 2 != 0) continue;  // being rewritten: not the faulting thread's live range
        const std::uintptr_t begin = slot.begin.load(std::memory_order_acquire);
        const std::size_t size = slot.size.load(std::memory_order_acquire);
        if (slot.sequence.load(std::memory_order_relaxed) != sequence) continue;
        if (begin == 0 || address < begin || address - begin >= size) continue;
        // Everything from the faulting page on: later pages past the new end would fault too,
        // and one call is cheaper than a fault per page. Earlier pages keep what they hold.
        const std::uintptr_t from = address / g_page_size * g_page_size;
        const std::uintptr_t to = (begin + size + g_page_size - 1) / g_page_size * g_page_size;
        if (!map_zeros(from, to)) return false;
        slot.truncated.store(true, std::memory_order_release);
        return true;
    }
    return false;
}

void restore_default(int signal) {
    struct sigaction fallback {};
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    ::sigaction(signal, &fallback, nullptr);
}

// Hands the signal to the disposition installed before ours.
void chain(int signal, siginfo_t* info, void* context) {
    const bool is_handler = g_previous.sa_handler != SIG_DFL && g_previous.sa_handler != SIG_IGN;
    // A one-shot handler (SA_RESETHAND, e.g. Qt Test's crash handler) counts on the kernel having
    // put SIG_DFL back before calling it, and returns to let the fault kill the process. The
    // kernel called us instead, so do what it would have done; otherwise the fault comes back to
    // us, and to it, for ever.
    if (is_handler && (g_previous.sa_flags & SA_RESETHAND) != 0) restore_default(signal);
    if ((g_previous.sa_flags & SA_SIGINFO) != 0) {
        if (g_previous.sa_sigaction != nullptr) g_previous.sa_sigaction(signal, info, context);
        return;
    }
    const bool sent = info == nullptr || info->si_code <= 0;  // kill(), sigqueue(): no fault to re-run
    if (g_previous.sa_handler == SIG_IGN && sent) return;
    if (is_handler) {
        g_previous.sa_handler(signal);
        return;
    }
    // The default action (a fault cannot be ignored either): terminate with a core dump. Putting
    // SIG_DFL back is safe because this very signal ends the process: raised again, it stays
    // pending while its handler runs and is delivered as soon as we return.
    restore_default(signal);
    ::raise(signal);
}

void on_sigbus(int signal, siginfo_t* info, void* context) {
    const int saved_errno = errno;
    // BUS_ADRERR is what a read past the end of a mapped file raises; other codes (hardware
    // memory errors, alignment) are not ours to paper over.
    const bool ours = info != nullptr && info->si_code == BUS_ADRERR &&
                      zero_fill_watched(reinterpret_cast<std::uintptr_t>(info->si_addr));
    errno = saved_errno;
    if (!ours) chain(signal, info, context);
}

void install_handler() {
    g_page_size = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    // Read the previous disposition before ours is in place, so the handler never sees it unset.
    ::sigaction(SIGBUS, nullptr, &g_previous);
    struct sigaction action {};
    action.sa_sigaction = on_sigbus;
    // SA_ONSTACK: a thread with an alternate signal stack (e.g. a sanitizer's) uses it.
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGBUS, &action, nullptr);
}

}  // namespace

SigbusGuard SigbusGuard::watch(const void* begin, std::size_t size) {
    std::call_once(g_installed, install_handler);
    for (std::size_t i = 0; i < kSlots; ++i) {
        bool expected = false;
        if (!g_slots[i].owned.compare_exchange_strong(expected, true, std::memory_order_acquire)) continue;
        publish(g_slots[i], reinterpret_cast<std::uintptr_t>(begin), size);
        return SigbusGuard(i);
    }
    return SigbusGuard();
}

SigbusGuard::SigbusGuard(SigbusGuard&& other) noexcept : slot_(std::exchange(other.slot_, kNoSlot)) {}

SigbusGuard& SigbusGuard::operator=(SigbusGuard&& other) noexcept {
    if (this != &other) {
        release();
        slot_ = std::exchange(other.slot_, kNoSlot);
    }
    return *this;
}

bool SigbusGuard::truncated() const {
    return active() && g_slots[slot_].truncated.load(std::memory_order_acquire);
}

void SigbusGuard::release() {
    if (!active()) return;
    Slot& slot = g_slots[std::exchange(slot_, kNoSlot)];
    publish(slot, 0, 0);
    slot.owned.store(false, std::memory_order_release);
}

}  // namespace codescout
