// The twin of upward_include_probe.cpp that must compile (it is part of every build): the same
// target setup reaches the headers of the layer it links, so the probe's failure means the wall.
#include "core/match/pattern_options.h"

namespace codescout {
// Something to compile, so the object is not empty.
bool downward_include_probe() { return PatternOptions{}.patterns.empty(); }
}  // namespace codescout
