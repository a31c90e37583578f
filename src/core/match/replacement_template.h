// A replacement text with capture references, as ripgrep's -r/--replace reads it (and the
// GUI's Replace will): parsed once, then expanded for each match from its capture groups.
//
//   $N, ${N}      group number N (decimal; "$0" is the whole match)
//   $name, ${name} the named group; a name is the longest run of [0-9A-Za-z_], so "$1a" names a
//                  group "1a" (not group 1 followed by "a"): write "${1}a" for that
//   $$            a literal '$'
//   a '$' that starts none of these ("$", "$-", "${x") is a literal '$'
// A reference to a group that does not exist or did not take part in the match expands to
// nothing. These are ripgrep's rules (grep-matcher's interpolate), so that -r prints rg's bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/match/capture_groups.h"

namespace codescout {

class ReplacementTemplate {
public:
    // Never fails: every text is a valid template (see the rules above).
    static ReplacementTemplate parse(std::string_view text);

    // Appends the replacement for one match to `out`.
    void expand(const CaptureGroups& groups, std::string& out) const;

    // True when expanding needs the match's groups beyond the whole match ($0): a literal
    // matcher can then answer alone, without a regex run for the groups.
    bool uses_groups() const;
    // True when the template references nothing: the replacement is always the same text.
    bool is_literal() const;

private:
    struct GroupNumber {
        std::size_t index;
    };
    struct GroupName {
        std::string name;
    };
    using Piece = std::variant<std::string, GroupNumber, GroupName>;
    std::vector<Piece> pieces_;
};

}  // namespace codescout
