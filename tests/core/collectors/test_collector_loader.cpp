// The collector loader against every kind of plugin the issue names: a good one (the docs' C
// example), a wrong interface version, a missing entry symbol, an invalid descriptor, one whose
// sample() throws, one that returns an error, one that hangs (time box, stale series, recovery,
// quitting while it hangs), garbage files; plus the search path and the Prometheus rendering.
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <algorithm>
#include <string>
#include <vector>

#include "core/collectors/collector_format.h"
#include "core/collectors/collector_paths.h"
#include "core/collectors/collector_registry.h"
#include "plugin_folder.h"

using namespace codescout::collectors;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

// Generous for a machine shared by many builds: "returns within the time box" is checked with a
// margin, and a well-behaved plugin gets this long.
constexpr auto kPatientBox = 2000ms;
// For the hanging plugin (it sleeps 1500 ms): two boxes fit well inside its hang, and a healthy
// plugin beside it answers within one even on a loaded machine.
constexpr auto kHangBox = 300ms;

std::string joined(const std::vector<std::string>& messages) {
    std::string all;
    for (const auto& m : messages) all += m + "\n";
    return all;
}

// The one message about `file`; fails the test when there is none or more than one.
std::string message_about(const std::vector<std::string>& messages, const fs::path& file) {
    std::vector<std::string> about;
    for (const auto& m : messages) {
        if (m.rfind(file.string() + ": ", 0) == 0) about.push_back(m);
    }
    if (about.size() != 1) return "expected one message about " + file.string() + ", got:\n" + joined(messages);
    return about.front();
}

// The reading of series `name` (the snapshot is in load order, which is file-name order).
// By value: callers pass the name as a temporary.
CollectorReading reading_of(const CollectorSnapshot& snapshot, const std::string& name) {
    const auto it = std::find_if(snapshot.begin(), snapshot.end(), [&](const CollectorReading& r) {
        return r.series.name == name;
    });
    if (it == snapshot.end()) qFatal("no series %s in the snapshot", name.c_str());
    return *it;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

QByteArray read_all(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class TestCollectorLoader : public QObject {
    Q_OBJECT

private slots:
    void good_plugin_loads_and_samples() {
        PluginFolder folder;
        folder.copy(test_plugin("minimal_collector"), QStringLiteral("example.so"));
        CollectorRegistry registry({folder.path()});
        QVERIFY2(registry.take_messages().empty(), "a good plugin loads without a message");
        QCOMPARE(registry.collector_count(), std::size_t{1});
        const std::vector<SeriesInfo> series = registry.series();
        QCOMPARE(series.size(), std::size_t{2});
        QCOMPARE(series[0].name, std::string("codescout_example_samples_total"));
        QCOMPARE(series[0].type, SeriesType::Counter);
        QCOMPARE(series[0].collector, std::string("example"));
        QCOMPARE(series[1].type, SeriesType::Gauge);

        for (double expected : {1.0, 2.0}) {
            const CollectorSnapshot snapshot = registry.sample_all(kPatientBox);
            QCOMPARE(snapshot.size(), std::size_t{2});
            QCOMPARE(snapshot[0].state, ValueState::Ok);
            QVERIFY(!snapshot[0].stale);
            QCOMPARE(snapshot[0].value, expected);  // each sample_all calls sample() exactly once
        }
        QVERIFY(registry.take_messages().empty());
    }

    void wrong_version_is_rejected() { expect_rejected("wrong_version", "interface version 99, this CodeScout supports version 1"); }
    void missing_symbol_is_rejected() { expect_rejected("missing_symbol", "no symbol codescout_collector_entry"); }
    void invalid_descriptor_is_rejected() { expect_rejected("bad_descriptor", "no valid Prometheus name ('2 bad')"); }

    void throwing_plugin_is_disabled() {
        PluginFolder folder;
        const fs::path file = folder.copy(test_plugin("throwing"), QStringLiteral("throwing.so"));
        CollectorRegistry registry({folder.path()});
        QCOMPARE(registry.collector_count(), std::size_t{1});  // nothing to see until it samples
        const CollectorSnapshot first = registry.sample_all(kPatientBox);
        QCOMPARE(first.size(), std::size_t{1});
        QCOMPARE(first[0].state, ValueState::Unavailable);
        QVERIFY(!first[0].stale);
        const std::string message = message_about(registry.take_messages(), file);
        QVERIFY2(contains(message, "sample() threw: disk on fire") && contains(message, "disabled"), message.c_str());
        // Disabled for good: no second call, no second message, the series keeps its place.
        const CollectorSnapshot second = registry.sample_all(kPatientBox);
        QCOMPARE(second.size(), std::size_t{1});
        QCOMPARE(second[0].state, ValueState::Unavailable);
        QVERIFY(registry.take_messages().empty());
    }

    void error_code_makes_series_unavailable() {
        PluginFolder folder;
        const fs::path file = folder.copy(test_plugin("error_code"), QStringLiteral("error_code.so"));
        CollectorRegistry registry({folder.path()});
        const CollectorSnapshot snapshot = registry.sample_all(kPatientBox);
        QCOMPARE(snapshot[0].state, ValueState::Unavailable);  // the 42 it wrote is not shown
        const std::string message = message_about(registry.take_messages(), file);
        QVERIFY2(contains(message, "error 7"), message.c_str());
        registry.sample_all(kPatientBox);
        QVERIFY2(registry.take_messages().empty(), "the same error is reported once");
    }

    void hanging_plugin_is_time_boxed() {
        PluginFolder folder;
        const fs::path file = folder.copy(test_plugin("hanging"), QStringLiteral("hanging.so"));
        folder.copy(test_plugin("minimal_collector"), QStringLiteral("example.so"));
        CollectorRegistry registry({folder.path()});
        QCOMPARE(registry.collector_count(), std::size_t{2});

        QElapsedTimer clock;
        clock.start();
        const CollectorSnapshot late = registry.sample_all(kHangBox);
        QVERIFY2(clock.elapsed() < 1200, qPrintable(QString::number(clock.elapsed())));  // the plugin sleeps 1500 ms
        const CollectorReading hang = reading_of(late, "codescout_test_hanging");
        QVERIFY(hang.stale);
        QCOMPARE(hang.state, ValueState::Unavailable);  // it never delivered anything
        // The other collector is not held up by it.
        const CollectorReading example = reading_of(late, "codescout_example_samples_total");
        QVERIFY(!example.stale);
        QCOMPARE(example.state, ValueState::Ok);
        const std::string message = message_about(registry.take_messages(), file);
        QVERIFY2(contains(message, "did not return within 300 ms") && contains(message, "stale"), message.c_str());

        // While it still hangs, ticks return at once-ish and stay stale (no second call is queued).
        clock.restart();
        QVERIFY(reading_of(registry.sample_all(kHangBox), "codescout_test_hanging").stale);
        QVERIFY(clock.elapsed() < 1000);

        // When the hung call returns, its value arrives and later calls answer at once.
        CollectorReading recovered;
        QVERIFY(QTest::qWaitFor([&] {
            recovered = reading_of(registry.sample_all(kHangBox), "codescout_test_hanging");
            return !recovered.stale;
        }, 5000));
        QCOMPARE(recovered.state, ValueState::Ok);
        QVERIFY(recovered.value >= 1);
        const std::string back = message_about(registry.take_messages(), file);
        QVERIFY2(contains(back, "returned again"), back.c_str());
    }

    void quitting_while_a_plugin_hangs_does_not_wait_for_it() {
        PluginFolder folder;
        folder.copy(test_plugin("hanging"), QStringLiteral("hanging.so"));
        QElapsedTimer clock;
        {
            CollectorRegistry registry({folder.path()});
            QVERIFY(registry.sample_all(50ms)[0].stale);
            clock.start();
        }
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        // Let the detached worker finish its call and clean up before the folder goes away.
        QTest::qSleep(1800);
    }

    void garbage_files_are_rejected_by_name() {
        PluginFolder folder;
        const QByteArray good = read_all(test_plugin("minimal_collector"));
        QVERIFY(good.startsWith("\x7f" "ELF"));
        QByteArray other_arch = good;
        // e_machine (offset 18, little-endian here) = AArch64 (183), or x86-64 (62) on AArch64.
        other_arch[18] = static_cast<char>(other_arch[18] == 62 ? 183 : 62);
        other_arch[19] = 0;
        QByteArray other_class = good;
        other_class[4] = other_class[4] == 2 ? 1 : 2;  // EI_CLASS: 32-bit <-> 64-bit

        struct Case {
            fs::path file;
            std::string reason;
        };
        const std::vector<Case> cases = {
            {folder.write(QStringLiteral("notes.txt"), "plugins go here\n"), "not a shared library (no ELF header)"},
            {folder.write(QStringLiteral("fake.so"), "#!/bin/sh\necho hi\n"), "not a shared library (no ELF header)"},
            {folder.write(QStringLiteral("empty.so"), QByteArray()), "not a shared library (no ELF header)"},
            {folder.write(QStringLiteral("truncated.so"), good.left(2000)), "truncated"},
            {folder.write(QStringLiteral("arm.so"), other_arch), "built for another architecture"},
            {folder.write(QStringLiteral("class.so"), other_class), "-bit, this process is"},
        };
        const fs::path example = folder.copy(test_plugin("minimal_collector"), QStringLiteral("zz_example.so"));
        folder.write(QStringLiteral(".hidden.so"), "dot files are not candidates");

        // Through CODESCOUT_COLLECTOR_PATH, as a user would, with a missing folder in it too.
        const std::string env = "/nonexistent/codescout:" + folder.path().string();
        CollectorRegistry registry(collector_search_path(env, "/nonexistent-xdg", ""));
        const std::vector<std::string> messages = registry.take_messages();
        QCOMPARE(messages.size(), cases.size());
        for (const Case& c : cases) {
            const std::string message = message_about(messages, c.file);
            QVERIFY2(contains(message, c.reason), message.c_str());
        }
        // The good plugin among the garbage still works.
        QCOMPARE(registry.collector_count(), std::size_t{1});
        QCOMPARE(registry.series().front().file, example.string());
        QCOMPARE(registry.sample_all(kPatientBox)[0].state, ValueState::Ok);
    }

    void duplicate_series_keeps_the_first() {
        PluginFolder folder;
        const fs::path first = folder.copy(test_plugin("minimal_collector"), QStringLiteral("a.so"));
        const fs::path second = folder.copy(test_plugin("minimal_collector"), QStringLiteral("b.so"));
        CollectorRegistry registry({folder.path()});
        QCOMPARE(registry.collector_count(), std::size_t{1});
        const std::string message = message_about(registry.take_messages(), second);
        QVERIFY2(contains(message, "already provided by " + first.string()), message.c_str());
    }

    void search_path_order_and_defaults() {
        PluginFolder a, b, xdg, home;
        const fs::path xdg_dir = xdg.path() / "codescout/collectors";
        const fs::path home_dir = home.path() / ".local/share/codescout/collectors";
        fs::create_directories(xdg_dir);
        fs::create_directories(home_dir);
        const std::string env = a.path().string() + ":/nonexistent::" + b.path().string() + ":" + a.path().string();

        std::vector<fs::path> path = collector_search_path(env, xdg.path().string(), home.path().string());
        // Install folders come first when they exist (not in a build tree); drop them for the check.
        std::erase_if(path, [&](const fs::path& p) { return p != a.path() && p != b.path() && p != xdg_dir; });
        QCOMPARE(path, (std::vector<fs::path>{xdg_dir, a.path(), b.path()}));

        // XDG_DATA_HOME unset or relative: ~/.local/share, as the basedir spec says.
        for (const char* unset_or_relative : {"", "relative/dir"}) {
            path = collector_search_path("", unset_or_relative, home.path().string());
            QVERIFY(std::find(path.begin(), path.end(), home_dir) != path.end());
        }
    }

    void prometheus_rendering() {
        const auto reading = [](const char* name, SeriesType type, double value, ValueState state, bool stale) {
            return CollectorReading{SeriesInfo{name, "Help.", "bytes", type, "c", "/x.so"}, value, state, stale};
        };
        const CollectorSnapshot snapshot = {
            reading("codescout_a_total", SeriesType::Counter, 1234567, ValueState::Ok, false),
            reading("codescout_b", SeriesType::Gauge, 0.25, ValueState::Ok, false),
            reading("codescout_c_bytes", SeriesType::Gauge, 0, ValueState::Unlimited, false),
            reading("codescout_d", SeriesType::Gauge, 0, ValueState::Unavailable, false),
            reading("codescout_e", SeriesType::Gauge, 5, ValueState::Ok, true),
        };
        const std::string text = format_prometheus(snapshot);
        QCOMPARE(text, std::string("# HELP codescout_a_total Help. (bytes; collector c)\n"
                                   "# TYPE codescout_a_total counter\n"
                                   "codescout_a_total 1234567\n"
                                   "# HELP codescout_b Help. (bytes; collector c)\n"
                                   "# TYPE codescout_b gauge\n"
                                   "codescout_b 0.25\n"
                                   "# HELP codescout_c_bytes Help. (bytes; collector c)\n"
                                   "# TYPE codescout_c_bytes gauge\n"
                                   "# codescout_c_bytes is unlimited\n"
                                   "codescout_c_bytes +Inf\n"
                                   "# HELP codescout_d Help. (bytes; collector c)\n"
                                   "# TYPE codescout_d gauge\n"
                                   "# codescout_d is unavailable on this system\n"
                                   "# HELP codescout_e Help. (bytes; collector c)\n"
                                   "# TYPE codescout_e gauge\n"
                                   "# codescout_e is stale: the collector did not answer in time\n"));
        QCOMPARE(format_cell(snapshot[2]), std::string("unlimited"));
        QCOMPARE(format_cell(snapshot[3]), std::string());
        QCOMPARE(format_cell(snapshot[0]), std::string("1234567"));
    }

private:
    void expect_rejected(const char* plugin, const std::string& reason) {
        PluginFolder folder;
        const fs::path file = folder.copy(test_plugin(plugin), QStringLiteral("%1.so").arg(QLatin1StringView(plugin)));
        CollectorRegistry registry({folder.path()});
        QCOMPARE(registry.collector_count(), std::size_t{0});
        const std::string message = message_about(registry.take_messages(), file);
        QVERIFY2(contains(message, reason), message.c_str());
        QVERIFY(registry.sample_all(kPatientBox).empty());
    }
};

QTEST_GUILESS_MAIN(TestCollectorLoader)
#include "test_collector_loader.moc"
