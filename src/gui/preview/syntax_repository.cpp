// The shared syntax repository and theme/definition choice.
#include "gui/preview/syntax_repository.h"

#include <QMimeDatabase>

namespace codescout::gui {

KSyntaxHighlighting::Repository& syntaxRepository()
{
    static KSyntaxHighlighting::Repository repository;
    return repository;
}

KSyntaxHighlighting::Theme themeForPalette(const QPalette& palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    return syntaxRepository().defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                                : KSyntaxHighlighting::Repository::LightTheme);
}

KSyntaxHighlighting::Definition definitionFor(const QString& path, const QByteArray& head)
{
    KSyntaxHighlighting::Repository& repository = syntaxRepository();
    KSyntaxHighlighting::Definition definition = repository.definitionForFileName(path);
    if (definition.isValid())
        return definition;
    static const QMimeDatabase mimeDatabase;
    const QMimeType mime = mimeDatabase.mimeTypeForFileNameAndData(path, head);
    definition = repository.definitionForMimeType(mime.name());
    if (!definition.isValid()) {
        for (const QString& parent : mime.allAncestors()) {
            if (parent == QLatin1String("text/plain"))
                break;  // every text file is text/plain: that says nothing about its syntax
            definition = repository.definitionForMimeType(parent);
            if (definition.isValid())
                break;
        }
    }
    return definition;
}

}  // namespace codescout::gui
