// WritebackStarter (see writeback_starter.h).
#include "core/edit/writeback_starter.h"

#include <unistd.h>

namespace codescout {

void write_back_file_system(int fd) { (void)::syncfs(fd); }

WritebackStarter::WritebackStarter(WritebackRound round, std::function<void(int)> write_back, std::size_t max_rounds)
    : round_(round), write_back_(write_back ? std::move(write_back) : write_back_file_system), max_rounds_(max_rounds) {}

WritebackStarter::~WritebackStarter() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    queued_.notify_one();
    if (thread_.joinable()) thread_.join();
}

bool WritebackStarter::completes_round(std::uint64_t bytes) {
    round_bytes_ += bytes;
    ++round_files_;
    if (round_bytes_ < round_.bytes && round_files_ < round_.files) return false;
    round_bytes_ = 0;
    round_files_ = 0;
    return true;
}

void WritebackStarter::start(FileDescriptor file, std::uint64_t bytes) {
    bool queued = false;
    {
        const std::lock_guard lock(mutex_);
        if (completes_round(bytes) && rounds_.size() < max_rounds_) {
            rounds_.push_back(std::move(file));
            if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
            queued = true;
        }
    }
    if (queued) queued_.notify_one();
    file.reset();  // not a round's: closed here (outside the lock)
}

void WritebackStarter::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        queued_.wait(lock, [this] { return stopping_ || !rounds_.empty(); });
        if (rounds_.empty()) return;  // stopping, and no round left
        FileDescriptor file = std::move(rounds_.front());
        rounds_.pop_front();
        lock.unlock();
        write_back_(file.get());
        file.reset();
        lock.lock();
    }
}

}  // namespace codescout
