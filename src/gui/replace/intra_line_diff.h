// Which parts of a changed line changed: the diff views mark them on top of the line's red or green
// background (VS Code's and Kate's "intra-line" or "word" diff).
//
// Computed from the two texts of a removed/added pair, not from the Replace plan's edits: the
// views show any unified diff text (the one --dry-run prints), a pair is exactly what the reader
// compares, and the plan's byte offsets would need re-mapping through the diff's line split
// (multi-line replacements) and the file's decoding. The result is the minimal change, which is
// what the replacement changed except where the new text happens to share characters with the old.
//
// How: the lines are split into tokens — words split further into sub-words ("get|Foo",
// "HTTP|Response", "foo|_|2"), each other character (white space and punctuation) a token of its
// own — and the token sequences are compared with Myers' algorithm; each run of tokens only one
// side has is marked. So "foo x foo" -> "bar x bar" marks both "foo" and both "bar" (never the
// whole line), "getFoo()" -> "getBar()" marks "Foo" and "Bar", and "foo" -> "first" marks the
// whole word, not the "oo" and "irst" that a character diff would pick.
//
// Bounded: Myers runs over at most kMaxIntraLineTokens tokens a side (after the common leading and trailing
// tokens are set aside) and gives up after kMaxIntraLineEdits token edits; beyond either the differing
// middle is marked as one span. A pair costs O(tokens × kMaxIntraLineEdits) at most.
#pragma once

#include <QList>
#include <QStringView>

namespace codescout::gui {

// [begin, end) in UTF-16 units of a line.
struct CharSpan {
    int begin = 0;
    int end = 0;
    friend bool operator==(const CharSpan&, const CharSpan&) = default;
};

struct IntraLineChange {
    QList<CharSpan> removed;  // into the old line, ascending, none empty
    QList<CharSpan> added;    // into the new line
};

constexpr int kMaxIntraLineTokens = 1000;
constexpr int kMaxIntraLineEdits = 48;

IntraLineChange intraLineChange(QStringView before, QStringView after);

}  // namespace codescout::gui
