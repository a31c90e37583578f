// Experiment for bench/run-queue-share.py, not part of CodeScout: an LD_PRELOAD library that pins
// the main thread to CPU 0 and each thread it creates to the next CPU, to test whether two
// CPU-bound searcher threads left on one run queue explain a lost share of the machine.
//   gcc -O2 -shared -fPIC -o build/pin-threads.so bench/pin-threads.c -ldl
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <unistd.h>
static int next_cpu = 1;
static void pin(int k) { cpu_set_t s; CPU_ZERO(&s); CPU_SET(k % sysconf(_SC_NPROCESSORS_ONLN), &s); sched_setaffinity(0, sizeof s, &s); }
__attribute__((constructor)) static void init(void) { pin(0); }
struct start { void* (*fn)(void*); void* arg; int cpu; };
static void* trampoline(void* p) { struct start s = *(struct start*)p; free(p); pin(s.cpu); return s.fn(s.arg); }
int pthread_create(pthread_t* t, const pthread_attr_t* a, void* (*fn)(void*), void* arg) {
    static int (*real)(pthread_t*, const pthread_attr_t*, void* (*)(void*), void*);
    if (!real) real = dlsym(RTLD_NEXT, "pthread_create");
    struct start* s = malloc(sizeof *s); s->fn = fn; s->arg = arg; s->cpu = __atomic_fetch_add(&next_cpu, 1, __ATOMIC_RELAXED);
    return real(t, a, trampoline, s);
}
