// codescout-cli with collector plugins: --metrics-format prometheus carries the shipped plugins'
// series (with # HELP and # TYPE), garbage on CODESCOUT_COLLECTOR_PATH is a warning naming the
// file that leaves the output and exit status alone, plain --stats-only loads no plugin at all,
// and an installed layout (bin/ beside <libdir>/codescout/collectors) finds its plugins without
// any environment variable.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "process_runner.h"
#include "test_tree.h"

namespace {

const QByteArray kFourNames[][2] = {
    {"codescout_io_read_bytes_total", "counter"},
    {"codescout_io_read_syscalls_total", "counter"},
    {"codescout_cgroup_memory_current_bytes", "gauge"},
    {"codescout_cgroup_memory_max_bytes", "gauge"},
};

// Every one of the four series is announced, and the two /proc/self/io ones carry a number
// (this test runs on Linux with /proc mounted; the cgroup ones may be unavailable here).
void expect_collector_series(const ProcessResult& r) {
    for (const auto& [name, type] : kFourNames) {
        QVERIFY2(r.out.contains("\n# HELP " + name + " "), name.constData());
        QVERIFY2(r.out.contains("\n# TYPE " + name + " " + type + "\n"), name.constData());
    }
    for (const QByteArray& name : {QByteArray("codescout_io_read_bytes_total"), QByteArray("codescout_io_read_syscalls_total")}) {
        const qsizetype at = r.out.indexOf("\n" + name + " ");
        QVERIFY2(at >= 0, r.out.constData());
        const QByteArray value = r.out.mid(at + name.size() + 2).split('\n').front();
        bool ok = false;
        QVERIFY2(value.toDouble(&ok) > 0 && ok, value.constData());
    }
}

// Sets an environment variable for the child processes of this test, until the scope ends.
struct EnvGuard {
    EnvGuard(const char* n, const QByteArray& value) : name(n), old(qgetenv(n)), was_set(qEnvironmentVariableIsSet(n)) {
        qputenv(name, value);
    }
    ~EnvGuard() { was_set ? qputenv(name, old) : qunsetenv(name); }
    const char* name;
    QByteArray old;
    bool was_set;
};

}  // namespace

class TestCliCollectors : public QObject {
    Q_OBJECT

private:
    TestTree tree_;
    QString root_;
    QTemporaryDir empty_xdg_;

private slots:
    void initTestCase() {
        QVERIFY(tree_.isValid() && empty_xdg_.isValid());
        tree_.write(QStringLiteral("a.txt"), "foo\n");
        root_ = QString::fromStdString(tree_.root());
        // A developer's own ~/.local/share/codescout/collectors must not leak into the results.
        qputenv("XDG_DATA_HOME", empty_xdg_.path().toUtf8());
    }

    void prometheus_output_has_the_plugins_series() {
        EnvGuard path("CODESCOUT_COLLECTOR_PATH", COLLECTOR_BUILD_DIR);
        const ProcessResult r = run_cli({QStringLiteral("--stats-only"), QStringLiteral("--metrics-format=prometheus"),
                                         QStringLiteral("foo")}, root_);
        QCOMPARE(r.exit_code, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QVERIFY(r.out.startsWith("# HELP codescout_memory_allocated_bytes"));  // the engine's block first
        expect_collector_series(r);

        const ProcessResult s = run_cli({QStringLiteral("--stats"), QStringLiteral("--metrics-format=prometheus"),
                                         QStringLiteral("foo")}, root_);
        QCOMPARE(s.exit_code, 0);
        QVERIFY(s.out.startsWith("a.txt:1:foo\n"));
        expect_collector_series(s);
    }

    void garbage_plugin_is_a_warning_naming_the_file() {
        QTemporaryDir junk;
        QFile garbage(junk.filePath(QStringLiteral("garbage.so")));
        QVERIFY(garbage.open(QIODevice::WriteOnly) && garbage.write("not a library\n") > 0);
        garbage.close();
        EnvGuard path("CODESCOUT_COLLECTOR_PATH", junk.path().toUtf8() + ":" + COLLECTOR_BUILD_DIR);
        const ProcessResult r = run_cli({QStringLiteral("--stats-only"), QStringLiteral("--metrics-format=prometheus"),
                                         QStringLiteral("foo")}, root_);
        QCOMPARE(r.exit_code, 0);  // a match, and a broken plugin is no search error
        const QByteArray expected = "codescout-cli: warning: collector " +
                                    QFileInfo(garbage).canonicalFilePath().toUtf8() +
                                    ": not a shared library (no ELF header)\n";
        QCOMPARE(r.err, expected);
        expect_collector_series(r);

        // Without Prometheus output no plugin is loaded: no series, and nothing to warn about.
        const ProcessResult text = run_cli({QStringLiteral("--stats-only"), QStringLiteral("foo")}, root_);
        QCOMPARE(text.exit_code, 0);
        QVERIFY2(text.err.isEmpty(), text.err.constData());
        QVERIFY(!text.out.contains("codescout_io"));
    }

    void installed_layout_finds_its_plugins() {
        QTemporaryDir prefix;
        const QString bin = prefix.filePath(QStringLiteral("bin"));
        const QString plugins = prefix.filePath(QStringLiteral(COLLECTOR_INSTALL_SUBDIR));
        QVERIFY(QDir().mkpath(bin) && QDir().mkpath(plugins));
        const QString cli = bin + QStringLiteral("/codescout-cli");
        QVERIFY(QFile::copy(cli_path(), cli));
        for (const char* name : {"codescout-collector-process-io.so", "codescout-collector-cgroup-memory.so"}) {
            const QString file = QLatin1StringView(name);
            QVERIFY(QFile::copy(QStringLiteral(COLLECTOR_BUILD_DIR "/") + file, plugins + u'/' + file));
        }
        const QByteArray old = qgetenv("CODESCOUT_COLLECTOR_PATH");
        qunsetenv("CODESCOUT_COLLECTOR_PATH");
        const ProcessResult r = run_program(cli, {QStringLiteral("--stats-only"), QStringLiteral("--metrics-format"),
                                                  QStringLiteral("prometheus"), QStringLiteral("foo")}, root_);
        if (!old.isNull()) qputenv("CODESCOUT_COLLECTOR_PATH", old);
        QCOMPARE(r.exit_code, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        expect_collector_series(r);
    }
};

QTEST_GUILESS_MAIN(TestCliCollectors)
#include "test_cli_collectors.moc"
