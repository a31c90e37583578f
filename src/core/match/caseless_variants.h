// Unicode caseless matching of an ASCII literal as a few byte strings. PCRE2 with UTF | UCP |
// CASELESS folds two non-ASCII characters onto ASCII letters: U+212A KELVIN SIGN onto 'k' and
// U+017F LATIN SMALL LETTER LONG S onto 's' (every other ASCII letter's case variants are ASCII).
// Spelling each 'k' and 's' of a literal both ways gives byte strings that, compared with ASCII
// case folding, match exactly the text PCRE2 matches caselessly: the SIMD literal finder can then
// search for all of them instead of leaving such literals to PCRE2.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace codescout {

// How many spellings unicode_case_variants() gives: 2 to the number of k/K/s/S in `ascii`,
// saturating at SIZE_MAX.
std::size_t unicode_case_variant_count(std::string_view ascii);

// Every spelling of the ASCII literal with each k/K replaced by itself or the Kelvin sign's UTF-8
// and each s/S by itself or the long s's UTF-8; the literal as given comes first. Other bytes are
// kept as they are (the finder folds ASCII letters). Two spellings differ first where one has an
// ASCII letter and the other a non-ASCII byte, so at most one of them occurs at any position.
// Callers check unicode_case_variant_count() first: the result has that many elements.
std::vector<std::string> unicode_case_variants(std::string_view ascii);

}  // namespace codescout
