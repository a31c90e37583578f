// LineList, the compact storage of a file's result lines: views that stay valid while the list
// grows (a line's spans moved with it when a block fills), copies that own their bytes, clear()
// and erase() that keep the remaining records intact.
#include <QtTest>

#include <algorithm>
#include <string>
#include <vector>

#include "core/search/line_list.h"

using namespace codescout;

namespace {

std::string line_text(int i) { return "line " + std::to_string(i) + std::string(static_cast<std::size_t>(i % 97), 'x'); }

std::vector<MatchSpan> line_spans(int i) {
    std::vector<MatchSpan> spans;
    for (int s = 0; s < i % 13; ++s) spans.push_back({static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(s + 1)});
    return spans;
}

// Fills `list` with `count` lines, spans added one by one as the scanner does.
void fill(LineList& list, int count) {
    for (int i = 0; i < count; ++i) {
        const std::string text = line_text(i);
        list.append(static_cast<std::uint64_t>(i + 1), static_cast<std::uint64_t>(i) * 100, text, i % 5 == 0);
        for (const MatchSpan& span : line_spans(i)) list.add_span(span);
    }
}

void verify(const LineList& list, int count) {
    QCOMPARE(list.size(), static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const LineRecord& r = list[static_cast<std::size_t>(i)];
        QCOMPARE(r.number, static_cast<std::uint64_t>(i + 1));
        QCOMPARE(r.byte_offset, static_cast<std::uint64_t>(i) * 100);
        QCOMPARE(std::string(r.text), line_text(i));
        QCOMPARE(r.is_context, i % 5 == 0);
        const std::vector<MatchSpan> want = line_spans(i);
        QVERIFY2(std::ranges::equal(r.spans, want), qPrintable(QStringLiteral("spans of line %1").arg(i + 1)));
    }
}

}  // namespace

class TestLineList : public QObject {
    Q_OBJECT
private slots:
    // Enough lines and spans to fill many blocks, spans crossing block ends mid-line.
    void viewsStayValidWhileItGrows() {
        LineList list;
        fill(list, 20000);
        verify(list, 20000);
    }

    void moveKeepsTheViews() {
        LineList list;
        fill(list, 3000);
        const char* first = list.front().text.data();
        LineList moved(std::move(list));
        // The same bytes, not a copy: compared as addresses (QCOMPARE of two char pointers
        // would strcmp texts that have no terminating NUL).
        QCOMPARE(static_cast<const void*>(moved.front().text.data()), static_cast<const void*>(first));
        verify(moved, 3000);
    }

    void copyOwnsItsBytes() {
        auto original = std::make_unique<LineList>();
        fill(*original, 3000);
        const LineList copy(*original);
        QVERIFY(copy.front().text.data() != original->front().text.data());
        original.reset();
        verify(copy, 3000);
    }

    void clearThenReuse() {
        LineList list;
        fill(list, 5000);
        list.clear();
        QVERIFY(list.empty());
        fill(list, 700);
        verify(list, 700);
    }

    void eraseKeepsTheOthers() {
        LineList list;
        fill(list, 100);
        list.erase(list.begin() + 40, list.end());
        verify(list, 40);
        list.erase_if([](const LineRecord& r) { return r.number % 2 == 0; });
        QCOMPARE(list.size(), std::size_t{20});
        QCOMPARE(std::string(list[3].text), line_text(6));
    }

    // An empty text still points at readable memory (never a null pointer for memcpy).
    void emptyTextIsNotNull() {
        LineList list;
        list.append(1, 0, {}, false);
        QVERIFY(list.front().text.data() != nullptr);
        QVERIFY(list.front().text.empty());
        QVERIFY(list.front().spans.empty());
    }

    void appendWithSpans() {
        LineList list;
        const std::vector<MatchSpan> spans{{0, 3}, {4, 7}};
        list.append(7, 70, "foo foo", false, spans);
        list.add_span({8, 9});
        QVERIFY(std::ranges::equal(list.front().spans, std::vector<MatchSpan>{{0, 3}, {4, 7}, {8, 9}}));
    }
};

QTEST_GUILESS_MAIN(TestLineList)
#include "test_line_list.moc"
