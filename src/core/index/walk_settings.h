// The walk rules an index was built with, as text in the index's Meta section, so that a status
// check can walk the folder the same way to find files added since, and a rebuild can repeat
// them. The roots are not part of it (the index names its root separately).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/walk/walk_options.h"

namespace codescout {

std::string encode_walk_settings(const WalkOptions& walk);
// nullopt when the text is not what encode_walk_settings() writes.
std::optional<WalkOptions> decode_walk_settings(std::string_view text);

}  // namespace codescout
