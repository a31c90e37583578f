// PlanFeed, feed_plans (see plan_feed.h).
#include "core/edit/plan_feed.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace codescout {

bool PlanFeed::push(FilePlan file) {
    {
        const std::lock_guard lock(mutex_);
        if (stopped_ || closed_) return false;
        files_.push_back(std::move(file));
    }
    changed_.notify_all();
    return true;
}

void PlanFeed::close() {
    {
        const std::lock_guard lock(mutex_);
        closed_ = true;
    }
    changed_.notify_all();
}

void PlanFeed::fail(std::string error) {
    {
        const std::lock_guard lock(mutex_);
        if (!failure_) failure_ = std::move(error);
        closed_ = true;
    }
    changed_.notify_all();
}

void PlanFeed::stop() {
    {
        const std::lock_guard lock(mutex_);
        stopped_ = true;
    }
    changed_.notify_all();
}

bool PlanFeed::stopped() const {
    const std::lock_guard lock(mutex_);
    return stopped_;
}

const FilePlan* PlanFeed::wait_for(std::size_t i) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return i < files_.size() || closed_ || stopped_; });
    // A failed search hands out nothing more: the apply must not publish what it found.
    return i < files_.size() && !failure_ && !stopped_ ? &files_[i] : nullptr;
}

const FilePlan& PlanFeed::at(std::size_t i) const {
    const std::lock_guard lock(mutex_);
    return files_[i];
}

std::size_t PlanFeed::pushed() const {
    const std::lock_guard lock(mutex_);
    return files_.size();
}

std::optional<std::string> PlanFeed::failure() const {
    const std::lock_guard lock(mutex_);
    return failure_;
}

void feed_plans(std::size_t count, const std::function<FilePlanner()>& make_planner, PlanFeed& feed, unsigned threads) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(count, 1)));
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    // Plans made ahead of the one the feed waits for (a planner finished file i+1 before another
    // finished i): at most about one per thread, as the files are taken in order.
    std::mutex order_mutex;
    std::map<std::size_t, std::optional<FilePlan>> ahead;
    std::size_t next_to_push = 0;
    std::optional<std::string> error;
    auto fail = [&](std::string why) {
        const std::lock_guard lock(order_mutex);
        if (!error) error = std::move(why);
        stop = true;
    };
    auto work = [&] {
        try {
            const FilePlanner plan = make_planner();
            for (std::size_t i = next++; i < count && !stop; i = next++) {
                std::optional<FilePlan> made = plan(i);
                const std::lock_guard lock(order_mutex);
                ahead.emplace(i, std::move(made));
                for (auto it = ahead.begin(); it != ahead.end() && it->first == next_to_push; it = ahead.erase(it), ++next_to_push)
                    if (it->second && !feed.push(std::move(*it->second))) stop = true;
            }
        } catch (const std::exception& e) {
            fail(std::string("cannot plan the files: ") + e.what());
        } catch (...) {
            fail("cannot plan the files");
        }
    };
    {
        std::vector<std::jthread> helpers;
        for (unsigned t = 1; t < threads; ++t) {
            try {
                helpers.emplace_back(work);
            } catch (const std::system_error&) {
                break;  // no thread to be had: fewer planners
            }
        }
        work();
    }
    if (error) feed.fail(*error);
    else feed.close();
}

}  // namespace codescout
