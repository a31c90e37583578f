// SIGBUS recovery with sigsetjmp/siglongjmp (see sigbus_guard.h).
#include "core/io/sigbus_guard.h"

#include <csetjmp>
#include <csignal>
#include <mutex>

namespace codescout {

namespace {

// Where the faulting thread resumes; null when the thread is not inside a guarded call.
// A plain pointer with constant initialisation: safe to read from a signal handler.
thread_local sigjmp_buf* t_recovery_point = nullptr;

struct sigaction g_previous_action {};
std::once_flag g_installed;

void on_sigbus(int, siginfo_t*, void*) {
    if (sigjmp_buf* recovery = t_recovery_point) {
        t_recovery_point = nullptr;
        siglongjmp(*recovery, 1);
    }
    // Not ours: put the previous disposition back and return; the faulting instruction runs
    // again and the signal is delivered the way it would have been without us.
    ::sigaction(SIGBUS, &g_previous_action, nullptr);
}

void install_handler() {
    struct sigaction action {};
    action.sa_sigaction = on_sigbus;
    action.sa_flags = SA_SIGINFO;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGBUS, &action, &g_previous_action);
}

}  // namespace

bool run_catching_sigbus(void (*fn)(void*), void* context) {
    std::call_once(g_installed, install_handler);
    sigjmp_buf recovery;
    // Saving the signal mask (second argument) unblocks SIGBUS again after the jump.
    if (sigsetjmp(recovery, 1) != 0) return false;
    t_recovery_point = &recovery;
    try {
        fn(context);
    } catch (...) {
        t_recovery_point = nullptr;
        throw;
    }
    t_recovery_point = nullptr;
    return true;
}

}  // namespace codescout
