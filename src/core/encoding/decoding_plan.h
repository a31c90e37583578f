// How one file's bytes become the text a search sees, decided from its first bytes (ripgrep's
// BOM sniffing, encoding_rs_io's rules as rg 14 configures them):
// - a UTF-16LE/BE byte order mark: the rest is decoded from UTF-16, whatever -E says;
// - a UTF-8 BOM: dropped; the rest is searched as it is, or decoded from the forced encoding;
// - no BOM: decoded from the forced encoding, if any, else searched as it is (no plan).
// EncodingMode::None never plans anything: the BOM stays part of the text.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "core/encoding/text_encoding.h"

namespace codescout {

// A BOM is at most this long: sniffing needs this many bytes, or the whole file if shorter.
inline constexpr std::size_t kBomSniffBytes = 3;

struct DecodingPlan {
    std::string_view encoding;  // WHATWG name of the file's text ("UTF-16LE", "UTF-8", ...)
    std::size_t skip = 0;       // BOM bytes dropped before the text
    bool transcode = false;     // decode `encoding` to UTF-8; false: the bytes after `skip` are the text
};

// `head`: the file's first kBomSniffBytes bytes (fewer only if the file is shorter). nullopt:
// search the bytes as they are, which is what almost every file gets.
std::optional<DecodingPlan> plan_decoding(std::string_view head, const EncodingOptions& options);

// The WHATWG name of the encoding whose BOM starts `head`, and the BOM's length.
std::optional<std::pair<std::string_view, std::size_t>> sniff_bom(std::string_view head);

}  // namespace codescout
