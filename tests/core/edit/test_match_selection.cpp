// What the GUI's Replace needs of the edit layer beyond the CLI's: matches named by line and
// ordinal (MatchEdits::located), some of them chosen (chosen_edits), the file compared with what
// the search showed (compare_with_shown), preserve case through the replacer, and an apply that
// reports progress and can be cancelled in either stage with every file wholly old.
#include <QTest>

#include "core/edit/applier.h"
#include "core/edit/match_edits.h"
#include "core/edit/match_selection.h"
#include "core/edit/plan_builder.h"
#include "core/edit/undo_journal.h"
#include "edit_test_util.h"
#include "test_tree.h"

using namespace codescout;
using edit_test::slurp;

namespace {

SearchOptions search_for(std::string pattern, bool fixed = false, CaseMode mode = CaseMode::Sensitive) {
    SearchOptions options;
    options.pattern.patterns = {std::move(pattern)};
    options.pattern.fixed_strings = fixed;
    options.pattern.case_mode = mode;
    return options;
}

MatchEdits edits_for(const SearchOptions& search, std::string replacement, bool preserve = false) {
    return MatchEdits(search, std::make_shared<const Replacer>(search.pattern, replacement, ReplaceOptions{preserve}));
}

FileFingerprint fingerprint_of(std::string_view content, std::int64_t mtime) {
    return FileFingerprint{content.size(), mtime, hash_bytes(content)};
}

// What a search of `content` would have shown: every matching line, every match.
ShownFile shown_from(const std::vector<LocatedEdit>& found, std::string_view content, std::int64_t mtime) {
    ShownFile shown;
    shown.size = content.size();
    shown.mtime_ns = mtime;
    for (const LocatedEdit& l : found) {
        if (shown.lines.empty() || shown.lines.back().number != l.line) shown.lines.push_back({l.line, {}, true});
        shown.lines.back().matches.emplace_back(content.substr(l.edit.begin, l.edit.end - l.edit.begin));
    }
    return shown;
}

}  // namespace

class TestMatchSelection : public QObject {
    Q_OBJECT
private slots:
    void located_names_line_and_ordinal() {
        const std::string content = "foo x foo\nbar\nfoo\n";
        const auto found = edits_for(search_for("foo"), "[$0]").located(content);
        QCOMPARE(found.size(), std::size_t(3));
        QCOMPARE(found[0].line, 1u);
        QCOMPARE(found[0].ordinal, 0u);
        QCOMPARE(found[1].line, 1u);
        QCOMPARE(found[1].ordinal, 1u);
        QCOMPARE(found[1].edit.begin, 6u);
        QCOMPARE(found[2].line, 3u);
        QCOMPARE(found[2].ordinal, 0u);
        QCOMPARE(QByteArray::fromStdString(found[2].edit.replacement), QByteArray("[foo]"));
    }

    // -U: a match across lines is found as the search finds it (the line scanner found none),
    // named by its block's first line, its captures taken with the block's last '\n' in view.
    void located_finds_matches_across_lines() {
        const std::string content = "int f(int ret)\n{\n\tif (ret)\n\t\treturn ret;\n\treturn 0;\n}\nif (ret)\n return ret;\n";
        SearchOptions search = search_for("(\\w+) \\(ret\\)\\n\\s+(return) ret;\\n");
        search.pattern.multiline = true;
        // Moved, as the CLI keeps its computers: nothing inside may point into the moved-from one.
        MatchEdits computer = edits_for(search, "[$1|$2]\n");
        MatchEdits moved = std::move(computer);
        const auto found = moved.located(content);
        QCOMPARE(found.size(), std::size_t(2));
        QCOMPARE(found[0].line, 3u);
        QCOMPARE(found[0].ordinal, 0u);
        QCOMPARE(found[1].line, 7u);
        QCOMPARE(QByteArray::fromStdString(found[0].edit.replacement), QByteArray("[if|return]\n"));
        std::vector<TextEdit> edits;
        for (const LocatedEdit& l : found) edits.push_back(l.edit);
        QCOMPARE(QByteArray::fromStdString(apply_edits(content, edits)),
                 QByteArray("int f(int ret)\n{\n\t[if|return]\n\treturn 0;\n}\n[if|return]\n"));
    }

    void chosen_edits_leave_out_unchecked_matches() {
        const std::string content = "foo x foo\nbar\nfoo\n";
        auto found = edits_for(search_for("foo"), "baz").located(content);
        const auto edits = chosen_edits(std::move(found), [](std::uint64_t line, std::uint32_t ordinal) {
            return !(line == 1 && ordinal == 1);
        });
        QCOMPARE(QByteArray::fromStdString(apply_edits(content, edits)), QByteArray("baz x foo\nbar\nbaz\n"));
    }

    void preserve_case_through_the_replacer() {
        const std::string content = "foo Foo FOO fOo\n";
        const auto search = search_for("foo", true, CaseMode::Insensitive);
        const auto edits = edits_for(search, "bar", true).edits(content);
        QCOMPARE(QByteArray::fromStdString(apply_edits(content, edits)), QByteArray("bar Bar BAR bar\n"));
        // Off: the replacement as typed, as rg -r does.
        const auto plain = edits_for(search, "bar", false).edits(content);
        QCOMPARE(QByteArray::fromStdString(apply_edits(content, plain)), QByteArray("bar bar bar bar\n"));
    }

    void preserve_case_with_capture_references() {
        const std::string content = "Get_value GET_VALUE\n";
        const auto search = search_for("get_(\\w+)", false, CaseMode::Insensitive);
        const auto edits = edits_for(search, "fetch_$1", true).edits(content);
        QCOMPARE(QByteArray::fromStdString(apply_edits(content, edits)), QByteArray("Fetch_value FETCH_VALUE\n"));
    }

    void compare_accepts_the_file_as_shown() {
        const std::string content = "foo x foo\nbar\nfoo\n";
        const auto found = edits_for(search_for("foo"), "z").located(content);
        const ShownFile shown = shown_from(found, content, 42);
        QVERIFY(!compare_with_shown(shown, fingerprint_of(content, 42), content, found));
    }

    void compare_refuses_a_changed_file_data() {
        QTest::addColumn<QByteArray>("now");
        QTest::addColumn<qint64>("mtime");
        QTest::addColumn<QString>("why");
        // Shown: "foo x foo\nbar\nfoo\n" at mtime 42.
        QTest::newRow("size") << QByteArray("foo x foo\nbar\nfoo\n\n") << qint64(42) << QStringLiteral("size 18 → 19 bytes");
        QTest::newRow("mtime") << QByteArray("foo x foo\nbar\nfoo\n") << qint64(43) << QStringLiteral("modified since");
        QTest::newRow("a match gone") << QByteArray("foo x fox\nbar\nfoo\n") << qint64(42) << QStringLiteral("line 1 has 1 matches now, not 2");
        QTest::newRow("a line moved") << QByteArray("bar\nfoo x foo\nfoo\n") << qint64(42) << QStringLiteral("line 1 no longer matches");
        QTest::newRow("a new matching line") << QByteArray("foo x foo\nfoo\nfoo\n") << qint64(42) << QStringLiteral("line 2 matches now");
    }
    void compare_refuses_a_changed_file() {
        QFETCH(QByteArray, now);
        QFETCH(qint64, mtime);
        QFETCH(QString, why);
        const std::string before = "foo x foo\nbar\nfoo\n";
        const auto edits = edits_for(search_for("foo"), "z");
        const ShownFile shown = shown_from(edits.located(before), before, 42);
        const std::string content = now.toStdString();
        const auto skip = compare_with_shown(shown, fingerprint_of(content, mtime), content, edits.located(content));
        QVERIFY(skip);
        QCOMPARE(skip->reason, SkipReason::ChangedSinceSearch);
        QVERIFY2(QString::fromStdString(skip->message).contains(why), skip->message.c_str());
    }

    void compare_other_matched_text() {
        // Same size, same mtime, same match count: the matched text itself differs (regex).
        const auto edits = edits_for(search_for("f.o"), "z");
        const std::string before = "fao\n";
        const std::string after = "fbo\n";
        const ShownFile shown = shown_from(edits.located(before), before, 1);
        const auto skip = compare_with_shown(shown, fingerprint_of(after, 1), after, edits.located(after));
        QVERIFY(skip);
        QVERIFY(QString::fromStdString(skip->message).contains(QStringLiteral("line 1 has other matches now")));
    }

    void compare_allows_more_matches_than_shown_on_a_clipped_line() {
        const std::string content = "foo foo foo\n";
        const auto found = edits_for(search_for("foo"), "z").located(content);
        ShownFile shown = shown_from(found, content, 5);
        shown.lines[0].matches.resize(1);
        shown.lines[0].all_shown = false;
        QVERIFY(!compare_with_shown(shown, fingerprint_of(content, 5), content, found));
        shown.lines[0].all_shown = true;  // then three matches are not the one shown
        QVERIFY(compare_with_shown(shown, fingerprint_of(content, 5), content, found));
    }

    void compare_without_size_for_decoded_files() {
        const std::string content = "\xEF\xBB\xBF" "foo\n";
        const auto found = edits_for(search_for("foo"), "z").located(content);
        ShownFile shown = shown_from(found, content, 7);
        shown.size.reset();
        QVERIFY(!compare_with_shown(shown, fingerprint_of(content, 7), content, found));
    }

    void apply_reports_progress_and_cancels_while_journaling() {
        TestTree tree;
        std::vector<std::string> paths;
        for (int i = 0; i < 4; ++i) paths.push_back(tree.write(QStringLiteral("f%1.txt").arg(i), "foo\n"));
        const ApplyPlan plan = edit_test::literal_plan({tree.root()}, paths, "foo", "bar");
        UndoJournal journal(tree.path(QStringLiteral(".journal")));
        ApplyOptions options;
        int polls = 0;
        std::vector<ApplyProgress> seen;
        options.progress = [&](const ApplyProgress& p) { seen.push_back(p); };
        options.cancelled = [&] { return ++polls > 3; };  // before the journaling of file 4
        const ApplyReport report = apply_plan(plan, journal, options);
        QCOMPARE(report.error, std::string("cancelled"));
        QVERIFY(report.journal_id.empty());
        QCOMPARE(report.changed_files(), std::size_t(0));
        for (const auto& p : paths) QCOMPARE(QByteArray::fromStdString(slurp(p)), QByteArray("foo\n"));
        QVERIFY(journal.entries().empty());
        QCOMPARE(seen.size(), std::size_t(2));
        QCOMPARE(seen.back().stage, ApplyProgress::Stage::Journaling);
        QCOMPARE(seen.back().done, std::size_t(2));
        QCOMPARE(seen.back().total, std::size_t(4));
    }

    void apply_cancelled_while_writing_rolls_back() {
        TestTree tree;
        std::vector<std::string> paths;
        for (int i = 0; i < 4; ++i) paths.push_back(tree.write(QStringLiteral("f%1.txt").arg(i), "foo\n"));
        const ApplyPlan plan = edit_test::literal_plan({tree.root()}, paths, "foo", "bar");
        UndoJournal journal(tree.path(QStringLiteral(".journal")));
        ApplyOptions options;
        bool stop = false;
        std::size_t written = 0;
        options.progress = [&](const ApplyProgress& p) {
            if (p.stage == ApplyProgress::Stage::Writing) written = p.done;
            stop = p.stage == ApplyProgress::Stage::Writing && p.done == 2;
        };
        options.cancelled = [&] { return stop; };
        const ApplyReport report = apply_plan(plan, journal, options);
        QCOMPARE(written, std::size_t(2));
        QVERIFY(report.rolled_back);
        QCOMPARE(report.changed_files(), std::size_t(0));
        for (const auto& p : paths) QCOMPARE(QByteArray::fromStdString(slurp(p)), QByteArray("foo\n"));
        const auto entries = journal.entries();
        QCOMPARE(entries.size(), std::size_t(1));
        QCOMPARE(entries[0].state, EntryState::RolledBack);
    }
};

QTEST_GUILESS_MAIN(TestMatchSelection)
#include "test_match_selection.moc"
