// One file's search: reads its bytes in blocks with the strategy its size selects, shows each
// block to the file's BinaryCheck (binary_policy.h), scans what the check lets through, and
// settles the result. Everything that belongs to one file lives in a FileRun and dies with it;
// what outlives files (buffers, scanner, matcher scratch) belongs to the FileSearcher, which lends
// it as SearchTools.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "core/io/read_buffer.h"
#include "core/metrics/memory_metrics.h"
#include "core/encoding/decoding_plan.h"
#include "core/search/binary_policy.h"
#include "core/search/decoded_source.h"
#include "core/search/file_report.h"
#include "core/search/line_ranges.h"
#include "core/search/multiline_scanner.h"
#include "core/search/scanner.h"
#include "core/search/search_options.h"

namespace codescout {

class MappedFile;

// What a FileSearcher lends each FileRun.
struct SearchTools {
    const SearchOptions& options;
    const ReadSizes& sizes;
    MemoryMetrics& metrics;
    const std::atomic<bool>& stop;
    FileScanner& scanner;
    ReadBuffer& whole_buffer;  // small strategy
    ReadBuffer& chunk_buffer;  // buffered strategy (and size-0 files, read until EOF)
    ReadBuffer& decode_buffer;  // raw bytes of a file being decoded (decoded_source.h)
    // Set for a multi-line search (-U with a pattern that can match '\n'): each file's whole
    // text is read (or mapped) first and scanned at once.
    MultilineScanner* multiline = nullptr;
};

// run_unsized()'s first read: how much of a file it asks for (the small-file threshold, at most
// 1 MiB). A file that fills it is fstat'ed for its size.
std::size_t unsized_probe(const ProcessingOptions& processing);

// Where a file's lines may stream (ResultSink::open_stream()): the sink, and the gate for path
// order. Empty: collected.
struct StreamRequest {
    ResultSink* sink = nullptr;
    TurnGate* turn = nullptr;
};

class FileRun {
public:
    // `stream`: the lines go to a stream when the check allows it (BinaryCheck::lines_may_stream())
    // and the search reads line by line.
    FileRun(SearchTools tools, const BinaryPolicy& policy, const InputSpec& input, FileResult& result,
            StreamRequest stream = {});

    // Searches the open file `fd` (`size` from fstat; `stream`: no size, read until EOF).
    FileReport run(int fd, std::uint64_t size, bool stream, const std::string& path);

    // Searches the open file `fd`, a walked one opened without fstat, on a file system where a
    // short read means the end (InputSpec::short_read_is_end). The first read, up to the
    // small-file threshold (at most 1 MiB), finds a smaller file's size: it came back short, the
    // file is read whole and no fstat is needed. A file that fills it is fstat'ed then, and read
    // on with the strategy its size selects (the bytes already read are not read again, except
    // by a mapping). A read that fails or finds nothing is checked with fstat: what was opened
    // may not be a regular file any more (a FIFO or a directory swapped in since the listing).
    FileReport run_unsized(int fd, const std::string& path);

    // Searches the open file `fd`, a walked one whose first `already` bytes a read that came back
    // full put at the front of the whole-file buffer (the file position just after them): its
    // size comes from fstat, and it is read on with the strategy that size selects (as
    // run_unsized() goes on after a full first read). Not for a multi-line search.
    FileReport run_after_head(int fd, std::size_t already, const std::string& path);

    // Searches the open file `fd`, a walked one whose every byte, `size` of them, a short read
    // already put at the front of the whole-file buffer (on a file system where a short read
    // means the end, as for run_unsized()).
    FileReport run_read(int fd, std::size_t size, const std::string& path);

    // Searches the open file `fd`, proven to be the one `ranges` were made for (line_ranges.h),
    // in those ranges only: each read at its offset and scanned with its first line's number, so
    // the lines, numbers, offsets and counts are the whole file's. Counted as the whole file
    // (its size searched, its strategy). A NUL met in a range (not the file the index read)
    // makes it read the whole file instead. Not for a multi-line search or context lines.
    FileReport run_ranges(int fd, const LineRanges& ranges, const std::string& path);

private:
    // The strategy's read and scan of a file of `size` (see run()), then the verdict.
    FileReport read_and_settle(int fd, std::uint64_t size, bool stream, const std::string& path);
    // The verdict on a file read: binary, matched or not; results dropped unless it matched.
    FileReport settle(FileReport report, bool stream);
    // run_ranges()'s reads and scans; `whole` set when the file must be read whole instead.
    FileReport read_ranges(int fd, const LineRanges& ranges, bool& whole);
    FileReport read_whole(int fd, std::uint64_t size);
    FileReport read_chunked(int fd, std::uint64_t size);
    // Reads `source` in chunks, lines crossing chunk ends carried over. `sniff`: the first chunk
    // may start with a BOM or the file may need decoding (decoding_plan.h); then the rest goes
    // through a DecodingSource.
    FileReport read_stream(ByteSource& source, bool sniff);
    // The decoding plan for a file that starts with `head`; tells the check when there is one.
    std::optional<DecodingPlan> plan_for(std::string_view head);
    FileReport read_mapped(int fd, std::uint64_t size, const std::string& path);
    // A multi-line search: the whole text, mapped when the strategy says so and no decoding is
    // needed, else read (and decoded) into memory up to ProcessingOptions::multiline_max_bytes.
    FileReport read_whole_text(int fd, std::uint64_t size, bool stream, const std::string& path);
    // Reads `source` to its end into `buffer`; false (with `report` set) past the limit or on a
    // read error. `filled`: bytes read.
    bool read_all(ByteSource& source, ReadBuffer& buffer, std::size_t& filled, FileReport& report);
    // Shows the whole text to the check, scans what it lets through.
    void scan_whole_text(std::string_view text);
    // Scans a mapped file window by window. A file that shrinks under the mapping is read as
    // zeros from the lost page on (io/sigbus_guard.h); read_mapped() then discards the scan.
    void scan_windows(MappedFile& mapping, FileReport& report);
    // Shows a block we may change to the check; converts its NULs when the check says so.
    BlockVerdict inspect(char* data, std::size_t size, std::uint64_t offset);
    // The scanner finished early: shows the check the bytes it still wants, unscanned.
    void look_ahead(ByteSource& source, std::uint64_t offset);
    ScanEnd scan_end() const;
    // Starts the scanner on the file (streaming when allowed).
    void start_scanner();
    // Tells the stream, if any, which lines the check will not take back any more.
    void release_final_lines();
    // Starts over with a fresh check and no results (a mapped file whose NULs must be converted).
    void restart();

    SearchTools tools_;
    const BinaryPolicy& policy_;
    const InputSpec input_;
    FileResult& result_;
    std::unique_ptr<BinaryCheck> check_;
    StreamRequest stream_;  // empty unless the file's lines may stream
    bool stopped_by_check_ = false;  // a StopAt verdict ended the scan
    // The mapping cannot serve this file: ConvertNuls met in read-only mapped bytes, or its text
    // must be decoded. It is read again, buffered.
    bool reread_buffered_ = false;
    // run_unsized(): the file's first head_ bytes, already read into the whole-file buffer; the
    // file position is just after them.
    std::size_t head_ = 0;
};

}  // namespace codescout
