// The order of --sort path: component by component, like ripgrep's sorted walk, so "a/x" comes
// before "a-b/x" (a plain string compare would put '-' before '/').
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace codescout {

bool path_less(std::string_view a, std::string_view b);

// Which of the roots given on the command line `path` was found under (the first that is a
// prefix ending at a '/'), or roots.size() if none. rg --sort path searches the roots one after
// the other in the order given, so results sort by this index first.
std::size_t root_index(std::string_view path, const std::vector<std::string>& roots);

// The order rg --sort path prints files in: by root in the order given, then path_less. For
// anything else that lists files in "search order" (--write's report, --dry-run's diffs), so
// that it lists them as the search itself would.
class SearchPathOrder {
public:
    explicit SearchPathOrder(std::vector<std::string> roots) : roots_(std::move(roots)) {}
    bool operator()(std::string_view a, std::string_view b) const;

private:
    std::vector<std::string> roots_;
};

}  // namespace codescout
