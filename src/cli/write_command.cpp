// --write / --dry-run from search to exit status (see write_command.h).
#include "cli/write_command.h"

#include <algorithm>
#include <exception>
#include <mutex>
#include <string>
#include <unistd.h>
#include <vector>

#include "cli/apply_report_text.h"
#include "cli/exit_status.h"
#include "cli/help_text.h"
#include "cli/rg_compat/rg_binary_policy.h"
#include "core/edit/applier.h"
#include "core/edit/confined_path.h"
#include "core/edit/match_edits.h"
#include "core/edit/plan_builder.h"
#include "core/edit/preview.h"
#include "core/match/matcher.h"
#include "core/search/search.h"

namespace codescout::cli {
namespace {

// Collects the paths of the files with a match (from the worker threads); prints nothing.
class MatchedPaths final : public ResultSink {
public:
    explicit MatchedPaths(ErrorReporter& errors) : errors_(errors) {}
    bool on_file(FileResult&& result) override {
        if (result.matched_lines == 0) return true;
        const std::lock_guard lock(mutex_);
        paths_.push_back(std::move(result.path));
        return true;
    }
    void on_error(const SearchError& error) override { errors_.report(error); }
    std::vector<std::string> take_sorted() {
        std::sort(paths_.begin(), paths_.end());
        return std::move(paths_);
    }

private:
    ErrorReporter& errors_;
    std::mutex mutex_;
    std::vector<std::string> paths_;
};

// The files with a match, or nullopt after an error was reported (invalid pattern, glob...).
std::optional<std::vector<std::string>> find_matching_files(const Plan& plan, ErrorReporter& errors) {
    SearchOptions options = plan.search;
    // Only which files match is needed here; the edits are computed from the bytes plan_file reads.
    options.report.mode = ReportMode::FilesWithMatches;
    options.report.before_context = options.report.after_context = 0;
    options.report.passthru = false;
    options.report.report_unmatched = false;
    try {
        std::shared_ptr<const BinaryPolicy> binary_policy =
            plan.output.text ? rg_text_policy()
                             : std::make_shared<const RgBinaryPolicy>(rg_named_input_mode(options.walk.roots), options.report);
        Search search(options, nullptr, nullptr, std::move(binary_policy));
        MatchedPaths sink(errors);
        search.run(sink);
        return sink.take_sorted();
    } catch (const PatternError& e) {
        errors.report_message(e.what());
    } catch (const std::exception& e) {
        errors.report_message(std::string("error: ") + e.what());
    }
    return std::nullopt;
}

std::string shown_path(const std::string& path, bool strip_dot_slash) {
    return strip_dot_slash && path.starts_with("./") ? path.substr(2) : path;
}

std::string skip_line(const std::string& path, const Skip& skip) {
    return std::string(kProgramName) + ": skipped " + path + ": " + skip.message + " [" + std::string(skip_code(skip.reason)) + "]\n";
}

}  // namespace

int run_write(const Plan& plan, UndoJournal& journal, OutputWriter& out, ErrorReporter& errors) {
    std::optional<std::vector<std::string>> paths = find_matching_files(plan, errors);
    if (!paths) return kExitError;

    ApplyPlan apply;
    std::vector<std::string> roots;
    for (const auto& root : plan.search.walk.roots) roots.push_back(root.string());
    apply.roots = plan_roots(roots);
    // For the undo history: several -e patterns shown as one line.
    for (const std::string& p : plan.search.pattern.patterns) apply.pattern += (apply.pattern.empty() ? "" : " | ") + p;
    apply.replacement = plan.output.replacement.value_or("");

    std::vector<FileApplyOutcome> refused;  // by plan_file, before any apply
    try {
        const auto replacer = std::make_shared<const Replacer>(plan.search.pattern, apply.replacement);
        std::vector<std::string> shown;
        shown.reserve(paths->size());
        for (const std::string& path : *paths) shown.push_back(shown_path(path, plan.output.strip_dot_slash));
        // Every matching file read and matched again, on every core: one MatchEdits per thread.
        std::vector<PlannedFile> planned = plan_files(shown, [&]() -> EditComputer {
            auto computer = std::make_shared<const MatchEdits>(plan.search, replacer);
            return [computer](std::string_view content) { return computer->edits(content); };
        });
        for (std::size_t i = 0; i < planned.size(); ++i) {
            if (planned[i].plan) apply.files.push_back(std::move(*planned[i].plan));
            else if (planned[i].skip) refused.push_back(FileApplyOutcome{shown[i], false, 0, planned[i].skip, true});
        }
    } catch (const std::exception& e) {  // PatternError, MatchLimitError
        errors.report_message(std::string("error: ") + e.what());
        return kExitError;
    }

    int status = kExitNoMatch;
    if (plan.write == WriteMode::DryRun) {
        std::string skipped;
        for (const FileApplyOutcome& f : refused) skipped += skip_line(f.path, *f.skip);
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
        ApplyReport report;
        if (!apply.files.empty()) report = apply_plan(apply, journal, ApplyOptions{});
        report.files.insert(report.files.begin(), refused.begin(), refused.end());
        const ApplyOutput text = apply_output(report);
        out.write_block(text.out);
        out.flush();
        if (!text.err.empty()) (void)!::write(STDERR_FILENO, text.err.data(), text.err.size());
        status = text.exit_code;
    }
    if (out.error() != 0 && !out.closed()) return kExitError;
    return errors.count() > 0 ? kExitError : status;
}

}  // namespace codescout::cli
