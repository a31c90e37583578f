// The shared syntax repository and theme/definition choice.
#include "gui/preview/syntax_repository.h"

#include <QMimeDatabase>

#include <optional>

#include "core/metrics/heap_counters.h"
#include "gui/memory/gui_memory.h"

namespace codescout::gui {

namespace {

// The repository's memory, measured once as the allocator's in-use growth across its
// construction (which reads every definition's header and the themes). KSyntaxHighlighting has no
// size API, so this is the only honest figure: it is the repository as loaded, not as it grows
// later when a definition's rules are first used (that stays in "other heap"), and another
// thread allocating in that window would count too (at startup the search threads are idle).
// Without allocator figures (not glibc), or if the heap shrank meanwhile, it stays unavailable.
struct MeasuredRepository {
    std::optional<codescout::MallocFigures> before = codescout::malloc_figures();
    KSyntaxHighlighting::Repository repository;
    std::optional<GuiBytes> memory;

    MeasuredRepository()
    {
        const std::optional<codescout::MallocFigures> after = codescout::malloc_figures();
        if (before && after && after->in_use >= before->in_use) {
            memory.emplace(GuiComponent::SyntaxRepository);
            memory->set(after->in_use - before->in_use);
        }
    }
};

}  // namespace

KSyntaxHighlighting::Repository& syntaxRepository()
{
    static MeasuredRepository measured;
    return measured.repository;
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
