/* The floor under Replace's apply (issue 9): the least a durable, atomic rewrite of the same
 * files costs on this disk, without any of CodeScout's work (no search, no matching, no hashing,
 * no checks, no journal file). For each path on standard input (one a line, e.g. the files the
 * apply changed): hard-link the original into KEEPDIR (as the undo journal keeps it: the rename
 * then frees nothing), write its own bytes to a new
 * hidden temporary file beside it, start its writeback; then one syncfs(); then rename every
 * temporary file over its file; then one syncfs() more. Prints the time of each phase.
 *
 *   cc -O2 -o /tmp/replace-floor bench/replace-floor.c
 *   find TREE -name '*.c' | /tmp/replace-floor KEEPDIR
 *
 * Afterwards every file has its old bytes in a new inode, and KEEPDIR one link per original. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void die(const char *what, const char *path) {
    fprintf(stderr, "replace-floor: %s %s: %s\n", what, path, strerror(errno));
    exit(2);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: replace-floor KEEPDIR < paths\n");
        return 2;
    }
    const char *keep = argv[1];
    if (mkdir(keep, 0700) != 0 && errno != EEXIST) die("mkdir", keep);
    size_t cap = 1 << 14, n = 0;
    char **paths = malloc(cap * sizeof *paths);
    char line[4096];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = 0;
        if (!*line) continue;
        if (n == cap) paths = realloc(paths, (cap *= 2) * sizeof *paths);
        paths[n++] = strdup(line);
    }
    static char buf[64 << 20];
    char temp[4200], kept[4200];
    unsigned long long bytes = 0;
    const double t0 = now();
    for (size_t i = 0; i < n; ++i) {
        snprintf(kept, sizeof kept, "%s/kept-%zu", keep, i);
        if (link(paths[i], kept) != 0) die("link", paths[i]);
    }
    const double t1 = now();
    for (size_t i = 0; i < n; ++i) {
        int in = open(paths[i], O_RDONLY | O_CLOEXEC);
        if (in < 0) die("open", paths[i]);
        ssize_t got = read(in, buf, sizeof buf);
        if (got < 0) die("read", paths[i]);
        close(in);
        snprintf(temp, sizeof temp, "%s.floor-tmp", paths[i]);
        int out = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (out < 0) die("create", temp);
        if (write(out, buf, (size_t)got) != got) die("write", temp);
        sync_file_range(out, 0, 0, SYNC_FILE_RANGE_WRITE);
        close(out);
        bytes += (unsigned long long)got;
    }
    const double t2 = now();
    int any = open(paths[0], O_RDONLY | O_CLOEXEC);
    if (any < 0 || syncfs(any) != 0) die("syncfs", paths[0]);
    const double t3 = now();
    for (size_t i = 0; i < n; ++i) {
        snprintf(temp, sizeof temp, "%s.floor-tmp", paths[i]);
        if (rename(temp, paths[i]) != 0) die("rename", temp);
    }
    const double t4 = now();
    if (syncfs(any) != 0) die("syncfs", paths[0]);
    const double t5 = now();
    printf("files %zu, bytes %llu\n", n, bytes);
    printf("link originals %.3f s, write temporaries %.3f s, syncfs %.3f s, renames %.3f s, syncfs %.3f s; total %.3f s\n",
           t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t5 - t0);
    return 0;
}
