// SampleBuffer: fixed-capacity ring of metric samples.
#include "gui/memory/sample_buffer.h"

namespace codescout::gui {

SampleBuffer::SampleBuffer(std::size_t capacity) : ring_(capacity) {}

void SampleBuffer::push(const MetricsSample& sample) {
    ++total_pushed_;
    ring_.push(sample);
}

void SampleBuffer::clear() {
    ring_.clear();
    total_pushed_ = 0;
}

void SampleBuffer::setCapacity(std::size_t capacity) { ring_.setCapacity(capacity); }

}  // namespace codescout::gui
