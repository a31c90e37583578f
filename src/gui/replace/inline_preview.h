// The text of a result line as the Replace preview shows it: each chosen match followed by its
// replacement ("old" struck through, "new" highlighted), a match left unchecked shown as a plain
// match. Plain data, so the delegate paints it and the tests read it without painting.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace codescout::gui {

struct InlinePiece {
    enum class Kind { Old, New, Unchosen };
    Kind kind = Kind::Old;
    qsizetype start = 0;  // in InlinePreview::text
    qsizetype length = 0;
    int match = 0;        // index of the match in the line
};

struct InlinePreview {
    QString text;
    QList<InlinePiece> pieces;  // in text order

    // The match whose old or new text covers `position` of `text`, or -1.
    int matchAt(qsizetype position) const;
};

// `text` with `spans` (begin,end pairs in UTF-16 units, sorted, non-overlapping) and per match
// its replacement and whether it is chosen. Spans out of range are clamped to the text.
InlinePreview composeInline(const QString& text, const QList<int>& spans, const QStringList& replacements,
                            const QList<bool>& chosen);

}  // namespace codescout::gui
