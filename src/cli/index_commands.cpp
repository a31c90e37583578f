// See index_commands.h.
#include "cli/index_commands.h"

#include <atomic>
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <stdexcept>
#include <string_view>
#include <thread>

#include <csignal>

#include <unistd.h>

#include "cli/exit_status.h"
#include "core/index/index_builder.h"
#include "core/index/index_location.h"
#include "core/index/indexed_search.h"
#include "core/index/live_index.h"

namespace codescout::cli {
namespace {

std::string megabytes(std::uint64_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return text;
}

std::vector<std::string> or_current(const std::vector<std::string>& paths) {
    return paths.empty() ? std::vector<std::string>{"."} : paths;
}

bool trace_enabled() {
    const char* value = std::getenv("CODESCOUT_INDEX_TRACE");
    return value != nullptr && value[0] != '\0' && value[0] != '0';
}

// CODESCOUT_INDEX_TRACE=candidates: the trace also lists the candidate files (for judging how
// selective the index is for a query, e.g. against `rg -l`).
bool trace_candidates() {
    const char* value = std::getenv("CODESCOUT_INDEX_TRACE");
    return value != nullptr && std::string_view(value) == "candidates";
}

// "\rindexing ROOT: 42%" on standard error while the build runs, when that is a terminal.
void show_progress(const IndexBuilder& builder, const std::atomic<bool>& done, const std::string& root) {
    while (!done.load()) {
        const IndexBuildProgress p = builder.progress();
        std::fprintf(stderr, "\rindexing %s: %3d%% (%" PRIu64 "/%" PRIu64 " files)", root.c_str(),
                     static_cast<int>(p.fraction * 100), p.files_done, p.files_total);
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    std::fprintf(stderr, "\r\033[K");
}

std::string state_of(const IndexStatus& s) {
    if (s.building) return "building";
    switch (s.open) {
    case IndexOpenStatus::Ok: return s.fresh() ? "ready" : "stale";
    case IndexOpenStatus::Missing: return "missing";
    case IndexOpenStatus::ForeignVersion: return "foreign version (--index-build replaces it)";
    case IndexOpenStatus::Corrupt: return "corrupt (--index-build replaces it)";
    case IndexOpenStatus::OtherRoot: return "belongs to another folder (--index-build replaces it)";
    }
    return "?";
}

}  // namespace

int build_indexes(const std::vector<std::string>& paths, const Plan& plan, OutputWriter& out, ErrorReporter& errors) {
    int status = kExitMatch;
    for (const std::string& path : or_current(paths)) {
        IndexBuildOptions options;
        options.root = path;
        options.walk = plan.search.walk;
        options.threads = plan.search.threads;
        try {
            options.index_directory = default_index_directory();
        } catch (const std::runtime_error& e) {
            errors.report_message(std::string("error: ") + e.what());
            return kExitError;
        }
        IndexBuilder builder(options);
        std::atomic<bool> done{false};
        std::thread progress;
        if (::isatty(STDERR_FILENO) == 1) progress = std::thread([&] { show_progress(builder, done, path); });
        const IndexBuildResult result = builder.run();
        done.store(true);
        if (progress.joinable()) progress.join();
        if (!result.ok) {
            errors.report_message(path + ": cannot build the index: " + (result.cancelled ? "cancelled" : result.error));
            status = kExitError;
            continue;
        }
        char ratio[32];
        std::snprintf(ratio, sizeof ratio, "%.2f",
                      result.source_bytes > 0 ? static_cast<double>(result.index_bytes) / result.source_bytes : 0.0);
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.1f", std::chrono::duration<double>(result.elapsed).count());
        // A large file is indexed per chunk of lines: its own document and one per further chunk.
        const std::string chunked =
            result.chunked_files == 0
                ? std::string()
                : ", " + std::to_string(result.chunked_files) + " of them in " +
                      std::to_string(result.documents - result.files + result.chunked_files) + " chunks";
        out.write_block("indexed " + result.root + ": " + std::to_string(result.files) + " files (" +
                        std::to_string(result.indexed_files) + " with trigrams" + chunked + "), " + megabytes(result.source_bytes) +
                        "; index " + megabytes(result.index_bytes) + " (" + ratio + "x) in " + seconds + " s: " +
                        result.index_file.string() + "\n");
    }
    return status;
}

int report_index_status(const std::vector<std::string>& paths, OutputWriter& out, ErrorReporter& errors) {
    std::filesystem::path directory;
    try {
        directory = default_index_directory();
    } catch (const std::runtime_error& e) {
        errors.report_message(std::string("error: ") + e.what());
        return kExitError;
    }
    int status = kExitMatch;
    for (const std::string& path : or_current(paths)) {
        IndexStatus s;
        try {
            s = index_status(path, directory, /*check_files=*/true);
        } catch (const std::runtime_error& e) {
            errors.report_message(e.what());
            status = kExitError;
            continue;
        }
        std::string text = s.root + ": " + state_of(s) + "\n  index file: " + s.index_file.string() + "\n";
        if (s.open != IndexOpenStatus::Ok && !s.detail.empty() && s.open != IndexOpenStatus::Missing) {
            text += "  problem: " + s.detail + "\n";
        }
        if (s.open == IndexOpenStatus::Ok) {
            const std::time_t built = static_cast<std::time_t>(s.built_unix_ns / 1'000'000'000);
            char when[64];
            std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", std::localtime(&built));
            text += "  built: " + std::string(when) + "\n  files: " + std::to_string(s.files) + " (" +
                    std::to_string(s.indexed_files) + " with trigrams), " + megabytes(s.source_bytes) + "\n  size: " +
                    megabytes(s.index_bytes) + ", " + std::to_string(s.trigrams) + " trigrams, " +
                    std::to_string(s.documents) + " documents (files and chunks of large files)\n  since the build: " +
                    std::to_string(s.changed) + " changed, " + std::to_string(s.deleted) + " deleted, " +
                    std::to_string(s.added) + " added (searched directly until the next --index-build)\n";
        }
        out.write_block(text);
    }
    return status;
}

int watch_index(const std::vector<std::string>& paths, OutputWriter& out, ErrorReporter& errors) {
    const std::string path = paths.empty() ? "." : paths.front();
    // Blocked before any thread starts, so that every thread inherits the mask and the signals
    // reach only the sigtimedwait() below: stopping cleanly removes the change log.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGHUP);
    ::pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    LiveIndexOptions options;
    options.root = path;
    std::string error;
    IndexOpenStatus open_status = IndexOpenStatus::Missing;
    try {
        options.index_directory = default_index_directory();
    } catch (const std::runtime_error& e) {
        errors.report_message(std::string("error: ") + e.what());
        return kExitError;
    }
    auto live = LiveIndex::open(std::move(options), error, &open_status);
    if (!live) {
        errors.report_message(path + ": no usable index to watch (" + error + "): build it with --index-build");
        return kExitError;
    }
    const LiveIndexStatus first = live->status();
    if (!first.publishing) {
        errors.report_message(live->root() + ": " + first.publish_note);
        return kExitError;
    }
    bool ready = false;
    std::string last_note;
    for (;;) {
        const timespec tick{0, 200'000'000};
        const int signal = ::sigtimedwait(&stop_signals, nullptr, &tick);
        if (signal > 0) break;
        const LiveIndexStatus s = live->status();
        if (s.log_active && !ready) {
            ready = true;
            out.write_block("watching " + live->root() + " (" + std::to_string(s.watches) +
                            " folders): --index searches of it trust this watcher until it stops\n");
            out.flush();
        }
        const std::string note = !s.note.empty() ? s.note : s.publish_note;
        if (note != last_note && !note.empty()) errors.report_message(live->root() + ": " + note);
        last_note = note;
    }
    live.reset();  // removes the change log, then releases the lock
    return kExitMatch;
}

void use_indexes(Search& search, const SearchOptions& options, ErrorReporter& errors) {
    (void)errors;
    std::filesystem::path directory;
    try {
        directory = default_index_directory();
    } catch (const std::runtime_error&) {
        return;  // no cache directory, no index: a plain scan
    }
    const auto start = std::chrono::steady_clock::now();
    WatcherSyncOptions watcher;
    watcher.enabled = true;
    if (const char* ms = std::getenv("CODESCOUT_INDEX_SYNC_MS"); ms != nullptr && ms[0] != '\0') {
        watcher.timeout = std::chrono::milliseconds(std::strtol(ms, nullptr, 10));
    }
    IndexUse use = attach_index(search, options, directory, nullptr, watcher);
    if (!trace_enabled()) return;
    const auto attach_us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
    std::string text = std::string("index: ") + (use.used ? "used" : "not used") + ", query " + use.query.to_string() +
                       " (attached in " + std::to_string(attach_us) + " us: open " + std::to_string(use.open_us) +
                       ", watcher sync " + std::to_string(use.sync_us) + ", query " + std::to_string(use.query_us) +
                       ", replay check " + std::to_string(use.replay_check_us) + ")\n";
    for (const auto& note : use.notes) text += "index: " + note + "\n";
    if (use.replay) {
        text += "index: the walk is replayed from the index (" + std::to_string(use.replay->plan().reread_count) +
                " folders read again; " + std::to_string(use.replay->plan().stats) + " stats to check it, " +
                std::to_string(use.replay->plan().check_ns / 1000) + " us)\n";
    }
    if (use.gate && trace_candidates()) {
        for (const IndexGate::Root& root : use.gate->roots()) {
            for (std::uint32_t id = 0; id < root.candidates.size(); ++id) {
                if (root.candidates[id]) text += "index: candidate " + std::string(root.reader->path(id)) + "\n";
            }
        }
    }
    std::fputs(text.c_str(), stderr);
    if (use.gate) {
        // The counters are final only after the search: report them at exit.
        static std::shared_ptr<const IndexGate> gate;
        static std::shared_ptr<const WalkReplay> replay;
        gate = use.gate;
        replay = use.replay;
        std::atexit([] {
            const IndexGateCounters c = gate->counters();
            std::fprintf(stderr,
                         "index: walked %" PRIu64 ", skipped %" PRIu64 ", candidates %" PRIu64 ", unknown %" PRIu64
                         ", changed %" PRIu64 ", unindexed %" PRIu64 ", vouched for by a watcher %" PRIu64
                         "; %" PRIu64 " large files read in their candidate chunks only (%" PRIu64 " of %" PRIu64 " bytes)\n",
                         c.walked, c.skipped, c.candidates, c.unknown, c.changed, c.unindexed, c.unproven, c.ranged,
                         c.ranged_bytes, c.ranged_file_bytes);
            if (replay) {
                std::fprintf(stderr, "index: replayed %" PRIu64 " folders, %" PRIu64 " files listed in %" PRIu64 " us\n",
                             replay->directories_replayed(), replay->files_listed(), replay->list_ns() / 1000);
            }
        });
    }
}

}  // namespace codescout::cli
