// Named points between the durable steps of an apply, an undo and a recovery. The engine calls
// the hook (if any) at each, in order; the crash tests install one that kills the process there
// with SIGKILL, so every interleaving of "done" and "not yet done" is exercised for real.
#pragma once

#include <functional>
#include <string_view>

namespace codescout {

using StepHook = std::function<void(std::string_view step)>;

inline void reach_step(const StepHook& hook, std::string_view step) {
    if (hook) hook(step);
}

}  // namespace codescout
