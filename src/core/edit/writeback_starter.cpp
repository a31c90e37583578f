// WritebackStarter (see writeback_starter.h).
#include "core/edit/writeback_starter.h"

#include <unistd.h>

namespace codescout {

void write_back_file_system(int fd) { (void)::syncfs(fd); }

WritebackStarter::WritebackStarter(std::size_t max_queued, WritebackRound round, std::function<void(int)> write_back)
    : max_queued_(max_queued), round_(round), write_back_(write_back ? std::move(write_back) : write_back_file_system) {}

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
    {
        const std::lock_guard lock(mutex_);
        if (files_.size() >= max_queued_) {  // the thread is behind (in a round): count it in, close it here
            round_bytes_ += bytes;
            ++round_files_;
            file.reset();
            return;
        }
        files_.emplace_back(std::move(file), bytes);
        if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
    }
    queued_.notify_one();
}

void WritebackStarter::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        queued_.wait(lock, [this] { return stopping_ || !files_.empty(); });
        if (files_.empty()) return;  // stopping, and nothing left
        auto [file, bytes] = std::move(files_.front());
        files_.pop_front();
        const bool round = completes_round(bytes);
        lock.unlock();
        if (round) write_back_(file.get());
        file.reset();
        lock.lock();
    }
}

}  // namespace codescout
