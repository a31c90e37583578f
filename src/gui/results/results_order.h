// How the results' file rows are ordered while a search streams them in: by path (the default:
// the same search shows the same order every time, whichever thread finished which file first)
// or as found (the engine's arrival order, which varies from run to run).
#pragma once

#include <QStringView>

namespace codescout::gui {

enum class ResultsOrder { ByPath, AsFound };

// The order of `codescout-cli --sort path` / `rg --sort path` within one root: component by
// component ("a/x" before "a-b/x"), each compared by Unicode code point, which is the order of
// the UTF-8 bytes rg compares.
bool pathLess(QStringView a, QStringView b);

}  // namespace codescout::gui
