// The files of an apply as a search finds them (the CLI's --write): the search's workers push
// each planned file, and apply_streamed() (applier.h) takes them in the order they arrive and
// starts each file's pass at once — so the pass (gate, keep the original, write the temporary
// file) runs while the search is still going, instead of after it. Nothing is published, and so
// nothing renamed, before the feed is closed: a search that fails (fail()) leaves every file as
// it was, the entry abandoned with its temporary files.
//
// feed_plans() fills a feed from a list of files known beforehand (the GUI's Replace All: the
// files of the results), planned on several threads while the apply takes them.
//
// Memory: the plans pushed (as an ApplyPlan holds them), no file content.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "core/edit/apply_plan.h"

namespace codescout {

class PlanFeed {
public:
    // Any thread. False when the apply stopped taking files (stop()): the search may stop too.
    bool push(FilePlan file);
    // The search ended: no file follows.
    void close();
    // The search failed (`error` says why): no file follows, and the apply must change nothing.
    void fail(std::string error);
    // The apply stopped: later pushes are refused, waiting ends.
    void stop();
    bool stopped() const;

    // File `i`, waiting until it is pushed; nullptr when the feed was closed, failed or stopped
    // before it came. A file once returned stays where it is until the feed goes away.
    const FilePlan* wait_for(std::size_t i);
    // File `i` of those pushed (i < pushed()).
    const FilePlan& at(std::size_t i) const;
    std::size_t pushed() const;
    std::optional<std::string> failure() const;

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<FilePlan> files_;  // a deque: pushing never moves the files already handed out
    bool closed_ = false;
    bool stopped_ = false;
    std::optional<std::string> failure_;
};

// Plans one file, by its index in the caller's list: its plan, or nullopt when it has none (the
// caller keeps why: refused, or nothing to change). Called by one thread at a time.
using FilePlanner = std::function<std::optional<FilePlan>(std::size_t index)>;

// Plans files 0 .. count-1 on `threads` helper threads (0: one per core; ordered_prefetch.h),
// with planners from `make_planner`, each used by one thread at a time and kept for its next file
// (a planner may keep state: a matcher, a read buffer), and pushes the plans to `feed` in index
// order — so the apply's order, and what it reports, are the list's — then closes it. Returns
// early when the feed stops taking files. A planner's exception fails the feed with its message
// (the apply then changes nothing).
void feed_plans(std::size_t count, const std::function<FilePlanner()>& make_planner, PlanFeed& feed, unsigned threads = 0);

}  // namespace codescout
