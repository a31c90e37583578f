// --sort path's order: component-wise, roots in the order given (the search's ordered delivery
// is tested in tests/core/search/test_ordered_delivery.cpp).
#include <QTest>

#include "core/walk/path_order.h"

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
        QCOMPARE(codescout::path_less(a.toStdString(), b.toStdString()), less);
    }

    void root_index() {
        const std::vector<std::string> roots = {"src/main.c", "src", "lib/", "."};
        QCOMPARE(codescout::root_index("src/main.c", roots), 0u);
        QCOMPARE(codescout::root_index("src/x.c", roots), 1u);
        QCOMPARE(codescout::root_index("srcx/y.c", roots), roots.size());
        QCOMPARE(codescout::root_index("lib/a.c", roots), 2u);
        QCOMPARE(codescout::root_index("./a.c", roots), 3u);
    }
};

QTEST_GUILESS_MAIN(TestPathOrder)
#include "test_path_order.moc"
