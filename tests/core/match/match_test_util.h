// Helpers shared by the matcher tests: PatternOptions from a compact flag string, and every
// match of a matcher in a haystack as "begin-end begin-end ..." for readable comparisons.
#pragma once

#include <QByteArray>
#include <QByteArrayList>

#include <string>

#include "core/match/matcher.h"
#include "core/search/search_options.h"

namespace codescout::test {

// Flags: F fixed strings, i case-insensitive, S smart case, w whole word, j hyphen joining,
// x whole line.
inline PatternOptions pattern_options(const QByteArrayList& patterns, const QByteArray& flags) {
    PatternOptions options;
    for (const QByteArray& p : patterns) options.patterns.push_back(p.toStdString());
    options.fixed_strings = flags.contains('F');
    options.case_mode = flags.contains('i') ? CaseMode::Insensitive
                        : flags.contains('S') ? CaseMode::Smart
                                              : CaseMode::Sensitive;
    options.whole_word = flags.contains('w');
    options.hyphen_mode = flags.contains('j') ? HyphenMode::Joining : HyphenMode::Boundary;
    options.whole_line = flags.contains('x');
    options.pcre2_syntax = flags.contains('P');
    return options;
}

// All matches from `from` on, advancing past each match (one byte past an empty one), the way
// the searcher walks a buffer.
inline QByteArray all_matches(const Matcher& matcher, std::string_view haystack, std::size_t from = 0) {
    auto scratch = matcher.make_scratch();
    QByteArray out;
    while (auto m = matcher.find(haystack, from, *scratch)) {
        if (!out.isEmpty()) out += ' ';
        out += QByteArray::number(qulonglong(m->begin)) + '-' + QByteArray::number(qulonglong(m->end));
        from = m->end > m->begin ? m->end : m->end + 1;
        if (from > haystack.size()) break;
    }
    return out;
}

}  // namespace codescout::test
