// Component-wise path comparison (see path_order.h).
#include "core/walk/path_order.h"

namespace codescout {

bool path_less(std::string_view a, std::string_view b) {
    while (!a.empty() && !b.empty()) {
        const std::size_t slash_a = a.find('/');
        const std::size_t slash_b = b.find('/');
        const std::string_view head_a = a.substr(0, slash_a);
        const std::string_view head_b = b.substr(0, slash_b);
        if (head_a != head_b) return head_a < head_b;
        // A path that ends here is a prefix of the other one: it sorts first.
        if (slash_a == std::string_view::npos || slash_b == std::string_view::npos) {
            return slash_a == std::string_view::npos && slash_b != std::string_view::npos;
        }
        a.remove_prefix(slash_a + 1);
        b.remove_prefix(slash_b + 1);
    }
    return a.empty() && !b.empty();
}

std::size_t root_index(std::string_view path, const std::vector<std::string>& roots) {
    for (std::size_t i = 0; i < roots.size(); ++i) {
        const std::string_view root = roots[i];
        if (!path.starts_with(root)) continue;
        if (path.size() == root.size() || root.ends_with('/') || path[root.size()] == '/') return i;
    }
    return roots.size();
}

bool SearchPathOrder::operator()(std::string_view a, std::string_view b) const {
    const std::size_t root_a = root_index(a, roots_), root_b = root_index(b, roots_);
    if (root_a != root_b) return root_a < root_b;
    return path_less(a, b);
}

}  // namespace codescout
