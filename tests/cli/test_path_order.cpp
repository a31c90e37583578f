// --sort path: component-wise order, roots in the order given, and the sorting sink.
#include <QTest>

#include "cli/path_order.h"
#include "cli/sorted_sink.h"

using namespace codescout;
using namespace codescout::cli;

namespace {

class Recorder final : public ResultSink {
public:
    explicit Recorder(std::size_t stop_after = SIZE_MAX) : stop_after_(stop_after) {}
    bool on_file(FileResult&& r) override {
        paths.push_back(r.path);
        return paths.size() < stop_after_;
    }
    void on_error(const SearchError& e) override { errors.push_back(e.path); }
    std::vector<std::string> paths;
    std::vector<std::string> errors;

private:
    std::size_t stop_after_;
};

FileResult result(std::string path) {
    FileResult r;
    r.path = std::move(path);
    return r;
}

}  // namespace

class TestPathOrder : public QObject {
    Q_OBJECT

private slots:
    void path_less_data() {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("less");
        QTest::newRow("plain") << "a/x" << "b/x" << true;
        QTest::newRow("equal") << "a/x" << "a/x" << false;
        QTest::newRow("directory before longer name") << "a/x" << "a-b/x" << true;
        QTest::newRow("not the string order") << "a-b/x" << "a/x" << false;
        QTest::newRow("dot") << "a/x" << "a.b/x" << true;
        QTest::newRow("prefix first") << "a/b" << "a/b/c" << true;
        QTest::newRow("prefix reversed") << "a/b/c" << "a/b" << false;
        QTest::newRow("bytes, not locale") << "B" << "a" << true;
        QTest::newRow("utf-8 after ascii") << QStringLiteral("z") << QStringLiteral("é") << true;
    }

    void path_less() {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, less);
        QCOMPARE(codescout::cli::path_less(a.toStdString(), b.toStdString()), less);
    }

    void root_index() {
        const std::vector<std::string> roots = {"src/main.c", "src", "lib/", "."};
        QCOMPARE(codescout::cli::root_index("src/main.c", roots), 0u);
        QCOMPARE(codescout::cli::root_index("src/x.c", roots), 1u);
        QCOMPARE(codescout::cli::root_index("srcx/y.c", roots), roots.size());
        QCOMPARE(codescout::cli::root_index("lib/a.c", roots), 2u);
        QCOMPARE(codescout::cli::root_index("./a.c", roots), 3u);
    }

    void sorted_sink_orders_by_root_then_path() {
        Recorder recorder;
        SortedSink sink(recorder, {"zdir", "adir"});
        for (const char* p : {"adir/b", "zdir/b/c", "adir/a-b/x", "zdir/a", "adir/a/x", "zdir/b"}) {
            QVERIFY(sink.on_file(result(p)));
        }
        sink.on_error({"adir/bad", "boom"});
        QCOMPARE(recorder.errors, std::vector<std::string>{"adir/bad"});  // errors are not held back
        QVERIFY(recorder.paths.empty());
        QVERIFY(sink.finish());
        QCOMPARE(recorder.paths, (std::vector<std::string>{"zdir/a", "zdir/b", "zdir/b/c", "adir/a/x", "adir/a-b/x",
                                                           "adir/b"}));
    }

    void sorted_sink_stops_when_downstream_stops() {
        Recorder recorder(2);
        SortedSink sink(recorder, {"."});
        for (const char* p : {"./c", "./b", "./a"}) sink.on_file(result(p));
        QVERIFY(!sink.finish());
        QCOMPARE(recorder.paths, (std::vector<std::string>{"./a", "./b"}));
    }
};

QTEST_GUILESS_MAIN(TestPathOrder)
#include "test_path_order.moc"
