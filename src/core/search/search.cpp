// Search: compiles the matcher, walks the roots in parallel and runs a FileSearcher per worker
// thread, streaming each file's results to the sink as soon as it is done (see search.h).
#include "core/search/search.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <exception>
#include <mutex>
#include <span>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/io/batch_opener.h"
#include "core/search/file_searcher.h"
#include "core/search/ordered_delivery.h"
#include "core/search/thread_searchers.h"
#include "core/walk/path_filters.h"
#include "core/walk/path_ordered_files.h"
#include "core/walk/walker.h"

namespace codescout {

namespace {

constexpr auto relaxed = std::memory_order_relaxed;

unsigned effective_threads(unsigned requested) {
    if (requested > 0) return requested;
    const unsigned hardware = std::thread::hardware_concurrency();
    return hardware > 0 ? hardware : 1;
}

// Automatic (threads 0): one thread per core to start with, more while reads wait for the disk
// (thread_growth.h). A count the user chose is kept as it is.
ThreadGrowth growth_for(unsigned requested) {
    ThreadGrowth growth;
    if (requested == 0) growth.max_threads = default_max_threads(effective_threads(0));
    return growth;
}

// ReportOptions::time_files: how long searching one file took (FileResult::elapsed). Off, it
// reads no clock.
class FileTimer {
public:
    explicit FileTimer(bool on) : on_(on), started_(on ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{}) {}
    void stamp(FileResult& result) const {
        if (on_) result.elapsed = std::chrono::steady_clock::now() - started_;
    }

private:
    bool on_;
    std::chrono::steady_clock::time_point started_;
};

// With SearchOptions::dash_is_stdin, a root "-" is standard input (as in ripgrep): the walker
// never sees it.
bool is_stdin_root(const std::filesystem::path& root) { return root == "-"; }

}  // namespace

struct Search::Impl {
    SearchOptions options;
    std::shared_ptr<MemoryMetrics> metrics;
    std::shared_ptr<PatternCache> cache;
    std::shared_ptr<const Matcher> matcher;
    std::shared_ptr<const BinaryPolicy> binary_policy;
    std::unique_ptr<Walker> walker;
    std::shared_ptr<const FileGate> gate;  // optional: skips walked files that cannot match
    std::shared_ptr<FileSource> source;    // optional: lists the directories it serves

    std::atomic<bool> stop{false};              // polled by the workers: cancel() or a sink said stop
    std::atomic<bool> cancel_requested{false};  // only cancel(): what summary.cancelled reports
    std::atomic<bool> started{false};
    std::size_t stdin_roots = 0;                // roots "-", searched before the walk
    bool walk_roots = false;                    // whether any other root is left for the walker

    // Live counters (progress) and the searcher's share of the summary.
    std::atomic<std::uint64_t> files_searched{0};
    std::atomic<std::uint64_t> files_matched{0};
    std::atomic<std::uint64_t> matched_lines{0};
    std::atomic<std::uint64_t> matches{0};
    std::atomic<std::uint64_t> bytes_searched{0};
    std::atomic<std::uint64_t> bytes_unread{0};  // of bytes_searched (FileReport::bytes_unread)
    std::atomic<std::uint64_t> binary{0};
    std::atomic<std::uint64_t> binary_files_matched{0};  // SearchSummary::binary_partial
    std::atomic<std::uint64_t> binary_matched_lines{0};
    std::atomic<std::uint64_t> binary_matches{0};
    std::atomic<std::uint64_t> binary_bytes_searched{0};
    std::atomic<std::uint64_t> too_large{0};
    std::atomic<std::uint64_t> errors{0};
    AllocationRecorder allocations;

    // The live counters, with the files a gate proved cannot match counted as the scan counts
    // them (file_gate.h): what progress() reports and the summary starts from.
    SearchProgress counted(const GateRejections& rejected) const {
        const std::uint64_t searched = bytes_searched.load(relaxed);
        return {files_searched.load(relaxed) + rejected.files_searched, files_matched.load(relaxed), matches.load(relaxed),
                searched + rejected.bytes_searched, searched - std::min(bytes_unread.load(relaxed), searched)};
    }
    GateRejections gate_rejections() const { return gate ? gate->counted_rejections() : GateRejections{}; }

    // SearchOptions::in_path_order: lists the files (walk and source), sorts them, searches them
    // on `threads` threads and hands them to `sink` in that order. Returns the source's counts.
    WalkCounters run_in_path_order(ThreadSearchers& searchers, ResultSink& sink);

    // The parts of a walked file the gate says can match (line_ranges.h), when this thread's
    // searcher can read a file in parts; null: read it whole.
    std::shared_ptr<const LineRanges> ranges_of(const FileSearcher& searcher, const WalkEntry& entry) const {
        return gate && searcher.can_search_ranges() ? gate->match_ranges(entry) : nullptr;
    }

    // Searches one file the source listed (it applied its own gate); false stops it.
    bool listed(ThreadSearchers& searchers, const WalkEntry& entry, ResultSink& sink) {
        InputSpec input{InputOrigin::Walked};
        const std::shared_ptr<const LineRanges> ranges = ranges_of(searchers.for_this_thread(), entry);
        input.ranges = ranges.get();
        return search_input(searchers, entry.path, input, sink);
    }
    // Searches one visited file; false stops the walk.
    bool visit(ThreadSearchers& searchers, const WalkEntry& entry, ResultSink& sink);
    // Searches the files of one directory in listing order, those that allow it opened in
    // batches (FileSearcher::open_batch); false stops the walk.
    bool visit_batch(ThreadSearchers& searchers, std::span<const WalkEntry> entries, ResultSink& sink);
    // Accounts for one searched input and passes its result on; false stops the search.
    bool settle(const FileReport& report, FileResult& result, ResultSink& sink);
    // Searches one input and accounts for it; false stops the search. Its lines may stream to
    // `sink` (ResultSink::open_stream()), after `turn` in path order.
    bool search_input(ThreadSearchers& searchers, const std::string& path, const InputSpec& input, ResultSink& sink,
                      TurnGate* turn = nullptr);
};

bool Search::Impl::visit(ThreadSearchers& searchers, const WalkEntry& entry, ResultSink& sink) {
    InputSpec input{entry.explicit_root ? InputOrigin::Named : InputOrigin::Walked};
    if (entry.dir_fd >= 0 && !input.named()) {
        input.dir_fd = entry.dir_fd;
        input.name = entry.path.c_str() + entry.name_offset;
        input.short_read_is_end = entry.short_read_is_end;
    }
    if (gate && !input.named() && !gate->may_match(entry)) return !stop.load(relaxed);
    const std::shared_ptr<const LineRanges> ranges = input.named() ? nullptr : ranges_of(searchers.for_this_thread(), entry);
    input.ranges = ranges.get();
    return search_input(searchers, entry.path, input, sink);
}

bool Search::Impl::visit_batch(ThreadSearchers& searchers, std::span<const WalkEntry> entries, ResultSink& sink) {
    constexpr std::size_t kBatch = BatchOpener::kBatch;
    FileSearcher& searcher = searchers.for_this_thread();
    std::array<InputSpec, kBatch> inputs;
    std::array<const char*, kBatch> names {};
    std::array<std::size_t, kBatch> index {};  // the entry each opened file belongs to
    // Entries the gate rejected, asked before opening anything (a gate may reject most files).
    std::vector<unsigned char> rejected(gate ? entries.size() : 0, 0);
    // Entries the gate let through with ranges to read (line_ranges.h): searched on their own.
    std::vector<std::shared_ptr<const LineRanges>> ranged(gate ? entries.size() : 0);
    std::size_t next = 0;
    while (next < entries.size()) {
        if (stop.load(relaxed)) return false;
        // The next run of entries holding up to kBatch files to open together, in order; the
        // others are searched one by one between them, as visit() would.
        int dir_fd = -1;
        std::size_t count = 0;
        std::size_t end = next;
        for (; end < entries.size() && count < kBatch; ++end) {
            const WalkEntry& entry = entries[end];
            if (entry.explicit_root || entry.dir_fd < 0 || (dir_fd >= 0 && entry.dir_fd != dir_fd)) continue;
            InputSpec input{InputOrigin::Walked, entry.dir_fd, entry.path.c_str() + entry.name_offset,
                            entry.short_read_is_end};
            if (!searcher.opens_unsized(input)) continue;
            if (gate && !gate->may_match(entry)) {
                rejected[end] = 1;
                continue;
            }
            if (gate && (ranged[end] = ranges_of(searcher, entry)) != nullptr) continue;  // `ranged` is empty without one
            dir_fd = entry.dir_fd;
            inputs[count] = input;
            names[count] = input.name;
            index[count++] = end;
        }
        searcher.open_batch(dir_fd, std::span(names.data(), count));
        std::size_t taken = 0;  // opened files searched or handed back so far
        // Whatever stops this batch early (a sink saying stop, an exception), the rest goes back.
        struct Discard {
            FileSearcher& searcher;
            const std::size_t& taken;
            std::size_t count;
            ~Discard() {
                for (std::size_t k = taken; k < count; ++k) searcher.discard_batched(k);
            }
        } const discard{searcher, taken, count};
        for (; next < end; ++next) {
            const WalkEntry& entry = entries[next];
            if (gate && rejected[next] != 0) {
                if (stop.load(relaxed)) return false;
            } else if (gate && ranged[next] != nullptr) {
                InputSpec input{InputOrigin::Walked, entry.dir_fd, entry.path.c_str() + entry.name_offset,
                                entry.short_read_is_end};
                input.ranges = ranged[next].get();
                if (!search_input(searchers, entry.path, input, sink)) return false;
            } else if (taken < count && index[taken] == next) {
                const std::size_t k = taken++;
                if (stop.load(relaxed)) {
                    searcher.discard_batched(k);
                    return false;
                }
                FileResult result;
                const FileTimer timer(options.report.time_files);
                const FileReport report = searcher.search_batched(k, entry.path, inputs[k], result, StreamRequest{&sink});
                timer.stamp(result);
                if (!settle(report, result, sink)) return false;
            } else if (!visit(searchers, entry, sink)) {
                return false;
            }
        }
    }
    return !stop.load(relaxed);
}

bool Search::Impl::search_input(ThreadSearchers& searchers, const std::string& path, const InputSpec& input,
                                ResultSink& sink, TurnGate* turn) {
    if (stop.load(relaxed)) return false;
    FileResult result;
    const FileTimer timer(options.report.time_files);
    const FileReport report = searchers.for_this_thread().search(path, input, result, StreamRequest{&sink, turn});
    timer.stamp(result);
    return settle(report, result, sink);
}

namespace {

// The bytes a searched file adds to the summary: up to where the policy counts its search as
// stopped (FileResult::searched_size()), which may be before or after where our reads stopped.
std::uint64_t counted_bytes(const FileReport& report, const FileResult& result) {
    if (result.searched_size() == result.size) return report.bytes_searched;
    return result.searched_size();
}

}  // namespace

bool Search::Impl::settle(const FileReport& report, FileResult& result, ResultSink& sink) {
    if (report.outcome == FileOutcome::NoMatch || report.outcome == FileOutcome::Matched) {
        allocations.record(result.path, result.strategy, report.bytes_searched, report.buffer_bytes);
    }
    switch (report.outcome) {
    case FileOutcome::NoMatch:
        files_searched.fetch_add(1, relaxed);
        bytes_searched.fetch_add(counted_bytes(report, result), relaxed);
        bytes_unread.fetch_add(report.bytes_unread, relaxed);
        if (options.report.report_unmatched && !sink.on_file(std::move(result))) {
            stop.store(true, relaxed);
            return false;
        }
        break;
    case FileOutcome::Matched:
        files_searched.fetch_add(1, relaxed);
        bytes_searched.fetch_add(counted_bytes(report, result), relaxed);
        bytes_unread.fetch_add(report.bytes_unread, relaxed);
        files_matched.fetch_add(1, relaxed);
        matched_lines.fetch_add(result.matched_lines, relaxed);
        matches.fetch_add(result.matches, relaxed);
        if (!(report.whole ? sink.on_file_read_whole(std::move(result), report.whole_bytes, report.whole_mtime_ns)
                           : sink.on_file(std::move(result)))) {
            stop.store(true, relaxed);
            return false;
        }
        break;
    case FileOutcome::Binary:
        binary.fetch_add(1, relaxed);
        binary_files_matched.fetch_add(report.binary_partial.files_matched, relaxed);
        binary_matched_lines.fetch_add(report.binary_partial.matched_lines, relaxed);
        binary_matches.fetch_add(report.binary_partial.matches, relaxed);
        binary_bytes_searched.fetch_add(report.binary_partial.bytes_searched, relaxed);
        break;
    case FileOutcome::TooLarge:
        too_large.fetch_add(1, relaxed);
        break;
    case FileOutcome::Error:
        errors.fetch_add(1, relaxed);
        sink.on_error(SearchError{result.path, report.error});
        break;
    case FileOutcome::Stopped:
        return false;
    }
    return !stop.load(relaxed);
}

namespace {

// Catches one file's output for OrderedDelivery instead of passing it on. A stream for its lines
// comes from the sink downstream and waits for the file's turn before it prints.
class FileOutputCatcher final : public ResultSink {
public:
    FileOutputCatcher(ResultSink& downstream, OrderedDelivery& delivery, std::size_t index, const std::atomic<bool>& stop)
        : downstream_(downstream), turn_(delivery, index, stop) {}

    bool on_file(FileResult&& result) override {
        output.result = std::move(result);
        return true;
    }
    void on_error(const SearchError& error) override { output.errors.push_back(error); }
    std::shared_ptr<LineStream> open_stream(const std::string& path, TurnGate*) override {
        return downstream_.open_stream(path, &turn_);
    }
    FileOutput output;

private:
    class Turn final : public TurnGate {
    public:
        Turn(OrderedDelivery& delivery, std::size_t index, const std::atomic<bool>& stop)
            : delivery_(delivery), index_(index), stop_(stop) {}
        bool wait_for_turn() override { return delivery_.wait_for_turn(index_, stop_); }

    private:
        OrderedDelivery& delivery_;
        std::size_t index_;
        const std::atomic<bool>& stop_;
    };
    ResultSink& downstream_;
    Turn turn_;
};

// How far searching may run ahead of printing in path order: enough files for every thread to
// stay busy past one slow file, and results waiting up to this many bytes.
constexpr std::size_t kFilesAheadPerThread = 64;
// (4 MiB: the window counts the streamed files' held blocks too, and those blocks go back to the
// printer's pool for the next files, so the window is also about what stays allocated.)
constexpr std::uint64_t kMaxWaitingBytes = 4ull << 20;

}  // namespace

WalkCounters Search::Impl::run_in_path_order(ThreadSearchers& searchers, ResultSink& sink) {
    // Standard input sorts where its "-" stands among the roots, under the name it is shown by.
    std::vector<std::string> roots;
    std::vector<std::size_t> standard_inputs;
    for (const std::filesystem::path& root : options.walk.roots) {
        const bool standard_input = options.dash_is_stdin && is_stdin_root(root);
        if (standard_input) standard_inputs.push_back(roots.size());
        roots.push_back(standard_input ? kStdinDisplayName : root.string());
    }
    PathOrderedFiles files(std::move(roots));
    for (const std::size_t root : standard_inputs) files.add_standard_input(root);
    const auto keep = [&](const WalkEntry& entry) {
        files.add_walked(entry);
        return !stop.load(relaxed);
    };
    const unsigned threads = effective_threads(options.threads);
    WalkCounters listed;
    if (walk_roots) {
        walker->run(
            [&](const WalkEntry& entry) { return (gate && !entry.explicit_root && !gate->may_match(entry)) || keep(entry); },
            [&](const SearchError& error) { sink.on_error(error); }, stop);
        if (source && !stop.load(relaxed)) listed = source->list(keep, threads, stop);
    }
    files.sort();

    OrderedDelivery delivery(sink, files.size(), kFilesAheadPerThread * threads, kMaxWaitingBytes);
    std::mutex standard_input_mutex;  // rg reads "-" once; a second "-" finds it empty, not half of it
    std::mutex failure_mutex;
    std::exception_ptr failure;  // the first exception of any thread, rethrown here as the walker does
    const auto search_in_turn = [&] {
        try {
            while (const std::optional<std::size_t> index = delivery.claim(stop)) {
                FileOutputCatcher catcher(sink, delivery, *index, stop);
                if (files.standard_input(*index)) {
                    std::lock_guard lock(standard_input_mutex);
                    search_input(searchers, "-", InputSpec{InputOrigin::Stdin}, catcher);
                } else {
                    const bool named = files.explicit_root(*index);
                    InputSpec input{named ? InputOrigin::Named : InputOrigin::Walked};
                    input.short_read_is_end = files.short_read_is_end(*index) && !named;
                    search_input(searchers, files.path(*index), input, catcher);
                }
                if (!delivery.complete(*index, std::move(catcher.output))) stop.store(true, relaxed);
            }
        } catch (...) {
            {
                std::lock_guard lock(failure_mutex);
                if (!failure) failure = std::current_exception();
            }
            stop.store(true, relaxed);  // threads waiting for the failed file's turn give up
        }
    };
    {
        std::vector<std::jthread> helpers;
        for (unsigned i = 1; i < threads && i < files.size(); ++i) helpers.emplace_back(search_in_turn);
        search_in_turn();
    }
    if (failure) std::rethrow_exception(failure);
    return listed;
}

Search::Search(SearchOptions options, std::shared_ptr<MemoryMetrics> metrics, std::shared_ptr<PatternCache> cache,
               std::shared_ptr<const BinaryPolicy> binary_policy)
    : impl_(std::make_unique<Impl>()) {
    if (options.processing.small_file_threshold > options.processing.large_file_threshold) {
        throw std::invalid_argument("the small file threshold (" +
                                    std::to_string(options.processing.small_file_threshold) +
                                    ") must not be above the large file threshold (" +
                                    std::to_string(options.processing.large_file_threshold) + ")");
    }
    impl_->options = std::move(options);
    impl_->metrics = metrics ? std::move(metrics) : std::make_shared<MemoryMetrics>();
    impl_->cache = cache ? std::move(cache) : std::make_shared<PatternCache>();
    impl_->matcher = impl_->cache->get(impl_->options.pattern, *impl_->metrics);
    // The walker compiles its filters when it runs; compile them once here too so that an
    // invalid glob fails now, before run() and before any file is touched.
    const PathFilters validated_filters(impl_->options.walk);
    WalkOptions walk = impl_->options.walk;
    if (impl_->options.dash_is_stdin) std::erase_if(walk.roots, is_stdin_root);
    // Only worth its fstatfs per directory when the files need no fstat of their own.
    walk.check_read_semantics = !impl_->options.processing.record_mtime;
    impl_->stdin_roots = impl_->options.walk.roots.size() - walk.roots.size();
    impl_->walk_roots = !walk.roots.empty();
    impl_->binary_policy = binary_policy ? std::move(binary_policy) : default_binary_policy();
    impl_->walker = std::make_unique<Walker>(std::move(walk), effective_threads(impl_->options.threads),
                                             growth_for(impl_->options.threads));
}

Search::~Search() = default;

void Search::set_file_gate(std::shared_ptr<const FileGate> gate) {
    if (impl_->started.load()) throw std::logic_error("Search::set_file_gate called after run");
    impl_->gate = std::move(gate);
}

void Search::set_file_source(std::shared_ptr<FileSource> source) {
    if (impl_->started.load()) throw std::logic_error("Search::set_file_source called after run");
    impl_->source = std::move(source);
    impl_->walker->set_oracle(impl_->source ? impl_->source->oracle() : nullptr);
}

SearchSummary Search::run(ResultSink& sink) {
    Impl& impl = *impl_;
    if (impl.started.exchange(true)) throw std::logic_error("Search::run called twice");
    const auto start = std::chrono::steady_clock::now();
    MemoryMetrics& metrics = *impl.metrics;
    metrics.reset_search_counters();
    metrics.set_thresholds(impl.options.processing.small_file_threshold,
                           impl.options.processing.large_file_threshold);

    std::optional<MemoryAttribution> memory;
    WalkCounters listed;  // the source's share of what the walk skips
    {
        // Scoped: the workers' buffers are freed (and recorded) before the final snapshot.
        ThreadSearchers searchers(*impl.matcher, impl.options, *impl.binary_policy, metrics, impl.stop);
        if (impl.options.in_path_order) {
            listed = impl.run_in_path_order(searchers, sink);
        } else {
            // Standard input first, on this thread (rg searches "-" again as empty once it is read).
            for (std::size_t i = 0; i < impl.stdin_roots && !impl.stop.load(relaxed); ++i) {
                impl.search_input(searchers, "-", InputSpec{InputOrigin::Stdin}, sink);
            }
        }
        if (impl.walk_roots && !impl.options.in_path_order) {
            impl.walker->run_batched(
                [&](std::span<const WalkEntry> entries) { return impl.visit_batch(searchers, entries, sink); },
                [&](const SearchError& error) { sink.on_error(error); }, impl.stop);
            if (impl.source && !impl.stop.load(relaxed)) {
                listed = impl.source->list([&](const WalkEntry& entry) { return impl.listed(searchers, entry, sink); },
                                           effective_threads(impl.options.threads), impl.stop);
            }
        }
        // Before the pool goes: its buffers are part of what this search cost.
        if (impl.options.attribute_memory) memory = measure_memory_attribution();
    }

    SearchSummary summary;
    const GateRejections rejected = impl.gate_rejections();
    const SearchProgress counted = impl.counted(rejected);
    summary.files_searched = counted.files_searched;
    summary.files_matched = counted.files_matched;
    summary.matched_lines = impl.matched_lines.load(relaxed);
    summary.matches = counted.matches;
    summary.bytes_searched = counted.bytes_searched;
    summary.bytes_read = counted.bytes_read;
    const WalkCounters walked = impl.walker->counters();
    summary.skipped.ignored = walked.ignored + listed.ignored;
    summary.skipped.hidden = walked.hidden + listed.hidden;
    summary.skipped.special = walked.special + listed.special;
    summary.skipped.binary = impl.binary.load(relaxed);
    summary.binary_partial = {impl.binary_files_matched.load(relaxed), impl.binary_matched_lines.load(relaxed),
                              impl.binary_matches.load(relaxed), impl.binary_bytes_searched.load(relaxed)};
    summary.skipped.too_large = impl.too_large.load(relaxed) + rejected.too_large;
    summary.skipped.errors = walked.errors + listed.errors + impl.errors.load(relaxed);
    summary.cancelled = impl.cancel_requested.load(relaxed);
    summary.elapsed = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start);
    summary.metrics = metrics.snapshot(true);
    summary.allocations = impl.allocations.detail();
    summary.memory = std::move(memory);
    return summary;
}

void Search::cancel() {
    impl_->cancel_requested.store(true, relaxed);
    impl_->stop.store(true, relaxed);
}

bool Search::cancelled() const { return impl_->cancel_requested.load(relaxed); }

SearchProgress Search::progress() const {
    return impl_->counted(impl_->gate_rejections());
}

const std::shared_ptr<MemoryMetrics>& Search::metrics() const { return impl_->metrics; }

const SearchOptions& Search::options() const { return impl_->options; }

}  // namespace codescout
