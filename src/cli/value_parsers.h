// Parsing of flag values (counts, byte sizes, enumerations) with the error messages the user
// sees: each throws UsageError naming the flag and the offending value.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/encoding/text_encoding.h"

namespace codescout::cli {

// A non-negative decimal integer: "0", "42". No sign, no spaces, no overflow.
std::uint64_t parse_count(std::string_view value, std::string_view flag);

// A byte size: a count with an optional K, M or G suffix (powers of 1024, either case), as
// ripgrep's --max-filesize takes it: "4096", "32K", "10M".
std::uint64_t parse_size(std::string_view value, std::string_view flag);

// A comma-separated list; empty items are dropped ("rs,,cpp" -> {"rs","cpp"}); a leading dot on
// an item is removed (".rs" -> "rs"), because people type extensions both ways.
std::vector<std::string> parse_extension_list(std::string_view value, std::string_view flag);

// -E/--encoding as rg takes it: "auto", "none", or a WHATWG label ("latin1", "Shift_JIS"); an
// unknown label is rg's "unknown encoding: LABEL".
EncodingOptions parse_encoding(std::string_view value, std::string_view flag);

[[noreturn]] void throw_invalid_value(std::string_view value, std::string_view flag, std::string_view expected);

}  // namespace codescout::cli
