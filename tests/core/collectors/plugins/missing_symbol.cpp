// Test plugin: a valid shared library that exports no codescout_collector_entry (a typo in the
// name, the way a C++ author forgetting extern "C" would also end up).
#include "test_plugin.h"

CODESCOUT_TEST_EXPORT int codescout_collector_entry_point_typo() { return 1; }
