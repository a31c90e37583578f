// Survives a mapped file shrinking under us: reading a mapped page past the new end of the file
// raises SIGBUS, which would kill the process. run_catching_sigbus() runs a piece of code with a
// thread-local recovery point; a SIGBUS raised by that code on that thread returns false instead.
//
// The guarded code must be written for being abandoned at any read of mapped memory: it must not
// hold heap memory in locals of its own frames (put results into objects owned outside first,
// then fill them), because an abandoned frame runs no destructors.
#pragma once

#include <utility>

namespace codescout {

// Runs fn(context). True if it completed, false if it was abandoned on SIGBUS. Exceptions from
// fn propagate normally. A SIGBUS outside any guarded call keeps its previous disposition.
bool run_catching_sigbus(void (*fn)(void*), void* context);

template <typename Function>
bool run_catching_sigbus(Function& function) {
    return run_catching_sigbus([](void* f) { (*static_cast<Function*>(f))(); }, &function);
}

}  // namespace codescout
