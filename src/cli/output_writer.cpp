// Buffered, thread-safe standard output (see output_writer.h).
#include "cli/output_writer.h"

#include <cerrno>

#include <unistd.h>

namespace codescout::cli {

OutputWriter::OutputWriter(int fd, std::size_t buffer_size) : fd_(fd), capacity_(buffer_size) {
    buffer_.reserve(capacity_);
}

OutputWriter::~OutputWriter() { flush(); }

bool OutputWriter::write_block(std::string_view block, std::string_view separator) {
    if (block.empty()) return !closed();
    FileParts parts(*this, separator);
    return parts.write(block);
}

OutputWriter::FileParts::FileParts(OutputWriter& writer, std::string_view separator)
    : writer_(writer), separator_(separator) {
    writer_.acquire();
}

OutputWriter::FileParts::FileParts(OutputWriter& writer, std::string_view separator, std::try_to_lock_t)
    : writer_(writer), separator_(separator), held_(writer.try_acquire()) {}

OutputWriter::FileParts::~FileParts() {
    if (held_) writer_.release();
}

bool OutputWriter::try_acquire() {
    std::lock_guard lock(mutex_);
    if (held_) return false;
    held_ = true;
    return true;
}

void OutputWriter::acquire() {
    std::unique_lock lock(mutex_);
    released_.wait(lock, [this] { return !held_; });
    held_ = true;
}

void OutputWriter::release() {
    {
        std::lock_guard lock(mutex_);
        held_ = false;
    }
    released_.notify_one();
}

bool OutputWriter::FileParts::write(std::string_view part) {
    if (part.empty()) return !writer_.closed();
    if (writer_.closed() || writer_.error() != 0) return false;
    if (!started_) {
        started_ = true;
        if (!separator_.empty() && writer_.printed_any_ && !writer_.append_locked(separator_)) return false;
        writer_.printed_any_ = true;
    }
    return writer_.append_locked(part);
}

bool OutputWriter::flush() {
    acquire();
    bool ok = !closed() && error() == 0;
    if (ok) ok = write_all_locked(buffer_);
    buffer_.clear();
    release();
    return ok;
}

bool OutputWriter::append_locked(std::string_view data) {
    bytes_.fetch_add(data.size(), std::memory_order_relaxed);
    if (buffer_.size() + data.size() <= capacity_) {
        buffer_.append(data);
        return true;
    }
    if (!write_all_locked(buffer_)) return false;
    buffer_.clear();
    // A block larger than the whole buffer goes out directly instead of being copied first.
    if (data.size() >= capacity_) return write_all_locked(data);
    buffer_.append(data);
    return true;
}

bool OutputWriter::write_all_locked(std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::write(fd_, data.data(), data.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == EPIPE) closed_.store(true, std::memory_order_relaxed);
            else error_.store(errno, std::memory_order_relaxed);
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

}  // namespace codescout::cli
