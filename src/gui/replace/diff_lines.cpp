// parseUnifiedDiff and displayText (see the header).
#include "gui/replace/diff_lines.h"

#include <QRegularExpression>

namespace codescout::gui {

namespace {

// The old and new start lines of a hunk header, or {-1, -1}.
std::pair<int, int> hunkStarts(QStringView header, int& oldCount, int& newCount)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@)"));
    const QRegularExpressionMatch match = pattern.matchView(header);
    if (!match.hasMatch())
        return {-1, -1};
    oldCount = match.capturedView(2).isEmpty() ? 1 : match.capturedView(2).toInt();
    newCount = match.capturedView(4).isEmpty() ? 1 : match.capturedView(4).toInt();
    return {match.capturedView(1).toInt(), match.capturedView(3).toInt()};
}

// Pairs the removed and added lines of the run [from, to) and marks what changed in each pair.
void markRun(std::vector<DiffLine>& lines, std::size_t from, std::size_t to)
{
    std::vector<std::size_t> removed;
    std::vector<std::size_t> added;
    for (std::size_t i = from; i < to; ++i) {
        if (lines[i].kind == DiffLineKind::Removed)
            removed.push_back(i);
        else if (lines[i].kind == DiffLineKind::Added)
            added.push_back(i);
    }
    for (std::size_t p = 0; p < removed.size() && p < added.size(); ++p) {
        DiffLine& old = lines[removed[p]];
        DiffLine& now = lines[added[p]];
        const IntraLineChange change = intraLineChange(QStringView(old.text).sliced(old.codeStart),
                                                       QStringView(now.text).sliced(now.codeStart));
        for (const CharSpan& span : change.removed)
            old.changed.append({span.begin + old.codeStart, span.end + old.codeStart});
        for (const CharSpan& span : change.added)
            now.changed.append({span.begin + now.codeStart, span.end + now.codeStart});
    }
}

}  // namespace

QString displayText(QStringView line)
{
    if (line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    QString text = line.toString();
    for (QChar& c : text) {
        const char16_t u = c.unicode();
        if (u == u'\r' || u == QChar::LineSeparator || u == QChar::ParagraphSeparator || u == 0xfdd0 || u == 0xfdd1)
            c = QChar::ReplacementCharacter;
    }
    return text;
}

std::vector<DiffLine> parseUnifiedDiff(const QString& diff)
{
    std::vector<DiffLine> lines;
    int oldLine = 0;
    int newLine = 0;
    int oldLeft = 0;  // lines the current hunk still has on each side
    int newLeft = 0;
    std::size_t runStart = 0;  // first line of the current run of removed/added lines
    bool inRun = false;
    const auto endRun = [&] {
        if (inRun)
            markRun(lines, runStart, lines.size());
        inRun = false;
    };
    QStringView rest(diff);
    while (!rest.isEmpty()) {
        const qsizetype newline = rest.indexOf(QLatin1Char('\n'));
        const QStringView raw = newline < 0 ? rest : rest.first(newline);
        rest = newline < 0 ? QStringView() : rest.sliced(newline + 1);
        DiffLine line;
        line.text = displayText(raw);
        const QChar mark = raw.isEmpty() ? QChar() : raw.front();
        const bool inHunk = oldLeft > 0 || newLeft > 0;
        if (mark == QLatin1Char('\\')) {
            line.kind = DiffLineKind::NoNewline;  // belongs to the run it follows: keep the run open
        } else if (inHunk && (mark == QLatin1Char(' ') || raw.isEmpty())) {
            // An empty line inside a hunk is an empty context line whose space was stripped (some
            // tools and mail clients do that); this project's diff always writes the space.
            endRun();
            line.kind = DiffLineKind::Context;
            line.codeStart = raw.isEmpty() ? 0 : 1;
            line.oldNumber = oldLine++;
            line.newNumber = newLine++;
            --oldLeft;
            --newLeft;
        } else if (inHunk && mark == QLatin1Char('-')) {
            if (!inRun)
                runStart = lines.size();
            inRun = true;
            line.kind = DiffLineKind::Removed;
            line.codeStart = 1;
            line.oldNumber = oldLine++;
            --oldLeft;
        } else if (inHunk && mark == QLatin1Char('+')) {
            if (!inRun)
                runStart = lines.size();
            inRun = true;
            line.kind = DiffLineKind::Added;
            line.codeStart = 1;
            line.newNumber = newLine++;
            --newLeft;
        } else {
            endRun();
            int oldCount = 0;
            int newCount = 0;
            const auto [oldStart, newStart] = hunkStarts(raw, oldCount, newCount);
            if (oldStart >= 0) {
                line.kind = DiffLineKind::HunkHeader;
                // An empty side's start names the line before it (diff's convention); it has no
                // lines to number, so its start does not matter.
                oldLine = oldStart;
                newLine = newStart;
                oldLeft = oldCount;
                newLeft = newCount;
            } else {
                line.kind = DiffLineKind::FileHeader;  // "---", "+++", or anything else outside a hunk
            }
        }
        lines.push_back(std::move(line));
    }
    endRun();
    return lines;
}

}  // namespace codescout::gui
