// Crash helper for test_crash_recovery: runs one apply (replace OLD by NEW in the given files),
// undo or recovery against a journal, and kills itself with SIGKILL when it reaches step number
// KILL_AT (edit_steps.h; 0 = never), or — KILL_AT written NAME:N — when it reaches the step
// named NAME for the Nth time. It prints "started" when its arguments are read and the work
// begins (a test that kills at a random moment times from there, not from the process's start,
// which a sanitizer makes longer than the work), and the number of steps it passed on a normal
// exit, so the test knows how many points to kill at. CODESCOUT_TEST_BATCH_FILES=N makes batches of N files
// (replace_batch.h), so that a few files already go through several batches.
//   edit_crash_helper JOURNAL KILL_AT apply ROOT OLD NEW FILE...
//   edit_crash_helper JOURNAL KILL_AT apply-streamed ROOT OLD NEW FILE...
// apply-streamed: the files go through a PlanFeed (apply_streamed, as the CLI's --write), pushed
// by a thread of their own, and the feed is closed only once the apply has written every
// temporary file — so every step of the pass is reached while the "search" still runs.
//   edit_crash_helper JOURNAL KILL_AT undo
//   edit_crash_helper JOURNAL KILL_AT recover
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "core/edit/applier.h"
#include "core/edit/plan_builder.h"
#include "core/edit/undo.h"

using namespace codescout;

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: %s JOURNAL KILL_AT apply|undo|recover ...\n", argv[0]);
        return 2;
    }
    UndoJournal journal(argv[1]);
    const std::string kill_spec = argv[2];
    const std::size_t colon = kill_spec.rfind(':');
    const std::string kill_name = colon == std::string::npos ? std::string() : kill_spec.substr(0, colon);
    const long kill_at = std::strtol(kill_spec.c_str() + (colon == std::string::npos ? 0 : colon + 1), nullptr, 10);
    const std::string mode = argv[3];
    BatchLimits batch;
    if (const char* files = std::getenv("CODESCOUT_TEST_BATCH_FILES")) batch.files = std::strtoul(files, nullptr, 10);
    long steps = 0, named = 0;
    const StepHook hook = [&](std::string_view step) {
        ++steps;
        if (kill_name.empty() ? steps == kill_at : step == kill_name && ++named == kill_at) ::kill(::getpid(), SIGKILL);
    };
    std::printf("started\n");
    std::fflush(stdout);
    if ((mode == "apply" || mode == "apply-streamed") && argc >= 8) {
        const std::string from = argv[5], to = argv[6];
        ApplyPlan plan;
        plan.roots = plan_roots({argv[4]});
        plan.pattern = from;
        plan.replacement = to;
        for (int i = 7; i < argc; ++i) {
            PlannedFile planned = plan_file(argv[i], [&](std::string_view content) {
                std::vector<TextEdit> edits;
                for (std::size_t at = content.find(from); at != std::string_view::npos; at = content.find(from, at + from.size()))
                    edits.push_back({at, at + from.size(), to});
                return edits;
            });
            if (planned.plan) plan.files.push_back(std::move(*planned.plan));
        }
        ApplyOptions options;
        options.hook = hook;
        options.batch = batch;
        ApplyReport report;
        if (mode == "apply") {
            report = apply_plan(plan, journal, options);
        } else {
            PlanFeed feed;
            std::size_t written = 0;
            options.hook = [&](std::string_view step) {
                hook(step);  // a kill comes first: with the feed still open
                if (step == "temp-written" && ++written == plan.files.size()) feed.close();
            };
            std::thread search([&] {
                for (const FilePlan& file : plan.files) feed.push(file);
            });
            report = apply_streamed(plan, feed, journal, options);
            search.join();
        }
        if (!report.error.empty()) std::fprintf(stderr, "apply: %s\n", report.error.c_str());
    } else if (mode == "undo") {
        const UndoReport report = undo_apply(journal, "", hook, batch);
        if (!report.error.empty()) std::fprintf(stderr, "undo: %s\n", report.error.c_str());
    } else if (mode == "recover") {
        for (const std::string& message : recover(journal, hook, batch).messages) std::fprintf(stderr, "%s\n", message.c_str());
    } else {
        std::fprintf(stderr, "bad arguments\n");
        return 2;
    }
    std::printf("%ld\n", steps);
    return 0;
}
