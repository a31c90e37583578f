// Starting the writeback of a batch's temporary files on a thread of its own, so that the thread
// that writes them goes on with the next file while the kernel submits this one's pages.
//
// Why: sync_file_range(SYNC_FILE_RANGE_WRITE) right after each write made the flush round cheap
// (the data is mostly on the disk when syncfs() comes) but cost the writing thread ~60 µs per
// file (block allocation and the submission, in a VM a notification of the virtual disk each):
// 0.6 s of its CPU over the kernel tree's 10,922 files. Leaving it all to syncfs() instead makes
// each flush round wait for the whole batch's writeback. Here the writing thread only queues the
// descriptor; the starter's thread starts the writeback and closes it.
//
// Advisory only: what is durable is decided by the flush round (replace_batch.h), which covers
// every temporary file whether or not its writeback was started. Bounded: at most `max_queued`
// descriptors wait; beyond that start() does the work itself (never blocks, never holds more).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <thread>

#include "core/io/open_file.h"

namespace codescout {

class WritebackStarter {
public:
    explicit WritebackStarter(std::size_t max_queued = 64) : max_queued_(max_queued) {}
    ~WritebackStarter();  // starts what is queued, then joins the thread
    WritebackStarter(const WritebackStarter&) = delete;
    WritebackStarter& operator=(const WritebackStarter&) = delete;

    // Starts writing back `file` (a file just written) and closes it. The thread starts with the
    // first call.
    void start(FileDescriptor file);

private:
    void run();

    const std::size_t max_queued_;
    std::mutex mutex_;
    std::condition_variable queued_;
    std::deque<FileDescriptor> files_;
    bool stopping_ = false;
    std::thread thread_;
};

// The writeback of `fd`'s dirty pages started, not waited for (advisory: errors show at a flush).
void start_writeback(int fd);

}  // namespace codescout
