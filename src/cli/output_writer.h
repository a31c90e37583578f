// The one writer of standard output: a large buffer in front of write(2), shared by the worker
// threads. Each file's output arrives as one block, or in parts through a FileParts that holds
// the writer meanwhile, and is appended while held, so files never interleave. The writer is
// held as a token, not as a locked mutex: a file streamed in parts may be finished by another
// thread than the one that began it (path order, core/search/ordered_delivery.h). A closed pipe (EPIPE) turns the writer "closed": later writes are dropped and the
// printers tell the search to stop.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

namespace codescout::cli {

class OutputWriter {
public:
    static constexpr std::size_t kDefaultBufferSize = 256 * 1024;

    explicit OutputWriter(int fd, std::size_t buffer_size = kDefaultBufferSize);
    ~OutputWriter();  // flushes
    OutputWriter(const OutputWriter&) = delete;
    OutputWriter& operator=(const OutputWriter&) = delete;

    // Appends `block` atomically. When an earlier non-empty block was written, `separator` goes
    // first (ripgrep's file separator: "--\n" with context, "\n" with headings). Empty blocks
    // are ignored. Returns false once the output is closed.
    bool write_block(std::string_view block, std::string_view separator = {});

    // One file's output written in parts (a file with very many lines, formatted or found a part
    // at a time): the writer stays held from construction to destruction, so no other block
    // comes between the parts; other threads wait to write meanwhile. `separator` as in
    // write_block(), before the first non-empty part. May be destroyed on another thread.
    class FileParts {
    public:
        FileParts(OutputWriter& writer, std::string_view separator);
        // Holds the writer only if no one else does (held() says whether it does).
        FileParts(OutputWriter& writer, std::string_view separator, std::try_to_lock_t);
        ~FileParts();
        bool held() const { return held_; }
        FileParts(const FileParts&) = delete;
        FileParts& operator=(const FileParts&) = delete;
        bool write(std::string_view part);  // false once the output is closed

    private:
        OutputWriter& writer_;
        std::string_view separator_;
        bool held_ = true;
        bool started_ = false;
    };

    // Writes the buffer out. Returns false once the output is closed or failed.
    bool flush();

    // The reader went away (EPIPE): stop quietly.
    bool closed() const { return closed_.load(std::memory_order_relaxed); }
    // Another write error (disk full, ...): errno value, 0 if none.
    int error() const { return error_.load(std::memory_order_relaxed); }
    // Bytes accepted so far (rg's "bytes printed").
    std::uint64_t bytes_written() const { return bytes_.load(std::memory_order_relaxed); }

private:
    // Waits until no one holds the writer, then holds it; release() lets the next one in.
    void acquire();
    bool try_acquire();
    void release();
    bool append_locked(std::string_view data);
    bool write_all_locked(std::string_view data);

    int fd_;
    std::size_t capacity_;
    std::mutex mutex_;  // guards held_
    std::condition_variable released_;
    bool held_ = false;
    // Touched only by whoever holds the writer.
    std::string buffer_;
    bool printed_any_ = false;
    std::atomic<bool> closed_{false};
    std::atomic<int> error_{0};
    std::atomic<std::uint64_t> bytes_{0};
};

}  // namespace codescout::cli
