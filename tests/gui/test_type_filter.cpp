// The query bar's file-type filter (issue 10): "cpp, rust, !js" means -t cpp -t rust -T js, in
// that order, on rg's type table — the window searches exactly the files codescout-cli and rg
// search for the same types; unknown names are refused with a message; the completer offers the
// table's names for the word being typed; the filter is remembered with the query.
#include <QAbstractItemView>
#include <QCompleter>
#include <QDir>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <set>

#include "../cli/process_runner.h"
#include "gui/results/results_model.h"
#include "gui/search/type_filter.h"
#include "gui/settings/app_settings.h"
#include "gui/window/main_window.h"
#include "gui/window/query_bar.h"
#include "gui/window/type_filter_edit.h"
#include "gui_test_helpers.h"
#include "test_tree.h"

using namespace codescout;
using namespace codescout::gui;

namespace {

constexpr int kTimeoutMs = 60000;  // only a hang takes this long

std::set<QString> linesOf(const QByteArray& out)
{
    std::set<QString> lines;
    for (const QByteArray& line : out.split('\n')) {
        if (!line.isEmpty())
            lines.insert(QString::fromUtf8(line));
    }
    return lines;
}

QString joined(const std::set<QString>& set)
{
    return QStringList(set.begin(), set.end()).join(QLatin1String(", "));
}

}  // namespace

class TestTypeFilter : public QObject {
    Q_OBJECT
private slots:
    void textBecomesTypeChangesInOrder();
    void unknownTypesAreNamed();
    void sameFilesAsTheCli_data();
    void sameFilesAsTheCli();
    void unknownTypeStopsTheSearch();
    void completerOffersTypeNames();
    void rememberedWithTheQuery();

private:
    testing::IsolatedSettings settings_;
};

void TestTypeFilter::textBecomesTypeChangesInOrder()
{
    const std::vector<FileTypeChange> changes = TypeFilter::changes(QStringLiteral(" cpp,rust  !js, ! "));
    const std::vector<FileTypeChange> expected{{FileTypeChange::Kind::Select, "cpp"},
                                               {FileTypeChange::Kind::Select, "rust"},
                                               {FileTypeChange::Kind::Negate, "js"}};
    QVERIFY(changes == expected);
    QVERIFY(TypeFilter::changes({}).empty());
    Query query;
    query.pattern = QStringLiteral("x");
    query.fileTypes = QStringLiteral("py");
    QVERIFY(toSearchOptions(query, QStringLiteral("/tmp"), {}).walk.type_changes
            == (std::vector<FileTypeChange>{{FileTypeChange::Kind::Select, "py"}}));
}

void TestTypeFilter::unknownTypesAreNamed()
{
    QVERIFY(TypeFilter::error(QStringLiteral("cpp, !js, rust")).isEmpty());
    const QString error = TypeFilter::error(QStringLiteral("cpp, nosuchtype, !alsonot"));
    QVERIFY2(error.contains(QLatin1String("nosuchtype, alsonot")), qPrintable(error));
    QVERIFY(TypeFilter::names().contains(QStringLiteral("rust")));
    QVERIFY(TypeFilter::describe(QStringLiteral("rust")).startsWith(QLatin1String("rust: *.rs")));
    QVERIFY(TypeFilter::describe(QStringLiteral("nosuchtype")).isEmpty());
}

void TestTypeFilter::sameFilesAsTheCli_data()
{
    QTest::addColumn<QString>("types");
    QTest::addColumn<QStringList>("flags");
    using L = QStringList;
    QTest::newRow("one type") << QStringLiteral("cpp") << L{QStringLiteral("-tcpp")};
    QTest::newRow("two types") << QStringLiteral("cpp, rust") << L{QStringLiteral("-tcpp"), QStringLiteral("-trust")};
    QTest::newRow("exclude only") << QStringLiteral("!js") << L{QStringLiteral("-Tjs")};
    QTest::newRow("include and exclude") << QStringLiteral("cpp, rust, !js") << L{QStringLiteral("-tcpp"), QStringLiteral("-trust"), QStringLiteral("-Tjs")};
    // .h is in both c and cpp: the last selection that matches decides.
    QTest::newRow("last wins: -T after -t") << QStringLiteral("cpp, !c") << L{QStringLiteral("-tcpp"), QStringLiteral("-Tc")};
    QTest::newRow("last wins: -t after -T") << QStringLiteral("!c, cpp") << L{QStringLiteral("-Tc"), QStringLiteral("-tcpp")};
    QTest::newRow("file names, not extensions") << QStringLiteral("make, cmake") << L{QStringLiteral("-tmake"), QStringLiteral("-tcmake")};
}

void TestTypeFilter::sameFilesAsTheCli()
{
    QFETCH(QString, types);
    QFETCH(QStringList, flags);
    TestTree tree;
    for (const char* name : {"a.cpp", "b.h", "c.c", "d.rs", "e.js", "f.jsx", "g.py", "Makefile", "CMakeLists.txt",
                             "h.txt", "sub/i.hpp", "sub/j.mjs", "sub/deep/k.cc", "sub/deep/l.H", "m.min.js"})
        tree.write(QString::fromLatin1(name), "needle\n");

    MainWindow window;
    QVERIFY(window.openFolder(QString::fromStdString(tree.root())));
    Query query;
    query.pattern = QStringLiteral("needle");
    query.fileTypes = types;
    QVERIFY(testing::searchAndWait(window, query, kTimeoutMs));
    std::set<QString> shown;
    for (int row = 0; row < window.resultsModel()->rowCount(); ++row)
        shown.insert(window.resultsModel()->index(row, 0).data(ResultsModel::RelativePathRole).toString());

    const QString cwd = QString::fromStdString(tree.root());
    const QStringList args = flags + QStringList{QStringLiteral("-l"), QStringLiteral("needle")};
    const ProcessResult cli = run_cli(args, cwd);
    QVERIFY2(cli.exit_code == 0, qPrintable(cli.describe()));
    QVERIFY2(shown == linesOf(cli.out), qPrintable(QStringLiteral("window: %1\ncli: %2").arg(joined(shown), joined(linesOf(cli.out)))));
    const QString rg = QStandardPaths::findExecutable(QStringLiteral("rg"));
    if (!rg.isEmpty()) {
        const ProcessResult theirs = run_program(rg, args, cwd);
        QVERIFY2(shown == linesOf(theirs.out), qPrintable(QStringLiteral("window: %1\nrg: %2").arg(joined(shown), joined(linesOf(theirs.out)))));
    }
    QVERIFY(!shown.empty());
    QVERIFY(shown.size() < 15);  // the filter filtered
}

void TestTypeFilter::unknownTypeStopsTheSearch()
{
    TestTree tree;
    tree.write(QStringLiteral("a.cpp"), "needle\n");
    MainWindow window;
    QVERIFY(window.openFolder(QString::fromStdString(tree.root())));
    Query query;
    query.pattern = QStringLiteral("needle");
    query.fileTypes = QStringLiteral("cpp, cplusplus");
    window.queryBar()->setQuery(query);
    QVERIFY(!window.startSearch());
    QVERIFY2(window.queryBar()->errorText().contains(QLatin1String("cplusplus")), qPrintable(window.queryBar()->errorText()));
    QVERIFY(!window.isSearching());
}

void TestTypeFilter::completerOffersTypeNames()
{
    QueryBar bar;
    auto* edit = bar.findChild<TypeFilterEdit*>(QStringLiteral("typeFilterEdit"));
    QVERIFY(edit);
    QCompleter* completer = edit->completer();
    QVERIFY(completer);
    // The word being typed is matched anywhere in the names; the words before it stay.
    completer->setCompletionPrefix(QStringLiteral("cpp, !ru"));
    QStringList offered;
    for (int row = 0; row < completer->completionModel()->rowCount(); ++row)
        offered.append(completer->completionModel()->index(row, 0).data(Qt::UserRole + 1).toString());
    QVERIFY2(offered.contains(QStringLiteral("rust")), qPrintable(offered.join(u',')));
    QVERIFY2(offered.contains(QStringLiteral("ruby")), qPrintable(offered.join(u',')));
    QVERIFY(!offered.contains(QStringLiteral("cpp")));
    edit->setText(QStringLiteral("cpp, !ru"));
    const QModelIndex rust = completer->completionModel()->index(static_cast<int>(offered.indexOf(QStringLiteral("rust"))), 0);
    QCOMPARE(completer->pathFromIndex(rust), QStringLiteral("cpp, !rust"));
    // The popup shows each name with its globs.
    QVERIFY(rust.data(Qt::DisplayRole).toString().startsWith(QLatin1String("rust: *.rs")));
    QVERIFY(edit->toolTip().contains(QLatin1String("cpp: ")));
}

void TestTypeFilter::rememberedWithTheQuery()
{
    Query query;
    query.pattern = QStringLiteral("x");
    query.fileTypes = QStringLiteral("cpp, !js");
    QCOMPARE(Query::fromVariantMap(query.toVariantMap()).fileTypes, query.fileTypes);
    AppSettings settings;
    settings.setLastQuery(query);
    QCOMPARE(AppSettings().lastQuery().fileTypes, query.fileTypes);
    QueryBar bar;
    bar.setQuery(query);
    QCOMPARE(bar.query().fileTypes, query.fileTypes);
}

QTEST_MAIN(TestTypeFilter)
#include "test_type_filter.moc"
