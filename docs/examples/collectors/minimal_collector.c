/* minimal_collector.c: the smallest useful CodeScout collector plugin, in plain C.
 * It provides two series: how often it has been sampled (a counter, so you can see the sampler
 * tick) and the system's one-minute load average from /proc/loadavg (a gauge, unavailable where
 * the file cannot be read). docs/collectors.md walks through it; the tests build and load it.
 *
 *   cc -std=c99 -shared -fPIC -I/usr/include/codescout -o minimal_collector.so minimal_collector.c
 *   CODESCOUT_COLLECTOR_PATH=$PWD codescout-cli --stats-only --metrics-format prometheus TODO
 */
#include <stdio.h>
#include <stdlib.h>

#include "codescout_collector.h"

static const codescout_series series[] = {
    {"codescout_example_samples_total", "How many times the example collector was sampled.", "samples",
     CODESCOUT_SERIES_COUNTER},
    {"codescout_example_load1", "One-minute load average of the system (/proc/loadavg).", "tasks",
     CODESCOUT_SERIES_GAUGE},
};

/* Per-load state: the host calls the entry function once per load and destroy() once for it. */
struct example_state {
    codescout_collector descriptor;
    unsigned long long samples;
};

static int32_t example_sample(void* context, codescout_value* values, uint32_t count) {
    struct example_state* state = context;
    FILE* file;
    double load1;
    if (count != 2) return 1; /* cannot happen with this descriptor; an error, not a guess */

    state->samples += 1;
    values[0].value = (double)state->samples;
    values[0].state = CODESCOUT_VALUE_OK;

    /* values[1] stays CODESCOUT_VALUE_UNAVAILABLE (the host's default) unless it can be read. */
    file = fopen("/proc/loadavg", "r");
    if (file) {
        if (fscanf(file, "%lf", &load1) == 1) {
            values[1].value = load1;
            values[1].state = CODESCOUT_VALUE_OK;
        }
        fclose(file);
    }
    return 0;
}

static void example_destroy(void* context) { free(context); }

__attribute__((visibility("default"))) const codescout_collector* codescout_collector_entry(void) {
    struct example_state* state = calloc(1, sizeof *state);
    if (!state) return NULL;
    state->descriptor.interface_version = CODESCOUT_COLLECTOR_INTERFACE_VERSION;
    state->descriptor.series_count = sizeof series / sizeof series[0];
    state->descriptor.name = "example";
    state->descriptor.series = series;
    state->descriptor.context = state;
    state->descriptor.sample = example_sample;
    state->descriptor.destroy = example_destroy;
    return &state->descriptor;
}
