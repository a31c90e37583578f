// Text encodings as the WHATWG Encoding Standard names them ("UTF-16LE", "windows-1252"), looked
// up by label as ripgrep's -E/--encoding does, and how a search chooses the encoding of a file.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <utility>

namespace codescout {

// The encoding a WHATWG label names, by its WHATWG name; nullopt for an unknown label and for
// the "replacement" labels (which rg refuses too). Labels match ASCII case-insensitively after
// ASCII whitespace is trimmed from both ends: " Latin1 " names "windows-1252".
std::optional<std::string_view> encoding_for_label(std::string_view label);

// Every label of the standard with its encoding's name (rg accepts each; the tests run them all).
std::span<const std::pair<std::string_view, std::string_view>> whatwg_labels();

enum class EncodingMode {
    Auto,    // sniff a BOM: UTF-8's is dropped, UTF-16 is decoded; other files are searched as bytes
    Forced,  // decode every file from `forced` (a BOM still wins, as in rg)
    None     // search every file's bytes as they are, BOM included (rg -E none)
};

struct EncodingOptions {
    EncodingMode mode = EncodingMode::Auto;
    std::string_view forced;  // Forced: a name encoding_for_label() returned (static storage)
};

}  // namespace codescout
