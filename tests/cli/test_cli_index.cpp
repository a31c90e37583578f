// The CLI's index flags end to end: --index-build, --index-status, and --index, whose output must
// be byte for byte the scan's (same exit status) for every output mode, also after the tree
// changed and with a damaged index; --index-watch, trusted by --index until it is killed; bad
// input gets a clear error.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <chrono>
#include <thread>

#include "process_runner.h"
#include "test_tree.h"

class TestCliIndex : public QObject {
    Q_OBJECT

private:
    TestTree tree_;
    TestTree cache_;

    QString root() const { return QString::fromStdString(tree_.root()); }

    ProcessResult run(QStringList args, bool trace = false) {
        qputenv("CODESCOUT_INDEX_TRACE", trace ? "1" : "0");
        return run_cli(args, root());
    }

    // `args` with and without --index: same bytes, same status; returns the indexed run's trace.
    // Sorted by path: unsorted output follows the threads' timing in both cases.
    QByteArray compare(QStringList args) {
        args.prepend(QStringLiteral("path"));
        args.prepend(QStringLiteral("--sort"));
        const ProcessResult scanned = run(args);
        const ProcessResult indexed = run(QStringList{QStringLiteral("--index")} + args, true);
        if (scanned.out != indexed.out || scanned.exit_code != indexed.exit_code) {
            qWarning("scan: %s\nindexed: %s", qPrintable(scanned.describe()), qPrintable(indexed.describe()));
            return "MISMATCH";
        }
        return indexed.err;
    }

    // The counts of a --stats, --stats-only, Prometheus or --json summary, without what is not a
    // count of the search's results (times, and the memory block: what this process did, which
    // with the index is less).
    static QByteArray counts_of(const QByteArray& out) {
        static const QRegularExpression count_line(QStringLiteral(
            "^(\\d+ (matches|matched lines|files contained matches|files searched|files skipped \\(.*\\)|bytes printed|"
            "bytes searched)|(Files searched|Files with matches|Matched lines|Matches|Bytes searched|Files skipped): .*|"
            "codescout_search_(?!duration).*)$"));
        static const QRegularExpression times_and_memory(QStringLiteral("\"(elapsed(_total)?|memory)\":\\{[^}]*\\},?"));
        QByteArray counts;
        for (const QByteArray& line : out.split('\n')) {
            QString text = QString::fromUtf8(line);
            if (count_line.match(text).hasMatch()) counts += line + '\n';
            else if (text.contains(QLatin1String("\"type\":\"summary\""))) counts += text.remove(times_and_memory).toUtf8() + '\n';
        }
        return counts;
    }

    // `args` with and without --index: the same counts in the summary (files and bytes searched
    // among them), the same status. Returns the indexed run's trace.
    QByteArray compare_counts(QStringList args) {
        const ProcessResult scanned = run(args);
        const ProcessResult indexed = run(QStringList{QStringLiteral("--index")} + args, true);
        const QByteArray counts = counts_of(scanned.out);
        if (!counts.contains("searched") && !counts.contains("\"searches\"")) {
            qWarning("no counts in: %s", qPrintable(scanned.describe()));
            return "MISMATCH";
        }
        if (counts != counts_of(indexed.out) || scanned.exit_code != indexed.exit_code) {
            qWarning("scan:\n%s\nindexed:\n%s\n%s", counts.constData(), counts_of(indexed.out).constData(),
                     indexed.err.constData());
            return "MISMATCH";
        }
        return indexed.err;
    }

    // How many files the index proved not to match, from the trace of an indexed run.
    static int skipped_in(const QByteArray& trace) {
        static const QRegularExpression skipped(QStringLiteral("index: walked \\d+, skipped (\\d+),"));
        const QRegularExpressionMatch m = skipped.match(QString::fromUtf8(trace));
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    }

private slots:
    void initTestCase() {
        qputenv("XDG_CACHE_HOME", QFile::encodeName(QString::fromStdString(cache_.root())));
        tree_.mkdir(QStringLiteral(".git"));
        tree_.write(QStringLiteral(".gitignore"), "*.log\n");
        for (int i = 0; i < 60; ++i) {
            QByteArray text;
            for (int l = 0; l < 30; ++l) {
                text += "line " + QByteArray::number(l) + " of file " + QByteArray::number(i) +
                        (l % 7 == i % 5 ? " spin_lock(&kernel->Lock);\n" : " nothing to see\n");
            }
            if (i % 9 == 0) text += "Stra\xC3\x9F" "e and \xE2\x84\xAA" "ELVIN\n";
            tree_.write(QStringLiteral("d%1/file%2.c").arg(i % 4).arg(i), text);
        }
        // A file over the chunking threshold (256 KiB): indexed per chunk of lines, with matches
        // spread over its chunks.
        QByteArray big;
        for (int l = 0; big.size() < 300 * 1024; ++l) {
            big += "big line " + QByteArray::number(l) + (l % 997 == 0 ? " spin_lock(&big->Lock);\n" : " filler text here\n");
        }
        tree_.write(QStringLiteral("d0/big.c"), big);
        tree_.write(QStringLiteral("ignored.log"), "spin_lock in an ignored file\n");
        tree_.write(QStringLiteral(".hidden.c"), "spin_lock in a hidden file\n");
        tree_.write(QStringLiteral("latin1.txt"), "Stra\xDF" "e in Latin-1\n");  // -E latin1 finds it
        tree_.write(QStringLiteral("bin.dat"), QByteArray("spin_lock\0binary\n", 17));
        tree_.write(QStringLiteral("nomatch.dat"), QByteArray("no lock\0here\n", 13));  // binary without a match
        tree_.write(QStringLiteral("bom.txt"), "\xEF\xBB\xBF" "a UTF-8 BOM: the scan counts its bytes too\n");
        tree_.write(QStringLiteral("d3/empty.c"), "");
        // Files younger than two seconds are always searched directly (their timestamps cannot
        // prove them unchanged yet): wait, so that the index answers for them.
        std::this_thread::sleep_for(std::chrono::milliseconds(2100));
        const ProcessResult built = run({QStringLiteral("--index-build")});
        QCOMPARE(built.exit_code, 0);
        QVERIFY2(built.out.startsWith("indexed "), built.out.constData());
        QVERIFY2(built.out.contains(" 66 files (63 with trigrams, 1 of them in 19 chunks)"), built.out.constData());
    }

    void sameOutputAsTheScan_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<bool>("narrowed");
        QTest::newRow("literal") << QStringList{"spin_lock"} << true;
        QTest::newRow("-n --sort path") << QStringList{"-n", "--sort", "path", "spin_lock"} << true;
        QTest::newRow("-i") << QStringList{"-i", "KERNEL"} << true;
        QTest::newRow("-i Kelvin sign") << QStringList{"-i", "kelvin"} << true;
        QTest::newRow("-w -c") << QStringList{"-w", "-c", "Lock"} << true;
        QTest::newRow("-l") << QStringList{"-l", "file 3"} << true;
        QTest::newRow("context") << QStringList{"-C2", "--sort", "path", "-n", "spin_lock"} << true;
        QTest::newRow("-F") << QStringList{"-F", "(&kernel"} << true;
        QTest::newRow("alternation") << QStringList{"--sort", "path", "Stra\u00dfe|of file 59"} << true;
        QTest::newRow("none") << QStringList{"no such text anywhere"} << true;
        QTest::newRow("not narrowable") << QStringList{"\\w+\\("} << false;
        QTest::newRow("--hidden") << QStringList{"--hidden", "spin_lock"} << true;
        QTest::newRow("--no-ignore") << QStringList{"--no-ignore", "spin_lock"} << true;
        QTest::newRow("-g") << QStringList{"-g", "d1/**", "spin_lock"} << true;
        QTest::newRow("paths") << QStringList{"spin_lock", "d2", "./d3/"} << true;
        QTest::newRow("a file path") << QStringList{"spin_lock", "d0/file0.c"} << false;
        // The index holds raw bytes; -E searches decoded text, so it scans.
        QTest::newRow("-E latin1") << QStringList{"-E", "latin1", "--sort", "path", "Stra\u00dfe"} << false;
    }

    void sameOutputAsTheScan() {
        QFETCH(QStringList, args);
        QFETCH(bool, narrowed);
        const QByteArray trace = compare(args);
        QVERIFY(trace != "MISMATCH");
        QCOMPARE(trace.contains("index: used"), narrowed);
    }

    // --stats with --index counts what the scan counts: the files the index proved not to match
    // as searched without a match, with their sizes (those over --max-filesize as too large).
    void statsCountAsTheScan_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("literal") << QStringList{"--stats", "spin_lock"};
        QTest::newRow("few candidates") << QStringList{"--stats", "file 3"};
        QTest::newRow("-c") << QStringList{"--stats", "-c", "file 3"};
        QTest::newRow("--count-matches") << QStringList{"--stats", "--count-matches", "-i", "kernel->lock"};
        QTest::newRow("-l") << QStringList{"--stats", "-l", "file 3"};
        QTest::newRow("-o -w") << QStringList{"--stats", "-o", "-w", "file 3\\d"};
        QTest::newRow("--max-filesize") << QStringList{"--stats", "--max-filesize", "1000", "file 3"};
        QTest::newRow("-U") << QStringList{"--stats", "-U", "file 3"};
        QTest::newRow("--hidden") << QStringList{"--stats", "--hidden", "file 3"};
        QTest::newRow("-i Kelvin sign") << QStringList{"--stats", "-i", "kelvin"};
        QTest::newRow("paths") << QStringList{"--stats", "file 3", "d2", "./d3/"};
        QTest::newRow("no match") << QStringList{"--stats", "no such text anywhere"};
        QTest::newRow("--stats-only") << QStringList{"--stats-only", "file 3"};
        QTest::newRow("prometheus") << QStringList{"--stats", "--metrics-format", "prometheus", "file 3"};
        // rg's JSON summary counts the printed files only: the same with the index.
        QTest::newRow("--json") << QStringList{"--json", "file 3"};
        QTest::newRow("--json --stats") << QStringList{"--json", "--stats", "file 3"};
    }

    void statsCountAsTheScan() {
        QFETCH(QStringList, args);
        const QByteArray trace = compare_counts(args);
        QVERIFY(trace != "MISMATCH");
        QVERIFY2(trace.contains("index: used"), trace.constData());
        QVERIFY2(skipped_in(trace) > 0, trace.constData());  // else the test shows nothing
    }

    // -m 0 stops each file at its first window: its bytes searched are not the files' sizes, so
    // it scans (and finds nothing either way).
    void maxCountZeroScans() {
        const QByteArray trace = compare_counts({QStringLiteral("--stats"), QStringLiteral("-m"), QStringLiteral("0"),
                                                 QStringLiteral("file 3")});
        QVERIFY(trace != "MISMATCH");
        QVERIFY2(trace.contains("-m 0 reads no file to its end: scanning"), trace.constData());
    }

    void statusAndChanges() {
        ProcessResult status = run({QStringLiteral("--index-status")});
        QCOMPARE(status.exit_code, 0);
        QVERIFY2(status.out.contains(": ready\n"), status.out.constData());
        QVERIFY2(status.out.contains("files: 66 (63 with trigrams)"), status.out.constData());
        QVERIFY2(status.out.contains(" trigrams, 84 documents (files and chunks of large files)"), status.out.constData());

        // Edit one file, add one, delete one: --index still prints what the scan prints.
        QFile edited(root() + QStringLiteral("/d1/file1.c"));
        QVERIFY(edited.open(QIODevice::Append));
        edited.write("zebrafish spin_lock\n");
        edited.close();
        tree_.write(QStringLiteral("d2/new.c"), "zebrafish too\n");
        QVERIFY(QFile::remove(root() + QStringLiteral("/d3/file3.c")));
        QVERIFY(compare({QStringLiteral("--sort"), QStringLiteral("path"), QStringLiteral("zebrafish")}) != "MISMATCH");
        QVERIFY(compare({QStringLiteral("-c"), QStringLiteral("spin_lock")}) != "MISMATCH");
        status = run({QStringLiteral("--index-status")});
        QVERIFY2(status.out.contains(": stale\n"), status.out.constData());
        QVERIFY2(status.out.contains("1 changed, 1 deleted, 1 added"), status.out.constData());

        // A damaged index is not used: the scan's output, and the status says so.
        const QString file = QString::fromUtf8(status.out).section(QStringLiteral("index file: "), 1).section(QLatin1Char('\n'), 0, 0);
        QVERIFY(QFile::exists(file));
        QFile damaged(file);
        QVERIFY(damaged.resize(damaged.size() / 2));
        const QByteArray trace = compare({QStringLiteral("--sort"), QStringLiteral("path"), QStringLiteral("spin_lock")});
        QVERIFY(trace != "MISMATCH");
        QVERIFY2(trace.contains("index: not used") && trace.contains("corrupt"), trace.constData());
        status = run({QStringLiteral("--index-status")});
        QVERIFY2(status.out.contains(": corrupt"), status.out.constData());
        // Rebuilding repairs it.
        QCOMPARE(run({QStringLiteral("--index-build")}).exit_code, 0);
        QVERIFY(run({QStringLiteral("--index-status")}).out.contains("index file: "));
    }

    void badInput() {
        ProcessResult r = run({QStringLiteral("--index-build"), QStringLiteral("no/such/dir")});
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.err.contains("no/such/dir: cannot build the index: no/such/dir: No such file or directory"),
                 r.err.constData());
        r = run({QStringLiteral("--index-build"), QStringLiteral("-e"), QStringLiteral("x")});
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.err.contains("take no pattern"), r.err.constData());
        r = run({QStringLiteral("--index-status"), QStringLiteral("d0/file0.c")});
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.err.contains("not a directory"), r.err.constData());
    }

    // --index-watch in the background: --index trusts it (a sync cookie), sees an edit made just
    // before the search, and falls back to stats once the watcher is killed with SIGKILL (which
    // leaves its lock file and log behind, but not the lock). Output is the scan's throughout.
    void watcherTrustedUntilKilled() {
        QProcess watcher;
        watcher.setWorkingDirectory(root());
        watcher.start(cli_path(), {QStringLiteral("--index-watch")});
        QVERIFY(watcher.waitForStarted());
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += watcher.readAllStandardOutput()).startsWith("watching "), 30000);

        ProcessResult second = run({QStringLiteral("--index-watch")});
        QCOMPARE(second.exit_code, 2);
        QVERIFY2(second.err.contains("another process already watches"), second.err.constData());

        QByteArray trace = compare({QStringLiteral("spin_lock")});
        QVERIFY(trace != "MISMATCH");
        QVERIFY2(trace.contains("a watcher vouches"), trace.constData());
        // Files the watcher vouches for are skipped without a stat, counted by their indexed size.
        trace = compare_counts({QStringLiteral("--stats"), QStringLiteral("file 3")});
        QVERIFY(trace != "MISMATCH");
        QVERIFY2(trace.contains("a watcher vouches") && !trace.contains("vouched for by a watcher 0\n"), trace.constData());

        QFile edited(root() + QStringLiteral("/d2/file2.c"));
        QVERIFY(edited.open(QIODevice::Append));
        edited.write("kookaburra seen by the watcher\n");
        edited.close();
        trace = compare({QStringLiteral("kookaburra")});
        QVERIFY(trace != "MISMATCH");
        QVERIFY2(trace.contains("a watcher vouches") && trace.contains("1 changed files"), trace.constData());
        QVERIFY(run({QStringLiteral("kookaburra")}).out.contains("kookaburra seen by the watcher"));

        watcher.kill();  // SIGKILL: no cleanup
        QVERIFY(watcher.waitForFinished());
        const QDir index_dir(QString::fromStdString(cache_.root()) + QStringLiteral("/codescout/index"));
        QCOMPARE(index_dir.entryList({QStringLiteral("*.watch.lock")}, QDir::Files).size(), 1);
        QCOMPARE(index_dir.entryList({QStringLiteral("*.watch")}, QDir::Files).size(), 1);
        QVERIFY(edited.open(QIODevice::Append));
        edited.write("lyrebird after the watcher died\n");
        edited.close();
        trace = compare({QStringLiteral("lyrebird")});
        QVERIFY(trace != "MISMATCH");
        QVERIFY2(trace.contains("no watcher runs") && !trace.contains("a watcher vouches"), trace.constData());
        QVERIFY(run({QStringLiteral("lyrebird")}).out.contains("lyrebird after the watcher died"));

        // Stopped by SIGTERM: exit 0, the log removed.
        QProcess again;
        again.setWorkingDirectory(root());
        again.start(cli_path(), {QStringLiteral("--index-watch")});
        QVERIFY(again.waitForStarted());
        said.clear();
        QTRY_VERIFY_WITH_TIMEOUT((said += again.readAllStandardOutput()).startsWith("watching "), 30000);
        again.terminate();
        QVERIFY(again.waitForFinished());
        QCOMPARE(again.exitStatus(), QProcess::NormalExit);
        QCOMPARE(again.exitCode(), 0);
        QCOMPARE(index_dir.entryList({QStringLiteral("*.watch")}, QDir::Files).size(), 0);
    }

    void watchBadInput() {
        ProcessResult r = run({QStringLiteral("--index-watch"), QStringLiteral("d0"), QStringLiteral("d1")});
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.err.contains("watches one folder"), r.err.constData());
        r = run({QStringLiteral("--index-watch"), QStringLiteral("-e"), QStringLiteral("x")});
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.err.contains("take no pattern"), r.err.constData());
        r = run({QStringLiteral("--index-watch"), QStringLiteral("d0")});  // indexed only as part of the root
        QCOMPARE(r.exit_code, 2);
        QVERIFY2(r.err.contains("no usable index to watch") && r.err.contains("--index-build"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliIndex)
#include "test_cli_index.moc"
