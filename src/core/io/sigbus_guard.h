// Survives a mapped file shrinking under us. Reading a page of a file mapping that lies past the
// file's new end raises SIGBUS, which would kill the process. A process-wide SIGBUS handler looks
// the fault address up in a registry of live mappings; when it belongs to one, it maps anonymous
// zero pages over the rest of that mapping (from the faulting page to its end), marks the mapping
// truncated, and returns: the faulting read runs again and reads zeros. Nothing is unwound, so
// the code that was reading (PCRE2, RE2's DFA with its locks, our literal finders) finishes its
// scan normally, and the owner discards what it found once it sees truncated().
//
// What callers may rely on:
// - SigbusGuard::watch() registers a range of a mapping; the guard's destructor unregisters it.
//   Register before the first read of the mapping, and destroy the guard before munmap(): the
//   handler writes a new mapping over the range, which must not belong to anyone else by then.
// - After a fault in a watched range, bytes of the range from the faulting page on read as zeros
//   (what they held before is lost, even where the file still has data), and truncated() is true
//   on any thread that synchronises with the faulting one (always on the faulting thread itself).
//   Should the kernel refuse the zero pages (out of memory), the fault is treated as not ours.
// - A SIGBUS that is not a fault in a watched range (another address, a hardware memory error,
//   a signal sent with kill) goes to the disposition that was installed before ours: a handler
//   is called, the default action (terminate, core) is restored and the signal raised again. Our
//   handler stays installed for every other thread; nothing is uninstalled behind their back.
// - The handler is async-signal-safe: no allocation, no locks; the registry is a fixed table of
//   slots read with a sequence lock. watch() returns an inactive guard when every slot is taken
//   (kSlots live mappings); the caller must then not map (read the file instead).
//
// Which thread calls what: any thread may watch() and destroy guards (each guard on one thread
// at a time); the handler runs on the thread that faulted. The handler is installed by the first
// watch() and stays for the life of the process; the disposition it chains to is the one seen
// then (a handler installed later by someone else replaces ours, as sigaction does).
#pragma once

#include <cstddef>

namespace codescout {

class SigbusGuard {
public:
    // Live mappings watched at once, over the whole process (a worker maps one file at a time).
    static constexpr std::size_t kSlots = 256;

    SigbusGuard() = default;
    ~SigbusGuard() { release(); }
    SigbusGuard(SigbusGuard&& other) noexcept;
    SigbusGuard& operator=(SigbusGuard&& other) noexcept;
    SigbusGuard(const SigbusGuard&) = delete;
    SigbusGuard& operator=(const SigbusGuard&) = delete;

    // Installs the handler (once per process) and watches [begin, begin + size), where `begin`
    // is page-aligned (what mmap returned). Inactive (active() false) when no slot is free.
    static SigbusGuard watch(const void* begin, std::size_t size);

    bool active() const { return slot_ != kNoSlot; }

    // True once the handler replaced pages of the range with zeros: the file shrank under the
    // mapping and bytes read from the range since are not the file's.
    bool truncated() const;

    // Stops watching (also done by the destructor).
    void release();

private:
    static constexpr std::size_t kNoSlot = static_cast<std::size_t>(-1);
    explicit SigbusGuard(std::size_t slot) : slot_(slot) {}
    std::size_t slot_ = kNoSlot;
};

}  // namespace codescout
