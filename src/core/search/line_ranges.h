// Parts of a file that alone can hold a match, as a gate (file_gate.h) proved them: an index that
// cut a large file into chunks of lines knows which chunks hold the query's trigrams (core/index,
// index_format.h). A line-oriented search then reads only those parts, with each part's first
// line number and byte offset known, so its results are the whole file's.
// The proof holds for the file as it was indexed: the searcher uses the ranges only while fstat
// of the opened file shows that file (size, times, inode, device), and only in modes whose
// output depends on matching lines alone (FileSearcher::can_search_ranges()); otherwise it reads
// the file whole.
#pragma once

#include <cstdint>
#include <vector>

namespace codescout {

struct LineRange {
    std::uint64_t begin = 0;  // a line start
    std::uint64_t end = 0;    // a line start, or the file's end
    std::uint64_t line = 1;   // the number of the line at `begin`
};

struct LineRanges {
    std::vector<LineRange> ranges;  // ascending, disjoint, non-empty
    // The file they were proven for.
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    std::uint64_t inode = 0;
    std::uint64_t device = 0;
};

}  // namespace codescout
