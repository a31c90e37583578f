// WritebackStarter (see writeback_starter.h).
#include "core/edit/writeback_starter.h"

#include <fcntl.h>

namespace codescout {

void start_writeback(int fd) { (void)::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE); }

WritebackStarter::~WritebackStarter() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    queued_.notify_one();
    if (thread_.joinable()) thread_.join();
}

void WritebackStarter::start(FileDescriptor file) {
    {
        const std::lock_guard lock(mutex_);
        if (files_.size() < max_queued_) {
            files_.push_back(std::move(file));
            if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
        }
    }
    if (file) {  // the queue is full: this thread does it
        start_writeback(file.get());
        return;
    }
    queued_.notify_one();
}

void WritebackStarter::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        queued_.wait(lock, [this] { return stopping_ || !files_.empty(); });
        if (files_.empty()) return;  // stopping, and nothing left to start
        FileDescriptor file = std::move(files_.front());
        files_.pop_front();
        lock.unlock();
        start_writeback(file.get());
        file.reset();
        lock.lock();
    }
}

}  // namespace codescout
