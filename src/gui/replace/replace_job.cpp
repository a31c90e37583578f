// planReplace, planReplaceInApply, matchEditsFor (see replace_job.h).
#include "gui/replace/replace_job.h"

#include <exception>
#include <variant>

#include "core/edit/plan_builder.h"

namespace codescout::gui {

MatchEdits matchEditsFor(const ReplaceJob& job)
{
    return MatchEdits(job.search, std::make_shared<const Replacer>(job.search.pattern, job.replacement,
                                                                   ReplaceOptions{job.preserveCase}));
}

namespace {

// UTF-8 with a BOM is searched decoded but written as bytes (the BOM stays); any other decoding
// would mean transcoding, which Replace never does.
std::optional<Skip> encodingSkip(const ReplaceFileJob& file)
{
    if (file.encoding.empty() || file.encoding == "UTF-8")
        return std::nullopt;
    return Skip{SkipReason::OtherEncoding, "it is encoded in " + file.encoding + ", and Replace never transcodes a file"};
}

// The chosen edits of `content`, or the changed-since-search skip when its matching lines are not
// the ones the search showed.
std::variant<std::vector<TextEdit>, Skip> chosenEdits(const ReplaceFileJob& file, const MatchEdits& edits, std::string_view content)
{
    std::vector<LocatedEdit> found = edits.located(content);
    if (std::optional<Skip> changed = compare_lines(file.shown, content, found))
        return std::move(*changed);
    return chosen_edits(std::move(found), file.chosen);
}

}  // namespace

PlannedReplace planReplace(const ReplaceFileJob& file, const MatchEdits& edits, std::string* buffer)
{
    PlannedReplace out;
    if ((out.skip = encodingSkip(file)))
        return out;
    std::optional<Skip> linesChanged;
    PlannedFile planned;
    try {
        planned = plan_file(file.path, [&](std::string_view content) {
            std::variant<std::vector<TextEdit>, Skip> made = chosenEdits(file, edits, content);
            if (Skip* skip = std::get_if<Skip>(&made)) {
                linesChanged = std::move(*skip);
                return std::vector<TextEdit>{};
            }
            return std::move(std::get<std::vector<TextEdit>>(made));
        }, kDefaultMaxRewriteSize, buffer);
    } catch (const std::exception& e) {  // MatchLimitError
        out.skip = Skip{SkipReason::InvalidEdits, std::string("its matches could not be found again: ") + e.what()};
        return out;
    }
    if (linesChanged) {
        out.skip = linesChanged;
    } else if (planned.skip) {
        out.skip = planned.skip;
    } else if (planned.plan) {
        if (auto changed = compare_fingerprint(file.shown, planned.plan->searched))
            out.skip = changed;
        else
            out.plan = std::move(planned.plan);
    }
    return out;
}

PlannedReplace planReplaceInApply(const ReplaceFileJob& file, std::shared_ptr<const LendingPool<MatchEdits>> edits)
{
    if (!file.shown.size)  // decoded when searched: its byte size is only known by reading it
        return planReplace(file, *edits->borrow());
    PlannedReplace out;
    if ((out.skip = encodingSkip(file)))
        return out;
    FilePlan plan;
    plan.path = file.path;
    plan.searched.size = *file.shown.size;  // the apply refuses the file unless both still hold
    plan.searched.mtime_ns = file.shown.mtime_ns;
    plan.edits_from = [&file, edits = std::move(edits)](std::string_view content) {
        return chosenEdits(file, *edits->borrow(), content);
    };
    out.plan = std::move(plan);
    return out;
}

}  // namespace codescout::gui
