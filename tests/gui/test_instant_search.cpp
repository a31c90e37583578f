// Issue 12 in the window: the opened folder is indexed in the background (status bar: building
// n%, ready, stale, off, not used), searches through the index give exactly the scan's results,
// typing searches after the debounce and each keystroke cancels the search it started, the disk
// cap refuses a folder with a note, a corrupt index is rebuilt, and the memory dock shows the
// index's mapping and counters. Also measures the first result after the debounce.
#include <QtTest>

#include <QComboBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QToolButton>

#include <filesystem>
#include <fstream>

#include "core/index/index_location.h"
#include "core/index/live_index.h"
#include "core/metrics/memory_attribution.h"
#include "gated_sink.h"
#include "gui/index/index_manager.h"
#include "gui/index/index_panel.h"
#include "gui/index/index_status_widget.h"
#include "gui/index/search_as_you_type.h"
#include "gui/memory/byte_format.h"
#include "gui/replace/replace_bar.h"
#include "gui/replace/replace_controller.h"
#include "gui/results/results_model.h"
#include "gui/search/query.h"
#include "gui/search/search_controller.h"
#include "gui/settings/app_settings.h"
#include "gui/window/main_window.h"
#include "gui/window/query_bar.h"
#include "gui_test_helpers.h"
#include "test_tree.h"

using namespace codescout;
using namespace codescout::gui;

namespace {

constexpr int kTimeoutMs = 120000;
using Matches = std::set<std::pair<std::string, std::uint64_t>>;

const char* const kWords[] = {"kernel", "socket", "mutex_lock", "printk", "alpha", "Beta", "struct", "return",
                              "spin_unlock", "buffer", "zebra", "quokka"};

// A tree of `files` C-like files with words from kWords, some ignored and hidden files.
void writeTree(TestTree& tree, int files, quint32 seed)
{
    QRandomGenerator random(seed);
    tree.mkdir(QStringLiteral(".git"));
    tree.write(QStringLiteral(".gitignore"), "build/\n");
    for (int i = 0; i < files; ++i) {
        const QString dir = QStringLiteral("d%1/s%2/").arg(i % 13).arg(i % 5);
        // Each file uses three of the words (so the index can narrow) and names a function of its own.
        const int words = static_cast<int>(std::size(kWords)) - 2;  // never zebra/quokka
        const int subset[3] = {random.bounded(words), random.bounded(words), random.bounded(words)};
        QByteArray text = "int func_" + QByteArray::number(i) + "(void);\n";
        const int lines = 5 + random.bounded(40);
        for (int l = 0; l < lines; ++l) {
            text += "    ";
            for (int w = 0; w < 4; ++w) {
                text += kWords[subset[random.bounded(3)]];
                text += w == 3 ? "\n" : "(x);";
            }
        }
        tree.write(dir + QStringLiteral("f%1.c").arg(i), text);
    }
    tree.write(QStringLiteral("build/out.c"), "kernel in an ignored folder\n");
    tree.write(QStringLiteral(".hidden.c"), "kernel hidden\n");
}

// What `search` finds, as paths relative to `folder` and line numbers.
Matches matchesOf(Search& search, const QString& folder)
{
    testing::CollectingSink sink;
    search.run(sink);
    Matches out;
    for (const auto& [path, line] : sink.matches)
        out.insert({QDir(folder).relativeFilePath(QString::fromStdString(path)).toStdString(), line});
    return out;
}

// What an indexed search of another process finds (the CLI's --index), run here the way it runs
// there: the folder's index opened from its file, trusted through the window's watcher once the
// watcher acknowledges a sync cookie (watcher_sync.h); `notes` says whether it was.
Matches otherProcessMatches(const Query& query, const QString& folder, std::string* notes = nullptr)
{
    Search search(toSearchOptions(query, folder, EngineSettings{}));
    WatcherSyncOptions watcher;
    watcher.enabled = true;
    watcher.timeout = std::chrono::milliseconds(5000);
    const IndexUse use = attach_index(search, search.options(), default_index_directory(), nullptr, watcher);
    if (notes != nullptr)
        for (const std::string& note : use.notes)
            *notes += note + "\n";
    return matchesOf(search, folder);
}

Matches scanMatches(const Query& query, const QString& folder)
{
    Search search(toSearchOptions(query, folder, EngineSettings{}));
    return matchesOf(search, folder);
}

// Opens `folder` in `window` with an index built at once (the tree was just written: without a
// zero racy window every file would be recorded without trigrams and always searched).
bool openIndexed(MainWindow& window, const QString& folder)
{
    window.indexManager()->setRacyWindow(std::chrono::nanoseconds(0));
    return window.openFolder(folder);
}

bool waitForState(MainWindow& window, IndexManager::State state)
{
    return QTest::qWaitFor([&] { return window.indexManager()->state() == state; }, kTimeoutMs);
}

}  // namespace

class TestInstantSearch : public QObject {
    Q_OBJECT

    std::unique_ptr<testing::IsolatedSettings> settings_;

private slots:
    void init() { settings_ = std::make_unique<testing::IsolatedSettings>(); }
    void cleanup() { settings_.reset(); }

    void indexedResultsAreTheScans()
    {
        TestTree tree;
        writeTree(tree, 120, 1);
        MainWindow window;
        QSignalSpy states(window.indexManager(), &IndexManager::stateChanged);
        QVERIFY(openIndexed(window, QString::fromStdString(tree.root())));
        QVERIFY(waitForState(window, IndexManager::State::Ready));
        QVERIFY(window.indexStatus()->text().contains(QLatin1String("ready")));
        QVERIFY(!states.isEmpty());

        for (const char* pattern : {"kernel", "mutex_lock", "KERNEL", "spin_\\w+", "alpha|Beta", "\\w+", "zebra"}) {
            Query query;
            query.pattern = QString::fromLatin1(pattern);
            query.regex = true;
            query.matchCase = QByteArray(pattern) != "KERNEL";
            window.queryBar()->setQuery(query);
            QSignalSpy finished(&window, &MainWindow::searchFinished);
            QVERIFY(window.startSearch());
            QVERIFY(finished.wait(kTimeoutMs));
            const Matches shown = testing::modelMatches(*window.resultsModel(), window.folder());
            QVERIFY2(shown == scanMatches(query, window.folder()), pattern);
            const IndexUse* use = window.searchController()->indexUse();
            const auto summary = finished.first().first().value<SearchSummary>();
            QVERIFY2(summary.bytes_read <= summary.bytes_searched, pattern);
            QCOMPARE(summary.bytes_read == summary.bytes_searched, use == nullptr || use->gate->counters().skipped == 0);
            if (QByteArray(pattern) == "\\w+") {
                QVERIFY(use == nullptr);  // nothing to look up: a plain scan
            } else {
                QVERIFY2(use != nullptr, pattern);
                if (QByteArray(pattern) == "zebra") {  // in no file: every indexed file skipped unopened
                    const IndexGateCounters counters = use->gate->counters();
                    QCOMPARE(counters.skipped, counters.walked);
                    // Counted as a scan counts them (searched, with their sizes); the panel shows
                    // that nothing was read to verify candidates.
                    QCOMPARE(summary.files_searched, counters.walked);
                    QCOMPARE(summary.bytes_searched, counters.skipped_bytes);
                    QVERIFY(counters.skipped_bytes > 0);
                    // Nothing was read: no throughput made of the skipped files' sizes.
                    QCOMPARE(summary.bytes_read, std::uint64_t{0});
                    QVERIFY2(window.statusText().contains(QLocale().toString(0.0, 'f', 1) + QLatin1String(" MB/s")),
                             qPrintable(window.statusText()));
                    QVERIFY2(window.indexPanel()->searchText().endsWith(formatBytes(0) + QLatin1String(" verified.")),
                             qPrintable(window.indexPanel()->searchText()));
                }
            }
        }
        QVERIFY(window.indexPanel()->searchText().contains(QLatin1String("candidate files of")));
    }

    void typingSearchesAfterTheDebounceAndEachKeyCancels()
    {
        TestTree tree;
        writeTree(tree, 60, 2);
        MainWindow window;
        QVERIFY(openIndexed(window, QString::fromStdString(tree.root())));
        QVERIFY(waitForState(window, IndexManager::State::Ready));
        window.queryBar()->setQuery(Query{});

        // The first typed search is held inside the engine until the gate opens.
        auto gate = std::make_shared<testing::Gate>();
        window.searchController()->setSinkDecorator([gate](ResultSink& inner) {
            return std::make_unique<testing::GatedSink>(inner, gate);
        });
        QLineEdit* edit = window.queryBar()->findChild<QComboBox*>()->lineEdit();
        QSignalSpy due(window.searchAsYouType(), &SearchAsYouType::due);
        QTest::keyClicks(edit, QStringLiteral("kern"));
        QVERIFY(due.wait(kTimeoutMs));
        QCOMPARE(due.size(), 1);  // four keystrokes, one search
        QVERIFY(window.isSearching());
        QVERIFY(QTest::qWaitFor([&] { return gate->arrived() > 0; }, kTimeoutMs));
        const quint64 held = window.searchController()->currentId();

        // The next keystroke cancels the held search at once (before the debounce ends).
        QSignalSpy finished(&window, &MainWindow::searchFinished);
        QTest::keyClicks(edit, QStringLiteral("e"));
        QVERIFY(window.searchAsYouType()->isPending());
        window.searchController()->setSinkDecorator({});
        gate->open();
        QVERIFY(finished.wait(kTimeoutMs));
        QVERIFY(finished.first().first().value<SearchSummary>().cancelled);

        // Then the debounce starts the search for "kerne", which settles to the scan's results.
        QVERIFY(due.wait(kTimeoutMs));
        QVERIFY(window.searchController()->currentId() > held);
        if (finished.size() < 2)
            QVERIFY(finished.wait(kTimeoutMs));
        QVERIFY(!finished.last().first().value<SearchSummary>().cancelled);
        Query typed;
        typed.pattern = QStringLiteral("kerne");
        QCOMPARE(window.queryBar()->query().pattern, typed.pattern);
        QVERIFY(testing::modelMatches(*window.resultsModel(), window.folder()) == scanMatches(typed, window.folder()));
        QVERIFY(window.queryBar()->history().isEmpty());  // typing leaves no history entries
    }

    // Whole word, case and regex change what the typed pattern matches: a click searches again.
    void aToggleOfThePatternsReadingSearchesAgain()
    {
        TestTree tree;
        writeTree(tree, 20, 3);
        MainWindow window;
        QVERIFY(openIndexed(window, QString::fromStdString(tree.root())));
        QVERIFY(waitForState(window, IndexManager::State::Ready));
        window.queryBar()->setQuery(Query{});
        QLineEdit* edit = window.queryBar()->findChild<QComboBox*>()->lineEdit();
        QSignalSpy due(window.searchAsYouType(), &SearchAsYouType::due);
        QSignalSpy finished(&window, &MainWindow::searchFinished);
        QTest::keyClicks(edit, QStringLiteral("kern"));
        QVERIFY(due.wait(kTimeoutMs));
        QVERIFY(finished.wait(kTimeoutMs));

        auto* word = window.queryBar()->findChild<QToolButton*>(QStringLiteral("wordButton"));
        QVERIFY(word != nullptr);
        QTest::mouseClick(word, Qt::LeftButton);
        QVERIFY(due.wait(kTimeoutMs));
        QCOMPARE(due.size(), 2);
        if (finished.size() < 2)
            QVERIFY(finished.wait(kTimeoutMs));
        Query whole;
        whole.pattern = QStringLiteral("kern");
        whole.wholeWord = true;
        QVERIFY(window.queryBar()->query().wholeWord);
        QVERIFY(testing::modelMatches(*window.resultsModel(), window.folder()) == scanMatches(whole, window.folder()));
    }

    void statusFollowsTheIndex()
    {
        TestTree tree;
        writeTree(tree, 40, 3);
        MainWindow window;
        QVERIFY(openIndexed(window, QString::fromStdString(tree.root())));
        QVERIFY(waitForState(window, IndexManager::State::Ready));

        // An edit makes the index stale at once; results stay the scan's.
        tree.write(QStringLiteral("d1/s1/new.c"), "quokka arrives\n");
        QVERIFY(waitForState(window, IndexManager::State::Stale));
        QVERIFY(window.indexStatus()->text().contains(QLatin1String("stale")));
        Query query;
        query.pattern = QStringLiteral("quokka");
        QVERIFY(testing::searchAndWait(window, query, kTimeoutMs));
        QCOMPARE(testing::modelMatches(*window.resultsModel(), window.folder()).size(), std::size_t{1});

        // Turned off: no index, no typing searches.
        window.indexManager()->setEnabled(false);
        QCOMPARE(window.indexManager()->state(), IndexManager::State::Off);
        QVERIFY(window.indexStatus()->text().contains(QLatin1String("off")));
        QVERIFY(!window.indexManager()->attacher());
        window.searchAsYouType()->patternEdited();
        QVERIFY(!window.searchAsYouType()->isPending());
    }

    // One window per folder publishes its watcher for the command line (a lock and a change log
    // beside the index); a second window on the folder works for itself, and both say so.
    void theWatcherIsSharedWithTheCommandLineByOneWindow()
    {
        TestTree tree;
        writeTree(tree, 40, 4);
        const QString root = QString::fromStdString(tree.root());
        const auto sharingSays = [](MainWindow& window, const char* words) {
            return QTest::qWaitFor([&] { return window.indexManager()->sharing().contains(QLatin1String(words)); },
                                   kTimeoutMs);
        };
        MainWindow first;
        QVERIFY(openIndexed(first, root));
        QVERIFY(waitForState(first, IndexManager::State::Ready));
        QVERIFY2(sharingSays(first, "trust this window's watcher"), qPrintable(first.indexManager()->sharing()));
        QVERIFY(first.indexStatus()->details().contains(first.indexManager()->sharing()));

        MainWindow second;
        QVERIFY(openIndexed(second, root));
        QVERIFY(waitForState(second, IndexManager::State::Ready));
        QVERIFY2(sharingSays(second, "another process already watches this folder"),
                 qPrintable(second.indexManager()->sharing()));
        QVERIFY(second.indexStatus()->details().contains(QLatin1String("check each file")));
        QVERIFY(first.indexManager()->sharing().contains(QLatin1String("trust this window's watcher")));
    }

    void buildingShowsProgressAndCanBeCancelled()
    {
        TestTree tree;
        writeTree(tree, 400, 4);
        IndexManager manager;
        manager.setRacyWindow(std::chrono::nanoseconds(0));
        manager.setIndexDirectory(QDir(qEnvironmentVariable("XDG_CACHE_HOME")).filePath(QStringLiteral("cancel")).toStdString());
        QSignalSpy states(&manager, &IndexManager::stateChanged);
        manager.setFolder(QString::fromStdString(tree.root()));
        QCOMPARE(manager.state(), IndexManager::State::Building);
        IndexStatusWidget widget(&manager);
        QVERIFY(widget.text().contains(QLatin1String("building")));
        manager.cancelBuild();
        QVERIFY(QTest::qWaitFor([&] { return manager.state() != IndexManager::State::Building; }, kTimeoutMs));
        if (manager.state() == IndexManager::State::NotIndexed) {
            QVERIFY(manager.note().contains(QLatin1String("cancelled")));
            QVERIFY(widget.text().contains(QLatin1String("not used")));
        } else {
            QCOMPARE(manager.state(), IndexManager::State::Ready);  // it finished before the cancel
        }
    }

    void diskCapRefusesTheFolderWithANote()
    {
        TestTree tree;
        writeTree(tree, 40, 5);
        settings_->clear();
        AppSettings().setValue(Setting::IndexDiskCapBytes, QVariant::fromValue<qulonglong>(1024));
        MainWindow window;
        QVERIFY(openIndexed(window, QString::fromStdString(tree.root())));
        QVERIFY(waitForState(window, IndexManager::State::NotIndexed));
        QVERIFY2(window.indexManager()->note().contains(QLatin1String("cap")), qPrintable(window.indexManager()->note()));
        QVERIFY(!window.indexManager()->attacher());
        window.searchAsYouType()->patternEdited();
        QVERIFY(!window.searchAsYouType()->isPending());  // no search per keystroke without an index
        // Nothing was left in the cache.
        const auto file = index_file_for(default_index_directory(), canonical_root(tree.root()));
        QVERIFY(!std::filesystem::exists(file));
    }

    void aCorruptIndexIsRebuilt()
    {
        TestTree tree;
        writeTree(tree, 50, 6);
        std::filesystem::path file;
        {
            MainWindow window;
            QVERIFY(openIndexed(window, QString::fromStdString(tree.root())));
            QVERIFY(waitForState(window, IndexManager::State::Ready));
            file = index_file_for(default_index_directory(), canonical_root(tree.root()));
        }
        QVERIFY(std::filesystem::exists(file));
        {
            // Inside the header (its file_size field): the header's checksum no longer matches.
            std::fstream out(file, std::ios::in | std::ios::out | std::ios::binary);
            out.seekp(24);
            out.write("garbage!", 8);
        }
        std::string error;
        IndexOpenStatus status = IndexOpenStatus::Ok;
        LiveIndexOptions probe;
        probe.root = tree.root();
        probe.index_directory = default_index_directory();
        QVERIFY(!LiveIndex::open(probe, error, &status));
        QCOMPARE(status, IndexOpenStatus::Corrupt);
        // Opening the folder rebuilds it: never trusted, never left corrupt.
        MainWindow window;
        window.indexManager()->setRacyWindow(std::chrono::nanoseconds(0));
        QSignalSpy states(window.indexManager(), &IndexManager::stateChanged);
        QVERIFY(window.openFolder(QString::fromStdString(tree.root())));
        QCOMPARE(window.indexManager()->state(), IndexManager::State::Building);
        QVERIFY(waitForState(window, IndexManager::State::Ready));
        QCOMPARE(IndexReader::open(file.string(), canonical_root(tree.root())).status, IndexOpenStatus::Ok);
        Query query;
        query.pattern = QStringLiteral("printk");
        QVERIFY(testing::searchAndWait(window, query, kTimeoutMs));
        QVERIFY(testing::modelMatches(*window.resultsModel(), window.folder()) == scanMatches(query, window.folder()));
        QVERIFY(window.searchController()->indexUse() != nullptr);
    }

    void memoryDockShowsTheIndexMapping()
    {
        TestTree tree;
        writeTree(tree, 80, 7);
        MainWindow window;
        QVERIFY(openIndexed(window, QString::fromStdString(tree.root())));
        QVERIFY(waitForState(window, IndexManager::State::Ready));
        const std::uint64_t size = window.indexManager()->live()->reader()->mapped_bytes();
        const IndexPanel::Mapping m = IndexPanel::measureMappings();
        QVERIFY(m.mapped >= size);
        QVERIFY(m.resident > 0);  // open() read the header and sections
        const MemoryAttribution a = measure_memory_attribution();
        QCOMPARE(a.index_mapped_size, m.mapped);
        const MemoryComponent* index = a.find("index_mapping");
        QVERIFY(index && index->bytes && *index->bytes > 0);
        QVERIFY(window.indexPanel()->mappingText().contains(QLatin1String("resident")));
    }

    void firstResultAfterTheDebounce()
    {
        // The target: first result in the window <= 30 ms after the debounce. Printed,
        // and bounded loosely here (the test machine is shared); bench/ measures it properly.
        // CODESCOUT_INSTANT_TREE=FOLDER measures on FOLDER instead (e.g. the kernel tree, with
        // identifiers of the bench's selective queries), allowing its build 15 minutes.
        const QString folder = qEnvironmentVariable("CODESCOUT_INSTANT_TREE");
        TestTree tree;
        if (folder.isEmpty())
            writeTree(tree, 3000, 8);
        MainWindow window;
        QVERIFY(openIndexed(window, folder.isEmpty() ? QString::fromStdString(tree.root()) : folder));
        QVERIFY(QTest::qWaitFor([&] { return window.indexManager()->isUsable(); }, folder.isEmpty() ? kTimeoutMs : 900000));
        // Measured once the opening comparison is done: from then on no file needs a stat.
        QVERIFY(window.indexManager()->live()->wait_for([](const LiveIndexStatus& s) { return s.checked; },
                                                        std::chrono::minutes(5)));
        const QList<const char*> patterns = folder.isEmpty()
            ? QList<const char*>{"func_2999", "func_1234", "spin_unlock", "printk"}
            : QList<const char*>{"kmem_cache_alloc_node", "spin_lock_irqsave_nested", "drm_atomic_helper_commit",
                                 "EXPORT_SYMBOL_GPL_FOR_MODULES", "PM_RESUME"};
        QLineEdit* edit = window.queryBar()->findChild<QComboBox*>()->lineEdit();
        QElapsedTimer clock;
        qint64 dueAt = -1;
        qint64 firstAt = -1;
        connect(window.searchAsYouType(), &SearchAsYouType::due, this, [&] { dueAt = clock.nsecsElapsed(); });
        connect(window.resultsModel(), &QAbstractItemModel::rowsInserted, this, [&] {
            if (firstAt < 0)
                firstAt = clock.nsecsElapsed();
        });
        QList<double> ms;
        for (const char* pattern : patterns) {
            edit->clear();
            QSignalSpy finished(&window, &MainWindow::searchFinished);
            dueAt = firstAt = -1;
            clock.start();
            QTest::keyClicks(edit, QString::fromLatin1(pattern));
            QVERIFY(QTest::qWaitFor([&] { return firstAt >= 0; }, kTimeoutMs));
            if (window.isSearching())
                QVERIFY(finished.wait(kTimeoutMs));
            QVERIFY(dueAt >= 0);
            ms << (firstAt - dueAt) / 1e6;
            const IndexUse* use = window.searchController()->indexUse();
            QVERIFY(use != nullptr && use->gate->counters().skipped > 0);
        }
        QStringList each;
        for (qsizetype i = 0; i < ms.size(); ++i)
            each << QStringLiteral("%1 %2 ms").arg(QLatin1String(patterns[i])).arg(ms[i], 0, 'f', 1);
        qInfo("first result after the debounce: %s; %llu files in the index", qPrintable(each.join(QStringLiteral(", "))),
              static_cast<unsigned long long>(window.indexManager()->live()->status().files));
        std::sort(ms.begin(), ms.end());
        QVERIFY(ms[1] < 1000);
    }

    // The window's own Replace All rewrites files while its watcher runs (each a temporary file
    // renamed over the original: a new inode; 150 files, so the renames run on several threads),
    // then files are written in place (same inode): every search after it, the window's and
    // another process's that trusts the window's watcher (the CLI's --index), is the scan's. A
    // third of the files hold only "U16": the case-insensitive replace gives them a "u16" the
    // index never saw, so a case-sensitive search finds them only through the watcher.
    // (Found while checking a report of "0 matches after Replace": that window had Whole word
    // on, and "u16" is no whole word of "u16_renamed" — the scan finds nothing either.)
    void searchesAfterTheWindowsReplaceAreTheScans()
    {
        TestTree tree;
        const auto name = [](int i) {
            return QStringLiteral("%1/sub%2/f%3.c").arg(i % 2 ? QStringLiteral("lib") : QStringLiteral("drivers/pci")).arg(i % 4).arg(i);
        };
        for (int i = 0; i < 150; ++i) {
            const QByteArray word = i % 3 == 0 ? "U16" : "u16";
            QByteArray text = "static " + word + " value_" + QByteArray::number(i) + ";\n";
            for (int l = 0; l < 3 + i % 7; ++l)
                text += "    " + word + " field_" + QByteArray::number(l) + "; kernel(x);\n";
            tree.write(name(i), text);
        }
        tree.write(QStringLiteral("lib/plain.h"), "no such word here\n");
        qputenv("XDG_STATE_HOME", QFile::encodeName(QDir(qEnvironmentVariable("XDG_CACHE_HOME")).filePath(QStringLiteral("state"))));
        MainWindow window;
        QVERIFY(openIndexed(window, QString::fromStdString(tree.root())));
        QVERIFY(waitForState(window, IndexManager::State::Ready));
        const QString folder = window.folder();

        Query query;
        query.pattern = QStringLiteral("u16");
        query.regex = true;
        query.matchCase = false;
        QVERIFY(testing::searchAndWait(window, query, kTimeoutMs));
        QVERIFY(testing::modelMatches(*window.resultsModel(), folder) == scanMatches(query, folder));

        ReplaceController* replace = window.replaceController();
        replace->toggleAction()->setChecked(true);
        replace->bar()->setReplacement(QStringLiteral("u16_renamed"));
        QSignalSpy replaced(replace, &ReplaceController::replaceFinished);
        QSignalSpy finished(&window, &MainWindow::searchFinished);
        replace->bar()->replaceAllButton()->click();
        QVERIFY(replaced.wait(kTimeoutMs));
        QCOMPARE(replaced.first().at(0).value<ReplaceOutcome>().report.changed_files(), std::size_t{150});
        QVERIFY(!finished.isEmpty() || finished.wait(kTimeoutMs));  // the search that follows a change
        const Matches afterReplace = scanMatches(query, folder);
        QVERIFY(afterReplace.size() > 150);
        QVERIFY(testing::modelMatches(*window.resultsModel(), folder) == afterReplace);

        const auto everySearchIsTheScans = [&](const char* when) {
            for (const bool matchCase : {true, false}) {
                Query other = query;
                other.matchCase = matchCase;
                const Matches scan = scanMatches(other, folder);
                // Until the window's watcher has published what it saw, the other process proves
                // the files by stat instead (also the scan's results); then it trusts the watcher.
                std::string notes;
                for (QDeadlineTimer patience(kTimeoutMs); notes.find("a watcher vouches") == std::string::npos && !patience.hasExpired();) {
                    notes.clear();
                    QVERIFY2(otherProcessMatches(other, folder, &notes) == scan, when);
                    if (notes.find("a watcher vouches") == std::string::npos)
                        QTest::qWait(50);
                }
                QVERIFY2(notes.find("a watcher vouches") != std::string::npos, notes.c_str());
            }
            for (const bool wholeWord : {false, true}) {
                Query typed = query;
                typed.wholeWord = wholeWord;
                window.queryBar()->setQuery(typed);
                finished.clear();
                QVERIFY(window.startSearch());
                QVERIFY(finished.wait(kTimeoutMs));
                QVERIFY2(testing::modelMatches(*window.resultsModel(), folder) == scanMatches(typed, folder), when);
            }
        };
        everySearchIsTheScans("after the replace");
        if (QTest::currentTestFailed())
            return;

        // Written in place: the same inodes, new bytes.
        for (int i = 0; i < 150; i += 10)
            std::fstream(tree.path(name(i)), std::ios::in | std::ios::out) << "u16 ";
        everySearchIsTheScans("after in-place writes");
    }
};

QTEST_MAIN(TestInstantSearch)
#include "test_instant_search.moc"
