// JSON building blocks for --json, the way ripgrep writes them: strings escaped like serde_json,
// and arbitrary bytes as {"text": "..."} when they are valid UTF-8, else {"bytes": "<base64>"}.
#pragma once

#include <string>
#include <string_view>

namespace codescout {

bool is_valid_utf8(std::string_view bytes);

// Appends "..." with ", \ and control characters escaped (\n, \t, ... or \u00XX).
void append_json_string(std::string& out, std::string_view utf8);

// Standard base64 with padding (RFC 4648).
void append_base64(std::string& out, std::string_view bytes);

// Appends {"text":"..."} or {"bytes":"..."}.
void append_json_data(std::string& out, std::string_view bytes);

}  // namespace codescout
