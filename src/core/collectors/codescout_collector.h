/* codescout_collector.h: the C interface of a CodeScout metric collector plugin, version 1.
 *
 * A collector is a shared library that CodeScout loads with dlopen() and that provides a few
 * metric series (Prometheus names, with help text, unit and type). It exports one C function,
 * CODESCOUT_COLLECTOR_ENTRY_SYMBOL, which returns a descriptor; CodeScout calls the descriptor's
 * sample() on each sampler tick to read the current values. Plain C on purpose: a plugin may be
 * written in C or C++ (or anything that can export a C function) and is never coupled to the C++
 * ABI or the standard library CodeScout was built with. docs/collectors.md explains how to write
 * one; docs/examples/collectors/minimal_collector.c is a complete example.
 *
 * What CodeScout guarantees (the host side):
 *   - It checks interface_version (the descriptor's first member) before reading anything else,
 *     and rejects a plugin whose version it does not speak, naming the file.
 *   - It copies name, series and their strings during loading; they need to live only until the
 *     entry function's caller has read them (static storage is the simple choice).
 *   - sample() is called on a thread of CodeScout's own, never the GUI thread, and never
 *     concurrently with itself or destroy() for the same descriptor. Each call is time-boxed: a
 *     late sample marks the collector's series stale and CodeScout carries on; the call is not
 *     interrupted, and no new call is made until it has returned.
 *   - Before each call every value is set to CODESCOUT_VALUE_UNAVAILABLE, so a value the plugin
 *     does not fill is shown as unavailable, never as zero.
 *   - destroy(), when not NULL, is called once per entry call, after the last sample().
 *
 * What a plugin must do:
 *   - Never let a C++ exception leave sample() or the entry function (catch at the boundary and
 *     return an error code). CodeScout catches one that escapes anyway, reports it and disables
 *     the collector, but unwinding through a C interface is undefined behaviour.
 *   - Return quickly from the entry function: it runs while CodeScout loads plugins.
 *   - Report "I cannot read this right now" (file missing, permission denied) as
 *     CODESCOUT_VALUE_UNAVAILABLE for that value, not as an error and never as 0.
 */
#ifndef CODESCOUT_COLLECTOR_H
#define CODESCOUT_COLLECTOR_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The interface version this header describes. Bumped on any incompatible change. */
#define CODESCOUT_COLLECTOR_INTERFACE_VERSION 1u

/* The symbol every plugin exports (type codescout_collector_entry_fn). */
#define CODESCOUT_COLLECTOR_ENTRY_SYMBOL "codescout_collector_entry"

/* Upper bound on series_count, so a corrupt descriptor cannot make the host allocate wildly. */
#define CODESCOUT_COLLECTOR_MAX_SERIES 256u

/* Prometheus metric types. */
typedef enum codescout_series_type {
    CODESCOUT_SERIES_COUNTER = 0, /* only ever grows (name ends in _total) */
    CODESCOUT_SERIES_GAUGE = 1    /* goes up and down */
} codescout_series_type;

/* One series a collector provides. */
typedef struct codescout_series {
    const char* name; /* Prometheus name, [a-zA-Z_:][a-zA-Z0-9_:]*, e.g. "codescout_io_read_bytes_total" */
    const char* help; /* one line, for "# HELP" */
    const char* unit; /* "bytes", "seconds", "syscalls", "percent", ... (for axes and CSV headers) */
    int32_t type;     /* a codescout_series_type */
} codescout_series;

/* What a value means. */
typedef enum codescout_value_state {
    CODESCOUT_VALUE_OK = 0,          /* value holds the reading */
    CODESCOUT_VALUE_UNAVAILABLE = 1, /* could not be read here (missing file, no permission, ...) */
    CODESCOUT_VALUE_UNLIMITED = 2    /* there is no limit (cgroup "max"); value is ignored */
} codescout_value_state;

typedef struct codescout_value {
    double value;  /* exact for integers up to 2^53 */
    int32_t state; /* a codescout_value_state */
} codescout_value;

/* Fills values[0 .. count-1], in the order of the descriptor's series (count == series_count).
 * Returns 0 on success; any other value means "this sample failed as a whole" and CodeScout shows
 * all of the collector's series as unavailable for this tick. */
typedef int32_t (*codescout_sample_fn)(void* context, codescout_value* values, uint32_t count);

/* Releases what the entry function allocated for context. */
typedef void (*codescout_destroy_fn)(void* context);

/* The descriptor. Members are only ever appended in later versions; interface_version stays first. */
typedef struct codescout_collector {
    uint32_t interface_version;     /* CODESCOUT_COLLECTOR_INTERFACE_VERSION */
    uint32_t series_count;          /* 1 .. CODESCOUT_COLLECTOR_MAX_SERIES */
    const char* name;               /* short collector name, e.g. "process-io" */
    const codescout_series* series; /* series_count entries */
    void* context;                  /* passed back to sample() and destroy(); may be NULL */
    codescout_sample_fn sample;     /* required */
    codescout_destroy_fn destroy;   /* optional (NULL) */
} codescout_collector;

/* The exported entry function: returns the descriptor (NULL = the plugin cannot work here; it is
 * then reported and skipped). Called once per load. */
typedef const codescout_collector* (*codescout_collector_entry_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* CODESCOUT_COLLECTOR_H */
