// What `--write` prints after an apply (the -r/--write front end calls this): one line per file
// changed on stdout, one per file skipped on stderr with its reason code, and a summary; plus
// the journal's notices. Exit status: 0 if a file was changed, 1 if nothing was to change, 2 if
// the apply stopped at an error or any file was skipped for a reason other than "unchanged".
#pragma once

#include <string>

#include "core/edit/applier.h"

namespace codescout::cli {

struct ApplyOutput {
    std::string out;
    std::string err;
    int exit_code = 0;
};

ApplyOutput apply_output(const ApplyReport& report);

}  // namespace codescout::cli
