// PlanFeed, feed_plans (see plan_feed.h).
#include "core/edit/plan_feed.h"

#include <cstdint>
#include <exception>
#include <utility>
#include <vector>

#include "core/edit/lending_pool.h"
#include "core/edit/ordered_prefetch.h"

namespace codescout {

namespace {

// How many plans the helpers may make ahead of the one the feed waits for.
constexpr std::size_t kPlansAhead = 64;

}  // namespace

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
    // Planners are reused from one file to the next, each by one helper at a time (a pool: the
    // prefetch's helpers share one produce function).
    const LendingPool<FilePlanner> planners(make_planner);
    auto plan = [&](std::size_t i) { return (*planners.borrow())(i); };
    try {
        // Plans are small (no content): the window, not a weight, bounds how far ahead they run.
        OrderedPrefetch<std::optional<FilePlan>> planning(count, plan, {}, SIZE_MAX, threads == 0 ? -1 : static_cast<int>(threads),
                                                          kPlansAhead);
        for (std::size_t i = 0; i < count; ++i) {
            std::optional<FilePlan> made = planning.take(i);
            if (made && !feed.push(std::move(*made))) return;  // the apply stopped taking files
        }
    } catch (const std::exception& e) {
        feed.fail(std::string("cannot plan the files: ") + e.what());
        return;
    } catch (...) {
        feed.fail("cannot plan the files");
        return;
    }
    feed.close();
}

}  // namespace codescout
