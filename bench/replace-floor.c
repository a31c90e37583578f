/* The floor under Replace's apply (issue 9): the least a durable, atomic rewrite of the same
 * files costs on this disk, without any of CodeScout's work (no search, no matching, no hashing,
 * no checks, no journal file). For each path on standard input (one a line, e.g. the files the
 * apply changed): hard-link the original into KEEPDIR (as the undo journal keeps it: the rename
 * then frees nothing), read it, write its own bytes to a new hidden temporary file beside it,
 * start its writeback; then one syncfs(); then rename every temporary file over its file; then
 * one syncfs() more. Prints the time of each phase and the process's CPU time.
 *
 *   cc -O2 -pthread -o /tmp/replace-floor bench/replace-floor.c
 *   find TREE -name '*.c' | /tmp/replace-floor [--threads N] [--drop-originals] [--no-writeback] KEEPDIR
 *
 * --threads N: the per-file pass and the renames split over N threads (files i, i+N, ...), as
 * an apply could at best on N cores. --drop-originals: each original's page cache dropped once
 * read (posix_fadvise DONTNEED), so that its pages are reused for the new content — on a VM
 * with free page reporting (this benchmark machine: Firecracker, page_reporting_order=11)
 * fresh pages cost a host fault each on first touch. --no-writeback: no sync_file_range(); the
 * first syncfs() writes everything back.
 *
 * Afterwards every file has its old bytes in a new inode, and KEEPDIR one link per original
 * (remove it when done: deleting inodes right before a run slows the next ones' inode
 * allocation on a nojournal ext4, see bench/replace-apply.sh). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char **paths;
static size_t count;
static size_t threads = 1;
static const char *keep;
static int drop_originals;
static int writeback = 1;
static unsigned long long bytes_written;
static pthread_mutex_t bytes_mutex = PTHREAD_MUTEX_INITIALIZER;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double cpu_seconds(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (double)(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + (double)(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

static void die(const char *what, const char *path) {
    fprintf(stderr, "replace-floor: %s %s: %s\n", what, path, strerror(errno));
    exit(2);
}

static void temp_of(char *out, size_t size, size_t i) { snprintf(out, size, "%s.floor-tmp", paths[i]); }

/* Link, read, write the temporary file: files first, first + threads, ... */
static void *pass(void *arg) {
    const size_t first = (size_t)arg;
    const size_t cap = 64 << 20;
    char *buf = malloc(cap);
    char temp[4200], kept[4200];
    unsigned long long bytes = 0;
    if (buf == NULL) die("malloc", "");
    for (size_t i = first; i < count; i += threads) {
        const int in = open(paths[i], O_RDONLY | O_CLOEXEC);
        if (in < 0) die("open", paths[i]);
        snprintf(kept, sizeof kept, "%s/kept-%zu", keep, i);
        if (linkat(in, "", AT_FDCWD, kept, AT_EMPTY_PATH) != 0) die("link", paths[i]);
        struct stat st;
        if (fstat(in, &st) != 0) die("fstat", paths[i]);
        const ssize_t got = read(in, buf, cap);
        if (got < 0) die("read", paths[i]);
        if (drop_originals) posix_fadvise(in, 0, 0, POSIX_FADV_DONTNEED);
        close(in);
        temp_of(temp, sizeof temp, i);
        const int out = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (out < 0) die("create", temp);
        if (write(out, buf, (size_t)got) != got) die("write", temp);
        if (fchmod(out, st.st_mode & 07777) != 0) die("fchmod", temp);
        if (writeback) sync_file_range(out, 0, 0, SYNC_FILE_RANGE_WRITE);
        close(out);
        bytes += (unsigned long long)got;
    }
    free(buf);
    pthread_mutex_lock(&bytes_mutex);
    bytes_written += bytes;
    pthread_mutex_unlock(&bytes_mutex);
    return NULL;
}

static void *renames(void *arg) {
    char temp[4200];
    for (size_t i = (size_t)arg; i < count; i += threads) {
        temp_of(temp, sizeof temp, i);
        if (rename(temp, paths[i]) != 0) die("rename", temp);
    }
    return NULL;
}

static void on_threads(void *(*run)(void *)) {
    pthread_t ids[64];
    for (size_t t = 0; t < threads; ++t) pthread_create(&ids[t], NULL, run, (void *)t);
    for (size_t t = 0; t < threads; ++t) pthread_join(ids[t], NULL);
}

int main(int argc, char **argv) {
    int a = 1;
    for (; a < argc && strncmp(argv[a], "--", 2) == 0; ++a) {
        if (strcmp(argv[a], "--threads") == 0 && a + 1 < argc) threads = strtoul(argv[++a], NULL, 10);
        else if (strcmp(argv[a], "--drop-originals") == 0) drop_originals = 1;
        else if (strcmp(argv[a], "--no-writeback") == 0) writeback = 0;
        else break;
    }
    if (a + 1 != argc || threads < 1 || threads > 64) {
        fprintf(stderr, "usage: replace-floor [--threads N] [--drop-originals] [--no-writeback] KEEPDIR < paths\n");
        return 2;
    }
    keep = argv[a];
    if (mkdir(keep, 0700) != 0 && errno != EEXIST) die("mkdir", keep);
    size_t cap = 1 << 14;
    paths = malloc(cap * sizeof *paths);
    char line[4096];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = 0;
        if (!*line) continue;
        if (count == cap) paths = realloc(paths, (cap *= 2) * sizeof *paths);
        paths[count++] = strdup(line);
    }
    if (count == 0) return 0;
    const double t0 = now();
    on_threads(pass);
    const double t1 = now();
    const int any = open(paths[0], O_RDONLY | O_CLOEXEC);
    if (any < 0 || syncfs(any) != 0) die("syncfs", paths[0]);
    const double t2 = now();
    on_threads(renames);
    const double t3 = now();
    if (syncfs(any) != 0) die("syncfs", paths[0]);
    const double t4 = now();
    printf("files %zu, bytes %llu, threads %zu%s%s\n", count, bytes_written, threads, drop_originals ? ", originals dropped" : "",
           writeback ? "" : ", no writeback started");
    printf("link+read+write %.3f s, syncfs %.3f s, renames %.3f s, syncfs %.3f s; total %.3f s, cpu %.3f s\n", t1 - t0, t2 - t1,
           t3 - t2, t4 - t3, t4 - t0, cpu_seconds());
    return 0;
}
