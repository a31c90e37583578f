// Objects lent to one thread at a time and kept for the next borrower: what a thread reuses from
// one item of work to the next when several threads share one work function (a matcher and its
// scratch, read buffers and open folders, a planner's state). Made on first need — by `make`, or
// default-constructed — never more than the most borrowers at once; a lease gives its object back
// however the borrower's work ends (an exception included).
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <type_traits>
#include <utility>
#include <vector>

namespace codescout {

template <typename T>
class LendingPool {
public:
    LendingPool() = default;
    explicit LendingPool(std::function<T()> make) : make_(std::move(make)) {}

    class Lease {
    public:
        T& operator*() const { return *item_; }
        T* operator->() const { return item_.get(); }
        ~Lease() {
            const std::lock_guard lock(pool_.mutex_);
            pool_.idle_.push_back(std::move(item_));
        }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;

    private:
        friend class LendingPool;
        Lease(const LendingPool& pool, std::unique_ptr<T> item) : pool_(pool), item_(std::move(item)) {}
        const LendingPool& pool_;
        std::unique_ptr<T> item_;
    };

    // An idle object, or a new one. Thread-safe; an exception of `make` passes.
    Lease borrow() const {
        std::unique_ptr<T> item;
        {
            const std::lock_guard lock(mutex_);
            if (!idle_.empty()) {
                item = std::move(idle_.back());
                idle_.pop_back();
            }
        }
        if (!item) {
            if constexpr (std::is_default_constructible_v<T>) item = make_ ? std::make_unique<T>(make_()) : std::make_unique<T>();
            else item = std::make_unique<T>(make_());
        }
        return Lease(*this, std::move(item));
    }

private:
    std::function<T()> make_;
    mutable std::mutex mutex_;
    mutable std::vector<std::unique_ptr<T>> idle_;
};

}  // namespace codescout
