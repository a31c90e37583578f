// Getting a batch's temporary files written back while the apply goes on, from a thread of its
// own, so that the flush round (replace_batch.h) finds most of their data on the disk already.
//
// How: the writing thread hands over each temporary file it has written (its descriptor and
// size); the starter's thread closes them and, each time a round's worth of new content has come
// (WritebackRound: 8 MiB or 256 files), starts the writeback of the file system of the file at
// hand with one syncfs() — which writes back every dirty file on it, those handed over since the
// last round among them, in one go.
//
// Why a syncfs() per round and not a sync_file_range(SYNC_FILE_RANGE_WRITE) per file: the
// per-file call allocated the blocks and submitted each file's pages on its own, in a VM one
// notification of the virtual disk per file — ~40 µs of CPU per file, on a 2-core machine
// taken from the apply's other threads. One syncfs() per 256 files lets the kernel's flusher
// write many files per plug (issue 9, kernel-tree apply interleaved with the per-file call, 11
// rounds at load 3.9-5.5: apply median 2.25 s against 2.81 s and 2.32 s against 2.45 s, CPU
// 2.24 s against 2.59 s and 2.03 s against 2.38 s, the first flush round 0.000-0.014 s against
// 0.065-0.11 s). Rounds of 1,024 files were slower (median 2.83 s against 2.36 s for 256).
// Waking this thread only once a round (the writer closing the other files itself) saved no
// CPU and cost wall time (median 2.91 s against 2.32 s). Before all this, the per-file call on
// the writing thread itself cost it ~60 µs per file; leaving everything to the flush round
// made it wait for the whole batch's writeback.
//
// Advisory only: what is durable is decided by the flush round, which covers every temporary
// file whether or not a round reached it. The syncfs() also writes back what other programs
// left dirty on that file system, as the flush round does anyway. Bounded: at most `max_queued`
// descriptors wait; beyond that start() closes the file itself (never blocks, never holds more),
// and its bytes still count towards the next round.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

#include "core/io/open_file.h"

namespace codescout {

// How much new content starts a writeback round (whichever comes first).
struct WritebackRound {
    std::uint64_t bytes = 8ull * 1024 * 1024;
    std::size_t files = 256;
};

class WritebackStarter {
public:
    // `write_back`: starts the writeback of the file system of the descriptor it is given
    // (default: syncfs()); a test's counter in tests.
    explicit WritebackStarter(std::size_t max_queued = 64, WritebackRound round = {}, std::function<void(int)> write_back = {});
    ~WritebackStarter();  // closes what is queued (rounds included), joins
    WritebackStarter(const WritebackStarter&) = delete;
    WritebackStarter& operator=(const WritebackStarter&) = delete;

    // Takes `file`, a temporary file just written with `bytes` of content, and closes it (see
    // above). The thread starts with the first call.
    void start(FileDescriptor file, std::uint64_t bytes);

private:
    void run();
    // Counts a file in; true when it completes a round (the counts start again).
    bool completes_round(std::uint64_t bytes);

    const std::size_t max_queued_;
    const WritebackRound round_;
    const std::function<void(int)> write_back_;
    std::mutex mutex_;
    std::condition_variable queued_;
    std::deque<std::pair<FileDescriptor, std::uint64_t>> files_;
    std::uint64_t round_bytes_ = 0;  // since the last round
    std::size_t round_files_ = 0;
    bool stopping_ = false;
    std::thread thread_;
};

// Starts the writeback of every dirty file on `fd`'s file system (syncfs: it also waits for it).
void write_back_file_system(int fd);

}  // namespace codescout
