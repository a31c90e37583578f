// BoundedRing: the newest `capacity` values pushed, oldest first. The memory view's histories
// (counter samples, attribution rows, collector readings) keep a long search's readings in one
// each, so that neither memory nor the charts' work grows without limit.
#pragma once

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <utility>
#include <vector>

namespace codescout::gui {

template <typename T>
class BoundedRing {
public:
    // A capacity of 0 is raised to 1.
    explicit BoundedRing(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 1)) {}

    // Appends; when full, the oldest value is overwritten.
    void push(T value) {
        if (values_.size() < capacity_) {
            // Still growing: in order from index 0 (head_ stays 0).
            values_.push_back(std::move(value));
            return;
        }
        values_[head_] = std::move(value);
        head_ = (head_ + 1) % capacity_;
    }

    void clear() {
        values_.clear();
        head_ = 0;
    }

    // Changes the bound, keeping the newest values that fit. A capacity of 0 is raised to 1.
    void setCapacity(std::size_t capacity) {
        capacity = std::max<std::size_t>(capacity, 1);
        if (capacity == capacity_) return;
        const std::size_t keep = std::min(size(), capacity);
        std::vector<T> ordered;
        ordered.reserve(keep);
        for (std::size_t i = size() - keep; i < size(); ++i) ordered.push_back(std::move(at(i)));
        values_ = std::move(ordered);
        capacity_ = capacity;
        head_ = 0;
    }

    std::size_t capacity() const { return capacity_; }
    std::size_t size() const { return values_.size(); }
    bool empty() const { return values_.empty(); }
    // i = 0 is the oldest value kept.
    const T& at(std::size_t i) const {
        if (i >= size()) throw std::out_of_range("BoundedRing::at: index out of range");
        return values_[(head_ + i) % values_.size()];
    }
    T& at(std::size_t i) { return const_cast<T&>(std::as_const(*this).at(i)); }
    const T& latest() const { return at(size() - 1); }

    // The storage, in no particular order: for counting the heap bytes each value holds.
    const std::vector<T>& storage() const { return values_; }
    // Heap bytes of the storage itself as allocated (not what the values point to).
    std::size_t storageBytes() const { return values_.capacity() * sizeof(T); }

private:
    std::vector<T> values_;
    std::size_t capacity_;
    std::size_t head_ = 0;  // index of the oldest value once full
};

}  // namespace codescout::gui
