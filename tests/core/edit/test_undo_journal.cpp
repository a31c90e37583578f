// The undo journal and undo: restoring bytes and mtimes, refusing files changed since, the size
// bound, and a journal full of garbage (never a crash, never an action, always a reason).
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/edit/journal_record.h"
#include "core/edit/undo.h"
#include "edit_test_util.h"
#include "test_tree.h"

using namespace codescout;
using edit_test::literal_plan;
using edit_test::slurp;
using edit_test::spit;

namespace {

nlink_t links_of(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? st.st_nlink : 0;
}

ino_t inode_of(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? st.st_ino : 0;
}

// Every name in the folder `dir`, hidden ones too, sorted.
QStringList everything_in(const std::string& dir) {
    return QDir(QString::fromStdString(dir)).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

// `count` files "d<i % 5>/f<i>.txt" holding "foo <i>\n".
std::vector<std::string> numbered_files(TestTree& tree, std::size_t count) {
    std::vector<std::string> files;
    for (std::size_t i = 0; i < count; ++i)
        files.push_back(tree.write(QString("d%1/f%2.txt").arg(i % 5).arg(i), "foo " + QByteArray::number(qulonglong(i)) + "\n"));
    return files;
}

}  // namespace

class TestUndoJournal : public QObject {
    Q_OBJECT

private slots:
    void undoRestoresBytesAndMtime() {
        TestTree tree, state;
        const std::string a = tree.write("a.txt", "\xEF\xBB\xBF" "foo\r\n");
        const std::string b = tree.write("sub/b.txt", "x foo y foo\n");
        edit_test::set_mtime(a, 1'000'000'123'456'789);
        const std::int64_t mtime_a = edit_test::mtime_ns(a), mtime_b = edit_test::mtime_ns(b);
        UndoJournal journal(state.path("undo"));
        const ApplyReport applied = apply_plan(literal_plan({tree.root()}, {a, b}, "foo", "quux"), journal, {});
        QCOMPARE(applied.changed_files(), std::size_t(2));
        QCOMPARE(slurp(b), std::string("x quux y quux\n"));

        const UndoReport undone = undo_apply(journal, "");
        QVERIFY2(undone.complete(), undone.error.c_str());
        QCOMPARE(undone.id, applied.journal_id);
        QCOMPARE(slurp(a), std::string("\xEF\xBB\xBF" "foo\r\n"));
        QCOMPARE(slurp(b), std::string("x foo y foo\n"));
        QCOMPARE(edit_test::mtime_ns(a), mtime_a);
        QCOMPARE(edit_test::mtime_ns(b), mtime_b);
        QCOMPARE(journal.entry(applied.journal_id)->state, EntryState::Undone);
        // Again: nothing left to undo, said so.
        const UndoReport again = undo_apply(journal, "");
        QVERIFY(again.nothing_to_undo);
    }

    void undoRefusesAFileChangedSinceTheApply() {
        TestTree tree, state;
        const std::string a = tree.write("a.txt", "foo\n");
        const std::string b = tree.write("b.txt", "foo\n");
        UndoJournal journal(state.path("undo"));
        QCOMPARE(apply_plan(literal_plan({tree.root()}, {a, b}, "foo", "bar"), journal, {}).changed_files(), std::size_t(2));
        QVERIFY(spit(b, "bar, and my own edit\n"));
        const UndoReport report = undo_apply(journal, "");
        QVERIFY(!report.complete());
        QCOMPARE(report.files.size(), std::size_t(2));
        QCOMPARE(report.files[0].outcome, RestoreOutcome::Restored);
        QCOMPARE(report.files[1].outcome, RestoreOutcome::Refused);
        QCOMPARE(std::string(skip_code(report.files[1].skip->reason)), std::string("changed-since-apply"));
        QCOMPARE(slurp(a), std::string("foo\n"));
        QCOMPARE(slurp(b), std::string("bar, and my own edit\n"));  // the user's work stays
    }

    void undoByIdAndDefaultIsTheLast() {
        TestTree tree, state;
        const std::string a = tree.write("a.txt", "one\n");
        UndoJournal journal(state.path("undo"));
        const ApplyReport first = apply_plan(literal_plan({tree.root()}, {a}, "one", "two"), journal, {});
        const ApplyReport second = apply_plan(literal_plan({tree.root()}, {a}, "two", "three"), journal, {});
        QCOMPARE(first.journal_id, std::string("1"));
        QCOMPARE(second.journal_id, std::string("2"));
        // Undoing the first while the second's change is on top: refused, the file is not "two".
        const UndoReport early = undo_apply(journal, "1");
        QCOMPARE(early.files.at(0).outcome, RestoreOutcome::Refused);
        QCOMPARE(slurp(a), std::string("three\n"));
        QCOMPARE(undo_apply(journal, "").id, std::string("2"));
        QCOMPARE(slurp(a), std::string("two\n"));
        QVERIFY(undo_apply(journal, "1").complete());  // now it can
        QCOMPARE(slurp(a), std::string("one\n"));
        const UndoReport missing = undo_apply(journal, "9");
        QVERIFY(missing.error.find("no apply 9") != std::string::npos);
    }

    void sizeBoundDropsTheOldestWithANotice() {
        TestTree tree, state;
        const std::string a = tree.write("a.txt", QByteArray(4000, 'x') + "v0\n");
        UndoJournal journal(state.path("undo"));
        ApplyOptions options;
        options.journal_max_bytes = 10'000;  // room for two applies of ~4.6 KB, not three
        std::vector<std::string> notices;
        for (int i = 0; i < 3; ++i) {
            const ApplyReport r = apply_plan(literal_plan({tree.root()}, {a}, "v" + std::to_string(i), "v" + std::to_string(i + 1)),
                                             journal, options);
            QCOMPARE(r.changed_files(), std::size_t(1));
            notices.insert(notices.end(), r.notices.begin(), r.notices.end());
        }
        QCOMPARE(notices.size(), std::size_t(1));
        QVERIFY2(notices[0].find("dropped the oldest apply, 1") != std::string::npos, notices[0].c_str());
        const std::vector<JournalEntry> left = journal.entries();
        QCOMPARE(left.size(), std::size_t(2));
        QCOMPARE(left[0].id, std::string("2"));
        std::uint64_t total = 0;
        for (const auto& e : left) total += e.bytes;
        QVERIFY(total <= options.journal_max_bytes);
        QCOMPARE(journal.total_bytes(), total);  // what the trim reads first, without the manifests
        // The newest apply stays even when it alone is over the bound.
        options.journal_max_bytes = 10;
        QCOMPARE(apply_plan(literal_plan({tree.root()}, {a}, "v3", "v4"), journal, options).notices.size(), std::size_t(2));
        QCOMPARE(journal.entries().size(), std::size_t(1));
    }

    // ApplyOptions::free_dropped_later (the CLI): the dropped entry is renamed away at once (no
    // longer listed, its notice given) and freed by free_dropped() after the report — or, if the
    // process dies first, by the next start.
    void droppedEntriesCanBeFreedAfterTheReport() {
        TestTree tree, state;
        const std::string a = tree.write("a.txt", QByteArray(4000, 'x') + "v0\n");
        UndoJournal journal(state.path("undo"));
        ApplyOptions options;
        options.journal_max_bytes = 6'000;  // room for one apply of ~4.6 KB
        options.free_dropped_later = true;
        QVERIFY(apply_plan(literal_plan({tree.root()}, {a}, "v0", "v1"), journal, options).notices.empty());
        const ApplyReport second = apply_plan(literal_plan({tree.root()}, {a}, "v1", "v2"), journal, options);
        QCOMPARE(second.notices.size(), std::size_t(1));
        QCOMPARE(journal.entries().size(), std::size_t(1));
        QCOMPARE(journal.entries()[0].id, std::string("2"));
        const QString dropped = QString::fromStdString(state.path("undo/1.dropped"));
        QVERIFY(QDir(dropped).exists());
        QVERIFY(QDir(dropped + "/links-0").entryList(QDir::Files).contains("kept-0"));  // the original, still held
        QVERIFY(journal.needs_recovery());  // a start after a crash here frees it
        journal.free_dropped();
        QVERIFY(!QDir(dropped).exists());
        QVERIFY(!journal.needs_recovery());
        QCOMPARE(slurp(a), std::string(4000, 'x') + "v2\n");
        QVERIFY(undo_apply(journal, "").complete());
        QCOMPARE(slurp(a), std::string(4000, 'x') + "v1\n");
    }

    // Entries written before the kept links were numbered by plan index have a "kept" record
    // without the numbers: their links are named by the manifest index, and undo still finds them.
    // (Those entries keep their links in the entry folder itself: flattened first.)
    void keptRecordOfAnOlderEntryIsStillRead() {
        TestTree tree, state;
        const std::string a = tree.write("a.txt", "foo\n");
        const std::string b = tree.write("b.txt", "x foo\n");
        UndoJournal journal(state.path("undo"));
        QCOMPARE(apply_plan(literal_plan({tree.root()}, {a, b}, "foo", "bar"), journal, {}).changed_files(), std::size_t(2));
        QVERIFY(edit_test::flatten_kept_links(journal.dir(), "1"));
        RecordWriter old_kept("kept");
        old_kept.number("files", 2);
        old_kept.number("file", 0);
        old_kept.number("file", 1);
        QVERIFY(spit(state.path("undo/1/kept"), old_kept.finish()));
        const std::vector<JournalEntry> entries = journal.entries();
        QCOMPARE(entries.size(), std::size_t(1));
        QCOMPARE(entries[0].state, EntryState::Committed);
        QVERIFY(entries[0].manifest.files[1].kept);
        QCOMPARE(entries[0].manifest.files[1].kept_as, std::size_t(1));
        QCOMPARE(entries[0].manifest.files[1].kept_per_folder, std::size_t(0));
        QVERIFY(undo_apply(journal, "").complete());
        QCOMPARE(slurp(a), std::string("foo\n"));
        QCOMPARE(slurp(b), std::string("x foo\n"));
    }

    void everyTruncationOfAManifestIsRejected() {
        JournalManifest m;
        m.id = "3";
        m.time_ns = 1'700'000'000'000'000'000;
        m.pattern = "a\nb:c";  // newlines and colons inside values
        m.replacement = "";
        JournalFile f;
        f.display = "./x\ny";
        f.location = {"/tmp/root", "dir/x\ny"};
        f.temp_name = ".x.tmp";
        f.size = 5;
        f.before = hash_bytes("old");
        f.after = hash_bytes("new");
        m.files = {f, f};
        const std::string text = serialize_manifest(m);
        std::string error;
        const auto parsed = parse_manifest(text, error);
        QVERIFY2(parsed, error.c_str());
        QCOMPARE(parsed->pattern, m.pattern);
        QCOMPARE(parsed->files.at(1).location.relative, std::string("dir/x\ny"));
        for (std::size_t cut = 0; cut < text.size(); ++cut) {
            error.clear();
            QVERIFY2(!parse_manifest(text.substr(0, cut), error), qPrintable(QString::number(cut)));
            QVERIFY(!error.empty());
        }
        // Every single-byte corruption is caught by the checksum (or the header check).
        for (std::size_t at = 0; at < text.size(); at += 7) {
            std::string bad = text;
            bad[at] = static_cast<char>(bad[at] ^ 0x20);
            QVERIFY(!parse_manifest(bad, error));
        }
    }

    void garbageEntriesAreShownNeverActedOn() {
        TestTree tree, state;
        const std::string a = tree.write("a.txt", "foo\n");
        UndoJournal journal(state.path("undo"));
        QCOMPARE(apply_plan(literal_plan({tree.root()}, {a}, "foo", "bar"), journal, {}).journal_id, std::string("1"));
        const std::string good = slurp(journal.dir() + "/1/manifest");
        auto entry_with = [&](const std::string& id, const std::string& manifest) {
            QDir().mkpath(QString::fromStdString(journal.dir() + "/" + id));
            spit(journal.dir() + "/" + id + "/manifest", manifest);
        };
        entry_with("5", "\x7f" "ELF garbage \x01\x02");
        entry_with("6", good.substr(0, good.size() / 2));
        std::string future = good;
        future.replace(future.find(" 1\n"), 3, " 99\n");
        entry_with("7", future);
        // A well-formed record (valid checksum) that names a path outside any root: hostile.
        JournalManifest hostile;
        hostile.id = "8";
        JournalFile f;
        f.display = "x";
        f.location = {tree.root(), "../../etc/passwd"};
        f.temp_name = "t";
        hostile.files = {f};
        entry_with("8", serialize_manifest(hostile));
        QDir().mkpath(QString::fromStdString(journal.dir() + "/9"));  // no manifest at all
        spit(journal.dir() + "/1/committed", "codescout-undo committed 1\nfiles 1\nfile 7\nchecksum 00\n");

        const std::vector<JournalEntry> entries = journal.entries();
        QCOMPARE(entries.size(), std::size_t(6));
        for (const JournalEntry& e : entries) {
            QCOMPARE(e.state, EntryState::Unreadable);
            QVERIFY(!e.error.empty());
        }
        QVERIFY2(entries[3].error.find("format 99") != std::string::npos, entries[3].error.c_str());
        QVERIFY2(entries[2].error.find("truncated") != std::string::npos || entries[2].error.find("checksum") != std::string::npos,
                 entries[2].error.c_str());
        QVERIFY2(entries[4].error.find("path this journal never writes") != std::string::npos, entries[4].error.c_str());
        QVERIFY(entries[0].error.find("committed record") != std::string::npos);
        // Undo refuses each, recovery leaves them all alone.
        for (const char* id : {"1", "5", "6", "7", "8", "9"}) {
            const UndoReport r = undo_apply(journal, id);
            QVERIFY2(r.error.find("unreadable") != std::string::npos, r.error.c_str());
        }
        QVERIFY(undo_apply(journal, "").nothing_to_undo);
        const RecoveryReport recovered = recover(journal);
        QVERIFY(recovered.messages.empty());
        QCOMPARE(slurp(a), std::string("bar\n"));
        QCOMPARE(journal.entries().size(), std::size_t(6));
    }

    void damagedOriginalIsNotRestored() {
        TestTree tree, state;
        const std::string a = tree.write("a.txt", "foo\n");
        UndoJournal journal(state.path("undo"));
        QCOMPARE(apply_plan(literal_plan({tree.root()}, {a}, "foo", "bar"), journal, {}).changed_files(), std::size_t(1));
        QVERIFY(journal.entry("1")->manifest.files.at(0).kept);  // the journal shares the tree's file system
        spit(journal.dir() + "/1/links-0/kept-0", "fox\n");
        const UndoReport r = undo_apply(journal, "1");
        QCOMPARE(r.files.at(0).outcome, RestoreOutcome::Refused);
        QVERIFY(r.files[0].skip->message.find("damaged") != std::string::npos);
        QCOMPARE(slurp(a), std::string("bar\n"));
        spit(journal.dir() + "/1/links-0/kept-0", "fo");
        const UndoReport cut = undo_apply(journal, "1");
        QCOMPARE(cut.files.at(0).outcome, RestoreOutcome::Refused);
        QVERIFY2(cut.files[0].skip->message.find("truncated") != std::string::npos, cut.files[0].skip->message.c_str());
        QCOMPARE(slurp(a), std::string("bar\n"));
    }

    // On the journal's file system the original is kept by a hard link to the inode the rename
    // replaced: no copy, and the rename frees nothing. A file not replaced after all (changed
    // since the search) gets its single name back at once.
    void originalIsKeptByALinkAndReleasedWhenNotReplaced() {
        TestTree tree, state;
        const std::string a = tree.write("a.txt", "foo\n");
        const std::string b = tree.write("b.txt", "foo\n");
        struct stat before {};
        QCOMPARE(::stat(a.c_str(), &before), 0);
        const ApplyPlan plan = literal_plan({tree.root()}, {a, b}, "foo", "bar");
        ApplyOptions options;
        options.hook = [&](std::string_view step) {
            if (step == "journal-published") QVERIFY(spit(b, "foo, and my own edit\n"));
        };
        UndoJournal journal(state.path("undo"));
        const ApplyReport report = apply_plan(plan, journal, options);
        QCOMPARE(report.changed_files(), std::size_t(1));
        const std::string entry = journal.dir() + "/1/";
        struct stat kept {}, now_a {}, now_b {};
        QCOMPARE(::stat((entry + "links-0/kept-0").c_str(), &kept), 0);
        QCOMPARE(kept.st_ino, before.st_ino);  // the very original
        QCOMPARE(kept.st_nlink, nlink_t(1));
        QCOMPARE(::stat(a.c_str(), &now_a), 0);
        QVERIFY(now_a.st_ino != before.st_ino);
        QCOMPARE(now_a.st_nlink, nlink_t(1));
        QCOMPARE(::stat(b.c_str(), &now_b), 0);
        QCOMPARE(now_b.st_nlink, nlink_t(1));  // b was skipped: its link in the journal is gone
        QVERIFY(!QFile::exists(QString::fromStdString(entry + "links-0/kept-1")));
        QCOMPARE(slurp(entry + "originals"), std::string());  // nothing copied
        QVERIFY(undo_apply(journal, "").complete());
        QCOMPARE(slurp(a), std::string("foo\n"));
        QCOMPARE(::stat(a.c_str(), &now_a), 0);
        QCOMPARE(now_a.st_nlink, nlink_t(1));
    }

    // Undo puts the kept original itself back (an exchange of names, no copy, nothing freed):
    // the very inode, its bytes, its mtime and atime; the applied inode takes its place in the
    // journal. A file changed since the apply is refused even so, and keeps its new inode.
    void undoPutsTheKeptInodeBackWithItsTimes() {
        TestTree tree, state;
        const std::string a = tree.write("a.txt", "one foo\n");
        const std::string b = tree.write("sub/b.txt", "two foo\n");
        const std::string c = tree.write("c.txt", "three foo\n");
        const struct timespec times[2] = {{1'500'000'000, 111}, {1'400'000'000, 222}};  // atime, mtime
        for (const std::string& path : {a, b}) QCOMPARE(::utimensat(AT_FDCWD, path.c_str(), times, 0), 0);
        struct stat original_a {}, original_b {};
        QCOMPARE(::stat(a.c_str(), &original_a), 0);
        QCOMPARE(::stat(b.c_str(), &original_b), 0);
        UndoJournal journal(state.path("undo"));
        const ApplyReport applied = apply_plan(literal_plan({tree.root()}, {a, b, c}, "foo", "bar"), journal, {});
        QCOMPARE(applied.changed_files(), std::size_t(3));
        struct stat applied_a {};
        QCOMPARE(::stat(a.c_str(), &applied_a), 0);
        QVERIFY(applied_a.st_ino != original_a.st_ino);
        QVERIFY(spit(c, "three bar, and my own edit\n"));

        const UndoReport undone = undo_apply(journal, "");
        QCOMPARE(undone.files.size(), std::size_t(3));
        QCOMPARE(undone.files[0].outcome, RestoreOutcome::Restored);
        QCOMPARE(undone.files[1].outcome, RestoreOutcome::Restored);
        QCOMPARE(undone.files[2].outcome, RestoreOutcome::Refused);
        QCOMPARE(std::string(skip_code(undone.files[2].skip->reason)), std::string("changed-since-apply"));
        QCOMPARE(slurp(c), std::string("three bar, and my own edit\n"));
        // The atime as the journal recorded it (the search's own read may have moved it).
        // entry() returns its entry by value: keep it, references into a temporary dangle.
        const std::optional<JournalEntry> recorded = journal.entry("1");
        QVERIFY(recorded);
        const JournalFile& recorded_a = recorded->manifest.files.at(0);
        QCOMPARE(recorded_a.mtime_ns, std::int64_t(1'400'000'000) * 1'000'000'000 + 222);
        for (const auto& [path, original, text, atime_ns] :
             {std::tuple{a, original_a, "one foo\n", recorded_a.atime_ns},
              std::tuple{b, original_b, "two foo\n", recorded->manifest.files.at(1).atime_ns}}) {
            struct stat now {};
            QCOMPARE(::stat(path.c_str(), &now), 0);
            QCOMPARE(now.st_ino, original.st_ino);  // the very inode: put back, not copied
            QCOMPARE(now.st_nlink, nlink_t(1));
            QCOMPARE(slurp(path), std::string(text));
            QCOMPARE(now.st_mtim.tv_sec, times[1].tv_sec);
            QCOMPARE(now.st_mtim.tv_nsec, times[1].tv_nsec);
            QCOMPARE(std::int64_t(now.st_atim.tv_sec) * 1'000'000'000 + now.st_atim.tv_nsec, atime_ns);
        }
        // The journal now holds the applied inode under the original's name, and nothing else of a.
        struct stat kept {};
        QCOMPARE(::stat((journal.dir() + "/1/links-0/kept-0").c_str(), &kept), 0);
        QCOMPARE(kept.st_ino, applied_a.st_ino);
        QCOMPARE(kept.st_nlink, nlink_t(1));
        // Undoing it again changes nothing: the restored files are original, c is still refused.
        const UndoReport again = undo_apply(journal, "1");
        QCOMPARE(again.files.at(0).outcome, RestoreOutcome::AlreadyOriginal);
        QCOMPARE(again.files.at(2).outcome, RestoreOutcome::Refused);
        struct stat still {};
        QCOMPARE(::stat(a.c_str(), &still), 0);
        QCOMPARE(still.st_ino, original_a.st_ino);
        // Given the applied content again, a file cannot be undone twice: the journal holds no
        // other copy of its original, and says so instead of restoring the wrong bytes.
        QVERIFY(spit(a, "one bar\n"));
        const UndoReport twice = undo_apply(journal, "1");
        QCOMPARE(twice.files.at(0).outcome, RestoreOutcome::Refused);
        QVERIFY2(twice.files[0].skip->message.find("earlier undo") != std::string::npos, twice.files[0].skip->message.c_str());
        QCOMPARE(slurp(a), std::string("one bar\n"));
    }

    // A new entry keeps link k in its subfolder k / kKeptLinksPerFolder, made on first need: no
    // folder holds more than that many (ext4's lookups in one folder of the kernel tree's 10,922
    // links cost a quarter of the pass, undo_journal.h), the entry folder none. A file skipped
    // after its link was made loses it; the entry's size counts the links; undo puts back every
    // original inode.
    void keptLinksAreSpreadOverSubfolders() {
        TestTree tree, state;
        const std::size_t count = 3 * kKeptLinksPerFolder + 4;
        const std::vector<std::string> files = numbered_files(tree, count);
        std::vector<ino_t> originals;
        std::uint64_t original_bytes = 0;
        const std::set<std::size_t> skipped{5, 2 * kKeptLinksPerFolder + 1};  // edited once the journal is published
        for (std::size_t i = 0; i < count; ++i) {
            originals.push_back(inode_of(files[i]));
            if (!skipped.contains(i)) original_bytes += slurp(files[i]).size();
        }
        ApplyOptions options;
        options.hook = [&](std::string_view step) {
            if (step == "journal-published")
                for (std::size_t i : skipped) QVERIFY(spit(files[i], "foo, and my own edit\n"));
        };
        UndoJournal journal(state.path("undo"));
        const ApplyReport applied = apply_plan(literal_plan({tree.root()}, files, "foo", "bar"), journal, options);
        QCOMPARE(applied.changed_files(), count - skipped.size());

        const std::string entry = journal.dir() + "/1";
        const QStringList names = everything_in(entry);
        QVERIFY2(std::none_of(names.begin(), names.end(), [](const QString& n) { return n.startsWith("kept-"); }), qPrintable(names.join(' ')));
        QCOMPARE(QDir(QString::fromStdString(entry)).entryList({"links-*"}, QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name),
                 (QStringList{"links-0", "links-1", "links-2", "links-3"}));
        std::size_t links = 0;
        std::uint64_t linked_bytes = 0;
        for (std::size_t number = 0; number < 4; ++number) {
            const std::string sub = entry + "/links-" + std::to_string(number);
            const QStringList held = everything_in(sub);
            QVERIFY2(std::size_t(held.size()) <= kKeptLinksPerFolder, sub.c_str());
            for (const QString& name : held) {
                QVERIFY2(name.startsWith("kept-"), qPrintable(name));
                const std::size_t k = name.mid(5).toULongLong();
                QCOMPARE(k / kKeptLinksPerFolder, number);
                QVERIFY2(!skipped.contains(k), qPrintable(name));
                QCOMPARE(inode_of(sub + "/" + name.toStdString()), originals[k]);
                linked_bytes += slurp(sub + "/" + name.toStdString()).size();
                ++links;
            }
        }
        QCOMPARE(links, count - skipped.size());
        for (const std::string& file : files) QCOMPARE(links_of(file), nlink_t(1));  // no second name left
        const std::optional<JournalEntry> recorded = journal.entry("1");
        QVERIFY(recorded);
        for (const JournalFile& f : recorded->manifest.files) {
            QVERIFY(f.kept);
            QCOMPARE(f.kept_per_folder, kKeptLinksPerFolder);
        }
        // The entry's size: its records and every link in the subfolders.
        std::uint64_t on_disk = 0;
        for (QDirIterator it(QString::fromStdString(entry), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();)
            on_disk += static_cast<std::uint64_t>(it.nextFileInfo().size());
        QCOMPARE(linked_bytes, original_bytes);
        QVERIFY(on_disk > linked_bytes);
        QCOMPARE(recorded->bytes, on_disk);
        QCOMPARE(journal.total_bytes(), on_disk);

        const UndoReport undone = undo_apply(journal, "");
        QVERIFY2(undone.complete(), undone.error.c_str());
        for (std::size_t i = 0; i < count; ++i) {
            if (skipped.contains(i)) continue;
            QCOMPARE(slurp(files[i]), "foo " + std::to_string(i) + "\n");
            QCOMPARE(inode_of(files[i]), originals[i]);
            QCOMPARE(links_of(files[i]), nlink_t(1));
        }
    }

    // An entry's size without an fstat per link: the apply records its links' bytes right before
    // its commit, and the size is read from that record while the entry stays committed — the
    // very bytes on disk; after an undo (its links now hold the applied contents, another size)
    // and with a torn record, the links are counted one by one, again the bytes on disk.
    void entrySizeIsRecordedAtCommitAndCountedOnceItsLinksMoved() {
        TestTree tree, state;
        const std::vector<std::string> files = numbered_files(tree, 2 * kKeptLinksPerFolder + 1);
        UndoJournal journal(state.path("undo"));
        auto on_disk = [&] {
            std::uint64_t total = 0;
            for (QDirIterator it(QString::fromStdString(journal.dir()), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
                 it.hasNext();) {
                const QFileInfo file = it.nextFileInfo();
                if (file.fileName() != ".lock") total += static_cast<std::uint64_t>(file.size());
            }
            return total;
        };
        std::uint64_t originals = 0;
        for (const std::string& file : files) originals += slurp(file).size();
        QCOMPARE(apply_plan(literal_plan({tree.root()}, files, "foo", "longer than foo"), journal, {}).changed_files(), files.size());
        const std::string record = journal.dir() + "/1/link-bytes";
        QVERIFY(QFile::exists(QString::fromStdString(record)));
        QCOMPARE(journal.total_bytes(), on_disk());
        QCOMPARE(journal.entries().at(0).bytes, on_disk());
        // Read, not counted: a record that says otherwise is believed while the entry is committed.
        RecordWriter lie("link-bytes");
        lie.number("bytes", 7);
        QVERIFY(spit(record, lie.finish()));
        QCOMPARE(journal.total_bytes(), on_disk() - originals + 7);

        QVERIFY(undo_apply(journal, "1").complete());  // its links now hold the applied contents, longer
        QCOMPARE(journal.total_bytes(), on_disk());

        QCOMPARE(apply_plan(literal_plan({tree.root()}, files, "foo", "f"), journal, {}).changed_files(), files.size());
        QVERIFY(spit(journal.dir() + "/2/link-bytes", "torn"));
        QCOMPARE(journal.total_bytes(), on_disk());
        QCOMPARE(journal.entries().at(1).bytes + journal.entries().at(0).bytes, on_disk());
    }

    // release_kept of some links (an apply's files not replaced after all), then of all of them
    // (a roll-back): the files they share an inode with have one name again, in the subfolder
    // layout and in the older one; no link and no subfolder is left for the next start to find.
    void releasedLinksLeaveEachFileOneName_data() {
        QTest::addColumn<bool>("flat");
        QTest::newRow("links in subfolders") << false;
        QTest::newRow("links in the entry folder (older entries)") << true;
    }
    void releasedLinksLeaveEachFileOneName() {
        QFETCH(bool, flat);
        TestTree tree, state;
        const std::size_t count = 2 * kKeptLinksPerFolder + 3;
        const std::vector<std::string> files = numbered_files(tree, count);
        const std::string root = plan_roots({tree.root()}).at(0);
        UndoJournal journal(state.path("undo"));
        std::string error;
        QVERIFY(journal.lock(error));
        {
            EntryWriter writer;
            QVERIFY2(writer.begin(journal, "1", error), error.c_str());
            JournalManifest manifest;
            manifest.id = "1";
            for (std::size_t i = 0; i < count; ++i) {
                const FileDescriptor fd(::open(files[i].c_str(), O_RDONLY | O_CLOEXEC));
                QCOMPARE(writer.keep_original(fd.get(), i), 0);
                JournalFile f;
                f.display = files[i];
                f.location = {root, QString("d%1/f%2.txt").arg(i % 5).arg(i).toStdString()};  // as numbered_files names it
                f.temp_name = ".f.tmp";
                writer.adopt_kept(i, i, f);
                manifest.files.push_back(std::move(f));
            }
            QCOMPARE(writer.publish(manifest), 0);
        }
        for (const std::string& file : files) QCOMPARE(links_of(file), nlink_t(2));
        if (flat) QVERIFY(edit_test::flatten_kept_links(journal.dir(), "1"));

        const std::vector<std::size_t> some{0, kKeptLinksPerFolder + 1, count - 1};
        journal.release_kept("1", some);
        for (std::size_t i = 0; i < count; ++i)
            QCOMPARE(links_of(files[i]), nlink_t(std::find(some.begin(), some.end(), i) != some.end() ? 1 : 2));
        QCOMPARE(journal.write_marker("1", EntryState::RolledBack, {}), 0);
        QVERIFY(journal.needs_recovery());  // rolled back, its links still there: the next start removes them

        journal.release_kept("1");
        for (const std::string& file : files) QCOMPARE(links_of(file), nlink_t(1));
        const QStringList left = everything_in(journal.dir() + "/1");
        QVERIFY2(std::none_of(left.begin(), left.end(), [](const QString& n) { return n.startsWith("kept-") || n.startsWith("links-"); }),
                 qPrintable(left.join(' ')));
        QVERIFY(!journal.needs_recovery());
    }

    // remove_entry leaves nothing of the entry: records, link subfolders, links. A removal cut short
    // by a crash (renamed ".dropped", then part of it removed: a subfolder gone, another half
    // emptied, the manifest gone) is finished by the next start; an entry abandoned before it was
    // published leaves nothing either, and no file with a second name.
    void removedEntriesLeaveNothingBehind() {
        TestTree tree, state;
        const std::size_t count = 2 * kKeptLinksPerFolder + 5;
        const std::vector<std::string> files = numbered_files(tree, count);
        UndoJournal journal(state.path("undo"));
        QCOMPARE(apply_plan(literal_plan({tree.root()}, files, "foo", "bar"), journal, {}).changed_files(), count);
        QVERIFY(QDir(QString::fromStdString(journal.dir() + "/1/links-2")).exists());
        std::string error;
        QVERIFY(journal.lock(error));
        QVERIFY(journal.remove_entry("1"));
        QCOMPARE(everything_in(journal.dir()), QStringList{".lock"});
        journal.unlock();

        QCOMPARE(apply_plan(literal_plan({tree.root()}, files, "bar", "foo"), journal, {}).journal_id, std::string("1"));
        QVERIFY(journal.lock(error));
        QVERIFY(journal.remove_entry("1", false));
        journal.unlock();
        const QString dropped = QString::fromStdString(journal.dir() + "/1.dropped");
        QVERIFY(QDir(dropped + "/links-0").removeRecursively());
        const QStringList half = QDir(dropped + "/links-1").entryList(QDir::Files);
        QCOMPARE(std::size_t(half.size()), kKeptLinksPerFolder);
        for (qsizetype i = 0; i < half.size() / 2; ++i) QVERIFY(QFile::remove(dropped + "/links-1/" + half[i]));
        QVERIFY(QFile::remove(dropped + "/manifest"));
        QVERIFY(journal.needs_recovery());
        QVERIFY(recover(journal).messages.empty());  // nothing to report: it only frees
        QCOMPARE(everything_in(journal.dir()), QStringList{".lock"});
        QVERIFY(!journal.needs_recovery());

        QVERIFY(journal.lock(error));
        {
            EntryWriter writer;
            QVERIFY2(writer.begin(journal, "2", error), error.c_str());
            for (std::size_t i = 0; i < count; ++i) {
                const FileDescriptor fd(::open(files[i].c_str(), O_RDONLY | O_CLOEXEC));
                QCOMPARE(writer.keep_original(fd.get(), i), 0);
            }
            writer.drop_kept(1);
            QCOMPARE(links_of(files[1]), nlink_t(1));
            QCOMPARE(links_of(files[count - 1]), nlink_t(2));
            writer.abandon();
        }
        QCOMPARE(everything_in(journal.dir()), QStringList{".lock"});
        for (const std::string& file : files) QCOMPARE(links_of(file), nlink_t(1));
    }

    // An entry in the layout of older versions (every link in the entry folder itself, a "kept-as"
    // record without a per-folder count: users have such entries on disk) is undone as before:
    // the very original inodes put back, the applied ones left under the flat names.
    void undoOfAnEntryInTheOlderFlatLayout() {
        TestTree tree, state;
        const std::string a = tree.write("a.txt", "one foo\n");
        const std::string b = tree.write("sub/b.txt", "two foo\n");
        const ino_t original_a = inode_of(a), original_b = inode_of(b);
        UndoJournal journal(state.path("undo"));
        QCOMPARE(apply_plan(literal_plan({tree.root()}, {a, b}, "foo", "bar"), journal, {}).changed_files(), std::size_t(2));
        const ino_t applied_a = inode_of(a);
        QVERIFY(edit_test::flatten_kept_links(journal.dir(), "1"));
        QVERIFY(QFile::exists(QString::fromStdString(journal.dir() + "/1/kept-1")));
        const std::optional<JournalEntry> flat = journal.entry("1");
        QVERIFY(flat);
        QCOMPARE(flat->state, EntryState::Committed);
        QCOMPARE(flat->manifest.files.at(0).kept_per_folder, std::size_t(0));

        const UndoReport undone = undo_apply(journal, "");
        QVERIFY2(undone.complete(), undone.error.c_str());
        QCOMPARE(undone.files.at(0).outcome, RestoreOutcome::Restored);
        QCOMPARE(slurp(a), std::string("one foo\n"));
        QCOMPARE(slurp(b), std::string("two foo\n"));
        QCOMPARE(inode_of(a), original_a);
        QCOMPARE(inode_of(b), original_b);
        QCOMPARE(inode_of(journal.dir() + "/1/kept-0"), applied_a);
        QCOMPARE(links_of(a), nlink_t(1));
    }

    // The folders of temporary files created before the entry is published are named in its
    // `temps` list: abandoning the entry removes every temporary file of this entry in them (a
    // folder is noted once, before its first), and so does the next start's recovery after a
    // crash (the ".partial" folder left behind). Records that do not name a folder of this
    // entry's — a path with "..", a folder reached through a link — are never acted on, nor names
    // without this entry's tag and an index, and a list cut short is read up to its last whole
    // record.
    void temporaryFilesOfAnUnpublishedEntryAreRemoved() {
        TestTree tree, state, outside;
        tree.write("d/a.txt", "a\n");
        const std::string temp_a = tree.write("d/.a.txt.codescout-replace-1-0", "new a\n");
        const std::string temp_c = tree.write("d/.c.txt.codescout-replace-1-5", "new c\n");  // its folder noted by a's
        const std::vector<std::string> not_ours{tree.write("d/c.txt.codescout-replace-1-6", "no dot\n"),
                                                tree.write("d/.c.txt.codescout-replace-1-", "no index\n"),
                                                tree.write("d/.c.txt.codescout-replace-1-6.orig", "more after it\n"),
                                                tree.write("d/.codescout-replace-1-7", "no name before it\n")};
        const std::string temp_b = tree.write(".b.txt.codescout-replace-1-1", "new b\n");
        const std::string foreign = tree.write("d/.a.txt.codescout-replace-2-0", "someone else's\n");
        const std::string beyond = outside.write(".x.codescout-replace-1-3", "outside\n");
        QVERIFY(QFile::link(QString::fromStdString(outside.root()), QString::fromStdString(tree.path("link"))));
        const std::string root = plan_roots({tree.root()}).at(0);
        {
            UndoJournal journal(state.path("undo"));
            std::string error;
            QVERIFY(journal.lock(error));
            EntryWriter writer;
            QVERIFY(writer.begin(journal, "1", error));
            QCOMPARE(writer.note_temp({root, "d/a.txt"}, ".a.txt.codescout-replace-1-0"), 0);
            QCOMPARE(writer.note_temp({root, "b.txt"}, ".b.txt.codescout-replace-1-1"), 0);
            QCOMPARE(writer.note_temp({root, "d/a.txt"}, ".a.txt.codescout-replace-2-0"), 0);  // not this entry's tag
            QCOMPARE(writer.note_temp({root, "link/x"}, ".x.codescout-replace-1-3"), 0);       // through a link
            QCOMPARE(writer.note_temp({root, "../x"}, ".x.codescout-replace-1-4"), 0);         // not clean
            QCOMPARE(writer.note_temp({root, "d/c.txt"}, ".c.txt.codescout-replace-1-5"), 0);  // its folder noted already
            writer.abandon();
        }
        QVERIFY(!QFile::exists(QString::fromStdString(temp_a)));
        QVERIFY(!QFile::exists(QString::fromStdString(temp_b)));
        QVERIFY(!QFile::exists(QString::fromStdString(temp_c)));
        for (const std::string& file : not_ours) QVERIFY2(QFile::exists(QString::fromStdString(file)), file.c_str());
        QVERIFY(QFile::exists(QString::fromStdString(foreign)));
        QVERIFY(QFile::exists(QString::fromStdString(beyond)));
        QVERIFY(!QDir(QString::fromStdString(state.path("undo/1.partial"))).exists());

        // After a crash: the ".partial" entry is still there (a child process notes the two
        // temporary files and dies without a destructor), its list cut short in its last record.
        QVERIFY(spit(temp_a, "new a\n"));
        QVERIFY(spit(temp_b, "new b\n"));
        QVERIFY(spit(temp_c, "new c\n"));  // made after a's: its folder's note covers it
        const pid_t child = ::fork();
        if (child == 0) {
            UndoJournal dying(state.path("undo"));
            std::string error;
            EntryWriter writer;
            const bool noted = dying.lock(error) && writer.begin(dying, "1", error) &&
                               writer.note_temp({root, "d/a.txt"}, ".a.txt.codescout-replace-1-0") == 0 &&
                               writer.note_temp({root, "b.txt"}, ".b.txt.codescout-replace-1-1") == 0;
            ::_exit(noted ? 0 : 1);
        }
        int status = -1;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        UndoJournal journal(state.path("undo"));
        std::string error;
        QVERIFY(journal.lock(error));
        QFile list(QString::fromStdString(state.path("undo/1.partial/temps")));
        QVERIFY(list.open(QIODevice::ReadWrite));
        const QByteArray whole = list.readAll();
        QVERIFY(list.resize(whole.size() - 5));  // the second record cut short
        list.close();
        QVERIFY(journal.needs_recovery());
        QCOMPARE(journal.discard_leftovers(), std::vector<std::string>{"1"});
        QVERIFY(!QFile::exists(QString::fromStdString(temp_a)));
        QVERIFY(!QFile::exists(QString::fromStdString(temp_c)));
        QVERIFY(QFile::exists(QString::fromStdString(temp_b)));  // its record was cut: never acted on
        for (const std::string& file : not_ours) QVERIFY2(QFile::exists(QString::fromStdString(file)), file.c_str());
        QVERIFY(!journal.needs_recovery());
    }

    void defaultFolderFollowsXdgStateHome() {
        qputenv("XDG_STATE_HOME", "/somewhere/state");
        QCOMPARE(UndoJournal::default_dir(), std::string("/somewhere/state/codescout/undo"));
        qputenv("XDG_STATE_HOME", "relative/is/ignored");
        qputenv("HOME", "/home/u");
        QCOMPARE(UndoJournal::default_dir(), std::string("/home/u/.local/state/codescout/undo"));
    }
};

QTEST_GUILESS_MAIN(TestUndoJournal)
#include "test_undo_journal.moc"
