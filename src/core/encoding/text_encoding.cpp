// WHATWG label lookup (see text_encoding.h); the labels are in whatwg_labels.inc.
#include "core/encoding/text_encoding.h"

#include <algorithm>
#include <array>
#include <utility>

namespace codescout {
namespace {

constexpr std::pair<std::string_view, std::string_view> kLabels[] = {
#define CODESCOUT_LABEL(label, name) {label, name},
#include "core/encoding/whatwg_labels.inc"
#undef CODESCOUT_LABEL
};

bool is_ascii_whitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::span<const std::pair<std::string_view, std::string_view>> whatwg_labels() { return kLabels; }

std::optional<std::string_view> encoding_for_label(std::string_view label) {
    while (!label.empty() && is_ascii_whitespace(label.front())) label.remove_prefix(1);
    while (!label.empty() && is_ascii_whitespace(label.back())) label.remove_suffix(1);
    for (const auto& [known, name] : kLabels) {
        if (known.size() == label.size() &&
            std::equal(known.begin(), known.end(), label.begin(), [](char a, char b) { return a == ascii_lower(b); })) {
            return name;
        }
    }
    return std::nullopt;
}

}  // namespace codescout
