// PlanFeed (see plan_feed.h).
#include "core/edit/plan_feed.h"

#include <utility>

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

}  // namespace codescout
