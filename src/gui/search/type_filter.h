// The query bar's file-type filter as text ("cpp, rust, !js") and what it means to the engine:
// each name selects a type (-t NAME), each "!name" excludes one (-T NAME), in the order written,
// against ripgrep's default type table (core/walk/file_types.h, the table the CLI uses). The
// engine's FileTypeMatcher applies them, so the GUI's file set is the CLI's for the same types.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <vector>

#include "core/walk/file_types.h"

namespace codescout::gui {

class TypeFilter {
    Q_DECLARE_TR_FUNCTIONS(TypeFilter)
public:
    // The -t / -T changes `text` stands for (names split at commas and whitespace).
    static std::vector<FileTypeChange> changes(const QString& text);
    // Empty, or which names in `text` are no file type (the message shown under the query).
    static QString error(const QString& text);
    // Every type name of the default table, sorted.
    static QStringList names();
    // "cpp: *.C, *.H, ..." for one type (empty for an unknown name).
    static QString describe(const QString& name);
};

}  // namespace codescout::gui
