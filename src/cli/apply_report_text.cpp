// apply_output (see apply_report_text.h).
#include "cli/apply_report_text.h"

#include "cli/exit_status.h"
#include "cli/help_text.h"

namespace codescout::cli {

ApplyOutput apply_output(const ApplyReport& report) {
    ApplyOutput result;
    std::size_t changed = 0, skipped = 0;
    for (const FileApplyOutcome& f : report.files) {
        if (f.changed) {
            ++changed;
            result.out += "replaced " + f.path + "\n";
            if (!f.owner_kept) result.err += std::string(kProgramName) + ": " + f.path + ": could not keep its owner (not permitted)\n";
        } else if (f.skip) {
            ++skipped;
            result.err += std::string(kProgramName) + ": skipped " + f.path + ": " + f.skip->message + " [" +
                          std::string(skip_code(f.skip->reason)) + "]\n";
        }
    }
    for (const std::string& notice : report.notices) result.err += std::string(kProgramName) + ": " + notice + "\n";
    if (!report.error.empty())
        result.err += std::string(kProgramName) + ": the apply stopped: " + report.error +
                      (report.rolled_back ? "; every file changed so far was rolled back\n" : "\n");
    result.out += std::to_string(changed) + (changed == 1 ? " file" : " files") + " changed, " + std::to_string(skipped) + " skipped" +
                  (report.journal_id.empty() ? std::string() : "; undo with --undo " + report.journal_id) + "\n";
    if (!report.error.empty() || skipped > 0) result.exit_code = kExitError;
    else result.exit_code = changed > 0 ? kExitMatch : kExitNoMatch;
    return result;
}

}  // namespace codescout::cli
