// --type-list: every file type with its globs, as `rg --type-list` prints them ("name: g1, g2",
// sorted by name, globs sorted), after the command line's --type-add/--type-clear.
#pragma once

#include <string>
#include <vector>

#include "core/walk/file_types.h"

namespace codescout::cli {

// Throws FileTypeError for a bad --type-add definition.
std::string format_type_list(const std::vector<FileTypeChange>& changes);

}  // namespace codescout::cli
