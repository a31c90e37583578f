// The committed .ts files are complete and current: lupdate is run here over the same sources and
// forms as the update_translations target (the list translations/CMakeLists.txt writes), and every
// (context, source) it finds must be in each .ts file, translated, with no obsolete, vanished or
// stale entries; translations keep the placeholders and accelerators of their sources, and plural
// entries have all their forms.
#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "ts_file.h"

using codescout::test::readTsFile;
using codescout::test::TsEntry;
using codescout::test::TsFile;

namespace {

// Joins failure names into one message, so one run lists every problem of a file at once.
QByteArray report(const QString& what, const QStringList& names)
{
    return (what + QStringLiteral(":\n  ") + names.join(QStringLiteral("\n  "))).toUtf8();
}

// Reads translations/lupdate_inputs.txt: "dir <folder>" lines set the folder that the following
// relative paths are in. Returns absolute paths; a listed file that does not exist is an error.
QStringList readInputs(const QString& listPath, QString& error)
{
    QFile list(listPath);
    if (!list.open(QIODevice::ReadOnly | QIODevice::Text)) {
        error = listPath + QStringLiteral(": ") + list.errorString();
        return {};
    }
    QStringList files;
    QDir base;
    const QStringList lines = QString::fromUtf8(list.readAll()).split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        if (line.startsWith(QLatin1String("dir "))) {
            base = QDir(line.mid(4));
            continue;
        }
        const QString path = QDir::cleanPath(base.absoluteFilePath(line));
        if (!QFileInfo::exists(path)) {
            error = QStringLiteral("%1 lists %2, which does not exist").arg(listPath, path);
            return {};
        }
        files.append(path);
    }
    return files;
}

// The placeholders of a text, sorted: %1 ... %99 (%n is checked with the plural forms).
QStringList placeholders(const QString& text)
{
    static const QRegularExpression number(QStringLiteral("%(\\d{1,2})"));
    QStringList found;
    for (const auto& match : number.globalMatch(text))
        found.append(match.captured(0));
    found.sort();
    return found;
}

// How many keyboard accelerators ("&x", not the escaped "&&") a text has.
int accelerators(const QString& text)
{
    int count = 0;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        if (!text[i + 1].isSpace())
            ++count;
    }
    return count;
}

}  // namespace

class TestTranslationFiles : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void noUnfinishedOrObsoleteEntries_data() { languages(); }
    void noUnfinishedOrObsoleteEntries();
    void everySourceStringIsThere_data() { languages(); }
    void everySourceStringIsThere();
    void placeholdersAndAcceleratorsKept_data() { languages(); }
    void placeholdersAndAcceleratorsKept();
    void pluralFormsFilled_data() { languages(); }
    void pluralFormsFilled();

private:
    // One row per .ts file; the English one holds only the plural strings (lupdate -pluralonly).
    static void languages()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<bool>("pluralsOnly");
        QTest::newRow("de") << QStringLiteral("de") << false;
        QTest::newRow("fr") << QStringLiteral("fr") << false;
        QTest::newRow("en") << QStringLiteral("en") << true;
    }
    static TsFile committed(const QString& language);

    QTemporaryDir tmp_;
    QList<TsEntry> sourceStrings_;  // what lupdate finds in the sources now
};

TsFile TestTranslationFiles::committed(const QString& language)
{
    TsFile file;
    QString error;
    const QString path = QStringLiteral(CODESCOUT_TS_DIR "/codescout_%1.ts").arg(language);
    if (!readTsFile(path, file, error))
        qFatal("%s", qPrintable(error));
    return file;
}

void TestTranslationFiles::initTestCase()
{
    QVERIFY(tmp_.isValid());
    QString error;
    const QStringList inputs = readInputs(QStringLiteral(CODESCOUT_I18N_INPUTS), error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(inputs.size() > 10, "the lupdate input list names (almost) no sources");

    QFile list(tmp_.filePath(QStringLiteral("inputs.lst")));
    QVERIFY(list.open(QIODevice::WriteOnly | QIODevice::Text));
    list.write(inputs.join(QLatin1Char('\n')).toUtf8());
    list.close();

    // Into a new file, so the result is exactly what the sources hold today.
    const QString fresh = tmp_.filePath(QStringLiteral("sources.ts"));
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(CODESCOUT_LUPDATE),
                  {QStringLiteral("-locations"), QStringLiteral("none"),
                   QStringLiteral("-I"), QStringLiteral(CODESCOUT_INCLUDE_DIR),
                   QLatin1Char('@') + list.fileName(), QStringLiteral("-ts"), fresh});
    QVERIFY2(lupdate.waitForStarted(), qPrintable(lupdate.errorString()));
    QVERIFY2(lupdate.waitForFinished(180'000), "lupdate did not finish in 3 minutes");
    const QByteArray output = lupdate.readAll();
    QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0,
             output.constData());

    TsFile file;
    QVERIFY2(readTsFile(fresh, file, error), qPrintable(error));
    sourceStrings_ = file.entries;
    QVERIFY2(sourceStrings_.size() > 50, output.constData());
}

void TestTranslationFiles::noUnfinishedOrObsoleteEntries()
{
    QFETCH(QString, language);
    const TsFile file = committed(language);
    QStringList unfinished;
    QStringList obsolete;
    for (const TsEntry& entry : file.entries) {
        if (entry.type == QLatin1String("unfinished"))
            unfinished.append(entry.name());
        else if (!entry.type.isEmpty())
            obsolete.append(entry.type + QStringLiteral(": ") + entry.name());
    }
    QVERIFY2(unfinished.isEmpty(), report(QStringLiteral("unfinished translations"), unfinished));
    QVERIFY2(obsolete.isEmpty(),
             report(QStringLiteral("obsolete entries (run update_translations)"), obsolete));
}

void TestTranslationFiles::everySourceStringIsThere()
{
    QFETCH(QString, language);
    QFETCH(bool, pluralsOnly);
    const TsFile file = committed(language);
    QSet<QString> inFile;
    for (const TsEntry& entry : file.entries)
        inFile.insert(entry.key());

    QSet<QString> inSources;
    QStringList missing;
    for (const TsEntry& entry : std::as_const(sourceStrings_)) {
        if (pluralsOnly && !entry.numerus)
            continue;
        inSources.insert(entry.key());
        if (!inFile.contains(entry.key()))
            missing.append(entry.name());
    }
    QStringList stale;
    for (const TsEntry& entry : file.entries) {
        if (!inSources.contains(entry.key()))
            stale.append(entry.name());
    }
    QVERIFY2(missing.isEmpty(),
             report(QStringLiteral("strings in the sources but not in codescout_%1.ts "
                                   "(run update_translations, then translate them)")
                        .arg(language),
                    missing));
    QVERIFY2(stale.isEmpty(),
             report(QStringLiteral("entries of codescout_%1.ts no longer in the sources "
                                   "(run update_translations)")
                        .arg(language),
                    stale));
}

void TestTranslationFiles::placeholdersAndAcceleratorsKept()
{
    QFETCH(QString, language);
    const TsFile file = committed(language);
    QStringList wrong;
    for (const TsEntry& entry : file.entries) {
        const QStringList texts = entry.numerus ? entry.numerusForms : QStringList{entry.translation};
        for (const QString& text : texts) {
            if (text.isEmpty())
                continue;  // unfinished: reported by noUnfinishedOrObsoleteEntries
            if (placeholders(text) != placeholders(entry.source))
                wrong.append(QStringLiteral("placeholders differ: %1 -> \"%2\"").arg(entry.name(), text));
            if (accelerators(text) != accelerators(entry.source))
                wrong.append(QStringLiteral("accelerators differ: %1 -> \"%2\"").arg(entry.name(), text));
        }
    }
    QVERIFY2(wrong.isEmpty(), report(QStringLiteral("translations that change the source's form"), wrong));
}

void TestTranslationFiles::pluralFormsFilled()
{
    QFETCH(QString, language);
    // German, French and English all have a singular and a plural form in Qt's plural rules.
    constexpr qsizetype kForms = 2;
    const TsFile file = committed(language);
    QCOMPARE(file.language, language);
    QStringList wrong;
    int plurals = 0;
    for (const TsEntry& entry : file.entries) {
        if (!entry.numerus)
            continue;
        ++plurals;
        const bool allFilled = std::all_of(entry.numerusForms.begin(), entry.numerusForms.end(),
                                           [](const QString& form) { return !form.isEmpty(); });
        if (entry.numerusForms.size() != kForms || !allFilled)
            wrong.append(entry.name());
        else if (!entry.numerusForms.constLast().contains(QLatin1String("%n")) &&
                 !entry.numerusForms.constLast().contains(QLatin1String("%Ln")))  // %Ln: localised digits
            wrong.append(entry.name() + QStringLiteral(" (the plural form lacks %n)"));
    }
    QVERIFY2(wrong.isEmpty(), report(QStringLiteral("plural entries without both forms"), wrong));
    const auto sourcePlurals = std::count_if(sourceStrings_.begin(), sourceStrings_.end(),
                                             [](const TsEntry& e) { return e.numerus; });
    QCOMPARE(plurals, static_cast<int>(sourcePlurals));
}

QTEST_GUILESS_MAIN(TestTranslationFiles)
#include "test_translation_files.moc"
