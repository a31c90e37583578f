// Building an index: progress and result, cancellation (the previous index stays), a build
// killed with SIGKILL at any moment (the previous index or none, never a torn one, and no
// leftovers after the next build), the spill to sorted runs (a tiny buffer gives the same file
// as a large one), the lock between two builders, the size limit, background priority, and the
// build's memory in the attribution ("index_build").
#include <QtTest>

#include <fstream>
#include <thread>

#include <csignal>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/index/index_location.h"
#include "core/index/index_reader.h"
#include "core/index/pair_buffer.h"
#include "core/metrics/memory_attribution.h"
#include "index_test_util.h"

using namespace codescout;

namespace {

std::string read_file(const std::filesystem::path& path) {
    QFile f(QString::fromStdString(path.string()));
    if (!f.open(QIODevice::ReadOnly)) return {};
    return f.readAll().toStdString();
}

IndexBuildOptions build_options(const std::string& root, const std::filesystem::path& dir) {
    IndexBuildOptions o;
    o.root = root;
    o.index_directory = dir;
    o.threads = 2;
    o.racy_window = std::chrono::nanoseconds(0);
    return o;
}

IndexBuilder* g_builder = nullptr;
std::uint64_t g_cancel_at = 0;

void cancel_hook(std::uint64_t done) {
    if (done == g_cancel_at) g_builder->cancel();
}

std::uint64_t g_measure_at = 0;
std::int64_t g_build_bytes_mid_build = -1;

void attribution_hook(std::uint64_t done) {
    if (done == g_measure_at) {
        const MemoryAttribution a = measure_memory_attribution();
        g_build_bytes_mid_build = a.find("index_build")->bytes.value_or(-1);
    }
}

std::int64_t index_build_bytes() { return *measure_memory_attribution().find("index_build")->bytes; }

// The index file's state: absent, or valid. Fails the test for anything else.
bool valid_or_absent(const std::filesystem::path& file, bool& present) {
    present = std::filesystem::exists(file);
    return !present || IndexReader::open(file.string()).status == IndexOpenStatus::Ok;
}

std::vector<std::string> leftovers(const std::filesystem::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        if (name.find(".tmp.") != std::string::npos) out.push_back(name);
    }
    return out;
}

}  // namespace

class TestIndexBuild : public QObject {
    Q_OBJECT

private:
    TestTree tree_;

private slots:
    void initTestCase() {
        QRandomGenerator random(99);
        index_test::generate_tree(tree_, random, 300);
    }

    void resultAndProgress() {
        TestTree cache;
        IndexBuilder builder(build_options(tree_.root(), cache.path(QStringLiteral("i"))));
        QCOMPARE(builder.progress().phase, IndexBuildPhase::Waiting);
        std::atomic<bool> done{false};
        std::vector<double> seen;
        std::thread watcher([&] {
            while (!done.load()) {
                seen.push_back(builder.progress().fraction);
                std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
        });
        const IndexBuildResult result = builder.run();
        done.store(true);
        watcher.join();
        QVERIFY2(result.ok, result.error.c_str());
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        const IndexBuildProgress end = builder.progress();
        QCOMPARE(end.phase, IndexBuildPhase::Done);
        QCOMPARE(end.fraction, 1.0);
        QCOMPARE(end.files_done, result.files);
        QVERIFY(result.files > 100 && result.indexed_files < result.files);  // binary files
        QCOMPARE(std::filesystem::file_size(result.index_file), result.index_bytes);
        QCOMPARE(result.root, canonical_root(tree_.root()));
        // A second run of the same builder is refused, not repeated.
        QVERIFY(!builder.run().ok);
    }

    void buildIsAttributedWhileItRuns() {
        const std::int64_t before = index_build_bytes();
        TestTree cache;
        g_measure_at = 100;
        g_build_bytes_mid_build = -1;
        IndexBuilder::set_file_hook(&attribution_hook);
        IndexBuilder builder(build_options(tree_.root(), cache.path(QStringLiteral("i"))));
        const IndexBuildResult result = builder.run();
        IndexBuilder::set_file_hook(nullptr);
        QVERIFY2(result.ok, result.error.c_str());
        // At least the measuring thread's read buffer (1 MiB) and trigram table (16 KiB), the
        // path list and the records; the other thread's may not have started yet.
        const std::int64_t during = g_build_bytes_mid_build - before;
        QVERIFY2(during >= (1 << 20) + (16 << 10), qPrintable(QString::number(during)));
        QCOMPARE(index_build_bytes(), before);  // all of it given back with the build
    }

    // A grown pair buffer counts its touched pages, not its size: far beyond malloc's largest
    // mmap threshold (32 MiB), so the array is a fresh mapping whose untouched pages are absent.
    void pairBufferCountsItsTouchedPagesOnly() {
        const auto resident = [] {
            const EngineMemorySnapshot s = engine_memory().snapshot();
            return s.resident[static_cast<std::size_t>(EngineComponent::IndexBuild)].value_or(0);
        };
        const auto allocated = [] { return engine_memory().snapshot()[EngineComponent::IndexBuild]; };
        const std::uint64_t resident_before = resident(), allocated_before = allocated();
        {
            PairBuffer buffer(std::size_t{16} << 20);  // may grow to 192 MiB
            const std::size_t pairs = (std::size_t{4} << 20) + 1;  // 48 MiB and one pair
            buffer.reserve_for(1);
            for (std::size_t i = 0; i < pairs; ++i) {
                buffer.append(RunEntry{static_cast<std::uint32_t>(i), 7, 0});
            }
            QCOMPARE(buffer.size(), pairs);
            QCOMPARE(buffer[pairs - 1].trigram, std::uint32_t(pairs - 1));
            const std::uint64_t grown = allocated() - allocated_before;
            QCOMPARE(grown, std::uint64_t{96} << 20);  // doubled from 768 KiB to 96 MiB
            const std::uint64_t touched = resident() - resident_before;
            QVERIFY2(touched >= (std::uint64_t{48} << 20) && touched <= (std::uint64_t{49} << 20),
                     qPrintable(QString::number(touched)));
        }
        QCOMPARE(allocated(), allocated_before);
        QCOMPARE(resident(), resident_before);
    }

    void cancelledBuildKeepsThePreviousIndex() {
        TestTree cache;
        const std::filesystem::path dir = cache.path(QStringLiteral("i"));
        // No index yet: a cancelled build leaves none.
        {
            IndexBuilder builder(build_options(tree_.root(), dir));
            g_builder = &builder;
            g_cancel_at = 20;
            IndexBuilder::set_file_hook(cancel_hook);
            const IndexBuildResult result = builder.run();
            IndexBuilder::set_file_hook(nullptr);
            QVERIFY(result.cancelled);
            QVERIFY(!result.ok);
            QVERIFY(!std::filesystem::exists(index_file_for(dir, canonical_root(tree_.root()))));
        }
        const IndexBuildResult first = index_test::build_index(tree_.root(), dir);
        QVERIFY(first.ok);
        const std::string before = read_file(first.index_file);
        tree_.write(QStringLiteral("extra_for_cancel.c"), "changed tree\n");
        {
            IndexBuilder builder(build_options(tree_.root(), dir));
            g_builder = &builder;
            g_cancel_at = 50;
            IndexBuilder::set_file_hook(cancel_hook);
            const IndexBuildResult result = builder.run();
            IndexBuilder::set_file_hook(nullptr);
            QVERIFY(result.cancelled);
        }
        QCOMPARE(read_file(first.index_file), before);
        QVERIFY(leftovers(dir).empty());
        QFile::remove(QString::fromStdString(tree_.path(QStringLiteral("extra_for_cancel.c"))));
    }

    // SIGKILL in the middle of reading (deterministic), then at a spread of moments (the merge,
    // the write, the rename): afterwards the index is the old one or absent, never damaged. The
    // build runs in a process of its own (index_build_helper.cpp), which this one kills.
    void killedBuildLeavesTheOldIndexOrNone() {
        TestTree cache;
        const std::filesystem::path dir = cache.path(QStringLiteral("i"));
        const std::filesystem::path file = index_file_for(dir, canonical_root(tree_.root()));
        const auto build_in_child = [&](std::uint64_t kill_at, std::size_t buffer_pairs) {
            const std::string args[] = {CODESCOUT_INDEX_BUILD_HELPER, tree_.root(), dir.string(),
                                        std::to_string(kill_at), std::to_string(buffer_pairs)};
            char* argv[] = {const_cast<char*>(args[0].c_str()), const_cast<char*>(args[1].c_str()),
                            const_cast<char*>(args[2].c_str()), const_cast<char*>(args[3].c_str()),
                            const_cast<char*>(args[4].c_str()), nullptr};
            pid_t pid = -1;
            const int error = ::posix_spawn(&pid, argv[0], nullptr, nullptr, argv, environ);
            return error == 0 ? pid : pid_t{-1};
        };
        int status = 0;
        pid_t pid = build_in_child(40, 0);
        QVERIFY(pid > 0);
        QVERIFY(::waitpid(pid, &status, 0) == pid);
        QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
        bool present = true;
        QVERIFY(valid_or_absent(file, present));
        QVERIFY(!present);

        QVERIFY(index_test::build_index(tree_.root(), dir).ok);
        const std::string old_index = read_file(file);
        // A small run buffer makes the build long enough to be hit in every phase on a fast
        // machine. The kills spread over the time a whole child takes (its start included, which
        // a sanitizer stretches), so that they land in every phase on a slow one too.
        QElapsedTimer timer;
        timer.start();
        pid = build_in_child(0, 2000);
        QVERIFY(pid > 0);
        QVERIFY(::waitpid(pid, &status, 0) == pid);
        QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        const qint64 whole_ms = std::max<qint64>(timer.elapsed(), 60);
        constexpr int kRounds = 20;
        int killed = 0;
        for (int round = 0; round < kRounds; ++round) {
            pid = build_in_child(0, 2000);
            QVERIFY(pid > 0);
            std::this_thread::sleep_for(std::chrono::milliseconds(whole_ms * round / kRounds));
            ::kill(pid, SIGKILL);
            QVERIFY(::waitpid(pid, &status, 0) == pid);
            if (WIFSIGNALED(status)) ++killed;
            QVERIFY(valid_or_absent(file, present));
            QVERIFY(present);  // the old one, or a complete new one
        }
        qInfo("a whole build in a child took %lld ms; %d of %d kills stopped one", whole_ms, killed, kRounds);
        QVERIFY(killed > 0);
        // The next build cleans up what killed builds left.
        QVERIFY(index_test::build_index(tree_.root(), dir).ok);
        QVERIFY(leftovers(dir).empty());
        QCOMPARE(read_file(file).size(), old_index.size());
    }

    void smallRunBufferGivesTheSameIndex() {
        TestTree cache_a;
        TestTree cache_b;
        const auto a = index_test::build_index(tree_.root(), cache_a.path(QStringLiteral("i")), {}, 0);
        const auto b = index_test::build_index(tree_.root(), cache_b.path(QStringLiteral("i")), {}, 300);
        QVERIFY(a.ok && b.ok);
        QCOMPARE(a.runs, std::uint64_t{1});
        QVERIFY(b.runs > 20);
        // Identical but for the header's build time (and its checksum).
        const std::string fa = read_file(a.index_file);
        const std::string fb = read_file(b.index_file);
        QCOMPARE(fa.size(), fb.size());
        QVERIFY(fa.substr(sizeof(index_format::Header)) == fb.substr(sizeof(index_format::Header)));
    }

    void secondBuilderIsLockedOut() {
        TestTree cache;
        const std::filesystem::path dir = cache.path(QStringLiteral("i"));
        std::filesystem::create_directories(dir);
        IndexLock held(index_file_for(dir, canonical_root(tree_.root())));
        QVERIFY(held.acquired());
        QVERIFY(IndexLock::held_by_anyone(index_file_for(dir, canonical_root(tree_.root()))));
        const auto result = index_test::build_index(tree_.root(), dir);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.find("another CodeScout process") != std::string::npos, result.error.c_str());
        const auto status = index_status(tree_.root(), dir, false);
        QVERIFY(status.building);
    }

    void sizeLimitAndBadRoots() {
        TestTree cache;
        const std::filesystem::path dir = cache.path(QStringLiteral("i"));
        IndexBuildOptions o = build_options(tree_.root(), dir);
        o.max_index_bytes = 1000;
        IndexBuilder limited(o);
        const auto result = limited.run();
        QVERIFY(!result.ok);
        QVERIFY2(result.error.find("over the limit") != std::string::npos, result.error.c_str());
        QVERIFY(!std::filesystem::exists(result.index_file));
        QVERIFY(leftovers(dir).empty());

        IndexBuilder missing(build_options(tree_.path(QStringLiteral("no/such/folder")), dir));
        const auto absent = missing.run();
        QVERIFY(!absent.ok);
        QVERIFY2(absent.error.find("No such file") != std::string::npos, absent.error.c_str());
        const std::string file_root = tree_.write(QStringLiteral("plain.txt"), "x\n");
        IndexBuilder not_folder(build_options(file_root, dir));
        const auto plain = not_folder.run();
        QVERIFY(!plain.ok);
        QVERIFY2(plain.error.find("not a directory") != std::string::npos, plain.error.c_str());
        QFile::remove(QString::fromStdString(file_root));
    }

    void backgroundBuildLowersItsThread() {
        TestTree cache;
        IndexBuildOptions o = build_options(tree_.root(), cache.path(QStringLiteral("i")));
        o.background = true;
        // The test may itself run niced (a loaded machine's ctest under nice): the caller's
        // priority is compared with what it was, not with 0.
        const int nice_before = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)));
        int nice_after = -100;
        bool ok = false;
        std::thread worker([&] {
            IndexBuilder builder(o);
            ok = builder.run().ok;
            nice_after = ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)));
        });
        worker.join();
        QVERIFY(ok);
        QCOMPARE(nice_after, 19);
        QCOMPARE(::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid))), nice_before);
    }
};

QTEST_GUILESS_MAIN(TestIndexBuild)
#include "test_index_build.moc"
