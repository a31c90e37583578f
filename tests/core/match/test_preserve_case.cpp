// preserve_case: the replacement takes the letter case of the text it replaces (foo→bar,
// Foo→Bar, FOO→BAR), Unicode letters included; mixed or caseless text leaves it as typed; bytes
// that are not UTF-8 are copied, never dropped.
#include <QtTest>

#include "core/match/preserve_case.h"

using namespace codescout;

class TestPreserveCase : public QObject {
    Q_OBJECT
private slots:
    void rules_data() {
        QTest::addColumn<QByteArray>("replaced");
        QTest::addColumn<QByteArray>("replacement");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("lower") << QByteArray("foo") << QByteArray("bar") << QByteArray("bar");
        QTest::newRow("lower lowers a typed capital") << QByteArray("foo") << QByteArray("Bar") << QByteArray("bar");
        QTest::newRow("title") << QByteArray("Foo") << QByteArray("bar") << QByteArray("Bar");
        QTest::newRow("title keeps the rest as typed") << QByteArray("Foo") << QByteArray("barBaz") << QByteArray("BarBaz");
        QTest::newRow("upper") << QByteArray("FOO") << QByteArray("bar") << QByteArray("BAR");
        QTest::newRow("upper with digits") << QByteArray("FOO_2") << QByteArray("bar_x") << QByteArray("BAR_X");
        QTest::newRow("one capital is title") << QByteArray("F") << QByteArray("bar") << QByteArray("Bar");
        QTest::newRow("mixed: as typed") << QByteArray("fooBar") << QByteArray("bazQux") << QByteArray("bazQux");
        QTest::newRow("mixed FoO: as typed") << QByteArray("FoO") << QByteArray("bar") << QByteArray("bar");
        QTest::newRow("no letters: as typed") << QByteArray("123") << QByteArray("aBc") << QByteArray("aBc");
        QTest::newRow("title skips leading non-letters") << QByteArray("_Foo") << QByteArray("_bar") << QByteArray("_Bar");
        QTest::newRow("unicode upper") << QByteArray("ÉTÉ") << QByteArray("hiver") << QByteArray("HIVER");
        QTest::newRow("unicode into upper") << QByteArray("WINTER") << QByteArray("été") << QByteArray("ÉTÉ");
        QTest::newRow("unicode title") << QByteArray("Été") << QByteArray("ölkanne") << QByteArray("Ölkanne");
        QTest::newRow("greek lower") << QByteArray("σοφία") << QByteArray("ΛΌΓΟΣ") << QByteArray("λόγοσ");
        QTest::newRow("invalid UTF-8 copied") << QByteArray("FOO") << QByteArray("a\xff" "b") << QByteArray("A\xff" "B");
        QTest::newRow("empty replacement") << QByteArray("Foo") << QByteArray("") << QByteArray("");
    }
    void rules() {
        QFETCH(QByteArray, replaced);
        QFETCH(QByteArray, replacement);
        QFETCH(QByteArray, expected);
        const std::string out = preserve_case(replaced.toStdString(), replacement.toStdString());
        QCOMPARE(QByteArray::fromStdString(out), expected);
    }

    void shapes() {
        QCOMPARE(case_shape(""), CaseShape::None);
        QCOMPARE(case_shape("x"), CaseShape::Lower);
        QCOMPARE(case_shape("X"), CaseShape::Title);
        QCOMPARE(case_shape("XY"), CaseShape::Upper);
        QCOMPARE(case_shape("Xy"), CaseShape::Title);
        QCOMPARE(case_shape("xY"), CaseShape::Mixed);
    }
};

QTEST_APPLESS_MAIN(TestPreserveCase)
#include "test_preserve_case.moc"
