// raise_descriptor_limit (see descriptor_limit.h).
#include "cli/descriptor_limit.h"

#include <algorithm>

#include <sys/resource.h>

namespace codescout::cli {

void raise_descriptor_limit() {
    constexpr rlim_t kMost = 65536;
    struct rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
    const rlim_t wanted = limit.rlim_max == RLIM_INFINITY ? kMost : std::min(limit.rlim_max, kMost);
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < wanted) {
        limit.rlim_cur = wanted;
        (void)::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

}  // namespace codescout::cli
