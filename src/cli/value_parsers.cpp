// Flag value parsing (see value_parsers.h).
#include "cli/value_parsers.h"

#include <charconv>
#include <limits>

#include "cli/cli_args.h"

namespace codescout::cli {

void throw_invalid_value(std::string_view value, std::string_view flag, std::string_view expected) {
    throw UsageError("invalid value '" + std::string(value) + "' for " + std::string(flag) + ": expected " +
                     std::string(expected));
}

std::uint64_t parse_count(std::string_view value, std::string_view flag) {
    std::uint64_t result = 0;
    const char* first = value.data();
    const char* last = value.data() + value.size();
    // from_chars accepts neither '+' nor spaces, but it does accept '-' for unsigned types on
    // some libraries' older versions: rule it out explicitly.
    if (value.empty() || value.front() == '-') throw_invalid_value(value, flag, "a non-negative integer");
    const auto [end, error] = std::from_chars(first, last, result);
    if (error == std::errc::result_out_of_range) throw_invalid_value(value, flag, "a smaller number");
    if (error != std::errc{} || end != last) throw_invalid_value(value, flag, "a non-negative integer");
    return result;
}

std::uint64_t parse_size(std::string_view value, std::string_view flag) {
    if (value.empty()) throw_invalid_value(value, flag, "a size in bytes (e.g. 4096, 32K, 10M, 1G)");
    unsigned shift = 0;
    switch (value.back()) {
        case 'k': case 'K': shift = 10; break;
        case 'm': case 'M': shift = 20; break;
        case 'g': case 'G': shift = 30; break;
        default: break;
    }
    const std::string_view digits = shift == 0 ? value : value.substr(0, value.size() - 1);
    std::uint64_t number = 0;
    try {
        number = parse_count(digits, flag);
    } catch (const UsageError&) {
        throw_invalid_value(value, flag, "a size in bytes (e.g. 4096, 32K, 10M, 1G)");
    }
    if (shift != 0 && number > (std::numeric_limits<std::uint64_t>::max() >> shift)) {
        throw_invalid_value(value, flag, "a smaller size");
    }
    return number << shift;
}

EncodingOptions parse_encoding(std::string_view value, std::string_view flag) {
    if (value == "auto") return {};
    if (value == "none") return {EncodingMode::None, {}};
    const std::optional<std::string_view> encoding = encoding_for_label(value);
    if (!encoding) {
        throw UsageError("error parsing flag " + std::string(flag) + ": unknown encoding: " + std::string(value));
    }
    return {EncodingMode::Forced, *encoding};
}

std::vector<std::string> parse_extension_list(std::string_view value, std::string_view flag) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= value.size()) {
        std::size_t comma = value.find(',', start);
        if (comma == std::string_view::npos) comma = value.size();
        std::string_view item = value.substr(start, comma - start);
        if (!item.empty() && item.front() == '.') item.remove_prefix(1);
        if (item.find('/') != std::string_view::npos) throw_invalid_value(value, flag, "file extensions like rs,cpp");
        if (!item.empty()) items.emplace_back(item);
        start = comma + 1;
    }
    if (items.empty()) throw_invalid_value(value, flag, "file extensions like rs,cpp");
    return items;
}

}  // namespace codescout::cli
