// TypeFilter: the filter text <-> the engine's FileTypeChange list (see type_filter.h).
#include "gui/search/type_filter.h"

#include "gui/search/query.h"

namespace codescout::gui {

namespace {

const FileTypeTable& table()
{
    static const FileTypeTable defaults = FileTypeTable::defaults();
    return defaults;
}

// "!js" -> {Negate, "js"}; "cpp" -> {Select, "cpp"}.
FileTypeChange change(const QString& token)
{
    if (token.startsWith(QLatin1Char('!')))
        return {FileTypeChange::Kind::Negate, token.mid(1).toStdString()};
    return {FileTypeChange::Kind::Select, token.toStdString()};
}

}  // namespace

std::vector<FileTypeChange> TypeFilter::changes(const QString& text)
{
    std::vector<FileTypeChange> out;
    for (const QString& token : splitList(text)) {
        if (token != QLatin1String("!"))
            out.push_back(change(token));
    }
    return out;
}

QString TypeFilter::error(const QString& text)
{
    QStringList unknown;
    for (const FileTypeChange& c : changes(text)) {
        if (!table().contains(c.text))
            unknown.append(QString::fromStdString(c.text));
    }
    if (unknown.isEmpty())
        return {};
    return tr("Unknown file type: %1. The file-type field lists the known types as you type.")
        .arg(unknown.join(QLatin1String(", ")));
}

QStringList TypeFilter::names()
{
    QStringList out;
    for (const std::string& name : table().names())
        out.append(QString::fromStdString(name));
    return out;
}

QString TypeFilter::describe(const QString& name)
{
    const std::vector<std::string>* globs = table().globs(name.toStdString());
    if (!globs)
        return {};
    QStringList parts;
    for (const std::string& glob : *globs)
        parts.append(QString::fromStdString(glob));
    parts.sort();  // as `rg --type-list` shows them
    return name + QLatin1String(": ") + parts.join(QLatin1String(", "));
}

}  // namespace codescout::gui
