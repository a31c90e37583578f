// The search the live index is timed and tested with: one literal over one folder on two threads,
// as the window's search-as-you-type runs it. Shared by test_live_index and bench_live_query (which
// links no Qt, hence a header of its own rather than index_test_util).
#pragma once

#include <string>

#include "core/search/search_options.h"

namespace index_test {

inline codescout::SearchOptions literal_search(const std::string& folder, const std::string& literal) {
    codescout::SearchOptions o;
    o.walk.roots = {folder};
    o.pattern.patterns = {literal};
    o.pattern.fixed_strings = true;
    o.threads = 2;
    return o;
}

}  // namespace index_test
