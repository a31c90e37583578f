// TypeFilterEdit: a completer for the last word of a comma-separated list (see type_filter_edit.h).
#include "gui/window/type_filter_edit.h"

#include <QCompleter>
#include <QStandardItemModel>

#include "gui/search/type_filter.h"

namespace codescout::gui {

namespace {

// The role holding a type's bare name: what is matched and inserted (the display role shows the
// name with its globs).
constexpr int kNameRole = Qt::UserRole + 1;

// Where the word being typed starts: after the last separator, and after a leading '!'.
qsizetype wordStart(const QString& text)
{
    qsizetype start = text.size();
    while (start > 0 && text[start - 1] != QLatin1Char(',') && !text[start - 1].isSpace())
        --start;
    if (start < text.size() && text[start] == QLatin1Char('!'))
        ++start;
    return start;
}

// Completes the last word only: the words before it stay as typed.
class LastWordCompleter : public QCompleter {
public:
    using QCompleter::QCompleter;

    QStringList splitPath(const QString& path) const override
    {
        return {path.mid(wordStart(path))};
    }

    QString pathFromIndex(const QModelIndex& index) const override
    {
        const auto* edit = qobject_cast<const QLineEdit*>(widget());
        const QString text = edit ? edit->text() : QString();
        return text.left(wordStart(text)) + index.data(kNameRole).toString();
    }
};

}  // namespace

TypeFilterEdit::TypeFilterEdit(QWidget* parent) : QLineEdit(parent)
{
    setObjectName(QStringLiteral("typeFilterEdit"));
    setPlaceholderText(tr("file types, e.g. cpp, rust, !js"));
    setAccessibleName(tr("File types"));
    setClearButtonEnabled(true);
    setMaximumWidth(200);

    auto* model = new QStandardItemModel(this);
    for (const QString& name : TypeFilter::names()) {
        auto* item = new QStandardItem(TypeFilter::describe(name));
        item->setData(name, kNameRole);
        item->setEditable(false);
        model->appendRow(item);
    }
    auto* completer = new LastWordCompleter(model, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionRole(kNameRole);
    completer->setMaxVisibleItems(12);
    setCompleter(completer);

    connect(this, &QLineEdit::textChanged, this, &TypeFilterEdit::updateToolTip);
    updateToolTip();
}

void TypeFilterEdit::updateToolTip()
{
    QStringList lines{tr("Only files of these types (as rg -t); !type skips a type (rg -T). "
                         "Comma-separated; the list of types opens as you type.")};
    for (const FileTypeChange& change : TypeFilter::changes(text())) {
        const QString name = QString::fromStdString(change.text);
        const QString globs = TypeFilter::describe(name);
        if (globs.isEmpty())
            continue;
        lines.append(change.kind == FileTypeChange::Kind::Negate ? tr("skipped: %1").arg(globs) : globs);
    }
    setToolTip(lines.join(QLatin1Char('\n')));
}

}  // namespace codescout::gui
