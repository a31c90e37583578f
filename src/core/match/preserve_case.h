// "Preserve case" for Replace (as in VS Code and Kate): the replacement takes the letter case of
// the text it replaces — foo→bar, Foo→Bar, FOO→BAR. The rule is read off the replaced text's
// cased letters (Unicode, by code point, through ICU), in this order:
//   no cased letter                    the replacement as typed ("123" → as typed)
//   every cased letter upper, ≥ 2      all upper                  (FOO → BAR)
//   every cased letter lower           all lower                  (foo → bar)
//   the first upper, the rest lower    first letter upper, rest as typed (Foo → Bar, "F" → "Bar")
//   anything else (fooBar, FoO)        the replacement as typed (no guess at a mixed pattern)
// Bytes that are not valid UTF-8 are copied as they are; nothing is ever dropped. Case mapping is
// one code point to one (ICU's simple mapping): "ß" stays "ß" in upper case, so the replacement's
// length in code points never changes.
#pragma once

#include <string>
#include <string_view>

namespace codescout {

enum class CaseShape { None, Upper, Lower, Title, Mixed };

// The shape of `text`'s cased letters (see above).
CaseShape case_shape(std::string_view text);

// `replacement` given the case of `replaced`.
std::string preserve_case(std::string_view replaced, std::string_view replacement);

}  // namespace codescout
