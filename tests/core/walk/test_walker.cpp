// The walker's behaviour on temporary trees: display paths, hidden entries, ignore files, user
// filters, depth, links, special files, odd names, errors, stopping, several roots.
#include <QtTest>

#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "core/walk/read_semantics.h"
#include "test_tree.h"
#include "walk_test_util.h"

using namespace codescout;

namespace {

QStringList sorted(QStringList l) {
    l.sort();
    return l;
}

// Changes the working directory for one test and restores it.
class CurrentDir {
public:
    explicit CurrentDir(const std::string& dir) : saved_(QDir::currentPath()) { QDir::setCurrent(QString::fromStdString(dir)); }
    ~CurrentDir() { QDir::setCurrent(saved_); }

private:
    QString saved_;
};

WalkOptions rootedAt(const std::string& root) {
    WalkOptions o;
    o.roots = {root};
    return o;
}

}  // namespace

class TestWalker : public QObject {
    Q_OBJECT
    QTemporaryDir home_;

private slots:
    // Hermetic: no user-level git excludes from the machine running the tests.
    void initTestCase() {
        QVERIFY(home_.isValid());
        qputenv("HOME", home_.path().toLocal8Bit());
        qunsetenv("XDG_CONFIG_HOME");
        qputenv("GIT_CONFIG_NOSYSTEM", "1");
    }

    void displayPaths_data() {
        QTest::addColumn<QString>("root");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("dot") << "." << QStringList{"./dir/a.c", "./dir/sub/b.c", "./top.c"};
        QTest::newRow("dot slash") << "./" << QStringList{"./dir/a.c", "./dir/sub/b.c", "./top.c"};
        QTest::newRow("dir") << "dir" << QStringList{"dir/a.c", "dir/sub/b.c"};
        QTest::newRow("dir slash") << "dir/" << QStringList{"dir/a.c", "dir/sub/b.c"};
        QTest::newRow("dot dir") << "./dir" << QStringList{"./dir/a.c", "./dir/sub/b.c"};
        QTest::newRow("file") << "top.c" << QStringList{"top.c"};
        QTest::newRow("absolute") << "@ABS@" << QStringList{"@ABS@/dir/a.c", "@ABS@/dir/sub/b.c", "@ABS@/top.c"};
        QTest::newRow("absolute slash") << "@ABS@/" << QStringList{"@ABS@/dir/a.c", "@ABS@/dir/sub/b.c", "@ABS@/top.c"};
    }

    void displayPaths() {
        QFETCH(QString, root);
        QFETCH(QStringList, expected);
        TestTree t;
        t.write(QStringLiteral("top.c"), "x");
        t.write(QStringLiteral("dir/a.c"), "x");
        t.write(QStringLiteral("dir/sub/b.c"), "x");
        const QString abs = QString::fromStdString(t.root());
        root.replace(QStringLiteral("@ABS@"), abs);
        expected.replaceInStrings(QStringLiteral("@ABS@"), abs);
        CurrentDir cd(t.root());
        const auto out = walkTree(rootedAt(root.toStdString()));
        QCOMPARE(out.paths, expected);
        QVERIFY(out.errors.isEmpty());
    }

    void depthAndExplicitRoot() {
        TestTree t;
        t.write(QStringLiteral("a/b/c.txt"), "x");
        t.write(QStringLiteral(".hidden.txt"), "x");
        WalkOptions o;
        o.roots = {t.root(), t.path(QStringLiteral(".hidden.txt"))};
        const auto out = walkTree(o);
        QCOMPARE(out.entries.size(), std::size_t(2));
        for (const auto& e : out.entries) {
            if (e.path.ends_with("c.txt")) {
                QCOMPARE(e.depth, 3u);
                QVERIFY(!e.explicit_root);
            } else {
                QCOMPARE(e.depth, 0u);  // hidden, but named explicitly: visited
                QVERIFY(e.explicit_root);
            }
        }
    }

    void hiddenEntries() {
        TestTree t;
        t.write(QStringLiteral("visible.txt"), "x");
        t.write(QStringLiteral(".dotfile"), "x");
        t.write(QStringLiteral(".dir/inner.txt"), "x");
        t.write(QStringLiteral("sub/.also"), "x");
        auto out = walkTree(rootedAt(t.root()), 2, t.root() + "/");
        QCOMPARE(out.paths, QStringList{"visible.txt"});
        QCOMPARE(out.counters.hidden, 3u);  // .dotfile, .dir, sub/.also
        WalkOptions o = rootedAt(t.root());
        o.include_hidden = true;
        out = walkTree(o, 2, t.root() + "/");
        QCOMPARE(out.paths, sorted({".dir/inner.txt", ".dotfile", "sub/.also", "visible.txt"}));
        QCOMPARE(out.counters.hidden, 0u);
    }

    void gitDirectoryNeverDescended() {
        TestTree t;
        t.write(QStringLiteral(".git/HEAD"), "ref");
        t.write(QStringLiteral("sub/.git/config"), "x");
        t.write(QStringLiteral("a.txt"), "x");
        WalkOptions o = rootedAt(t.root());
        o.include_hidden = true;
        o.respect_ignore_files = false;
        const auto out = walkTree(o, 2, t.root() + "/");
        QCOMPARE(out.paths, QStringList{"a.txt"});
    }

    void gitignoreOnlyInsideGitTree() {
        TestTree t;
        t.write(QStringLiteral(".gitignore"), "*.log\n");
        t.write(QStringLiteral(".ignore"), "*.tmp\n");
        t.write(QStringLiteral("a.log"), "x");
        t.write(QStringLiteral("b.tmp"), "x");
        t.write(QStringLiteral("c.txt"), "x");
        // No .git: .gitignore is not applied, .ignore is.
        auto out = walkTree(rootedAt(t.root()), 2, t.root() + "/");
        QCOMPARE(out.paths, sorted({"a.log", "c.txt"}));
        QCOMPARE(out.counters.ignored, 1u);
        t.mkdir(QStringLiteral(".git"));
        out = walkTree(rootedAt(t.root()), 2, t.root() + "/");
        QCOMPARE(out.paths, QStringList{"c.txt"});
        QCOMPARE(out.counters.ignored, 2u);
        // --no-ignore: neither.
        WalkOptions o = rootedAt(t.root());
        o.respect_ignore_files = false;
        out = walkTree(o, 2, t.root() + "/");
        QCOMPARE(out.paths, sorted({"a.log", "b.tmp", "c.txt"}));
        QCOMPARE(out.counters.ignored, 0u);
    }

    void dotIgnoreBeatsGitignore() {
        TestTree t;
        t.mkdir(QStringLiteral(".git"));
        t.write(QStringLiteral(".gitignore"), "*.gen\n");
        t.write(QStringLiteral("sub/.ignore"), "!keep.gen\n");
        t.write(QStringLiteral("sub/keep.gen"), "x");
        t.write(QStringLiteral("sub/drop.gen"), "x");
        const auto out = walkTree(rootedAt(t.root()), 2, t.root() + "/");
        QCOMPARE(out.paths, QStringList{"sub/keep.gen"});
    }

    void nestedRepositoryDoesNotSeeParentGitignore() {
        TestTree t;
        t.mkdir(QStringLiteral(".git"));
        t.write(QStringLiteral(".gitignore"), "*.o\n");
        t.write(QStringLiteral(".ignore"), "*.tmp\n");
        t.write(QStringLiteral("a.o"), "x");
        t.mkdir(QStringLiteral("nested/.git"));
        t.write(QStringLiteral("nested/n.o"), "x");    // the parent's .gitignore stops at the nested repository
        t.write(QStringLiteral("nested/n.tmp"), "x");  // .ignore files are not git's: they still apply
        t.write(QStringLiteral("nested/n.c"), "x");
        const auto out = walkTree(rootedAt(t.root()), 2, t.root() + "/");
        QCOMPARE(out.paths, sorted({"nested/n.c", "nested/n.o"}));
    }

    void ignoreFilesAboveTheRootApply() {
        TestTree t;
        t.mkdir(QStringLiteral(".git"));
        t.write(QStringLiteral(".gitignore"), "/sub/*.log\n*.o\n");
        t.write(QStringLiteral(".git/info/exclude"), "*.excl\n");
        t.write(QStringLiteral("sub/a.log"), "x");
        t.write(QStringLiteral("sub/b.o"), "x");
        t.write(QStringLiteral("sub/c.excl"), "x");
        t.write(QStringLiteral("sub/d.txt"), "x");
        t.write(QStringLiteral("sub/deeper/e.log"), "x");
        CurrentDir cd(t.path(QStringLiteral("sub")));
        const auto out = walkTree(rootedAt("."));
        QCOMPARE(out.paths, sorted({"./d.txt", "./deeper/e.log"}));
    }

    void globs_data() {
        QTest::addColumn<QStringList>("globs");
        QTest::addColumn<QStringList>("expected");
        const QStringList all{"a.c", "a.h", "docs/readme.md", "src/main.c", "src/util/x.c", "src/util/x.h"};
        QTest::newRow("none") << QStringList{} << all;
        QTest::newRow("include ext") << QStringList{"*.c"} << QStringList{"a.c", "src/main.c", "src/util/x.c"};
        QTest::newRow("exclude ext") << QStringList{"!*.c"} << QStringList{"a.h", "docs/readme.md", "src/util/x.h"};
        QTest::newRow("exclude dir") << QStringList{"!src"} << QStringList{"a.c", "a.h", "docs/readme.md"};
        QTest::newRow("later wins") << QStringList{"*.c", "!src/**"} << QStringList{"a.c"};
        // src/util is a directory matched by "!src/**": not descended, as in ripgrep.
        QTest::newRow("later wins reversed") << QStringList{"!src/**", "*.c"} << QStringList{"a.c", "src/main.c"};
        QTest::newRow("path glob") << QStringList{"src/*.c"} << QStringList{"src/main.c"};
        QTest::newRow("globstar path") << QStringList{"src/**/*.h"} << QStringList{"src/util/x.h"};
        QTest::newRow("dir only exclude") << QStringList{"!util/"} << QStringList{"a.c", "a.h", "docs/readme.md", "src/main.c"};
        QTest::newRow("two includes") << QStringList{"*.md", "*.h"} << QStringList{"a.h", "docs/readme.md", "src/util/x.h"};
    }

    void globs() {
        QFETCH(QStringList, globs);
        QFETCH(QStringList, expected);
        TestTree t;
        for (const char* f : {"a.c", "a.h", "docs/readme.md", "src/main.c", "src/util/x.c", "src/util/x.h"}) {
            t.write(QString::fromLatin1(f), "x");
        }
        CurrentDir cd(t.root());
        WalkOptions o = rootedAt(".");
        for (const auto& g : globs) o.globs.push_back(g.toStdString());
        auto out = walkTree(o, 2, "./");
        QCOMPARE(out.paths, expected);
    }

    void globWhitelistBeatsIgnoreFiles() {
        TestTree t;
        t.write(QStringLiteral(".ignore"), "*.gen\n");
        t.write(QStringLiteral("x.gen"), "x");
        t.write(QStringLiteral("y.txt"), "x");
        WalkOptions o = rootedAt(t.root());
        o.globs = {"*.gen"};
        const auto out = walkTree(o, 2, t.root() + "/");
        QCOMPARE(out.paths, QStringList{"x.gen"});
    }

    void extensions_data() {
        QTest::addColumn<QStringList>("extensions");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("plain") << QStringList{"rs"} << QStringList{"a.rs", "b.RS"};
        QTest::newRow("dot and case") << QStringList{".CPP", "rs"} << QStringList{"a.rs", "b.RS", "c.cpp"};
        QTest::newRow("comma list") << QStringList{"rs,cpp"} << QStringList{"a.rs", "b.RS", "c.cpp"};
        QTest::newRow("no match") << QStringList{"py"} << QStringList{};
    }

    void extensions() {
        QFETCH(QStringList, extensions);
        QFETCH(QStringList, expected);
        TestTree t;
        for (const char* f : {"a.rs", "b.RS", "c.cpp", "d.cpp.txt", "Makefile", "rs"}) t.write(QString::fromLatin1(f), "x");
        WalkOptions o = rootedAt(t.root());
        for (const auto& e : extensions) o.extensions.push_back(e.toStdString());
        const auto out = walkTree(o, 2, t.root() + "/");
        QCOMPARE(out.paths, expected);
        QCOMPARE(out.counters.ignored, static_cast<std::uint64_t>(6 - expected.size()));
    }

    void ignoreGlobs() {
        TestTree t;
        for (const char* f : {"a.min.js", "b.js", "vendor/c.js", "src/vendor/d.js", "src/e.js", "gen/f.js"}) {
            t.write(QString::fromLatin1(f), "x");
        }
        WalkOptions o = rootedAt(t.root());
        o.ignore_globs = {"*.min.js", "vendor", "gen/*"};
        const auto out = walkTree(o, 2, t.root() + "/");
        QCOMPARE(out.paths, sorted({"b.js", "src/e.js"}));
        QCOMPARE(out.counters.ignored, 4u);  // a.min.js, vendor, src/vendor, gen/f.js
    }

    void maxDepth_data() {
        QTest::addColumn<int>("depth");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("0") << 0 << QStringList{};
        QTest::newRow("1") << 1 << QStringList{"a"};
        QTest::newRow("2") << 2 << QStringList{"a", "d/b"};
        QTest::newRow("3") << 3 << QStringList{"a", "d/b", "d/e/c"};
    }

    void maxDepth() {
        QFETCH(int, depth);
        QFETCH(QStringList, expected);
        TestTree t;
        t.write(QStringLiteral("a"), "x");
        t.write(QStringLiteral("d/b"), "x");
        t.write(QStringLiteral("d/e/c"), "x");
        WalkOptions o = rootedAt(t.root());
        o.max_depth = static_cast<std::size_t>(depth);
        const auto out = walkTree(o, 2, t.root() + "/");
        QCOMPARE(out.paths, expected);
        // A file root is visited whatever the depth limit.
        o.roots = {t.path(QStringLiteral("a"))};
        QCOMPARE(walkTree(o).paths.size(), qsizetype(1));
    }

    void invalidGlobsThrowBeforeWalking_data() {
        QTest::addColumn<QString>("kind");
        QTest::newRow("-g") << "glob";
        QTest::newRow("--ignore") << "ignore";
    }

    void invalidGlobsThrowBeforeWalking() {
        QFETCH(QString, kind);
        TestTree t;
        t.write(QStringLiteral("a.txt"), "x");
        WalkOptions o = rootedAt(t.root());
        (kind == QLatin1String("glob") ? o.globs : o.ignore_globs) = {"ok*", "bad[x"};
        Walker w(o, 2);
        std::atomic<bool> cancelled{false};
        bool visited = false;
        try {
            w.run([&](const WalkEntry&) { return visited = true; }, [](const PathError&) {}, cancelled);
            QFAIL("no exception");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(std::string(e.what()).find("bad[x") != std::string::npos, e.what());
        }
        QVERIFY(!visited);
    }

    void symlinksNotFollowedByDefault() {
        TestTree t;
        t.write(QStringLiteral("real/f.txt"), "x");
        t.symlink(QString::fromStdString(t.path(QStringLiteral("real/f.txt"))), QStringLiteral("file-link"));
        t.symlink(QStringLiteral("real"), QStringLiteral("dir-link"));
        t.symlink(QStringLiteral("missing"), QStringLiteral("broken-link"));
        const auto out = walkTree(rootedAt(t.root()), 2, t.root() + "/");
        QCOMPARE(out.paths, QStringList{"real/f.txt"});
        QVERIFY(out.errors.isEmpty());  // a broken link is not an error when links are not followed
    }

    void followedLinksLoopsAndBrokenLinks() {
        TestTree t;
        t.write(QStringLiteral("real/f.txt"), "x");
        t.symlink(QString::fromStdString(t.path(QStringLiteral("real/f.txt"))), QStringLiteral("file-link"));
        t.symlink(QStringLiteral("real"), QStringLiteral("dir-link"));
        t.symlink(QStringLiteral(".."), QStringLiteral("real/up"));  // loop: real/up -> root
        t.symlink(QStringLiteral("missing"), QStringLiteral("broken-link"));
        WalkOptions o = rootedAt(t.root());
        o.follow_links = true;
        const auto out = walkTree(o, 2, t.root() + "/");
        // dir-link/up points to the root too (an ancestor of dir-link): a loop as well.
        QCOMPARE(out.paths, sorted({"dir-link/f.txt", "file-link", "real/f.txt"}));
        QCOMPARE(out.errors.size(), qsizetype(3));
        QCOMPARE(out.counters.errors, 3u);
        const QString joined = out.errors.join(QLatin1Char('\n'));
        QVERIFY2(joined.contains(QStringLiteral("real/up: File system loop found: ")), qPrintable(joined));
        QVERIFY2(joined.contains(QStringLiteral("dir-link/up: File system loop found: ")), qPrintable(joined));
        QVERIFY2(joined.contains(QStringLiteral("broken-link: No such file or directory (os error 2)")), qPrintable(joined));
    }

    void specialFilesNeverOpened() {
        TestTree t;
        t.write(QStringLiteral("a.txt"), "x");
        t.fifo(QStringLiteral("pipe"));
        t.fifo(QStringLiteral("sub/pipe2"));
        t.symlink(QStringLiteral("/dev/null"), QStringLiteral("null-link"));
        t.symlink(QString::fromStdString(t.path(QStringLiteral("pipe"))), QStringLiteral("pipe-link"));
        std::uint64_t expected_special = 4;  // 2 FIFOs, /dev/null and the FIFO through links
        if (::mknod(t.path(QStringLiteral("chardev")).c_str(), S_IFCHR | 0600, makedev(1, 3)) == 0) ++expected_special;
        else qInfo("mknod not permitted: the character device case is covered by the /dev/null link only");

        WalkOptions o = rootedAt(t.root());
        o.follow_links = true;
        // Like the searcher, the visitor opens what it gets with a blocking open: a FIFO handed over
        // would hang, so the walk runs on another thread under a generous hang guard.
        auto done = std::async(std::launch::async, [o] {
            WalkOutcome out;
            std::atomic<bool> cancelled{false};
            Walker w(o, 2);
            std::mutex m;
            w.run(
                [&](const WalkEntry& e) {
                    const int fd = ::open(e.path.c_str(), O_RDONLY | O_CLOEXEC);
                    if (fd >= 0) ::close(fd);
                    std::lock_guard lock(m);
                    out.paths << QString::fromStdString(e.path);
                    return true;
                },
                [&](const PathError& err) {
                    std::lock_guard lock(m);
                    out.errors << QString::fromStdString(err.path + ": " + err.message);
                },
                cancelled);
            out.counters = w.counters();
            return out;
        });
        if (done.wait_for(std::chrono::seconds(60)) != std::future_status::ready) {
            qFatal("the walk hung: a FIFO or device was opened");  // cannot unblock the thread; end here
        }
        const WalkOutcome out = done.get();
        QCOMPARE(out.paths, QStringList{QString::fromStdString(t.path(QStringLiteral("a.txt")))});
        QCOMPARE(out.counters.special, expected_special);
        QVERIFY(out.errors.isEmpty());
    }

    void nonUtf8FileName() {
        TestTree t;
        const std::string dir = t.mkdir(QStringLiteral("d"));
        const std::string name = dir + "/caf\xe9-\xff\xfe.txt";
        const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
        QVERIFY(fd >= 0);
        ::close(fd);
        const auto out = walkTree(rootedAt(t.root()), 2, t.root() + "/");
        const bool readable = !out.entries.empty() && ::access(out.entries.at(0).path.c_str(), R_OK) == 0;
        ::unlink(name.c_str());  // QTemporaryDir cannot remove a name that is not UTF-8
        QCOMPARE(out.paths, QStringList{QStringLiteral("d/caf\\xe9-\\xff\\xfe.txt")});
        QCOMPARE(out.entries.at(0).path, name);
        QVERIFY(readable);
    }

    void unreadableDirectoryIsReportedAndSkipped() {
        if (::geteuid() == 0) QSKIP("running as root: permissions do not apply, so chmod 000 cannot make a directory unreadable");
        TestTree t;
        t.write(QStringLiteral("ok/a.txt"), "x");
        t.write(QStringLiteral("locked/b.txt"), "x");
        const std::string locked = t.path(QStringLiteral("locked"));
        QVERIFY(::chmod(locked.c_str(), 0) == 0);
        const auto out = walkTree(rootedAt(t.root()), 2, t.root() + "/");
        ::chmod(locked.c_str(), 0755);  // so the tree can be removed
        QCOMPARE(out.paths, QStringList{"ok/a.txt"});
        QCOMPARE(out.counters.errors, 1u);
        QVERIFY2(out.errors.value(0).endsWith(QStringLiteral("locked: Permission denied (os error 13)")), qPrintable(out.errors.value(0)));
    }

    void nonexistentRootIsAnErrorOthersContinue() {
        TestTree t;
        t.write(QStringLiteral("a.txt"), "x");
        CurrentDir cd(t.root());
        WalkOptions o;
        o.roots = {"missing", "a.txt"};
        const auto out = walkTree(o);
        QCOMPARE(out.paths, QStringList{"a.txt"});
        QCOMPARE(out.errors, QStringList{"missing: No such file or directory (os error 2)"});
        QCOMPARE(out.counters.errors, 1u);
    }

    void multipleRoots() {
        TestTree t;
        t.write(QStringLiteral("a/1.txt"), "x");
        t.write(QStringLiteral("b/2.txt"), "x");
        t.write(QStringLiteral("c/3.txt"), "x");
        t.write(QStringLiteral("ignored.log"), "x");
        t.write(QStringLiteral(".ignore"), "*.log\n");
        CurrentDir cd(t.root());
        WalkOptions o;
        o.roots = {"a", "b/", "ignored.log"};
        const auto out = walkTree(o);
        QCOMPARE(out.paths, sorted({"a/1.txt", "b/2.txt", "ignored.log"}));
    }

    void countersAreExact() {
        TestTree t;
        t.write(QStringLiteral(".ignore"), "*.log\nskipdir/\n");
        for (int i = 0; i < 20; ++i) {
            t.write(QStringLiteral("d%1/keep.txt").arg(i), "x");
            t.write(QStringLiteral("d%1/drop.log").arg(i), "x");
            t.write(QStringLiteral("d%1/.hid").arg(i), "x");
            t.mkdir(QStringLiteral("d%1/skipdir").arg(i));
            t.fifo(QStringLiteral("d%1/fifo").arg(i));
        }
        const auto out = walkTree(rootedAt(t.root()), 3);
        QCOMPARE(out.paths.size(), qsizetype(20));
        QCOMPARE(out.counters.ignored, 40u);
        QCOMPARE(out.counters.hidden, 21u);  // 20 .hid and the .ignore file itself
        QCOMPARE(out.counters.special, 20u);
        QCOMPARE(out.counters.errors, 0u);
    }

    // WalkEntry::short_read_is_end: false unless asked; when asked, the directory's file system
    // decides (a test tree on tmpfs or a local disk says yes, /proc says no).
    void readSemanticsOnlyWhenAsked() {
        TestTree t;
        t.write(QStringLiteral("a.txt"), "x");
        t.write(QStringLiteral("d/b.txt"), "x");
        const int fd = ::open(t.root().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        QVERIFY(fd >= 0);
        const bool tree_answer = short_read_means_end(fd);
        ::close(fd);
        WalkOptions o = rootedAt(t.root());
        for (const auto& e : walkTree(o).entries) QVERIFY2(!e.short_read_is_end, e.path.c_str());
        o.check_read_semantics = true;
        const auto asked = walkTree(o);
        QCOMPARE(asked.entries.size(), std::size_t(2));
        for (const auto& e : asked.entries) QCOMPARE(e.short_read_is_end, tree_answer);

        const int proc = ::open("/proc/self", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        QVERIFY(proc >= 0);
        QVERIFY(!short_read_means_end(proc));  // procfs: a page at a time, sizes 0
        ::close(proc);
        WalkOptions in_proc = rootedAt("/proc/sys/kernel/random");
        in_proc.check_read_semantics = true;
        const auto proc_walk = walkTree(in_proc);
        QVERIFY(!proc_walk.entries.empty());
        for (const auto& e : proc_walk.entries) QVERIFY2(!e.short_read_is_end, e.path.c_str());
    }

    void sameResultWithAnyThreadCount_data() {
        QTest::addColumn<unsigned>("threads");
        QTest::newRow("1") << 1u;
        QTest::newRow("2") << 2u;
        QTest::newRow("8") << 8u;
        QTest::newRow("0 (all cores)") << 0u;
    }

    void sameResultWithAnyThreadCount() {
        QFETCH(unsigned, threads);
        TestTree t;
        QStringList expected;
        for (int i = 0; i < 30; ++i) {
            for (int j = 0; j < 5; ++j) {
                const QString f = QStringLiteral("d%1/e%2/f.txt").arg(i).arg(j);
                t.write(f, "x");
                expected << f;
            }
        }
        expected.sort();
        QCOMPARE(walkTree(rootedAt(t.root()), threads, t.root() + "/").paths, expected);
    }

    void cancellationStopsBetweenEntries_data() {
        QTest::addColumn<bool>("viaFlag");
        QTest::newRow("cancelled flag") << true;
        QTest::newRow("visitor returns false") << false;
    }

    void cancellationStopsBetweenEntries() {
        QFETCH(bool, viaFlag);
        TestTree t;
        for (int i = 0; i < 100; ++i) {
            for (int j = 0; j < 10; ++j) t.write(QStringLiteral("d%1/f%2").arg(i).arg(j), "x");
        }
        const unsigned threads = 4;
        std::atomic<bool> cancelled{false};
        std::atomic<int> visited{0};
        Walker w(rootedAt(t.root()), threads);
        w.run(
            [&](const WalkEntry&) {
                ++visited;
                if (viaFlag) {
                    cancelled = true;
                    return true;
                }
                return false;
            },
            [](const PathError&) {}, cancelled);
        // After the first stop each thread can finish at most the visit it was in.
        QVERIFY2(visited.load() >= 1 && visited.load() <= static_cast<int>(threads), qPrintable(QString::number(visited.load())));
    }

    // run_batched: the same files as run(), handed over per directory while it is open, at most
    // kBatchFiles at a time, a root named as a file alone.
    void batchedWalkHandsOverWhatRunVisits() {
        TestTree t;
        const std::size_t big = Walker::kBatchFiles + 44;
        for (std::size_t i = 0; i < big; ++i) t.write(QStringLiteral("big/f%1").arg(i), "x");
        for (int i = 0; i < 5; ++i) t.write(QStringLiteral("d%1/e/g.txt").arg(i), "x");
        t.write(".hidden", "x");
        t.write(".ignore", "ignored.txt\n");
        t.write("ignored.txt", "x");
        const std::string single = t.write("single/file.c", "x");
        WalkOptions options = rootedAt(t.root());
        options.roots.push_back(single);
        const QStringList expected = walkTree(options).paths;
        QVERIFY(expected.contains(QString::fromStdString(t.root() + "/big/f0")));

        std::mutex mutex;
        QStringList paths;
        QStringList problems;
        std::size_t batches = 0;
        std::atomic<bool> cancelled{false};
        Walker walker(options, 3);
        walker.run_batched(
            [&](std::span<const WalkEntry> entries) {
                std::lock_guard lock(mutex);
                ++batches;
                if (entries.empty() || entries.size() > Walker::kBatchFiles) problems << QStringLiteral("batch size");
                for (const WalkEntry& e : entries) {
                    paths << escapedBytes(e.path);
                    if (e.explicit_root) {
                        if (entries.size() != 1) problems << QStringLiteral("root not alone");
                        continue;
                    }
                    if (e.dir_fd != entries.front().dir_fd) problems << QStringLiteral("directories mixed");
                    // Still open: the name resolves relative to it.
                    struct stat st {};
                    if (::fstatat(e.dir_fd, e.path.c_str() + e.name_offset, &st, 0) != 0) problems << escapedBytes(e.path);
                }
                return true;
            },
            [&](const PathError& err) { problems << escapedBytes(err.path + ": " + err.message); }, cancelled);
        paths.sort();
        QCOMPARE(paths, expected);
        QCOMPARE(problems, QStringList());
        QVERIFY(batches >= 2 + 5 + 1 + 1);  // big/ in two, d*/e, the root's own files, the file root
    }

    void batchedWalkStopsWhenTheVisitorSaysSo() {
        TestTree t;
        for (int i = 0; i < 50; ++i) t.write(QStringLiteral("d%1/f").arg(i), "x");
        std::atomic<int> batches{0};
        std::atomic<bool> cancelled{false};
        Walker walker(rootedAt(t.root()), 2);
        walker.run_batched([&](std::span<const WalkEntry>) { ++batches; return false; }, [](const PathError&) {},
                           cancelled);
        QVERIFY2(batches.load() >= 1 && batches.load() <= 2, qPrintable(QString::number(batches.load())));
    }

    void visitorExceptionPropagates() {
        TestTree t;
        for (int i = 0; i < 10; ++i) t.write(QStringLiteral("d%1/f").arg(i), "x");
        Walker w(rootedAt(t.root()), 2);
        std::atomic<bool> cancelled{false};
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 w.run([](const WalkEntry&) -> bool { throw std::runtime_error("boom"); },
                                       [](const PathError&) {}, cancelled));
    }
};

QTEST_GUILESS_MAIN(TestWalker)
#include "test_walker.moc"
