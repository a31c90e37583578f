// planReplace, matchEditsFor (see replace_job.h).
#include "gui/replace/replace_job.h"

#include <exception>

#include "core/edit/plan_builder.h"

namespace codescout::gui {

MatchEdits matchEditsFor(const ReplaceJob& job)
{
    return MatchEdits(job.search, std::make_shared<const Replacer>(job.search.pattern, job.replacement,
                                                                   ReplaceOptions{job.preserveCase}));
}

PlannedReplace planReplace(const ReplaceFileJob& file, const MatchEdits& edits, std::string* buffer)
{
    PlannedReplace out;
    // UTF-8 with a BOM is searched decoded but written as bytes (the BOM stays); any other
    // decoding would mean transcoding, which Replace never does.
    if (!file.encoding.empty() && file.encoding != "UTF-8") {
        out.skip = Skip{SkipReason::OtherEncoding,
                        "it is encoded in " + file.encoding + ", and Replace never transcodes a file"};
        return out;
    }
    std::optional<Skip> linesChanged;
    PlannedFile planned;
    try {
        planned = plan_file(file.path, [&](std::string_view content) {
            std::vector<LocatedEdit> found = edits.located(content);
            if ((linesChanged = compare_lines(file.shown, content, found)))
                return std::vector<TextEdit>{};
            return chosen_edits(std::move(found), file.chosen);
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

}  // namespace codescout::gui
