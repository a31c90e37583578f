// Searches files one at a time with the seed's hybrid strategy: below the small threshold a file
// is read whole with one read() into a reused buffer; up to the large threshold it is read in
// fixed chunks (lines crossing chunk ends are carried over); from the large threshold on it is
// mapped and scanned in windows. Each block read goes through the binary policy's check for the
// file before the scanner sees it (binary_policy.h). One FileSearcher per worker thread: it owns
// the buffers and the matcher scratch, so workers never share mutable state; everything about
// one file lives in a FileRun (file_run.h).
//
// System calls per walked file: openat (relative to the walked directory), fstat, one read()
// for a small file (its size is known, so no read() to find the end), close. Without
// ProcessingOptions::record_mtime (the CLI), a walked file on a local disk file system
// (walk/read_semantics.h) skips the fstat: the first read() asks for up to the small threshold,
// and a short answer is the whole file (FileRun::run_unsized) — openat, read, close.
//
// Such files, which the walk hands over a directory at a time (search.cpp), are opened together
// in batches of BatchOpener::kBatch, their first kBatchRead bytes read together, and closed
// together with the next batch: with io_uring that is two system calls per batch of 16
// (io/batch_opener.h), so a file smaller than kBatchRead costs an eighth of a call instead of
// three, a larger one a read() more (open_batch(), search_batched()). Where io_uring is refused
// the batch makes the same calls one by one.
//
// Inputs named explicitly may be streams (stdin, FIFOs such as `<(cmd)`, character devices):
// those are read in chunks until EOF through the buffered strategy.
#pragma once

#include <array>
#include <atomic>
#include <memory>
#include <span>
#include <string>

#include "core/io/batch_opener.h"
#include "core/io/read_buffer.h"
#include "core/match/matcher.h"
#include "core/metrics/memory_metrics.h"
#include "core/search/binary_policy.h"
#include "core/search/file_report.h"
#include "core/search/file_run.h"
#include "core/search/input_spec.h"
#include "core/search/multiline_scanner.h"
#include "core/search/scanner.h"
#include "core/search/search_options.h"
#include "core/search/search_result.h"

namespace codescout {

class FileSearcher {
public:
    // `stop` is polled between chunks/windows. All references must outlive this object.
    FileSearcher(const Matcher& matcher, const SearchOptions& options, const BinaryPolicy& binary_policy,
                 MemoryMetrics& metrics, const std::atomic<bool>& stop, ReadSizes sizes = {});

    // Searches `path` (or standard input) into `result`, which must be empty. A named input may
    // be anything (FIFO, device): its type is checked before opening.
    // `stream`: where its lines may stream instead (file_run.h).
    FileReport search(const std::string& path, const InputSpec& input, FileResult& result, StreamRequest stream = {});

    // Whether search() would open `input` without an fstat (a walked file whose short read means
    // its end, no mtime wanted): such files may be opened in a batch instead.
    bool opens_unsized(const InputSpec& input) const;
    // Whether this search's output depends on matching lines alone, so that a file may be read
    // only in the ranges a gate proved (InputSpec::ranges, line_ranges.h).
    bool can_search_ranges() const;
    // Opens up to BatchOpener::kBatch such files, names relative to `dir_fd`, and reads their
    // first kBatchRead bytes into buffers of their own, all at once; each must then go to
    // search_batched() or discard_batched() by its index in `names`.
    void open_batch(int dir_fd, std::span<const char* const> names);
    // Searches the k-th file of the last batch as search() would have, and hands its descriptor
    // back for closing with the next batch.
    FileReport search_batched(std::size_t k, const std::string& path, const InputSpec& input, FileResult& result,
                              StreamRequest stream = {});
    // Hands back the k-th file of the last batch unsearched (the search stopped).
    void discard_batched(std::size_t k);

    // What a batch reads of each file: the small-file threshold's default, so that 91% of the
    // Linux sources are read whole by it and the rest needs no second read before its fstat.
    // 16 of them cost 512 KiB per thread that reads in batches (set_batch_reads()).
    static constexpr std::size_t kBatchRead = 32 * 1024;

    // Off: batches only open files (and close them), each is read on its own. ThreadSearchers
    // turns it off for the threads a cold search adds while it waits for the disk: there the
    // calls saved do not count, the batches' buffers would (RSS).
    void set_batch_reads(bool allowed) { batch_reads_allowed_ = allowed; }

private:
    // What every search ends with: the report's buffer size (`small`: the buffer the small
    // strategy used), and buffers trimmed.
    void finish(FileReport& report, const FileResult& result, const ReadBuffer& small);
    // A matching file read whole (FileReport::whole): kept shared only if `fd` is still the
    // size that was read, with its mtime from an fstat now, after the read.
    static void share_whole(int fd, FileReport& report);
    // The open file `fd` in `ranges` only, if fstat shows the file they were proven for; else whole.
    FileReport search_ranges(int fd, const LineRanges& ranges, FileRun& run, FileResult& result, const std::string& path);
    // Whether a batch reads the files' starts (else it only opens them).
    bool batch_reads() const;
    void trim_buffers();

    const SearchOptions& options_;
    const BinaryPolicy& binary_policy_;
    const ReadSizes sizes_;
    MemoryMetrics& metrics_;
    const std::atomic<bool>& stop_;
    std::unique_ptr<MatchScratch> scratch_;
    FileScanner scanner_;
    // -U with a pattern that can match '\n' (newline_analysis.h): files are searched whole.
    std::unique_ptr<MultilineScanner> multiline_;
    ReadBuffer whole_buffer_;  // small strategy
    ReadBuffer chunk_buffer_;  // buffered strategy (and size-0 files, read until EOF)
    ReadBuffer decode_buffer_;  // raw bytes of files being decoded
    BatchOpener opener_;
    bool batch_reads_allowed_ = true;
    // The last batch: descriptors (or -errno), what the batch read of each (bytes or -errno; 0
    // when it read nothing), and where.
    std::array<int, BatchOpener::kBatch> batch_fds_ {};
    std::array<int, BatchOpener::kBatch> batch_read_ {};
    std::array<std::unique_ptr<ReadBuffer>, BatchOpener::kBatch> batch_buffers_;
};

}  // namespace codescout
