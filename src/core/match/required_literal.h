// Required literals of a regex: byte strings at least one of which every match must contain, found
// by a deliberately small parse of the pattern (see required_literal.cpp). They let the prefiltered
// matcher skip to the lines that can match with the SIMD literal finder before running PCRE2.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace codescout {

// For one regex (as the user wrote it, compiled with UTF | UCP | MULTILINE, optionally CASELESS):
// a set of needles such that every match of the regex contains at least one of them, or nullopt
// when the parse finds none or meets anything it does not understand. Top-level alternatives each
// give one needle (the longest run of mandatory literal characters of that branch; rarer bytes
// break ties). Caseless needles are ASCII and never contain 'k' or 's' (Unicode folds those to
// non-ASCII characters, which the ASCII-folding literal finder would miss); the caller folds them.
// Needles never contain '\n', so an occurrence lies within one line.
//
// `ks`: KeepKS lets caseless needles hold k and s, for a caller that reads the KELVIN SIGN and the
// LONG S as k and s itself (the trigram index, core/index/index_text.h).
enum class CaselessKS { Split, Keep };
std::optional<std::vector<std::string>> required_literals(std::string_view regex, bool caseless,
                                                          CaselessKS ks = CaselessKS::Split);

}  // namespace codescout
