// Compiled against the match layer only, on demand by the test layer_wall_compile: a match
// source that includes a search header must not compile, because match's include root does not
// hold search's headers. If this ever builds, the wall is gone.
#include "core/search/search_options.h"
