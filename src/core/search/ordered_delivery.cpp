// Ordered delivery with a bounded window (see ordered_delivery.h).
#include "core/search/ordered_delivery.h"

#include <algorithm>
#include <chrono>

namespace codescout {

OrderedDelivery::OrderedDelivery(ResultSink& downstream, std::size_t total, std::size_t max_ahead,
                                 std::uint64_t max_waiting_bytes)
    : downstream_(downstream), total_(total), max_ahead_(std::max<std::size_t>(max_ahead, 1)),
      max_waiting_bytes_(max_waiting_bytes) {}

std::uint64_t OrderedDelivery::bytes_of(const FileOutput& output) {
    if (!output.result) return 0;
    const std::size_t streamed = output.result->stream ? output.result->stream->held_bytes() : 0;
    return output.result->lines.memory_bytes() + streamed + output.result->path.capacity() + sizeof(FileResult);
}

bool OrderedDelivery::window_open() const {
    // The file whose turn it is may always be claimed: nothing can be delivered without it.
    if (next_claim_ == next_delivery_) return true;
    return next_claim_ < next_delivery_ + max_ahead_ && waiting_bytes_ <= max_waiting_bytes_;
}

std::optional<std::size_t> OrderedDelivery::claim(const std::atomic<bool>& stop) {
    std::unique_lock lock(mutex_);
    // `stop` is also set from outside (Search::cancel()), which does not notify: poll it.
    while (!window_open() && !stopped_ && !stop.load(std::memory_order_relaxed)) {
        window_moved_.wait_for(lock, std::chrono::milliseconds(20));
    }
    if (stopped_ || stop.load(std::memory_order_relaxed) || next_claim_ >= total_) return std::nullopt;
    return next_claim_++;
}

bool OrderedDelivery::complete(std::size_t index, FileOutput output) {
    std::unique_lock lock(mutex_);
    if (stopped_) return false;
    const std::uint64_t bytes = bytes_of(output);
    waiting_.emplace(index, std::move(output));
    waiting_bytes_ += bytes;
    peak_waiting_bytes_ = std::max(peak_waiting_bytes_, waiting_bytes_);
    // One thread at a time hands results on; files completed meanwhile are picked up by its loop.
    if (delivering_) return true;
    delivering_ = true;
    while (!stopped_ && !waiting_.empty() && waiting_.begin()->first == next_delivery_) {
        FileOutput turn = std::move(waiting_.begin()->second);
        waiting_.erase(waiting_.begin());
        const std::uint64_t turn_bytes = bytes_of(turn);
        lock.unlock();
        for (const SearchError& error : turn.errors) downstream_.on_error(error);
        const bool go_on = !turn.result || downstream_.on_file(std::move(*turn.result));
        lock.lock();
        waiting_bytes_ -= turn_bytes;
        ++next_delivery_;
        if (!go_on) stopped_ = true;
        window_moved_.notify_all();
    }
    delivering_ = false;
    if (stopped_) {
        waiting_.clear();
        waiting_bytes_ = 0;
        window_moved_.notify_all();
    }
    return !stopped_;
}

bool OrderedDelivery::wait_for_turn(std::size_t index, const std::atomic<bool>& stop) {
    std::unique_lock lock(mutex_);
    // `stop` is also set from outside without a notification: poll it.
    while (next_delivery_ < index && !stopped_ && !stop.load(std::memory_order_relaxed)) {
        window_moved_.wait_for(lock, std::chrono::milliseconds(20));
    }
    return next_delivery_ >= index && !stopped_ && !stop.load(std::memory_order_relaxed);
}

std::uint64_t OrderedDelivery::peak_waiting_bytes() const {
    std::lock_guard lock(mutex_);
    return peak_waiting_bytes_;
}

}  // namespace codescout
