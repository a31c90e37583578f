// Sorting sink (see sorted_sink.h).
#include "cli/sorted_sink.h"

#include <algorithm>

#include "cli/path_order.h"

namespace codescout::cli {

bool SortedSink::on_file(FileResult&& result) {
    std::lock_guard lock(mutex_);
    results_.push_back(std::move(result));
    return true;
}

bool SortedSink::finish() {
    std::vector<FileResult> results;
    {
        std::lock_guard lock(mutex_);
        results.swap(results_);
    }
    const RgPathLess less{roots_};
    std::stable_sort(results.begin(), results.end(),
                     [&less](const FileResult& a, const FileResult& b) { return less(a.path, b.path); });
    for (FileResult& result : results) {
        if (!downstream_.on_file(std::move(result))) return false;
    }
    return true;
}

}  // namespace codescout::cli
