// How a formatter hands a file's output over in parts: a file with millions of printed lines is
// then never held formatted whole next to its lines (a second copy doubled the memory).
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace codescout {

// Takes the output formatted so far away (and clears the string). A formatter given one calls it
// whenever its output has grown to about kFormatPartBytes; the last part stays in its string.
using FormatDrain = std::function<void(std::string&)>;
inline constexpr std::size_t kFormatPartBytes = 256 * 1024;

}  // namespace codescout
