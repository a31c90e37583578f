// SampleBuffer: fixed-capacity ring of metric samples.
#include "gui/memory/sample_buffer.h"

#include <algorithm>
#include <stdexcept>

namespace codescout::gui {

SampleBuffer::SampleBuffer(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 1)) {}

void SampleBuffer::push(const MetricsSample& sample) {
    ++total_pushed_;
    if (ring_.size() < capacity_) {
        // Still growing: the ring is in order from index 0 (head_ stays 0).
        ring_.push_back(sample);
        size_ = ring_.size();
        return;
    }
    ring_[head_] = sample;
    head_ = (head_ + 1) % capacity_;
}

void SampleBuffer::clear() {
    ring_.clear();
    head_ = 0;
    size_ = 0;
    total_pushed_ = 0;
}

void SampleBuffer::setCapacity(std::size_t capacity) {
    capacity = std::max<std::size_t>(capacity, 1);
    if (capacity == capacity_) return;
    const std::size_t keep = std::min(size_, capacity);
    std::vector<MetricsSample> ordered;
    ordered.reserve(keep);
    for (std::size_t i = size_ - keep; i < size_; ++i) ordered.push_back(at(i));
    ring_ = std::move(ordered);
    capacity_ = capacity;
    head_ = 0;
    size_ = ring_.size();
}

const MetricsSample& SampleBuffer::at(std::size_t i) const {
    if (i >= size_) throw std::out_of_range("SampleBuffer::at: index out of range");
    return ring_[(head_ + i) % ring_.size()];
}

}  // namespace codescout::gui
