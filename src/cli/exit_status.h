// ripgrep's exit status rule: 0 if something matched and (no error happened, or -q was given);
// otherwise 2 if any error happened; otherwise 1. (rg 14: `matched && (quiet || !errored)`.)
#pragma once

namespace codescout::cli {

inline constexpr int kExitMatch = 0;
inline constexpr int kExitNoMatch = 1;
inline constexpr int kExitError = 2;

constexpr int exit_status(bool matched, bool errored, bool quiet) {
    if (matched && (quiet || !errored)) return kExitMatch;
    return errored ? kExitError : kExitNoMatch;
}

}  // namespace codescout::cli
