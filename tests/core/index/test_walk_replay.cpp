// Searches that replay the index's record of its build's walk instead of walking (walk_replay.h)
// give exactly the scan's results, errors and counts of skipped files, whatever happened to the
// tree since the build: edits, new and deleted files, new, deleted and renamed folders, files
// replaced by FIFOs and folders, symbolic link loops, unreadable folders; and they walk (still
// giving the scan's results) when the record cannot vouch for the tree: ignore files edited,
// created or removed, git's excludes changed, other walk rules (--hidden, --no-ignore, globs,
// -t, extensions, depth, -L), a search below the indexed folder, a build whose walk met problems.
// The live index replays without a single stat of a file or folder.
#include <QtTest>

#include <filesystem>
#include <fstream>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

#include "core/index/index_gate.h"
#include "core/index/index_reader.h"
#include "core/index/live_index.h"
#include "core/search/search.h"
#include "index_test_util.h"

using namespace codescout;

namespace {

void append(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::app) << text; }

std::string counts(const SkipCounts& c) {
    return "ignored " + std::to_string(c.ignored) + ", hidden " + std::to_string(c.hidden) + ", special " +
           std::to_string(c.special) + ", binary " + std::to_string(c.binary) + ", errors " + std::to_string(c.errors);
}

}  // namespace

class TestWalkReplay : public QObject {
    Q_OBJECT

    std::unique_ptr<TestTree> tree_;
    std::unique_ptr<QTemporaryDir> cache_;
    std::filesystem::path dir_;

    SearchOptions options(const std::string& pattern, bool insensitive = false) const {
        SearchOptions o;
        o.walk.roots = {tree_->root()};
        o.pattern.patterns = {pattern};
        o.pattern.case_mode = insensitive ? CaseMode::Insensitive : CaseMode::Sensitive;
        o.threads = 2;
        return o;
    }

    void build(WalkOptions walk = {}) {
        // Folders written in the clock tick of the build would be recorded as racy (read again).
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        const auto result = index_test::build_index(tree_->root(), dir_, std::move(walk));
        QVERIFY2(result.ok, result.error.c_str());
        // Timestamps must tell later changes from the build (its racy window is 0 here).
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
    }

    // Scan and indexed search of `o` agree in lines, errors and counts; returns the indexed one.
    index_test::Outcome same(const SearchOptions& o, const char* what) {
        const auto scanned = index_test::run(o);
        auto indexed = index_test::run(o, &dir_);
        const std::string context = std::string(what) + ": " + o.pattern.patterns.front();
        if (indexed.lines != scanned.lines) {
            qWarning("%s: %zu lines indexed, %zu scanned", context.c_str(), indexed.lines.size(), scanned.lines.size());
            indexed.lines = {"<differs>"};
        }
        if (indexed.errors != scanned.errors) {
            qWarning("%s: errors differ (%zu against %zu)", context.c_str(), indexed.errors.size(), scanned.errors.size());
            indexed.lines = {"<differs>"};
        }
        if (counts(indexed.skipped) != counts(scanned.skipped)) {
            qWarning("%s: indexed %s; scan %s", context.c_str(), counts(indexed.skipped).c_str(),
                     counts(scanned.skipped).c_str());
            indexed.lines = {"<differs>"};
        }
        return indexed;
    }

    // Every pattern of a small set agrees; returns whether each search replayed the walk.
    bool all_same(const char* what, bool expect_replay, const std::function<void(SearchOptions&)>& adjust = {}) {
        // Patterns the index narrows in both cases (-i too: the index reads K and long s as k and s).
        for (const char* pattern : {"kernel", "zebrafish", "alpha|zebrafish", "printk", "mutex_unlock"}) {
            for (const bool insensitive : {false, true}) {
                SearchOptions o = options(pattern, insensitive);
                if (adjust) adjust(o);
                const auto outcome = same(o, what);
                if (outcome.lines == std::vector<std::string>{"<differs>"}) return false;
                if ((outcome.use.replay != nullptr) != expect_replay) {
                    std::string notes;
                    for (const auto& n : outcome.use.notes) notes += n + "; ";
                    qWarning("%s: replay %s, expected %s (%s)", what, outcome.use.replay ? "used" : "not used",
                             expect_replay ? "used" : "not used", notes.c_str());
                    return false;
                }
            }
        }
        return true;
    }

    // A searched file (not ignored, not hidden) below `folder`.
    std::string searched_file(const std::string& folder) const {
        std::vector<std::string> files;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(tree_->path(QString::fromStdString(folder)))) {
            const std::string path = entry.path().string();
            if (entry.is_regular_file() && path.ends_with("_main.c") && path.find("/build/") == std::string::npos &&
                path.find("/.hidden/") == std::string::npos) {
                files.push_back(path);
            }
        }
        std::sort(files.begin(), files.end());
        return files.empty() ? std::string() : files.front();
    }

    std::uint64_t rereads(const char* pattern = "kernel") {
        const auto outcome = index_test::run(options(pattern), &dir_);
        return outcome.use.replay ? outcome.use.replay->plan().reread_count : ~std::uint64_t{0};
    }

private slots:
    void init() {
        tree_ = std::make_unique<TestTree>();
        cache_ = std::make_unique<QTemporaryDir>();
        QRandomGenerator random(4242);
        index_test::generate_tree(*tree_, random, 200);
        tree_->write(QStringLiteral("src/.gitignore"), "*.tmp\n");
        tree_->write(QStringLiteral("src/net/keep.tmp"), "kernel in an ignored temp file\n");
        tree_->fifo(QStringLiteral("sub/a_fifo"));
        dir_ = cache_->filePath(QStringLiteral("index")).toStdString();
        build();
    }

    void unchangedTreeIsReplayedWithoutReadingAFolder() {
        QVERIFY(all_same("unchanged", true));
        const auto outcome = index_test::run(options("kernel"), &dir_);
        QVERIFY(outcome.use.replay);
        QCOMPARE(outcome.use.replay->plan().reread_count, std::uint64_t{0});
        const auto reader = outcome.use.readers.front();
        QCOMPARE(outcome.use.replay->directories_replayed(), std::uint64_t{reader->dir_count()});
        QCOMPARE(outcome.use.replay->files_listed(), std::uint64_t{reader->file_count()});
        const IndexGateCounters c = outcome.use.gate->counters();
        QCOMPARE(c.unknown, std::uint64_t{0});
        QVERIFY(c.skipped > 0);
        // The scan's counts of what it skipped are the record's.
        QVERIFY(outcome.skipped.ignored > 0);
        QVERIFY(outcome.skipped.hidden > 0);
        QCOMPARE(outcome.skipped.special, std::uint64_t{1});
    }

    void editedFilesAreSearched() {
        const std::string file = searched_file("src");
        QVERIFY(!file.empty());
        append(file, "zebrafish appended\n");
        QVERIFY(all_same("edited", true));
        QCOMPARE(rereads(), std::uint64_t{0});  // an edit changes no folder
    }

    void newAndDeletedFilesAreReadFromTheirFolder() {
        tree_->write(QStringLiteral("src/net/zebrafish_new.c"), "zebrafish kernel\n");
        tree_->write(QStringLiteral("src/net/zebrafish.tmp"), "zebrafish ignored by src/.gitignore\n");
        tree_->write(QStringLiteral("sub/.zebrafish_hidden.c"), "zebrafish hidden\n");
        const std::string deleted = searched_file("sub");
        QVERIFY(!deleted.empty());
        std::filesystem::remove(deleted);
        QVERIFY(all_same("new and deleted files", true));
        QVERIFY(rereads() >= 2);
    }

    void newDeletedAndRenamedFoldersAreWalked() {
        tree_->write(QStringLiteral("fresh/dir/deep.c"), "zebrafish in a new folder\n");
        tree_->write(QStringLiteral("fresh/build/out.c"), "zebrafish in a folder .gitignore ignores\n");
        tree_->write(QStringLiteral("src/net/newsub/x.c"), "zebrafish kernel below an indexed folder\n");
        std::filesystem::rename(tree_->path(QStringLiteral("sub/deep")), tree_->path(QStringLiteral("moved_deep")));
        std::filesystem::remove_all(tree_->path(QStringLiteral("include")));
        QVERIFY(all_same("folders", true));
    }

    void filesReplacedByFifosFoldersAndLinkLoops() {
        const std::string a = searched_file("src");
        const std::string b = searched_file("sub");
        QVERIFY(!a.empty() && !b.empty() && a != b);
        std::filesystem::remove(a);
        QVERIFY(::mkfifo(a.c_str(), 0644) == 0);
        std::filesystem::remove(b);
        std::filesystem::create_directory(b);
        append(b + "/inner.c", "zebrafish in a folder that was a file\n");
        tree_->symlink(QStringLiteral(".."), QStringLiteral("src/net/loop"));
        tree_->symlink(QStringLiteral("src"), QStringLiteral("src_link"));
        QVERIFY(all_same("fifo, folder, links", true));
        // Following links is not replayed (loops are the walk's to find and report).
        QVERIFY(all_same("links followed", false, [](SearchOptions& o) { o.walk.follow_links = true; }));
    }

    void unreadableFolderIsReportedAsTheScanReportsIt() {
        if (::geteuid() == 0) QSKIP("root reads unreadable folders");
        const std::string folder = tree_->path(QStringLiteral("src/net"));
        QVERIFY(::chmod(folder.c_str(), 0) == 0);
        const bool ok = all_same("unreadable folder", true);
        const auto outcome = index_test::run(options("kernel"), &dir_);
        ::chmod(folder.c_str(), 0755);
        QVERIFY(ok);
        QVERIFY(!outcome.errors.empty());
    }

    void changedIgnoreFilesMakeTheSearchWalk() {
        // Edited in place: the folder does not change, the file does.
        const std::string gitignore = tree_->path(QStringLiteral(".gitignore"));
        append(gitignore, "*.md\n");
        QVERIFY(all_same(".gitignore edited", false));
        build();
        QVERIFY(all_same("rebuilt", true));
        // A new .ignore deep down changes the rules of its folder's subtree.
        tree_->write(QStringLiteral("sub/deep/.ignore"), "*.c\n");
        QVERIFY(all_same(".ignore created", false));
        build();
        std::filesystem::remove(tree_->path(QStringLiteral("sub/.ignore")));
        QVERIFY(all_same(".ignore removed", false));
        build();
        // git's own excludes, which no folder of the walk holds.
        tree_->write(QStringLiteral(".git/info/exclude"), "*.h\n");
        QVERIFY(all_same("info/exclude created", false));
        build();
        QVERIFY(all_same("rebuilt again", true));
    }

    void otherWalkRulesWalk() {
        QVERIFY(all_same("--hidden", false, [](SearchOptions& o) { o.walk.include_hidden = true; }));
        QVERIFY(all_same("--no-ignore", false, [](SearchOptions& o) { o.walk.respect_ignore_files = false; }));
        QVERIFY(all_same("globs", false, [](SearchOptions& o) { o.walk.globs = {"*.c", "!src/**"}; }));
        QVERIFY(all_same("-t c", false, [](SearchOptions& o) { o.walk.type_changes = {{FileTypeChange::Kind::Select, "c"}}; }));
        QVERIFY(all_same("extensions", false, [](SearchOptions& o) { o.walk.extensions = {"h", "md"}; }));
        QVERIFY(all_same("depth", false, [](SearchOptions& o) { o.walk.max_depth = 2; }));
        // Below the indexed folder: the gate serves it, the walk stays.
        const auto below = same([&] {
            SearchOptions o = options("kernel");
            o.walk.roots = {tree_->path(QStringLiteral("src"))};
            return o;
        }(), "below the folder");
        QVERIFY(below.lines != std::vector<std::string>{"<differs>"});
        QVERIFY(below.use.used && !below.use.replay);
    }

    void indexBuiltWithOtherRulesReplaysThem_data() {
        QTest::addColumn<int>("rule");
        QTest::newRow("--hidden") << 0;
        QTest::newRow("--no-ignore") << 1;
        QTest::newRow("-t c") << 2;
        QTest::newRow("--hidden -t c, depth 3") << 3;
    }

    void indexBuiltWithOtherRulesReplaysThem() {
        QFETCH(int, rule);
        const auto adjust = [rule](WalkOptions& w) {
            if (rule == 0 || rule == 3) w.include_hidden = true;
            if (rule == 1) w.respect_ignore_files = false;
            if (rule == 2 || rule == 3) w.type_changes = {{FileTypeChange::Kind::Select, "c"}};
            if (rule == 3) w.max_depth = 3;
        };
        WalkOptions walk;
        adjust(walk);
        build(walk);
        tree_->write(QStringLiteral("src/.zebrafish.c"), "zebrafish hidden, new\n");
        QVERIFY(all_same("same rules as the build", true, [&](SearchOptions& o) { adjust(o.walk); }));
        QVERIFY(all_same("default rules", false));
    }

    void buildThatMetProblemsIsNotReplayed() {
        // A malformed ignore line is a warning of every walk: the record would hide it.
        tree_->write(QStringLiteral("include/.ignore"), "[unclosed\n");
        build();
        QVERIFY(all_same("malformed ignore line", false));
        const auto outcome = index_test::run(options("kernel"), &dir_);
        QVERIFY(!outcome.errors.empty());
        QVERIFY(!outcome.use.readers.front()->replayable());
    }

    void liveIndexReplaysWithoutAStat() {
        LiveIndexOptions lo;
        lo.root = tree_->root();
        lo.index_directory = dir_;
        lo.rebuild = false;
        lo.racy_window = std::chrono::nanoseconds(0);
        std::string error;
        auto live = LiveIndex::open(lo, error);
        QVERIFY2(live, error.c_str());
        QVERIFY(live->wait_for([](const LiveIndexStatus& s) { return s.checked && s.trusted; }, std::chrono::seconds(30)));
        const auto check = [&](const char* what, std::uint64_t max_rereads) {
            for (const char* pattern : {"kernel", "zebrafish", "mutex_unlock"}) {
                const SearchOptions o = options(pattern);
                const auto indexed = index_test::run_live(o, *live);
                const auto scanned = index_test::run(o);
                if (indexed.lines != scanned.lines || indexed.errors != scanned.errors ||
                    counts(indexed.skipped) != counts(scanned.skipped)) {
                    qWarning("%s: live %zu lines (%s), scan %zu (%s)", what, indexed.lines.size(),
                             counts(indexed.skipped).c_str(), scanned.lines.size(), counts(scanned.skipped).c_str());
                    return false;
                }
                if (!indexed.use.replay || indexed.use.replay->plan().reread_count > max_rereads) return false;
                // No folder and no file proven by stat: only the ignore inputs were.
                const auto reader = indexed.use.readers.front();
                if (indexed.use.replay->plan().stats != reader->input_count() + 4 * indexed.use.replay->plan().reread_count) return false;
                if (indexed.use.gate->counters().unproven != indexed.use.gate->counters().skipped) return false;
            }
            return true;
        };
        QVERIFY(check("live, unchanged", 0));
        append(searched_file("src"), "zebrafish edited\n");
        tree_->write(QStringLiteral("sub/deep/zebrafish_new.c"), "zebrafish created\n");
        tree_->write(QStringLiteral("fresh/dir/zebrafish.c"), "zebrafish in a new folder\n");
        const std::string deleted = searched_file("src");
        QVERIFY(!deleted.empty());
        std::filesystem::remove(deleted);
        QVERIFY(check("live, changed", 6));
    }
};

QTEST_GUILESS_MAIN(TestWalkReplay)
#include "test_walk_replay.moc"
