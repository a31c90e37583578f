// BOM sniffing and the per-file decoding decision (see decoding_plan.h).
#include "core/encoding/decoding_plan.h"

namespace codescout {

std::optional<std::pair<std::string_view, std::size_t>> sniff_bom(std::string_view head) {
    if (head.starts_with("\xEF\xBB\xBF")) return std::pair{std::string_view("UTF-8"), std::size_t{3}};
    if (head.starts_with("\xFF\xFE")) return std::pair{std::string_view("UTF-16LE"), std::size_t{2}};
    if (head.starts_with("\xFE\xFF")) return std::pair{std::string_view("UTF-16BE"), std::size_t{2}};
    return std::nullopt;
}

std::optional<DecodingPlan> plan_decoding(std::string_view head, const EncodingOptions& options) {
    if (options.mode == EncodingMode::None) return std::nullopt;
    const bool forced = options.mode == EncodingMode::Forced;
    if (const auto bom = sniff_bom(head)) {
        const auto [encoding, length] = *bom;
        // rg passes UTF-8 through after its BOM; a forced encoding still applies to the rest.
        if (encoding == "UTF-8") {
            return forced ? DecodingPlan{options.forced, length, true} : DecodingPlan{encoding, length, false};
        }
        return DecodingPlan{encoding, length, true};
    }
    if (forced) return DecodingPlan{options.forced, 0, true};
    return std::nullopt;
}

}  // namespace codescout
