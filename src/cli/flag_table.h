// The table of every flag codescout-cli accepts: names, value, help text and what it sets in
// CliArgs. The parser and the --help text both read it, so they cannot drift apart.
#pragma once

#include <span>
#include <string_view>

#include "cli/cli_args.h"

namespace codescout::cli {

struct FlagSpec {
    char short_name = 0;            // 0: long form only
    std::string_view long_name;     // without the leading "--"
    std::string_view value_name;    // empty: the flag takes no value
    std::string_view help;
    // Sets the flag in `args`; `value` is empty for flags without a value. `flag` is the name as
    // typed ("-A" or "--after-context"), for error messages. Throws UsageError on a bad value.
    void (*apply)(CliArgs& args, std::string_view value, std::string_view flag);
};

std::span<const FlagSpec> flag_table();

}  // namespace codescout::cli
