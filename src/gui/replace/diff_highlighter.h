// Highlights a diff document block by block (one DiffLine a block, see diff_editor.h): the code of
// each context, removed and added line in the file's own language, the headers and notes in their
// own style, and the changed characters of a removed/added pair with a stronger red or green. The
// line-wide backgrounds are not set here but as block formats (DiffEditor), which QPlainTextEdit
// paints across the whole width.
//
// A QSyntaxHighlighter that is also a KSyntaxHighlighting::AbstractHighlighter: highlightLine()
// runs the language definition over the code part of a block only (after the unified view's
// +/-/space marker), and applyFormat() shifts its offsets back by the marker.
//
// Multi-line state (a comment or string that spans lines): the old file and the new file each
// carry their own state, because a removed line is only in the old one and an added line only in
// the new one — a "/*" added must not turn the following removed lines into a comment. In the
// unified view (States::OldAndNew) a removed line continues the old state, an added line the new
// one, and a context line, which is in both, continues each (highlighted once when the two agree,
// which is nearly always; shown in the new file's state when they do not). A side of the
// side-by-side view holds one file only (States::One). Both states restart at each hunk header:
// the lines between hunks are not in the diff, so what they open or close is unknown, and a fresh
// start is right far more often than carrying a state across unseen lines.
#pragma once

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>

#include <QHash>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <memory>
#include <vector>

#include "gui/replace/diff_colors.h"
#include "gui/replace/diff_lines.h"

namespace codescout::gui {

struct DiffStyle {
    KSyntaxHighlighting::Definition definition;  // invalid: no language highlighting
    KSyntaxHighlighting::Theme theme;
    DiffColors colors;
};

class DiffHighlighter : public QSyntaxHighlighter, public KSyntaxHighlighting::AbstractHighlighter {
public:
    enum class States { OldAndNew, One };

    // Highlights `document`, whose block i shows lines[i]; parented to the document.
    DiffHighlighter(QTextDocument* document, std::shared_ptr<const std::vector<DiffLine>> lines, States states,
                    const DiffStyle& style);

protected:
    void highlightBlock(const QString& text) override;
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format& format) override;

private:
    struct StatePair {
        KSyntaxHighlighting::State old;
        KSyntaxHighlighting::State now;
    };
    StatePair highlightCode(const DiffLine& line, QStringView text, const StatePair& before);
    KSyntaxHighlighting::State run(QStringView code, const KSyntaxHighlighting::State& state, bool shown);
    void markChanges(const DiffLine& line);

    std::shared_ptr<const std::vector<DiffLine>> lines_;
    States states_;
    DiffStyle style_;
    std::vector<StatePair> after_;  // the states after each block, for the next one
    int codeStart_ = 0;             // applyFormat's offsets count from here
    bool shown_ = true;             // false: a run only for its state, its formats dropped
    QHash<int, QTextCharFormat> formats_;  // by KSyntaxHighlighting::Format::id()
    QTextCharFormat fileHeader_;
    QTextCharFormat hunkHeader_;
    QTextCharFormat note_;
};

}  // namespace codescout::gui
