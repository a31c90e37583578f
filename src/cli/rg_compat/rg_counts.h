// A search summary as ripgrep's statistics count it (--stats, and the --json summary of -q): a
// file rg quit at a NUL is searched, with the lines, matches and bytes it had found before
// (SearchSummary::binary_partial; the engine counts such a file only as skipped).
#pragma once

#include "core/search/search_result.h"

namespace codescout::cli {

inline SearchSummary rg_counts(SearchSummary summary) {
    const BinaryPartial& binary = summary.binary_partial;
    summary.files_searched += summary.skipped.binary;
    summary.files_matched += binary.files_matched;
    summary.matched_lines += binary.matched_lines;
    summary.matches += binary.matches;
    summary.bytes_searched += binary.bytes_searched;
    summary.binary_partial = {};
    return summary;
}

}  // namespace codescout::cli
