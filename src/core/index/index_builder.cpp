// See index_builder.h. Three phases: walk (collect relative paths, sort them: a file's id is its
// rank in path order), read (threads take files by id, collect trigrams, hand them to the
// PostingRuns), merge (runs into posting lists, streamed into the IndexFileWriter).
#include "core/index/index_builder.h"

#include <algorithm>
#include <cstdlib>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <mutex>
#include <span>
#include <stdexcept>
#include <thread>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include "core/index/background_priority.h"
#include "core/index/index_file_writer.h"
#include "core/index/index_format.h"
#include "core/index/index_location.h"
#include "core/index/index_reader.h"
#include "core/index/posting_runs.h"
#include "core/index/trigram_collector.h"
#include "core/index/walk_record.h"
#include "core/index/walk_settings.h"
#include "core/io/open_file.h"
#include "core/metrics/attributed_bytes.h"
#include "core/walk/git_config.h"
#include "core/walk/walker.h"

namespace codescout {

namespace fmt = index_format;

namespace {

constexpr auto relaxed = std::memory_order_relaxed;
constexpr std::size_t kReadChunk = 1 << 20;

std::atomic<IndexBuilder::FileHook> g_file_hook{nullptr};

std::int64_t to_ns(const timespec& t) { return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; }

std::int64_t now_realtime_ns() {
    timespec t {};
    ::clock_gettime(CLOCK_REALTIME, &t);
    return to_ns(t);
}

bool same_file_state(const struct stat& a, const struct stat& b) {
    return a.st_size == b.st_size && to_ns(a.st_mtim) == to_ns(b.st_mtim) && to_ns(a.st_ctim) == to_ns(b.st_ctim) &&
           a.st_ino == b.st_ino && a.st_dev == b.st_dev;
}

unsigned effective_threads(unsigned requested) {
    if (requested > 0) return requested;
    const unsigned hardware = std::thread::hardware_concurrency();
    return hardware > 0 ? hardware : 1;
}

// A byte order mark: a UTF-16/32 file's text is not its bytes; a UTF-8 file's text is its bytes
// after the mark, which the searcher strips and does not count in the bytes searched, so that a
// search skipping the file could not count it as the scan does (IndexGate::counted_rejections()).
bool has_bom(std::string_view head) {
    return head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF") || head.starts_with("\xEF\xBB\xBF") ||
           head.starts_with(std::string_view("\x00\x00\xFE\xFF", 4));
}

}  // namespace

struct IndexBuilder::State {
    std::atomic<bool> cancelled{false};
    std::atomic<int> phase{static_cast<int>(IndexBuildPhase::Waiting)};
    std::atomic<std::uint64_t> files_total{0};
    std::atomic<std::uint64_t> files_done{0};
    std::atomic<std::uint64_t> bytes_done{0};
    std::atomic<std::uint64_t> trigrams_total{0};
    std::atomic<std::uint64_t> trigrams_merged{0};
    std::atomic<bool> started{false};
};

IndexBuilder::IndexBuilder(IndexBuildOptions options) : options_(std::move(options)), state_(std::make_unique<State>()) {}

IndexBuilder::~IndexBuilder() = default;

void IndexBuilder::cancel() { state_->cancelled.store(true, relaxed); }

void IndexBuilder::set_file_hook(FileHook hook) { g_file_hook.store(hook); }

IndexBuildProgress IndexBuilder::progress() const {
    IndexBuildProgress p;
    p.phase = static_cast<IndexBuildPhase>(state_->phase.load(relaxed));
    p.files_total = state_->files_total.load(relaxed);
    p.files_done = state_->files_done.load(relaxed);
    p.bytes_done = state_->bytes_done.load(relaxed);
    switch (p.phase) {
    case IndexBuildPhase::Waiting: p.fraction = 0; break;
    case IndexBuildPhase::Walking: p.fraction = 0.02; break;
    case IndexBuildPhase::Reading:
        p.fraction = 0.05 + 0.75 * (p.files_total > 0 ? static_cast<double>(p.files_done) / p.files_total : 1.0);
        break;
    case IndexBuildPhase::Merging: {
        // Merging walks trigrams in order; their share of all is a fair proxy of the work done.
        const double merged = static_cast<double>(state_->trigrams_merged.load(relaxed)) / (1 << 24);
        p.fraction = 0.8 + 0.2 * std::min(1.0, merged);
        break;
    }
    case IndexBuildPhase::Done: p.fraction = 1; break;
    }
    return p;
}

IndexBuildResult IndexBuilder::run() {
    State& st = *state_;
    IndexBuildResult result;
    if (st.started.exchange(true)) {
        result.error = "IndexBuilder::run called twice";
        return result;
    }
    const auto started = std::chrono::steady_clock::now();
    const std::int64_t build_start_ns = now_realtime_ns();
    const auto finish = [&](IndexBuildResult& r) -> IndexBuildResult& {
        r.elapsed = std::chrono::steady_clock::now() - started;
        st.phase.store(static_cast<int>(IndexBuildPhase::Done), relaxed);
        return r;
    };
    if (options_.background) lower_this_thread_priority();
    try {
        result.root = canonical_root(options_.root);
        const std::filesystem::path directory =
            options_.index_directory.empty() ? default_index_directory() : options_.index_directory;
        std::error_code ec;
        std::filesystem::create_directories(directory, ec);
        if (ec) throw std::runtime_error("cannot create the index directory " + directory.string() + ": " + ec.message());
        result.index_file = index_file_for(directory, result.root);
        IndexLock lock(result.index_file);
        if (!lock.acquired()) {
            throw std::runtime_error("another CodeScout process is building the index of " + result.root);
        }
        IndexFileWriter::remove_leftovers(result.index_file);

        // Walk with the scan's walker and rules.
        st.phase.store(static_cast<int>(IndexBuildPhase::Walking), relaxed);
        const unsigned threads = effective_threads(options_.threads);
        WalkOptions walk = options_.walk;
        walk.roots = {result.root};
        const std::size_t rel_begin = result.root == "/" ? 1 : result.root.size() + 1;
        std::vector<std::string> paths;
        std::mutex paths_mutex;
        // The path list and (below) the file records, in the attribution's "index_build".
        AttributedBytes tables_memory{EngineComponent::IndexBuild};
        std::uint64_t path_text_bytes = 0;  // under paths_mutex
        // How the walk came to its files, for searches that replay it (walk_record.h). The
        // environment that decides which excludes file applies is taken before the walk reads it.
        const char* home = std::getenv("HOME");
        const std::string home_seen = home != nullptr ? home : "";
        const std::string excludes_seen = walk.respect_ignore_files ? user_excludes_file() : std::string();
        WalkRecord walk_record(result.root, options_.racy_window);
        {
            Walker walker(walk, threads);
            walker.set_observer(&walk_record);
            const bool background = options_.background;
            walker.run(
                [&](const WalkEntry& entry) {
                    if (background) {
                        thread_local bool lowered = false;
                        if (!lowered) lower_this_thread_priority();
                        lowered = true;
                    }
                    if (entry.path.size() <= rel_begin) return true;
                    std::lock_guard guard(paths_mutex);
                    paths.push_back(entry.path.substr(rel_begin));
                    path_text_bytes += string_heap_bytes(paths.back());
                    tables_memory.set(paths.capacity() * sizeof(std::string) + path_text_bytes);
                    return true;
                },
                [&](const PathError&) { walk_record.walk_problem(); }, st.cancelled);
        }
        if (st.cancelled.load()) {
            result.cancelled = true;
            return finish(result);
        }
        std::sort(paths.begin(), paths.end());
        paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
        if (paths.size() >= UINT32_MAX) throw std::runtime_error("too many files to index");
        st.files_total.store(paths.size(), relaxed);

        // Read.
        st.phase.store(static_cast<int>(IndexBuildPhase::Reading), relaxed);
        std::vector<fmt::FileRecord> records(paths.size());
        tables_memory.set(paths.capacity() * sizeof(std::string) + path_text_bytes +
                          records.capacity() * sizeof(fmt::FileRecord));
        const std::size_t buffer_pairs =
            options_.run_buffer_pairs > 0 ? options_.run_buffer_pairs : std::size_t{4} << 20;
        PostingRuns runs(directory, buffer_pairs);
        // The file of each further chunk document (index_format.h): document paths.size() + i.
        std::vector<std::uint32_t> chunk_files;
        std::vector<fmt::ChunkStart> chunk_starts;  // of the same documents
        std::mutex chunk_files_mutex;
        std::atomic<std::uint64_t> chunked_files{0};
        // A file's chunks: the first is the file's own document, the others get documents past
        // the files', reserved together.
        const auto add_documents = [&](std::uint32_t id, TrigramCollector& collector) {
            const std::vector<Gram>& grams = collector.grams();
            const auto& chunks = collector.chunks();
            if (chunks.size() <= 1) {
                runs.add(id, grams);
                return;
            }
            std::uint64_t first = 0;
            {
                std::lock_guard guard(chunk_files_mutex);
                first = paths.size() + chunk_files.size();
                if (first + chunks.size() - 1 >= UINT32_MAX) throw std::runtime_error("too many chunks to index");
                chunk_files.insert(chunk_files.end(), chunks.size() - 1, id);
                for (std::size_t c = 1; c < chunks.size(); ++c) {
                    chunk_starts.push_back(fmt::ChunkStart{chunks[c].offset, chunks[c].line});
                }
            }
            chunked_files.fetch_add(1, relaxed);
            const std::span<const Gram> all(grams);
            for (std::size_t c = 0; c < chunks.size(); ++c) {
                const std::uint32_t document = c == 0 ? id : static_cast<std::uint32_t>(first + c - 1);
                runs.add(document, all.subspan(chunks[c].begin, chunks[c].end - chunks[c].begin));
            }
        };
        std::atomic<std::size_t> next{0};
        const std::int64_t racy_ns = options_.racy_window.count();
        std::exception_ptr failure;
        std::mutex failure_mutex;
        const auto read_files = [&] {
            if (options_.background) lower_this_thread_priority();
            TrigramCollector collector;
            std::string buffer(kReadChunk, '\0');
            AttributedBytes buffer_memory{EngineComponent::IndexBuild};
            buffer_memory.set(string_heap_bytes(buffer));
            try {
                for (;;) {
                    const std::size_t id = next.fetch_add(1, relaxed);
                    if (id >= paths.size() || st.cancelled.load(relaxed)) break;
                    fmt::FileRecord& record = records[id];
                    const std::string absolute = (rel_begin == 1 ? "/" : result.root + "/") + paths[id];
                    const std::int64_t before_ns = now_realtime_ns();
                    OpenedFile opened = open_for_search(absolute, /*check_type_first=*/true);
                    struct stat first {};
                    if (!opened.fd || ::fstat(opened.fd.get(), &first) != 0 || !S_ISREG(first.st_mode)) {
                        record.flags = fmt::kUnreadable;
                    } else {
                        record.size = static_cast<std::uint64_t>(first.st_size);
                        record.mtime_ns = to_ns(first.st_mtim);
                        record.ctime_ns = to_ns(first.st_ctim);
                        record.inode = first.st_ino;
                        record.device = first.st_dev;
                        std::uint32_t flags = fmt::kIndexed;
                        if (record.size > options_.max_indexed_file_size) flags = fmt::kTooLarge;
                        if (record.mtime_ns >= before_ns - racy_ns || record.ctime_ns >= before_ns - racy_ns) {
                            flags = fmt::kRacy;
                        }
                        if (options_.chunk_file_threshold > 0 && record.size > options_.chunk_file_threshold) {
                            collector.chunk_lines(options_.chunk_chars);
                        }
                        bool head = true;
                        while (flags == fmt::kIndexed) {
                            const ssize_t n = ::read(opened.fd.get(), buffer.data(), buffer.size());
                            if (n < 0 && errno == EINTR) continue;
                            if (n < 0) flags = fmt::kUnreadable;
                            if (n <= 0) break;
                            const std::string_view chunk(buffer.data(), static_cast<std::size_t>(n));
                            if (head && has_bom(chunk)) flags = fmt::kOtherEncoding;
                            else if (chunk.find('\0') != std::string_view::npos) flags = fmt::kBinary;
                            else collector.feed(chunk);
                            head = false;
                            st.bytes_done.fetch_add(static_cast<std::uint64_t>(n), relaxed);
                        }
                        struct stat second {};
                        if (flags == fmt::kIndexed && (::fstat(opened.fd.get(), &second) != 0 || !same_file_state(first, second))) {
                            flags = fmt::kRacy;
                        }
                        record.flags = flags;
                        if (flags == fmt::kIndexed) add_documents(static_cast<std::uint32_t>(id), collector);
                        collector.reset();
                    }
                    const std::uint64_t done = st.files_done.fetch_add(1, relaxed) + 1;
                    if (const FileHook hook = g_file_hook.load(relaxed)) hook(done);
                }
            } catch (...) {
                std::lock_guard guard(failure_mutex);
                if (!failure) failure = std::current_exception();
                st.cancelled.store(true);  // stops the other readers; reported as the failure below
            }
        };
        {
            std::vector<std::thread> workers;
            for (unsigned t = 1; t < threads; ++t) workers.emplace_back(read_files);
            read_files();
            for (auto& w : workers) w.join();
        }
        if (failure) std::rethrow_exception(failure);
        if (st.cancelled.load()) {
            result.cancelled = true;
            return finish(result);
        }

        // Merge and write.
        st.phase.store(static_cast<int>(IndexBuildPhase::Merging), relaxed);
        IndexFileWriter writer(result.index_file, directory);
        std::string meta = result.root;
        meta.push_back('\0');
        meta += encode_walk_settings(walk);
        meta.push_back('\0');
        meta += home_seen;
        meta.push_back('\0');
        meta += excludes_seen;
        writer.add_section(fmt::Meta, meta);
        WalkRecord::Sections walked = walk_record.finish();
        std::string path_bytes;
        for (std::size_t id = 0; id < paths.size() && walked.replayable; ++id) {
            // Each file's folder: the directory of its path, which the walk read.
            const std::size_t slash = paths[id].rfind('/');
            const std::string_view dir = slash == std::string::npos ? std::string_view() : std::string_view(paths[id]).substr(0, slash);
            const auto it = std::lower_bound(walked.dir_paths.begin(), walked.dir_paths.end(), dir,
                                             [](const std::string& a, std::string_view b) { return a < b; });
            if (it == walked.dir_paths.end() || *it != dir) walked = WalkRecord::Sections{};
            else records[id].dir = static_cast<std::uint32_t>(it - walked.dir_paths.begin());
        }
        for (std::size_t id = 0; id < paths.size(); ++id) {
            records[id].path_offset = path_bytes.size();
            records[id].path_length = static_cast<std::uint32_t>(paths[id].size());
            path_bytes += paths[id];
            result.source_bytes += records[id].size;
            if (records[id].flags == fmt::kIndexed) ++result.indexed_files;
        }
        for (std::size_t i = 0; i < walked.dirs.size(); ++i) {
            walked.dirs[i].path_offset = path_bytes.size();
            walked.dirs[i].path_length = static_cast<std::uint32_t>(walked.dir_paths[i].size());
            path_bytes += walked.dir_paths[i];
        }
        for (std::size_t i = 0; i < walked.inputs.size(); ++i) {
            walked.inputs[i].path_offset = path_bytes.size();
            walked.inputs[i].path_length = static_cast<std::uint32_t>(walked.input_paths[i].size());
            path_bytes += walked.input_paths[i];
        }
        writer.add_section(fmt::Files, std::string_view(reinterpret_cast<const char*>(records.data()),
                                                        records.size() * sizeof(fmt::FileRecord)));
        tables_memory.set(tables_memory.bytes() + string_heap_bytes(path_bytes));
        writer.add_section(fmt::Paths, path_bytes);
        writer.add_section(fmt::Dirs, std::string_view(reinterpret_cast<const char*>(walked.dirs.data()),
                                                       walked.dirs.size() * sizeof(fmt::DirRecord)));
        writer.add_section(fmt::Inputs, std::string_view(reinterpret_cast<const char*>(walked.inputs.data()),
                                                         walked.inputs.size() * sizeof(fmt::InputRecord)));
        writer.add_section(fmt::Chunks, std::string_view(reinterpret_cast<const char*>(chunk_files.data()),
                                                         chunk_files.size() * sizeof(std::uint32_t)));
        writer.add_section(fmt::ChunkStarts, std::string_view(reinterpret_cast<const char*>(chunk_starts.data()),
                                                              chunk_starts.size() * sizeof(fmt::ChunkStart)));
        result.chunked_files = chunked_files.load();
        result.documents = paths.size() + chunk_files.size();
        std::vector<std::uint32_t>().swap(chunk_files);
        std::vector<fmt::ChunkStart>().swap(chunk_starts);
        std::vector<std::uint32_t> slots(path_slot_count(paths.size()), 0);
        tables_memory.set(tables_memory.bytes() + slots.capacity() * sizeof(std::uint32_t));
        const std::uint32_t mask = static_cast<std::uint32_t>(slots.size() - 1);
        for (std::size_t id = 0; id < paths.size(); ++id) {
            std::uint32_t slot = static_cast<std::uint32_t>(path_hash(paths[id])) & mask;
            while (slots[slot] != 0) slot = (slot + 1) & mask;
            slots[slot] = static_cast<std::uint32_t>(id + 1);
        }
        writer.add_section(fmt::PathTable, std::string_view(reinterpret_cast<const char*>(slots.data()),
                                                            slots.size() * sizeof(std::uint32_t)));
        // Written out: freed before the merge, which needs its memory for the runs' readers.
        std::vector<std::string>().swap(paths);
        std::vector<fmt::FileRecord>().swap(records);
        std::string().swap(path_bytes);
        std::vector<std::uint32_t>().swap(slots);
        tables_memory.set(0);
        const bool merged = runs.merge(
            [&](std::uint32_t trigram, const std::vector<Posting>& postings) {
                writer.add_posting_list(trigram, postings);
                st.trigrams_merged.store(trigram, relaxed);
            },
            st.cancelled);
        result.runs = runs.runs();
        if (!merged) {
            result.cancelled = true;
            return finish(result);
        }
        IndexFileWriter::Totals totals;
        totals.built_unix_ns = static_cast<std::uint64_t>(build_start_ns);
        totals.file_count = st.files_total.load();
        totals.indexed_files = result.indexed_files;
        totals.document_count = result.documents;
        totals.source_bytes = result.source_bytes;
        totals.dir_count = walked.dirs.size();
        totals.input_count = walked.inputs.size();
        totals.walk_flags = walked.replayable ? std::uint64_t{fmt::kReplayable} : std::uint64_t{0};
        totals.max_bytes = options_.max_index_bytes;
        result.files = totals.file_count;
        result.index_bytes = writer.commit(totals);
        result.ok = true;
    } catch (const IndexTooLarge& e) {
        result.ok = false;
        result.too_large = true;
        result.error = e.what();
    } catch (const std::exception& e) {
        result.ok = false;
        result.error = e.what();
    }
    return finish(result);
}

}  // namespace codescout
