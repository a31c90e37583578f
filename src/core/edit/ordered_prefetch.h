// Preparing the next files of an apply on other threads while this one writes: item i of
// 0..count-1 is made by produce(i) on a helper thread, and taken by the one consumer in order.
// Why: an apply's passes are mostly system calls per file (open each folder on the way, read,
// hash) and run at one core's speed, while the search before them uses every core; the consumer
// keeps everything whose order matters (journal indices, batches, renames, step hooks) and
// the helpers only open, check and read.
//
// Bounded: helpers run at most `window` items ahead of the consumer, and no further than `budget`
// of weight(i) (e.g. file sizes: the content held) — one item always, however heavy — nor past
// what the consumer allow()ed. Items not
// taken are dropped by the destructor, which stops and joins the helpers. An exception from
// produce() is rethrown by take() of that item.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace codescout {

template <class T>
class OrderedPrefetch {
public:
    // `threads`: helper threads (-1: one per core; 0: none, take() makes each item itself);
    // `limit`: the first allow().
    OrderedPrefetch(std::size_t count, std::function<T(std::size_t)> produce, std::function<std::uint64_t(std::size_t)> weight,
                    std::size_t limit = SIZE_MAX, int threads = -1, std::size_t window = 16, std::uint64_t budget = 64ull << 20)
        : count_(count), produce_(std::move(produce)), weight_(std::move(weight)), window_(std::max<std::size_t>(window, 1)),
          budget_(budget), slots_(window_), limit_(limit) {
        const std::size_t helpers = threads < 0 ? std::max(1u, std::thread::hardware_concurrency()) : static_cast<unsigned>(threads);
        for (std::size_t t = 0; t < std::min(helpers, count); ++t) helpers_.emplace_back([this] { run(); });
    }
    ~OrderedPrefetch() {
        {
            const std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        claimable_.notify_all();
        for (std::thread& helper : helpers_) helper.join();
    }
    OrderedPrefetch(const OrderedPrefetch&) = delete;
    OrderedPrefetch& operator=(const OrderedPrefetch&) = delete;

    // Lets the helpers make items below `end` only (all of them by default); never lowered.
    void allow(std::size_t end) {
        {
            const std::lock_guard lock(mutex_);
            if (end <= limit_) return;
            limit_ = end;
        }
        claimable_.notify_all();
    }

    // Item `i`, once made; call with i = 0, 1, 2, ... in turn (and allow() it first).
    T take(std::size_t i) {
        if (helpers_.empty()) return produce_(i);
        std::unique_lock lock(mutex_);
        Slot& slot = slots_[i % window_];
        ready_.wait(lock, [&] { return slot.value.has_value() || slot.error; });
        std::optional<T> value = std::exchange(slot.value, std::nullopt);
        const std::exception_ptr error = std::exchange(slot.error, nullptr);
        taken_ = i + 1;
        held_ -= slot.weight;
        lock.unlock();
        claimable_.notify_all();
        if (error) std::rethrow_exception(error);
        return std::move(*value);
    }

private:
    struct Slot {
        std::optional<T> value;
        std::exception_ptr error;
        std::uint64_t weight = 0;
    };

    void run() {
        for (;;) {
            std::unique_lock lock(mutex_);
            std::uint64_t weight = 0;
            claimable_.wait(lock, [&] {
                if (stopping_ || claimed_ >= count_) return true;
                if (claimed_ >= taken_ + window_ || claimed_ >= limit_) return false;
                weight = weight_ ? weight_(claimed_) : 0;
                return claimed_ == taken_ || held_ + weight <= budget_;
            });
            if (stopping_ || claimed_ >= count_) return;
            const std::size_t i = claimed_++;
            held_ += weight;
            lock.unlock();
            std::optional<T> value;
            std::exception_ptr error;
            try {
                value.emplace(produce_(i));
            } catch (...) {
                error = std::current_exception();
            }
            lock.lock();
            Slot& slot = slots_[i % window_];
            slot.value = std::move(value);
            slot.error = error;
            slot.weight = weight;
            // The consumer only ever waits for the next item in order: an item made ahead of it
            // wakes nobody (each needless wake-up was a context switch on a busy core).
            const bool awaited = i == taken_;
            lock.unlock();
            if (awaited) ready_.notify_one();
        }
    }

    const std::size_t count_;
    const std::function<T(std::size_t)> produce_;
    const std::function<std::uint64_t(std::size_t)> weight_;
    const std::size_t window_;
    const std::uint64_t budget_;
    std::mutex mutex_;
    std::condition_variable claimable_;  // helpers: room to claim the next item
    std::condition_variable ready_;      // the consumer: an item was made
    std::vector<Slot> slots_;
    std::size_t limit_ = SIZE_MAX;  // allow()
    std::size_t claimed_ = 0;  // items handed to helpers
    std::size_t taken_ = 0;    // items taken by the consumer
    std::uint64_t held_ = 0;   // weight claimed and not yet taken
    bool stopping_ = false;
    std::vector<std::thread> helpers_;
};

}  // namespace codescout
