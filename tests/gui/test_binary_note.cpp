// The results view's note on binary files: a search that stopped at a NUL byte says so on the
// file's row (tooltip, accessible text, BinaryNoteRole), end to end from the engine's default
// binary policy; a text file carries no note.
#include <QLocale>
#include <QTest>

#include <atomic>

#include "core/match/pattern_cache.h"
#include "core/search/binary_policy.h"
#include "core/search/file_searcher.h"
#include "gui/results/compact_file.h"
#include "gui/results/results_model.h"
#include "test_tree.h"

using namespace codescout;
using namespace codescout::gui;

namespace {

// Searches `content` as a walked file with the engine's default policy, as the GUI's search does.
FileResult searchWalked(const QByteArray& content)
{
    TestTree tree;
    const std::string path = tree.write(QStringLiteral("f"), content);
    PatternOptions pattern;
    pattern.patterns = {"needle"};
    const std::shared_ptr<const Matcher> matcher = compile_matcher(pattern);
    SearchOptions options;
    MemoryMetrics metrics;
    std::atomic<bool> stop{false};
    FileSearcher searcher(*matcher, options, *default_binary_policy(), metrics, stop);
    FileResult result;
    searcher.search(path, InputSpec{InputOrigin::Walked}, result);
    return result;
}

}  // namespace

class TestBinaryNote : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void binaryFileRowCarriesTheNote()
    {
        // Three matching lines, then a NUL inside the fourth line (which starts at byte 21).
        const QByteArray content = QByteArray("needle\n").repeated(3) + QByteArray("need\0le\nneedle\n", 15);
        const FileResult result = searchWalked(content);
        QCOMPARE(result.matched_lines, 3u);

        ResultsModel model;
        std::vector<CompactFile> files;
        files.emplace_back(result, "");
        model.addFiles(std::move(files));
        const QModelIndex row = model.index(0, 0);
        const QString note = row.data(ResultsModel::BinaryNoteRole).toString();
        QCOMPARE(note, QStringLiteral("binary file: matches after byte 21 not shown"));
        QVERIFY(row.data(Qt::ToolTipRole).toString().endsWith(note));
        QVERIFY(row.data(Qt::AccessibleTextRole).toString().endsWith(note));
        QCOMPARE(model.rowCount(row), 3);
    }

    void textFileRowHasNoNote()
    {
        const FileResult result = searchWalked(QByteArray("needle\n").repeated(3));
        ResultsModel model;
        std::vector<CompactFile> files;
        files.emplace_back(result, "");
        model.addFiles(std::move(files));
        const QModelIndex row = model.index(0, 0);
        QVERIFY(row.data(ResultsModel::BinaryNoteRole).toString().isEmpty());
        QCOMPARE(row.data(Qt::ToolTipRole).toString(), QString::fromStdString(result.path));
    }
};

QTEST_MAIN(TestBinaryNote)
#include "test_binary_note.moc"
