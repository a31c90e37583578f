// The order of --sort path: component by component, like ripgrep's sorted walk, so "a/x" comes
// before "a-b/x" (a plain string compare would put '-' before '/').
#pragma once

#include <string_view>

namespace codescout::cli {

bool path_less(std::string_view a, std::string_view b);

}  // namespace codescout::cli
