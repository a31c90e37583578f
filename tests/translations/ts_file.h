// Reads a Qt Linguist .ts file into plain entries, for the translation tests.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace codescout::test {

struct TsEntry {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type;              // "" (finished), "unfinished", "obsolete", "vanished"
    QString translation;       // the text of a non-numerus entry
    QStringList numerusForms;  // the forms of a numerus entry

    // "Context / source [comment]", how a failure names the entry.
    QString name() const;
    // What identifies an entry to lupdate and to QTranslator.
    QString key() const { return context + QChar(0x1f) + source + QChar(0x1f) + comment; }
};

struct TsFile {
    QString language;  // the <TS language="..."> attribute
    QList<TsEntry> entries;
};

// Parses `path`; on an unreadable or malformed file returns false with `error` set.
bool readTsFile(const QString& path, TsFile& out, QString& error);

}  // namespace codescout::test
