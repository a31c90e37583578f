// One input to search and where it came from: found by the walk, named by the user, or standard
// input. The binary policy may treat them differently (see binary_policy.h).
#pragma once

#include "core/search/line_ranges.h"

namespace codescout {

enum class InputOrigin {
    Walked,  // found by the walk: a regular file
    Named,   // named by the user: may be a stream (FIFO, device), read whatever it is
    Stdin    // file descriptor 0; the path is only the display name
};

struct InputSpec {
    InputOrigin origin = InputOrigin::Walked;
    // A walked file can be opened relative to its directory, still open during the visit
    // (WalkEntry::dir_fd): `name` is the file's name there. -1: open the path.
    int dir_fd = -1;
    const char* name = nullptr;
    // A walked file whose short read means its end (WalkEntry::short_read_is_end): unless
    // ProcessingOptions::record_mtime asks for the fstat, its size is found by reading it.
    bool short_read_is_end = false;
    // A gate's proof that only these parts of the file can match (line_ranges.h); null: any part.
    // The caller keeps it alive while the file is searched.
    const LineRanges* ranges = nullptr;

    bool named() const { return origin != InputOrigin::Walked; }
    bool is_stdin() const { return origin == InputOrigin::Stdin; }
};

}  // namespace codescout
