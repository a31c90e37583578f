// Settings: the key table, the dialog's round trip and validation, the saved query, the window
// state restored on the next start, the query -> engine options translation, and the editor
// command expansion.
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QSplitter>
#include <QTest>

#include "gui/settings/app_settings.h"
#include "gui/settings/settings_dialog.h"
#include "gui/window/editor_launcher.h"
#include "gui/window/main_window.h"
#include "gui/window/query_bar.h"
#include "gui_test_helpers.h"
#include "test_tree.h"

using namespace codescout;
using namespace codescout::gui;

namespace {

const QList<Setting> kAllSettings = {
    Setting::SmallFileThreshold, Setting::LargeFileThreshold, Setting::Threads,
    Setting::SamplerIntervalMs, Setting::MemoryBudgetBytes, Setting::EditorCommand,
    Setting::MaxResults, Setting::RecentFolders, Setting::PatternHistory, Setting::LastQuery,
    Setting::LastFolder, Setting::WindowGeometry, Setting::WindowState,
    Setting::MainSplitterState, Setting::ResultsSplitterState, Setting::Language,
    Setting::UndoHistoryMaxBytes, Setting::ResultsOrder, Setting::IndexEnabled, Setting::IndexDiskCapBytes,
    Setting::ReplaceOnError, Setting::DiffLayout,
};

template <typename T>
T* child(QWidget& parent, const char* name)
{
    T* widget = parent.findChild<T*>(QLatin1String(name));
    if (!widget)
        qFatal("no child %s", name);
    return widget;
}

}  // namespace

class TestSettings : public QObject {
    Q_OBJECT
private slots:
    void init();
    void everySettingHasItsOwnKey();
    void dialogRoundTrip();
    void dialogRefusesInvertedThresholds();
    void queryRoundTripsThroughSettings();
    void windowRestoresQueryGeometryAndFolder();
    void queryBecomesEngineOptions();
    void editorCommandExpands_data();
    void editorCommandExpands();

private:
    testing::IsolatedSettings settings_;
};

void TestSettings::init()
{
    settings_.clear();
}

void TestSettings::everySettingHasItsOwnKey()
{
    QSet<QString> keys;
    for (Setting s : kAllSettings) {
        const QString key = AppSettings::key(s);
        QVERIFY(!key.isEmpty());
        QVERIFY2(!keys.contains(key), qPrintable(key));
        keys.insert(key);
    }
    QCOMPARE(AppSettings::defaultValue(Setting::SamplerIntervalMs).toInt(), 100);
    QCOMPARE(AppSettings::defaultValue(Setting::SmallFileThreshold).toULongLong(),
             qulonglong{kDefaultSmallFileThreshold});
}

void TestSettings::dialogRoundTrip()
{
    {
        AppSettings settings;
        SettingsDialog dialog(settings);
        child<QSpinBox>(dialog, "smallThresholdSpin")->setValue(64);
        child<QSpinBox>(dialog, "largeThresholdSpin")->setValue(20);
        child<QSpinBox>(dialog, "threadsSpin")->setValue(3);
        child<QSpinBox>(dialog, "samplerIntervalSpin")->setValue(250);
        child<QSpinBox>(dialog, "memoryBudgetSpin")->setValue(512);
        child<QLineEdit>(dialog, "editorCommandEdit")->setText(QStringLiteral("kate --line {line} {file}"));
        child<QSpinBox>(dialog, "maxResultsSpin")->setValue(50000);
        child<QSpinBox>(dialog, "undoHistorySpin")->setValue(64);
        QCOMPARE(child<QComboBox>(dialog, "replaceOnErrorCombo")->currentIndex(), 0);  // stop and roll back
        child<QComboBox>(dialog, "replaceOnErrorCombo")->setCurrentIndex(1);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    AppSettings reread;  // a fresh QSettings reads the file back
    QCOMPARE(reread.value(Setting::SmallFileThreshold).toULongLong(), 64ull * 1024);
    QCOMPARE(reread.value(Setting::LargeFileThreshold).toULongLong(), 20ull * 1024 * 1024);
    QCOMPARE(reread.value(Setting::Threads).toInt(), 3);
    QCOMPARE(reread.value(Setting::SamplerIntervalMs).toInt(), 250);
    QCOMPARE(reread.value(Setting::MemoryBudgetBytes).toULongLong(), 512ull * 1024 * 1024);
    QCOMPARE(reread.value(Setting::EditorCommand).toString(), QStringLiteral("kate --line {line} {file}"));
    QCOMPARE(reread.value(Setting::MaxResults).toULongLong(), 50000ull);
    QCOMPARE(reread.value(Setting::UndoHistoryMaxBytes).toULongLong(), 64ull * 1024 * 1024);
    QCOMPARE(reread.value(Setting::ReplaceOnError).toString(), QStringLiteral("continue"));
    const EngineSettings engine = reread.engine();
    QCOMPARE(engine.threads, 3u);
    QCOMPARE(engine.smallFileThreshold, 64ull * 1024);

    // Opening the dialog again shows what was saved; Restore Defaults brings the defaults back.
    SettingsDialog again(reread);
    QCOMPARE(child<QSpinBox>(again, "threadsSpin")->value(), 3);
    child<QDialogButtonBox>(again, "buttonBox")->button(QDialogButtonBox::RestoreDefaults)->click();
    QCOMPARE(child<QSpinBox>(again, "threadsSpin")->value(), 0);
    QCOMPARE(child<QSpinBox>(again, "samplerIntervalSpin")->value(), 100);
    QCOMPARE(child<QSpinBox>(again, "undoHistorySpin")->value(), 512);  // kDefaultJournalMaxBytes
    QCOMPARE(child<QComboBox>(again, "replaceOnErrorCombo")->currentIndex(), 0);
}

void TestSettings::dialogRefusesInvertedThresholds()
{
    AppSettings settings;
    SettingsDialog dialog(settings);
    child<QSpinBox>(dialog, "smallThresholdSpin")->setValue(8192);  // 8 MiB
    child<QSpinBox>(dialog, "largeThresholdSpin")->setValue(4);     // 4 MiB
    QVERIFY(!dialog.validationError().isEmpty());
    QVERIFY(!child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok)->isEnabled());
    dialog.accept();
    QVERIFY(dialog.result() != QDialog::Accepted);
    QCOMPARE(AppSettings().value(Setting::SmallFileThreshold).toULongLong(),
             qulonglong{kDefaultSmallFileThreshold});
}

void TestSettings::queryRoundTripsThroughSettings()
{
    Query q;
    q.pattern = QStringLiteral("fn\\s+main");
    q.regex = true;
    q.matchCase = true;
    q.wholeWord = true;
    q.includeGlobs = QStringLiteral("src/**");
    q.excludeGlobs = QStringLiteral("*.min.js, build/**");
    q.extensions = QStringLiteral("rs, cpp");
    q.contextLines = 2;
    q.hidden = true;
    q.followLinks = true;
    q.respectIgnoreFiles = false;
    AppSettings().setLastQuery(q);
    QCOMPARE(AppSettings().lastQuery(), q);
}

void TestSettings::windowRestoresQueryGeometryAndFolder()
{
    TestTree tree;
    tree.write(QStringLiteral("a.txt"), "x\n");
    Query q;
    q.pattern = QStringLiteral("remember me");
    q.regex = false;
    q.extensions = QStringLiteral("txt");
    QString folder;
    QList<int> sizes;
    QSize size;
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFolder(QString::fromStdString(tree.root())));
        folder = window.folder();
        window.queryBar()->setQuery(q);
        window.resize(700, 520);  // the offscreen screen is 800x800
        size = window.size();     // what the window's minimum size allowed
        auto* splitter = window.findChild<QSplitter*>(QStringLiteral("mainSplitter"));
        splitter->setSizes({200, 600});
        sizes = splitter->sizes();
        window.close();
    }
    MainWindow restored;
    restored.show();
    QVERIFY(QTest::qWaitForWindowExposed(&restored));
    QCOMPARE(restored.queryBar()->query(), q);
    QCOMPARE(restored.folder(), folder);
    QCOMPARE(restored.size(), size);
    QCOMPARE(restored.findChild<QSplitter*>(QStringLiteral("mainSplitter"))->sizes(), sizes);
    QVERIFY(AppSettings().value(Setting::RecentFolders).toStringList().contains(folder));
}

void TestSettings::queryBecomesEngineOptions()
{
    Query q;
    q.pattern = QStringLiteral("needle");
    q.regex = false;
    q.matchCase = false;
    q.wholeWord = true;
    q.includeGlobs = QStringLiteral("src/**, *.cpp");
    q.excludeGlobs = QStringLiteral("build/**");
    q.extensions = QStringLiteral(".rs *.cpp h");
    q.contextLines = 3;
    q.hidden = true;
    q.respectIgnoreFiles = false;
    EngineSettings engine;
    engine.threads = 2;
    engine.smallFileThreshold = 1000;
    const SearchOptions o = toSearchOptions(q, QStringLiteral("/tmp/root"), engine);
    QCOMPARE(o.pattern.patterns, std::vector<std::string>{"needle"});
    QVERIFY(o.pattern.fixed_strings);
    QVERIFY(o.pattern.case_mode == CaseMode::Insensitive);
    QVERIFY(o.pattern.whole_word);
    QCOMPARE(o.walk.roots.size(), std::size_t{1});
    QCOMPARE(o.walk.roots.front().string(), std::string("/tmp/root"));
    QCOMPARE(o.walk.globs, (std::vector<std::string>{"src/**", "*.cpp", "!build/**"}));
    QCOMPARE(o.walk.extensions, (std::vector<std::string>{"rs", "cpp", "h"}));
    QVERIFY(o.walk.include_hidden);
    QVERIFY(!o.walk.respect_ignore_files);
    QCOMPARE(o.report.before_context, std::size_t{3});
    QCOMPARE(o.report.after_context, std::size_t{3});
    QCOMPARE(o.threads, 2u);
    QCOMPARE(o.processing.small_file_threshold, 1000ull);
}

void TestSettings::editorCommandExpands_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("expected");
    const QString file = QStringLiteral("/tmp/my dir/a.cpp");
    QTest::newRow("kate") << "kate --line {line} {file}"
                          << QStringList{QStringLiteral("kate"), QStringLiteral("--line"), QStringLiteral("12"), file};
    QTest::newRow("code goto") << "code --goto {file}:{line}"
                               << QStringList{QStringLiteral("code"), QStringLiteral("--goto"), file + QStringLiteral(":12")};
    QTest::newRow("quoted program") << "\"/opt/my editor/bin/ed\" +{line} {file}"
                                    << QStringList{QStringLiteral("/opt/my editor/bin/ed"), QStringLiteral("+12"), file};
    QTest::newRow("no placeholder appends file") << "gedit" << QStringList{QStringLiteral("gedit"), file};
    QTest::newRow("blank") << "   " << QStringList{};
}

void TestSettings::editorCommandExpands()
{
    QFETCH(QString, command);
    QFETCH(QStringList, expected);
    QCOMPARE(EditorLauncher::expand(command, QStringLiteral("/tmp/my dir/a.cpp"), 12), expected);
}

QTEST_MAIN(TestSettings)
#include "test_settings.moc"
