// Crash safety, for real: a helper process applies (undoes, recovers) and is killed with SIGKILL
// at every step in turn; then recovery runs, and every file must be wholly old or wholly new —
// all of them the same one — with the journal settled (nothing left to recover, no temporary
// file left beside the files). The helper runs with one batch, or with batches of three files
// (replace_batch.h) so that a crash finds earlier batches done and a later one half way; the
// states of a batch are also killed in by name. Finally kill -9 at random moments during an
// apply over many files.
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <cstring>

#include <sys/stat.h>

#include "core/edit/undo.h"
#include "edit_test_util.h"
#include "test_tree.h"

using namespace codescout;
using edit_test::slurp;

namespace {

struct Fixture {
    TestTree tree;
    TestTree state;
    std::vector<std::string> files;
    std::vector<std::string> olds, news;
    std::string journal_dir() const { return state.path("undo"); }

    // Files whose replacement grows, shrinks, sits in a subfolder, keeps CRLF.
    explicit Fixture(int count = 4) {
        for (int i = 0; i < count; ++i) {
            const std::string old_content = i % 4 == 0 ? "old\n" : i % 4 == 1 ? std::string(5000, 'z') + " old old\n"
                                          : i % 4 == 2 ? "a old b\r\nold\r\n" : "x\nold";
            std::string new_content = old_content;
            for (std::size_t at = new_content.find("old"); at != std::string::npos; at = new_content.find("old", at + 6))
                new_content.replace(at, 3, "NEWER!");
            const QString name = QString("d%1/f%2.txt").arg(i % 3).arg(i);
            files.push_back(tree.write(name, QByteArray::fromStdString(old_content)));
            olds.push_back(old_content);
            news.push_back(new_content);
        }
    }

    void reset() {
        for (std::size_t i = 0; i < files.size(); ++i) edit_test::spit(files[i], olds[i]);
        QDir(QString::fromStdString(journal_dir())).removeRecursively();
    }

    // `mode`: "apply", or "apply-streamed" (the files fed while the apply runs, as --write does).
    QStringList apply_args(const QString& mode = "apply") const {
        QStringList args{mode, QString::fromStdString(tree.root()), "old", "NEWER!"};
        for (const auto& f : files) args << QString::fromStdString(f);
        return args;
    }

    // Which state every file is in: 'o' old, 'n' new, '?' anything else.
    std::string states() const {
        std::string out;
        for (std::size_t i = 0; i < files.size(); ++i) {
            const std::string now = slurp(files[i]);
            out += now == olds[i] ? 'o' : now == news[i] ? 'n' : '?';
        }
        return out;
    }

    std::vector<ino_t> inodes() const {
        std::vector<ino_t> out;
        for (const std::string& file : files) {
            struct stat st {};
            out.push_back(::stat(file.c_str(), &st) == 0 ? st.st_ino : 0);
        }
        return out;
    }

    // Every file has one name: no link to it is left in the journal (its kept originals).
    bool single_names() const {
        for (const std::string& file : files) {
            struct stat st {};
            if (::stat(file.c_str(), &st) != 0 || st.st_nlink != 1) return false;
        }
        return true;
    }

    // Nothing but our files in the tree's folders (no temporary file left behind).
    bool no_leftovers() const {
        for (int d = 0; d < 3; ++d) {
            const QStringList names = QDir(tree.path(QString("d%1").arg(d)).c_str()).entryList(QDir::Files | QDir::Hidden);
            for (const QString& n : names)
                if (!n.endsWith(".txt") || n.startsWith('.')) return false;
        }
        return true;
    }
};

struct Run {
    bool killed = false;
    int steps = 0;
};

// `kill_at`: a step number (0: never) or "NAME:N" (the Nth time the step NAME is reached);
// `batch_files`: files per batch, 0 for the engine's default.
Run run_helper(const std::string& journal, const QString& kill_at, const QStringList& args, int batch_files = 0) {
    QProcess helper;
    if (batch_files > 0) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("CODESCOUT_TEST_BATCH_FILES", QString::number(batch_files));
        helper.setProcessEnvironment(env);
    }
    helper.start(CODESCOUT_CRASH_HELPER, QStringList{QString::fromStdString(journal), kill_at} + args);
    helper.waitForFinished(60'000);
    Run run;
    run.killed = helper.exitStatus() == QProcess::CrashExit;
    const QList<QByteArray> lines = helper.readAllStandardOutput().trimmed().split('\n');
    run.steps = lines.back().toInt();  // after "started"
    return run;
}

// Starts the helper and returns once it says its work has begun.
bool start_and_wait_for_work(QProcess& helper, const QStringList& args) {
    helper.start(CODESCOUT_CRASH_HELPER, args);
    if (!helper.waitForStarted()) return false;
    while (!helper.canReadLine()) {
        if (!helper.waitForReadyRead(60'000)) return false;
    }
    return helper.readLine().trimmed() == "started";
}

// After a crash: recovery (in this process) leaves all files old or all new, the journal settled.
void check_recovered(Fixture& f, const char* where, int step, char expected_if_rolled_back) {
    UndoJournal journal(f.journal_dir());
    const RecoveryReport report = recover(journal);
    const std::string states = f.states();
    const std::string all_old(f.files.size(), 'o'), all_new(f.files.size(), 'n');
    const QByteArray context = QString("%1, killed at step %2: files %3").arg(where).arg(step).arg(states.c_str()).toUtf8();
    QVERIFY2(states == all_old || states == all_new, context.constData());
    if (expected_if_rolled_back != 0) QVERIFY2(states[0] == expected_if_rolled_back || states == all_new, context.constData());
    QVERIFY2(!journal.needs_recovery(), context.constData());
    for (const JournalEntry& e : journal.entries())
        QVERIFY2(e.state != EntryState::Interrupted && e.state != EntryState::Undoing && e.state != EntryState::Unreadable,
                 context.constData());
    QVERIFY2(f.no_leftovers(), context.constData());
    QVERIFY2(f.single_names(), context.constData());
    // A second recovery finds nothing to do.
    QVERIFY(recover(journal).messages.empty());
}

Run run_helper(const std::string& journal, int kill_at, const QStringList& args, int batch_files = 0) {
    return run_helper(journal, QString::number(kill_at), args, batch_files);
}

// Hidden temporary files beside the fixture's files (an apply's or an undo's).
int temporaries(const Fixture& f) {
    int count = 0;
    for (int d = 0; d < 3; ++d)
        count += QDir(f.tree.path(QString("d%1").arg(d)).c_str()).entryList({".*.codescout-*"}, QDir::Files | QDir::Hidden).size();
    return count;
}

}  // namespace

class TestCrashRecovery : public QObject {
    Q_OBJECT

private slots:
    void killedAtEveryStepOfAnApply_data() {
        QTest::addColumn<int>("batch");
        QTest::addColumn<QString>("mode");
        QTest::newRow("one batch") << 0 << "apply";
        QTest::newRow("batches of 3") << 3 << "apply";
        // The pass's every step while the search still feeds files (apply_streamed).
        QTest::newRow("streamed, one batch") << 0 << "apply-streamed";
        QTest::newRow("streamed, batches of 3") << 3 << "apply-streamed";
    }
    void killedAtEveryStepOfAnApply() {
        QFETCH(int, batch);
        QFETCH(QString, mode);
        Fixture f;
        const Run full = run_helper(f.journal_dir(), 0, f.apply_args(mode), batch);
        QVERIFY(!full.killed);
        QCOMPARE(f.states(), std::string("nnnn"));
        // At least: temporary file created, written, renamed, per file.
        QVERIFY2(full.steps > 3 * static_cast<int>(f.files.size()), qPrintable(QString::number(full.steps)));
        for (int step = 1; step <= full.steps; ++step) {
            f.reset();
            const Run run = run_helper(f.journal_dir(), step, f.apply_args(mode), batch);
            QVERIFY2(run.killed, qPrintable(QString("step %1 did not kill").arg(step)));
            check_recovered(f, "apply", step, 0);
        }
    }

    // The states of a batch, by name: what is on disk when the apply dies there, and what the
    // next start makes of it. Batches of three over four files: the first batch holds f0-f2.
    void killedInEachStateOfABatch_data() {
        QTest::addColumn<QString>("kill_at");
        QTest::addColumn<QString>("on_disk");      // the files' states right after the kill
        QTest::addColumn<int>("temporaries");      // temporary files left beside them
        QTest::addColumn<QString>("recovery");     // how the recovery's message starts
        QTest::addColumn<QString>("after");        // the files' states after the recovery
        // Every temporary file is written in the apply's one pass, before the journal is
        // published: a crash there leaves them beside the files, named only in the unpublished
        // entry's `temps` list — the next start removes them with the entry.
        QTest::newRow("temporary files written, journal not published")
            << "originals-written:1" << "oooo" << 4 << "discarded apply 1" << "oooo";
        // apply_streamed: every temporary file written, the search (the feed) not ended yet.
        QTest::newRow("streamed: temporary files written, search still running")
            << "streamed:temp-written:4" << "oooo" << 4 << "discarded apply 1" << "oooo";
        QTest::newRow("journal published, nothing renamed")
            << "journal-published:1" << "oooo" << 4 << "rolled back the interrupted apply 1" << "oooo";
        QTest::newRow("first batch flushed, not renamed")
            << "batch-synced:1" << "oooo" << 4 << "rolled back the interrupted apply 1" << "oooo";
        QTest::newRow("first batch half renamed")
            << "file-replaced:2" << "nnoo" << 2 << "rolled back the interrupted apply 1" << "oooo";
        QTest::newRow("first batch renamed, its renames not flushed")
            << "file-replaced:3" << "nnno" << 1 << "rolled back the interrupted apply 1" << "oooo";
        QTest::newRow("second batch flushed, not renamed")
            << "batch-synced:2" << "nnno" << 1 << "rolled back the interrupted apply 1" << "oooo";
        QTest::newRow("every file renamed, not marked committed")
            << "renames-synced:1" << "nnnn" << 0 << "completed the interrupted apply 1" << "nnnn";
    }
    void killedInEachStateOfABatch() {
        QFETCH(QString, kill_at);
        QFETCH(QString, on_disk);
        QFETCH(int, temporaries);
        QFETCH(QString, recovery);
        QFETCH(QString, after);
        Fixture f;
        const bool streamed = kill_at.startsWith("streamed:");
        if (streamed) kill_at.remove(0, int(std::strlen("streamed:")));
        QVERIFY(run_helper(f.journal_dir(), kill_at, f.apply_args(streamed ? "apply-streamed" : "apply"), 3).killed);
        QCOMPARE(QString::fromStdString(f.states()), on_disk);
        QCOMPARE(::temporaries(f), temporaries);
        UndoJournal journal(f.journal_dir());
        QVERIFY(journal.needs_recovery());
        const RecoveryReport report = recover(journal);
        QCOMPARE(report.messages.size(), std::size_t(1));
        QVERIFY2(QString::fromStdString(report.messages[0]).startsWith(recovery), report.messages[0].c_str());
        QCOMPARE(QString::fromStdString(f.states()), after);
        QVERIFY(f.no_leftovers());
        QVERIFY(f.single_names());
        QVERIFY(!journal.needs_recovery());
        if (recovery.startsWith("discarded")) QVERIFY(journal.entries().empty());
        else QCOMPARE(journal.entries().at(0).state, after == "nnnn" ? EntryState::Committed : EntryState::RolledBack);
    }

    // Killed during an apply, then killed again during the recovery, at every step of it.
    void killedDuringRecoveryToo() {
        Fixture f;
        const int batch = 3;
        const Run full = run_helper(f.journal_dir(), 0, f.apply_args(), batch);
        const int mid = full.steps - 6;  // after two files of the first batch were replaced
        f.reset();
        QVERIFY(run_helper(f.journal_dir(), mid, f.apply_args(), batch).killed);
        const std::string saved_states = f.states();
        QVERIFY2(saved_states.find('n') != std::string::npos, saved_states.c_str());
        // Count the recovery's steps on a copy of this moment: run it once without a kill.
        const Run recovery = run_helper(f.journal_dir(), 0, {"recover"}, batch);
        QVERIFY(recovery.steps > 3);
        for (int step = 1; step <= recovery.steps; ++step) {
            f.reset();
            QVERIFY(run_helper(f.journal_dir(), mid, f.apply_args(), batch).killed);
            const Run run = run_helper(f.journal_dir(), step, {"recover"}, batch);
            QVERIFY(run.killed);
            check_recovered(f, "recovery", step, 'o');
        }
    }

    void killedAtEveryStepOfAnUndo_data() { killedAtEveryStepOfAnApply_data(); }
    void killedAtEveryStepOfAnUndo() {
        QFETCH(int, batch);
        Fixture f;
        QVERIFY(!run_helper(f.journal_dir(), 0, f.apply_args(), batch).killed);
        const Run undo = run_helper(f.journal_dir(), 0, {"undo"}, batch);
        QCOMPARE(f.states(), std::string("oooo"));
        for (int step = 1; step <= undo.steps; ++step) {
            f.reset();
            QVERIFY(!run_helper(f.journal_dir(), 0, f.apply_args(), batch).killed);
            QVERIFY(run_helper(f.journal_dir(), step, {"undo"}, batch).killed);
            check_recovered(f, "undo", step, 'o');
            QCOMPARE(f.states(), std::string("oooo"));  // recovery finishes the undo
        }
    }

    // An undo puts the kept originals back by exchanging names, batch by batch: killed half way
    // (two of four exchanged), each file is old or new with one name, and either the next start
    // or another undo finishes it — with the very original inodes back. Likewise for an entry in
    // the layout of older versions (its links in the entry folder itself, not in subfolders).
    void killedHalfWayThroughAnUndo_data() {
        QTest::addColumn<bool>("by_recovery");
        QTest::addColumn<bool>("flat");
        QTest::newRow("the next start finishes it") << true << false;
        QTest::newRow("undo again finishes it") << false << false;
        QTest::newRow("older entry: the next start finishes it") << true << true;
        QTest::newRow("older entry: undo again finishes it") << false << true;
    }
    void killedHalfWayThroughAnUndo() {
        QFETCH(bool, by_recovery);
        QFETCH(bool, flat);
        Fixture f;
        const std::vector<ino_t> originals = f.inodes();
        QVERIFY(!run_helper(f.journal_dir(), 0, f.apply_args(), 3).killed);
        QCOMPARE(f.states(), std::string("nnnn"));
        if (flat) QVERIFY(edit_test::flatten_kept_links(f.journal_dir(), "1"));
        QVERIFY(run_helper(f.journal_dir(), "file-restored:2", {"undo"}, 3).killed);
        QCOMPARE(f.states(), std::string("oonn"));
        QVERIFY(f.single_names());
        UndoJournal journal(f.journal_dir());
        QVERIFY(journal.needs_recovery());
        if (by_recovery) {
            const RecoveryReport report = recover(journal);
            QCOMPARE(report.messages.size(), std::size_t(1));
            QVERIFY2(report.messages[0].starts_with("finished the interrupted undo of apply 1"), report.messages[0].c_str());
        } else {
            const UndoReport report = undo_apply(journal, "");
            QVERIFY2(report.complete(), report.error.c_str());
            QCOMPARE(report.files.at(0).outcome, RestoreOutcome::AlreadyOriginal);
            QCOMPARE(report.files.at(3).outcome, RestoreOutcome::Restored);
        }
        QCOMPARE(f.states(), std::string("oooo"));
        QVERIFY(f.single_names());
        QVERIFY(f.no_leftovers());
        QVERIFY(!journal.needs_recovery());
        QCOMPARE(journal.entries().at(0).state, EntryState::Undone);
        QCOMPARE(f.inodes(), originals);
    }

    // An apply interrupted half way whose entry is in the layout of older versions (its links in
    // the entry folder itself: users have such entries on disk) is rolled back by the next start
    // as before: the original inodes put back, the links removed, every file with one name.
    void interruptedOlderEntryIsRolledBack() {
        Fixture f;
        const std::vector<ino_t> originals = f.inodes();
        QVERIFY(run_helper(f.journal_dir(), "file-replaced:2", f.apply_args(), 3).killed);
        QCOMPARE(f.states(), std::string("nnoo"));
        QVERIFY(edit_test::flatten_kept_links(f.journal_dir(), "1"));
        QVERIFY(!f.single_names());  // f2 and f3, not renamed, are their own kept originals
        UndoJournal journal(f.journal_dir());
        QVERIFY(journal.needs_recovery());
        const RecoveryReport report = recover(journal);
        QCOMPARE(report.messages.size(), std::size_t(1));
        QVERIFY2(report.messages[0].starts_with("rolled back the interrupted apply 1"), report.messages[0].c_str());
        QCOMPARE(f.states(), std::string("oooo"));
        QCOMPARE(f.inodes(), originals);
        QVERIFY(f.single_names());
        QVERIFY(f.no_leftovers());
        QVERIFY(!journal.needs_recovery());
        QCOMPARE(journal.entries().at(0).state, EntryState::RolledBack);
        QCOMPARE(QDir(QString::fromStdString(f.journal_dir() + "/1")).entryList({"kept-*", "links-*"}, QDir::AllEntries), QStringList());
    }

    // A batch large enough to be renamed on several threads (replace_batch.cpp): killed after
    // some of its renames, each file is old or new, none torn, and the next start rolls the
    // apply back (or completes it, if every file was renamed by then); killed likewise in an
    // undo's exchanges, the next start finishes the undo.
    void killedInAThreadedBatch() {
        Fixture f(300);
        for (const int kill_after : {1, 40, 170, 299}) {
            f.reset();
            QVERIFY(run_helper(f.journal_dir(), QString("file-replaced:%1").arg(kill_after), f.apply_args()).killed);
            std::string states = f.states();
            QVERIFY2(states.find('?') == std::string::npos, states.c_str());
            QVERIFY2(std::count(states.begin(), states.end(), 'n') >= kill_after, states.c_str());
            // Rolled back; or, when the other thread renamed the last files before the kill landed,
            // every file is new and the recovery completes the apply instead.
            const bool all_renamed = states == std::string(300, 'n');
            check_recovered(f, "threaded renames", kill_after, 'o');
            QCOMPARE(f.states(), std::string(300, all_renamed ? 'n' : 'o'));

            f.reset();
            QVERIFY(!run_helper(f.journal_dir(), 0, f.apply_args()).killed);
            QCOMPARE(f.states(), std::string(300, 'n'));
            QVERIFY(run_helper(f.journal_dir(), QString("file-restored:%1").arg(kill_after), {"undo"}).killed);
            states = f.states();
            QVERIFY2(states.find('?') == std::string::npos, states.c_str());
            QVERIFY2(std::count(states.begin(), states.end(), 'o') >= kill_after, states.c_str());
            check_recovered(f, "threaded exchanges", kill_after, 'o');
            QCOMPARE(f.states(), std::string(300, 'o'));
        }
    }

    // The crash test in small: kill -9 at random moments of an apply over many files
    // (300 here; the 1,000 with CODESCOUT_CRASH_TEST_FILES=1000, a run of its own).
    void killedAtRandomMoments() {
        const int count =
            qEnvironmentVariableIsSet("CODESCOUT_CRASH_TEST_FILES") ? qEnvironmentVariableIntValue("CODESCOUT_CRASH_TEST_FILES") : 300;
        QVERIFY2(count > 0, "CODESCOUT_CRASH_TEST_FILES must be a positive number");
        const auto all = [count](char state) { return std::string(static_cast<std::size_t>(count), state); };
        Fixture f(count);
        const QStringList args = QStringList{QString::fromStdString(f.journal_dir()), "0"} + f.apply_args();
        // Kill within the time a whole apply takes, timed from the helper's "started" (its start-up
        // under TSan is longer than the apply: timed from the process's start, most kills landed
        // before the apply began), so most rounds interrupt one for real.
        qint64 full_ms = 0;
        {
            QProcess helper;
            QVERIFY(start_and_wait_for_work(helper, args));
            QElapsedTimer timer;
            timer.start();
            QVERIFY(helper.waitForFinished(60'000));
            QCOMPARE(helper.exitStatus(), QProcess::NormalExit);
            full_ms = std::max<qint64>(timer.elapsed(), 5);
        }
        QRandomGenerator random(20240901);
        int interrupted = 0;
        for (int round = 0; round < 20; ++round) {
            f.reset();
            QProcess helper;
            QVERIFY(start_and_wait_for_work(helper, args));
            QTest::qSleep(static_cast<int>(random.bounded(full_ms)));
            ::kill(static_cast<pid_t>(helper.processId()), SIGKILL);
            helper.waitForFinished(60'000);
            UndoJournal journal(f.journal_dir());
            interrupted += recover(journal).messages.empty() ? 0 : 1;
            const std::string states = f.states();
            QVERIFY2(states.find('?') == std::string::npos, states.c_str());
            QVERIFY2(states == all('o') || states == all('n'), states.c_str());
            QVERIFY(!journal.needs_recovery());
            QVERIFY(f.no_leftovers());
            QVERIFY(f.single_names());
        }
        qInfo("a whole apply of %d files took %lld ms; %d of 20 kills interrupted one", count, full_ms, interrupted);
        QVERIFY(interrupted >= 3);
    }
};

QTEST_GUILESS_MAIN(TestCrashRecovery)
#include "test_crash_recovery.moc"
