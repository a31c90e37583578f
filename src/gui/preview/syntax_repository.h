// The one KSyntaxHighlighting::Repository of the application (loading it reads every syntax
// definition: do it once), and the theme that matches the current palette.
#pragma once

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <QByteArray>
#include <QPalette>
#include <QString>

namespace codescout::gui {

KSyntaxHighlighting::Repository& syntaxRepository();

// The default dark theme for a dark palette (window colour lightness < 128), else the light one.
KSyntaxHighlighting::Theme themeForPalette(const QPalette& palette);

// The definition for `path`: by file name first, then by the MIME type guessed from the name and
// the first bytes (`head`); invalid if neither knows the file.
KSyntaxHighlighting::Definition definitionFor(const QString& path, const QByteArray& head);

}  // namespace codescout::gui
