// A small .ts reader on QXmlStreamReader: <context><name/><message numerus><source/><comment/>
// <translation type><numerusform/>...</translation></message></context>.
#include "ts_file.h"

#include <QFile>
#include <QXmlStreamReader>

namespace codescout::test {

QString TsEntry::name() const
{
    QString text = context + QStringLiteral(" / \"") + source + QLatin1Char('"');
    if (!comment.isEmpty())
        text += QStringLiteral(" [") + comment + QLatin1Char(']');
    return text;
}

namespace {

TsEntry readMessage(QXmlStreamReader& xml, const QString& context)
{
    TsEntry entry;
    entry.context = context;
    entry.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
    while (xml.readNextStartElement()) {
        if (xml.name() == QLatin1String("source")) {
            entry.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("comment")) {
            entry.comment = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            entry.type = xml.attributes().value(QLatin1String("type")).toString();
            if (entry.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == QLatin1String("numerusform"))
                        entry.numerusForms.append(xml.readElementText());
                    else
                        xml.skipCurrentElement();
                }
            } else {
                entry.translation = xml.readElementText();
            }
        } else {
            xml.skipCurrentElement();
        }
    }
    return entry;
}

}  // namespace

bool readTsFile(const QString& path, TsFile& out, QString& error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = path + QStringLiteral(": ") + file.errorString();
        return false;
    }
    out = {};
    QXmlStreamReader xml(&file);
    if (xml.readNextStartElement() && xml.name() == QLatin1String("TS")) {
        out.language = xml.attributes().value(QLatin1String("language")).toString();
        while (xml.readNextStartElement()) {
            if (xml.name() != QLatin1String("context")) {
                xml.skipCurrentElement();
                continue;
            }
            QString context;
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("name"))
                    context = xml.readElementText();
                else if (xml.name() == QLatin1String("message"))
                    out.entries.append(readMessage(xml, context));
                else
                    xml.skipCurrentElement();
            }
        }
    } else if (!xml.hasError()) {
        xml.raiseError(QStringLiteral("not a .ts file (no <TS> root)"));
    }
    if (xml.hasError()) {
        error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
        return false;
    }
    return true;
}

}  // namespace codescout::test
