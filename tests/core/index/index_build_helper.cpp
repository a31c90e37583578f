// Build helper for test_index_build: builds the index of ROOT into INDEX_DIR (two threads, no
// racy window: the test wrote the tree just before) and, when KILL_AT > 0, kills itself with
// SIGKILL once the KILL_AT-th file has been read. RUN_BUFFER_PAIRS as IndexBuildOptions (0: the
// default). Exits 0 when the build succeeded, 1 (with the error on stderr) when it did not.
//   index_build_helper ROOT INDEX_DIR KILL_AT RUN_BUFFER_PAIRS
// A process of its own (exec'd, not a fork of the test): the test process has threads (Qt
// Test's watchdog, earlier builds), and a forked copy of it that starts the build's threads is
// undefined territory for the C library's locks and unsupported under ThreadSanitizer.
#include <csignal>
#include <cstdio>
#include <cstdlib>

#include <unistd.h>

#include "core/index/index_builder.h"

using namespace codescout;

namespace {

std::uint64_t g_kill_at = 0;

void kill_hook(std::uint64_t files_done) {
    if (files_done == g_kill_at) ::kill(::getpid(), SIGKILL);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s ROOT INDEX_DIR KILL_AT RUN_BUFFER_PAIRS\n", argv[0]);
        return 2;
    }
    IndexBuildOptions options;
    options.root = argv[1];
    options.index_directory = argv[2];
    options.threads = 2;
    options.racy_window = std::chrono::nanoseconds(0);
    options.run_buffer_pairs = std::strtoull(argv[4], nullptr, 10);
    g_kill_at = std::strtoull(argv[3], nullptr, 10);
    if (g_kill_at > 0) IndexBuilder::set_file_hook(kill_hook);
    IndexBuilder builder(options);
    const IndexBuildResult result = builder.run();
    if (!result.ok) std::fprintf(stderr, "index build: %s\n", result.error.c_str());
    return result.ok ? 0 : 1;
}
