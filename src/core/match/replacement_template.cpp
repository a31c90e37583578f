// Parsing and expanding replacement templates (see replacement_template.h).
#include "core/match/replacement_template.h"

#include <charconv>
#include <cstdint>

namespace codescout {

namespace {

bool is_name_byte(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// A reference at text[0] == '$': its name and length, or length 0 when it is not a reference.
struct Reference {
    std::string_view name;
    std::size_t length = 0;
};

Reference read_reference(std::string_view text) {
    std::size_t i = 1;
    const bool braced = i < text.size() && text[i] == '{';
    if (braced) ++i;
    std::size_t end = i;
    while (end < text.size() && is_name_byte(text[end])) ++end;
    if (end == i) return {};
    const std::string_view name = text.substr(i, end - i);
    if (braced) {
        if (end >= text.size() || text[end] != '}') return {};
        ++end;
    }
    return {name, end};
}

// rg reads a name as a group number when it parses as a 32-bit unsigned decimal ("01" is 1).
bool parse_number(std::string_view name, std::size_t& index) {
    std::uint32_t value = 0;
    const auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), value);
    if (error != std::errc() || end != name.data() + name.size()) return false;
    index = value;
    return true;
}

}  // namespace

ReplacementTemplate ReplacementTemplate::parse(std::string_view text) {
    ReplacementTemplate result;
    std::string literal;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t dollar = text.find('$', i);
        if (dollar == std::string_view::npos) {
            literal.append(text.substr(i));
            break;
        }
        literal.append(text.substr(i, dollar - i));
        const std::string_view rest = text.substr(dollar);
        if (rest.size() > 1 && rest[1] == '$') {
            literal.push_back('$');
            i = dollar + 2;
            continue;
        }
        const Reference ref = read_reference(rest);
        if (ref.length == 0) {
            literal.push_back('$');
            i = dollar + 1;
            continue;
        }
        if (!literal.empty()) result.pieces_.emplace_back(std::move(literal));
        literal.clear();
        std::size_t index = 0;
        if (parse_number(ref.name, index)) result.pieces_.emplace_back(GroupNumber{index});
        else result.pieces_.emplace_back(GroupName{std::string(ref.name)});
        i = dollar + ref.length;
    }
    if (!literal.empty()) result.pieces_.emplace_back(std::move(literal));
    return result;
}

void ReplacementTemplate::expand(const CaptureGroups& groups, std::string& out) const {
    for (const Piece& piece : pieces_) {
        if (const auto* text = std::get_if<std::string>(&piece)) {
            out.append(*text);
        } else if (const auto* number = std::get_if<GroupNumber>(&piece)) {
            if (const auto value = groups.group(number->index)) out.append(*value);
        } else if (const auto index = groups.index_of(std::get<GroupName>(piece).name)) {
            if (const auto value = groups.group(*index)) out.append(*value);
        }
    }
}

bool ReplacementTemplate::uses_groups() const {
    for (const Piece& piece : pieces_) {
        if (std::holds_alternative<GroupName>(piece)) return true;
        if (const auto* number = std::get_if<GroupNumber>(&piece); number != nullptr && number->index != 0) return true;
    }
    return false;
}

bool ReplacementTemplate::is_literal() const {
    for (const Piece& piece : pieces_) {
        if (!std::holds_alternative<std::string>(piece)) return false;
    }
    return true;
}

}  // namespace codescout
