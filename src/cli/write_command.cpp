// --write / --dry-run from search to exit status (see write_command.h).
#include "cli/write_command.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include "cli/apply_report_text.h"
#include "cli/exit_status.h"
#include "cli/help_text.h"
#include "cli/rg_compat/rg_binary_policy.h"
#include "core/edit/applier.h"
#include "core/edit/confined_path.h"
#include "core/edit/file_io.h"
#include "core/edit/match_edits.h"
#include "core/edit/plan_feed.h"
#include "core/edit/plan_builder.h"
#include "core/edit/preview.h"
#include "core/match/matcher.h"
#include "core/search/search.h"
#include "core/walk/path_order.h"

namespace codescout::cli {
namespace {

// The roots as the search names them in the paths it reports: what SearchPathOrder orders by.
std::vector<std::string> root_names(const SearchOptions& search) {
    std::vector<std::string> roots;
    for (const auto& root : search.walk.roots) roots.push_back(root.string());
    return roots;
}

std::string shown_path(const std::string& path, bool strip_dot_slash) {
    return strip_dot_slash && path.starts_with("./") ? path.substr(2) : path;
}

// Plans each file with a match as the search finds it, on the search's own worker thread: the
// file is matched again by the edit layer over the very bytes the search read whole
// (plan_bytes: the fingerprint must be of the bytes the edits refer to; a file the search did
// not read whole — large, decoded, NULs converted — is read again by plan_file) while the walk
// and the other workers go on, instead of in a pass of its own after the search (which cost
// ~0.8 s of an apply on the kernel tree, both cores, with nothing else to overlap). One
// MatchEdits and one read buffer per concurrent worker, from a pool. With a feed (--write), each plan goes to the
// apply at once (apply_streamed: its pass runs while the search goes on); what stays here is
// the files refused while planning.
class PlanningSink final : public ResultSink {
public:
    PlanningSink(ErrorReporter& errors, const SearchOptions& search, std::shared_ptr<const Replacer> replacer, bool strip_dot_slash,
                 PlanFeed* feed)
        : errors_(errors), search_(search), replacer_(std::move(replacer)), strip_dot_slash_(strip_dot_slash), feed_(feed) {}

    bool on_file(FileResult&& result) override { return plan(std::move(result), nullptr, 0); }
    // The search read the file whole already (ProcessingOptions::share_whole_files): planned from
    // its buffer, not opened and read a second time.
    bool on_file_read_whole(FileResult&& result, std::string_view bytes, std::int64_t mtime_ns) override {
        return plan(std::move(result), &bytes, mtime_ns);
    }
    void on_error(const SearchError& error) override { errors_.report(error); }

    struct Found {
        std::string path;   // as the search reported it: the order
        std::string shown;  // as the user sees it
        PlannedFile planned;
    };
    // Every matching file's plan in path order; rethrows a computer's exception.
    std::vector<Found> take() {
        if (error_) std::rethrow_exception(error_);
        const SearchPathOrder order(root_names(search_));
        std::sort(files_.begin(), files_.end(), [&](const Found& a, const Found& b) { return order(a.path, b.path); });
        return std::move(files_);
    }

private:
    // `bytes`: the file's content as the search read it (with its mtime), or null to read it.
    bool plan(FileResult&& result, const std::string_view* bytes, std::int64_t mtime_ns) {
        if (result.matched_lines == 0) return true;
        try {
            std::unique_ptr<Planner> planner = take_planner();
            std::string shown = shown_path(result.path, strip_dot_slash_);
            auto compute = [&](std::string_view content) { return planner->computer.edits(content); };
            PlannedFile planned = bytes != nullptr ? plan_bytes(shown, *bytes, mtime_ns, compute)
                                                   : plan_file(shown, compute, kDefaultMaxRewriteSize, &planner->buffer);
            bool go_on = true;
            if (feed_ != nullptr && planned.plan) {
                go_on = feed_->push(std::move(*planned.plan));  // false: the apply stopped
                planned.plan.reset();
            }
            drop_if_large(planner->buffer);
            const std::lock_guard lock(mutex_);
            planners_.push_back(std::move(planner));
            if (planned.plan || planned.skip) files_.push_back(Found{std::move(result.path), std::move(shown), std::move(planned)});
            return go_on;
        } catch (...) {  // MatchLimitError: rethrown by take(), the search stopped
            const std::lock_guard lock(mutex_);
            if (!error_) error_ = std::current_exception();
            return false;
        }
    }

    struct Planner {
        MatchEdits computer;
        std::string buffer;  // plan_file()'s reads (the files the search did not read whole)
    };

    std::unique_ptr<Planner> take_planner() {
        {
            const std::lock_guard lock(mutex_);
            if (!planners_.empty()) {
                std::unique_ptr<Planner> planner = std::move(planners_.back());
                planners_.pop_back();
                return planner;
            }
        }
        return std::make_unique<Planner>(Planner{MatchEdits(search_, replacer_), {}});
    }

    ErrorReporter& errors_;
    const SearchOptions& search_;
    std::shared_ptr<const Replacer> replacer_;
    const bool strip_dot_slash_;
    PlanFeed* const feed_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Planner>> planners_;  // idle ones
    std::vector<Found> files_;
    std::exception_ptr error_;
};

// The files with a match, each planned (see PlanningSink), or nullopt after an error was
// reported (invalid pattern, glob, a match limit...). With a feed, the plans go there (and only
// the refused files come back); the feed is closed at the end, or failed after an error.
std::optional<std::vector<PlanningSink::Found>> find_and_plan(const Plan& plan, const std::string& replacement, ErrorReporter& errors,
                                                              PlanFeed* feed = nullptr) {
    struct FailUnlessClosed {
        PlanFeed* feed;
        bool closed = false;
        ~FailUnlessClosed() {
            if (feed != nullptr && !closed) feed->fail("the search stopped at an error");
        }
    } feed_end{feed};
    SearchOptions options = plan.search;
    // Only which files match is needed from the search; the edits are computed from the bytes
    // plan_file reads.
    options.report.mode = ReportMode::FilesWithMatches;
    options.report.before_context = options.report.after_context = 0;
    options.report.passthru = false;
    options.report.report_unmatched = false;
    options.processing.share_whole_files = true;  // most files: planned from the search's own read
    try {
        std::shared_ptr<const BinaryPolicy> binary_policy =
            plan.output.text ? rg_text_policy()
                             : std::make_shared<const RgBinaryPolicy>(rg_named_input_mode(options.walk.roots), options.report);
        Search search(options, nullptr, nullptr, std::move(binary_policy));  // throws PatternError first
        auto replacer = std::make_shared<const Replacer>(plan.search.pattern, replacement);
        // The computers match with the user's options, not the search's reporting mode.
        PlanningSink sink(errors, plan.search, std::move(replacer), plan.output.strip_dot_slash, feed);
        search.run(sink);
        std::vector<PlanningSink::Found> found = sink.take();
        if (feed != nullptr) feed->close();
        feed_end.closed = true;
        return found;
    } catch (const PatternError& e) {
        errors.report_message(e.what());
    } catch (const std::exception& e) {
        errors.report_message(std::string("error: ") + e.what());
    }
    return std::nullopt;
}

std::string skip_line(const std::string& path, const Skip& skip) {
    return std::string(kProgramName) + ": skipped " + path + ": " + skip.message + " [" + std::string(skip_code(skip.reason)) + "]\n";
}

// CODESCOUT_APPLY_TRACE=1: the time of each phase of an apply on standard error (the search,
// the planning, then the engine's durable steps, each at its first occurrence) — for the
// benchmark's phase tables (bench/RESULTS.md, issue 9).
class PhaseTrace {
public:
    PhaseTrace() {
        const char* value = std::getenv("CODESCOUT_APPLY_TRACE");
        enabled_ = value != nullptr && value[0] != '\0' && value[0] != '0';
        last_ = start_ = std::chrono::steady_clock::now();
    }
    bool enabled() const { return enabled_; }
    void mark(std::string_view phase) {
        if (!enabled_) return;
        const auto now = std::chrono::steady_clock::now();
        std::fprintf(stderr, "apply-trace %-22.*s +%8.3f s  at %8.3f s\n", static_cast<int>(phase.size()), phase.data(),
                     std::chrono::duration<double>(now - last_).count(), std::chrono::duration<double>(now - start_).count());
        last_ = now;
    }
    // A moment taken on another thread (the search's, which overlaps the apply's phases):
    // printed as "@ <seconds from the start>", not as a phase's length.
    void mark_at(std::string_view phase, std::chrono::steady_clock::time_point at) {
        if (!enabled_) return;
        std::fprintf(stderr, "apply-trace %-22.*s @%8.3f s  (another thread)\n", static_cast<int>(phase.size()), phase.data(),
                     std::chrono::duration<double>(at - start_).count());
    }
    // A hook marking each step the first time it is reached (per-file steps would flood).
    StepHook hook() {
        if (!enabled_) return {};
        return [this](std::string_view step) {
            if (std::find(seen_.begin(), seen_.end(), step) != seen_.end()) return;
            seen_.emplace_back(step);
            mark(step);
        };
    }

private:
    bool enabled_ = false;
    std::chrono::steady_clock::time_point start_, last_;
    std::vector<std::string> seen_;
};

}  // namespace

int run_write(const Plan& plan, UndoJournal& journal, OutputWriter& out, ErrorReporter& errors) {
    PhaseTrace trace;
    ApplyPlan apply;
    apply.roots = plan_roots(root_names(plan.search));
    // For the undo history: several -e patterns shown as one line.
    for (const std::string& p : plan.search.pattern.patterns) apply.pattern += (apply.pattern.empty() ? "" : " | ") + p;
    apply.replacement = plan.output.replacement.value_or("");

    int status = kExitNoMatch;
    if (plan.write == WriteMode::DryRun) {
        std::optional<std::vector<PlanningSink::Found>> found = find_and_plan(plan, apply.replacement, errors);
        if (!found) return kExitError;
        std::string skipped;
        for (PlanningSink::Found& f : *found) {
            if (f.planned.plan) apply.files.push_back(std::move(*f.planned.plan));
            else if (f.planned.skip) skipped += skip_line(f.shown, *f.planned.skip);
        }
        found.reset();
        trace.mark("searched-and-planned");
        for (const FilePlan& file : apply.files) {
            const FilePreview preview = preview_file(file, apply.roots);
            if (preview.skip) skipped += skip_line(file.path, *preview.skip);
            if (!preview.diff.empty()) status = kExitMatch;
            out.write_block(preview.diff);
        }
        out.flush();
        if (!skipped.empty()) {
            (void)!::write(STDERR_FILENO, skipped.data(), skipped.size());
            status = kExitError;
        }
    } else {
        ApplyOptions options;
        options.hook = trace.hook();
        options.free_dropped_later = true;  // freed below, once the report is out
        // CODESCOUT_APPLY_HELPERS=N: the apply's helper threads (ApplyOptions::helper_threads),
        // for the benchmark's same-binary comparisons.
        if (const char* helpers = std::getenv("CODESCOUT_APPLY_HELPERS"); helpers != nullptr && helpers[0] >= '0' && helpers[0] <= '9')
            options.helper_threads = std::atoi(helpers);
        // The search on a thread of its own, feeding the apply each file it plans: the apply's
        // pass over the files runs while the search goes on (apply_streamed, applier.h); it
        // publishes nothing, and so renames nothing, before the search has ended well.
        PlanFeed feed;
        std::optional<std::vector<PlanningSink::Found>> found;
        std::chrono::steady_clock::time_point searched_at;
        ApplyReport report;
        {
            std::jthread search([&] {
                found = find_and_plan(plan, apply.replacement, errors, &feed);
                searched_at = std::chrono::steady_clock::now();
            });
            struct StopFeed {  // however the apply ends: the search stops pushing and ends
                PlanFeed& feed;
                ~StopFeed() { feed.stop(); }
            } const stop_feed{feed};
            report = apply_streamed(apply, feed, journal, options);
        }
        trace.mark_at("search-ended", searched_at);
        trace.mark("apply-returned");
        if (!found) return kExitError;  // reported; the apply changed nothing (its entry abandoned)
        // In path order, as the search would list them (the apply's is the order of arrival),
        // after the files refused while planning.
        const SearchPathOrder order(root_names(plan.search));
        std::stable_sort(report.files.begin(), report.files.end(),
                         [&](const FileApplyOutcome& a, const FileApplyOutcome& b) { return order(a.path, b.path); });
        std::vector<FileApplyOutcome> refused;
        for (const PlanningSink::Found& f : *found)
            if (f.planned.skip) refused.push_back(FileApplyOutcome{f.shown, false, 0, f.planned.skip, true});
        report.files.insert(report.files.begin(), refused.begin(), refused.end());
        const ApplyOutput text = apply_output(report);
        out.write_block(text.out);
        out.flush();
        if (!text.err.empty()) (void)!::write(STDERR_FILENO, text.err.data(), text.err.size());
        status = text.exit_code;
        if (!report.notices.empty()) journal.free_dropped();  // older applies dropped by the size bound
        trace.mark("dropped-freed");
    }
    if (out.error() != 0 && !out.closed()) return kExitError;
    return errors.count() > 0 ? kExitError : status;
}

}  // namespace codescout::cli
