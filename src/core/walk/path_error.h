// A problem with one path, as the walk reports it (an unreadable directory, a broken link, a
// malformed ignore line). The search layer reports its own per-file problems in the same shape
// (SearchError is this type), so front ends handle one kind of error.
#pragma once

#include <string>

namespace codescout {

struct PathError {
    std::string path;
    std::string message;
    // A warning leaves the search's answer complete (e.g. an ignore-file line that cannot be
    // parsed matches nothing, as in git): shown to the user, but no error for the exit status.
    bool warning = false;
};

}  // namespace codescout
