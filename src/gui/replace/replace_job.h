// A Replace as plain data, made on the GUI thread from the results and the check boxes, then run
// off it (ReplaceRunner): the search's patterns, the replacement, and per file what the search
// showed (to refuse a file that changed since) and which matches are chosen.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/edit/applier.h"
#include "core/edit/lending_pool.h"
#include "core/edit/match_edits.h"
#include "core/edit/match_selection.h"
#include "core/search/search_options.h"

namespace codescout::gui {

struct ReplaceFileJob {
    std::string path;      // as the search reported it (absolute: the folder joined with the file)
    std::string shownPath; // relative to the folder, for messages
    ShownFile shown;
    std::string encoding;  // the search's decoding, empty: searched as bytes
    MatchChosen chosen;
};

struct ReplaceJob {
    SearchOptions search;  // the patterns (and -m) of the search shown
    std::string replacement;
    bool preserveCase = false;
    std::vector<std::string> roots;  // the searched folder
    std::vector<ReplaceFileJob> files;
    std::string journalDir;
    std::uint64_t journalMaxBytes = kDefaultJournalMaxBytes;
    OnError onError = OnError::StopAndRollBack;  // Settings ▸ "When a file cannot be written"
    StepHook hook;  // tests: a point to act at between the apply's steps
};

// One file made ready for the apply: a plan, a reason to skip it, or neither (nothing chosen).
struct PlannedReplace {
    std::optional<FilePlan> plan;
    std::optional<Skip> skip;
};

// Reads the file, finds its matches again, checks it is the file the search showed and keeps the
// chosen edits (plan_builder.h, match_selection.h). `edits` is this thread's MatchEdits;
// `buffer`, if given, where the file is read (this thread's, kept from one file to the next).
PlannedReplace planReplace(const ReplaceFileJob& file, const MatchEdits& edits, std::string* buffer = nullptr);

// planReplace's checks and edits, made by the apply from the bytes it reads itself
// (FilePlan::edits_from): nothing is read here, so each file is read once, by the apply, not once
// to plan it and again to apply it. `edits` lends each call a MatchEdits (the apply's helpers make
// edits of several files at once). A file whose size the search did not record (it was decoded)
// is planned at once, by planReplace.
PlannedReplace planReplaceInApply(const ReplaceFileJob& file, std::shared_ptr<const LendingPool<MatchEdits>> edits);

// The MatchEdits for `job` (throws PatternError when the patterns do not compile).
MatchEdits matchEditsFor(const ReplaceJob& job);

}  // namespace codescout::gui
