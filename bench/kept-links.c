/* The undo journal's kept links (undo_journal.h), in small: N hard links made into one entry
 * folder, either all in it ("kept-<k>", the layout before the subfolders) or in subfolders of
 * PER_FOLDER ("links-<k / PER_FOLDER>/kept-<k>", each made on first need and named by its path
 * relative to the entry, as EntryWriter::keep_original does). Then what publish() needs to make
 * them durable: an fsync() of every subfolder and the entry, timed, and again with nothing new;
 * and one syncfs(). Prints each phase's time.
 *
 *   cc -O2 -o /tmp/kept-links bench/kept-links.c
 *   /tmp/kept-links SRCDIR ENTRYDIR N PER_FOLDER     (PER_FOLDER 0: all in the entry folder)
 *
 * SRCDIR gets N empty files (made once, reused by later runs); ENTRYDIR must not exist. Remove
 * both when done. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static double fsync_subfolders(int entry, int folders) {
    const double start = now_ms();
    char name[64];
    for (int b = 0; b < folders; b++) {
        snprintf(name, sizeof name, "links-%d", b);
        const int fd = openat(entry, name, O_RDONLY | O_DIRECTORY);
        fsync(fd);
        close(fd);
    }
    fsync(entry);
    return now_ms() - start;
}

int main(int argc, char** argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s SRCDIR ENTRYDIR N PER_FOLDER\n", argv[0]);
        return 2;
    }
    const int n = atoi(argv[3]), per_folder = atoi(argv[4]);
    mkdir(argv[1], 0755);
    if (mkdir(argv[2], 0700) != 0) {
        perror(argv[2]);
        return 1;
    }
    const int src = open(argv[1], O_RDONLY | O_DIRECTORY), entry = open(argv[2], O_RDONLY | O_DIRECTORY);
    int* files = malloc(sizeof(int) * (size_t)n);
    char name[64];
    for (int i = 0; i < n; i++) {
        snprintf(name, sizeof name, "f%d", i);
        files[i] = openat(src, name, O_RDONLY | O_CREAT, 0644);
    }
    syncfs(entry);

    double mkdir_ms = 0;
    int folders = 0;
    const double start = now_ms();
    for (int i = 0; i < n; i++) {
        if (per_folder > 0 && i / per_folder == folders) {
            const double m = now_ms();
            snprintf(name, sizeof name, "links-%d", folders++);
            mkdirat(entry, name, 0700);
            mkdir_ms += now_ms() - m;
        }
        if (per_folder > 0) snprintf(name, sizeof name, "links-%d/kept-%d", i / per_folder, i);
        else snprintf(name, sizeof name, "kept-%d", i);
        if (linkat(files[i], "", entry, name, AT_EMPTY_PATH) != 0) {
            perror("linkat");
            return 1;
        }
    }
    const double link_ms = now_ms() - start;
    const double fsync_ms = fsync_subfolders(entry, folders);
    const double again_ms = fsync_subfolders(entry, folders);
    const double s = now_ms();
    syncfs(entry);
    const double syncfs_ms = now_ms() - s;
    printf("%d links, %d to a folder: %.1f ms (mkdir of %d subfolders %.1f ms); fsync of each subfolder and the entry "
           "%.1f ms, again %.1f ms; syncfs %.1f ms\n",
           n, per_folder, link_ms, folders, mkdir_ms, fsync_ms, again_ms, syncfs_ms);
    return 0;
}
