// intraLineChange (see the header).
#include "gui/replace/intra_line_diff.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace codescout::gui {

namespace {

struct Token {
    int begin = 0;
    int end = 0;
};

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}

// Whether a word that has `before` at i - 1 and `at` at i (and `after` at i + 1, or U+0000)
// starts a new sub-word there: a lower-case letter or digit followed by a capital ("get|Foo"),
// the last capital of an acronym before a lower-case letter ("HTTP|Response"), or a change
// between letters and digits ("foo|2").
bool subWordStarts(QChar before, QChar at, QChar after)
{
    if (before.isDigit() != at.isDigit())
        return true;
    if (at.isUpper() && (before.isLower() || before.isDigit()))
        return true;
    return at.isUpper() && before.isUpper() && after.isLower();
}

std::vector<Token> tokenize(QStringView text)
{
    std::vector<Token> tokens;
    const auto size = static_cast<int>(text.size());
    const auto charAt = [&](int i) { return i < size ? text[i] : QChar(); };
    for (int i = 0; i < size;) {
        int j = i + 1;
        const QChar c = text[i];
        if (isWordChar(c)) {
            while (j < size && isWordChar(text[j]) && !subWordStarts(text[j - 1], text[j], charAt(j + 1)))
                ++j;
        } else if (c.isHighSurrogate() && j < size && text[j].isLowSurrogate()) {
            ++j;  // one character outside the BMP (an emoji): never split
        }
        tokens.push_back({i, j});
        i = j;
    }
    return tokens;
}

// Where the two sequences' tokens are equal, in order: Myers' greedy shortest edit script over
// a[aFrom, aTo) and b[bFrom, bTo), as (index in a, index in b) pairs. Nothing when the script would
// take more than kMaxIntraLineEdits edits.
std::optional<std::vector<std::pair<int, int>>> equalTokens(QStringView a, const std::vector<Token>& ta, int aFrom, int aTo,
                                                            QStringView b, const std::vector<Token>& tb, int bFrom, int bTo)
{
    const int n = aTo - aFrom;
    const int m = bTo - bFrom;
    const auto same = [&](int x, int y) {
        const Token& s = ta[static_cast<std::size_t>(aFrom + x)];
        const Token& t = tb[static_cast<std::size_t>(bFrom + y)];
        return a.sliced(s.begin, s.end - s.begin) == b.sliced(t.begin, t.end - t.begin);
    };
    const int limit = std::min(n + m, kMaxIntraLineEdits);
    const int offset = limit + 1;
    std::vector<int> v(static_cast<std::size_t>(2 * limit + 3), 0);
    std::vector<std::vector<int>> trace;  // v before each step, for walking back
    auto at = [&](std::vector<int>& row, int k) -> int& { return row[static_cast<std::size_t>(k + offset)]; };
    int found = -1;
    for (int d = 0; d <= limit && found < 0; ++d) {
        trace.push_back(v);
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && at(v, k - 1) < at(v, k + 1))) ? at(v, k + 1) : at(v, k - 1) + 1;
            int y = x - k;
            while (x < n && y < m && same(x, y)) {
                ++x;
                ++y;
            }
            at(v, k) = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    if (found < 0)
        return std::nullopt;
    std::vector<std::pair<int, int>> pairs;
    int x = n;
    int y = m;
    for (int d = found; d > 0; --d) {
        std::vector<int>& row = trace[static_cast<std::size_t>(d)];
        const int k = x - y;
        const int previousK = (k == -d || (k != d && at(row, k - 1) < at(row, k + 1))) ? k + 1 : k - 1;
        const int previousX = at(row, previousK);
        const int previousY = previousX - previousK;
        while (x > previousX && y > previousY) {
            --x;
            --y;
            pairs.emplace_back(aFrom + x, bFrom + y);
        }
        x = previousX;
        y = previousY;
    }
    while (x > 0 && y > 0) {
        --x;
        --y;
        pairs.emplace_back(aFrom + x, bFrom + y);
    }
    std::reverse(pairs.begin(), pairs.end());
    return pairs;
}

void mark(QList<CharSpan>& spans, int begin, int end)
{
    if (begin < end)
        spans.append({begin, end});
}

}  // namespace

IntraLineChange intraLineChange(QStringView before, QStringView after)
{
    IntraLineChange change;
    if (before == after)
        return change;
    const std::vector<Token> ta = tokenize(before);
    const std::vector<Token> tb = tokenize(after);
    const auto sizeA = static_cast<int>(ta.size());
    const auto sizeB = static_cast<int>(tb.size());
    const auto tokenText = [](QStringView s, const Token& t) { return s.sliced(t.begin, t.end - t.begin); };
    // Common leading and trailing tokens need no search (most of a line a replacement touches).
    int head = 0;
    while (head < sizeA && head < sizeB && tokenText(before, ta[static_cast<std::size_t>(head)]) == tokenText(after, tb[static_cast<std::size_t>(head)]))
        ++head;
    int tail = 0;
    while (tail < sizeA - head && tail < sizeB - head &&
           tokenText(before, ta[static_cast<std::size_t>(sizeA - 1 - tail)]) == tokenText(after, tb[static_cast<std::size_t>(sizeB - 1 - tail)]))
        ++tail;
    const int aFrom = head;
    const int aTo = sizeA - tail;
    const int bFrom = head;
    const int bTo = sizeB - tail;
    // Character offsets of token boundaries; an empty range sits where the next token starts.
    const auto startOf = [](const std::vector<Token>& t, int i, QStringView s) {
        return i < static_cast<int>(t.size()) ? t[static_cast<std::size_t>(i)].begin : static_cast<int>(s.size());
    };
    std::optional<std::vector<std::pair<int, int>>> equal;
    if (aTo - aFrom <= kMaxIntraLineTokens && bTo - bFrom <= kMaxIntraLineTokens)
        equal = equalTokens(before, ta, aFrom, aTo, after, tb, bFrom, bTo);
    if (!equal)
        equal.emplace();  // too long or too different: the whole middle is one change
    equal->emplace_back(aTo, bTo);  // a sentinel: the change before the common tail
    int ai = aFrom;
    int bi = bFrom;
    for (const auto& [ae, be] : *equal) {
        mark(change.removed, startOf(ta, ai, before), startOf(ta, ae, before));
        mark(change.added, startOf(tb, bi, after), startOf(tb, be, after));
        ai = ae + 1;
        bi = be + 1;
    }
    return change;
}

}  // namespace codescout::gui
