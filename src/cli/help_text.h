// The texts codescout-cli prints about itself: the usage line (after every usage error), the
// --help page (generated from the flag table) and the --version line.
#pragma once

#include <string>

namespace codescout::cli {

inline constexpr const char* kProgramName = "codescout-cli";

std::string usage_text();    // "Usage: ...\nTry 'codescout-cli --help' ...\n"
std::string help_text();     // the whole --help page
std::string version_text();  // "codescout-cli 0.1.0\n"

}  // namespace codescout::cli
