// Placeholder entry point until the CLI lands (issue #2 section 3): prints the version.
#include <cstdio>

int main() {
    std::puts("codescout-cli: under construction");
    return 2;
}
