// Looks at a candidate plugin file before dlopen() sees it, so that garbage in a plugin folder
// (a text file, a truncated download, a library for another architecture) is rejected with a
// message that says what is wrong, rather than with whatever dlerror() happens to word.
#pragma once

#include <filesystem>
#include <string>

namespace codescout::collectors {

// Empty when `file` looks like a shared library this process can load: ELF magic, this process's
// word size, byte order and machine, type ET_DYN, every loadable segment inside the file (a
// truncated library would crash dlopen() with SIGBUS). Otherwise a reason, e.g. "not a shared library
// (no ELF header)" or "built for another architecture (ELF machine 183, this process has 62)".
// The machine is compared with the running executable's own header (/proc/self/exe), so the check
// needs no list of architectures.
std::string elf_problem(const std::filesystem::path& file);

}  // namespace codescout::collectors
